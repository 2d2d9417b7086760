// /giao step by step (issue #18): the form as it fills in, each step's question and buttons, the answers to a
// stale or foreign button and to a bad date. Vietnamese first, English.
import { formatDm, formatDmy, weekday } from "../../domain/dates.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import type { DateOptionKind, DateProblem, GuidedView } from "./assign-guided.ts";

const page = (v: GuidedView, word: string) => (v.pageCount > 1 ? ` (${word} ${v.page + 1}/${v.pageCount})` : "");

function summaryVi(v: GuidedView): string[] {
  return [
    ...(v.unitName ? [`Đơn vị: <b>${h(v.unitName)}</b>`] : []),
    ...(v.programmeCode === undefined
      ? []
      : [`Chương trình: ${v.programmeCode === null ? "không thuộc chương trình" : h(v.programmeCode)}`]),
    ...(v.responsibleName ? [`Cán bộ phụ trách: đồng chí ${h(v.responsibleName)}`] : []),
    ...(v.dueDate ? [`Hạn hoàn thành: ${formatDmy(v.dueDate)}`] : []),
    ...(v.title ? [`Nội dung: <b>${h(v.title)}</b>`] : []),
    ...(v.requiresEvidence || v.requiresConfirmation
      ? [
          `Yêu cầu: ${[v.requiresEvidence && "cần minh chứng", v.requiresConfirmation && "cần xác nhận của người giao"].filter(Boolean).join(", ")}`,
        ]
      : []),
  ];
}

function askVi(v: GuidedView): string {
  switch (v.step) {
    case "unit":
      return v.choices.length === 0
        ? "Đồng chí chưa được phân công đơn vị nào để giao việc."
        : `Đề nghị đồng chí chọn đơn vị được giao việc${page(v, "trang")}:`;
    case "programme":
      return [
        "Đề nghị đồng chí chọn chương trình:",
        ...v.choices.map((c) => `• ${h(c.label)}${c.detail ? `: ${h(c.detail.vi)}` : ""}`),
      ].join("\n");
    case "person":
      return v.choices.some((c) => c.responsible)
        ? `Đề nghị đồng chí chọn cán bộ phụ trách${page(v, "trang")} (⭐: cán bộ phụ trách chương trình ${h(v.programmeCode ?? "")} của đơn vị):`
        : v.choices.length === 0
          ? "Đơn vị chưa có cán bộ nào trong danh sách cán bộ của dondoc (Văn phòng điều phối bổ sung bằng /canbo them)."
          : `Đề nghị đồng chí chọn cán bộ phụ trách${page(v, "trang")}:`;
    case "date":
      return "Đề nghị đồng chí chọn hạn hoàn thành, hoặc trả lời tin này bằng ngày (dd/mm/yyyy; ngày làm việc, từ hôm nay trở đi):";
    case "title":
      return "Đề nghị đồng chí trả lời tin bên dưới bằng nội dung việc giao.";
    case "preview":
      return "Đề nghị đồng chí kiểm tra lại (có thể yêu cầu minh chứng hoặc xác nhận khi hoàn thành), bấm ✅ Giao để giao việc hoặc ✖️ Hủy để bỏ.";
  }
}

const WEEKEND_VI = (date: string) => (weekday(date) === 0 ? "Chủ nhật" : "Thứ Bảy");
const WEEKEND_EN = (date: string) => (weekday(date) === 0 ? "Sunday" : "Saturday");

export const guidedVi = {
  form: (v: GuidedView) => ["📝 <b>Giao việc</b>", ...summaryVi(v), askVi(v)].join("\n"),
  /** the form's message once the preview (below it) has taken over */
  chosen: (v: GuidedView) => ["📝 <b>Giao việc</b>", ...summaryVi(v)].join("\n"),
  preview: (v: GuidedView) => ["📋 <b>Giao việc: xem lại trước khi giao</b>", ...summaryVi(v), askVi(v)].join("\n"),
  titlePrompt: "✍️ Đề nghị đồng chí trả lời tin này bằng nội dung (tiêu đề) việc giao.",
  titlePlaceholder: "Nội dung việc giao",
  buttons: {
    noProgramme: "Không thuộc chương trình",
    previous: "‹ Trang trước",
    next: "Trang sau ›",
    responsible: (name: string) => `⭐ ${name}`,
    date: (kind: DateOptionKind, date: string) =>
      ({ wd5: "+5 ngày làm việc", wd10: "+10 ngày làm việc", monthEnd: "Cuối tháng" })[kind] + ` (${formatDm(date)})`,
    evidence: (on: boolean) => `${on ? "☑️" : "⬜"} Cần minh chứng`,
    confirmation: (on: boolean) => `${on ? "☑️" : "⬜"} Cần xác nhận`,
    confirm: "✅ Giao",
    cancel: "✖️ Hủy",
  },
  dateProblem: (p: DateProblem) =>
    p.kind === "invalid"
      ? `«${h(p.text)}» không phải ngày hợp lệ. Đề nghị ghi ngày theo dạng dd/mm/yyyy.`
      : p.kind === "past"
        ? `Ngày ${formatDmy(p.date)} đã qua. Đề nghị chọn ngày từ hôm nay trở đi.`
        : `Ngày ${formatDmy(p.date)} là ngày nghỉ (${h(p.name ?? WEEKEND_VI(p.date))}). Đề nghị chọn ngày làm việc.`,
  cancelled: "✖️ Đã hủy giao việc.",
  notYours: "Chỉ đồng chí bắt đầu giao việc này được bấm các nút.",
  gone: "Phiên giao việc này đã kết thúc hoặc hết hạn. Đề nghị gõ /giao để bắt đầu lại.",
  stale: "Bước này đã qua. Đề nghị dùng các nút ở tin giao việc mới nhất.",
  expired: "Phiên giao việc đã hết hạn (quá 60 phút không thao tác). Đề nghị gõ /giao để bắt đầu lại.",
  useButtons: "Đề nghị đồng chí chọn bằng các nút dưới tin giao việc.",
};

