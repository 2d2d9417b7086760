// /report: recording a cumulative disbursement figure after checking the plan, the last report and the actor.
import { localDate } from "../../domain/dates.ts";
import { currentDisbursed, reportingYear, type ReportPoint } from "../../domain/disbursed.ts";
import { rateBp } from "../../domain/money.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { argWords, checkAmount, splitAmount, splitQualifiers } from "./arguments.ts";
import type { Deps } from "./lookup.ts";
import { refuse } from "./refusals.ts";
import type { CommandInput, ReportView } from "./views.ts";

/** /report: records a cumulative disbursement figure after every check; returns the one-line answer's data. */
export async function recordReport(
  { db, lookup, overPlanMarginPercent }: Deps & { overPlanMarginPercent: number },
  input: CommandInput,
): Promise<ReportView> {
  const today = localDate(input.now);
  const words = argWords(input.args);
  if (words.length < 2) return refuse("usage");
  const { words: main, q } = splitQualifiers(words, today);
  const { head, amountText } = splitAmount(main);
  const amountVnd = checkAmount(amountText);
  const asOf = q.asOf ?? today;
  if (asOf > today) return refuse("futureDate");
  const year = reportingYear(asOf);
  const { unit, programme } = await lookup.target(input, head);

  return db.$transaction(async (tx) => {
    await recordUpdate(tx, input.updateId);
    await lookup.mayReport(tx, input.actor, unit, programme, input.now);
    const where = { unitId: unit.id, programmeId: programme.id, year };
    const plans = await tx.capitalPlan.findMany({ where, select: { source: true, kind: true, amountVnd: true } });
    if (plans.length === 0) return refuse("noPlan", { programmeCode: programme.code, unitName: unit.name, year });
    const planVnd = plans.reduce((s, p) => s + p.amountVnd, 0n);
    const slotPlan = plans
      .filter((p) => (q.source === null || p.source === q.source) && (q.kind === null || p.kind === q.kind))
      .reduce((s, p) => s + p.amountVnd, 0n);
    if (slotPlan <= 0n) return refuse("noPlan", { programmeCode: programme.code, unitName: unit.name, year });
    if (amountVnd * 100n > slotPlan * BigInt(100 + overPlanMarginPercent)) {
      return refuse("overPlan", { amountVnd, planVnd: slotPlan, marginPercent: overPlanMarginPercent });
    }
    const rows = await tx.disbursementReport.findMany({ where, orderBy: { id: "asc" } });
    const points: ReportPoint[] = rows.map((r) => ({
      source: r.source,
      kind: r.kind,
      cumulativeVnd: r.cumulativeVnd,
      seq: r.id,
    }));
    const whole = q.source === null && q.kind === null;
    const sameSlot = rows.filter((r) => r.source === q.source && r.kind === q.kind);
    const lastVnd = whole
      ? rows.length
        ? currentDisbursed(points)
        : null
      : (sameSlot[sameSlot.length - 1]?.cumulativeVnd ?? null);
    if (lastVnd !== null && amountVnd < lastVnd && !q.correction) return refuse("belowLast", { amountVnd, lastVnd });

    const created = await tx.disbursementReport.create({
      data: {
        ...where,
        source: q.source,
        kind: q.kind,
        cumulativeVnd: amountVnd,
        asOf,
        reportedById: input.actor.officialId,
        isCorrection: q.correction,
        createdAt: input.now,
      },
    });
    await audit(tx, {
      at: input.now,
      actorId: input.actor.officialId,
      action: q.correction ? "disbursement.correct" : "disbursement.report",
      entity: "DisbursementReport",
      entityId: created.id,
      before: lastVnd === null ? undefined : { cumulativeVnd: lastVnd },
      after: created,
    });
    const before = rows.length ? rateBp(currentDisbursed(points), planVnd) : null;
    const after = rateBp(
      currentDisbursed([...points, { source: q.source, kind: q.kind, cumulativeVnd: amountVnd, seq: created.id }]),
      planVnd,
    );
    return {
      unitName: unit.name,
      programmeCode: programme.code,
      amountVnd,
      source: q.source,
      kind: q.kind,
      asOf,
      correction: q.correction,
      planVnd,
      rateBp: after,
      deltaBp: before === null || after === null ? null : after - before,
    };
  });
}
