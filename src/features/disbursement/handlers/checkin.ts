// The weekly check-in's answers: a reply (with an amount) to the bot's check-in question, or its
// «Không thay đổi» button. Registered before the completion replies, so a figure never reads as a task reply.
import type { Telegraf } from "telegraf";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { refusal } from "../../refusals.ts";

export function registerCheckin(bot: Telegraf<BotContext>) {
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("text" in msg) || msg.text.startsWith("/")) return next();
    const repliedTo = msg.reply_to_message;
    if (!repliedTo || repliedTo.from?.id !== ctx.botInfo.id) return next();
    const view = await ctx.services.checkin.answer({
      chatId: BigInt(ctx.chat.id),
      repliedToMessageId: repliedTo.message_id,
      text: msg.text,
      actor: ctx.actor ?? null,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    if (!view) return next();
    return ctx.replyWithHTML(view.map(ctx.t.disbursement.reported).join("\n"), {
      reply_parameters: { message_id: msg.message_id },
    });
  });

  bot.action(/^ci:(\d+)$/, async (ctx) => {
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const view = await ctx.services.checkin.unchanged({
      reminderId: Number(ctx.match[1]),
      actor: ctx.actor,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    await ctx.answerCbQuery("✔️");
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    return ctx.replyWithHTML(view.map(ctx.t.disbursement.reported).join("\n"));
  });
}
