// Who hears a follow-up notice (meetings, written requests, digests): a unit's groups, role holders in
// private (only those who opened a private chat and are still reachable), the secretariat chats. And the
// Reminder rows that make each notice fire once: a notice is written only with the key it claims.
import type { Role, Tx } from "../../platform/db/client.ts";

export interface Reachable {
  officialId: number;
  chatId: bigint;
  language: string;
  unitId: number | null;
}

export async function unitGroups(tx: Tx, unitIds: number[]) {
  return tx.chat.findMany({
    where: { unitId: { in: unitIds }, status: "ACTIVE", kind: { in: ["GROUP", "SUPERGROUP"] } },
    orderBy: { id: "asc" },
  });
}

export async function secretariatChats(tx: Tx) {
  return tx.chat.findMany({ where: { isSecretariat: true, status: "ACTIVE" }, orderBy: { id: "asc" } });
}

/** A role or responsibility in force at `now`, held by an active official (a `where` fragment). */
export const inForce = (now: Date) => ({
  validFrom: { lte: now },
  OR: [{ validTo: null }, { validTo: { gt: now } }],
  official: { active: true },
});

/**
 * Holders of `roles` for these units (unitIds undefined: any unit, also province-wide roles), reachable
 * in private. One row per (official, unit) assignment.
 */
export async function reachableRoleHolders(
  tx: Tx,
  roles: Role[],
  unitIds: number[] | undefined,
  now: Date,
): Promise<Reachable[]> {
  const rows = await tx.roleAssignment.findMany({
    where: {
      role: { in: roles },
      ...(unitIds ? { unitId: { in: unitIds } } : {}),
      ...inForce(now),
    },
    include: { official: true },
    orderBy: { id: "asc" },
  });
  const unreachable = await unreachablePrivateChats(tx);
  const out: Reachable[] = [];
  for (const r of rows) {
    const o = r.official;
    const chatId = reachablePrivateChat(o, unreachable);
    if (chatId) out.push({ officialId: o.id, chatId, language: o.language, unitId: r.unitId });
  }
  return out;
}

/** Private chats (their id is the official's Telegram id) that are blocked or gone: one query for a whole batch. */
export async function unreachablePrivateChats(tx: Tx): Promise<Set<bigint>> {
  const rows = await tx.chat.findMany({
    where: { kind: "PRIVATE", status: { not: "ACTIVE" } },
    select: { telegramChatId: true },
  });
  return new Set(rows.map((c) => c.telegramChatId));
}

/** The official's private chat, when he is active, has opened one and it is not among `unreachable`. */
export function reachablePrivateChat(
  o: { telegramUserId: bigint | null; privateChatAt: Date | null; active: boolean },
  unreachable: ReadonlySet<bigint>,
): bigint | null {
  return o.active && o.telegramUserId && o.privateChatAt && !unreachable.has(o.telegramUserId)
    ? o.telegramUserId
    : null;
}

/** Creates the Reminder rows of the keys not yet taken; returns key → reminder id of those just taken. */
export async function claimKeys(tx: Tx, keys: string[], rung: string, now: Date): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const taken = new Set(
    (await tx.reminder.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((r) => r.key),
  );
  const fresh = [...new Set(keys)].filter((k) => !taken.has(k));
  if (fresh.length === 0) return new Map();
  await tx.reminder.createMany({ data: fresh.map((key) => ({ key, rung, createdAt: now })) });
  const rows = await tx.reminder.findMany({ where: { key: { in: fresh } }, select: { id: true, key: true } });
  return new Map(rows.map((r) => [r.key, r.id]));
}
