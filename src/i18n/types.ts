// Shapes the message catalogues render. Data in, text out: no I/O here.
import type { Light } from "../domain/pacing.ts";

export type Lang = "vi" | "en";

/** One source of a programme's capital (vốn TW / vốn ĐP) and its kinds (ĐTPT / SN), when the plans are split. */
export interface SourcePartView {
  source: "CENTRAL" | "LOCAL";
  planVnd: bigint;
  /** null: no figure of its own (the reports give the whole programme) */
  disbursedVnd: bigint | null;
  actualBp: number | null;
  latestAsOf: string | null;
  /** the source's kinds with a plan */
  kinds: { kind: "INVESTMENT" | "RECURRENT"; planVnd: bigint; disbursedVnd: bigint | null }[];
}

export interface ProgrammeStatusView {
  programmeCode: string;
  /**
   * What planVnd, disbursedVnd, the rate, the pace and the milestones judge (ADR 016): vốn TW when the plans are
   * split by source and vốn TW was reported apart, otherwise the whole programme.
   */
  basis: "CENTRAL" | "TOTAL";
  /** the plans are split by source but only whole-programme figures were reported: the whole is judged */
  unsplit: boolean;
  planVnd: bigint;
  disbursedVnd: bigint;
  actualBp: number | null;
  expectedBp: number;
  gapBp: number | null;
  next: { date: string; targetBp: number } | null;
  daysToNext: number | null;
  /** working days (the working calendar) from today to the next milestone */
  workingDaysToNext: number | null;
  /** the as-of date of the latest report counted ("lũy kế đến"), null when none */
  latestAsOf: string | null;
  /** a report is dated in today's month */
  reportedThisMonth: boolean;
  light: Light | null;
  openTasks: number;
  overdueTasks: number;
  /** the plan's changes by recorded reallocations this year (net, and the decisions), when there were any */
  adjustment?: { deltaVnd: bigint; decisionNos: string[] };
  /** the whole programme, every source (the same as planVnd/disbursedVnd when the basis is TOTAL) */
  total: { planVnd: bigint; disbursedVnd: bigint | null };
  /** by source (central first), every source with a plan; empty without plans */
  sources: SourcePartView[];
}

export interface UnitStatusView {
  unitName: string;
  today: string;
  year: number;
  programmes: ProgrammeStatusView[];
  doneToday: { title: string; by: string }[];
}

export interface UnitRankView {
  unitName: string;
  planVnd: bigint;
  disbursedVnd: bigint;
  actualBp: number | null;
  gapBp: number | null;
  light: Light | null;
  openTasks: number;
  overdueTasks: number;
  /** the unit's rate is below the provincial average */
  belowAverage?: boolean;
  /** the as-of date of the unit's latest report (any programme counted), null when none */
  latestAsOf?: string | null;
  /** false: the unit has a plan but no report dated this month */
  reportedThisMonth?: boolean;
  /** the rate is of vốn TW for all the unit's programmes (CENTRAL) or for some (MIXED); absent: the whole */
  basis?: "CENTRAL" | "MIXED";
}

export interface ProvinceStatusView {
  today: string;
  year: number;
  units: UnitRankView[];
  /** the provincial average rate (all units, the same programme filter), null without plans */
  averageBp?: number | null;
  /** the latest as-of date of the figures (all units), null without reports */
  asOf?: string | null;
}

export interface ReminderView {
  rung: "before" | "due" | "overdue1" | "overdue3";
  taskId: number;
  title: string;
  unitName: string;
  programmeCode: string | null;
  dueDate: string;
  docRef: string;
  responsibleName: string;
  /** HTML mention of the responsible official, or his escaped name */
  responsibleMention: string;
  workingDaysLeft: number;
  workingDaysOverdue: number;
  /** who reads it: the responsible official (private), the unit's group, or a leader told of an escalation */
  audience: "responsible" | "group" | "leader";
  /**
   * rungs below `rung` that never fired (downtime, a task entered late), sent in this one message: their
   * recipients are told too ("overdue1" under "overdue3": the chairman)
   */
  caughtUp?: ("before" | "due" | "overdue1")[];
}

export interface CompletionView {
  taskId: number;
  title: string;
  unitName: string;
  byName: string;
  note: string;
  onTime: boolean;
  dueDate: string;
  completedOn: string;
  /** the completion waits for confirmation (#19): by the assigner (his name) or the secretariat (null) */
  awaiting?: { confirmerName: string | null };
}

export interface CommandHelp {
  command: string;
  args: string;
}
