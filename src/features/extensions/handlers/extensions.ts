// "Xin gia hạn": /giahan <số việc> <dd/mm/yyyy> <lý do>, or the 📅 button under a reminder followed by a
// message with the date and the reason; ✅ / ✖ under the request for the assigner or the secretariat.
import type { Telegraf } from "telegraf";
import { localDate, parseDmy } from "../../../domain/dates.ts";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { askForAnswer, onAnswer } from "../../../platform/telegram/answers.ts";
import { refusal } from "../../refusals.ts";

/** "15/12/2026 chờ thẩm định" → the date and the reason; null when it does not start with a date. */
function dateAndReason(text: string, today: string): { date: string; reason: string } | null {
  const m = /^\s*(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?)\s+([\s\S]+)$/.exec(text);
  const date = m ? parseDmy(m[1]!, today) : null;
  return m && date && m[2]!.trim() ? { date, reason: m[2]!.trim() } : null;
}

export const extensionCommand: CommandSpec = {
  name: "giahan",
  aliases: ["extend"],
  args: "<số việc> <dd/mm/yyyy> <lý do>",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx, args) {
    const m = /^#?(\d+)\s+([\s\S]+)$/.exec(args);
    const parsed = m ? dateAndReason(m[2]!, localDate(ctx.now)) : null;
    if (!m || !parsed) throw refusal("extensions", "usage");
    const view = await ctx.services.extensions.request({
      taskId: Number(m[1]),
      newDueDate: parsed.date,
      reason: parsed.reason,
      actor: ctx.actor!,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML(ctx.t.extensions.requested(view));
  },
};

export const extensionCommands: CommandSpec[] = [extensionCommand];

export function registerExtensions(bot: Telegraf<BotContext>) {
  // the answer to the 📅 button's question, before a «xong» or an obstacle's reason is looked for
  onAnswer(bot, async (ctx, a, replyTo) => {
    const taskId = await ctx.services.extensions.awaited(a.chatId, a.userId, a.now);
    if (taskId === null) return false;
    const parsed = dateAndReason(a.text, localDate(a.now));
    if (!parsed) throw refusal("extensions", "usage");
    const view = await ctx.services.extensions.request({
      taskId,
      newDueDate: parsed.date,
      reason: parsed.reason,
      actor: a.actor,
      now: a.now,
      updateId: a.updateId,
      answering: { chatId: a.chatId, userId: a.userId },
    });
    await ctx.replyWithHTML(ctx.t.extensions.requested(view), replyTo);
    return true;
  });

  bot.action(/^ext:(\d+)$/, async (ctx) => {
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const asked = await ctx.services.extensions.ask({
      taskId: Number(ctx.match[1]),
      chatId: BigInt(ctx.chat!.id),
      userId: BigInt(ctx.from.id),
      actor: ctx.actor,
      now: ctx.now,
    });
    await ctx.answerCbQuery();
    return askForAnswer(ctx, ctx.t.extensions.prompt(asked));
  });

  bot.action(/^ext(ok|no):(\d+)$/, async (ctx) => {
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const { view, decision } = await ctx.services.extensions.decide({
      requestId: Number(ctx.match[2]),
      approve: ctx.match[1] === "ok",
      actor: ctx.actor,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    await ctx.answerCbQuery(decision === "APPROVED" ? "✅" : "✖");
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    return ctx.replyWithHTML(ctx.t.extensions.decidedReply(view, decision));
  });
}
