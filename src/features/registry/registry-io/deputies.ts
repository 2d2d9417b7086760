// The «Phó Chủ tịch phụ trách chương trình» column of the officials' table (#19): the unit × programme pairs an
// official is the deputy of (`Deputy`, the default stand-in when the unit's officials are away), read, checked,
// applied and written as /phutrach does it — one deputy per unit × programme, the previous one's row closed
// (history by validTo), audited `deputy.set` / `deputy.remove` with the same entity and id.
import type { Db, Tx } from "../../../platform/db/client.ts";
import { audit } from "../../../platform/db/audit.ts";
import { list, splitScope } from "./cells.ts";
import { OFFICIAL_COLUMNS } from "./labels.ts";
import type { NamedRef, OfficialPlan } from "./rows.ts";

type Pair = { unitCode: string; programmeCode: string };
const key = (p: { unitCode: string; programmeCode: string }) => `${p.unitCode}:${p.programmeCode}`;

/** Rows in force at `now` (validFrom/validTo), as /phutrach and the stand-ins read them. */
const inForce = (now: Date) => ({ validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] });

/**
 * The checks of the column over a whole file: each cell's pairs («NTM; DTTS (BAC_TRA_MY)», the official's unit
 * unless one is named), a pair named by two rows, and — for a pair the official does not hold yet — that he is
 * active and works in the unit (his unit, or a role, a programme or a deputyship there, after the row), as
 * /phutrach asks. Pairs he holds already are not checked again, so that export → import changes nothing.
 */
export async function deputyRules(db: Db | Tx, now: Date) {
  // one after the other: `db` may be a transaction (a file applied from the bot), which runs one query at a time
  const units = await db.unit.findMany({ select: { id: true, code: true } });
  const programmes = await db.programme.findMany({ select: { id: true, code: true } });
  const deputies = await db.deputy.findMany({
    where: inForce(now),
    select: { officialId: true, unitId: true, programmeId: true },
  });
  const roles = await db.roleAssignment.findMany({ where: inForce(now), select: { officialId: true, unitId: true } });
  const responsibilities = await db.responsibility.findMany({
    where: inForce(now),
    select: { officialId: true, unitId: true },
  });
  const unitCode = (id: number | null) => units.find((u) => u.id === id)?.code ?? null;
  const programmeCode = (id: number) => programmes.find((p) => p.id === id)?.code ?? "";
  const seen = new Map<string, number>();

  return function check(
    row: {
      rowNo: number;
      cell: string;
      /** the official's unit after the row (null: none) */
      unitCode: string | null;
      unitUnknown: boolean;
      roles: OfficialPlan["roles"];
      responsibilities: OfficialPlan["responsibilities"];
      /** the official the row is, or undefined for a new one */
      target: { id: number; active: boolean } | undefined;
      active: boolean | undefined;
      units: NamedRef[];
      /** the file's units and programmes by code or name (resolveRef, their names folded once a file) */
      unitRef: (query: string) => NamedRef | string;
      programmeRef: (query: string) => NamedRef | string;
    },
    problems: string[],
  ): Pair[] {
    const out: Pair[] = [];
    const id = row.target?.id;
    const held = new Set(
      deputies
        .filter((d) => d.officialId === id)
        .map((d) => key({ unitCode: unitCode(d.unitId) ?? "", programmeCode: programmeCode(d.programmeId) })),
    );
    const worksIn = (code: string) =>
      row.unitCode === code ||
      (row.roles ?? roles.filter((r) => r.officialId === id).map((r) => ({ unitCode: unitCode(r.unitId) }))).some(
        (r) => r.unitCode === code,
      ) ||
      (
        row.responsibilities ??
        responsibilities.filter((r) => r.officialId === id).map((r) => ({ unitCode: unitCode(r.unitId) }))
      ).some((r) => r.unitCode === code) ||
      deputies.some((d) => d.officialId === id && unitCode(d.unitId) === code);
    const active = row.active ?? row.target?.active ?? true;
    const column = OFFICIAL_COLUMNS.deputies;
    const unitName = (code: string) => row.units.find((u) => u.code === code)?.name ?? code;
    for (const item of list(row.cell)) {
      const { value, scope } = splitScope(item);
      const p = row.programmeRef(value);
      if (typeof p === "string") {
        problems.push(`${column}: ${p}`);
        continue;
      }
      let uc = row.unitCode;
      if (scope !== undefined) {
        const u = row.unitRef(scope);
        if (typeof u === "string") {
          problems.push(`${column} ${p.code}: ${u}`);
          continue;
        }
        uc = u.code;
      }
      if (uc === null) {
        if (!row.unitUnknown) problems.push(`${column} ${p.code}: cần ghi đơn vị, ví dụ «${p.code} (NAM_TRA_MY)»`);
        continue;
      }
      const pair = { unitCode: uc, programmeCode: p.code };
      const what = `${column} ${p.code} của ${unitName(uc)}`;
      const dup = seen.get(key(pair));
      if (dup !== undefined) {
        problems.push(`${what} đã ghi ở dòng ${dup} (mỗi đơn vị, mỗi chương trình một người)`);
        continue;
      }
      if (!held.has(key(pair))) {
        if (!active) {
          problems.push(`cán bộ ngừng hoạt động không thể là ${what}`);
          continue;
        }
        if (!worksIn(uc)) {
          problems.push(
            `cán bộ không thuộc ${unitName(uc)} (không có vai trò, chương trình phụ trách ở đó) nên không thể là ${what}`,
          );
          continue;
        }
      }
      // counted once accepted: a refused pair does not make a later row a duplicate
      seen.set(key(pair), row.rowNo);
      if (!out.some((x) => key(x) === key(pair))) out.push(pair);
    }
    return out;
  };
}

