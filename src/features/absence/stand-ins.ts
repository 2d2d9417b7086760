// The one door every message to a person goes through (#19 absence): who receives today what is meant for an
// official — himself, or his stand-in while he is away — decided by src/domain/absence.ts over the rows read
// here. Reminders, escalations, the pace ladder, the follow-up notices and the digests all ask `recipientOf`
// at the step where they pick a private chat, and put `onBehalf` (rendered by the catalogue's
// absence.onBehalf) above the text, so the stand-in knows for whom he acts.
// Cost: one indexed read of the day's absences; the deputies, chairmen and officials only when someone is away.
import type { Db, Tx } from "../../platform/db/client.ts";
import { localDate } from "../../domain/dates.ts";
import { recipientOn, type Absence, type Subject } from "../../domain/absence.ts";
import type { Catalogue } from "../../i18n/index.ts";

export type { Subject };

/** What a sender needs of a person to reach him in private and in his language. */
export interface Person {
  fullName: string;
  telegramUserId: bigint | null;
  privateChatAt: Date | null;
  active: boolean;
  language: string;
}

/** Said above a message a stand-in receives: whose it was, until when, why. */
export interface OnBehalf {
  holderName: string;
  standInName: string;
  /** "YYYY-MM-DD": the absence's last day */
  until: string;
  reason: string;
}

export interface Delivery<P extends Person> {
  officialId: number;
  person: P | Person;
  onBehalf: OnBehalf | null;
}

export interface StandIns {
  /** Who receives what is meant for `holderId` (whose row the caller has, `holder`) about `subject`. */
  recipientOf<P extends Person>(holderId: number, holder: P, subject: Subject): Delivery<P>;
}

const NOBODY_AWAY: StandIns = {
  recipientOf: (holderId, holder) => ({ officialId: holderId, person: holder, onBehalf: null }),
};

/** A validFrom/validTo row in force at `now`. */
const inForceAt = (now: Date) => ({ validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] });

/**
 * The stand-ins of the day of `now`, for messages about `unitIds` (their deputies and chairmen are read; the
 * units of those away are added). Read before or inside the transaction that writes the messages.
 */
export async function standInsOn(db: Db | Tx, now: Date, unitIds: Iterable<number>): Promise<StandIns> {
  const day = localDate(now);
  const rows = await db.absence.findMany({
    where: { cancelledAt: null, toDate: { gte: day }, fromDate: { lte: day } },
    orderBy: { id: "asc" },
  });
  if (rows.length === 0) return NOBODY_AWAY;
  const absences: Absence[] = rows.map((a) => ({
    id: a.id,
    officialId: a.officialId,
    from: a.fromDate,
    to: a.toDate,
    standInId: a.standInId,
    reason: a.reason,
  }));
  const awayIds = [...new Set(absences.map((a) => a.officialId))];
  const awayUnits = await db.official.findMany({ where: { id: { in: awayIds } }, select: { unitId: true } });
  const units = [...new Set([...unitIds, ...awayUnits.map((o) => o.unitId).filter((u): u is number => u !== null)])];
  // a whole province's check (thousands of units): every row in force, not a list too long for one statement
  const ofUnits = units.length <= 500 ? { unitId: { in: units } } : {};
  const deputies = await db.deputy.findMany({
    where: { ...ofUnits, ...inForceAt(now) },
    orderBy: { id: "asc" },
  });
  const chairmen = await db.roleAssignment.findMany({
    where: { role: "CHAIRMAN", ...ofUnits, ...inForceAt(now) },
    orderBy: { id: "asc" },
  });
  const ids = new Set([
    ...awayIds,
    ...absences.flatMap((a) => (a.standInId === null ? [] : [a.standInId])),
    ...deputies.map((d) => d.officialId),
    ...chairmen.map((c) => c.officialId),
  ]);
  const people = new Map(
    (
      await db.official.findMany({
        where: { id: { in: [...ids] } },
        select: {
          id: true,
          unitId: true,
          fullName: true,
          telegramUserId: true,
          privateChatAt: true,
          active: true,
          language: true,
        },
      })
    ).map((o) => [o.id, o]),
  );
  const world = {
    absences,
    deputyOf(unitId: number, programmeId: number | null) {
      const of = deputies.filter((d) => d.unitId === unitId && (programmeId === null || d.programmeId === programmeId));
      const distinct = [...new Set(of.map((d) => d.officialId))];
      // no programme named: the unit's deputy only when it has one; otherwise the chairman decides
      return programmeId !== null ? (of.at(-1)?.officialId ?? null) : distinct.length === 1 ? distinct[0]! : null;
    },
    chairmenOf: (unitId: number) => chairmen.filter((c) => c.unitId === unitId).map((c) => c.officialId),
    unitOf: (id: number) => people.get(id)?.unitId ?? null,
    canStandIn: (id: number) => people.get(id)?.active === true,
  };
  return {
    recipientOf(holderId, holder, subject) {
      const r = recipientOn(holderId, day, subject, world);
      const standIn = r.absence ? people.get(r.officialId) : undefined;
      if (!r.absence || !standIn) return { officialId: holderId, person: holder, onBehalf: null };
      return {
        officialId: r.officialId,
        person: standIn,
        onBehalf: {
          holderName: holder.fullName,
          standInName: standIn.fullName,
          until: r.absence.to,
          reason: r.absence.reason,
        },
      };
    },
  };
}

/** The text a stand-in reads: whose message it is above it; the text itself for the holder. */
export function withBehalf(t: Pick<Catalogue, "absence">, onBehalf: OnBehalf | null, text: string): string {
  return onBehalf ? `${t.absence.onBehalf(onBehalf)}\n${text}` : text;
}

/**
 * True when `officialId` stands in today for one of `holderIds` on `subject`: a stand-in may do what the holder
 * could — report a task done, attach its evidence, ask for more time, report the programme's figures.
 */
export async function standsInFor(
  db: Db | Tx,
  officialId: number,
  holderIds: readonly number[],
  subject: { unitId: number; programmeId: number | null },
  now: Date,
): Promise<boolean> {
  if (holderIds.length === 0) return false;
  const standIns = await standInsOn(db, now, [subject.unitId]);
  const anyone: Person = { fullName: "", telegramUserId: null, privateChatAt: null, active: true, language: "vi" };
  return holderIds.some((id) => {
    const r = standIns.recipientOf(id, anyone, subject);
    return r.onBehalf !== null && r.officialId === officialId;
  });
}

/**
 * The private chat the bot may write to for what is meant for `officialId` about `subject` today: his, or his
 * stand-in's while he is away (with for whom); null when nobody there can be reached.
 */
export async function privateChatOf(
  tx: Db | Tx,
  officialId: number | null,
  subject: Subject,
  now: Date,
): Promise<{ chatId: bigint; language: string; name: string; onBehalf: OnBehalf | null } | null> {
  if (officialId === null) return null;
  const holder = await tx.official.findUnique({ where: { id: officialId } });
  if (!holder) return null;
  const units = subject.unitId === null ? [] : [subject.unitId];
  const to = (await standInsOn(tx, now, units)).recipientOf(holder.id, holder, subject);
  const o = to.person;
  if (!o.active || !o.telegramUserId || !o.privateChatAt) return null;
  const chat = await tx.chat.findUnique({ where: { telegramChatId: o.telegramUserId } });
  if (chat && chat.status !== "ACTIVE") return null;
  return { chatId: o.telegramUserId, language: o.language, name: o.fullName, onBehalf: to.onBehalf };
}
