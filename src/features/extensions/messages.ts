// "Xin gia hạn" (#19): the request to the assigner and the secretariat, their decision as the asker and the
// unit's group read it, the refusals. Vietnamese first, English.
import { formatDmy } from "../../domain/dates.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import type { ExtensionDecision, ExtensionView } from "./extensions.ts";

export const extensionsVi = {
  help: {
    giahan: "đề nghị gia hạn một việc (người giao việc hoặc Văn phòng điều phối xem xét)",
  } as Record<string, string>,
  ask: (v: ExtensionView) =>
    [
      `📅 <b>Đề nghị gia hạn việc #${v.taskId}</b>: ${h(v.title)}`,
      `Đơn vị: ${h(v.unitName)} · Hạn hiện tại: ${formatDmy(v.fromDueDate)} · Đề nghị gia hạn đến: ${formatDmy(v.newDueDate)}`,
      `Lý do: ${h(v.reason)}`,
      `Người đề nghị: đồng chí ${h(v.byName)}. Đề nghị ${v.assignerName ? `đồng chí ${h(v.assignerName)} hoặc ` : ""}Văn phòng điều phối xem xét, quyết định.`,
    ].join("\n"),
  requested: (v: ExtensionView) =>
    `📅 Đã gửi đề nghị gia hạn việc #${v.taskId} đến ngày ${formatDmy(v.newDueDate)} tới ${v.assignerName ? `đồng chí ${h(v.assignerName)} và ` : ""}Văn phòng điều phối. Trong khi chờ, hạn vẫn là ${formatDmy(v.fromDueDate)}.`,
  prompt: (p: { taskId: number; title: string; dueDate: string }) =>
    `📅 Xin gia hạn việc #${p.taskId} «${h(p.title)}» (hạn ${formatDmy(p.dueDate)}): đề nghị đồng chí trả lời tin này bằng ngày đề nghị gia hạn và lý do, ví dụ: <code>15/12/2026 chờ thẩm định hồ sơ</code> (hoặc gõ /giahan ${p.taskId} &lt;ngày&gt; &lt;lý do&gt;).`,
  decided: (v: ExtensionView, d: ExtensionDecision, byName: string) =>
    d === "APPROVED"
      ? `✅ Đồng chí ${h(byName)} đã đồng ý gia hạn việc #${v.taskId} «${h(v.title)}» (${h(v.unitName)}) đến ngày ${formatDmy(v.newDueDate)}. Kết quả thực hiện vẫn được đánh giá theo hạn ban đầu ${formatDmy(v.originalDueDate)}.`
      : `✖ Đồng chí ${h(byName)} không đồng ý gia hạn việc #${v.taskId} «${h(v.title)}» (${h(v.unitName)}): hạn vẫn là ${formatDmy(v.fromDueDate)}. Đề nghị đồng chí ${h(v.byName)} khẩn trương hoàn thành.`,
  decidedReply: (v: ExtensionView, d: ExtensionDecision) =>
    d === "APPROVED"
      ? `✅ Đã đồng ý gia hạn việc #${v.taskId} đến ngày ${formatDmy(v.newDueDate)}.`
      : `✖ Đã không đồng ý gia hạn việc #${v.taskId}.`,
  buttons: { request: "📅 Xin gia hạn", approve: "✅ Đồng ý gia hạn", refuse: "✖ Không đồng ý" },
  errors: {
    usage:
      "Cú pháp: /giahan &lt;số việc&gt; &lt;dd/mm/yyyy&gt; &lt;lý do&gt;, ví dụ: /giahan 12 15/12/2026 chờ thẩm định hồ sơ.",
    notAllowed: "Chỉ cán bộ phụ trách, Chủ tịch UBND đơn vị hoặc Văn phòng điều phối được đề nghị gia hạn việc này.",
    notLater: (due: string) => `Ngày đề nghị gia hạn phải sau hạn hiện tại (${formatDmy(due)}).`,
    pending: (taskId: number, newDue: string) =>
      `Việc #${taskId} đã có đề nghị gia hạn đến ngày ${formatDmy(newDue)} đang chờ xem xét.`,
    notApprover: "Chỉ người giao việc hoặc Văn phòng điều phối được quyết định gia hạn.",
    decided: (approved: boolean) => `Đề nghị gia hạn này đã được ${approved ? "đồng ý" : "xem xét và không đồng ý"}.`,
    gone: "Không tìm thấy đề nghị gia hạn này.",
  },
};

export const extensionsEn: typeof extensionsVi = {
  help: { giahan: "ask for a later due date (the assigner or the secretariat decides)" },
  ask: (v) =>
    [
      `📅 <b>Extension requested for task #${v.taskId}</b>: ${h(v.title)}`,
      `Unit: ${h(v.unitName)} · Due: ${formatDmy(v.fromDueDate)} · Asked for: ${formatDmy(v.newDueDate)}`,
      `Reason: ${h(v.reason)}`,
      `Asked by ${h(v.byName)}. ${v.assignerName ? `${h(v.assignerName)} or ` : ""}the coordination office decides.`,
    ].join("\n"),
  requested: (v) =>
    `📅 Extension of task #${v.taskId} to ${formatDmy(v.newDueDate)} requested from ${v.assignerName ? `${h(v.assignerName)} and ` : ""}the coordination office. Meanwhile the due date stays ${formatDmy(v.fromDueDate)}.`,
  prompt: (p) =>
    `📅 Extension of task #${p.taskId} «${h(p.title)}» (due ${formatDmy(p.dueDate)}): please reply to this message with the new date and the reason, e.g. <code>15/12/2026 waiting for the appraisal</code> (or type /giahan ${p.taskId} &lt;date&gt; &lt;reason&gt;).`,
  decided: (v, d, byName) =>
    d === "APPROVED"
      ? `✅ ${h(byName)} approved the extension of task #${v.taskId} «${h(v.title)}» (${h(v.unitName)}) to ${formatDmy(v.newDueDate)}. Results are still judged by the original due date ${formatDmy(v.originalDueDate)}.`
      : `✖ ${h(byName)} refused the extension of task #${v.taskId} «${h(v.title)}» (${h(v.unitName)}): it stays due on ${formatDmy(v.fromDueDate)}.`,
  decidedReply: (v, d) =>
    d === "APPROVED"
      ? `✅ Extension of task #${v.taskId} to ${formatDmy(v.newDueDate)} approved.`
      : `✖ Extension of task #${v.taskId} refused.`,
  buttons: { request: "📅 Ask for more time", approve: "✅ Approve", refuse: "✖ Refuse" },
  errors: {
    usage:
      "Usage: /giahan &lt;task number&gt; &lt;dd/mm/yyyy&gt; &lt;reason&gt;, e.g. /giahan 12 15/12/2026 waiting for the appraisal.",
    notAllowed:
      "Only the responsible official, the unit's chairman or the coordination office may ask for an extension.",
    notLater: (due) => `The new date must be after the current due date (${formatDmy(due)}).`,
    pending: (taskId, newDue) =>
      `Task #${taskId} already has an extension to ${formatDmy(newDue)} waiting for a decision.`,
    notApprover: "Only the one who assigned the task or the coordination office may decide.",
    decided: (approved) => `This request was already ${approved ? "approved" : "refused"}.`,
    gone: "This extension request does not exist.",
  },
};
