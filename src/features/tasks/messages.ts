// Tasks by command: assigning (/giao), completing by id (/done), lists (/tasks, /overdue), snoozing a
// reminder and raising an obstacle ("vướng mắc"). HTML parse mode; user text is always escaped.
import { formatDmy, localDate, localMinutes } from "../../domain/dates.ts";
import type { Timeliness } from "../../domain/ladder.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import { taskFileEn, taskFileVi } from "./task-file-messages.ts";
import { guidedEn, guidedVi } from "./assign-guided-messages.ts";

export interface AssignedView {
  taskId: number;
  title: string;
  unitName: string;
  programmeCode: string | null;
  responsibleName: string;
  /** HTML mention of the responsible official, or his escaped name */
  responsibleMention: string;
  dueDate: string;
  docRef: string;
  /** "monthly:5", or "" */
  recurrence: string;
  assignedByName: string;
  /** #19: what a completion needs: a file attached, the assigner's confirmation */
  requiresEvidence: boolean;
  requiresConfirmation: boolean;
}

export interface TaskLineView {
  id: number;
  title: string;
  dueDate: string;
  timeliness: Timeliness;
  unitName: string;
  responsibleName: string;
  /** working days past the due date; 0 when not overdue */
  overdueDays: number;
  /** reported done, waiting for the assigner's confirmation (#19) */
  awaitingConfirmation: boolean;
}

export interface SnoozeView {
  taskId: number;
  title: string;
  dueDate: string;
  until: Date;
  /** the reminder comes back after the end of the due date */
  beyondDue: boolean;
}

/** A task the bot asks about: "Đồng chí đã hoàn thành việc … chưa?" */
export interface ReplyTaskView {
  id: number;
  title: string;
  dueDate: string;
}

export interface ObstacleView {
  id: number;
  taskId: number;
  title: string;
  unitName: string;
  reason: string;
  byName: string;
  openedOn: string;
  /** the programme's office that must answer it (a written request), or null: the secretariat handles it */
  officeName: string | null;
  /** "YYYY-MM-DD": the office answers by then */
  answerBy: string | null;
  /** the written request carrying it (/traloi, /trunguong take this number) */
  requestId: number | null;
  state: "OPEN" | "CENTRAL";
}

