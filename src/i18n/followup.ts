// Follow-up beyond tasks: the monthly working session (R6, /hop), written requests to provincial
// departments (R5, /yeucau, /traloi, /trunguong) and the daily / weekly digests. HTML parse mode; user
// text is always escaped.
import { formatDmy } from "../domain/dates.ts";
import { formatPercentBp } from "../domain/money.ts";
import { escapeHtml as h } from "../domain/text.ts";
import type { UnitRankView } from "./types.ts";

export interface MeetingLoggedView {
  unitName: string;
  /** "YYYY-MM" */
  month: string;
  heldOn: string;
  note: string;
  /** the month already had a session: this one replaced it */
  updated: boolean;
}

export interface MeetingNudgeView {
  unitName: string;
  month: string;
  /** the last day of the month */
  lastDay: string;
}

export interface MeetingMissedView {
  month: string;
  unitNames: string[];
}

export type RequestStatus = "OPEN" | "ANSWERED" | "CENTRAL";

export interface RequestView {
  id: number;
  unitName: string;
  departmentName: string;
  docNo: string;
  sentOn: string;
  subject: string;
  dueOn: string;
  status: RequestStatus;
  answerNote: string;
}

export interface RequestReminderView extends RequestView {
  /** working days left to the due date (0 on it) */
  workingDaysLeft: number;
  /** working days past the due date, 0 when not overdue */
  workingDaysOverdue: number;
}

export interface DigestTaskLine {
  id: number;
  title: string;
  unitName: string;
  dueDate: string;
  responsibleName: string;
}

export interface DailyDigestView {
  today: string;
  /** open tasks whose due date passed since the last digest */
  newlyOverdue: DigestTaskLine[];
  /** the first day of the completions listed */
  doneSince: string;
  done: (DigestTaskLine & { byName: string })[];
  worst: UnitRankView[];
}

export interface WeeklyDigestView {
  /** the Monday of the week */
  weekOf: string;
  today: string;
  units: UnitRankView[];
  overdue: (DigestTaskLine & { overdueDays: number })[];
  openRequests: RequestView[];
  /** units without a working session last month */
  missedMeetings: string[];
  lastMonth: string;
}

/** "2026-11" → "11/2026" */
const monthText = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

const rate = (u: UnitRankView) => (u.actualBp === null ? "chưa có kế hoạch vốn" : `giải ngân ${formatPercentBp(u.actualBp)}`);
const rateEn = (u: UnitRankView) => (u.actualBp === null ? "no capital plan yet" : `disbursed ${formatPercentBp(u.actualBp)}`);

const STATUS_VI: Record<RequestStatus, string> = {
  OPEN: "đang chờ trả lời",
  ANSWERED: "đã trả lời",
  CENTRAL: "đã chuyển xin ý kiến Trung ương",
};
const STATUS_EN: Record<RequestStatus, string> = {
  OPEN: "awaiting an answer",
  ANSWERED: "answered",
  CENTRAL: "referred to central level",
};

const requestLine = (r: RequestView) =>
  `#${r.id} · ${h(r.unitName)} → ${h(r.departmentName)} · Văn bản ${h(r.docNo)} ngày ${formatDmy(r.sentOn)} · «${h(r.subject)}» · hạn ${formatDmy(r.dueOn)} · ${STATUS_VI[r.status]}`;
const requestLineEn = (r: RequestView) =>
  `#${r.id} · ${h(r.unitName)} → ${h(r.departmentName)} · document ${h(r.docNo)} of ${formatDmy(r.sentOn)} · «${h(r.subject)}» · due ${formatDmy(r.dueOn)} · ${STATUS_EN[r.status]}`;

const taskLine = (t: DigestTaskLine) =>
  `• #${t.id} ${h(t.title)} — ${h(t.unitName)} · hạn ${formatDmy(t.dueDate)} · đồng chí ${h(t.responsibleName)}`;
const taskLineEn = (t: DigestTaskLine) =>
  `• #${t.id} ${h(t.title)} — ${h(t.unitName)} · due ${formatDmy(t.dueDate)} · ${h(t.responsibleName)}`;

