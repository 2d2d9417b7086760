// createBot: the telegraf stack. Middlewares resolve who speaks and where; features register commands
// (each guarded by its declaration), completion replies and buttons; unknown commands get one line.
import { Telegraf } from "telegraf";
import { message } from "telegraf/filters";
import type { Logger } from "../logger.ts";
import type { Clock } from "../services/clock.ts";
import type { Services } from "../services/index.ts";
import { catalogue, langFromTelegram } from "../i18n/index.ts";
import { allowed, commandArgs, commandName, refusalText, type CommandSpec } from "./commands.ts";
import { chatScope, type BotContext } from "./context.ts";
import { createErrorBoundary } from "./errors.ts";
import { startCommand } from "./features/start.ts";
import { helpCommand } from "./features/help.ts";
import { readsStatusAhead, statusCommand } from "./features/status.ts";
import { bindCommand, unbindCommand } from "./features/bind.ts";
import { inviteCommand } from "./features/invite.ts";
import { registerMembership } from "./features/membership.ts";
import { isAnonymousAdmin } from "./scope.ts";
import { registerCompletion } from "./features/completion.ts";
import { cannotMeetCommand, reallocationCommand, reportCommand } from "./features/disbursement.ts";
import { registerTaskActions, taskCommands } from "./features/tasks.ts";
import { registerPlanUpload } from "./features/plan-upload.ts";
import { broadcastCommand, registerBroadcastActions } from "./features/broadcast.ts";
import { followupCommands } from "./features/followup.ts";
import { reportCommands } from "./features/reports.ts";
import { handleOnce } from "./once.ts";
import type { InteractiveGate } from "../delivery/interactive.ts";

export interface BotDeps {
  token: string;
  apiRoot: string;
  services: Services;
  clock: Clock;
  logger: Logger;
  defaultLanguage: "vi" | "en";
  /** every update's replies go through the process's limiter (src/delivery/interactive.ts) */
  interactive?: InteractiveGate;
}

export function createBot(deps: BotDeps): { bot: Telegraf<BotContext>; commands: CommandSpec[] } {
  const bot = new Telegraf<BotContext>(deps.token, {
    telegram: { apiRoot: deps.apiRoot },
    handlerTimeout: 60_000,
    ...(deps.interactive && { contextType: deps.interactive.contextType<BotContext>() }),
  });
  const commands: CommandSpec[] = [];
  commands.push(startCommand, helpCommand(() => commands), statusCommand, bindCommand);
  commands.push(inviteCommand, unbindCommand);
  commands.push(reportCommand, cannotMeetCommand, reallocationCommand);
  commands.push(...taskCommands);
  commands.push(broadcastCommand);
  commands.push(...followupCommands);
  commands.push(...reportCommands);

  // Was it handled already, who speaks, in which chat: one statement (src/services/update-lookup.ts), then
  // the once check (src/bot/once.ts). A bare /status in a group reads its unit's rows in that statement
  // too. One middleware, not three: every link of telegraf's chain costs each update a few promises
  // (docs/benchmarks.md).
  const once = handleOnce(deps.services.writer, deps.logger);
  bot.use((ctx, next) => {
    const from = ctx.from;
    const now = deps.clock.now();
    const answer = deps.services.updates.lookUp(
      {
        updateId: BigInt(ctx.update.update_id),
        telegramUserId: from && !from.is_bot ? BigInt(from.id) : null,
        telegramChatId: ctx.chat ? BigInt(ctx.chat.id) : null,
        unitStatus: readsStatusAhead(ctx),
      },
      now,
    );
    ctx.now = now;
    ctx.services = deps.services;
    return once(ctx, answer.then((a) => a.seen), async () => {
      const a = await answer;
      ctx.actor = a.actor;
      ctx.chatInfo = a.chat;
      if (a.ahead) ctx.ahead = a.ahead;
      const lang = a.actor?.language ?? (from?.language_code ? langFromTelegram(from.language_code) : deps.defaultLanguage);
      ctx.t = catalogue(lang);
      return next();
    });
  });

  // the commands: one middleware and a look-up by name (one `bot.command` per command would put two dozen
  // links in every update's middleware chain); only text messages that start with a command stop here
  const byName = new Map(commands.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])].map((name) => [name, spec] as const)));
  bot.on(message("text"), async (ctx, next) => {
    const spec = byName.get(commandName(ctx.message, ctx.me) ?? "");
    if (!spec) return next();
    // an anonymous group admin speaks as the group: we cannot know who he is
    if (spec.who !== "anyone" && isAnonymousAdmin(ctx)) return ctx.replyWithHTML(ctx.t.onboarding.bind.anonymousAdmin);
    const refusal = allowed(spec, ctx.actor, chatScope(ctx));
    if (refusal) return ctx.replyWithHTML(refusalText(ctx, refusal));
    return spec.handler(ctx, commandArgs(ctx.message.text));
  });

  registerMembership(bot);
  registerCompletion(bot);
  registerTaskActions(bot);
  registerPlanUpload(bot);
  registerBroadcastActions(bot);

  // an unknown command: one line, in private chats always, in groups only when addressed to this bot
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("text" in msg) || !msg.text.startsWith("/")) return next();
    const [word = ""] = msg.text.slice(1).split(/\s/, 1);
    const [cmd = "", target] = word.split("@");
    if (ctx.chat.type !== "private" && target?.toLowerCase() !== ctx.botInfo.username.toLowerCase()) return next();
    return ctx.replyWithHTML(ctx.t.errors.unknownCommand(cmd));
  });

  bot.catch(createErrorBoundary(deps.logger));
  return { bot, commands };
}