/**
 * Makes the deputies match the file: each official whose row has the column is the deputy of exactly the pairs
 * it names. A pair he gains replaces whoever held it (`deputy.set`); a pair he loses that no row of the file
 * gives to another ends (`deputy.remove`). Returns the actions written.
 */
export async function applyDeputies(
  tx: Tx,
  wanted: { officialId: number; pairs: { unitId: number; programmeId: number }[] }[],
  ctx: { now: Date; actorId?: number | null },
): Promise<string[]> {
  const actions: string[] = [];
  const k = (p: { unitId: number; programmeId: number }) => `${p.unitId}:${p.programmeId}`;
  const claimed = new Set(wanted.flatMap((w) => w.pairs.map(k)));
  const log = async (
    action: string,
    pair: { unitId: number; programmeId: number },
    before: unknown,
    after: unknown,
  ) => {
    await audit(tx, {
      at: ctx.now,
      actorId: ctx.actorId ?? null,
      action,
      entity: "Deputy",
      entityId: k(pair),
      before,
      after,
    });
    actions.push(action);
  };
  for (const w of wanted) {
    const mine = await tx.deputy.findMany({
      where: { officialId: w.officialId, ...inForce(ctx.now) },
      orderBy: { id: "asc" },
    });
    for (const d of mine) {
      if (w.pairs.some((p) => k(p) === k(d)) || claimed.has(k(d))) continue;
      await tx.deputy.update({ where: { id: d.id }, data: { validTo: ctx.now } });
      await log("deputy.remove", d, [d], null);
    }
    for (const pair of w.pairs) {
      if (mine.some((d) => k(d) === k(pair))) continue;
      const before = await tx.deputy.findMany({
        where: { unitId: pair.unitId, programmeId: pair.programmeId, ...inForce(ctx.now) },
        orderBy: { id: "asc" },
      });
      await tx.deputy.updateMany({ where: { id: { in: before.map((d) => d.id) } }, data: { validTo: ctx.now } });
      const after = await tx.deputy.create({
        data: { ...pair, officialId: w.officialId, validFrom: ctx.now, createdById: ctx.actorId ?? null },
      });
      await log("deputy.set", pair, before, after);
    }
  }
  return actions;
}

/** Each official's cell for the export: «NTM; DTTS (BAC_TRA_MY)» (his own unit's pairs without the unit). */
export async function deputyCells(db: Db, now: Date, officials: { id: number; unitId: number | null }[]) {
  const rows = await db.deputy.findMany({ where: inForce(now), orderBy: { id: "asc" } });
  const units = await db.unit.findMany({
    where: { id: { in: rows.map((r) => r.unitId) } },
    select: { id: true, code: true },
  });
  const programmes = await db.programme.findMany({ select: { id: true, code: true } });
  const byOfficial = new Map<number, typeof rows>();
  for (const r of rows) byOfficial.set(r.officialId, [...(byOfficial.get(r.officialId) ?? []), r]);
  const cells = new Map<number, string>();
  for (const o of officials) {
    const mine = byOfficial.get(o.id) ?? [];
    cells.set(
      o.id,
      mine
        .map((r) => {
          const code = programmes.find((p) => p.id === r.programmeId)?.code ?? "";
          return r.unitId === o.unitId ? code : `${code} (${units.find((u) => u.id === r.unitId)?.code ?? ""})`;
        })
        .join("; "),
    );
  }
  return cells;
}
