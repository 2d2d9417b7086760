// The bot's features, in the order /help and the menus list their commands. The telegraf stack itself is
// src/platform/telegram/bot.ts; each feature's handlers live in src/features/<feature>/handlers/.
import { createTelegramBot, type BotDeps, type BotFeature } from "./platform/telegram/bot.ts";
import { startCommand } from "./features/registry/handlers/start.ts";
import { helpCommand } from "./features/registry/handlers/help.ts";
import { bindCommand, unbindCommand } from "./features/registry/handlers/bind.ts";
import { inviteCommand } from "./features/registry/handlers/invite.ts";
import { invitesCommand } from "./features/registry/handlers/invites.ts";
import { holidaysCommand } from "./features/registry/handlers/holidays.ts";
import {
  handoverCommand,
  officialCommand,
  programmeCommand,
  whoCommand,
} from "./features/registry/handlers/registry-admin.ts";
import { registerMembership } from "./features/registry/handlers/membership.ts";
import { registerRegistryUpload } from "./features/registry/handlers/registry-upload.ts";
import { registerCalendarUpload } from "./features/registry/handlers/calendar-upload.ts";
import { statusCommand } from "./features/disbursement/handlers/status.ts";
import {
  cannotMeetCommand,
  reallocationCommand,
  reportCommand,
} from "./features/disbursement/handlers/disbursement.ts";
import { registerPlanUpload } from "./features/disbursement/handlers/plan-upload.ts";
import { registerCheckin } from "./features/disbursement/handlers/checkin.ts";
import { registerTaskActions, taskCommands } from "./features/tasks/handlers/tasks.ts";
import { registerCompletion } from "./features/tasks/handlers/completion.ts";
import { pendingCommand, registerConfirmation } from "./features/tasks/handlers/confirmation.ts";
import { registerGuidedAssign } from "./features/tasks/handlers/assign-guided.ts";
import { registerTaskUpload } from "./features/tasks/handlers/task-upload.ts";
import { broadcastCommand, registerBroadcastActions } from "./features/broadcast/handlers/broadcast.ts";
import { followupCommands } from "./features/followup/handlers/followup.ts";
import { reportCommands } from "./features/reports/handlers/reports.ts";
import { dashboardCommand } from "./features/dashboard/handlers/command.ts";
import { directiveCommands, registerDirectiveUpload } from "./features/directives/handlers/directives.ts";
import { extensionCommands, registerExtensions } from "./features/extensions/handlers/extensions.ts";
import { registerEvidence } from "./features/evidence/handlers/evidence.ts";
import { historyCommand } from "./features/history/handlers/history.ts";
import { absenceCommands } from "./features/absence/handlers/absence.ts";

export const FEATURES: BotFeature[] = [
  {
    commands: (all) => [
      startCommand,
      helpCommand(all),
      statusCommand,
      bindCommand,
      inviteCommand,
      invitesCommand,
      unbindCommand,
      whoCommand,
      officialCommand,
      handoverCommand,
      holidaysCommand,
      programmeCommand,
    ],
    register: (bot) => {
      registerMembership(bot);
      registerRegistryUpload(bot);
      registerCalendarUpload(bot);
    },
  },
  // a file replying to a task's message (or captioned /xong) is evidence, before any file upload looks at it
  { register: registerEvidence },
  // a directive's items file is told apart from a capital plan file before the plan upload sees it
  { register: registerDirectiveUpload },
  {
    commands: () => [reportCommand, cannotMeetCommand, reallocationCommand],
    register: registerCheckin,
  },
  // the reason of a refused confirmation and the date and reason asked by 📅 come before «xong» and an
  // obstacle's reason are looked for
  { register: registerConfirmation },
  { register: registerExtensions },
  {
    commands: () => [...taskCommands, pendingCommand],
    register: (bot) => {
      // the date and title typed into a /giao form come before «xong» is looked for
      registerGuidedAssign(bot);
      registerCompletion(bot);
      registerTaskActions(bot);
      registerTaskUpload(bot);
    },
  },
  { commands: () => [broadcastCommand], register: registerBroadcastActions },
  { commands: () => followupCommands },
  { commands: () => reportCommands },
  { commands: () => [dashboardCommand] },
  { commands: () => directiveCommands },
  { commands: () => extensionCommands },
  { commands: () => [historyCommand] },
  { commands: () => absenceCommands },
  // last: a file no other feature recognises is read as capital plans (and its problems named)
  { register: registerPlanUpload },
];

export const createBot = (deps: BotDeps) => createTelegramBot(deps, FEATURES);
