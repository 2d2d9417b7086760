// /phutrach (#19): the deputy (Phó Chủ tịch phụ trách) of a unit for a programme, the default stand-in of an
// official away (stand-ins.ts). Named, replaced («-» removes; the previous row is closed, history kept) and
// listed by the secretariat; every change audited (`deputy.set` / `deputy.remove`).
import type { Db } from "../../platform/db/client.ts";
import { foldVietnamese } from "../../domain/text.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { findActiveUnit, type Actor } from "../registry/registry.ts";
import { refusalsOf } from "../refusals.ts";
import { findOfficial, worksIn } from "./people.ts";

const absenceError = refusalsOf("absence");

export interface DeputyView {
  unitName: string;
  programmeCode: string;
  officialName: string | null;
  /** the deputy this one replaced, if any */
  previousName: string | null;
}

export function createDeputyService({ db }: { db: Db }) {
  /** The programme a word names (its code), or null. */
  async function programmeNamed(word: string) {
    const programmes = await db.programme.findMany({ orderBy: { sortOrder: "asc" } });
    return programmes.find((p) => foldVietnamese(p.code) === foldVietnamese(word)) ?? null;
  }

  /**
   * /phutrach <đơn vị> <chương trình> <tên|mã> names the deputy (the previous one's row is closed, history
   * kept); «-» in place of the name removes him. /phutrach [đơn vị] lists.
   */
  async function deputy(input: {
    args: string;
    actor: Actor;
    now: Date;
    updateId?: bigint;
  }): Promise<{ set: DeputyView } | { list: DeputyView[] }> {
    const words = input.args.trim().split(/\s+/u).filter(Boolean);
    let at = -1;
    for (let i = 1; i < words.length - 1 && at < 0; i++) if (await programmeNamed(words[i]!)) at = i;
    if (at < 0) return { list: await deputies(words.join(" "), input.now) };
    const unit = await findActiveUnit(db, words.slice(0, at).join(" "));
    const programme = (await programmeNamed(words[at]!))!;
    const who = words.slice(at + 1).join(" ");
    const removing = who === "-" || foldVietnamese(who) === "bo";
    return db.$transaction(async (tx) => {
      const official = removing ? null : await findOfficial(tx, who, unit.id);
      if (official && !(await worksIn(tx, official, unit.id, input.now)))
        throw absenceError("notInUnit", official.fullName, unit.name);
      await recordUpdate(tx, input.updateId);
      const before = await tx.deputy.findMany({
        where: {
          unitId: unit.id,
          programmeId: programme.id,
          validFrom: { lte: input.now },
          OR: [{ validTo: null }, { validTo: { gt: input.now } }],
        },
      });
      await tx.deputy.updateMany({
        where: { id: { in: before.map((d) => d.id) } },
        data: { validTo: input.now },
      });
      const after = official
        ? await tx.deputy.create({
            data: {
              unitId: unit.id,
              programmeId: programme.id,
              officialId: official.id,
              validFrom: input.now,
              createdById: input.actor.officialId,
            },
          })
        : null;
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: official ? "deputy.set" : "deputy.remove",
        entity: "Deputy",
        entityId: `${unit.id}:${programme.id}`,
        before,
        after,
      });
      const previous = before.at(-1);
      const previousName = previous
        ? ((await tx.official.findUnique({ where: { id: previous.officialId } }))?.fullName ?? null)
        : null;
      return {
        set: {
          unitName: unit.name,
          programmeCode: programme.code,
          officialName: official?.fullName ?? null,
          previousName,
        },
      };
    });
  }

  /** The deputies in force, of one unit or all, by unit then programme. */
  async function deputies(unitQuery: string, now: Date): Promise<DeputyView[]> {
    const unit = unitQuery ? await findActiveUnit(db, unitQuery) : null;
    const rows = await db.deputy.findMany({
      where: {
        ...(unit ? { unitId: unit.id } : {}),
        validFrom: { lte: now },
        OR: [{ validTo: null }, { validTo: { gt: now } }],
      },
      orderBy: { id: "asc" },
    });
    const units = await db.unit.findMany({ where: { id: { in: rows.map((r) => r.unitId) } } });
    const programmes = await db.programme.findMany();
    const people = await db.official.findMany({ where: { id: { in: rows.map((r) => r.officialId) } } });
    return rows
      .map((r) => ({
        unitName: units.find((u) => u.id === r.unitId)?.name ?? "",
        programmeCode: programmes.find((p) => p.id === r.programmeId)?.code ?? "",
        sort: programmes.find((p) => p.id === r.programmeId)?.sortOrder ?? 0,
        officialName: people.find((p) => p.id === r.officialId)?.fullName ?? "",
        previousName: null,
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, "vi") || a.sort - b.sort)
      .map(({ sort: _sort, ...v }) => v);
  }

  return { deputy };
}

export type DeputyService = ReturnType<typeof createDeputyService>;
