// Scorecards for leaders: pure tallies over a reporting period. Tasks are classed with the Government
// Office's timeliness categories (ladder.ts); written requests the same way against their answer date.
// Dates are "YYYY-MM-DD" (Vietnam); no clock is read here.
import { addDays, diffDays, monthKey } from "./dates.ts";
import { timeliness } from "./ladder.ts";
import { foldVietnamese } from "./text.ts";

export interface Period {
  kind: "month" | "quarter" | "year";
  year: number;
  /** month 1..12, quarter 1..4, or 0 for a year */
  index: number;
  /** first and last day, inclusive */
  from: string;
  to: string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function lastDay(year: number, month: number): string {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad2(month + 1)}-01`;
  return addDays(next, -1);
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: "month", year, index: month, from: `${year}-${pad2(month)}-01`, to: lastDay(year, month) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return { kind: "quarter", year, index: quarter, from: `${year}-${pad2(first)}-01`, to: lastDay(year, first + 2) };
}

export function yearPeriod(year: number): Period {
  return { kind: "year", year, index: 0, from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * A period as typed: "11/2026" (month), "q4/2026" or "quý 4/2026" (quarter), "2026" (year).
 * Null when the text is not a period.
 */
export function parsePeriod(text: string): Period | null {
  const s = foldVietnamese(text).replace(/\s+/g, "");
  let m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 && Number(m[2]) >= 2000 ? monthPeriod(Number(m[2]), month) : null;
  }
  m = /^(?:q|quy)([1-4])[/.-]?(\d{4})$/.exec(s);
  if (m) return Number(m[2]) >= 2000 ? quarterPeriod(Number(m[2]), Number(m[1])) : null;
  m = /^(\d{4})$/.exec(s);
  if (m) return Number(m[1]) >= 2000 ? yearPeriod(Number(m[1])) : null;
  return null;
}

/** The default period: the calendar year of `today`. */
export function defaultPeriod(today: string): Period {
  return yearPeriod(Number(today.slice(0, 4)));
}

/** Splits a trailing period off command arguments: "Nam Trà My q4/2026" → subject "Nam Trà My", q4/2026. */
export function splitPeriod(args: string, today: string): { subject: string; period: Period; explicit: boolean } {
  const words = args.split(/\s+/).filter(Boolean);
  // "quý 4/2026" is two words
  for (const n of [2, 1]) {
    if (words.length < n) continue;
    const p = parsePeriod(words.slice(-n).join(" "));
    if (p) return { subject: words.slice(0, -n).join(" "), period: p, explicit: true };
  }
  return { subject: words.join(" "), period: defaultPeriod(today), explicit: false };
}

/** The months ("YYYY-MM") of the period up to and including the month of `today`. */
export function monthsElapsed(period: Period, today: string): string[] {
  const out: string[] = [];
  const last = monthKey(today);
  for (let d = period.from; d <= period.to; d = addDays(`${monthKey(d)}-28`, 4).slice(0, 8) + "01") {
    const m = monthKey(d);
    if (m > last) break;
    out.push(m);
  }
  return out;
}

/** The median of some numbers (the mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface TaskFact {
  dueDate: string;
  /** the local day it was completed, or null while open */
  completedOn: string | null;
  /** Reminder rows of the task created before its completion (0 for open tasks) */
  remindersBeforeDone: number;
  /** reported done, waiting for the assigner's confirmation (#19): counted as not completed, and apart */
  awaiting?: boolean;
}

export interface TaskTally {
  doneOnTime: number;
  doneLate: number;
  openInTerm: number;
  openOverdue: number;
  /** of the open ones (in term or overdue), those reported done and waiting for confirmation (#19) */
  awaitingConfirmation: number;
  /**
   * Median calendar days past the due date over the late tasks: those done late (days to completion) and
   * those open and overdue (days to today). Null when none is late.
   */
  medianDaysLate: number | null;
  /** reminders sent before completion, summed over the done tasks */
  remindersBeforeDone: number;
}

export function tallyTasks(tasks: readonly TaskFact[], today: string): TaskTally {
  const t: TaskTally = {
    doneOnTime: 0,
    doneLate: 0,
    openInTerm: 0,
    openOverdue: 0,
    awaitingConfirmation: 0,
    medianDaysLate: null,
    remindersBeforeDone: 0,
  };
  const late: number[] = [];
  for (const task of tasks) {
    const c = timeliness(task.dueDate, task.completedOn, today);
    if (c === "done_on_time") t.doneOnTime++;
    else if (c === "done_late") {
      t.doneLate++;
      late.push(diffDays(task.dueDate, task.completedOn!));
    } else if (c === "open_in_term") t.openInTerm++;
    else {
      t.openOverdue++;
      late.push(diffDays(task.dueDate, today));
    }
    if (task.completedOn !== null) t.remindersBeforeDone += task.remindersBeforeDone;
    else if (task.awaiting) t.awaitingConfirmation++;
  }
  t.medianDaysLate = median(late);
  return t;
}

export interface RequestFact {
  dueOn: string;
  /** the local day it was answered, or null while unanswered */
  answeredOn: string | null;
}

export interface RequestTally {
  answeredOnTime: number;
  answeredLate: number;
  openInTerm: number;
  openOverdue: number;
}

export function tallyRequests(requests: readonly RequestFact[], today: string): RequestTally {
  const t: RequestTally = { answeredOnTime: 0, answeredLate: 0, openInTerm: 0, openOverdue: 0 };
  for (const r of requests) {
    const c = timeliness(r.dueOn, r.answeredOn, today);
    if (c === "done_on_time") t.answeredOnTime++;
    else if (c === "done_late") t.answeredLate++;
    else if (c === "open_in_term") t.openInTerm++;
    else t.openOverdue++;
  }
  return t;
}

export interface RateFigures {
  planVnd: bigint;
  disbursedVnd: bigint;
  /** plan-weighted expected rate (bp) */
  expectedBp: number;
}

/**
 * Sums programme figures the way provinceStatus does: the rate of the sums, and the expected rate
 * weighted by plan (integer division, as there).
 */
export function combineRates(
  parts: readonly { planVnd: bigint; disbursedVnd: bigint; expectedBp: number }[],
): RateFigures {
  const planVnd = parts.reduce((s, p) => s + p.planVnd, 0n);
  const disbursedVnd = parts.reduce((s, p) => s + p.disbursedVnd, 0n);
  const expectedBp =
    planVnd > 0n ? Number(parts.reduce((s, p) => s + p.planVnd * BigInt(p.expectedBp), 0n) / planVnd) : 0;
  return { planVnd, disbursedVnd, expectedBp };
}
