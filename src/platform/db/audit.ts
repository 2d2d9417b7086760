// The append-only audit log: every change records who, when, what, before and after.
import type { Tx } from "../db/client.ts";
import { DuplicateUpdate } from "../errors.ts";

export interface AuditEntry {
  at: Date;
  actorId?: number | null;
  actorTelegramId?: bigint | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) =>
  v === undefined ? "" : JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));

export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      at: e.at,
      actorId: e.actorId ?? null,
      actorTelegramId: e.actorTelegramId ?? null,
      action: e.action,
      entity: e.entity,
      entityId: String(e.entityId),
      before: json(e.before),
      after: json(e.after),
    },
  });
}

/** Records the Telegram update in the transaction of its effect; a second delivery fails the transaction. */
export async function recordUpdate(tx: Tx, updateId: bigint | undefined): Promise<void> {
  if (updateId === undefined) return;
  if (await tx.processedUpdate.findUnique({ where: { updateId } })) throw new DuplicateUpdate(updateId);
  // a concurrent twin that gets here too fails on the primary key (see isDuplicateUpdateRace)
  await tx.processedUpdate.create({ data: { updateId } });
}
