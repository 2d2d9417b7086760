// A task's history (#19, /lichsu): one compact message, dates dd/mm/yyyy HH:mm in Vietnam time. Vietnamese
// first, English.
import { formatDmy, localDate, localMinutes } from "../../domain/dates.ts";
import type { Rung } from "../../domain/ladder.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import type { HistoryEvent, HistoryView } from "./history.ts";

/** Lines shown at most (Telegram's 4,096 characters): the first ones and the latest, the middle counted. */
const MAX_EVENTS = 40;
const HEAD = 8;

const hm = (d: Date) => {
  const m = localMinutes(d);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
const stamp = (d: Date) => `${formatDmy(localDate(d))} ${hm(d)}`;

function capped(lines: string[], more: (n: number) => string): string[] {
  if (lines.length <= MAX_EVENTS) return lines;
  const tail = MAX_EVENTS - HEAD - 1;
  return [...lines.slice(0, HEAD), more(lines.length - HEAD - tail), ...lines.slice(-tail)];
}

const STATUS_VI: Record<HistoryView["status"], string> = {
  OPEN: "đang thực hiện",
  AWAITING_CONFIRMATION: "đã báo hoàn thành, chờ xác nhận",
  DONE: "hoàn thành",
  CANCELLED: "đã hủy",
};
const STATUS_EN: Record<HistoryView["status"], string> = {
  OPEN: "in progress",
  AWAITING_CONFIRMATION: "reported done, awaiting confirmation",
  DONE: "done",
  CANCELLED: "cancelled",
};
const RUNG_VI: Record<Rung, string> = {
  before: "nhắc việc trước hạn",
  due: "nhắc việc đến hạn",
  overdue1: "nhắc quá hạn, báo Chủ tịch UBND đơn vị",
  overdue3: "nhắc quá hạn, báo Thường trực, Ủy viên Ban Thường vụ theo dõi địa bàn và Văn phòng điều phối",
};
const RUNG_EN: Record<Rung, string> = {
  before: "reminder before the due date",
  due: "reminder on the due date",
  overdue1: "overdue reminder, the unit's chairman told",
  overdue3: "overdue reminder, the standing committee, the supervising member and the coordination office told",
};
const VIA_VI = {
  giao: "giao việc",
  file: "giao việc theo tệp",
  cli: "giao việc từ dòng lệnh",
  directive: "giao việc theo kết luận, chỉ thị",
  series: "việc định kỳ, tạo theo lịch",
  created: "giao việc",
};
const VIA_EN: typeof VIA_VI = {
  giao: "assigned",
  file: "assigned from a file",
  cli: "assigned from the command line",
  directive: "assigned from a directive",
  series: "next of a recurring series",
  created: "assigned",
};

const byVi = (e: HistoryEvent) => (e.by ? ` (đồng chí ${h(e.by)})` : "");
const byEn = (e: HistoryEvent) => (e.by ? ` (${h(e.by)})` : "");

function eventVi(e: HistoryEvent): string {
  switch (e.kind) {
    case "assigned":
      return `${VIA_VI[e.via]}${byVi(e)}`;
    case "reminder":
      return RUNG_VI[e.rung];
    case "snoozed":
      return `hẹn nhắc lại${e.until ? ` lúc ${stamp(e.until)}` : ""}${byVi(e)}`;
    case "extensionAsked":
      return `đề nghị gia hạn đến ${formatDmy(e.newDueDate)}${byVi(e)}: ${h(e.reason)}`;
    case "extensionDecided":
      return `${e.approved ? "đồng ý" : "không đồng ý"} gia hạn đến ${formatDmy(e.newDueDate)}${byVi(e)}`;
    case "evidence":
      return `gửi minh chứng «${h(e.fileName)}»${byVi(e)}`;
    case "reported":
      return `báo hoàn thành${byVi(e)}${e.note ? `: ${h(e.note)}` : ""}${e.awaiting ? " — chờ xác nhận" : ""}`;
    case "confirmed":
      return `xác nhận hoàn thành${byVi(e)}`;
    case "refused":
      return `không xác nhận, mở lại việc${byVi(e)}: ${h(e.reason)}`;
    case "obstacle":
      return `báo vướng mắc${byVi(e)}: ${h(e.reason)}${e.resolution !== null ? ` — đã giải quyết: ${h(e.resolution)}` : ""}`;
    case "handedOver":
      return `bàn giao từ đồng chí ${h(e.from)} sang đồng chí ${h(e.to)}${byVi(e)}`;
    case "other":
      return `${h(e.action)}${byVi(e)}`;
  }
}

function eventEn(e: HistoryEvent): string {
  switch (e.kind) {
    case "assigned":
      return `${VIA_EN[e.via]}${byEn(e)}`;
    case "reminder":
      return RUNG_EN[e.rung];
    case "snoozed":
      return `snoozed${e.until ? ` until ${stamp(e.until)}` : ""}${byEn(e)}`;
    case "extensionAsked":
      return `extension to ${formatDmy(e.newDueDate)} asked${byEn(e)}: ${h(e.reason)}`;
    case "extensionDecided":
      return `extension to ${formatDmy(e.newDueDate)} ${e.approved ? "approved" : "refused"}${byEn(e)}`;
    case "evidence":
      return `evidence «${h(e.fileName)}» attached${byEn(e)}`;
    case "reported":
      return `reported done${byEn(e)}${e.note ? `: ${h(e.note)}` : ""}${e.awaiting ? " — awaiting confirmation" : ""}`;
    case "confirmed":
      return `completion confirmed${byEn(e)}`;
    case "refused":
      return `completion not confirmed, reopened${byEn(e)}: ${h(e.reason)}`;
    case "obstacle":
      return `obstacle raised${byEn(e)}: ${h(e.reason)}${e.resolution !== null ? ` — resolved: ${h(e.resolution)}` : ""}`;
    case "handedOver":
      return `handed over from ${h(e.from)} to ${h(e.to)}${byEn(e)}`;
    case "other":
      return `${h(e.action)}${byEn(e)}`;
  }
}

export const historyVi = {
  help: { history: "lịch sử một việc: giao, nhắc, gia hạn, minh chứng, hoàn thành, xác nhận" } as Record<
    string,
    string
  >,
  view: (v: HistoryView) =>
    [
      `📜 <b>Lịch sử việc #${v.taskId}</b>: ${h(v.title)}`,
      `Đơn vị: ${h(v.unitName)} · Phụ trách: đồng chí ${h(v.responsibleName)} · Hạn: ${formatDmy(v.dueDate)}` +
        (v.originalDueDate ? ` (hạn ban đầu ${formatDmy(v.originalDueDate)})` : "") +
        ` · ${STATUS_VI[v.status]}`,
      ...(v.requiresEvidence || v.requiresConfirmation
        ? [
            `Yêu cầu: ${[...(v.requiresEvidence ? ["cần minh chứng"] : []), ...(v.requiresConfirmation ? ["cần xác nhận"] : [])].join(", ")}`,
          ]
        : []),
      ...capped(
        v.events.map((e) => `• ${stamp(e.at)} — ${eventVi(e)}`),
        (n) => `• … ${n} mục khác (xem /xuat viec)`,
      ),
    ].join("\n"),
  errors: {
    usage: "Cú pháp: /lichsu &lt;số việc&gt;, ví dụ: /lichsu 12.",
    notAllowed:
      "Đồng chí không xem được lịch sử việc này: chỉ cán bộ phụ trách, người giao việc, Chủ tịch UBND, Bí thư cấp ủy đơn vị, đồng chí Ủy viên Ban Thường vụ theo dõi địa bàn và Văn phòng điều phối được xem.",
    otherUnit: (taskId: number) =>
      `Việc #${taskId} không thuộc đơn vị của nhóm này. Đề nghị xem trong trò chuyện riêng với bot.`,
  },
};

export const historyEn: typeof historyVi = {
  help: { history: "a task's history: assigned, reminded, extended, evidence, reported, confirmed" },
  view: (v) =>
    [
      `📜 <b>History of task #${v.taskId}</b>: ${h(v.title)}`,
      `Unit: ${h(v.unitName)} · Responsible: ${h(v.responsibleName)} · Due: ${formatDmy(v.dueDate)}` +
        (v.originalDueDate ? ` (originally ${formatDmy(v.originalDueDate)})` : "") +
        ` · ${STATUS_EN[v.status]}`,
      ...(v.requiresEvidence || v.requiresConfirmation
        ? [
            `Required: ${[...(v.requiresEvidence ? ["evidence"] : []), ...(v.requiresConfirmation ? ["confirmation"] : [])].join(", ")}`,
          ]
        : []),
      ...capped(
        v.events.map((e) => `• ${stamp(e.at)} — ${eventEn(e)}`),
        (n) => `• … ${n} more (see /export tasks)`,
      ),
    ].join("\n"),
  errors: {
    usage: "Usage: /lichsu &lt;task number&gt;, e.g. /lichsu 12.",
    notAllowed:
      "You cannot see this task's history: only the responsible official, the one who assigned it, the unit's chairman and Party secretary, the supervising member and the coordination office may.",
    otherUnit: (taskId) => `Task #${taskId} is not this group's unit's. Please ask in a private chat with the bot.`,
  },
};
