// The directive register's catalogue (#19): /ketluan, the line in the secretariat's /status and in the
// weekly report, the file upload's preview and answers, the export's headers. Vietnamese first, English.
import { formatDmy, localMinutes } from "../../domain/dates.ts";
import type { Timeliness } from "../../domain/ladder.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import type { DirectivePreviewView } from "./directive-upload.ts";
import {
  tallyTotal,
  type DirectiveKind,
  type DirectiveProgressView,
  type DirectiveRef,
  type DirectiveSummaryView,
  type Tally,
} from "./views.ts";

const KIND_VI: Record<DirectiveKind, string> = { KET_LUAN: "Kết luận", CHI_THI: "Chỉ thị", CONG_VAN: "Công văn" };
const KIND_EN: Record<DirectiveKind, string> = { KET_LUAN: "Conclusion", CHI_THI: "Directive", CONG_VAN: "Letter" };

export const CATEGORY_VI: Record<Timeliness, string> = {
  done_on_time: "hoàn thành đúng hạn",
  done_late: "hoàn thành quá hạn",
  open_in_term: "đang thực hiện trong hạn",
  open_overdue: "quá hạn chưa hoàn thành",
};
const CATEGORY_EN: Record<Timeliness, string> = {
  done_on_time: "done on time",
  done_late: "done late",
  open_in_term: "in progress, in time",
  open_overdue: "overdue, not done",
};
const ICON: Record<Timeliness, string> = {
  done_on_time: "✅",
  done_late: "☑️",
  open_in_term: "🔄",
  open_overdue: "⚠️",
};

/** The items shown at most in one message (Telegram's 4,096 characters). */
const MAX_ITEMS = 20;

const refVi = (d: DirectiveRef) =>
  `${KIND_VI[d.kind]}${d.number ? ` số ${h(d.number)}` : ""} ngày ${formatDmy(d.issuedOn)} của ${h(d.issuer)}`;
const refEn = (d: DirectiveRef) =>
  `${KIND_EN[d.kind]}${d.number ? ` No. ${h(d.number)}` : ""} of ${formatDmy(d.issuedOn)} by ${h(d.issuer)}`;

// «chờ xác nhận» (#19): reported done, not yet confirmed; counted in the open categories, and named apart
const awaitingVi = (t: Tally) => (t.awaiting ? ` (trong đó ${t.awaiting} chờ xác nhận)` : "");
const awaitingEn = (t: Tally) => (t.awaiting ? ` (${t.awaiting} awaiting confirmation)` : "");

const tallyVi = (t: Tally) =>
  `${t.done_on_time} hoàn thành đúng hạn · ${t.done_late} hoàn thành quá hạn · ${t.open_in_term} đang thực hiện trong hạn · ${t.open_overdue} quá hạn chưa hoàn thành${awaitingVi(t)}`;
const tallyEn = (t: Tally) =>
  `${t.done_on_time} done on time · ${t.done_late} done late · ${t.open_in_term} in progress · ${t.open_overdue} overdue${awaitingEn(t)}`;

const shortVi = (t: Tally) =>
  `${t.done_on_time + t.done_late}/${tallyTotal(t)} việc hoàn thành` +
  (t.open_overdue ? `, ${t.open_overdue} quá hạn chưa hoàn thành` : "") +
  (t.awaiting ? `, ${t.awaiting} chờ xác nhận` : "");
const shortEn = (t: Tally) =>
  `${t.done_on_time + t.done_late}/${tallyTotal(t)} tasks done` +
  (t.open_overdue ? `, ${t.open_overdue} overdue` : "") +
  (t.awaiting ? `, ${t.awaiting} awaiting confirmation` : "");

