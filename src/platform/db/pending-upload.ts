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

/** Who sent a file, where and when: what every kind's staging is given. */
export interface StageInput {
  chatId: bigint;
  userId: bigint;
  actorId: number | null;
  actorName: string;
  fileName: string;
  now: Date;
}

/** A ✅ or ✖ under a preview: what every kind's decision is given. */
export interface DecideInput {
  pendingId: number;
  userId: bigint;
  apply: boolean;
  actorId: number | null;
  actorName: string;
  now: Date;
  updateId?: bigint;
}

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
  input: DecideInput & { kind: string },
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

/** How long a preview can be applied. */
export const UPLOAD_TTL_MS = 3600_000;

/** The staging and decision of one kind of file, for the sender of a StageInput or DecideInput. */
export function pendingUploads(db: Db, kind: string) {
  return {
    expiry: (now: Date) => new Date(now.getTime() + UPLOAD_TTL_MS),
    stage: (input: StageInput, payload: unknown, expiresAt: Date) =>
      stageUpload(db, { chatId: input.chatId, userId: input.userId, kind }, payload, input.now, expiresAt),
    decide: <P, R extends object>(input: DecideInput, write: (tx: Tx, payload: P) => Promise<R>) =>
      decideUpload(db, { ...input, kind }, write),
  };
}
