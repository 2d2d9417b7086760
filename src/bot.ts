// The bot's features, in the order /help and the menus list their commands. The telegraf stack itself is
// src/platform/telegram/bot.ts; each feature's handlers live in src/features/<feature>/handlers/.
import { createTelegramBot, type BotDeps, type BotFeature } from "./platform/telegram/bot.ts";
import { startCommand } from "./features/registry/handlers/start.ts";
import { helpCommand } from "./features/registry/handlers/help.ts";
import { bindCommand, unbindCommand } from "./features/registry/handlers/bind.ts";
import { inviteCommand } from "./features/registry/handlers/invite.ts";
import { registerMembership } from "./features/registry/handlers/membership.ts";
import { statusCommand } from "./features/disbursement/handlers/status.ts";
import {
  cannotMeetCommand,
  reallocationCommand,
  reportCommand,
} from "./features/disbursement/handlers/disbursement.ts";
import { registerPlanUpload } from "./features/disbursement/handlers/plan-upload.ts";
import { registerTaskActions, taskCommands } from "./features/tasks/handlers/tasks.ts";
import { registerCompletion } from "./features/tasks/handlers/completion.ts";
import { registerDigestReply } from "./features/tasks/handlers/digest-reply.ts";
import { broadcastCommand, registerBroadcastActions } from "./features/broadcast/handlers/broadcast.ts";
import { followupCommands } from "./features/followup/handlers/followup.ts";
import { reportCommands } from "./features/reports/handlers/reports.ts";

export const FEATURES: BotFeature[] = [
  {
    commands: (all) => [startCommand, helpCommand(all), statusCommand, bindCommand, inviteCommand, unbindCommand],
    register: registerMembership,
  },
  { commands: () => [reportCommand, cannotMeetCommand, reallocationCommand], register: registerPlanUpload },
  {
    commands: () => taskCommands,
    register: (bot) => {
      registerDigestReply(bot);
      registerCompletion(bot);
      registerTaskActions(bot);
    },
  },
  { commands: () => [broadcastCommand], register: registerBroadcastActions },
  { commands: () => followupCommands },
  { commands: () => reportCommands },
];

export const createBot = (deps: BotDeps) => createTelegramBot(deps, FEATURES);
