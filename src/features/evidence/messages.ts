// Evidence (#19): the answer to a file attached to a task, and the refusals. Vietnamese first, English.
import { escapeHtml as h } from "../../domain/text.ts";
import type { EvidenceView } from "./evidence.ts";

export const evidenceVi = {
  attached: (v: EvidenceView) =>
    `📎 Đã nhận minh chứng «${h(v.fileName)}» cho việc #${v.taskId} «${h(v.title)}» (${v.count} minh chứng).`,
  errors: {
    notAllowed: "Chỉ cán bộ phụ trách, Chủ tịch UBND đơn vị hoặc Văn phòng điều phối được gửi minh chứng cho việc này.",
    required: (title: string) =>
      `Việc «${h(title)}» cần có minh chứng (ảnh, tệp PDF hoặc văn bản) trước khi báo hoàn thành. Đề nghị đồng chí gửi tệp minh chứng bằng cách trả lời tin nhắc việc, rồi báo «xong».`,
    whichItem:
      "Tin này tổng hợp nhiều việc. Đề nghị đồng chí gửi lại tệp, ghi số thứ tự của việc trong phần chú thích, ví dụ «2» hoặc «xong 2».",
  },
};

export const evidenceEn: typeof evidenceVi = {
  attached: (v) => `📎 Evidence «${h(v.fileName)}» attached to task #${v.taskId} «${h(v.title)}» (${v.count} in all).`,
  errors: {
    notAllowed:
      "Only the responsible official, the unit's chairman or the coordination office may send evidence for this task.",
    required: (title) =>
      `«${h(title)}» needs evidence (a photo, PDF or document) before it can be reported done. Please reply to the reminder with the file, then report it done.`,
    whichItem:
      "This message lists several tasks. Please send the file again with the item's number as its caption, e.g. «2» or «xong 2».",
  },
};
