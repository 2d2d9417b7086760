// Per-year disbursement milestones: replacing the set of one scope (year × unit? × programme?).
import type { Db } from "../../platform/db/client.ts";
import { addDays, isValidDate } from "../../domain/dates.ts";
import { audit } from "../../platform/db/audit.ts";
import { refuse } from "./refusals.ts";
import type { MilestoneInput } from "./views.ts";

/**
 * Replaces the milestones of one scope (year × unit? × programme?; null = all) by `points`: real dates
 * in increasing order, targets 0..10000 bp never decreasing. An empty list removes the scope's own set.
 */
export async function setMilestones(
  db: Db,
  input: {
    year: number;
    unitId: number | null;
    programmeId: number | null;
    points: MilestoneInput[];
    actorId?: number | null;
    now: Date;
  },
): Promise<number> {
  const pts = [...input.points].sort((a, b) => a.date.localeCompare(b.date));
  pts.forEach((p, i) => {
    const prev = pts[i - 1];
    const bad =
      !isValidDate(p.date) ||
      !Number.isInteger(p.targetBp) ||
      p.targetBp < 0 ||
      p.targetBp > 10000 ||
      p.date < `${input.year}-01-01` ||
      p.date > addDays(`${input.year + 1}-01-01`, 30) ||
      (prev !== undefined && (prev.date === p.date || prev.targetBp > p.targetBp));
    if (bad) refuse("milestones");
  });
  const scope = { year: input.year, unitId: input.unitId, programmeId: input.programmeId };
  return db.$transaction(async (tx) => {
    const before = await tx.milestone.findMany({ where: scope, orderBy: { dueDate: "asc" } });
    await tx.milestone.deleteMany({ where: scope });
    if (pts.length) {
      await tx.milestone.createMany({
        data: pts.map((p) => ({ ...scope, dueDate: p.date, targetBp: p.targetBp, label: p.label ?? "" })),
      });
    }
    await audit(tx, {
      at: input.now,
      actorId: input.actorId ?? null,
      action: "milestone.set",
      entity: "Milestone",
      entityId: `${input.year}:${input.unitId ?? "*"}:${input.programmeId ?? "*"}`,
      before: before.map((m) => ({ date: m.dueDate, targetBp: m.targetBp })),
      after: pts.map((p) => ({ date: p.date, targetBp: p.targetBp })),
    });
    return pts.length;
  });
}
