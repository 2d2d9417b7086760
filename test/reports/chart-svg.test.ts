// Chart B draws only what was reported (issue #21): the unit's line passes through its reports and
// nowhere else — no point at 0 % on 1 January unless reported, nothing carried on to today — and a
// single report is a marker, not a line from 0.
import { describe, expect, it } from "vitest";
import { cumulativeChartSvg, type CumulativeChartInput } from "../../src/features/reports/charts/disbursement.ts";
import { diffDays } from "../../src/domain/dates.ts";

const base: CumulativeChartInput = {
  title: "Nam Trà My: giải ngân lũy kế năm 2026",
  year: 2026,
  today: "2026-11-24",
  points: [],
  milestones: [
    { date: "2026-06-30", targetBp: 5000 },
    { date: "2026-09-30", targetBp: 7500 },
    { date: "2026-12-31", targetBp: 10000 },
  ],
  labels: { cumulative: "Lũy kế giải ngân", milestones: "Mốc kế hoạch", full: "100% kế hoạch" },
};

/** The chart's scale for 2026 with these milestones (left 70, right 920, top 70, bottom 460, max 110 %). */
const at = (date: string, bp: number): [number, number] => {
  const r = (n: number) => Math.round(n * 10) / 10;
  return [
    r(70 + (850 * diffDays("2026-01-01", date)) / diffDays("2026-01-01", "2026-12-31")),
    r(460 - (390 * bp) / 11000),
  ];
};

/** The unit's series: the polyline's points and the markers' centres, inside <g id="reported">. */
function reported(svg: string): { line: [number, number][] | null; markers: [number, number][] } {
  const group = /<g id="reported">(.*?)<\/g>/.exec(svg)?.[1];
  expect(group).toBeDefined();
  const poly = /<polyline points="([^"]*)"/.exec(group!);
  const line = poly ? poly[1]!.split(" ").map((p) => p.split(",").map(Number) as [number, number]) : null;
  const markers = [...group!.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map(
    (m) => [Number(m[1]), Number(m[2])] as [number, number],
  );
  return { line, markers };
}

describe("cumulativeChartSvg: only reported points", () => {
  it("a single report made today is one marker, with no line from 0 % on 1 January", () => {
    const svg = cumulativeChartSvg({ ...base, points: [{ date: "2026-11-24", bp: 2730 }] });
    const { line, markers } = reported(svg);
    expect(line).toBeNull();
    expect(markers).toEqual([at("2026-11-24", 2730)]);
    expect(svg).not.toMatch(/<polyline[^>]*stroke="#1565c0"/); // no unit line anywhere, from (1/1, 0 %) or else
    expect(svg).toContain("27,3% (24/11)");
  });

  it("several reports: the line's points are exactly the reported points, and it stops at the last one", () => {
    const points = [
      { date: "2026-03-31", bp: 800 },
      { date: "2026-07-15", bp: 2100 },
      { date: "2026-10-20", bp: 2730 },
    ];
    const { line, markers } = reported(cumulativeChartSvg({ ...base, points }));
    const expected = points.map((p) => at(p.date, p.bp));
    expect(line).toEqual(expected);
    expect(markers).toEqual(expected);
  });

  it("draws a point on 1 January only when a report is dated 1 January", () => {
    const points = [
      { date: "2026-01-01", bp: 0 },
      { date: "2026-02-10", bp: 300 },
    ];
    const { line } = reported(cumulativeChartSvg({ ...base, points }));
    expect(line).toEqual([at("2026-01-01", 0), at("2026-02-10", 300)]);
  });

  it("no reports: no unit line at all, the plan line still drawn", () => {
    const svg = cumulativeChartSvg(base);
    expect(reported(svg)).toEqual({ line: null, markers: [] });
    // the plan: the expected pace from 0 % on 1/1 through the milestones (dashed)
    expect(svg).toContain(
      `<g stroke-dasharray="5 4"><polyline points="${[at("2026-01-01", 0), at("2026-06-30", 5000), at("2026-09-30", 7500), at("2026-12-31", 10000)].map((p) => p.join(",")).join(" ")}"`,
    );
  });
});
