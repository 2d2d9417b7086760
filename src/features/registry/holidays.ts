// Holidays and make-up working days from the bot (/ngaynghi) and from files (calendar-file.ts): the working
// calendar is the CalendarDay table (read afresh by every deadline computation), so a new year's days are
// rows added here, each audited.
import type { Db, Tx } from "../../platform/db/client.ts";
import { parseDmy, weekday } from "../../domain/dates.ts";
import { audit } from "../../platform/db/audit.ts";
import { refusal } from "../refusals.ts";

export type CalendarDayKind = "HOLIDAY" | "WORKDAY";

export interface CalendarDayView {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** A date typed as dd/mm/yyyy (d/m, «-» or «.» too), the year written out; null when it is not one. */
export function calendarDate(s: string): string | null {
  return /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(s.trim()) ? parseDmy(s, "2000-01-01") : null;
}

/** A make-up working day on Monday–Friday changes nothing: that day is worked anyway. */
export const isWeekday = (date: string) => weekday(date) >= 1 && weekday(date) <= 5;

/**
 * Writes one day in the caller's transaction when it differs from the table's row, audited
 * (calendarDay.create / calendarDay.update, before and after) for its actor. Returns what it did.
 */
export async function writeCalendarDay(
  tx: Tx,
  day: CalendarDayView,
  ctx: { actorId: number | null; now: Date },
): Promise<"created" | "updated" | "unchanged"> {
  const data = { kind: day.kind, name: day.name };
  const before = await tx.calendarDay.findUnique({ where: { date: day.date } });
  if (before && before.kind === data.kind && before.name === data.name) return "unchanged";
  const after = await tx.calendarDay.upsert({
    where: { date: day.date },
    create: { date: day.date, ...data },
    update: data,
  });
  await audit(tx, {
    at: ctx.now,
    actorId: ctx.actorId,
    action: before ? "calendarDay.update" : "calendarDay.create",
    entity: "CalendarDay",
    entityId: day.date,
    before,
    after,
  });
  return before ? "updated" : "created";
}

export function createHolidays({ db }: { db: Db }) {
  return {
    /** The special days of a year, in date order. */
    async list(year: number): Promise<CalendarDayView[]> {
      const days = await db.calendarDay.findMany({
        where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
        orderBy: { date: "asc" },
      });
      return days.map((d) => ({ date: d.date, kind: d.kind as CalendarDayKind, name: d.name }));
    },

    /** Adds (or renames / re-kinds) one day; audited. */
    async set(input: { date: string; kind: CalendarDayKind; name: string; actorId: number; now: Date }) {
      const date = calendarDate(input.date);
      if (!date) throw refusal("onboarding", "badDay", input.date);
      if (input.kind === "WORKDAY" && isWeekday(date)) throw refusal("onboarding", "weekdayWorkday", date);
      const day = { date, kind: input.kind, name: input.name.trim() };
      await db.$transaction((tx) => writeCalendarDay(tx, day, input));
      return day;
    },

    /** Removes one day (a holiday declared by mistake, a make-up day cancelled); audited. Returns what it was. */
    async remove(input: { date: string; actorId: number; now: Date }): Promise<CalendarDayView> {
      const date = calendarDate(input.date);
      if (!date) throw refusal("onboarding", "badDay", input.date);
      return db.$transaction(async (tx) => {
        const before = await tx.calendarDay.findUnique({ where: { date } });
        if (!before) throw refusal("onboarding", "dayNotListed", date);
        await tx.calendarDay.delete({ where: { date } });
        await audit(tx, {
          at: input.now,
          actorId: input.actorId,
          action: "calendarDay.delete",
          entity: "CalendarDay",
          entityId: date,
          before,
          after: null,
        });
        return { date, kind: before.kind as CalendarDayKind, name: before.name };
      });
    },
  };
}

export type Holidays = ReturnType<typeof createHolidays>;
