// A file sent to the bot that waits for its sender's ✅: capital plans, registry files, task files. A clean
// file's payload (JSON) is kept as the sender's PendingInput of the file's kind in that chat for a while;
// only his ✅ applies it, in one transaction with the removal of the pending row and the once-record of the
// button press, so a file is applied once, all of it or nothing; ✖ or expiry drops it. One kind per sender
// and chat: a new file replaces his earlier preview (a new row, a new id), so the ✅ under the earlier
// preview finds nothing and cannot apply the later file's rows.
import type { Db, Tx } from "./client.ts";
import { recordUpdate } from "./audit.ts";

export type PendingDecision<R> =
  { status: "gone" } | { status: "notYours" } | { status: "cancelled" } | ({ status: "applied" } & R);

export interface PendingKey {
  chatId: bigint;
  userId: bigint;
  kind: string;
}

/** Keeps `payload` for the sender's decision until `expiresAt`; the pending row's id (for the buttons). */
export async function stageUpload(db: Db, key: PendingKey, payload: unknown, now: Date, expiresAt: Date) {
  const pending = await db.$transaction(async (tx) => {
    await tx.pendingInput.deleteMany({ where: key });
    return tx.pendingInput.create({
      data: {
        ...key,
        payload: JSON.stringify(payload, (_k, x) => (typeof x === "bigint" ? x.toString() : x)),
        expiresAt,
        createdAt: now,
      },
    });
  });
  return pending.id;
}

/** ✅ (apply) or ✖ on a preview of `kind`: only its sender decides; `write` runs in the same transaction. */
export async function decideUpload<P, R extends object>(
  db: Db,
  input: { pendingId: number; kind: string; userId: bigint; apply: boolean; now: Date; updateId?: bigint },
  write: (tx: Tx, payload: P) => Promise<R>,
): Promise<PendingDecision<R>> {
  return db.$transaction(
    async (tx): Promise<PendingDecision<R>> => {
      const pending = await tx.pendingInput.findUnique({ where: { id: input.pendingId } });
      if (!pending || pending.kind !== input.kind || pending.expiresAt <= input.now) return { status: "gone" };
      if (pending.userId !== input.userId) return { status: "notYours" };
      await recordUpdate(tx, input.updateId);
      await tx.pendingInput.delete({ where: { id: pending.id } });
      if (!input.apply) return { status: "cancelled" };
      return { status: "applied", ...(await write(tx, JSON.parse(pending.payload) as P)) };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}
