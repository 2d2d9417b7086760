// /status by capital source (ADR 016): the judged line's name (vốn TW), its kinds (ĐTPT / SN), the other
// source's line (vốn ĐP) and the note when only whole-programme figures came for split plans. Compact: at most
// one short line per source, so that three programmes still fit a phone screen.
import { formatDm } from "../domain/dates.ts";
import { english, formatBillionsTrim, formatPercentBp } from "../domain/money-format.ts";
import type { ProgrammeStatusView, SourcePartView } from "./types.ts";

interface Words {
  /** an amount in billions, and a rate, written for the reader's language */
  n: (vnd: bigint) => string;
  percent: (bp: number) => string;
  source: Record<SourcePartView["source"], string>;
  kind: Record<SourcePartView["kinds"][number]["kind"], string>;
  bn: string;
  asOf: (date: string) => string;
  notApart: (planVnd: bigint) => string;
  unsplit: string;
}

const VI: Words = {
  n: formatBillionsTrim,
  percent: (bp) => formatPercentBp(bp),
  source: { CENTRAL: "vốn TW", LOCAL: "vốn ĐP" },
  kind: { INVESTMENT: "ĐTPT", RECURRENT: "SN" },
  bn: "tỷ đồng",
  asOf: (d) => `lũy kế đến ${formatDm(d)}`,
  notApart: (plan) => `chưa báo cáo riêng (kế hoạch ${formatBillionsTrim(plan)} tỷ đồng)`,
  unsplit: "tổng các nguồn, chưa báo cáo riêng vốn TW",
};

const EN: Words = {
  n: english.billionsTrim,
  percent: (bp) => english.percentBp(bp),
  source: { CENTRAL: "central", LOCAL: "local" },
  kind: { INVESTMENT: "investment", RECURRENT: "recurrent" },
  bn: "bn VND",
  asOf: (d) => `cumulative to ${formatDm(d)}`,
  notApart: (plan) => `not reported apart (plan ${english.billionsTrim(plan)} bn VND)`,
  unsplit: "all sources, central capital not reported apart",
};

/** "ĐTPT 15/64,2 · SN —/16 tỷ đồng", or null when the source has one kind or no kind has a figure. */
function kindsOf(s: SourcePartView, w: Words): string | null {
  if (s.kinds.length < 2 || s.kinds.every((k) => k.disbursedVnd === null)) return null;
  const parts = s.kinds.map(
    (k) => `${w.kind[k.kind]} ${k.disbursedVnd === null ? "—" : w.n(k.disbursedVnd)}/${w.n(k.planVnd)}`,
  );
  return `${parts.join(" · ")} ${w.bn}`;
}

/** A source that is not judged: "vốn ĐP: 5,2/6,4 tỷ đồng (81,3%), lũy kế đến 20/11 · ĐTPT …". */
function otherSource(s: SourcePartView, w: Words): string {
  const figure =
    s.disbursedVnd === null
      ? w.notApart(s.planVnd)
      : `${w.n(s.disbursedVnd)}/${w.n(s.planVnd)} ${w.bn}` +
        (s.actualBp === null ? "" : ` (${w.percent(s.actualBp)})`) +
        (s.latestAsOf ? `, ${w.asOf(s.latestAsOf)}` : "");
  const kinds = s.disbursedVnd === null ? null : kindsOf(s, w);
  return `   ${w.source[s.source]}: ${figure}${kinds ? ` · ${kinds}` : ""}`;
}

export interface SourceLines {
  /** after the programme's code: " · vốn TW" when vốn TW is judged */
  label: string;
  /** at the end of the first line: the note that the figure is of all sources */
  note: string;
  /** under the first line: the judged source's kinds */
  kinds: string[];
  /** after the pace line: the other sources */
  others: string[];
}

export function sourceLines(p: ProgrammeStatusView, lang: "vi" | "en"): SourceLines {
  const w = lang === "vi" ? VI : EN;
  const judged = p.basis === "CENTRAL" ? p.sources.find((s) => s.source === "CENTRAL") : undefined;
  // one source only (the plans split by kind): its kinds under the whole programme's line
  const single = p.sources.length === 1 ? p.sources[0] : undefined;
  const kinds = judged ? kindsOf(judged, w) : single ? kindsOf(single, w) : null;
  return {
    label: judged ? ` · ${w.source.CENTRAL}` : "",
    note: p.unsplit ? ` · ${w.unsplit}` : "",
    kinds: kinds ? [`   ${kinds}`] : [],
    others: judged ? p.sources.filter((s) => s !== judged).map((s) => otherSource(s, w)) : [],
  };
}
