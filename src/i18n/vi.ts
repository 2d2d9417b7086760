// Vietnamese catalogue: the reference language. Every user-facing line of the bot is here (HTML parse mode).
import { formatDm, formatDmy } from "../domain/dates.ts";
import { formatBillionsTrim, formatPercentBp, formatPoints } from "../domain/money-format.ts";
import { escapeHtml as h } from "../domain/text.ts";
import type { Light } from "../domain/pacing.ts";
import { onboardingVi } from "../features/registry/messages.ts";
import { tasksVi } from "../features/tasks/messages.ts";
import { disbursementVi } from "../features/disbursement/messages.ts";
import { broadcastVi } from "../features/broadcast/messages.ts";
import { followupVi } from "../features/followup/messages.ts";
import { reportsVi } from "../features/reports/messages.ts";
import { dashboardVi } from "../features/dashboard/messages.ts";
import { paceVi } from "../features/disbursement/pace-messages.ts";
import { directivesVi } from "../features/directives/messages.ts";
import { extensionsVi } from "../features/extensions/messages.ts";
import { evidenceVi } from "../features/evidence/messages.ts";
import { confirmationVi } from "../features/tasks/confirmation-messages.ts";
import { historyVi } from "../features/history/messages.ts";
import { absenceVi } from "../features/absence/messages.ts";
import { digestVi } from "../features/tasks/digest-messages.ts";
import type {
  Lang,
  CommandHelp,
  CompletionView,
  ProgrammeStatusView,
  ProvinceStatusView,
  ReminderView,
  UnitRankView,
  UnitStatusView,
} from "./types.ts";
import { ROLE_VI } from "../features/registry/messages.ts";
import { sourceLines } from "./status-sources.ts";

const LIGHT: Record<Light, string> = { green: "🟢", yellow: "🟡", red: "🔴" };
export const light = (l: Light | null) => (l ? LIGHT[l] : "⚪");

function gap(gapBp: number | null): string {
  if (gapBp === null) return "";
  if (gapBp <= 0) return gapBp === 0 ? "đúng tiến độ" : `vượt ${formatPoints(-gapBp)} điểm`;
  return `chậm ${formatPoints(gapBp)} điểm`;
}

function tasks(open: number, overdue: number): string {
  if (open === 0) return "không có việc tồn";
  return overdue > 0 ? `${open} việc đang mở, ${overdue} quá hạn` : `${open} việc đang mở`;
}

const month = (today: string) => `${today.slice(5, 7)}/${today.slice(0, 4)}`;

/** Where the figure comes from: the latest report's date, or that none came this month. */
function reported(p: ProgrammeStatusView, today: string): string {
  if (p.latestAsOf === null) return `chưa báo cáo số giải ngân, tháng ${month(today)} chưa báo cáo`;
  const asOf = `lũy kế đến ${formatDm(p.latestAsOf)}`;
  return p.reportedThisMonth ? asOf : `${asOf}, tháng ${month(today)} chưa báo cáo`;
}

/** A plan changed by reallocations (R3): "đã điều chỉnh kế hoạch: −10 tỷ đồng theo Quyết định số 123/QĐ-UBND". */
function adjustment(a: { deltaVnd: bigint; decisionNos: string[] }, label: string, by: string): string {
  const sign = a.deltaVnd < 0n ? "−" : "+";
  const amount = `${sign}${formatBillionsTrim(a.deltaVnd < 0n ? -a.deltaVnd : a.deltaVnd)} tỷ đồng`;
  return `${label}: ${amount}${a.decisionNos.length ? ` ${by} ${a.decisionNos.map(h).join(", ")}` : ""}`;
}

/** One programme: the figure and its date; the milestone, today's pace and the working days left; the tasks. */
function programmeBlock(p: ProgrammeStatusView, today: string): string[] {
  const head = `<b>${h(p.programmeCode)}</b>`;
  if (p.actualBp === null) {
    if (p.planVnd === 0n && p.programmeCode === "Khác") return [`${head}: ${tasks(p.openTasks, p.overdueTasks)}`];
    return [`${head}: chưa có kế hoạch vốn · ${tasks(p.openTasks, p.overdueTasks)}`];
  }
  const pace = [
    p.next ? `mốc ${formatDm(p.next.date)} cần đạt ${formatPercentBp(p.next.targetBp, 0)}` : "đã qua mốc cuối cùng",
    `tiến độ đến hôm nay ${formatPercentBp(p.expectedBp)}, ${gap(p.gapBp)}`,
    ...(p.workingDaysToNext !== null ? [`còn ${p.workingDaysToNext} ngày làm việc`] : []),
  ];
  const s = sourceLines(p, "vi");
  return [
    `${light(p.light)} ${head}${s.label}: ${formatBillionsTrim(p.disbursedVnd)}/${formatBillionsTrim(p.planVnd)} tỷ đồng ` +
      `(${formatPercentBp(p.actualBp)}), ${reported(p, today)}${s.note}`,
    ...s.kinds,
    `   ${pace.join(" · ")}`,
    ...s.others,
    `   ${tasks(p.openTasks, p.overdueTasks)}`,
    ...(p.adjustment ? [`   ${adjustment(p.adjustment, "đã điều chỉnh kế hoạch", "theo Quyết định số")}`] : []),
  ];
}

