// Working-day calendar for Vietnamese civil servants: Monday–Friday, minus public
// holidays, plus announced make-up Saturdays; and office-hours helpers on instants.

import { addDays, isValidDate, localDate, localInstant, localMinutes, weekday } from "./dates.ts";
import type { CalendarEntry } from "./holidays.ts";

export type { CalendarEntry } from "./holidays.ts";

export interface WorkCalendar {
  /** Mon–Fri unless a HOLIDAY entry; Sat/Sun only with a WORKDAY entry. */
  isWorkingDay(date: string): boolean;
  /** Moves n working days (n < 0 goes back); the start day itself is not counted; n = 0 returns date. */
  addWorkingDays(date: string, n: number): string;
  /** Number of working days d with from < d ≤ to; negative (and symmetric) when to < from. */
  workingDaysBetween(from: string, to: string): number;
  /** The first working day strictly after date. */
  nextWorkingDay(date: string): string;
  /** The name of the HOLIDAY entry on that date, else null. */
  holidayName(date: string): string | null;
}

export interface OfficeHours {
  /** Opening, minutes since local midnight (inclusive). */
  startMin: number;
  /** Closing, minutes since local midnight (exclusive). */
  endMin: number;
}

function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** Builds a calendar from entries; when a date appears twice, the later entry wins. */
export function createWorkCalendar(entries: readonly CalendarEntry[]): WorkCalendar {
  const byDate = new Map<string, CalendarEntry>();
  for (const entry of entries) {
    if (!isValidDate(entry.date)) throw new RangeError(`Invalid calendar entry date: ${JSON.stringify(entry.date)}`);
    byDate.set(entry.date, entry);
  }

  function isWorkingDay(date: string): boolean {
    const entry = byDate.get(date);
    if (entry) return entry.kind === "WORKDAY";
    return !isWeekend(date);
  }

  function addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer: ${n}`);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = addDays(date, 0); // validates date
    while (remaining > 0) {
      current = addDays(current, step);
      if (isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  function countForward(from: string, to: string): number {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
      if (isWorkingDay(d)) count += 1;
    }
    return count;
  }

  function workingDaysBetween(from: string, to: string): number {
    addDays(from, 0); // validates both
    addDays(to, 0);
    return to >= from ? countForward(from, to) : -countForward(to, from);
  }

  function nextWorkingDay(date: string): string {
    return addWorkingDays(date, 1);
  }

  function holidayName(date: string): string | null {
    const entry = byDate.get(date);
    return entry?.kind === "HOLIDAY" ? entry.name : null;
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, nextWorkingDay, holidayName };
}

/** A working day, and startMin ≤ local minutes < endMin. */
export function isOfficeTime(now: Date, cal: WorkCalendar, hours: OfficeHours): boolean {
  const minutes = localMinutes(now);
  return cal.isWorkingDay(localDate(now)) && hours.startMin <= minutes && minutes < hours.endMin;
}

/**
 * `now` during office time; otherwise the next opening: today's if it is a working
 * day not yet open, else the next working day's.
 */
export function nextOfficeStart(now: Date, cal: WorkCalendar, hours: OfficeHours): Date {
  if (isOfficeTime(now, cal, hours)) return new Date(now.getTime());
  const today = localDate(now);
  if (cal.isWorkingDay(today) && localMinutes(now) < hours.startMin) return localInstant(today, hours.startMin);
  return localInstant(cal.nextWorkingDay(today), hours.startMin);
}
