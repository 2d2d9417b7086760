// All use-cases, built once by the composition root and handed to the adapters (bot, scheduler, scripts).
import type { Db } from "../db/client.ts";
import type { Config } from "../config.ts";
import { createWorkCalendar, type WorkCalendar } from "../domain/calendar.ts";
import { createRegistry } from "./registry.ts";
import { createUpdateLog } from "./update-log.ts";
import { createRegistryIo } from "./registry-io.ts";
import { createRegistryAdmin } from "./registry-admin.ts";
import { createStatusService } from "./status.ts";
import { createTaskService } from "./tasks.ts";
import { createFollowupService } from "./followup.ts";
import { createReminderService } from "./reminders.ts";
import { createOnboardingService } from "./onboarding.ts";
import { createDisbursementService } from "./disbursement.ts";
import { createMeetingService } from "./meetings.ts";
import { createRequestService } from "./requests.ts";
import { createDigestService } from "./digests.ts";
import { createReportServices } from "./reports.ts";

export function createServices({ db, config }: { db: Db; config: Pick<Config, "ladder" | "officeHours"> & Partial<Pick<Config, "inviteTtlDays">> & Partial<Pick<Config, "disbursement">> & Partial<Pick<Config, "followup">> }) {
  async function calendar(): Promise<WorkCalendar> {
    const days = await db.calendarDay.findMany();
    return createWorkCalendar(days.map((d) => ({ date: d.date, kind: d.kind as "HOLIDAY" | "WORKDAY", name: d.name })));
  }
  const status = createStatusService({ db });
  return {
    db,
    calendar,
    registry: createRegistry({ db }),
    updates: createUpdateLog({ db }),
    registryIo: createRegistryIo({ db }),
    registryAdmin: createRegistryAdmin({ db }),
    status,
    disbursement: createDisbursementService({ db, overPlanMarginPercent: config.disbursement?.overPlanMarginPercent ?? 0 }),
    tasks: createTaskService({ db }),
    followup: createFollowupService({ db, calendar, officeHours: config.officeHours }),
    onboarding: createOnboardingService({ db, inviteTtlDays: config.inviteTtlDays ?? 7 }),
    reminders: createReminderService({ db, calendar, ladder: config.ladder, officeHours: config.officeHours }),
    meetings: createMeetingService({ db, calendar, officeHours: config.officeHours, nudgeDay: config.followup?.meetingNudgeDay ?? 20 }),
    requests: createRequestService({ db, calendar, officeHours: config.officeHours, answerDays: config.followup?.requestAnswerDays ?? 7 }),
    digests: createDigestService({ db, calendar, officeHours: config.officeHours, status }),
    ...createReportServices({ db, calendar, officeHours: config.officeHours }),
  };
}

export type Services = ReturnType<typeof createServices>;
