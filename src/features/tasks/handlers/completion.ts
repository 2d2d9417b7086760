// Completion: a "xong …" reply to a reminder, or the ✅ button under it.
import type { Telegraf } from "telegraf";
import { parseCompletion } from "../../../domain/reply-parser.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { refusal } from "../../refusals.ts";
import { withoutTask } from "../digest.ts";

export function registerCompletion(bot: Telegraf<BotContext>) {
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("text" in msg) || msg.text.startsWith("/")) return next();
    const parsed = parseCompletion(msg.text);
    const repliedTo = msg.reply_to_message;
    if (!parsed || !repliedTo) return next();
    // in groups, only replies to the bot's own messages concern us
    if (repliedTo.from?.id !== ctx.botInfo.id) {
      if (ctx.chat.type === "private") throw refusal("done", "notAReminder");
      return next();
    }
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const taskId = await ctx.services.tasks.taskForMessage(BigInt(ctx.chat.id), repliedTo.message_id);
    const view = await ctx.services.tasks.complete({
      taskId,
      actor: ctx.actor,
      note: parsed.note,
      now: ctx.now,
      fromChatId: BigInt(ctx.chat.id),
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML(ctx.t.done.confirmed(view), { reply_parameters: { message_id: msg.message_id } });
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
}
