// Which disbursement figure is current. Reports are cumulative and cover a part of a unit × programme's
// capital: the whole programme (no source, no kind), one source (vốn TW / vốn ĐP), one source and kind
// (ĐTPT / SN), or a kind alone. Each part is a set of "cells" (source × kind, as the plans have them). The
// figure of a set of cells is read newest report first (ADR 016):
// - a report inside the set, on cells nothing newer spoke of, counts whole;
// - a report inside the set that newer reports inside it partly replaced counts for the rest as
//   max(0, its figure − theirs): cumulative figures only grow, so this is the least the rest can be;
// - a report wider than the set (a whole-programme figure asked for vốn TW alone) cannot be split: the cells
//   it is newest on have no separate figure.
// With no report inside the set there is no figure (null), never a guessed share.
export interface ReportPoint {
  source: string | null;
  kind: string | null;
  cumulativeVnd: bigint;
  /** ordering key: later reports win (e.g. the row id) */
  seq: number;
  /** "YYYY-MM-DD", the date the figure is as of */
  asOf?: string;
}

export interface PlanPart {
  source: string;
  kind: string;
  amountVnd: bigint;
}

export interface Figure {
  vnd: bigint;
  /** the latest as-of date of the reports counted (null when they carry none) */
  asOf: string | null;
  /** the reports counted, newest first */
  reports: ReportPoint[];
}

/** What a report or a question covers: a source, a kind, both, or neither (the whole programme). */
export interface Slot {
  source: string | null;
  kind: string | null;
}

/** Without plans, the leftover cell: what a whole-programme report covers beyond the parts reports name. */
const REST = "*|*";
const cell = (source: string, kind: string) => `${source}|${kind}`;

/** The cells of the plans and of the reports' parts, and the cells each slot covers. */
export function cellsOf(plans: readonly PlanPart[], reports: readonly Slot[]) {
  const cells = new Set<string>(plans.map((p) => cell(p.source, p.kind)));
  for (const r of reports) if (r.source !== null && r.kind !== null) cells.add(cell(r.source, r.kind));
  const named = [...cells];
  // a part no plan or report names otherwise still needs a cell of its own
  for (const r of reports) {
    if (r.source !== null && r.kind === null && !named.some((c) => c.startsWith(`${r.source}|`)))
      cells.add(cell(r.source, "*"));
    if (r.source === null && r.kind !== null && !named.some((c) => c.endsWith(`|${r.kind}`)))
      cells.add(cell("*", r.kind));
  }
  if (plans.length === 0) cells.add(REST);
  const all = [...cells];
  const cover = (s: Slot): Set<string> =>
    new Set(
      all.filter((c) => {
        if (s.source === null && s.kind === null) return true;
        const [source, kind] = c.split("|") as [string, string];
        return (s.source === null || s.source === source) && (s.kind === null || s.kind === kind);
      }),
    );
  return { all, cover };
}

/** The figure of the cells `target` covers (see the head of this file), or null when no report speaks of them. */
export function figureOf(
  reports: readonly ReportPoint[],
  target: Slot,
  space: ReturnType<typeof cellsOf> = cellsOf([], reports),
): Figure | null {
  const want = space.cover(target);
  const inside = (c: Set<string>) => [...c].every((x) => want.has(x));
  const used = new Set<string>();
  const blocked = new Set<string>();
  const counted: { r: ReportPoint; cover: Set<string> }[] = [];
  let vnd = 0n;
  let asOf: string | null = null;
  for (const r of [...reports].sort((a, b) => b.seq - a.seq)) {
    const cover = space.cover(r);
    const mine = [...cover].filter((c) => want.has(c));
    const fresh = mine.filter((c) => !used.has(c) && !blocked.has(c));
    if (fresh.length === 0) continue;
    if (!inside(cover) || mine.some((c) => blocked.has(c))) {
      for (const c of fresh) blocked.add(c);
      continue;
    }
    if (fresh.length === mine.length) vnd += r.cumulativeVnd;
    else {
      const newer = counted.filter((x) => [...x.cover].every((c) => cover.has(c)));
      const replaced = newer.reduce((s, x) => s + x.r.cumulativeVnd, 0n);
      if (r.cumulativeVnd > replaced) vnd += r.cumulativeVnd - replaced;
    }
    for (const c of fresh) used.add(c);
    counted.push({ r, cover });
    if (r.asOf && (asOf === null || r.asOf > asOf)) asOf = r.asOf;
  }
  return counted.length === 0 ? null : { vnd, asOf, reports: counted.map((x) => x.r) };
}

