// Absence and deputies (#19): the line above a message a stand-in receives, the replies of /vangmat and
// /phutrach, what the stand-in and the holder are told, the refusals. Vietnamese first, English.
import { formatDm, formatDmy } from "../../domain/dates.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import type { AbsenceView } from "./absence.ts";
import type { DeputyView } from "./deputies.ts";
import type { OnBehalf } from "./stand-ins.ts";

const period = (v: AbsenceView) =>
  v.from === v.to ? `ngày ${formatDmy(v.from)}` : `từ ${formatDmy(v.from)} đến ${formatDmy(v.to)}`;
const standInVi = (v: AbsenceView) =>
  v.standInName
    ? `đồng chí ${h(v.standInName)}`
    : "Phó Chủ tịch UBND phụ trách chương trình của việc (chưa phân công thì Chủ tịch UBND đơn vị)";
const whoVi = (v: AbsenceView) => `${h(v.officialName)}${v.unitName ? ` (${h(v.unitName)})` : ""}`;

export const absenceVi = {
  help: {
    vangmat: "báo vắng mặt (nghỉ phép, đi công tác): nhắc việc chuyển người thay; xem; hủy",
    phutrach: "Phó Chủ tịch phụ trách chương trình (người thay mặc định)",
  } as Record<string, string>,
  onBehalf: (v: OnBehalf) =>
    `Đồng chí ${h(v.holderName)} vắng mặt đến ${formatDm(v.until)} (${h(v.reason)}); đề nghị đồng chí ${h(v.standInName)} theo dõi, xử lý thay.`,
  recorded: (v: AbsenceView) =>
    [
      `🗓 Đã ghi nhận lịch vắng mặt #${v.id}: đồng chí ${whoVi(v)} vắng mặt ${period(v)} (${h(v.reason)}).`,
      `Trong thời gian này, tin nhắc việc, báo cáo và thông báo gửi đồng chí ${h(v.officialName)} được chuyển cho ${standInVi(v)}; hết thời gian vắng mặt, tin gửi lại đồng chí ${h(v.officialName)}.`,
      `Hủy: /vangmat huy ${v.id}`,
    ].join("\n"),
  list: (views: AbsenceView[]) =>
    views.length === 0
      ? "Không có lịch vắng mặt nào đang diễn ra hoặc sắp tới."
      : [
          "<b>Lịch vắng mặt</b> (đang diễn ra và sắp tới):",
          ...views.map(
            (v) =>
              `#${v.id} · đồng chí ${whoVi(v)} · ${period(v)} · ${h(v.reason)} · người thay: ${standInVi(v)}${v.setByName ? ` · do đồng chí ${h(v.setByName)} ghi` : ""}`,
          ),
          "Hủy một lịch: /vangmat huy &lt;số&gt;.",
        ].join("\n"),
  cancelled: (v: AbsenceView) =>
    `Đã hủy lịch vắng mặt #${v.id} của đồng chí ${whoVi(v)} (${period(v)}). Tin nhắc việc gửi lại đồng chí ${h(v.officialName)}.`,
  told: (v: AbsenceView) =>
    `🗓 Đồng chí ${whoVi(v)} vắng mặt ${period(v)} (${h(v.reason)})${v.setByName ? `, do đồng chí ${h(v.setByName)} ghi nhận` : ""}. Trong thời gian này, tin nhắc việc, báo cáo và thông báo gửi đồng chí ${h(v.officialName)} được chuyển cho ${standInVi(v)}.`,
  cancelledTold: (v: AbsenceView) =>
    `🗓 Lịch vắng mặt #${v.id} của đồng chí ${whoVi(v)} (${period(v)}) đã được hủy: tin nhắc việc gửi lại đồng chí ${h(v.officialName)}.`,
  deputySet: (v: DeputyView) =>
    v.officialName
      ? `Đã phân công đồng chí ${h(v.officialName)} là Phó Chủ tịch phụ trách chương trình ${h(v.programmeCode)} của ${h(v.unitName)}${v.previousName ? ` (thay đồng chí ${h(v.previousName)})` : ""}: khi cán bộ của đơn vị vắng mặt mà không chỉ định người thay, tin nhắc việc của chương trình chuyển cho đồng chí.`
      : `Đã bỏ phân công Phó Chủ tịch phụ trách chương trình ${h(v.programmeCode)} của ${h(v.unitName)}${v.previousName ? ` (đồng chí ${h(v.previousName)})` : ""}: cán bộ vắng mặt không chỉ định người thay thì Chủ tịch UBND đơn vị nhận thay.`,
  deputies: (views: DeputyView[]) =>
    views.length === 0
      ? "Chưa phân công Phó Chủ tịch phụ trách chương trình nào. Cú pháp: /phutrach &lt;đơn vị&gt; &lt;chương trình&gt; &lt;tên hoặc mã cán bộ&gt;."
      : [
          "<b>Phó Chủ tịch phụ trách chương trình</b>:",
          ...views.map((v) => `${h(v.unitName)} · ${h(v.programmeCode)}: đồng chí ${h(v.officialName ?? "")}`),
        ].join("\n"),
  errors: {
    usage:
      "Cú pháp: /vangmat &lt;từ ngày&gt; &lt;đến ngày&gt; [&lt;người thay&gt; |] &lt;lý do&gt;, ví dụ: /vangmat 08/12/2026 12/12/2026 nghỉ phép, hoặc /vangmat 08/12 12/12 Phạm Văn Cường | đi công tác. Văn phòng điều phối ghi cho cán bộ khác: /vangmat &lt;tên hoặc mã cán bộ&gt; 08/12 12/12 nghỉ phép. Xem: /vangmat; hủy: /vangmat huy &lt;số&gt;.",
    badDate: (text: string) => `«${h(text)}» không phải ngày hợp lệ. Đề nghị ghi ngày theo dạng dd/mm/yyyy.`,
    order: (from: string, to: string) =>
      `Ngày kết thúc (${formatDmy(to)}) trước ngày bắt đầu (${formatDmy(from)}). Đề nghị kiểm tra lại.`,
    past: (to: string) =>
      `Thời gian vắng mặt này đã qua (kết thúc ngày ${formatDmy(to)}). Chỉ ghi lịch vắng mặt đang diễn ra hoặc sắp tới.`,
    unknownPerson: (q: string) =>
      `Không tìm thấy cán bộ «${h(q)}» đang hoạt động. Đề nghị ghi đúng họ tên hoặc mã cán bộ (xem /ai).`,
    ambiguousPerson: (q: string, names: string[]) =>
      `«${h(q)}» trùng với nhiều cán bộ: ${names.map(h).join(", ")}. Đề nghị ghi đầy đủ họ tên hoặc mã cán bộ.`,
    notInUnit: (name: string, unit: string) =>
      `Đồng chí ${h(name)} không thuộc ${h(unit)} nên không thể nhận thay việc của đơn vị. Đề nghị chọn cán bộ của ${h(unit)}.`,
    self: "Người thay phải là một cán bộ khác.",
    onlySecretariat:
      "Chỉ Văn phòng điều phối được ghi lịch vắng mặt cho cán bộ khác; đồng chí ghi cho mình: /vangmat &lt;từ ngày&gt; &lt;đến ngày&gt; &lt;lý do&gt;.",
    overlap: (name: string, id: number, from: string, to: string) =>
      `Đồng chí ${h(name)} đã có lịch vắng mặt #${id} từ ${formatDmy(from)} đến ${formatDmy(to)} trùng thời gian này. Đề nghị hủy lịch đó trước (/vangmat huy ${id}).`,
    notFound: (id: number) => `Không có lịch vắng mặt #${id} (hoặc đã hủy).`,
    notYours: (id: number) =>
      `Chỉ người vắng mặt, người ghi lịch hoặc Văn phòng điều phối được hủy lịch vắng mặt #${id}.`,
    over: (id: number) => `Lịch vắng mặt #${id} đã kết thúc, không cần hủy.`,
  },
};

