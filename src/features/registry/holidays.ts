// Holidays and make-up working days from the bot (/ngaynghi): the working calendar is the CalendarDay
// table (read afresh by every deadline computation), so a new year's days are rows added here, audited.
import type { Db } from "../../platform/db/client.ts";
import { parseDmy } from "../../domain/dates.ts";
import { audit } from "../../platform/db/audit.ts";
import { refusal } from "../refusals.ts";

export interface CalendarDayView {
  date: string;
  kind: "HOLIDAY" | "WORKDAY";
  name: string;
}

export function createHolidays({ db }: { db: Db }) {
  return {
    /** The special days of a year, in date order. */
    async list(year: number): Promise<CalendarDayView[]> {
      const days = await db.calendarDay.findMany({
        where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
        orderBy: { date: "asc" },
      });
      return days.map((d) => ({ date: d.date, kind: d.kind as CalendarDayView["kind"], name: d.name }));
    },

    /** Adds (or renames / re-kinds) one day; audited. */
    async set(input: { date: string; kind: CalendarDayView["kind"]; name: string; actorId: number; now: Date }) {
      const date = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(input.date) ? parseDmy(input.date, "2000-01-01") : null;
      if (!date) throw refusal("onboarding", "badDay", input.date);
      const data = { kind: input.kind, name: input.name.trim() };
      await db.$transaction(async (tx) => {
        const before = await tx.calendarDay.findUnique({ where: { date } });
        const after = await tx.calendarDay.upsert({ where: { date }, create: { date, ...data }, update: data });
        await audit(tx, {
          at: input.now,
          actorId: input.actorId,
          action: before ? "calendarDay.update" : "calendarDay.create",
          entity: "CalendarDay",
          entityId: date,
          before,
          after,
        });
      });
      return { date, ...data };
    },
  };
}

export type Holidays = ReturnType<typeof createHolidays>;