export const followupVi = {
  help: {
    hop: "ghi nhận buổi làm việc định kỳ tháng của Bí thư với UBND đơn vị",
    yeucau: "ghi nhận văn bản xin ý kiến gửi sở, ngành; không kèm nội dung: xem các văn bản đang chờ trả lời",
    traloi: "ghi nhận sở, ngành đã trả lời văn bản xin ý kiến",
    trunguong: "ghi nhận văn bản đã chuyển xin ý kiến Trung ương (vượt thẩm quyền của tỉnh)",
  } as Record<string, string>,

  meeting: {
    usage:
      "Cú pháp: /hop [dd/mm/yyyy] &lt;ghi chú&gt; (Văn phòng điều phối: /hop &lt;đơn vị&gt; | [dd/mm/yyyy] &lt;ghi chú&gt;).",
    logged: (v: MeetingLoggedView) =>
      `✅ Đã ${v.updated ? "cập nhật" : "ghi nhận"} buổi làm việc tháng ${monthText(v.month)} của <b>${h(v.unitName)}</b> ngày ${formatDmy(v.heldOn)}` +
      (v.note ? ` — ${h(v.note)}` : "") +
      ".",
    nudge: (v: MeetingNudgeView) =>
      [
        `📅 <b>Nhắc buổi làm việc định kỳ tháng ${monthText(v.month)}</b>`,
        `Đơn vị: ${h(v.unitName)}`,
        `Đến nay chưa ghi nhận buổi làm việc của đồng chí Bí thư với UBND trong tháng (hạn chót ${formatDmy(v.lastDay)}).`,
        "Sau buổi làm việc, đề nghị đồng chí Bí thư (hoặc Chủ tịch UBND) gõ /hop [dd/mm/yyyy] &lt;ghi chú&gt; để ghi nhận.",
      ].join("\n"),
    missed: (v: MeetingMissedView) =>
      [
        `⚠️ <b>Chưa tổ chức buổi làm việc định kỳ tháng ${monthText(v.month)}</b>`,
        `Các đơn vị chưa ghi nhận buổi làm việc của Bí thư với UBND: ${v.unitNames.map(h).join(", ")}.`,
        "Đề nghị đồng chí chỉ đạo, đôn đốc.",
      ].join("\n"),
  },

  request: {
    usage:
      "Cú pháp: /yeucau &lt;sở, ngành&gt; | &lt;số văn bản&gt; | &lt;dd/mm/yyyy&gt; | &lt;trích yếu&gt;. Gõ /yeucau không kèm nội dung để xem các văn bản đang chờ trả lời.",
    answerUsage: "Cú pháp: /traloi &lt;số&gt; &lt;nội dung trả lời&gt;.",
    centralUsage: "Cú pháp: /trunguong &lt;số&gt;.",
    created: (r: RequestView) =>
      `✅ Đã ghi nhận văn bản xin ý kiến #${r.id} của ${h(r.unitName)} gửi ${h(r.departmentName)} (văn bản ${h(r.docNo)} ngày ${formatDmy(r.sentOn)}), hạn trả lời ${formatDmy(r.dueOn)}.`,
    reminder: (r: RequestReminderView) =>
      [
        r.workingDaysOverdue > 0
          ? `⚠️ <b>Văn bản xin ý kiến quá hạn trả lời ${r.workingDaysOverdue} ngày làm việc</b>`
          : r.workingDaysLeft > 0
            ? `⏰ <b>Văn bản xin ý kiến còn ${r.workingDaysLeft} ngày làm việc đến hạn trả lời</b>`
            : "⏰ <b>Văn bản xin ý kiến đến hạn trả lời hôm nay</b>",
        `#${r.id} · ${h(r.unitName)} gửi ${h(r.departmentName)}`,
        `Văn bản ${h(r.docNo)} ngày ${formatDmy(r.sentOn)}: «${h(r.subject)}»`,
        `Hạn trả lời: ${formatDmy(r.dueOn)}`,
        `Khi đã trả lời, đề nghị đồng chí gõ /traloi ${r.id} &lt;nội dung trả lời&gt;.`,
      ].join("\n"),
    overdue: (r: RequestReminderView) =>
      [
        `🚨 <b>Sở, ngành chưa trả lời văn bản xin ý kiến quá hạn</b>`,
        `#${r.id} · ${h(r.unitName)} gửi ${h(r.departmentName)}`,
        `Văn bản ${h(r.docNo)} ngày ${formatDmy(r.sentOn)}: «${h(r.subject)}»`,
        `Hạn trả lời: ${formatDmy(r.dueOn)} (quá ${r.workingDaysOverdue} ngày làm việc).`,
        `Nếu vượt thẩm quyền của tỉnh, gõ /trunguong ${r.id} để ghi nhận đã xin ý kiến Trung ương.`,
      ].join("\n"),
    answeredReply: (r: RequestView) => `✅ Đã ghi nhận trả lời văn bản xin ý kiến #${r.id} của ${h(r.unitName)}.`,
    answered: (r: RequestView) =>
      [
        `📨 <b>${h(r.departmentName)} đã trả lời văn bản xin ý kiến #${r.id}</b>`,
        `Văn bản ${h(r.docNo)} ngày ${formatDmy(r.sentOn)}: «${h(r.subject)}»`,
        `Nội dung trả lời: ${h(r.answerNote)}`,
      ].join("\n"),
    centralReply: (r: RequestView) =>
      `✅ Đã ghi nhận văn bản xin ý kiến #${r.id} đã chuyển xin ý kiến Trung ương; dondoc ngừng nhắc ${h(r.departmentName)}.`,
    central: (r: RequestView) =>
      [
        `📨 <b>Văn bản xin ý kiến #${r.id} đã được chuyển xin ý kiến Trung ương</b>`,
        `Văn bản ${h(r.docNo)} ngày ${formatDmy(r.sentOn)} gửi ${h(r.departmentName)}: «${h(r.subject)}»`,
        "Nội dung vượt thẩm quyền của tỉnh; Văn phòng điều phối sẽ thông báo khi có ý kiến.",
      ].join("\n"),
    list: (rs: RequestView[]) => ["<b>Văn bản xin ý kiến chưa có trả lời</b>", ...rs.map(requestLine)].join("\n"),
    listEmpty: "Không có văn bản xin ý kiến nào đang chờ trả lời.",
  },

  digest: {
    daily: (v: DailyDigestView) =>
      [
        `📊 <b>Tổng hợp ngày ${formatDmy(v.today)}</b>`,
        "",
        `<b>Việc mới quá hạn</b> (${v.newlyOverdue.length}):`,
        ...(v.newlyOverdue.length ? v.newlyOverdue.map(taskLine) : ["• không có"]),
        "",
        `<b>Việc đã hoàn thành từ ${formatDmy(v.doneSince)}</b> (${v.done.length}):`,
        ...(v.done.length ? v.done.map((t) => `${taskLine(t)} · xong: ${h(t.byName)}`) : ["• không có"]),
        "",
        "<b>5 đơn vị chậm nhất</b>:",
        ...(v.worst.length
          ? v.worst.map((u, i) => `${i + 1}. ${h(u.unitName)} · ${rate(u)} · ${u.overdueTasks} việc quá hạn`)
          : ["• không có"]),
      ].join("\n"),
    weekly: (v: WeeklyDigestView) =>
      [
        `📊 <b>Tổng hợp tuần từ ${formatDmy(v.weekOf)}</b> — các đơn vị đồng chí theo dõi`,
        "",
        ...v.units.map((u, i) => `${i + 1}. ${h(u.unitName)} · ${rate(u)} · ${u.openTasks} việc đang mở, ${u.overdueTasks} quá hạn`),
        "",
        `<b>Việc quá hạn</b> (${v.overdue.length}):`,
        ...(v.overdue.length ? v.overdue.map((t) => `${taskLine(t)} · quá ${t.overdueDays} ngày làm việc`) : ["• không có"]),
        "",
        `<b>Văn bản xin ý kiến chưa có trả lời</b> (${v.openRequests.length}):`,
        ...(v.openRequests.length ? v.openRequests.map((r) => `• ${requestLine(r)}`) : ["• không có"]),
        "",
        `<b>Chưa tổ chức buổi làm việc tháng ${monthText(v.lastMonth)}</b>: ${v.missedMeetings.length ? v.missedMeetings.map(h).join(", ") : "không có"}`,
      ].join("\n"),
  },

  errors: {
    badDate: (s: string) => `Ngày «${h(s)}» không hợp lệ. Đề nghị ghi theo dạng dd/mm/yyyy.`,
    futureDate: (d: string) => `Ngày ${formatDmy(d)} chưa đến. Đề nghị kiểm tra lại.`,
    whichUnit: "Đề nghị gõ lệnh trong nhóm của đơn vị, hoặc ghi rõ tên đơn vị: /hop &lt;đơn vị&gt; | [dd/mm/yyyy] &lt;ghi chú&gt;.",
    notYourUnit: (unit: string) => `Đồng chí không phụ trách đơn vị ${h(unit)} nên không ghi nhận thay được.`,
    requestUnit: "Đề nghị gõ lệnh trong nhóm của đơn vị gửi văn bản.",
    departmentNotFound: (q: string) => `Không tìm thấy sở, ngành «${h(q)}».`,
    departmentAmbiguous: (q: string, names: string[]) => `«${h(q)}» trùng với nhiều sở, ngành: ${names.map(h).join(", ")}. Đề nghị ghi rõ hơn.`,
    requestNotFound: (id: number) => `Không tìm thấy văn bản xin ý kiến #${id}.`,
    requestClosed: (id: number) => `Văn bản xin ý kiến #${id} đã được trả lời.`,
    requestNotOpen: (id: number) => `Văn bản xin ý kiến #${id} không còn chờ trả lời.`,
    notFocal: "Chỉ đầu mối của sở, ngành nhận văn bản (hoặc Văn phòng điều phối) mới ghi nhận trả lời được.",
  },
};

