// Capital sources (issue #19, ADR 016): the figure of each source and kind from cumulative reports of
// different parts, and the line that is judged (vốn TW when the plans are split and it was reported apart).
import { describe, expect, it } from "vitest";
import { breakdown, currentDisbursed, figureOf, type ReportPoint } from "../../src/domain/disbursed.ts";

const PLANS = [
  { source: "CENTRAL", kind: "INVESTMENT", amountVnd: 80n },
  { source: "CENTRAL", kind: "RECURRENT", amountVnd: 20n },
  { source: "LOCAL", kind: "INVESTMENT", amountVnd: 10n },
];

/** "W 30" whole, "TW 25", "ĐP 8", "TW/ĐTPT 15", "ĐTPT 50" (a kind alone); seq in the order written */
function reports(...spec: string[]): ReportPoint[] {
  const SOURCE: Record<string, string> = { TW: "CENTRAL", ĐP: "LOCAL" };
  const KIND: Record<string, string> = { ĐTPT: "INVESTMENT", SN: "RECURRENT" };
  return spec.map((s, i) => {
    const [part, amount] = s.split(" ") as [string, string];
    const [a = "", b = ""] = part.split("/");
    return {
      source: SOURCE[a] ?? null,
      kind: KIND[b] ?? KIND[a] ?? null,
      cumulativeVnd: BigInt(amount),
      seq: i + 1,
      asOf: `2026-11-${String(10 + i).padStart(2, "0")}`,
    };
  });
}

const vnd = (f: { vnd: bigint } | null) => (f === null ? null : f.vnd);

describe("breakdown: each source's figure and the judged line", () => {
  it.each<[string, string[], { total: bigint | null; tw: bigint | null; dp: bigint | null; judged: string }]>([
    ["no report", [], { total: null, tw: null, dp: null, judged: "TOTAL" }],
    [
      "a whole figure only: no source has a figure of its own",
      ["W 30"],
      { total: 30n, tw: null, dp: null, judged: "TOTAL 30/110" },
    ],
    // vốn TW reported apart after a whole figure: the whole is at least what it was
    ["whole, then vốn TW", ["W 30", "TW 25"], { total: 30n, tw: 25n, dp: null, judged: "CENTRAL 25/100" }],
    ["whole, then both sources", ["W 30", "TW 25", "ĐP 8"], { total: 33n, tw: 25n, dp: 8n, judged: "CENTRAL 25/100" }],
    // a newer whole figure replaces the sources' own: none can be told apart any more
    [
      "both sources, then a whole",
      ["TW 25", "ĐP 8", "W 40"],
      { total: 40n, tw: null, dp: null, judged: "TOTAL 40/110" },
    ],
    [
      "sources, a whole, vốn TW again",
      ["TW 25", "ĐP 8", "W 40", "TW 30"],
      { total: 40n, tw: 30n, dp: null, judged: "CENTRAL 30/100" },
    ],
    ["vốn TW by kind", ["TW/ĐTPT 15", "TW/SN 5"], { total: 20n, tw: 20n, dp: null, judged: "CENTRAL 20/100" }],
    ["a correction downwards wins", ["W 30", "W 20"], { total: 20n, tw: null, dp: null, judged: "TOTAL 20/110" }],
    // a kind alone spanning both sources is no source's figure
    ["ĐTPT alone", ["ĐTPT 50"], { total: 50n, tw: null, dp: null, judged: "TOTAL 50/110" }],
  ])("%s", (_, spec, want) => {
    const b = breakdown(PLANS, reports(...spec));
    const tw = b.sources.find((s) => s.source === "CENTRAL")!;
    const dp = b.sources.find((s) => s.source === "LOCAL")!;
    expect({
      total: vnd(b.total.figure),
      tw: vnd(tw.figure),
      dp: vnd(dp.figure),
      judged: b.judged.figure ? `${b.judged.basis} ${b.judged.figure.vnd}/${b.judged.planVnd}` : b.judged.basis,
    }).toEqual(want);
    expect(b.splitBySource).toBe(true);
    expect([tw.planVnd, dp.planVnd, b.total.planVnd]).toEqual([100n, 10n, 110n]);
  });

  it("lists a source's kinds, each with its own figure", () => {
    const b = breakdown(PLANS, reports("TW 20", "TW/ĐTPT 18"));
    const tw = b.sources[0]!;
    // ĐTPT 18 replaced part of TW 20: the rest (SN) is at least 2; SN has no figure of its own
    expect(vnd(tw.figure)).toBe(20n);
    expect(tw.kinds.map((k) => [k.kind, k.planVnd, vnd(k.figure)])).toEqual([
      ["INVESTMENT", 80n, 18n],
      ["RECURRENT", 20n, null],
    ]);
    expect(b.sources[1]!.kinds.map((k) => [k.kind, vnd(k.figure)])).toEqual([["INVESTMENT", null]]);
    expect(tw.figure!.asOf).toBe("2026-11-11");
  });

  it("is not split when one source holds every plan: the whole programme is judged, a whole figure is its source's", () => {
    const plans = [{ source: "CENTRAL", kind: "INVESTMENT", amountVnd: 80n }];
    const b = breakdown(plans, reports("W 30"));
    expect(b.splitBySource).toBe(false);
    expect(vnd(b.sources[0]!.figure)).toBe(30n);
    expect([b.judged.basis, vnd(b.judged.figure), b.judged.planVnd]).toEqual(["TOTAL", 30n, 80n]);
  });
});

describe("currentDisbursed without plans (charts, projections)", () => {
  it.each<[string[], bigint]>([
    [[], 0n],
    [["W 30"], 30n],
    [["W 30", "TW 25"], 30n],
    [["TW 25", "W 40"], 40n],
    [["W 30", "TW 25", "ĐP 8"], 33n],
    [["TW/ĐTPT 15", "TW/SN 5", "ĐP 3"], 23n],
  ])("%j → %s", (spec, total) => {
    expect(currentDisbursed(reports(...spec))).toBe(total);
  });

  it("has no figure for a part nobody reported apart", () => {
    expect(figureOf(reports("W 30"), { source: "CENTRAL", kind: null })).toBeNull();
  });
});
