// A group that became a supergroup gets a new chat id. Telegram tells us twice — a service message in the
// group (src/features/registry/chat-lifecycle.ts) and a "migrate" error on the next send
// (src/platform/outbox/dispatcher.ts) —
// and both move the chat row here, so the unit binding follows the new id whichever comes first.
import type { Tx } from "../db/client.ts";

type ChatRow = NonNullable<Awaited<ReturnType<Tx["chat"]["findUnique"]>>>;

/**
 * The old row takes the new id; when the new id is known already (an update from the supergroup came
 * first), that row takes over the binding and the old one is kept as MIGRATED. Null: the old id was not known.
 */
export async function moveChat(
  tx: Tx,
  oldId: bigint,
  newId: bigint,
): Promise<{ before: ChatRow; after: ChatRow } | null> {
  const before = await tx.chat.findUnique({ where: { telegramChatId: oldId } });
  if (!before) return null;
  const existing = await tx.chat.findUnique({ where: { telegramChatId: newId } });
  if (!existing) {
    const after = await tx.chat.update({
      where: { id: before.id },
      data: { telegramChatId: newId, kind: "SUPERGROUP" },
    });
    return { before, after };
  }
  const after = await tx.chat.update({
    where: { id: existing.id },
    data: {
      unitId: before.unitId,
      isSecretariat: before.isSecretariat,
      boundAt: before.boundAt,
      boundByOfficialId: before.boundByOfficialId,
      status: "ACTIVE",
      kind: "SUPERGROUP",
    },
  });
  await tx.chat.update({ where: { id: before.id }, data: { status: "MIGRATED", migratedToChatId: newId } });
  return { before, after };
}
