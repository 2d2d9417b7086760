// Confirmation by the assigner (#19): «✅ Xác nhận» / «✖️ Không xác nhận» under the question sent to the assigner
// or the secretariat (and under each line of /choxacnhan), and the reason of a refusal (the next message of that
// person in that chat).
import type { Telegraf } from "telegraf";
import type { InlineKeyboardButton } from "telegraf/types";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { askForAnswer, onAnswer } from "../../../platform/telegram/answers.ts";
import { refusal } from "../../refusals.ts";

/**
 * /choxacnhan (/pending): the completions waiting for the asker's confirmation, one row of the question's own
 * buttons per task. In a unit's group only that unit's tasks. For those who give tasks (the secretariat and
 * the chairmen, as /giao): an official without those roles who stands in for an assigner decides by the
 * question sent to him, and his /help stays one phone screen.
 */
export const pendingCommand: CommandSpec = {
  name: "pending",
  vi: "choxacnhan",
  chats: ["private", "group"],
  who: ["SECRETARIAT", "CHAIRMAN"],
  async handler(ctx) {
    if (ctx.chat?.type !== "private" && !ctx.chatInfo) throw refusal("common", "chatNotBound");
    const unitId = ctx.chat?.type === "private" || ctx.chatInfo?.isSecretariat ? null : (ctx.chatInfo?.unitId ?? null);
    const view = await ctx.services.awaiting.list({ actor: ctx.actor!, unitId, now: ctx.now });
    const t = ctx.t.confirmation;
    const rows = view.items.map((i) => [
      { text: t.listButton(t.buttons.confirm, i.taskId), callback_data: `cfy:${i.taskId}:${i.stamp}` },
      { text: t.listButton(t.buttons.refuse, i.taskId), callback_data: `cfn:${i.taskId}:${i.stamp}` },
    ]);
    return ctx.replyWithHTML(t.awaitingList(view), rows.length ? { reply_markup: { inline_keyboard: rows } } : {});
  },
};

/** The pressed message's keyboard without the task's row (the list keeps the others' buttons), or undefined. */
function withoutTask(ctx: BotContext, taskId: number) {
  const message = ctx.callbackQuery?.message;
  const keyboard: InlineKeyboardButton[][] =
    message && "reply_markup" in message ? (message.reply_markup?.inline_keyboard ?? []) : [];
  const mine = (b: InlineKeyboardButton) =>
    "callback_data" in b && new RegExp(`^cf[yn]:${taskId}:`).test(b.callback_data);
  const rows = keyboard.filter((row) => !row.some(mine));
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

export function registerConfirmation(bot: Telegraf<BotContext>) {
  // the reason asked by «✖️ Không xác nhận», before a «xong» or another question's answer is looked for
  onAnswer(bot, async (ctx, a, replyTo) => {
    if (!(await ctx.services.confirmation.awaitsReason(a.chatId, a.userId, a.now))) return false;
    const view = await ctx.services.confirmation.refuse({ ...a, reason: a.text });
    if (!view) return false;
    await ctx.replyWithHTML(ctx.t.confirmation.refusedReply(view), replyTo);
    return true;
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
    await ctx.editMessageReplyMarkup(withoutTask(ctx, view.taskId)).catch(() => undefined);
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
    return askForAnswer(ctx, ctx.t.confirmation.askReason(view));
  });
}
