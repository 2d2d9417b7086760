// Year-end projection of a unit's disbursement from its trend (the pace between its two latest reports),
// and what that means for reallocation: a projected surplus (plan − projection) or a need (projection
// beyond the plan). Pure: bigint VND, "YYYY-MM-DD" dates, no clock.
import { diffDays } from "./dates.ts";

export interface ReportSample {
  asOf: string;
  cumulativeVnd: bigint;
}

export interface Projection {
  /** cumulative disbursement expected on `yearEnd` (not capped at the plan) */
  projectedVnd: bigint;
  /** plan − projection when positive, else 0 */
  surplusVnd: bigint;
  /** projection − plan when positive, else 0 */
  needVnd: bigint;
}

/** The latest two reports by asOf (ties: the later in the list wins). */
function latestTwo(reports: readonly ReportSample[]): [ReportSample | undefined, ReportSample | undefined] {
  const sorted = reports
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.asOf < b.r.asOf ? -1 : a.r.asOf > b.r.asOf ? 1 : a.i - b.i))
    .map((x) => x.r);
  return [sorted[sorted.length - 2], sorted[sorted.length - 1]];
}

/**
 * Projects cumulative disbursement on `yearEnd`: the latest figure plus the daily pace between the two
 * latest reports times the days left (rounded down). A falling trend counts as no progress; with one
 * report, or two on the same day, the figure stays as it is; with none it is 0.
 */
export function projectYearEnd(reports: readonly ReportSample[], yearEnd: string): bigint {
  const [prev, last] = latestTwo(reports);
  if (!last) return 0n;
  if (!prev) return last.cumulativeVnd;
  const span = diffDays(prev.asOf, last.asOf);
  const left = diffDays(last.asOf, yearEnd);
  const delta = last.cumulativeVnd - prev.cumulativeVnd;
  if (span <= 0 || left <= 0 || delta <= 0n) return last.cumulativeVnd;
  return last.cumulativeVnd + (delta * BigInt(left)) / BigInt(span);
}

export function projection(planVnd: bigint, reports: readonly ReportSample[], yearEnd: string): Projection {
  const projectedVnd = projectYearEnd(reports, yearEnd);
  const diff = planVnd - projectedVnd;
  return { projectedVnd, surplusVnd: diff > 0n ? diff : 0n, needVnd: diff < 0n ? -diff : 0n };
}
