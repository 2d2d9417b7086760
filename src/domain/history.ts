// A unit's disbursement over time, from its cumulative reports: the current figure of each programme as of
// a day (reports dated on or before it; the latest report wins as in disbursed.ts), summed. Where a
// programme is judged on vốn TW (breakdown's rule, ADR 016), its history is vốn TW's against the vốn TW plan.
import { breakdown, cellsOf, currentDisbursed, figureOf, type PlanPart } from "./disbursed.ts";

export interface DatedReport {
  programmeId: number;
  asOf: string;
  source: string | null;
  kind: string | null;
  cumulativeVnd: bigint;
  /** ordering key among reports (the row id) */
  seq: number;
}

/** The total disbursed as of `date` across programmes. */
export function disbursedAsOf(reports: readonly DatedReport[], date: string): bigint {
  const byProgramme = new Map<number, DatedReport[]>();
  for (const r of reports) {
    if (r.asOf > date) continue;
    const list = byProgramme.get(r.programmeId) ?? [];
    list.push(r);
    byProgramme.set(r.programmeId, list);
  }
  let sum = 0n;
  for (const list of byProgramme.values()) sum += currentDisbursed(list);
  return sum;
}

/** The total after each report date, in date order. */
export function cumulativeSeries(reports: readonly DatedReport[]): { date: string; disbursedVnd: bigint }[] {
  const dates = [...new Set(reports.map((r) => r.asOf))].sort();
  return dates.map((date) => ({ date, disbursedVnd: disbursedAsOf(reports, date) }));
}

export type Basis = "CENTRAL" | "TOTAL";

/** A unit × programme's line as judged now: its basis and that basis's plan (the same rule as /tinhhinh). */
export function judgedLine(
  plans: readonly PlanPart[],
  reports: readonly Omit<DatedReport, "programmeId">[],
): { basis: Basis; planVnd: bigint } {
  const b = breakdown(plans, reports);
  return { basis: b.judged.basis, planVnd: b.judged.planVnd };
}

/**
 * The figure of a programme's judged line from some of its reports (e.g. those dated by a day): vốn TW's when
 * it is judged on vốn TW — null while vốn TW has no figure of its own in them (only whole-programme figures:
 * no share is guessed) —, else the whole programme's, as before. No report: 0.
 */
export function judgedFigure(
  basis: Basis,
  plans: readonly PlanPart[],
  reports: readonly Omit<DatedReport, "programmeId">[],
): bigint | null {
  if (reports.length === 0) return 0n;
  if (basis === "TOTAL") return currentDisbursed(reports);
  return figureOf(reports, { source: "CENTRAL", kind: null }, cellsOf(plans, reports))?.vnd ?? null;
}

export interface PlannedPart extends PlanPart {
  programmeId: number;
}

/**
 * A unit's judged history: each programme (planned or reported) on its judged line (vốn TW or all sources), the
 * sum of their plans, and the sum of their figures after each report date. A date on which a vốn TW line has no
 * figure of its own is left out rather than drawn with a guess. Without split plans this is cumulativeSeries.
 */
export function judgedSeries(
  plans: readonly PlannedPart[],
  reports: readonly DatedReport[],
): {
  programmes: { programmeId: number; basis: Basis; planVnd: bigint }[];
  planVnd: bigint;
  points: { date: string; disbursedVnd: bigint }[];
} {
  const ids = [...new Set([...plans, ...reports].map((p) => p.programmeId))];
  const programmes = ids.map((programmeId) => {
    const mine = plans.filter((p) => p.programmeId === programmeId);
    return {
      programmeId,
      mine,
      ...judgedLine(
        mine,
        reports.filter((r) => r.programmeId === programmeId),
      ),
    };
  });
  const dates = [...new Set(reports.map((r) => r.asOf))].sort();
  const points: { date: string; disbursedVnd: bigint }[] = [];
  for (const date of dates) {
    let sum: bigint | null = 0n;
    for (const p of programmes) {
      const f = judgedFigure(
        p.basis,
        p.mine,
        reports.filter((r) => r.programmeId === p.programmeId && r.asOf <= date),
      );
      sum = f === null || sum === null ? null : sum + f;
    }
    if (sum !== null) points.push({ date, disbursedVnd: sum });
  }
  return {
    programmes: programmes.map(({ programmeId, basis, planVnd }) => ({ programmeId, basis, planVnd })),
    planVnd: programmes.reduce((s, p) => s + p.planVnd, 0n),
    points,
  };
}
