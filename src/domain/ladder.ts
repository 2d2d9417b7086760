// Reminder ladder for a task deadline: a heads-up before the due date, a reminder on
// it, then escalation to the chairman and beyond once overdue — all in working days.
// Also the Government Office's timeliness categories for reporting.

import type { WorkCalendar } from "./calendar.ts";

export type Rung = "before" | "due" | "overdue1" | "overdue3";

/** Lowest to highest. */
export const RUNGS: readonly Rung[] = Object.freeze(["before", "due", "overdue1", "overdue3"]);

export interface LadderConfig {
  /** Working days before the due date for the heads-up (default 2). */
  daysBefore: number;
  /** Working days after the due date before the chairman is told (default 1). */
  chairmanAfter: number;
  /** Working days after the due date before escalating (default 3). */
  escalateAfter: number;
}

export const DEFAULT_LADDER: Readonly<LadderConfig> = Object.freeze({
  daysBefore: 2,
  chairmanAfter: 1,
  escalateAfter: 3,
});

/**
 * The day a rung fires. "before" = due − daysBefore working days; "due" = the due date,
 * or the last working day before it when the due date is not a working day;
 * "overdue1"/"overdue3" = due + chairmanAfter/escalateAfter working days.
 */
export function rungDate(due: string, rung: Rung, cal: WorkCalendar, cfg: LadderConfig): string {
  switch (rung) {
    case "before":
      return cal.addWorkingDays(due, -cfg.daysBefore);
    case "due":
      return cal.isWorkingDay(due) ? due : cal.addWorkingDays(due, -1);
    case "overdue1":
      return cal.addWorkingDays(due, cfg.chairmanAfter);
    case "overdue3":
      return cal.addWorkingDays(due, cfg.escalateAfter);
  }
}

/**
 * The highest rung whose date is on or before today; null before the "before" rung.
 * After downtime the rungs below it that never fired are caught up with it (rungsReached).
 */
export function currentRung(due: string, today: string, cal: WorkCalendar, cfg: LadderConfig): Rung | null {
  for (let i = RUNGS.length - 1; i >= 0; i -= 1) {
    const rung = RUNGS[i];
    if (rung !== undefined && rungDate(due, rung, cal, cfg) <= today) return rung;
  }
  return null;
}

/**
 * Every rung whose date is on or before today, lowest first: the current rung and those below it. A
 * task first seen after an outage (or entered late) has reached several; each must be sent once, none
 * skipped — the chairman's rung above all.
 */
export function rungsReached(due: string, today: string, cal: WorkCalendar, cfg: LadderConfig): Rung[] {
  return RUNGS.filter((rung) => rungDate(due, rung, cal, cfg) <= today);
}

export type Timeliness = "done_on_time" | "done_late" | "open_in_term" | "open_overdue";

/** On time = completed on or before the due date; open tasks are overdue from the day after it. */
export function timeliness(due: string, completedOn: string | null, today: string): Timeliness {
  if (completedOn !== null) return completedOn <= due ? "done_on_time" : "done_late";
  return today <= due ? "open_in_term" : "open_overdue";
}

/** Working days elapsed after the due date up to and including today; 0 when not overdue. */
export function overdueWorkingDays(due: string, today: string, cal: WorkCalendar): number {
  return today <= due ? 0 : cal.workingDaysBetween(due, today);
}
