// Shared pieces of the follow-up messages: month text, disbursement rate, request and task lines (vi/en).
import { formatDmy } from "../../../domain/dates.ts";
import { formatPercentBp, english } from "../../../domain/money-format.ts";
import { escapeHtml as h } from "../../../domain/text.ts";
import type { UnitRankView } from "../../../i18n/types.ts";
import type { DigestTaskLine, RequestStatus, RequestView } from "./views.ts";

/** "2026-11" → "11/2026" */
export const monthText = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export const rate = (u: UnitRankView) =>
  u.actualBp === null ? "chưa có kế hoạch vốn" : `giải ngân ${formatPercentBp(u.actualBp)}`;
export const rateEn = (u: UnitRankView) =>
  u.actualBp === null ? "no capital plan yet" : `disbursed ${english.percentBp(u.actualBp)}`;

export const STATUS_VI: Record<RequestStatus, string> = {
  OPEN: "đang chờ trả lời",
  ANSWERED: "đã trả lời",
  CENTRAL: "đã chuyển xin ý kiến Trung ương",
};
export const STATUS_EN: Record<RequestStatus, string> = {
  OPEN: "awaiting an answer",
  ANSWERED: "answered",
  CENTRAL: "referred to central level",
};

export const requestLine = (r: RequestView) =>
  `#${r.id} · ${h(r.unitName)} → ${h(r.departmentName)} · Văn bản ${h(r.docNo)} ngày ${formatDmy(r.sentOn)} · «${h(r.subject)}» · hạn ${formatDmy(r.dueOn)} · ${STATUS_VI[r.status]}`;
export const requestLineEn = (r: RequestView) =>
  `#${r.id} · ${h(r.unitName)} → ${h(r.departmentName)} · document ${h(r.docNo)} of ${formatDmy(r.sentOn)} · «${h(r.subject)}» · due ${formatDmy(r.dueOn)} · ${STATUS_EN[r.status]}`;

export const taskLine = (t: DigestTaskLine) =>
  `• #${t.id} ${h(t.title)} — ${h(t.unitName)} · hạn ${formatDmy(t.dueDate)} · đồng chí ${h(t.responsibleName)}`;
export const taskLineEn = (t: DigestTaskLine) =>
  `• #${t.id} ${h(t.title)} — ${h(t.unitName)} · due ${formatDmy(t.dueDate)} · ${h(t.responsibleName)}`;
