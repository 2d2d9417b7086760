// The written request messages (R5, /yeucau, /traloi, /trunguong), Vietnamese and English.
import { formatDmy } from "../../../domain/dates.ts";
import { escapeHtml as h } from "../../../domain/text.ts";
import { requestLine, requestLineEn } from "./format.ts";
import type { RequestReminderView, RequestView } from "./views.ts";

export const requestVi = {
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
      "Kính gửi Văn phòng điều phối.",
      `🚨 <b>Sở, ngành chưa trả lời văn bản xin ý kiến quá hạn</b>`,
      `#${r.id} · ${h(r.unitName)} gửi ${h(r.departmentName)}`,
      `Văn bản ${h(r.docNo)} ngày ${formatDmy(r.sentOn)}: «${h(r.subject)}»`,
      `Hạn trả lời: ${formatDmy(r.dueOn)} (quá ${r.workingDaysOverdue} ngày làm việc).`,
      `Đề nghị Văn phòng điều phối đôn đốc sở, ngành trả lời; nếu nội dung vượt thẩm quyền của tỉnh, gõ /trunguong ${r.id} để ghi nhận đã xin ý kiến Trung ương.`,
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
};

export const requestEn: typeof requestVi = {
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
  centralReply: (r) =>
    `✅ Request #${r.id} logged as referred to central level; reminders to ${h(r.departmentName)} stop.`,
  central: (r) =>
    [
      `📨 <b>Request #${r.id} was referred to central level</b>`,
      `Document ${h(r.docNo)} of ${formatDmy(r.sentOn)} to ${h(r.departmentName)}: «${h(r.subject)}»`,
      "It is beyond the province's authority; the secretariat will tell you when there is an answer.",
    ].join("\n"),
  list: (rs) => ["<b>Written requests without an answer</b>", ...rs.map(requestLineEn)].join("\n"),
  listEmpty: "No written request is awaiting an answer.",
};
