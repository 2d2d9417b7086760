// The monthly working session messages (R6, /hop), Vietnamese and English.
import { formatDmy } from "../../../domain/dates.ts";
import { escapeHtml as h } from "../../../domain/text.ts";
import { monthText } from "./format.ts";
import type { MeetingLoggedView, MeetingMissedView, MeetingNudgeView } from "./views.ts";

export const meetingVi = {
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
      ...(v.to === "office" ? ["Kính gửi Văn phòng điều phối."] : []),
      `⚠️ <b>Chưa ghi nhận buổi làm việc định kỳ tháng ${monthText(v.month)}</b>`,
      `Các đơn vị chưa ghi nhận buổi làm việc của đồng chí Bí thư với UBND: ${v.unitNames.map(h).join(", ")}.`,
      v.to === "office"
        ? "Đề nghị Văn phòng điều phối theo dõi, đôn đốc."
        : "Kính báo cáo đồng chí để theo dõi, chỉ đạo.",
    ].join("\n"),
};

export const meetingEn: typeof meetingVi = {
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
      ...(v.to === "office" ? ["To the coordination office."] : []),
      `⚠️ <b>No monthly working session logged for ${monthText(v.month)}</b>`,
      `Units without a logged session: ${v.unitNames.map(h).join(", ")}.`,
      v.to === "office" ? "The coordination office is asked to follow up." : "For your information and direction.",
    ].join("\n"),
};