const hm = (d: Date) => {
  const m = localMinutes(d);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
const when = (d: Date) => `${hm(d)} ngày ${formatDmy(localDate(d))}`;
const whenEn = (d: Date) => `${hm(d)} on ${formatDmy(localDate(d))}`;
const monthlyDayOf = (rule: string) => /^monthly:(\d+)$/.exec(rule)?.[1] ?? "";

/** #19: what a completion needs, as the announcement says it (none: no line) */
const needsVi = (v: AssignedView) => [
  ...(v.requiresEvidence ? ["khi báo hoàn thành, gửi kèm minh chứng (ảnh, tệp PDF hoặc văn bản)"] : []),
  ...(v.requiresConfirmation ? ["kết quả được người giao việc xác nhận"] : []),
];
const needsEn = (v: AssignedView) => [
  ...(v.requiresEvidence ? ["attach evidence (a photo, PDF or document) when reporting it done"] : []),
  ...(v.requiresConfirmation ? ["the one who assigned it confirms the result"] : []),
];
const shortNeedsVi = (v: AssignedView) =>
  [...(v.requiresEvidence ? [", cần minh chứng"] : []), ...(v.requiresConfirmation ? [", cần xác nhận"] : [])].join("");
const shortNeedsEn = (v: AssignedView) =>
  [...(v.requiresEvidence ? [", evidence needed"] : []), ...(v.requiresConfirmation ? [", to be confirmed"] : [])].join(
    "",
  );

const TIMELINESS_VI: Record<Timeliness, string> = {
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành quá hạn",
  open_in_term: "Đang thực hiện trong hạn",
  open_overdue: "Quá hạn chưa hoàn thành",
};

const TIMELINESS_EN: Record<Timeliness, string> = {
  done_on_time: "Completed on time",
  done_late: "Completed late",
  open_in_term: "In progress, within the deadline",
  open_overdue: "Overdue, not completed",
};

export const tasksVi = {
  taskFile: taskFileVi,
  guided: guidedVi,
  help: {
    giao: "giao việc cho cán bộ phụ trách của đơn vị (chỉ gõ /giao để chọn từng bước bằng nút)",
    done: "báo hoàn thành việc (theo số việc)",
    tasks: "các việc đang thực hiện (của đồng chí, hoặc của đơn vị)",
    overdue: "các việc quá hạn của đơn vị (toàn tỉnh: Văn phòng điều phối)",
    vuongmac: "các vướng mắc đang chờ xử lý",
  } as Record<string, string>,

  assigned: (v: AssignedView) =>
    [
      `📌 <b>Việc mới #${v.taskId}</b>: <b>${h(v.title)}</b>`,
      `Đơn vị: ${h(v.unitName)}${v.programmeCode ? ` · Chương trình ${h(v.programmeCode)}` : ""}${v.docRef ? ` · Văn bản ${h(v.docRef)}` : ""}`,
      `Hạn: ${formatDmy(v.dueDate)}${v.recurrence ? ` · lặp lại hằng tháng ngày ${monthlyDayOf(v.recurrence)}` : ""} · Phụ trách: đồng chí ${v.responsibleMention}`,
      ...(needsVi(v).length ? [`Yêu cầu: ${needsVi(v).join("; ")}.`] : []),
      `Người giao: đồng chí ${h(v.assignedByName)}. Khi hoàn thành, đề nghị đồng chí phụ trách trả lời tin này bằng «xong» kèm ghi chú, hoặc gõ /xong ${v.taskId} &lt;ghi chú&gt;.`,
    ].join("\n"),
  assignedReply: (v: AssignedView) =>
    `✅ Đã giao việc #${v.taskId} «${h(v.title)}» cho đồng chí ${h(v.responsibleName)} (${h(v.unitName)}), hạn ${formatDmy(v.dueDate)}${v.recurrence ? `, lặp lại hằng tháng ngày ${monthlyDayOf(v.recurrence)}` : ""}${shortNeedsVi(v)}.`,
  doneUsage: "Cú pháp: /xong &lt;số việc&gt; &lt;ghi chú&gt;, ví dụ: /xong 12 đã nộp báo cáo.",

  list: {
    mine: (n: number) => `<b>Việc đang mở của đồng chí</b> (${n})`,
    unit: (unit: string, n: number) => `<b>Việc đang mở — ${h(unit)}</b> (${n})`,
    line: (v: TaskLineView) =>
      `#${v.id} · ${h(v.title)} · hạn ${formatDmy(v.dueDate)} · ${TIMELINESS_VI[v.timeliness]}${v.awaitingConfirmation ? " · ⏳ đã báo hoàn thành, chờ xác nhận" : ""}`,
    none: "Không có việc đang mở.",
    overdueUnit: (unit: string, n: number) => `<b>Việc quá hạn — ${h(unit)}</b> (${n}), quá hạn lâu nhất trước`,
    overdueProvince: (n: number) => `<b>Việc quá hạn — toàn tỉnh</b> (${n}), quá hạn lâu nhất trước`,
    overdueUnits: (units: string[], n: number) =>
      `<b>Việc quá hạn — các đơn vị đồng chí theo dõi: ${units.map(h).join(", ")}</b> (${n}), quá hạn lâu nhất trước`,
    overdueLine: (v: TaskLineView, withUnit: boolean) =>
      `#${v.id} · ${withUnit ? `${h(v.unitName)} · ` : ""}${h(v.title)} · hạn ${formatDmy(v.dueDate)} · quá hạn ${v.overdueDays} ngày làm việc · đồng chí ${h(v.responsibleName)}${v.awaitingConfirmation ? " · ⏳ đã báo hoàn thành, chờ xác nhận" : ""}`,
    noneOverdue: "Không có việc quá hạn.",
  },

  buttons: {
    done: "✅ Đã xong",
    hour: "⏰ 1 giờ",
    morning: "⏰ Sáng mai",
    nextDay: "⏰ Ngày làm việc tiếp theo",
    obstacle: "⚠️ Vướng mắc",
    extension: "📅 Xin gia hạn",
  },

  /** ⏰ n under a digest: the single reminder's three snooze buttons follow */
  snoozeWhen: (title: string, dueDate: string) =>
    `⏰ Đề nghị đồng chí chọn thời điểm nhắc lại việc «${h(title)}» (hạn ${formatDmy(dueDate)}):`,
  snoozed: (v: SnoozeView) =>
    v.beyondDue
      ? `⏰ Lưu ý: việc «${h(v.title)}» đến hạn ngày ${formatDmy(v.dueDate)}; nhắc lại lúc ${when(v.until)}, sau hạn.`
      : `⏰ Đã hẹn: dondoc sẽ nhắc lại việc «${h(v.title)}» lúc ${when(v.until)} (hạn ${formatDmy(v.dueDate)}).`,

  obstacle: {
    ask: (title: string) => `⚠️ Đề nghị đồng chí trả lời tin này bằng lý do vướng mắc của việc «${h(title)}».`,
    recorded: (v: ObstacleView) =>
      v.officeName
        ? `Đã ghi nhận vướng mắc #${v.id} của việc «${h(v.title)}», chuyển ${h(v.officeName)} trả lời trước ngày ${formatDmy(v.answerBy!)} và báo Văn phòng điều phối.`
        : `Đã ghi nhận vướng mắc #${v.id} của việc «${h(v.title)}» và báo Văn phòng điều phối.`,
    notice: (v: ObstacleView) =>
      [
        `⚠️ <b>Vướng mắc #${v.id}</b> — ${h(v.unitName)}`,
        `Việc #${v.taskId}: <b>${h(v.title)}</b>`,
        `Đồng chí ${h(v.byName)} báo: ${h(v.reason)}`,
        v.officeName
          ? `Đã chuyển ${h(v.officeName)} trả lời trước ngày ${formatDmy(v.answerBy!)} (văn bản #${v.requestId}: /traloi ${v.requestId} &lt;nội dung&gt;).`
          : "Đề nghị Văn phòng điều phối xem xét, hướng dẫn xử lý.",
      ].join("\n"),
    listHeader: (n: number) => `<b>Vướng mắc đang chờ xử lý</b> (${n})`,
    line: (v: ObstacleView) =>
      `#${v.id} · ${h(v.unitName)} · việc #${v.taskId} «${h(v.title)}» · ${formatDmy(v.openedOn)} · đồng chí ${h(v.byName)}: ${h(v.reason)}` +
      (v.state === "CENTRAL"
        ? " · đã chuyển Trung ương"
        : v.officeName
          ? ` · ${h(v.officeName)} đang xử lý, hạn ${formatDmy(v.answerBy!)}`
          : " · mới"),
    none: "Không có vướng mắc nào đang chờ xử lý.",
  },

  // completion in the official's own words, when dondoc is not sure (issue #18)
  replies: {
    askDone: (v: ReplyTaskView) =>
      `Đồng chí đã hoàn thành việc #${v.id} «${h(v.title)}» (hạn ${formatDmy(v.dueDate)}) chưa?`,
    askWhich: "Đồng chí đã hoàn thành việc nào?",
    yes: "✅ Có, đã hoàn thành",
    no: "Không, chưa xong",
    none: "Không việc nào",
    choice: (v: ReplyTaskView) => `#${v.id} · ${v.title}`.slice(0, 60),
    keptOpen: "Đã rõ: việc vẫn đang thực hiện, dondoc tiếp tục nhắc theo hạn.",
    stopAsking:
      "Chưa ghi nhận hoàn thành. Khi xong, đề nghị đồng chí bấm ✅ dưới tin nhắc việc hoặc gõ /xong &lt;số việc&gt;.",
  },

  errors: {
    usage:
      "Cú pháp: /giao &lt;đơn vị&gt; | &lt;chương trình hoặc -&gt; | &lt;người phụ trách&gt; | &lt;dd/mm/yyyy&gt; | &lt;tiêu đề&gt; [| &lt;số/ký hiệu văn bản&gt;] [| hằng tháng ngày 5] [| cần minh chứng] [| cần xác nhận]",
    badDate: (s: string) => `«${h(s)}» không phải ngày hợp lệ. Đề nghị ghi hạn theo dạng dd/mm/yyyy.`,
    pastDate: (due: string) => `Hạn ${formatDmy(due)} đã qua. Đề nghị ghi hạn từ hôm nay trở đi.`,
    notYourUnit: (unit: string) => `Đồng chí chỉ giao việc được cho đơn vị mình phụ trách, không phải ${h(unit)}.`,
    programmeNotFound: (q: string) =>
      `Không tìm thấy chương trình «${h(q)}». Đề nghị ghi mã chương trình (NTM, GNBV, DTTS) hoặc «-».`,
    officialNotFound: (q: string, unit: string) => `Không tìm thấy cán bộ «${h(q)}» của ${h(unit)}.`,
    officialAmbiguous: (q: string, names: string[]) =>
      `«${h(q)}» trùng với nhiều cán bộ: ${names.map(h).join(", ")}. Đề nghị ghi rõ họ tên.`,
    taskNotFound: (id: number) => `Không tìm thấy việc #${id}.`,
    notAllowed: "Chỉ cán bộ phụ trách, Chủ tịch UBND đơn vị hoặc Văn phòng điều phối được thao tác với việc này.",
    notOpen: (title: string) => `Việc «${h(title)}» không còn mở.`,
  },
};

export const tasksEn: typeof tasksVi = {
  taskFile: taskFileEn,
  guided: guidedEn,
  help: {
    giao: "assign a task to an official of a unit (type /giao alone to choose step by step)",
    done: "report a task done by its number",
    tasks: "open tasks (yours, or the unit's in its group)",
    overdue: "overdue tasks of the unit (the whole province in the coordination office's group)",
    vuongmac: "obstacles waiting to be handled",
  },

  assigned: (v) =>
    [
      `📌 <b>New task #${v.taskId}</b>: <b>${h(v.title)}</b>`,
      `Unit: ${h(v.unitName)}${v.programmeCode ? ` · Programme ${h(v.programmeCode)}` : ""}${v.docRef ? ` · Document ${h(v.docRef)}` : ""}`,
      `Due: ${formatDmy(v.dueDate)}${v.recurrence ? ` · repeats monthly on day ${monthlyDayOf(v.recurrence)}` : ""} · Responsible: ${v.responsibleMention}`,
      ...(needsEn(v).length ? [`Required: ${needsEn(v).join("; ")}.`] : []),
      `Assigned by ${h(v.assignedByName)}. When done, reply «done» with a note, or type /done ${v.taskId} &lt;note&gt;.`,
    ].join("\n"),
  assignedReply: (v) =>
    `✅ Task #${v.taskId} «${h(v.title)}» assigned to ${h(v.responsibleName)} (${h(v.unitName)}), due ${formatDmy(v.dueDate)}${v.recurrence ? `, repeating monthly on day ${monthlyDayOf(v.recurrence)}` : ""}${shortNeedsEn(v)}.`,
  doneUsage: "Usage: /done &lt;task number&gt; &lt;note&gt;, e.g. /done 12 report submitted.",

  list: {
    mine: (n) => `<b>Your open tasks</b> (${n})`,
    unit: (unit, n) => `<b>Open tasks — ${h(unit)}</b> (${n})`,
    line: (v) =>
      `#${v.id} · ${h(v.title)} · due ${formatDmy(v.dueDate)} · ${TIMELINESS_EN[v.timeliness]}${v.awaitingConfirmation ? " · ⏳ reported done, awaiting confirmation" : ""}`,
    none: "No open tasks.",
    overdueUnit: (unit, n) => `<b>Overdue tasks — ${h(unit)}</b> (${n}), most overdue first`,
    overdueProvince: (n) => `<b>Overdue tasks — province</b> (${n}), most overdue first`,
    overdueUnits: (units, n) =>
      `<b>Overdue tasks — the units you follow: ${units.map(h).join(", ")}</b> (${n}), most overdue first`,
    overdueLine: (v, withUnit) =>
      `#${v.id} · ${withUnit ? `${h(v.unitName)} · ` : ""}${h(v.title)} · due ${formatDmy(v.dueDate)} · ${v.overdueDays} working days overdue · ${h(v.responsibleName)}${v.awaitingConfirmation ? " · ⏳ reported done, awaiting confirmation" : ""}`,
    noneOverdue: "No overdue tasks.",
  },

  buttons: {
    done: "✅ Done",
    hour: "⏰ 1 hour",
    morning: "⏰ Tomorrow morning",
    nextDay: "⏰ Next working day",
    obstacle: "⚠️ Obstacle",
    extension: "📅 More time",
  },

  snoozeWhen: (title, dueDate) => `⏰ When should dondoc remind you of «${h(title)}» (due ${formatDmy(dueDate)})?`,
  snoozed: (v) =>
    v.beyondDue
      ? `⏰ Note: «${h(v.title)}» is due on ${formatDmy(v.dueDate)}; the reminder comes back at ${whenEn(v.until)}, after the deadline.`
      : `⏰ dondoc will remind you of «${h(v.title)}» again at ${whenEn(v.until)} (due ${formatDmy(v.dueDate)}).`,

  obstacle: {
    ask: (title) => `⚠️ Please reply to this message with the reason for the obstacle on «${h(title)}».`,
    recorded: (v) =>
      v.officeName
        ? `Obstacle #${v.id} on «${h(v.title)}» recorded, sent to ${h(v.officeName)} to answer by ${formatDmy(v.answerBy!)}, and reported to the coordination office.`
        : `Obstacle #${v.id} on «${h(v.title)}» recorded and reported to the coordination office.`,
    notice: (v) =>
      [
        `⚠️ <b>Obstacle #${v.id}</b> — ${h(v.unitName)}`,
        `Task #${v.taskId}: <b>${h(v.title)}</b>`,
        `${h(v.byName)} reports: ${h(v.reason)}`,
        v.officeName
          ? `Sent to ${h(v.officeName)} to answer by ${formatDmy(v.answerBy!)} (request #${v.requestId}: /traloi ${v.requestId} &lt;answer&gt;).`
          : "The coordination office is asked to look into it and advise.",
      ].join("\n"),
    listHeader: (n) => `<b>Open obstacles</b> (${n})`,
    line: (v) =>
      `#${v.id} · ${h(v.unitName)} · task #${v.taskId} «${h(v.title)}» · ${formatDmy(v.openedOn)} · ${h(v.byName)}: ${h(v.reason)}` +
      (v.state === "CENTRAL"
        ? " · referred to central level"
        : v.officeName
          ? ` · ${h(v.officeName)} handling, due ${formatDmy(v.answerBy!)}`
          : " · new"),
    none: "No open obstacles.",
  },

  replies: {
    askDone: (v) => `Have you completed task #${v.id} «${h(v.title)}» (due ${formatDmy(v.dueDate)})?`,
    askWhich: "Which task have you completed?",
    yes: "✅ Yes, done",
    no: "No, not yet",
    none: "None of them",
    choice: (v) => `#${v.id} · ${v.title}`.slice(0, 60),
    keptOpen: "Understood: the task stays open and dondoc keeps reminding you by its deadline.",
    stopAsking: "Not recorded as done. When it is, press ✅ under the reminder or type /done &lt;task number&gt;.",
  },

  errors: {
    usage:
      "Usage: /giao &lt;unit&gt; | &lt;programme or -&gt; | &lt;responsible official&gt; | &lt;dd/mm/yyyy&gt; | &lt;title&gt; [| &lt;document no.&gt;] [| hằng tháng ngày 5] [| cần minh chứng] [| cần xác nhận]",
    badDate: (s) => `«${h(s)}» is not a valid date. Please write the deadline as dd/mm/yyyy.`,
    pastDate: (due) => `The deadline ${formatDmy(due)} has passed. Please give a date from today on.`,
    notYourUnit: (unit) => `You can assign tasks only in your own unit, not in ${h(unit)}.`,
    programmeNotFound: (q) => `No programme «${h(q)}». Write its code (NTM, GNBV, DTTS) or «-».`,
    officialNotFound: (q, unit) => `No official «${h(q)}» in ${h(unit)}.`,
    officialAmbiguous: (q, names) =>
      `«${h(q)}» matches several officials: ${names.map(h).join(", ")}. Please give the full name.`,
    taskNotFound: (id) => `There is no task #${id}.`,
    notAllowed: "Only the responsible official, the unit's chairman or the coordination office may act on this task.",
    notOpen: (title) => `«${h(title)}» is no longer open.`,
  },
};
