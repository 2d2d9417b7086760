// All use-cases, built once by the composition root and handed to the adapters (bot, scheduler, scripts).
// The services that write text to the outbox in their own transaction get their rendering here (`catalogue`,
// passed as `messages`): they import no catalogue code (README, "Layout").
import { sql, type Db } from "./platform/db/client.ts";
import type { Config } from "./config.ts";
import { catalogue } from "./i18n/index.ts";
import { userErrorText } from "./i18n/errors.ts";
import { createWorkCalendar, type CalendarEntry, type WorkCalendar } from "./domain/calendar.ts";
import { createRegistry } from "./features/registry/registry.ts";
import { createRecurrenceService } from "./features/tasks/recurrence.ts";
import { createPaceLadderService } from "./features/disbursement/pace-ladder.ts";
import { createUpdateLog } from "./platform/telegram/update-log.ts";
import { createPlanUpload } from "./features/disbursement/plan-upload.ts";
import { createCheckinService } from "./features/disbursement/checkin.ts";
import { createProposalCheck } from "./features/disbursement/proposal-check.ts";
import { createLookup } from "./features/disbursement/lookup.ts";
import { createBroadcastService } from "./features/broadcast/broadcast.ts";
import { createTaskImport } from "./features/tasks/task-import.ts";
import { createRegistryIo } from "./features/registry/registry-io.ts";
import { createRegistryAdmin } from "./features/registry/registry-admin.ts";
import { createStatusService } from "./features/disbursement/status.ts";
import { createTaskService } from "./features/tasks/completion.ts";
import { createConfirmationService } from "./features/tasks/confirmation.ts";
import { createAwaitingList } from "./features/tasks/awaiting.ts";
import { createCompletionReplies } from "./features/tasks/completion-replies.ts";
import { createAssignService } from "./features/tasks/assign.ts";
import { createGuidedAssign } from "./features/tasks/assign-guided.ts";
import { createReminderService } from "./features/tasks/reminders.ts";
import { createOnboardingService } from "./features/registry/onboarding.ts";
import { createChatLifecycle } from "./features/registry/chat-lifecycle.ts";
import { createRegistryUpload } from "./features/registry/registry-upload.ts";
import { createRegistryChat } from "./features/registry/registry-chat.ts";
import { createHolidays } from "./features/registry/holidays.ts";
import { createCalendarFiles } from "./features/registry/calendar-file.ts";
import { createCalendarUpload } from "./features/registry/calendar-upload.ts";
import { createInvitations } from "./features/registry/invitation-sheet.ts";
import { createTaskUpload } from "./features/tasks/task-upload.ts";
import { createDisbursementService } from "./features/disbursement/disbursement.ts";
import { createMeetingService } from "./features/followup/meetings.ts";
import { createRequestService } from "./features/followup/requests.ts";
import { createDigestService } from "./features/followup/digests.ts";
import { createReportServices } from "./features/reports/reports.ts";
import { createDashboardService } from "./features/dashboard/dashboard.ts";
import { createDirectiveService } from "./features/directives/directives.ts";
import { createDirectiveImport } from "./features/directives/directive-import.ts";
import { createDirectiveUpload } from "./features/directives/directive-upload.ts";
import { createExtensionService } from "./features/extensions/extensions.ts";
import { createEvidenceService } from "./features/evidence/evidence.ts";
import { createHistoryService } from "./features/history/history.ts";
import { createAbsenceService } from "./features/absence/absence.ts";
import { createDeputyService } from "./features/absence/deputies.ts";

