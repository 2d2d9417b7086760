// The daily and weekly digest messages, Vietnamese and English.
import { formatDmy } from "../../../domain/dates.ts";
import { escapeHtml as h } from "../../../domain/text.ts";
import { monthText, rate, rateEn, requestLine, requestLineEn, taskLine, taskLineEn } from "./format.ts";
import type { DailyDigestView, WeeklyDigestView } from "./views.ts";

export const digestVi = {
  daily: (v: DailyDigestView) =>
    [
      `📊 <b>Tổng hợp ngày ${formatDmy(v.today)}</b>`,
      "",
      `<b>Việc mới quá hạn</b> (${v.overdueCount}):`,
      ...(v.newlyOverdue.length ? v.newlyOverdue.map(taskLine) : ["• không có"]),
      ...(v.overdueCount > v.newlyOverdue.length
        ? [`… và ${v.overdueCount - v.newlyOverdue.length} việc khác: gõ /quahan để xem đủ.`]
        : []),
      "",
      `<b>Việc đã hoàn thành từ ${formatDmy(v.doneSince)}</b> (${v.doneCount}):`,
      ...(v.done.length ? v.done.map((t) => `${taskLine(t)} · hoàn thành: đồng chí ${h(t.byName)}`) : ["• không có"]),
      ...(v.doneCount > v.done.length
        ? [`… và ${v.doneCount - v.done.length} việc khác: /xuat viec để có danh sách đủ.`]
        : []),
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
      ...v.units.map(
        (u, i) => `${i + 1}. ${h(u.unitName)} · ${rate(u)} · ${u.openTasks} việc đang mở, ${u.overdueTasks} quá hạn`,
      ),
      "",
      `<b>Việc quá hạn</b> (${v.overdue.length}):`,
      ...(v.overdue.length
        ? v.overdue.map((t) => `${taskLine(t)} · quá ${t.overdueDays} ngày làm việc`)
        : ["• không có"]),
      "",
      `<b>Văn bản xin ý kiến chưa có trả lời</b> (${v.openRequests.length}):`,
      ...(v.openRequests.length ? v.openRequests.map((r) => `• ${requestLine(r)}`) : ["• không có"]),
      "",
      `<b>Chưa ghi nhận buổi làm việc tháng ${monthText(v.lastMonth)}</b>: ${v.missedMeetings.length ? v.missedMeetings.map(h).join(", ") : "không có"}`,
    ].join("\n"),
};

export const digestEn: typeof digestVi = {
  daily: (v) =>
    [
      `📊 <b>Daily digest ${formatDmy(v.today)}</b>`,
      "",
      `<b>Newly overdue tasks</b> (${v.overdueCount}):`,
      ...(v.newlyOverdue.length ? v.newlyOverdue.map(taskLineEn) : ["• none"]),
      ...(v.overdueCount > v.newlyOverdue.length
        ? [`… and ${v.overdueCount - v.newlyOverdue.length} more: /overdue lists them all.`]
        : []),
      "",
      `<b>Tasks done since ${formatDmy(v.doneSince)}</b> (${v.doneCount}):`,
      ...(v.done.length ? v.done.map((t) => `${taskLineEn(t)} · done by ${h(t.byName)}`) : ["• none"]),
      ...(v.doneCount > v.done.length
        ? [`… and ${v.doneCount - v.done.length} more: /export tasks has the full list.`]
        : []),
      "",
      "<b>The 5 slowest units</b>:",
      ...(v.worst.length
        ? v.worst.map((u, i) => `${i + 1}. ${h(u.unitName)} · ${rateEn(u)} · ${u.overdueTasks} overdue`)
        : ["• none"]),
    ].join("\n"),
  weekly: (v) =>
    [
      `📊 <b>Weekly digest from ${formatDmy(v.weekOf)}</b> — the units you follow`,
      "",
      ...v.units.map(
        (u, i) => `${i + 1}. ${h(u.unitName)} · ${rateEn(u)} · ${u.openTasks} open, ${u.overdueTasks} overdue`,
      ),
      "",
      `<b>Overdue tasks</b> (${v.overdue.length}):`,
      ...(v.overdue.length
        ? v.overdue.map((t) => `${taskLineEn(t)} · ${t.overdueDays} working days overdue`)
        : ["• none"]),
      "",
      `<b>Written requests without an answer</b> (${v.openRequests.length}):`,
      ...(v.openRequests.length ? v.openRequests.map((r) => `• ${requestLineEn(r)}`) : ["• none"]),
      "",
      `<b>No working session in ${monthText(v.lastMonth)}</b>: ${v.missedMeetings.length ? v.missedMeetings.map(h).join(", ") : "none"}`,
    ].join("\n"),
};
