// Confirmation by the assigner (#19): «✅ Xác nhận» / «✖️ Không xác nhận» under the question sent to the assigner
// or the secretariat, and the reason of a refusal (the next message of that person in that chat).
import type { Telegraf } from "telegraf";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { refusal } from "../../refusals.ts";

export function registerConfirmation(bot: Telegraf<BotContext>) {
  // the reason asked by «✖️ Không xác nhận», before a «xong» or another question's answer is looked for
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("text" in msg) || msg.text.startsWith("/") || !ctx.actor) return next();
    const chatId = BigInt(ctx.chat.id);
    const userId = BigInt(ctx.from.id);
    if (!(await ctx.services.confirmation.awaitsReason(chatId, userId, ctx.now))) return next();
    const view = await ctx.services.confirmation.refuse({
      chatId,
      userId,
      reason: msg.text,
      actor: ctx.actor,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    if (!view) return next();
    return ctx.replyWithHTML(ctx.t.confirmation.refusedReply(view), {
      reply_parameters: { message_id: msg.message_id },
    });
  });

  bot.action(/^cfy:(\d+):([0-9a-z]+)$/, async (ctx) => {
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const view = await ctx.services.confirmation.confirm({
      taskId: Number(ctx.match[1]),
      stamp: ctx.match[2]!,
      actor: ctx.actor,
      chatId: BigInt(ctx.chat?.id ?? 0),
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    await ctx.answerCbQuery("✅");
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    return ctx.replyWithHTML(ctx.t.confirmation.confirmedReply(view));
  });

  bot.action(/^cfn:(\d+):([0-9a-z]+)$/, async (ctx) => {
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const view = await ctx.services.confirmation.askReason({
      taskId: Number(ctx.match[1]),
      stamp: ctx.match[2]!,
      actor: ctx.actor,
      chatId: BigInt(ctx.chat?.id ?? 0),
      userId: BigInt(ctx.from.id),
      now: ctx.now,
    });
    await ctx.answerCbQuery("✖️");
    return ctx.replyWithHTML(ctx.t.confirmation.askReason(view));
  });
}