const periodEn = (v: AbsenceView) =>
  v.from === v.to ? `on ${formatDmy(v.from)}` : `from ${formatDmy(v.from)} to ${formatDmy(v.to)}`;
const standInEn = (v: AbsenceView) =>
  v.standInName ? h(v.standInName) : "the deputy chairman in charge of the task's programme (else the unit's chairman)";
const whoEn = (v: AbsenceView) => `${h(v.officialName)}${v.unitName ? ` (${h(v.unitName)})` : ""}`;

export const absenceEn: typeof absenceVi = {
  help: {
    vangmat: "report an absence (leave, mission): reminders go to a stand-in; list; cancel",
    phutrach: "the deputy chairman in charge of a programme (default stand-in)",
  },
  onBehalf: (v) =>
    `${h(v.holderName)} is away until ${formatDm(v.until)} (${h(v.reason)}); ${h(v.standInName)}, please follow up in their place.`,
  recorded: (v) =>
    [
      `🗓 Absence #${v.id} recorded: ${whoEn(v)} is away ${periodEn(v)} (${h(v.reason)}).`,
      `Meanwhile, reminders, reports and announcements for ${h(v.officialName)} go to ${standInEn(v)}; afterwards to ${h(v.officialName)} again.`,
      `Cancel: /vangmat huy ${v.id}`,
    ].join("\n"),
  list: (views) =>
    views.length === 0
      ? "No current or coming absences."
      : [
          "<b>Absences</b> (current and coming):",
          ...views.map(
            (v) =>
              `#${v.id} · ${whoEn(v)} · ${periodEn(v)} · ${h(v.reason)} · stand-in: ${standInEn(v)}${v.setByName ? ` · set by ${h(v.setByName)}` : ""}`,
          ),
          "Cancel one: /vangmat huy &lt;no&gt;.",
        ].join("\n"),
  cancelled: (v) =>
    `Absence #${v.id} of ${whoEn(v)} (${periodEn(v)}) cancelled. Reminders go to ${h(v.officialName)} again.`,
  told: (v) =>
    `🗓 ${whoEn(v)} is away ${periodEn(v)} (${h(v.reason)})${v.setByName ? `, recorded by ${h(v.setByName)}` : ""}. Meanwhile, reminders, reports and announcements for ${h(v.officialName)} go to ${standInEn(v)}.`,
  cancelledTold: (v) =>
    `🗓 Absence #${v.id} of ${whoEn(v)} (${periodEn(v)}) was cancelled: reminders go to ${h(v.officialName)} again.`,
  deputySet: (v) =>
    v.officialName
      ? `${h(v.officialName)} is now the deputy chairman in charge of ${h(v.programmeCode)} in ${h(v.unitName)}${v.previousName ? ` (replacing ${h(v.previousName)})` : ""}: the programme's reminders for an official away without a named stand-in go to them.`
      : `No deputy chairman in charge of ${h(v.programmeCode)} in ${h(v.unitName)} any more${v.previousName ? ` (was ${h(v.previousName)})` : ""}: the unit's chairman stands in.`,
  deputies: (views) =>
    views.length === 0
      ? "No deputy chairman in charge of a programme yet. Usage: /phutrach &lt;unit&gt; &lt;programme&gt; &lt;name or number&gt;."
      : [
          "<b>Deputy chairmen in charge of programmes</b>:",
          ...views.map((v) => `${h(v.unitName)} · ${h(v.programmeCode)}: ${h(v.officialName ?? "")}`),
        ].join("\n"),
  errors: {
    usage:
      "Usage: /vangmat &lt;from&gt; &lt;to&gt; [&lt;stand-in&gt; |] &lt;reason&gt;, e.g. /vangmat 08/12/2026 12/12/2026 leave, or /vangmat 08/12 12/12 Phạm Văn Cường | mission. The coordination office for another official: /vangmat &lt;name or number&gt; 08/12 12/12 leave. List: /vangmat; cancel: /vangmat huy &lt;no&gt;.",
    badDate: (text) => `«${h(text)}» is not a valid date. Please write dd/mm/yyyy.`,
    order: (from, to) => `The last day (${formatDmy(to)}) is before the first (${formatDmy(from)}).`,
    past: (to) =>
      `This absence is already over (it ended on ${formatDmy(to)}). Only current or coming absences are recorded.`,
    unknownPerson: (q) => `No active official «${h(q)}». Please give the full name or the official's number (see /ai).`,
    ambiguousPerson: (q, names) =>
      `«${h(q)}» matches several officials: ${names.map(h).join(", ")}. Please be more precise.`,
    notInUnit: (name, unit) =>
      `${h(name)} does not work in ${h(unit)} and cannot stand in there. Please choose someone of ${h(unit)}.`,
    self: "The stand-in must be someone else.",
    onlySecretariat:
      "Only the coordination office records another official's absence; for yourself: /vangmat &lt;from&gt; &lt;to&gt; &lt;reason&gt;.",
    overlap: (name, id, from, to) =>
      `${h(name)} already has absence #${id} from ${formatDmy(from)} to ${formatDmy(to)} overlapping this one. Cancel it first (/vangmat huy ${id}).`,
    notFound: (id) => `No absence #${id} (or it was cancelled).`,
    notYours: (id) =>
      `Only the official away, whoever recorded it, or the coordination office may cancel absence #${id}.`,
    over: (id) => `Absence #${id} is already over.`,
  },
};
