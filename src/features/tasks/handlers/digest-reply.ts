// "xong 2" in reply to a digest (ADR 009): completes item 2 of it; a plain «xong» completes the sender's only
// item in it. Registered before the ordinary completion reply, which handles replies to anything else.
import type { Telegraf } from "telegraf";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { refusal } from "../../refusals.ts";
import { readDigestReply } from "../digest-reply.ts";

export function registerDigestReply(bot: Telegraf<BotContext>) {
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("text" in msg) || msg.text.startsWith("/")) return next();
    const repliedTo = msg.reply_to_message;
    if (!repliedTo || repliedTo.from?.id !== ctx.botInfo.id) return next();
    const reply = readDigestReply(msg.text);
    if (!reply) return next();
    const taskId = await ctx.services.tasks.taskForDigestItem(
      BigInt(ctx.chat.id),
      repliedTo.message_id,
      reply.position,
      ctx.actor?.officialId ?? null,
    );
    if (taskId === null) return next();
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const view = await ctx.services.tasks.complete({
      taskId,
      actor: ctx.actor,
      note: reply.note,
      now: ctx.now,
      fromChatId: BigInt(ctx.chat.id),
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML(ctx.t.done.confirmed(view), { reply_parameters: { message_id: msg.message_id } });
  });
}