function rankLine(u: UnitRankView, i: number, today: string): string {
  // the rate of vốn TW where it was reported apart (ADR 016)
  const basis = u.basis === "CENTRAL" ? " vốn TW (" : u.basis === "MIXED" ? " (một phần vốn TW, " : " (";
  const rate = u.actualBp === null ? "chưa có kế hoạch vốn" : `${formatPercentBp(u.actualBp)}${basis}${gap(u.gapBp)})`;
  const below = u.belowAverage ? ` · ${disbursementVi.belowAverage}` : "";
  const silent = u.reportedThisMonth === false ? ` · tháng ${month(today)} chưa báo cáo` : "";
  return `${i + 1}. ${light(u.light)} ${h(u.unitName)} · ${rate}${below}${silent} · ${tasks(u.openTasks, u.overdueTasks)}`;
}

/** The table's rows, slowest first, then the average; the header apart (the league tables have their own). */
const provinceRows = (v: ProvinceStatusView) => [
  ...v.units.map((u, i) => rankLine(u, i, v.today)),
  disbursementVi.average(v.averageBp ?? null),
];

/** "số liệu lũy kế đến 20/11/2026", or that no figure was reported yet. */
const figuresOf = (asOf: string | null | undefined) => disbursementVi.figures(asOf ?? null);

function reminderHead(r: ReminderView): string {
  switch (r.rung) {
    case "before":
      return `⏰ <b>Nhắc việc</b> — còn ${r.workingDaysLeft} ngày làm việc đến hạn`;
    case "due":
      return "⏰ <b>Hôm nay đến hạn</b>";
    case "overdue1":
      return `⚠️ <b>Quá hạn ${r.workingDaysOverdue} ngày làm việc</b> — đã báo cáo đồng chí Chủ tịch UBND ${h(r.unitName)}`;
    case "overdue3":
      return r.caughtUp?.includes("overdue1")
        ? `🚨 <b>Quá hạn ${r.workingDaysOverdue} ngày làm việc</b> — đã báo cáo đồng chí Chủ tịch UBND, đồng chí Bí thư cấp ủy ${h(r.unitName)}, đồng chí Ủy viên Ban Thường vụ theo dõi địa bàn và Văn phòng điều phối`
        : `🚨 <b>Quá hạn ${r.workingDaysOverdue} ngày làm việc</b> — đã báo cáo đồng chí Bí thư cấp ủy ${h(r.unitName)}, đồng chí Ủy viên Ban Thường vụ theo dõi địa bàn và Văn phòng điều phối`;
  }
}