export function createServices({
  db,
  config,
}: {
  db: Db;
  config: Pick<Config, "ladder" | "officeHours"> &
    Partial<Pick<Config, "inviteTtlDays" | "setupTelegramId">> &
    Partial<Pick<Config, "disbursement">> &
    Partial<Pick<Config, "followup">> &
    Partial<Pick<Config, "dashboard">>;
}) {
  async function calendar(): Promise<WorkCalendar> {
    // raw: every /status reads it (docs/decisions/017-raw-status-reads.md)
    const days = await db.$queryRaw<CalendarEntry[]>(sql`SELECT "date", "kind", "name" FROM "CalendarDay"`);
    return createWorkCalendar(days);
  }
  const status = createStatusService({ db, calendar });
  const tasks = createTaskService({ db, messages: catalogue });
  const assign = createAssignService({
    db,
    calendar,
    officeHours: config.officeHours,
    obstacleAnswerDays: config.followup?.requestAnswerDays ?? 7,
    messages: catalogue,
  });
  const directives = createDirectiveService({ db });
  const registryIo = createRegistryIo({ db });
  const registryAdmin = createRegistryAdmin({ db });
  const onboarding = createOnboardingService({
    db,
    inviteTtlDays: config.inviteTtlDays ?? 7,
    setupTelegramId: config.setupTelegramId ?? null,
  });
  const taskImport = createTaskImport({
    db,
    assign,
    messages: catalogue,
    errorText: (e) => userErrorText(catalogue("vi"), e),
  });
  const directiveImport = createDirectiveImport({
    db,
    assign,
    messages: catalogue,
    errorText: (e) => userErrorText(catalogue("vi"), e),
  });
  const reports = createReportServices({
    db,
    calendar,
    officeHours: config.officeHours,
    status,
    directives,
    messages: catalogue,
  });
  return {
    calendar,
    registry: createRegistry({ db }),
    updates: createUpdateLog({ db }),
    registryIo,
    registryUpload: createRegistryUpload({ db, registryIo }),
    registryAdmin,
    registryChat: createRegistryChat({ db, registryAdmin }),
    holidays: createHolidays({ db }),
    calendarFiles: createCalendarFiles({ db }),
    calendarUpload: createCalendarUpload({ db }),
    status,
    disbursement: createDisbursementService({
      db,
      overPlanMarginPercent: config.disbursement?.overPlanMarginPercent ?? 0,
      messages: catalogue,
      calendar,
    }),
    tasks,
    replies: createCompletionReplies({ db, tasks }),
    confirmation: createConfirmationService({ db, messages: catalogue }),
    awaiting: createAwaitingList({ db }),
    assign,
    guidedAssign: createGuidedAssign({ db, calendar, assign }),
    taskImport,
    taskUpload: createTaskUpload({ db, taskImport }),
    onboarding,
    invitations: createInvitations({ onboarding }),
    chats: createChatLifecycle({ db }),
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
    ...reports,
    dashboard: createDashboardService({
      db,
      status,
      charts: reports.charts,
      url: config.dashboard?.url ?? null,
      directives,
    }),
    directives,
    directiveImport,
    directiveUpload: createDirectiveUpload({ db, importer: directiveImport }),
    extensions: createExtensionService({ db, messages: catalogue }),
    evidence: createEvidenceService({ db }),
    history: createHistoryService({ db }),
    absence: createAbsenceService({ db, messages: catalogue }),
    deputies: createDeputyService({ db }),
    planUpload: createPlanUpload({ db }),
    proposals: createProposalCheck({ db, calendar, officeHours: config.officeHours, messages: catalogue }),
    checkin: createCheckinService({
      db,
      lookup: createLookup(db),
      calendar,
      officeHours: config.officeHours,
      weekday: config.disbursement?.checkinWeekday ?? 5,
      overPlanMarginPercent: config.disbursement?.overPlanMarginPercent ?? 0,
      status,
      messages: catalogue,
    }),
    paceLadder: createPaceLadderService({
      db,
      calendar,
      ladder: config.ladder,
      officeHours: config.officeHours,
      status,
      messages: catalogue,
    }),
    recurrence: createRecurrenceService({ db, messages: catalogue }),
    broadcast: createBroadcastService({ db, messages: catalogue }),
  };
}

export type Services = ReturnType<typeof createServices>;