const hhmm = (d: Date) => {
  const m = localMinutes(d);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

const capped = (lines: string[], more: (n: number) => string, max = 30) =>
  lines.length > max ? [...lines.slice(0, max), more(lines.length - max)] : lines;

export const directivesVi = {
  help: {
    ketluan: "tiến độ thực hiện các kết luận, chỉ thị (theo từng mục, từng đơn vị)",
  } as Record<string, string>,
  kindName: (k: DirectiveKind) => KIND_VI[k],
  categoryName: (c: Timeliness) => CATEGORY_VI[c],
  reference: refVi,

  list: (items: DirectiveSummaryView[]) =>
    items.length === 0
      ? "Chưa có kết luận, chỉ thị nào trong danh mục. Văn phòng điều phối gửi tệp danh mục (.xlsx, .csv) cho bot để nhập: trong tin nhắn riêng, hoặc trong nhóm Văn phòng điều phối kèm @tên bot ở phần chú thích."
      : [
          "<b>Kết luận, chỉ thị đang theo dõi</b>",
          ...items.map((d) => `${d.id}. ${refVi(d)} · ${d.items} mục · ${shortVi(d.tally)}`),
          "Gõ /ketluan &lt;số thứ tự&gt; để xem từng mục.",
        ].join("\n"),

  progress: (v: DirectiveProgressView) =>
    [
      `📑 <b>${refVi(v)}</b>`,
      `Trích yếu: ${h(v.summary)}`,
      `Kết quả thực hiện đến ngày ${formatDmy(v.today)}: ${tallyVi(v.tally)}.`,
      ...capped(
        v.items.map(
          (i) =>
            `<b>Mục ${h(i.number)}</b> (${tallyTotal(i.tally)} đơn vị): ` +
            (i.tasks.length
              ? i.tasks
                  .map((t) => `${ICON[t.category]}${t.awaiting ? "⏳" : ""} ${h(t.unitName)} #${t.taskId}`)
                  .join(", ")
              : "chưa giao"),
        ),
        (n) => `… và ${n} mục khác (xem tệp /xuat directives).`,
        MAX_ITEMS,
      ),
      ...(v.units.length
        ? [
            "<b>Theo đơn vị</b>",
            ...capped(
              v.units.map((u) => `• ${h(u.unitName)}: ${shortVi(u.tally)}`),
              (n) => `… và ${n} đơn vị khác.`,
            ),
          ]
        : []),
      "✅ hoàn thành đúng hạn · ☑️ hoàn thành quá hạn · 🔄 đang thực hiện trong hạn · ⚠️ quá hạn chưa hoàn thành" +
        (v.tally.awaiting ? " · ⏳ đã báo hoàn thành, chờ xác nhận" : ""),
    ].join("\n"),

  /** the lines added to the secretariat's /status and the weekly report */
  statusLines: (items: DirectiveSummaryView[]) =>
    items.filter((d) => tallyTotal(d.tally) > 0).map((d) => `📑 ${refVi(d)}: ${shortVi(d.tally)} (/ketluan ${d.id})`),

  errors: {
    notFound: (q: string) => `Không tìm thấy kết luận, chỉ thị «${h(q)}». Gõ /ketluan để xem danh mục.`,
  },

  upload: {
    preview: (v: DirectivePreviewView) =>
      [
        `📄 <b>Tệp danh mục «${h(v.fileName)}»</b>: ${refVi(v.head as DirectiveRef)}${v.existing ? " (đã có trong danh mục, bổ sung)" : ""}.`,
        `Trích yếu: ${h(v.head.summary)}`,
        `Sẽ thêm ${v.items.length} mục, giao ${v.tasks} việc:`,
        ...capped(
          v.items.map(
            (i) =>
              `• Mục ${h(i.number)}: ${h(i.content.slice(0, 120))}${i.content.length > 120 ? "…" : ""} → ${i.units.map(h).join(", ")}`,
          ),
          (n) => `… và ${n} mục khác.`,
        ),
        `Đề nghị đồng chí bấm «✅ Áp dụng» để ghi và giao việc, hoặc «✖ Hủy» để bỏ. Bản xem trước hết hạn lúc ${hhmm(v.expiresAt)}.`,
      ].join("\n"),
    errors: (fileName: string, errors: string[]) =>
      [
        `📄 Tệp «${h(fileName)}» có ${errors.length} lỗi, chưa ghi gì:`,
        ...capped(
          errors.map((e) => `• ${h(e)}`),
          (n) => `… và ${n} lỗi khác.`,
        ),
        "Đề nghị sửa tệp rồi gửi lại.",
      ].join("\n"),
    unreadable: (fileName: string) =>
      `Không đọc được tệp «${h(fileName)}». Đề nghị gửi tệp .xlsx hoặc .csv theo mẫu danh mục kết luận, chỉ thị.`,
    tooLarge: (fileName: string) => `Tệp «${h(fileName)}» quá lớn (tối đa 5 MB).`,
    buttons: { apply: "✅ Áp dụng", cancel: "✖ Hủy" },
    applied: (directiveId: number, items: number, tasks: number) =>
      `✅ Đã ghi ${items} mục, giao ${tasks} việc. Tiến độ: /ketluan ${directiveId}`,
    cancelled: "✖ Đã hủy, không ghi thay đổi nào.",
    gone: "Bản xem trước này đã hết hạn hoặc đã được xử lý. Đề nghị gửi lại tệp.",
    notYours: "Chỉ đồng chí đã gửi tệp mới được áp dụng hoặc hủy.",
  },

  /** the export's sheet: always Vietnamese (an official document) */
  sheet: {
    name: "Kết luận, chỉ thị",
    columns: {
      directive: "Văn bản",
      item: "Mục",
      content: "Nội dung",
      assignees: "Số đơn vị được giao",
      unit: "Đơn vị thực hiện",
      responsible: "Người phụ trách",
      task: "Số việc",
      due: "Hạn",
      category: "Kết quả thực hiện",
      awaiting: "Chờ xác nhận",
      evidence: "Số minh chứng",
    },
  },
};

export const directivesEn: typeof directivesVi = {
  help: { ketluan: "progress of conclusions and directives (by item, by unit)" },
  kindName: (k) => KIND_EN[k],
  categoryName: (c) => CATEGORY_EN[c],
  reference: refEn,
  list: (items) =>
    items.length === 0
      ? "No conclusions or directives in the register yet. The secretariat sends the items file (.xlsx, .csv) to the bot to import it: in private, or in its group with @the bot's name in the caption."
      : [
          "<b>Conclusions and directives followed</b>",
          ...items.map((d) => `${d.id}. ${refEn(d)} · ${d.items} items · ${shortEn(d.tally)}`),
          "Type /ketluan &lt;number&gt; for each item.",
        ].join("\n"),
  progress: (v) =>
    [
      `📑 <b>${refEn(v)}</b>`,
      `Summary: ${h(v.summary)}`,
      `Results as of ${formatDmy(v.today)}: ${tallyEn(v.tally)}.`,
      ...capped(
        v.items.map(
          (i) =>
            `<b>Item ${h(i.number)}</b> (${tallyTotal(i.tally)} units): ` +
            (i.tasks.length
              ? i.tasks
                  .map((t) => `${ICON[t.category]}${t.awaiting ? "⏳" : ""} ${h(t.unitName)} #${t.taskId}`)
                  .join(", ")
              : "not assigned"),
        ),
        (n) => `… and ${n} more items (see the file /xuat directives).`,
        MAX_ITEMS,
      ),
      ...(v.units.length
        ? [
            "<b>By unit</b>",
            ...capped(
              v.units.map((u) => `• ${h(u.unitName)}: ${shortEn(u.tally)}`),
              (n) => `… and ${n} more units.`,
            ),
          ]
        : []),
      "✅ done on time · ☑️ done late · 🔄 in progress, in time · ⚠️ overdue, not done" +
        (v.tally.awaiting ? " · ⏳ reported done, awaiting confirmation" : ""),
    ].join("\n"),
  statusLines: (items) =>
    items.filter((d) => tallyTotal(d.tally) > 0).map((d) => `📑 ${refEn(d)}: ${shortEn(d.tally)} (/ketluan ${d.id})`),
  errors: {
    notFound: (q) => `No conclusion or directive «${h(q)}». Type /ketluan for the register.`,
  },
  upload: {
    preview: (v) =>
      [
        `📄 <b>Items file «${h(v.fileName)}»</b>: ${refEn(v.head as DirectiveRef)}${v.existing ? " (already registered, adding)" : ""}.`,
        `Summary: ${h(v.head.summary)}`,
        `${v.items.length} items to add, ${v.tasks} tasks to assign:`,
        ...capped(
          v.items.map(
            (i) =>
              `• Item ${h(i.number)}: ${h(i.content.slice(0, 120))}${i.content.length > 120 ? "…" : ""} → ${i.units.map(h).join(", ")}`,
          ),
          (n) => `… and ${n} more items.`,
        ),
        `Press «✅ Apply» to record and assign, or «✖ Cancel». This preview expires at ${hhmm(v.expiresAt)}.`,
      ].join("\n"),
    errors: (fileName, errors) =>
      [
        `📄 «${h(fileName)}» has ${errors.length} errors; nothing was written:`,
        ...capped(
          errors.map((e) => `• ${h(e)}`),
          (n) => `… and ${n} more.`,
        ),
        "Please correct the file and send it again.",
      ].join("\n"),
    unreadable: (fileName) => `Cannot read «${h(fileName)}». Please send an .xlsx or .csv file in the items format.`,
    tooLarge: (fileName) => `«${h(fileName)}» is too large (5 MB at most).`,
    buttons: { apply: "✅ Apply", cancel: "✖ Cancel" },
    applied: (directiveId, items, tasks) =>
      `✅ ${items} items recorded, ${tasks} tasks assigned. Progress: /ketluan ${directiveId}`,
    cancelled: "✖ Cancelled; nothing was written.",
    gone: "This preview has expired or was already handled. Please send the file again.",
    notYours: "Only the official who sent the file may apply or cancel it.",
  },
  sheet: directivesVi.sheet,
};
