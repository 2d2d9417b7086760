// The people /vangmat and /phutrach name: an active official by number or name, and whether he works in a unit.
import type { Db, Tx } from "../../platform/db/client.ts";
import { foldVietnamese, matchByName } from "../../domain/text.ts";
import { refusalsOf } from "../refusals.ts";

const absenceError = refusalsOf("absence");

export type OfficialRow = { id: number; fullName: string; unitId: number | null; active: boolean };

/** An active official by «mã» (his number) or name; among namesakes, the one in `preferUnit`. */
export async function findOfficial(tx: Db | Tx, query: string, preferUnit: number | null = null): Promise<OfficialRow> {
  const select = { id: true, fullName: true, unitId: true, active: true };
  const code = /^#?(\d{1,9})$/u.exec(query.trim());
  if (code) {
    const o = await tx.official.findUnique({ where: { id: Number(code[1]) }, select });
    if (!o?.active) throw absenceError("unknownPerson", query);
    return o;
  }
  const key = foldVietnamese(query);
  if (!key) throw absenceError("unknownPerson", query);
  // the stored folded name narrows the look-up; matchByName decides as everywhere else
  const rows = await tx.official.findMany({ where: { active: true, nameKey: { contains: key } }, select });
  const m = matchByName(query, rows, (o) => [o.fullName]);
  if (m.kind === "one") return m.item;
  if (m.kind === "many") {
    const here = m.candidates.filter((o) => preferUnit !== null && o.unitId === preferUnit);
    if (here.length === 1) return here[0]!;
    throw absenceError(
      "ambiguousPerson",
      query,
      m.candidates.map((o) => o.fullName),
    );
  }
  throw absenceError("unknownPerson", query);
}

/** Works in the unit: his own unit, or a role, a programme or a deputyship there. */
export async function worksIn(tx: Db | Tx, o: OfficialRow, unitId: number, now: Date): Promise<boolean> {
  if (o.unitId === unitId) return true;
  const inForce = { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] };
  const where = { officialId: o.id, unitId, ...inForce };
  return (
    (await tx.roleAssignment.count({ where })) > 0 ||
    (await tx.responsibility.count({ where })) > 0 ||
    (await tx.deputy.count({ where })) > 0
  );
}
