// The telegraf stack: middlewares resolve who speaks and where; the features (listed by src/bot.ts) bring
// their commands (each guarded by its declaration) and their other handlers (replies, buttons, files);
// unknown commands get one line.
import { Telegraf } from "telegraf";
import { message } from "telegraf/filters";
import type { Logger } from "../logger.ts";
import type { Clock } from "../clock.ts";
import type { Services } from "../../services.ts";
import { catalogue, langFromTelegram } from "../../i18n/index.ts";
import { allowed, commandArgs, commandName, namesOf, refusalText, type CommandSpec } from "./commands.ts";
import { chatScope, type BotContext } from "./context.ts";
import { createErrorBoundary } from "./errors.ts";
import type { InteractiveGate } from "../outbox/interactive.ts";
import { isAnonymousAdmin } from "./scope.ts";

export interface BotDeps {
  token: string;
  apiRoot: string;
  services: Services;
  clock: Clock;
  logger: Logger;
  defaultLanguage: "vi" | "en";
  /** every update's replies go through the process's limiter (src/platform/outbox/interactive.ts) */
  interactive?: InteractiveGate;
}

/** What a feature brings to the bot: its commands, and handlers of anything else (replies, buttons, files). */
export interface BotFeature {
  /** `all`: every command of the bot (/help lists them) */
  commands?: (all: () => CommandSpec[]) => CommandSpec[];
  register?: (bot: Telegraf<BotContext>) => void;
}

export function createTelegramBot(
  deps: BotDeps,
  features: BotFeature[],
): { bot: Telegraf<BotContext>; commands: CommandSpec[] } {
  const bot = new Telegraf<BotContext>(deps.token, {
    telegram: { apiRoot: deps.apiRoot },
    handlerTimeout: 60_000,
    ...(deps.interactive && { contextType: deps.interactive.contextType<BotContext>() }),
  });
  const commands: CommandSpec[] = features.flatMap((f) => f.commands?.(() => commands) ?? []);

  // Was it handled already (src/platform/telegram/update-log.ts), who speaks, in which chat; after the handler, the
  // update is recorded as handled. A failed update is not recorded: it can be delivered again.
  bot.use(async (ctx, next) => {
    const { registry, updates } = deps.services;
    const updateId = BigInt(ctx.update.update_id);
    const from = ctx.from;
    const now = deps.clock.now();
    const [seen, actor, chat] = await Promise.all([
      updates.wasHandled(updateId),
      from && !from.is_bot ? registry.actorByTelegramId(BigInt(from.id), now) : null,
      ctx.chat ? registry.chatByTelegramId(BigInt(ctx.chat.id)) : null,
    ]);
    if (seen) {
      deps.logger.info({ updateId: ctx.update.update_id }, "update already processed: ignored");
      return;
    }
    ctx.now = now;
    ctx.services = deps.services;
    ctx.actor = actor;
    ctx.chatInfo = chat;
    ctx.t = catalogue(
      actor?.language ?? (from?.language_code ? langFromTelegram(from.language_code) : deps.defaultLanguage),
    );
    await next();
    // the answer is out: a record that fails now (the database went away) costs at most a second read-only
    // answer if Telegram delivers the update again; handling it again would repeat the answer at once
    await updates
      .markHandled(updateId, now)
      .catch((error: unknown) =>
        deps.logger.warn({ err: error, updateId: ctx.update.update_id }, "could not record a handled update"),
      );
  });

  // the commands: one middleware and a look-up by name (one `bot.command` per command would put two dozen
  // links in every update's middleware chain); only text messages that start with a command stop here.
  // Names are matched in any case: "/TinhHinh" and "/STATUS" are typed by people, not by menus
  const byName = new Map(commands.flatMap((spec) => namesOf(spec).map((name) => [name.toLowerCase(), spec] as const)));
  bot.on(message("text"), async (ctx, next) => {
    const spec = byName.get(commandName(ctx.message, ctx.me)?.toLowerCase() ?? "");
    if (!spec) return next();
    // an anonymous group admin speaks as the group: we cannot know who he is
    if (spec.who !== "anyone" && isAnonymousAdmin(ctx)) return ctx.replyWithHTML(ctx.t.onboarding.bind.anonymousAdmin);
    const refusal = allowed(spec, ctx.actor, chatScope(ctx));
    if (refusal) return ctx.replyWithHTML(refusalText(ctx, refusal));
    return spec.handler(ctx, commandArgs(ctx.message.text));
  });

  for (const f of features) f.register?.(bot);

  // an unknown command: one line, in private chats always, in groups only when addressed to this bot
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("text" in msg) || !msg.text.startsWith("/")) return next();
    const [word = ""] = msg.text.slice(1).split(/\s/, 1);
    const [cmd = "", target] = word.split("@");
    if (ctx.chat.type !== "private" && target?.toLowerCase() !== ctx.botInfo.username.toLowerCase()) return next();
    return ctx.replyWithHTML(ctx.t.errors.unknownCommand(cmd));
  });

  bot.catch(createErrorBoundary(deps.logger, deps.defaultLanguage));
  return { bot, commands };
}
