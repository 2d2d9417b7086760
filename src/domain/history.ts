// A unit's disbursement over time, from its cumulative reports: the current figure of each programme as of
// a day (reports dated on or before it; the latest report wins as in disbursed.ts), summed.
import { currentDisbursed } from "./disbursed.ts";

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