export const vi = {
  tasks: tasksVi,
  onboarding: onboardingVi,
  disbursement: disbursementVi,
  broadcast: broadcastVi,
  followup: followupVi,
  reports: reportsVi,
  dashboard: dashboardVi,
  pace: paceVi,
  directives: directivesVi,
  extensions: extensionsVi,
  evidence: evidenceVi,
  confirmation: confirmationVi,
  history: historyVi,
  absence: absenceVi,
  digest: digestVi,
  lang: "vi" as Lang,
  roleName: (role: string) => ROLE_VI[role] ?? role,

  start: {
    welcome: (name: string, roles: string[]) =>
      `Kính chào đồng chí ${h(name)}. dondoc sẽ nhắc đồng chí các việc đến hạn và ghi nhận khi hoàn thành.` +
      (roles.length ? `\nVai trò: ${roles.map(h).join("; ")}.` : "") +
      "\nGõ /help để xem các lệnh.",
    unknownUser:
      "Đồng chí chưa có trong danh sách cán bộ của dondoc. Đề nghị liên hệ Văn phòng điều phối để được cấp đường dẫn kích hoạt.",
  },

  help: {
    header: "<b>dondoc</b> — đôn đốc thực hiện 03 Chương trình MTQG. Các lệnh đồng chí dùng được:",
    line: (c: CommandHelp, description: string) => `/${c.command}${c.args ? " " + h(c.args) : ""} — ${description}`,
    groups: { follow: "Theo dõi", report: "Báo cáo", direct: "Điều hành", admin: "Quản trị", other: "Khác" },
    replyHint:
      "Khi nhận tin nhắc việc, đề nghị trả lời tin đó bằng «xong» kèm ghi chú (hoặc bấm ✅) để báo hoàn thành.",
    filesHint: (bot: string) =>
      "Tệp danh sách cán bộ, đơn vị, giao việc, kế hoạch vốn, ngày nghỉ hoặc danh mục kết luận, chỉ thị (.xlsx, .csv): " +
      `gửi cho bot trong tin nhắn riêng, hoặc trong nhóm Văn phòng điều phối kèm @${h(bot)} ở phần chú thích ` +
      "(không có @, bot không nhận được tệp gửi trong nhóm).",
    aliases: (names: string[]) =>
      `Lệnh tiếng Anh vẫn dùng được (${names.map((n) => `/${n}`).join(", ")}); chữ hoa, chữ thường như nhau.`,
    commands: {
      ...tasksVi.help,
      ...disbursementVi.help,
      ...followupVi.help,
      ...reportsVi.help,
      ...dashboardVi.help,
      ...directivesVi.help,
      ...extensionsVi.help,
      ...historyVi.help,
      ...confirmationVi.help,
      ...absenceVi.help,
      start: "bắt đầu, kích hoạt tài khoản",
      help: "danh sách lệnh",
      status: "tình hình giải ngân, việc tồn của đơn vị (hoặc toàn tỉnh)",
      bind: "gắn nhóm này với một đơn vị",
      broadcast: "gửi thông báo tới các đơn vị, cán bộ (có thể hẹn giờ)",
      moi_hangloat: "cấp đường dẫn kích hoạt (tệp Excel và mã QR để in) cho mọi cán bộ chưa kích hoạt",
      ai: "ai phụ trách việc gì: theo cán bộ hoặc đơn vị",
      canbo: "thêm, sửa, cho ngừng hoạt động một cán bộ",
      bangiao: "bàn giao phần việc phụ trách và việc đang mở sang cán bộ khác",
      ngaynghi: "ngày nghỉ lễ, ngày làm việc bù của một năm (xem, thêm)",
      chuongtrinh: "các chương trình và cơ quan chủ trì trả lời vướng mắc (xem, đặt)",
      invite: "cấp đường dẫn kích hoạt cho một cán bộ",
      unbind: "gỡ nhóm này khỏi đơn vị",
    } as Record<string, string>,
  },

  status: {
    unit: (v: UnitStatusView) =>
      [
        `<b>${h(v.unitName)}</b> · tình hình giải ngân kế hoạch vốn ${v.year} · ngày ${formatDmy(v.today)}`,
        ...v.programmes.flatMap((p) => programmeBlock(p, v.today)),
        ...v.doneToday.map((d) => `✅ Hôm nay đã hoàn thành: ${h(d.title)} (đồng chí ${h(d.by)})`),
      ].join("\n"),
    /** the table's rows, slowest first, then the average; the header apart (the league tables have their own) */
    provinceRows,
    province: (v: ProvinceStatusView) =>
      [`<b>Toàn tỉnh</b> · kế hoạch vốn ${v.year} · ${figuresOf(v.asOf)} · xếp từ chậm nhất`, ...provinceRows(v)].join(
        "\n",
      ),
    noUnits: "Chưa có đơn vị nào trong danh sách.",
  },

  reminder: {
    text: (r: ReminderView) =>
      [
        reminderHead(r),
        `Việc: <b>${h(r.title)}</b>`,
        `Đơn vị: ${h(r.unitName)}${r.programmeCode ? ` · Chương trình ${h(r.programmeCode)}` : ""}${r.docRef ? ` · Văn bản ${h(r.docRef)}` : ""}`,
        `Hạn: ${formatDmy(r.dueDate)} · Phụ trách: đồng chí ${r.responsibleMention}`,
        {
          responsible: "Khi hoàn thành, đề nghị đồng chí trả lời tin này bằng «xong» kèm ghi chú, hoặc bấm ✅.",
          group: "Khi hoàn thành, đề nghị đồng chí phụ trách trả lời tin này bằng «xong» kèm ghi chú, hoặc bấm ✅.",
          leader: "Kính báo cáo đồng chí để theo dõi, chỉ đạo.",
        }[r.audience],
      ].join("\n"),
    doneButton: "✅ Đã xong",
  },

  /** a question asked in a group of the one who pressed a button: named, so his reply field opens */
  question: {
    addressed: (name: string, telegramUserId: number, text: string) =>
      `Đồng chí <a href="tg://user?id=${telegramUserId}">${h(name)}</a>:\n${text}`,
  },

  done: {
    confirmed: (c: CompletionView) =>
      c.awaiting
        ? confirmationVi.reported(c, c.awaiting.confirmerName) + (c.note ? ` Ghi chú: ${h(c.note)}.` : "")
        : `✅ Đã ghi nhận: «${h(c.title)}» ${c.onTime ? "hoàn thành đúng hạn" : "hoàn thành quá hạn"} ngày ${formatDmy(c.completedOn)}` +
          (c.onTime ? "" : ` (hạn ${formatDmy(c.dueDate)})`) +
          (c.note ? ` — ${h(c.note)}` : "") +
          ".",
    closedNotice: (c: CompletionView) =>
      `✅ Việc «${h(c.title)}» của ${h(c.unitName)} đã hoàn thành ngày ${formatDmy(c.completedOn)} (đồng chí ${h(c.byName)}${c.onTime ? "" : `, hoàn thành quá hạn, hạn ${formatDmy(c.dueDate)}`}).`,
    alreadyDone: (title: string, on: string) => `Việc «${h(title)}» đã được ghi nhận hoàn thành ngày ${formatDmy(on)}.`,
    whichItem:
      "Tin này tổng hợp nhiều việc. Đề nghị đồng chí ghi số thứ tự của việc đã hoàn thành, ví dụ «xong 2», hoặc bấm ✅ 2.",
    notAReminder: "Tin đồng chí trả lời không phải tin nhắc việc của dondoc. Đề nghị trả lời đúng tin nhắc việc.",
    notAllowed: "Đồng chí không phải người phụ trách việc này nên không thể báo hoàn thành thay.",
    taskGone: "Không tìm thấy việc này (có thể đã bị hủy).",
  },

  errors: {
    notRegistered: "Đồng chí chưa có trong danh sách cán bộ của dondoc. Đề nghị liên hệ Văn phòng điều phối.",
    unknownCommand: (cmd: string) => `Không có lệnh /${h(cmd)}. Gõ /help để xem các lệnh.`,
    generic: "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Đề nghị đồng chí thử lại sau ít phút.",
    chatNotBound:
      "Nhóm này chưa được gắn với đơn vị nào. Văn phòng điều phối hoặc Chủ tịch UBND đơn vị gõ /gannhom &lt;tên đơn vị&gt; để gắn.",
    unitNotFound: (q: string) => `Không tìm thấy đơn vị «${h(q)}». Đề nghị kiểm tra lại tên đơn vị.`,
    unitAmbiguous: (q: string, names: string[]) =>
      `«${h(q)}» trùng với nhiều đơn vị: ${names.map(h).join(", ")}. Đề nghị ghi rõ hơn.`,
    notAllowed: (why: string) => `Đồng chí không dùng được lệnh này: ${why}.`,
    privateOnly: "chỉ dùng trong trò chuyện riêng với bot",
    groupOnly: "chỉ dùng trong nhóm của đơn vị",
    roleRequired: (roles: string[]) => `cần vai trò ${roles.map((r) => ROLE_VI[r] ?? r).join(" hoặc ")}`,
  },

  delivery: {
    unreachable: (who: string, reason: string) =>
      // Telegram's reason is English: said in Vietnamese where it is one of the usual ones
      `⚠️ Không gửi được tin cho ${h(who)} (${/blocked/i.test(reason) ? "đã chặn bot" : /kicked|not a member|removed/i.test(reason) ? "bot đã bị đưa ra khỏi nhóm" : /deactivated/i.test(reason) ? "tài khoản Telegram đã bị xóa" : /not found|PEER_ID_INVALID/i.test(reason) ? "không tìm thấy cuộc trò chuyện" : `Telegram báo: ${h(reason)}`}). dondoc ngừng gửi vào đó cho đến khi được thêm lại hoặc mở lại trò chuyện.`,
  },

  bind: {
    done: (unit: string) => `Đã gắn nhóm này với đơn vị <b>${h(unit)}</b>. Tin nhắc việc của đơn vị sẽ gửi vào đây.`,
    secretariat: "Đã gắn nhóm này làm nhóm của Văn phòng điều phối.",
    usage: "Cú pháp: /gannhom &lt;tên đơn vị&gt; (hoặc /gannhom vpdp cho nhóm Văn phòng điều phối).",
  },
};

export type Catalogue = typeof vi;
