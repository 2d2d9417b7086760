// The data the follow-up messages are built from: meetings (R6), written requests (R5) and digests.
import type { UnitRankView } from "../../../i18n/types.ts";

export interface MeetingLoggedView {
  unitName: string;
  /** "YYYY-MM" */
  month: string;
  heldOn: string;
  note: string;
  /** the month already had a session: this one replaced it */
  updated: boolean;
}

export interface MeetingNudgeView {
  unitName: string;
  month: string;
  /** the last day of the month */
  lastDay: string;
}

export interface MeetingMissedView {
  month: string;
  unitNames: string[];
  /** the secretariat is addressed as an office; a supervisor as a leader being informed */
  to?: "office" | "leader";
}

export type RequestStatus = "OPEN" | "ANSWERED" | "CENTRAL";

export interface RequestView {
  id: number;
  unitName: string;
  departmentName: string;
  docNo: string;
  sentOn: string;
  subject: string;
  dueOn: string;
  status: RequestStatus;
  answerNote: string;
}

export interface RequestReminderView extends RequestView {
  /** working days left to the due date (0 on it) */
  workingDaysLeft: number;
  /** working days past the due date, 0 when not overdue */
  workingDaysOverdue: number;
}

export interface DigestTaskLine {
  id: number;
  title: string;
  unitName: string;
  dueDate: string;
  responsibleName: string;
}

export interface DailyDigestView {
  today: string;
  /** open tasks whose due date passed since the last digest */
  newlyOverdue: DigestTaskLine[];
  /** the first day of the completions listed */
  doneSince: string;
  done: (DigestTaskLine & { byName: string })[];
  /** how many of each there are: a list longer than fits in one message is cut (ADR 009) */
  overdueCount: number;
  doneCount: number;
  worst: UnitRankView[];
}

export interface WeeklyDigestView {
  /** the Monday of the week */
  weekOf: string;
  today: string;
  units: UnitRankView[];
  overdue: (DigestTaskLine & { overdueDays: number })[];
  openRequests: RequestView[];
  /** units without a working session last month */
  missedMeetings: string[];
  lastMonth: string;
}
