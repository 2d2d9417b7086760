// Recurring tasks: "hằng tháng ngày 5" → "monthly:5", and the due date of the next task of a series.
import { addDays, isValidDate } from "./dates.ts";
import { foldVietnamese } from "./text.ts";
import type { WorkCalendar } from "./calendar.ts";

/** "hằng tháng ngày 5" / "hàng tháng ngày 5" / "monthly 5" → "monthly:5"; null when the text is not a recurrence. */
export function parseRecurrence(text: string): string | null {
  const f = foldVietnamese(text);
  const m = /^(?:hang thang(?: vao)? ngay|monthly(?: on day)?:?)\s*(\d{1,2})$/.exec(f);
  if (!m) return null;
  const day = Number(m[1]);
  return day >= 1 && day <= 31 ? `monthly:${day}` : null;
}

/** The day of the month of a "monthly:D" rule, or null for any other rule. */
export function monthlyDay(rule: string): number | null {
  const m = /^monthly:(\d{1,2})$/.exec(rule);
  return m ? Number(m[1]) : null;
}

/**
 * The due date of the task after one due on `prevDue`: day D of the next month (the month's last day when
 * it is shorter), moved to the next working day when it is not one (a period ending on a day off ends on
 * the next working day). Null when the rule is not understood.
 */
export function nextDueDate(rule: string, prevDue: string, cal: WorkCalendar): string | null {
  const day = monthlyDay(rule);
  if (day === null || !isValidDate(prevDue)) return null;
  let year = Number(prevDue.slice(0, 4));
  // a due date moved past a day off into the next month still belongs to the month before
  const movedOver = Number(prevDue.slice(8, 10)) + 10 < day;
  let month = Number(prevDue.slice(5, 7)) + (movedOver ? 0 : 1);
  if (month > 12) {
    month = 1;
    year += 1;
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = `${year}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
  return cal.isWorkingDay(date) ? date : cal.nextWorkingDay(addDays(date, 0));
}
