// R3: a recorded reallocation moves capital between two units' plans. The plan rows hold the current amounts
// (so /status, the pace check and exports need no change); every move is kept as two PlanChange rows (before,
// after, the decision) — the plan's history.
import type { CapitalKind, CapitalSource, Tx } from "../../platform/db/client.ts";
import type { Programme, Unit } from "./lookup.ts";
import { refuse } from "./refusals.ts";

export interface PlanMove {
  decisionId: number;
  decisionNo: string;
  year: number;
  programme: Programme;
  from: Unit;
  to: Unit;
  source: CapitalSource;
  kind: CapitalKind;
  amountVnd: bigint;
  effectiveOn: string;
}

export interface PlanMoveResult {
  fromBeforeVnd: bigint;
  fromAfterVnd: bigint;
  toBeforeVnd: bigint;
  toAfterVnd: bigint;
}

/** Takes `amountVnd` off the giving unit's plan part and adds it to the receiving unit's (created if absent). */
export async function movePlan(tx: Tx, m: PlanMove, now: Date): Promise<PlanMoveResult> {
  const part = (unitId: number) => ({
    unitId_programmeId_year_source_kind: {
      unitId,
      programmeId: m.programme.id,
      year: m.year,
      source: m.source,
      kind: m.kind,
    },
  });
  const from = await tx.capitalPlan.findUnique({ where: part(m.from.id) });
  if (!from) return refuse("noPlan", { programmeCode: m.programme.code, unitName: m.from.name, year: m.year });
  if (m.amountVnd > from.amountVnd) {
    return refuse("overPlan", { amountVnd: m.amountVnd, planVnd: from.amountVnd, marginPercent: 0 });
  }
  const to = await tx.capitalPlan.findUnique({ where: part(m.to.id) });
  const fromAfter = await tx.capitalPlan.update({
    where: { id: from.id },
    data: { amountVnd: from.amountVnd - m.amountVnd },
  });
  const toAfter = to
    ? await tx.capitalPlan.update({ where: { id: to.id }, data: { amountVnd: to.amountVnd + m.amountVnd } })
    : await tx.capitalPlan.create({
        data: {
          unitId: m.to.id,
          programmeId: m.programme.id,
          year: m.year,
          source: m.source,
          kind: m.kind,
          amountVnd: m.amountVnd,
          decisionNo: m.decisionNo,
          decisionDate: m.effectiveOn,
        },
      });
  const toBefore = to?.amountVnd ?? 0n;
  await tx.planChange.createMany({
    data: [
      { planId: from.id, beforeVnd: from.amountVnd, afterVnd: fromAfter.amountVnd, deltaVnd: -m.amountVnd },
      { planId: toAfter.id, beforeVnd: toBefore, afterVnd: toAfter.amountVnd, deltaVnd: m.amountVnd },
    ].map((c) => ({ ...c, decisionId: m.decisionId, effectiveOn: m.effectiveOn, createdAt: now })),
  });
  // the unit totals (all parts) the announcement quotes
  const total = async (unitId: number) =>
    (
      await tx.capitalPlan.aggregate({
        where: { unitId, programmeId: m.programme.id, year: m.year },
        _sum: { amountVnd: true },
      })
    )._sum.amountVnd ?? 0n;
  const fromTotal = await total(m.from.id);
  const toTotal = await total(m.to.id);
  return {
    fromBeforeVnd: fromTotal + m.amountVnd,
    fromAfterVnd: fromTotal,
    toBeforeVnd: toTotal - m.amountVnd,
    toAfterVnd: toTotal,
  };
}
