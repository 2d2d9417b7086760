// Follow-up beyond tasks: the monthly working session (R6, /hop), written requests to provincial
// departments (R5, /yeucau, /traloi, /trunguong) and the daily / weekly digests. HTML parse mode; user
// text is always escaped.
import { formatDmy } from "../../domain/dates.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import { digestEn, digestVi } from "./messages/digests.ts";
import { meetingEn, meetingVi } from "./messages/meetings.ts";
import { requestEn, requestVi } from "./messages/requests.ts";

export type {
  DailyDigestView,
  DigestTaskLine,
  MeetingLoggedView,
  MeetingMissedView,
  MeetingNudgeView,
  RequestReminderView,
  RequestStatus,
  RequestView,
  WeeklyDigestView,
} from "./messages/views.ts";

export const followupVi = {
  help: {
    hop: "ghi nhận buổi làm việc định kỳ tháng của Bí thư với UBND đơn vị",
    yeucau: "ghi nhận văn bản xin ý kiến sở, ngành (để trống: văn bản chờ trả lời)",
    traloi: "ghi nhận sở, ngành đã trả lời văn bản xin ý kiến",
    trunguong: "ghi nhận văn bản đã chuyển xin ý kiến Trung ương",
  } as Record<string, string>,

  meeting: meetingVi,

  request: requestVi,

  digest: digestVi,

  errors: {
    badDate: (s: string) => `Ngày «${h(s)}» không hợp lệ. Đề nghị ghi theo dạng dd/mm/yyyy.`,
    futureDate: (d: string) => `Ngày ${formatDmy(d)} chưa đến. Đề nghị kiểm tra lại.`,
    whichUnit:
      "Đề nghị gõ lệnh trong nhóm của đơn vị, hoặc ghi rõ tên đơn vị: /hop &lt;đơn vị&gt; | [dd/mm/yyyy] &lt;ghi chú&gt;.",
    notYourUnit: (unit: string) => `Đồng chí không phụ trách đơn vị ${h(unit)} nên không ghi nhận thay được.`,
    requestUnit: "Đề nghị gõ lệnh trong nhóm của đơn vị gửi văn bản.",
    departmentNotFound: (q: string) => `Không tìm thấy sở, ngành «${h(q)}».`,
    departmentAmbiguous: (q: string, names: string[]) =>
      `«${h(q)}» trùng với nhiều sở, ngành: ${names.map(h).join(", ")}. Đề nghị ghi rõ hơn.`,
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
    yeucau:
      "log a written request for guidance sent to a department; without arguments: the requests awaiting an answer",
    traloi: "log a department's answer to a written request",
    trunguong: "log that a request was referred to central level (beyond the province's authority)",
  },

  meeting: meetingEn,

  request: requestEn,

  digest: digestEn,

  errors: {
    badDate: (s) => `«${h(s)}» is not a valid date. Please write dd/mm/yyyy.`,
    futureDate: (d) => `${formatDmy(d)} is in the future. Please check.`,
    whichUnit:
      "Please use the command in the unit's group, or name the unit: /hop &lt;unit&gt; | [dd/mm/yyyy] &lt;note&gt;.",
    notYourUnit: (unit) => `You are not in charge of ${h(unit)}.`,
    requestUnit: "Please use the command in the group of the unit that sent the document.",
    departmentNotFound: (q) => `No department «${h(q)}».`,
    departmentAmbiguous: (q, names) =>
      `«${h(q)}» matches several departments: ${names.map(h).join(", ")}. Please be more specific.`,
    requestNotFound: (id) => `No written request #${id}.`,
    requestClosed: (id) => `Request #${id} was already answered.`,
    requestNotOpen: (id) => `Request #${id} is no longer awaiting an answer.`,
    notFocal: "Only the focal point of the receiving department (or the secretariat) can log the answer.",
  },
};
