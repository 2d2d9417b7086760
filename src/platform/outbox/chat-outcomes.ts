// What a failed send says about its chat, written for the dispatcher (src/platform/outbox/dispatcher.ts): a
// group that became a supergroup (its pending messages follow the new id), or a chat the bot can no longer
// reach (its messages stop, the secretariat is told once).
import type { Db } from "../db/client.ts";
import { moveChat } from "./chat-migration.ts";

export interface UnreachableInput {
  chatId: bigint;
  reason: string;
  now: Date;
  /** the secretariat's notice: who (the chat's title or the official's name) and why */
  notice: (who: string, reason: string) => string;
}

/** A group became a supergroup: the chat and every pending message follow the new id. */
export async function followMigratedChat(db: Db, oldId: bigint, newId: bigint): Promise<void> {
  await db.$transaction(async (tx) => {
    await moveChat(tx, oldId, newId);
    await tx.outboxMessage.updateMany({
      where: { chatId: oldId, status: { in: ["PENDING", "SENDING"] } },
      data: { chatId: newId, status: "PENDING" },
    });
  });
}

/**
 * Blocked or removed: stop sending there, and tell the secretariat once per transition to unreachable.
 * The transition is one conditional UPDATE of the chat row: when the my_chat_member path (or another
 * failed send) got there first, it matches nothing and nobody is told again; on PostgreSQL a concurrent
 * writer of the row is waited for and the condition read again, so two paths can never both win. A group
 * the bot was removed from (LEFT) was announced then ("removed") and stays LEFT, without a second notice.
 */
export async function markUnreachable(
  db: Db,
  { chatId, reason, now, notice: noticeOf }: UnreachableInput,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.outboxMessage.updateMany({
      where: { chatId, status: "SENDING" },
      data: { status: "DEAD", lastError: reason },
    });
    await tx.outboxMessage.updateMany({
      where: { chatId, status: "PENDING" },
      data: { status: "SKIPPED", lastError: `unreachable: ${reason}` },
    });
    const moved = await tx.chat.updateMany({
      where: { telegramChatId: chatId, status: { notIn: ["UNREACHABLE", "LEFT"] } },
      data: { status: "UNREACHABLE" },
    });
    const known = await tx.chat.findUnique({ where: { telegramChatId: chatId } });
    if (known && moved.count === 0) return; // unreachable or left already: the secretariat was told then
    const chat =
      known ??
      (await tx.chat.create({
        data: { telegramChatId: chatId, kind: chatId < 0n ? "GROUP" : "PRIVATE", status: "UNREACHABLE" },
      }));
    const who =
      chat.title ||
      (await tx.official.findUnique({ where: { telegramUserId: chatId } }))?.fullName ||
      chatId.toString();
    const notice = noticeOf(who, reason);
    const secretariat = await tx.chat.findMany({
      where: { isSecretariat: true, status: "ACTIVE", telegramChatId: { not: chatId } },
    });
    if (secretariat.length) {
      await tx.outboxMessage.createMany({
        data: secretariat.map((s) => ({
          chatId: s.telegramChatId,
          text: notice,
          parseMode: "HTML",
          kind: "delivery.unreachable",
          createdAt: now,
          notBefore: now,
        })),
      });
    }
  });
}
