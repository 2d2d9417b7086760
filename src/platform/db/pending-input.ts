// What one person owes one chat next — the reason of an obstacle or of a refusal, the date of an extension,
// an answer — is a PendingInput row: a kind, a JSON payload, an expiry. One row per chat × person × kind, so
// asking again replaces the question. Kept in the database, not in memory: a restart forgets nothing.
import type { Db, Tx } from "./client.ts";

export interface InputKey {
  chatId: bigint;
  userId: bigint;
  kind: string;
}

/** Waits for this person's next message in this chat, for `ttlMs` (a question asked again starts anew). */
export async function awaitInput(db: Db | Tx, key: InputKey, payload: unknown, now: Date, ttlMs: number) {
  const data = { payload: JSON.stringify(payload), expiresAt: new Date(now.getTime() + ttlMs), createdAt: now };
  await db.pendingInput.upsert({
    where: { chatId_userId_kind: key },
    create: { ...key, ...data },
    update: data,
  });
}

/** The question this person has to answer in this chat, unless it expired. */
export async function awaitedInput<P>(
  db: Db | Tx,
  key: InputKey,
  now: Date,
): Promise<{ id: number; payload: P } | null> {
  const row = await db.pendingInput.findUnique({ where: { chatId_userId_kind: key } });
  if (!row || row.expiresAt <= now) return null;
  return { id: row.id, payload: JSON.parse(row.payload) as P };
}
