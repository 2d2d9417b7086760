// Which disbursement figure is current: reports are cumulative, the latest wins. A report may cover the
// whole programme (no source/kind) or one part (source × kind); the newest whole report wins over older
// part reports, otherwise the latest report of each part is summed.
export interface ReportPoint {
  source: string | null;
  kind: string | null;
  cumulativeVnd: bigint;
  /** ordering key: later reports win (e.g. createdAt ms, then id) */
  seq: number;
}

export function currentDisbursed(reports: readonly ReportPoint[]): bigint {
  let whole: ReportPoint | null = null;
  const parts = new Map<string, ReportPoint>();
  for (const r of reports) {
    if (r.source === null && r.kind === null) {
      if (!whole || r.seq > whole.seq) whole = r;
    } else {
      const key = `${r.source}|${r.kind}`;
      const prev = parts.get(key);
      if (!prev || r.seq > prev.seq) parts.set(key, r);
    }
  }
  const newestPart = Math.max(-Infinity, ...[...parts.values()].map((p) => p.seq));
  if (whole && whole.seq > newestPart) return whole.cumulativeVnd;
  let sum = 0n;
  for (const p of parts.values()) sum += p.cumulativeVnd;
  return parts.size === 0 ? (whole?.cumulativeVnd ?? 0n) : sum;
}

/** The plan year a day reports against: a year's plan may be disbursed until 31/1 of the next year. */
export function reportingYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5, 7) === "01" ? year - 1 : year;
}
