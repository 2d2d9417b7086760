// All use-cases, built once by the composition root and handed to the adapters (bot, scheduler, scripts).
// The services that write text to the outbox in their own transaction get their rendering here (`catalogue`,
// passed as `messages`): they import no catalogue code (README, "Layout").
import type { Db } from "./platform/db/client.ts";
import type { Config } from "./config.ts";
import { catalogue } from "./i18n/index.ts";
import { userErrorText } from "./i18n/errors.ts";
import { createWorkCalendar, type WorkCalendar } from "./domain/calendar.ts";
import { createRegistry } from "./features/registry/registry.ts";
import { createRecurrenceService } from "./features/tasks/recurrence.ts";
import { createPaceLadderService } from "./features/disbursement/pace-ladder.ts";
import { createUpdateLog } from "./platform/telegram/update-log.ts";
import { createPlanUpload } from "./features/disbursement/plan-upload.ts";
import { createBroadcastService } from "./features/broadcast/broadcast.ts";
import { createTaskImport } from "./features/tasks/task-import.ts";
import { createRegistryIo } from "./features/registry/registry-io.ts";
import { createRegistryAdmin } from "./features/registry/registry-admin.ts";
import { createStatusService } from "./features/disbursement/status.ts";
import { createTaskService } from "./features/tasks/completion.ts";
import { createAssignService } from "./features/tasks/assign.ts";
import { createReminderService } from "./features/tasks/reminders.ts";
import { createOnboardingService } from "./features/registry/onboarding.ts";
import { createDisbursementService } from "./features/disbursement/disbursement.ts";
import { createMeetingService } from "./features/followup/meetings.ts";
import { createRequestService } from "./features/followup/requests.ts";
import { createDigestService } from "./features/followup/digests.ts";
import { createReportServices } from "./features/reports/reports.ts";

export function createServices({
  db,
  config,
}: {
  db: Db;
  config: Pick<Config, "ladder" | "officeHours"> &
    Partial<Pick<Config, "inviteTtlDays">> &
    Partial<Pick<Config, "disbursement">> &
    Partial<Pick<Config, "followup">>;
}) {
  async function calendar(): Promise<WorkCalendar> {
    const days = await db.calendarDay.findMany();
    return createWorkCalendar(days.map((d) => ({ date: d.date, kind: d.kind as "HOLIDAY" | "WORKDAY", name: d.name })));
  }
  const status = createStatusService({ db, calendar });
  const assign = createAssignService({ db, calendar, officeHours: config.officeHours, messages: catalogue });
  return {
    calendar,
    registry: createRegistry({ db }),
    updates: createUpdateLog({ db }),
    registryIo: createRegistryIo({ db }),
    registryAdmin: createRegistryAdmin({ db }),
    status,
    disbursement: createDisbursementService({
      db,
      overPlanMarginPercent: config.disbursement?.overPlanMarginPercent ?? 0,
      messages: catalogue,
    }),
    tasks: createTaskService({ db, messages: catalogue }),
    assign,
    taskImport: createTaskImport({
      db,
      assign,
      messages: catalogue,
      errorText: (e) => userErrorText(catalogue("vi"), e),
    }),
    onboarding: createOnboardingService({ db, inviteTtlDays: config.inviteTtlDays ?? 7 }),
    reminders: createReminderService({
      db,
      calendar,
      ladder: config.ladder,
      officeHours: config.officeHours,
      messages: catalogue,
    }),
    meetings: createMeetingService({
      db,
      calendar,
      officeHours: config.officeHours,
      nudgeDay: config.followup?.meetingNudgeDay ?? 20,
      messages: catalogue,
    }),
    requests: createRequestService({
      db,
      calendar,
      officeHours: config.officeHours,
      answerDays: config.followup?.requestAnswerDays ?? 7,
      messages: catalogue,
    }),
    digests: createDigestService({ db, calendar, officeHours: config.officeHours, status, messages: catalogue }),
    ...createReportServices({ db, calendar, officeHours: config.officeHours, status, messages: catalogue }),
    planUpload: createPlanUpload({ db }),
    paceLadder: createPaceLadderService({
      db,
      calendar,
      ladder: config.ladder,
      officeHours: config.officeHours,
      status,
      messages: catalogue,
    }),
    recurrence: createRecurrenceService({ db, messages: catalogue }),
    broadcast: createBroadcastService({ db }),
  };
}

export type Services = ReturnType<typeof createServices>;