type FollowupCatalogue = typeof followupVi;

export const followupEn: FollowupCatalogue = {
  help: {
    hop: "log the unit's monthly working session of the Party secretary with the People's Committee",
    yeucau: "log a written request for guidance sent to a department; without arguments: the requests awaiting an answer",
    traloi: "log a department's answer to a written request",
    trunguong: "log that a request was referred to central level (beyond the province's authority)",
  },

  meeting: {
    usage: "Usage: /hop [dd/mm/yyyy] &lt;note&gt; (secretariat: /hop &lt;unit&gt; | [dd/mm/yyyy] &lt;note&gt;).",
    logged: (v) =>
      `✅ ${v.updated ? "Updated" : "Logged"} the ${monthText(v.month)} working session of <b>${h(v.unitName)}</b> on ${formatDmy(v.heldOn)}` +
      (v.note ? ` — ${h(v.note)}` : "") +
      ".",
    nudge: (v) =>
      [
        `📅 <b>Monthly working session, ${monthText(v.month)}</b>`,
        `Unit: ${h(v.unitName)}`,
        `No working session of the Party secretary with the People's Committee has been logged this month (last day ${formatDmy(v.lastDay)}).`,
        "After the session, the Party secretary (or the chairman) types /hop [dd/mm/yyyy] &lt;note&gt; to log it.",
      ].join("\n"),
    missed: (v) =>
      [
        `⚠️ <b>No monthly working session in ${monthText(v.month)}</b>`,
        `Units without a logged session: ${v.unitNames.map(h).join(", ")}.`,
        "Please follow up.",
      ].join("\n"),
  },

  request: {
    usage:
      "Usage: /yeucau &lt;department&gt; | &lt;document no.&gt; | &lt;dd/mm/yyyy&gt; | &lt;subject&gt;. /yeucau alone lists the requests awaiting an answer.",
    answerUsage: "Usage: /traloi &lt;id&gt; &lt;answer&gt;.",
    centralUsage: "Usage: /trunguong &lt;id&gt;.",
    created: (r) =>
      `✅ Logged request #${r.id} of ${h(r.unitName)} to ${h(r.departmentName)} (document ${h(r.docNo)} of ${formatDmy(r.sentOn)}), answer due ${formatDmy(r.dueOn)}.`,
    reminder: (r) =>
      [
        r.workingDaysOverdue > 0
          ? `⚠️ <b>Written request ${r.workingDaysOverdue} working days overdue</b>`
          : r.workingDaysLeft > 0
            ? `⏰ <b>Written request: ${r.workingDaysLeft} working days left to answer</b>`
            : "⏰ <b>Written request: the answer is due today</b>",
        `#${r.id} · ${h(r.unitName)} to ${h(r.departmentName)}`,
        `Document ${h(r.docNo)} of ${formatDmy(r.sentOn)}: «${h(r.subject)}»`,
        `Answer due: ${formatDmy(r.dueOn)}`,
        `Once answered, type /traloi ${r.id} &lt;answer&gt;.`,
      ].join("\n"),
    overdue: (r) =>
      [
        "🚨 <b>A department has not answered a written request in time</b>",
        `#${r.id} · ${h(r.unitName)} to ${h(r.departmentName)}`,
        `Document ${h(r.docNo)} of ${formatDmy(r.sentOn)}: «${h(r.subject)}»`,
        `Answer due: ${formatDmy(r.dueOn)} (${r.workingDaysOverdue} working days overdue).`,
        `If it is beyond the province's authority, type /trunguong ${r.id}.`,
      ].join("\n"),
    answeredReply: (r) => `✅ Logged the answer to request #${r.id} of ${h(r.unitName)}.`,
    answered: (r) =>
      [
        `📨 <b>${h(r.departmentName)} answered request #${r.id}</b>`,
        `Document ${h(r.docNo)} of ${formatDmy(r.sentOn)}: «${h(r.subject)}»`,
        `Answer: ${h(r.answerNote)}`,
      ].join("\n"),
    centralReply: (r) => `✅ Request #${r.id} logged as referred to central level; reminders to ${h(r.departmentName)} stop.`,
    central: (r) =>
      [
        `📨 <b>Request #${r.id} was referred to central level</b>`,
        `Document ${h(r.docNo)} of ${formatDmy(r.sentOn)} to ${h(r.departmentName)}: «${h(r.subject)}»`,
        "It is beyond the province's authority; the secretariat will tell you when there is an answer.",
      ].join("\n"),
    list: (rs) => ["<b>Written requests without an answer</b>", ...rs.map(requestLineEn)].join("\n"),
    listEmpty: "No written request is awaiting an answer.",
  },

  digest: {
    daily: (v) =>
      [
        `📊 <b>Daily digest ${formatDmy(v.today)}</b>`,
        "",
        `<b>Newly overdue tasks</b> (${v.newlyOverdue.length}):`,
        ...(v.newlyOverdue.length ? v.newlyOverdue.map(taskLineEn) : ["• none"]),
        "",
        `<b>Tasks done since ${formatDmy(v.doneSince)}</b> (${v.done.length}):`,
        ...(v.done.length ? v.done.map((t) => `${taskLineEn(t)} · done by ${h(t.byName)}`) : ["• none"]),
        "",
        "<b>The 5 slowest units</b>:",
        ...(v.worst.length ? v.worst.map((u, i) => `${i + 1}. ${h(u.unitName)} · ${rateEn(u)} · ${u.overdueTasks} overdue`) : ["• none"]),
      ].join("\n"),
    weekly: (v) =>
      [
        `📊 <b>Weekly digest from ${formatDmy(v.weekOf)}</b> — the units you follow`,
        "",
        ...v.units.map((u, i) => `${i + 1}. ${h(u.unitName)} · ${rateEn(u)} · ${u.openTasks} open, ${u.overdueTasks} overdue`),
        "",
        `<b>Overdue tasks</b> (${v.overdue.length}):`,
        ...(v.overdue.length ? v.overdue.map((t) => `${taskLineEn(t)} · ${t.overdueDays} working days overdue`) : ["• none"]),
        "",
        `<b>Written requests without an answer</b> (${v.openRequests.length}):`,
        ...(v.openRequests.length ? v.openRequests.map((r) => `• ${requestLineEn(r)}`) : ["• none"]),
        "",
        `<b>No working session in ${monthText(v.lastMonth)}</b>: ${v.missedMeetings.length ? v.missedMeetings.map(h).join(", ") : "none"}`,
      ].join("\n"),
  },

  errors: {
    badDate: (s) => `«${h(s)}» is not a valid date. Please write dd/mm/yyyy.`,
    futureDate: (d) => `${formatDmy(d)} is in the future. Please check.`,
    whichUnit: "Please use the command in the unit's group, or name the unit: /hop &lt;unit&gt; | [dd/mm/yyyy] &lt;note&gt;.",
    notYourUnit: (unit) => `You are not in charge of ${h(unit)}.`,
    requestUnit: "Please use the command in the group of the unit that sent the document.",
    departmentNotFound: (q) => `No department «${h(q)}».`,
    departmentAmbiguous: (q, names) => `«${h(q)}» matches several departments: ${names.map(h).join(", ")}. Please be more specific.`,
    requestNotFound: (id) => `No written request #${id}.`,
    requestClosed: (id) => `Request #${id} was already answered.`,
    requestNotOpen: (id) => `Request #${id} is no longer awaiting an answer.`,
    notFocal: "Only the focal point of the receiving department (or the secretariat) can log the answer.",
  },
};

/** The text of a UserError("followup", { key, args }). */
export function followupErrorText(t: { followup: FollowupCatalogue }, params: Record<string, unknown>): string {
  const entry = t.followup.errors[params.key as keyof FollowupCatalogue["errors"]] as unknown;
  if (typeof entry === "function") return (entry as (...a: unknown[]) => string)(...((params.args as unknown[]) ?? []));
  return typeof entry === "string" ? entry : t.followup.request.usage;
}
