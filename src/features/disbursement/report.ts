// /report: recording a cumulative disbursement figure after checking the plan, the last report and the actor.
// A figure is of the part of the plan it names (vốn TW / ĐP, ĐTPT / SN, or the whole programme); its rate and
// the check against the last one are of that part (ADR 016).
import { localDate } from "../../domain/dates.ts";
import { cellsOf, figureOf, planOf, reportingYear, type ReportPoint } from "../../domain/disbursed.ts";
import { rateBp } from "../../domain/money-format.ts";
import type { Tx } from "../../platform/db/client.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { argWords, checkAmount, splitAmount, splitQualifiers, type Qualifiers } from "./arguments.ts";
import type { Deps, Programme, Unit } from "./lookup.ts";
import { refuse } from "./refusals.ts";
import type { CommandInput, ReportView } from "./views.ts";

interface ParsedReport {
  head: string[];
  amountVnd: bigint;
  q: Qualifiers;
  asOf: string;
}

/** The words of a /report: the programme (and unit) words, the amount, the part, the date, «sửa». */
function parseReport(args: string, today: string): ParsedReport {
  const words = argWords(args);
  if (words.length < 2) return refuse("usage");
  const { words: main, q } = splitQualifiers(words, today);
  const { head, amountText } = splitAmount(main);
  const amountVnd = checkAmount(amountText);
  const asOf = q.asOf ?? today;
  if (asOf > today) return refuse("futureDate");
  return { head, amountVnd, q, asOf };
}

/** /report: records a cumulative disbursement figure after every check; returns the one-line answer's data. */
export async function recordReport(
  deps: Deps & { overPlanMarginPercent: number },
  input: CommandInput,
): Promise<ReportView> {
  const [view] = await recordReports(deps, input, [input.args]);
  return view!;
}

/**
 * Several figures of one unit × programme in one transaction, all or none (the check-in's answer by source):
 * each `args` is a /report argument text naming the same programme.
 */
export async function recordReports(
  { db, lookup, overPlanMarginPercent }: Deps & { overPlanMarginPercent: number },
  input: CommandInput,
  argsList: string[],
): Promise<ReportView[]> {
  const today = localDate(input.now);
  const parsed = argsList.map((args) => parseReport(args, today));
  const { unit, programme } = await lookup.target(input, parsed[0]!.head);
  return db.$transaction(async (tx) => {
    await recordUpdate(tx, input.updateId);
    await lookup.mayReport(tx, input.actor, unit, programme, input.now);
    const views: ReportView[] = [];
    for (const p of parsed) views.push(await write(tx, { unit, programme, p, input, overPlanMarginPercent }));
    return views;
  });
}

async function write(
  tx: Tx,
  o: { unit: Unit; programme: Programme; p: ParsedReport; input: CommandInput; overPlanMarginPercent: number },
): Promise<ReportView> {
  const { unit, programme, p, input } = o;
  const year = reportingYear(p.asOf);
  const where = { unitId: unit.id, programmeId: programme.id, year };
  const plans = await tx.capitalPlan.findMany({ where, select: { source: true, kind: true, amountVnd: true } });
  const noPlan = () => refuse("noPlan", { programmeCode: programme.code, unitName: unit.name, year });
  if (plans.length === 0) return noPlan();
  const slot = { source: p.q.source, kind: p.q.kind };
  // a kind alone is the kind of the one source that has it; of both sources, it must say which
  if (slot.source === null && slot.kind !== null) {
    const sources = [...new Set(plans.filter((x) => x.kind === slot.kind && x.amountVnd > 0n).map((x) => x.source))];
    if (sources.length > 1) return refuse("sourceRequired", { programmeCode: programme.code });
    if (sources.length === 1) slot.source = sources[0]!;
  }
  const slotPlan = planOf(plans, slot);
  if (slotPlan <= 0n) return noPlan();
  if (p.amountVnd * 100n > slotPlan * BigInt(100 + o.overPlanMarginPercent)) {
    return refuse("overPlan", { amountVnd: p.amountVnd, planVnd: slotPlan, marginPercent: o.overPlanMarginPercent });
  }
  const rows = await tx.disbursementReport.findMany({ where, orderBy: { id: "asc" } });
  const points: ReportPoint[] = rows.map((r) => ({
    source: r.source,
    kind: r.kind,
    cumulativeVnd: r.cumulativeVnd,
    seq: r.id,
  }));
  // the last figure of the same part: a whole-programme figure gives none for vốn TW alone
  const lastVnd = figureOf(points, slot, cellsOf(plans, points))?.vnd ?? null;
  if (lastVnd !== null && p.amountVnd < lastVnd && !p.q.correction)
    return refuse("belowLast", { amountVnd: p.amountVnd, lastVnd });

  const created = await tx.disbursementReport.create({
    data: {
      ...where,
      source: slot.source,
      kind: slot.kind,
      cumulativeVnd: p.amountVnd,
      asOf: p.asOf,
      reportedById: input.actor.officialId,
      isCorrection: p.q.correction,
      createdAt: input.now,
    },
  });
  await audit(tx, {
    at: input.now,
    actorId: input.actor.officialId,
    action: p.q.correction ? "disbursement.correct" : "disbursement.report",
    entity: "DisbursementReport",
    entityId: created.id,
    before: lastVnd === null ? undefined : { cumulativeVnd: lastVnd },
    after: created,
  });
  const before = lastVnd === null ? null : rateBp(lastVnd, slotPlan);
  const after = rateBp(p.amountVnd, slotPlan);
  const sources = new Set(plans.filter((x) => x.amountVnd > 0n).map((x) => x.source));
  return {
    unitName: unit.name,
    programmeCode: programme.code,
    amountVnd: p.amountVnd,
    source: slot.source,
    kind: slot.kind,
    asOf: p.asOf,
    correction: p.q.correction,
    planVnd: slotPlan,
    rateBp: after,
    deltaBp: before === null || after === null ? null : after - before,
    unsplit: slot.source === null && sources.size > 1,
  };
}
