// The answer to a question the bot asked one person in one chat («Lý do?» after ✖️ Không xác nhận, the reason of
// an obstacle, the new date after 📅 Xin gia hạn): that registered person's next text there that is not a
// command. The question itself is a PendingInput row (src/platform/db/pending-input.ts), so a restart forgets
// nothing. Each feature says whether a text answers its own question; a text that answers none goes on down
// the chain («xong», a reply to a reminder).
import type { Telegraf } from "telegraf";
import type { Actor } from "../../features/registry/registry.ts";
import type { BotContext } from "./context.ts";

export interface Answer {
  chatId: bigint;
  userId: bigint;
  /** the text as written */
  text: string;
  actor: Actor;
  now: Date;
  updateId: bigint;
}

/** Replies to the answer itself, so that in a busy group the reply sits under what it answers. */
export type ReplyTo = { reply_parameters: { message_id: number } };

/**
 * Asks the one who pressed a button for an answer the bot must read (a reason, a date). In a group with
 * privacy mode on only a reply to the bot reaches it, and a plain message would be lost without a word: the
 * question names him and opens his reply field (force_reply, selective: his alone). In private every message
 * arrives, and the question goes as it is.
 */
export function askForAnswer(ctx: BotContext, text: string) {
  if (ctx.chat?.type === "private" || !ctx.from) return ctx.replyWithHTML(text);
  const name = ctx.actor?.fullName ?? ctx.from.first_name;
  return ctx.replyWithHTML(ctx.t.question.addressed(name, ctx.from.id, text), {
    reply_markup: { force_reply: true, selective: true },
  });
}

/** `answer` resolves to false when the text answers no question of its feature. */
export function onAnswer(
  bot: Telegraf<BotContext>,
  answer: (ctx: BotContext, a: Answer, replyTo: ReplyTo) => Promise<boolean>,
): void {
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("text" in msg) || msg.text.startsWith("/") || !ctx.actor) return next();
    const a: Answer = {
      chatId: BigInt(ctx.chat.id),
      userId: BigInt(ctx.from.id),
      text: msg.text,
      actor: ctx.actor,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    };
    if (!(await answer(ctx, a, { reply_parameters: { message_id: msg.message_id } }))) return next();
  });
}
