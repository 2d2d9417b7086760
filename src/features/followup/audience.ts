// Who hears a follow-up notice (meetings, written requests, digests): a unit's groups, role holders in
// private (only those who opened a private chat and are still reachable), the secretariat chats. And the
// Reminder rows that make each notice fire once: a notice is written only with the key it claims.
// A role holder away today is replaced by his stand-in (#19, src/features/absence/stand-ins.ts): the
// `onBehalf` of what is returned says so, and the sender puts it above the text (withBehalf).
import type { Role, Tx } from "../../platform/db/client.ts";
import { standInsOn, type OnBehalf, type Person } from "../absence/stand-ins.ts";

export interface Reachable {
  /** the holder of the role (the key of what is meant for him), whoever receives it */
  officialId: number;
  chatId: bigint;
  language: string;
  unitId: number | null;
  /** the holder is away: his stand-in receives it, on his behalf */
  onBehalf: OnBehalf | null;
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
 * in private — or their stand-ins, for those away today (for a message about `programmeId`, when it is
 * about one: that programme's deputy stands in first). One row per (official, unit) assignment.
 */
export async function reachableRoleHolders(
  tx: Tx,
  roles: Role[],
  unitIds: number[] | undefined,
  now: Date,
  programmeId: number | null = null,
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
  return (await reachableHolders(tx, now, rows, () => programmeId)).map(({ to }) => to);
}

/**
 * Each holder of these rows (role assignments, responsibilities) reachable in private, or his stand-in when he
 * is away today (for a message about `programmeOf(row)`: that programme's deputy stands in first); a row
 * whose recipient cannot be written to is left out.
 */
export async function reachableHolders<R extends { official: Person & { id: number }; unitId: number | null }>(
  tx: Tx,
  now: Date,
  rows: R[],
  programmeOf: (row: R) => number | null,
): Promise<{ row: R; to: Reachable }[]> {
  const unreachable = await unreachablePrivateChats(tx);
  const standIns = await standInsOn(
    tx,
    now,
    rows.flatMap((r) => (r.unitId === null ? [] : [r.unitId])),
  );
  const out: { row: R; to: Reachable }[] = [];
  for (const row of rows) {
    const to = standIns.recipientOf(row.official.id, row.official, {
      unitId: row.unitId,
      programmeId: programmeOf(row),
    });
    const chatId = reachablePrivateChat(to.person, unreachable);
    if (chatId)
      out.push({
        row,
        to: {
          officialId: row.official.id,
          chatId,
          language: to.person.language,
          unitId: row.unitId,
          onBehalf: to.onBehalf,
        },
      });
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
