// A chat's life-cycle: a group unbound from its unit, the bot removed from or re-added to a chat (or blocked
// in private), a group upgraded to a supergroup. The secretariat is told through the outbox.
import type { Db, Tx } from "../../platform/db/client.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { moveChat } from "../../platform/outbox/chat-migration.ts";
import { refusal } from "../refusals.ts";
import type { Actor } from "./registry.ts";

/** Texts the secretariat gets about chats, rendered by the caller's catalogue (Vietnamese). */
export interface ChatNotices {
  removed(title: string): string;
  /** an official blocked the bot in private */
  blocked(name: string): string;
  readded(title: string): string;
  migrated(title: string): string;
}

export function createChatLifecycle({ db }: { db: Db }) {
  /** Detaches a group from its unit (or from the secretariat). */
  async function unbindChat(input: {
    telegramChatId: bigint;
    actor: Actor;
    now: Date;
  }): Promise<{ unitName: string | null; wasSecretariat: boolean }> {
    return db.$transaction(async (tx) => {
      const before = await tx.chat.findUnique({
        where: { telegramChatId: input.telegramChatId },
        include: { unit: true },
      });
      if (!before || (before.unitId === null && !before.isSecretariat)) throw refusal("common", "chatNotBound");
      const after = await tx.chat.update({
        where: { id: before.id },
        data: { unitId: null, isSecretariat: false, boundAt: null, boundByOfficialId: null },
      });
      const { unit: _unit, ...plain } = before;
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "chat.unbind",
        entity: "Chat",
        entityId: after.id,
        before: plain,
        after,
      });
      return { unitName: before.unit?.name ?? null, wasSecretariat: before.isSecretariat };
    });
  }

  async function tellSecretariat(tx: Tx, text: string, kind: string, except: bigint, now: Date) {
    const chats = await tx.chat.findMany({
      where: { isSecretariat: true, status: "ACTIVE", telegramChatId: { not: except } },
    });
    await enqueue(
      tx,
      chats.map((c) => ({ chatId: c.telegramChatId, text, kind })),
      now,
    );
  }

  /** my_chat_member: the bot's own membership changed (removed, blocked, re-added). */
  async function botMembershipChanged(input: {
    telegramChatId: bigint;
    chatType: string;
    title: string;
    status: string;
    byTelegramId: bigint | null;
    now: Date;
    updateId?: bigint;
    notices: ChatNotices;
  }): Promise<void> {
    const gone = input.status === "left" || input.status === "kicked";
    const isPrivate = input.chatType === "private";
    if (input.chatType === "channel") return;
    await db.$transaction(async (tx) => {
      const before = await tx.chat.findUnique({ where: { telegramChatId: input.telegramChatId } });
      // a group we never knew: nothing to record
      if (!before && !isPrivate) return;
      const status = gone ? (isPrivate ? "UNREACHABLE" : "LEFT") : "ACTIVE";
      if (before?.status === status) return;
      if (!before && !gone) return; // a private chat is recorded on /start
      await recordUpdate(tx, input.updateId);
      if (before) {
        // conditional: the dispatcher may be marking the same chat unreachable at this moment (a send answered
        // 403); whichever changes the row first tells the secretariat, the other stays silent
        const changed = await tx.chat.updateMany({ where: { id: before.id, status: before.status }, data: { status } });
        if (changed.count === 0) return;
      }
      const after = before
        ? await tx.chat.findUniqueOrThrow({ where: { id: before.id } })
        : await tx.chat.create({ data: { telegramChatId: input.telegramChatId, kind: "PRIVATE", status } });
      if (!isPrivate && gone) {
        await tx.outboxMessage.updateMany({
          where: { chatId: input.telegramChatId, status: "PENDING" },
          data: { status: "SKIPPED", lastError: "bot removed from the chat" },
        });
      }
      await audit(tx, {
        at: input.now,
        actorTelegramId: input.byTelegramId,
        action: gone ? "chat.removed" : "chat.readded",
        entity: "Chat",
        entityId: after.id,
        before,
        after,
      });
      const bound = after.unitId !== null || after.isSecretariat;
      if (isPrivate && gone) {
        // an official the secretariat can no longer remind (someone who is not in the registry: nothing to say)
        const official = await tx.official.findUnique({
          where: { telegramUserId: input.telegramChatId },
          select: { fullName: true },
        });
        if (official)
          await tellSecretariat(
            tx,
            input.notices.blocked(official.fullName),
            "chat.blocked",
            input.telegramChatId,
            input.now,
          );
      }
      // a group the dispatcher already found unreachable (a send answered 403) was announced then
      if (!isPrivate && bound && before?.status !== "UNREACHABLE") {
        const title = after.title || input.title || input.telegramChatId.toString();
        const text = gone ? input.notices.removed(title) : input.notices.readded(title);
        await tellSecretariat(tx, text, gone ? "chat.removed" : "chat.readded", input.telegramChatId, input.now);
      }
    });
  }

  /** A group became a supergroup: the chat row and its pending messages move to the new id. */
  async function chatMigrated(input: {
    oldId: bigint;
    newId: bigint;
    now: Date;
    notices: ChatNotices;
  }): Promise<boolean> {
    return db.$transaction(async (tx) => {
      const moved = await moveChat(tx, input.oldId, input.newId);
      await tx.outboxMessage.updateMany({
        // rows in flight are left to the dispatcher, which follows the migration error itself
        where: { chatId: input.oldId, status: "PENDING" },
        data: { chatId: input.newId },
      });
      if (!moved) return false;
      const { before, after } = moved;
      await audit(tx, { at: input.now, action: "chat.migrate", entity: "Chat", entityId: after.id, before, after });
      if (after.unitId !== null || after.isSecretariat) {
        await tellSecretariat(
          tx,
          input.notices.migrated(after.title || input.newId.toString()),
          "chat.migrated",
          input.newId,
          input.now,
        );
      }
      return true;
    });
  }

  return { unbindChat, botMembershipChanged, chatMigrated };
}

export type ChatLifecycle = ReturnType<typeof createChatLifecycle>;
