// Completion: a reply under a reminder or the bot's task list, a plain message where one task of the sender is
// in question, the ✅ button, and the buttons of the bot's question when it is not sure (issue #18).
import type { Telegraf } from "telegraf";
import type { BotContext } from "../../../platform/telegram/context.ts";
import type { ReplyOutcome } from "../completion-replies.ts";
import { refusal } from "../../refusals.ts";
import { withoutTask } from "../digest.ts";

/** The one reply to a reading: the confirmation, the question with its buttons, or a line. */
export function replyToOutcome(ctx: BotContext, outcome: Exclude<ReplyOutcome, { kind: "ignored" }>, replyTo?: number) {
  const t = ctx.t.tasks.replies;
  const extra = replyTo !== undefined ? { reply_parameters: { message_id: replyTo } } : {};
  switch (outcome.kind) {
    case "completed":
      return ctx.replyWithHTML(ctx.t.done.confirmed(outcome.view), extra);
    case "askDone":
      return ctx.replyWithHTML(t.askDone(outcome.task), {
        ...extra,
        reply_markup: {
          inline_keyboard: [
            [
              { text: t.yes, callback_data: `cr:y:${outcome.task.id}` },
              { text: t.no, callback_data: "cr:n" },
            ],
          ],
        },
      });
    case "askWhich":
      return ctx.replyWithHTML(t.askWhich, {
        ...extra,
        reply_markup: {
          inline_keyboard: [
            ...outcome.tasks.map((task) => [{ text: t.choice(task), callback_data: `cr:y:${task.id}` }]),
            [{ text: t.none, callback_data: "cr:n" }],
          ],
        },
      });
    case "keptOpen":
      return ctx.replyWithHTML(t.keptOpen, extra);
    case "stopAsking":
      return ctx.replyWithHTML(t.stopAsking, extra);
  }
}

/** The message as the completion reader needs it: who, where, what it replies to. */
export function readCompletion(ctx: BotContext, text: string, command: boolean) {
  const replied = ctx.message && "reply_to_message" in ctx.message ? ctx.message.reply_to_message : undefined;
  return ctx.services.replies.read({
    chatId: BigInt(ctx.chat!.id),
    userId: BigInt(ctx.from!.id),
    isPrivate: ctx.chat!.type === "private",
    unitId: ctx.chatInfo?.unitId ?? null,
    actor: ctx.actor,
    text,
    replyTo: replied
      ? {
          byBot: replied.from?.id === ctx.botInfo.id,
          messageId: replied.message_id,
          text: "text" in replied ? replied.text : "",
        }
      : null,
    command,
    now: ctx.now,
    updateId: BigInt(ctx.update.update_id),
  });
}

export function registerCompletion(bot: Telegraf<BotContext>) {
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("text" in msg) || msg.text.startsWith("/")) return next();
    const outcome = await readCompletion(ctx, msg.text, false);
    if (outcome.kind === "ignored") return next();
    return replyToOutcome(ctx, outcome, msg.message_id);
  });

  bot.action(/^done:(\d+)$/, async (ctx) => {
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const view = await ctx.services.tasks.complete({
      taskId: Number(ctx.match[1]),
      actor: ctx.actor,
      note: "",
      now: ctx.now,
      fromChatId: BigInt(ctx.chat?.id ?? 0),
      updateId: BigInt(ctx.update.update_id),
    });
    await ctx.answerCbQuery("✅");
    // a digest keeps its other items' buttons (ADR 009)
    const markup =
      ctx.callbackQuery.message && "reply_markup" in ctx.callbackQuery.message
        ? ctx.callbackQuery.message.reply_markup
        : undefined;
    await ctx.editMessageReplyMarkup(withoutTask(markup, Number(ctx.match[1])) as never).catch(() => undefined);
    return ctx.replyWithHTML(ctx.t.done.confirmed(view));
  });

  // the buttons of the bot's question: a task (or "Có") completes it, "Không" keeps it open
  bot.action(/^cr:(?:y:(\d+)|n)$/, async (ctx) => {
    const outcome = await ctx.services.replies.choose({
      chatId: BigInt(ctx.chat?.id ?? 0),
      userId: BigInt(ctx.from.id),
      taskId: ctx.match[1] !== undefined ? Number(ctx.match[1]) : null,
      actor: ctx.actor,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    await ctx.answerCbQuery(outcome.kind === "completed" ? "✅" : "");
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    if (outcome.kind === "ignored") return;
    return replyToOutcome(ctx, outcome);
  });
}
