// The shipped working calendar (2023–2027). Loaded into the database once; editable there afterwards.
import { isUniqueViolation, type Db } from "../client.ts";
import { VIETNAM_CALENDAR_2023_2027 } from "../../../domain/holidays.ts";

export async function ensureCalendar(db: Db): Promise<number> {
  if ((await db.calendarDay.count()) > 0) return 0;
  try {
    await db.calendarDay.createMany({ data: VIETNAM_CALENDAR_2023_2027.map((e) => ({ ...e })) });
  } catch (error) {
    // another instance starting at the same moment loaded it first
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
  return VIETNAM_CALENDAR_2023_2027.length;
}