/** The whole programme's current figure (0 without reports). */
export function currentDisbursed(reports: readonly ReportPoint[]): bigint {
  return figureOf(reports, { source: null, kind: null })?.vnd ?? 0n;
}

/** The plan of a slot: the plans it covers, summed. */
export const planOf = (plans: readonly PlanPart[], s: Slot) =>
  plans
    .filter((p) => (s.source === null || p.source === s.source) && (s.kind === null || p.kind === s.kind))
    .reduce((sum, p) => sum + p.amountVnd, 0n);

const SOURCES = ["CENTRAL", "LOCAL"];
const KINDS = ["INVESTMENT", "RECURRENT"];

export interface SourceLine {
  source: string;
  planVnd: bigint;
  figure: Figure | null;
  /** the source's kinds with a plan (ĐTPT / SN) */
  kinds: { kind: string; planVnd: bigint; figure: Figure | null }[];
}

export interface Breakdown {
  total: { planVnd: bigint; figure: Figure | null };
  /** the plans are split by source: more than one source has a plan */
  splitBySource: boolean;
  /** the sources with a plan (or a figure), central first */
  sources: SourceLine[];
  /**
   * The line the pace, the milestones and the order's 100 % target judge: vốn TW when the plans are split by
   * source and vốn TW has a figure of its own; otherwise the whole programme.
   */
  judged: { basis: "CENTRAL" | "TOTAL"; planVnd: bigint; figure: Figure | null };
}

/** A unit × programme's plans and reports, by source and kind, and the line that is judged. */
export function breakdown(plans: readonly PlanPart[], reports: readonly ReportPoint[]): Breakdown {
  const space = cellsOf(plans, reports);
  const positive = plans.filter((p) => p.amountVnd > 0n);
  const order = (list: string[], x: string) => (list.indexOf(x) + 1 || list.length + 1) - 1;
  const sourceNames = [...new Set([...positive.map((p) => p.source), ...reports.flatMap((r) => r.source ?? [])])].sort(
    (a, b) => order(SOURCES, a) - order(SOURCES, b),
  );
  const sources: SourceLine[] = sourceNames.map((source) => {
    const kinds = [...new Set(positive.filter((p) => p.source === source).map((p) => p.kind))].sort(
      (a, b) => order(KINDS, a) - order(KINDS, b),
    );
    return {
      source,
      planVnd: planOf(plans, { source, kind: null }),
      figure: figureOf(reports, { source, kind: null }, space),
      kinds: kinds.map((kind) => ({
        kind,
        planVnd: planOf(plans, { source, kind }),
        figure: figureOf(reports, { source, kind }, space),
      })),
    };
  });
  const total = {
    planVnd: planOf(plans, { source: null, kind: null }),
    figure: figureOf(
      reports,
      {
        source: null,
        kind: null,
      },
      space,
    ),
  };
  const splitBySource = new Set(positive.map((p) => p.source)).size > 1;
  const central = sources.find((s) => s.source === "CENTRAL");
  const judged =
    splitBySource && central?.figure
      ? { basis: "CENTRAL" as const, planVnd: central.planVnd, figure: central.figure }
      : { basis: "TOTAL" as const, planVnd: total.planVnd, figure: total.figure };
  return { total, splitBySource, sources, judged };
}

/** The plan year a day reports against: a year's plan may be disbursed until 31/1 of the next year. */
export function reportingYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5, 7) === "01" ? year - 1 : year;
}
