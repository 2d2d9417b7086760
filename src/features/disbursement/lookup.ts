// Finding what a disbursement command is about: programmes and units by name, the target unit, the
// actor's right to report for it, and the plan an amount must fit in.
import type { Db, Tx } from "../../platform/db/client.ts";
import { matchByName } from "../../domain/text.ts";
import type { Actor } from "../registry/registry.ts";
import { refuse } from "./refusals.ts";
import type { CommandInput } from "./views.ts";
import { findActiveUnit } from "../registry/registry.ts";
import { standsInFor } from "../absence/stand-ins.ts";

export interface Programme {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

export interface Unit {
  id: number;
  name: string;
}

const isSecretariat = (a: Actor) => a.roles.some((r) => r.role === "SECRETARIAT");

const programmeKeys = (p: Programme) => [p.code, p.name, p.nameEn];

export function createLookup(db: Db) {
  async function programmes(): Promise<Programme[]> {
    return db.programme.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  }

  function matchProgramme(all: Programme[], query: string): Programme | null {
    const m = matchByName(query, all, programmeKeys);
    return m.kind === "one" ? m.item : null;
  }

  async function findProgramme(query: string): Promise<Programme> {
    const m = matchByName(query, await programmes(), programmeKeys);
    if (m.kind === "one") return m.item;
    if (m.kind === "many") return refuse("programmeAmbiguous", { query, names: m.candidates.map((p) => p.code) });
    return refuse("programmeNotFound", { query });
  }

  const findUnit = (query: string): Promise<Unit> => findActiveUnit(db, query);

  /** "<unit words> <programme words>": the shortest programme suffix that names one programme, and the unit before it.
   * */
  async function unitAndProgramme(head: string[]): Promise<{ unit: Unit; programme: Programme }> {
    if (head.length < 2) return refuse("unitRequired");
    const all = await programmes();
    for (let n = 1; n < head.length; n++) {
      const programme = matchProgramme(all, head.slice(head.length - n).join(" "));
      if (programme) return { unit: await findUnit(head.slice(0, head.length - n).join(" ")), programme };
    }
    return findProgramme(head[head.length - 1] ?? "").then(() => refuse("unitRequired"));
  }

  /** The unit a command is about and its programme: named by the secretariat, else the group's or the actor's unit. */
  async function target(input: CommandInput, head: string[]): Promise<{ unit: Unit; programme: Programme }> {
    if (isSecretariat(input.actor) && input.chatUnitId === null) return unitAndProgramme(head);
    const unitId =
      input.chatUnitId ??
      input.actor.roles.find((r) => (r.role === "CHAIRMAN" || r.role === "RESPONSIBLE") && r.unitId !== null)?.unitId ??
      input.actor.unitId;
    if (!unitId) return refuse("unitRequired");
    const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { id: true, name: true } });
    return { unit, programme: await findProgramme(head.join(" ")) };
  }

  async function mayReport(tx: Tx, actor: Actor, unit: Unit, programme: Programme, now: Date): Promise<void> {
    if (actor.roles.some((r) => r.role === "SECRETARIAT" || (r.role === "CHAIRMAN" && r.unitId === unit.id))) return;
    const resp = await tx.responsibility.findFirst({
      where: {
        officialId: actor.officialId,
        unitId: unit.id,
        programmeId: programme.id,
        validFrom: { lte: now },
        OR: [{ validTo: null }, { validTo: { gt: now } }],
      },
    });
    if (!resp && !(await standsInForResponsible(tx, actor, unit, programme, now)))
      refuse("notResponsible", { unitName: unit.name, programmeCode: programme.code });
  }

  /** The programme a /status argument names, or null (then it names a unit). */
  async function programmeNamed(query: string): Promise<Programme | null> {
    return matchProgramme(await programmes(), query);
  }

  /** The unit's whole plan for the programme and year; refuses when there is none or the amount exceeds it. */
  async function planWithin(
    tx: Tx,
    unit: Unit,
    programme: Programme,
    year: number,
    amountVnd: bigint,
  ): Promise<bigint> {
    const plan = await tx.capitalPlan.aggregate({
      where: { unitId: unit.id, programmeId: programme.id, year },
      _sum: { amountVnd: true },
    });
    const planVnd = plan._sum.amountVnd ?? 0n;
    if (planVnd <= 0n) return refuse("noPlan", { programmeCode: programme.code, unitName: unit.name, year });
    if (amountVnd > planVnd) return refuse("overPlan", { amountVnd, planVnd, marginPercent: 0 });
    return planVnd;
  }

  return { programmes, matchProgramme, findProgramme, findUnit, target, mayReport, programmeNamed, planWithin };
}

export type Lookup = ReturnType<typeof createLookup>;

/** The actor stands in today for one of the officials responsible for the unit's programme (#19 absence). */
async function standsInForResponsible(tx: Tx, actor: Actor, unit: Unit, programme: Programme, now: Date) {
  const holders = await tx.responsibility.findMany({
    where: {
      unitId: unit.id,
      programmeId: programme.id,
      validFrom: { lte: now },
      OR: [{ validTo: null }, { validTo: { gt: now } }],
    },
    select: { officialId: true },
  });
  const subject = { unitId: unit.id, programmeId: programme.id };
  return standsInFor(
    tx,
    actor.officialId,
    holders.map((h) => h.officialId),
    subject,
    now,
  );
}

/** What the command modules need: the database and the lookups over it. */
export interface Deps {
  db: Db;
  lookup: Lookup;
}