function summaryEn(v: GuidedView): string[] {
  return [
    ...(v.unitName ? [`Unit: <b>${h(v.unitName)}</b>`] : []),
    ...(v.programmeCode === undefined ? [] : [`Programme: ${v.programmeCode === null ? "none" : h(v.programmeCode)}`]),
    ...(v.responsibleName ? [`Responsible: ${h(v.responsibleName)}`] : []),
    ...(v.dueDate ? [`Due: ${formatDmy(v.dueDate)}`] : []),
    ...(v.title ? [`Task: <b>${h(v.title)}</b>`] : []),
    ...(v.requiresEvidence || v.requiresConfirmation
      ? [
          `Required: ${[v.requiresEvidence && "evidence", v.requiresConfirmation && "the assigner's confirmation"].filter(Boolean).join(", ")}`,
        ]
      : []),
  ];
}

function askEn(v: GuidedView): string {
  switch (v.step) {
    case "unit":
      return v.choices.length === 0 ? "You have no unit to assign tasks to." : `Choose the unit${page(v, "page")}:`;
    case "programme":
      return [
        "Choose the programme:",
        ...v.choices.map((c) => `• ${h(c.label)}${c.detail ? `: ${h(c.detail.en)}` : ""}`),
      ].join("\n");
    case "person":
      return v.choices.some((c) => c.responsible)
        ? `Choose the responsible official${page(v, "page")} (⭐: in charge of ${h(v.programmeCode ?? "")} in the unit):`
        : v.choices.length === 0
          ? "The unit has no officials in the registry yet. The coordination office can add them (/canbo them)."
          : `Choose the responsible official${page(v, "page")}:`;
    case "date":
      return "Choose the due date, or reply to this message with a date (dd/mm/yyyy; a working day, today or later):";
    case "title":
      return "Please reply to the message below with the task's title.";
    case "preview":
      return "Please check (evidence or confirmation may be required on completion), then press ✅ Assign, or ✖️ Cancel.";
  }
}

export const guidedEn: typeof guidedVi = {
  form: (v) => ["📝 <b>Assign a task</b>", ...summaryEn(v), askEn(v)].join("\n"),
  chosen: (v) => ["📝 <b>Assign a task</b>", ...summaryEn(v)].join("\n"),
  preview: (v) => ["📋 <b>Assign a task: check before assigning</b>", ...summaryEn(v), askEn(v)].join("\n"),
  titlePrompt: "✍️ Please reply to this message with the task's title.",
  titlePlaceholder: "Task title",
  buttons: {
    noProgramme: "No programme",
    previous: "‹ Previous",
    next: "Next ›",
    responsible: (name) => `⭐ ${name}`,
    date: (kind, date) =>
      ({ wd5: "+5 working days", wd10: "+10 working days", monthEnd: "End of month" })[kind] + ` (${formatDm(date)})`,
    evidence: (on) => `${on ? "☑️" : "⬜"} Evidence required`,
    confirmation: (on) => `${on ? "☑️" : "⬜"} Confirmation required`,
    confirm: "✅ Assign",
    cancel: "✖️ Cancel",
  },
  dateProblem: (p) =>
    p.kind === "invalid"
      ? `«${h(p.text)}» is not a valid date. Please write it as dd/mm/yyyy.`
      : p.kind === "past"
        ? `${formatDmy(p.date)} has passed. Please choose today or a later day.`
        : `${formatDmy(p.date)} is a day off (${h(p.name ?? WEEKEND_EN(p.date))}). Please choose a working day.`,
  cancelled: "✖️ Assignment cancelled.",
  notYours: "Only the official who started this assignment may press its buttons.",
  gone: "This assignment has ended or expired. Type /giao to start again.",
  stale: "That step is over. Please use the buttons of the latest message.",
  expired: "This assignment expired (60 minutes without an answer). Type /giao to start again.",
  useButtons: "Please choose with the buttons under the assignment message.",
};
