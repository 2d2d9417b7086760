// All use-cases, built once by the composition root and handed to the adapters (bot, scheduler, scripts).
import type { Db } from "../db/client.ts";
import type { Config } from "../config.ts";
import { createWorkCalendar, type WorkCalendar } from "../domain/calendar.ts";
import { createRegistry } from "./registry.ts";
import { createStatusService } from "./status.ts";
import { createTaskService } from "./tasks.ts";
import { createReminderService } from "./reminders.ts";

export function createServices({ db, config }: { db: Db; config: Pick<Config, "ladder" | "officeHours"> }) {
  async function calendar(): Promise<WorkCalendar> {
    const days = await db.calendarDay.findMany();
    return createWorkCalendar(days.map((d) => ({ date: d.date, kind: d.kind as "HOLIDAY" | "WORKDAY", name: d.name })));
  }
  return {
    db,
    calendar,
    registry: createRegistry({ db }),
    status: createStatusService({ db }),
    tasks: createTaskService({ db }),
    reminders: createReminderService({ db, calendar, ladder: config.ladder, officeHours: config.officeHours }),
  };
}

export type Services = ReturnType<typeof createServices>;
