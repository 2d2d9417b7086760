// Confirmation by the assigner (#19): the question to the assigner or the secretariat, the answers, what the
// official and the unit's group read, the refusals. Vietnamese first, English.
import { formatDmy, localDate, localMinutes } from "../../domain/dates.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import type { AwaitingItemView, AwaitingListView } from "./awaiting.ts";
import type { ConfirmationView } from "./confirmation.ts";

const hm = (d: Date) => {
  const m = localMinutes(d);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
type Reported = Pick<ConfirmationView, "reportedAt" | "onTime" | "judgedDue">;
const reportedOn = (v: Reported) => formatDmy(localDate(v.reportedAt));
const timelyVi = (v: Reported) => (v.onTime ? "đúng hạn" : `quá hạn, hạn ${formatDmy(v.judgedDue)}`);
const timelyEn = (v: Reported) => (v.onTime ? "on time" : `late, due ${formatDmy(v.judgedDue)}`);

/** /choxacnhan: one line per task — number, title, unit, who reported when (and who assigned it, if not the asker). */
const awaitingLineVi = (v: AwaitingItemView) =>
  `• #${v.taskId} ${h(v.title)} · ${h(v.unitName)} — đồng chí ${h(v.reportedByName)} báo hoàn thành lúc ${hm(v.reportedAt)} ngày ${reportedOn(v)} (${timelyVi(v)})` +
  (v.assignerName ? `; người giao: đồng chí ${h(v.assignerName)}` : "");
const awaitingLineEn = (v: AwaitingItemView) =>
  `• #${v.taskId} ${h(v.title)} · ${h(v.unitName)} — reported done by ${h(v.reportedByName)} at ${hm(v.reportedAt)} on ${reportedOn(v)} (${timelyEn(v)})` +
  (v.assignerName ? `; assigned by ${h(v.assignerName)}` : "");

export const confirmationVi = {
  ask: (v: ConfirmationView, audience: "assigner" | "secretariat") =>
    [
      `🔎 <b>Đề nghị xác nhận hoàn thành việc #${v.taskId}</b>: ${h(v.title)}`,
      `Đơn vị: ${h(v.unitName)} · Hạn: ${formatDmy(v.judgedDue)} · Phụ trách: đồng chí ${h(v.responsibleName)}`,
      `Đồng chí ${h(v.reportedByName)} báo hoàn thành lúc ${hm(v.reportedAt)} ngày ${reportedOn(v)} (${timelyVi(v)})${v.note ? `: ${h(v.note)}` : "."}`,
      ...(v.evidence ? [`Minh chứng kèm theo: ${v.evidence} tệp.`] : []),
      audience === "assigner"
        ? "Đề nghị đồng chí xem xét, xác nhận kết quả."
        : "Đề nghị Văn phòng điều phối xem xét, xác nhận kết quả.",
    ].join("\n"),
  /** the line that replaces «✅ Đã ghi nhận …» when the completion waits for confirmation */
  reported: (
    v: { taskId: number; title: string; completedOn: string; onTime: boolean; dueDate: string },
    confirmerName: string | null,
  ) =>
    `⏳ Đã ghi nhận báo cáo hoàn thành việc #${v.taskId} «${h(v.title)}» ngày ${formatDmy(v.completedOn)}` +
    (v.onTime ? "" : ` (quá hạn, hạn ${formatDmy(v.dueDate)})`) +
    `. Việc đang chờ ${confirmerName ? `đồng chí ${h(confirmerName)} (người giao việc)` : "Văn phòng điều phối"} xác nhận.`,
  confirmedReply: (v: ConfirmationView) =>
    `✅ Đã xác nhận việc #${v.taskId} «${h(v.title)}» hoàn thành ${timelyVi(v)} ngày ${reportedOn(v)}.`,
  confirmedNotice: (v: ConfirmationView, byName: string) =>
    `✅ Đồng chí ${h(byName)} đã xác nhận việc #${v.taskId} «${h(v.title)}» (${h(v.unitName)}) hoàn thành ${timelyVi(v)} ngày ${reportedOn(v)}.`,
  askReason: (v: ConfirmationView) =>
    `✖️ Đề nghị đồng chí trả lời tin này bằng lý do không xác nhận việc #${v.taskId} «${h(v.title)}». Việc sẽ được mở lại để đồng chí ${h(v.responsibleName)} tiếp tục thực hiện.`,
  refusedReply: (v: ConfirmationView) =>
    `✖️ Đã không xác nhận việc #${v.taskId}. Việc được mở lại; đồng chí ${h(v.responsibleName)} đã được thông báo lý do.`,
  reopened: (v: ConfirmationView, byName: string, reason: string) =>
    [
      `✖️ <b>Việc #${v.taskId} chưa được xác nhận hoàn thành</b>: ${h(v.title)}`,
      `Đơn vị: ${h(v.unitName)} · Hạn: ${formatDmy(v.dueDate)}`,
      `Đồng chí ${h(byName)} không xác nhận báo cáo hoàn thành ngày ${reportedOn(v)}. Lý do: ${h(reason)}`,
      `Việc được mở lại. Đề nghị đồng chí ${h(v.responsibleName)} tiếp tục thực hiện, khi hoàn thành trả lời tin này bằng «xong» kèm ghi chú hoặc bấm ✅.`,
    ].join("\n"),
  /** /choxacnhan: the completions waiting for the asker, the buttons below (one row per task) */
  awaitingList: (v: AwaitingListView) =>
    v.total === 0
      ? "Không có việc nào đang chờ đồng chí xác nhận hoàn thành."
      : [
          `⏳ <b>Việc chờ đồng chí xác nhận hoàn thành</b>: ${v.total} việc`,
          ...v.items.map(awaitingLineVi),
          ...(v.total > v.items.length
            ? [`… và ${v.total - v.items.length} việc khác (danh sách hiện ${v.items.length} việc báo cáo sớm nhất).`]
            : []),
          "Đề nghị đồng chí xem xét, xác nhận kết quả bằng các nút dưới đây (xem chi tiết: /lichsu &lt;số việc&gt;).",
        ].join("\n"),
  /** a button of the list: the question's own, with the task's number */
  listButton: (label: string, taskId: number) => `${label} #${taskId}`,
  help: { pending: "việc đã báo hoàn thành đang chờ đồng chí xác nhận (kèm nút xác nhận)" },
  buttons: { confirm: "✅ Xác nhận", refuse: "✖️ Không xác nhận" },
  errors: {
    awaiting: (title: string, on: string) =>
      `Việc «${h(title)}» đã được báo hoàn thành ngày ${formatDmy(on)} và đang chờ xác nhận.`,
    notConfirmer: "Chỉ người giao việc hoặc Văn phòng điều phối được xác nhận kết quả việc này.",
    decided: (taskId: number) => `Báo cáo hoàn thành việc #${taskId} này đã được xem xét.`,
  },
};

export const confirmationEn: typeof confirmationVi = {
  ask: (v, audience) =>
    [
      `🔎 <b>Please confirm task #${v.taskId}</b>: ${h(v.title)}`,
      `Unit: ${h(v.unitName)} · Due: ${formatDmy(v.judgedDue)} · Responsible: ${h(v.responsibleName)}`,
      `${h(v.reportedByName)} reported it done at ${hm(v.reportedAt)} on ${reportedOn(v)} (${timelyEn(v)})${v.note ? `: ${h(v.note)}` : "."}`,
      ...(v.evidence ? [`Evidence attached: ${v.evidence} file(s).`] : []),
      audience === "assigner"
        ? "Please confirm the result or refuse it."
        : "The coordination office is asked to confirm the result or refuse it.",
    ].join("\n"),
  reported: (v, confirmerName) =>
    `⏳ Completion of task #${v.taskId} «${h(v.title)}» reported on ${formatDmy(v.completedOn)}` +
    (v.onTime ? "" : ` (late, due ${formatDmy(v.dueDate)})`) +
    `. It waits for ${confirmerName ? `${h(confirmerName)} (who assigned it)` : "the coordination office"} to confirm it.`,
  confirmedReply: (v) => `✅ Task #${v.taskId} «${h(v.title)}» confirmed, done ${timelyEn(v)} on ${reportedOn(v)}.`,
  confirmedNotice: (v, byName) =>
    `✅ ${h(byName)} confirmed task #${v.taskId} «${h(v.title)}» (${h(v.unitName)}), done ${timelyEn(v)} on ${reportedOn(v)}.`,
  askReason: (v) =>
    `✖️ Please reply to this message with the reason for not confirming task #${v.taskId} «${h(v.title)}». The task will be reopened for ${h(v.responsibleName)}.`,
  refusedReply: (v) => `✖️ Task #${v.taskId} not confirmed. It is open again; ${h(v.responsibleName)} was told why.`,
  reopened: (v, byName, reason) =>
    [
      `✖️ <b>Task #${v.taskId} was not confirmed as done</b>: ${h(v.title)}`,
      `Unit: ${h(v.unitName)} · Due: ${formatDmy(v.dueDate)}`,
      `${h(byName)} did not confirm the completion reported on ${reportedOn(v)}. Reason: ${h(reason)}`,
      `The task is open again. When it is done, reply to this message with «done» and a note, or press ✅.`,
    ].join("\n"),
  awaitingList: (v) =>
    v.total === 0
      ? "No reported completion is waiting for your confirmation."
      : [
          `⏳ <b>Completions waiting for your confirmation</b>: ${v.total}`,
          ...v.items.map(awaitingLineEn),
          ...(v.total > v.items.length
            ? [`… and ${v.total - v.items.length} more (the ${v.items.length} reported first are listed).`]
            : []),
          "Please confirm or refuse each with the buttons below (details: /lichsu &lt;task number&gt;).",
        ].join("\n"),
  listButton: (label, taskId) => `${label} #${taskId}`,
  help: { pending: "reported completions waiting for your confirmation (with the buttons)" },
  buttons: { confirm: "✅ Confirm", refuse: "✖️ Do not confirm" },
  errors: {
    awaiting: (title, on) => `«${h(title)}» was reported done on ${formatDmy(on)} and waits for confirmation.`,
    notConfirmer: "Only the one who assigned the task or the coordination office may confirm it.",
    decided: (taskId) => `This completion of task #${taskId} has already been decided.`,
  },
};
