// The disbursement charts, built as SVG in code (no chart library): A — each unit's rate as a horizontal
// bar, sorted, against the expected rate; B — one unit's cumulative rate over the year against its
// milestones and the 100 % line, drawing only the reported points (no line from 0 % on 1 January).
// Rates are basis points; labels use Vietnamese number formatting.
import { diffDays } from "../../../domain/dates.ts";
import { formatPercentBp } from "../../../domain/money-format.ts";
import type { Light } from "../../../domain/pacing.ts";
import { circle, line, polyline, rect, svgDoc, text, textWidth } from "./svg.ts";

const COLOURS: Record<Light | "none", string> = {
  green: "#2e7d32",
  yellow: "#f9a825",
  red: "#c62828",
  none: "#9e9e9e",
};

export interface RateChartInput {
  title: string;
  /** the expected rate (vertical line), bp */
  expectedBp: number;
  expectedLabel: string;
  rows: { name: string; actualBp: number | null; light: Light | null }[];
}

/** Chart A: horizontal bars, highest rate first, a dashed vertical line at the expected rate. */
export function rateChartSvg(input: RateChartInput): string {
  const rows = [...input.rows].sort(
    (a, b) => (b.actualBp ?? -1) - (a.actualBp ?? -1) || a.name.localeCompare(b.name, "vi"),
  );
  const width = 960;
  const rowH = 30;
  const top = 80;
  const labelW = Math.max(120, ...rows.map((r) => textWidth(r.name, 14))) + 24;
  const left = labelW;
  const right = width - 90;
  const maxBp = Math.max(10000, ...rows.map((r) => r.actualBp ?? 0));
  const x = (bp: number) => left + ((right - left) * bp) / maxBp;
  const height = top + rows.length * rowH + 60;
  const body: string[] = [text(width / 2, 34, input.title, { size: 20, bold: true, anchor: "middle" })];
  // grid every 10 %
  for (let bp = 0; bp <= maxBp; bp += 1000) {
    body.push(line(x(bp), top - 8, x(bp), top + rows.length * rowH, bp === 0 ? "#555" : "#e0e0e0"));
    body.push(
      text(x(bp), top + rows.length * rowH + 20, formatPercentBp(bp, 0), { size: 12, anchor: "middle", fill: "#555" }),
    );
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    body.push(text(left - 10, y + rowH / 2 + 5, r.name, { size: 14, anchor: "end" }));
    if (r.actualBp === null) {
      body.push(text(left + 6, y + rowH / 2 + 5, "—", { size: 13, fill: "#777" }));
      return;
    }
    body.push(rect(left, y + 5, x(r.actualBp) - left, rowH - 10, COLOURS[r.light ?? "none"]));
    body.push(text(x(r.actualBp) + 6, y + rowH / 2 + 5, formatPercentBp(r.actualBp), { size: 13, bold: true }));
  });
  const ex = x(input.expectedBp);
  body.push(line(ex, top - 14, ex, top + rows.length * rowH + 4, "#1565c0", 2, "6 4"));
  body.push(text(ex, top - 20, input.expectedLabel, { size: 13, bold: true, anchor: "middle", fill: "#1565c0" }));
  return svgDoc(width, height, body);
}

export interface CumulativeChartInput {
  title: string;
  year: number;
  /** the unit's cumulative rate after each report date, in date order */
  points: { date: string; bp: number }[];
  milestones: { date: string; targetBp: number }[];
  labels: { cumulative: string; milestones: string; full: string };
  /** today: marked by a thin vertical line (the reported line stops at the last report) */
  today: string;
}

/** "2026-11-24" → "24/11". */
const shortDmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

/** Chart B: the cumulative rate over the year (line), milestones (points on the dashed expected pace), the 100 % line.
 * */
export function cumulativeChartSvg(input: CumulativeChartInput): string {
  const width = 960;
  const height = 540;
  const left = 70;
  const right = width - 40;
  const top = 70;
  const bottom = height - 80;
  const start = `${input.year}-01-01`;
  const end = [`${input.year}-12-31`, ...input.milestones.map((m) => m.date)].sort().at(-1)!;
  const span = diffDays(start, end);
  const maxBp = Math.max(10000, ...input.points.map((p) => p.bp)) + 1000;
  const x = (date: string) => left + ((right - left) * Math.min(span, Math.max(0, diffDays(start, date)))) / span;
  const y = (bp: number) => bottom - ((bottom - top) * bp) / maxBp;
  const body: string[] = [text(width / 2, 34, input.title, { size: 20, bold: true, anchor: "middle" })];
  for (let bp = 0; bp <= maxBp; bp += 2000) {
    body.push(line(left, y(bp), right, y(bp), "#e0e0e0"));
    body.push(text(left - 8, y(bp) + 4, formatPercentBp(bp, 0), { size: 12, anchor: "end", fill: "#555" }));
  }
  for (let m = 1; m <= 12; m++) {
    const d = `${input.year}-${String(m).padStart(2, "0")}-01`;
    body.push(line(x(d), bottom, x(d), bottom + 5, "#555"));
    body.push(text(x(d) + 4, bottom + 20, `T${m}`, { size: 12, fill: "#555" }));
  }
  body.push(line(left, bottom, right, bottom, "#555"));
  body.push(line(left, top, left, bottom, "#555"));
  // 100 % of the plan
  body.push(line(left, y(10000), right, y(10000), "#2e7d32", 1.5, "8 4"));
  body.push(text(left + 8, y(10000) - 6, input.labels.full, { size: 12, fill: "#2e7d32" }));
  // milestones: points, joined by the expected pace (linear between them from 1/1, as pacing.ts computes it)
  const ms = [...input.milestones].sort((a, b) => a.date.localeCompare(b.date));
  const pace: [number, number][] = [[x(start), y(0)], ...ms.map((m): [number, number] => [x(m.date), y(m.targetBp)])];
  body.push(`<g stroke-dasharray="5 4">${polyline(pace, "#ef6c00", 1.5)}</g>`);
  ms.forEach((m, i) => {
    body.push(circle(x(m.date), y(m.targetBp), 5, "#ef6c00"));
    if (i > 0 && ms[i - 1]!.targetBp === m.targetBp) return; // the same target again (31/1): one label
    body.push(
      text(x(m.date) - 8, y(m.targetBp) - 8, formatPercentBp(m.targetBp, 0), {
        size: 12,
        anchor: "end",
        fill: "#ef6c00",
      }),
    );
  });
  // today: a thin mark, so the time since the last report shows
  const tx = x(input.today);
  body.push(line(tx, top, tx, bottom, "#9e9e9e", 1, "2 3"));
  body.push(text(tx, top - 6, shortDmy(input.today), { size: 11, anchor: "middle", fill: "#757575" }));
  // the unit's cumulative rate: only what was reported. No point at 1/1 unless reported and nothing
  // carried to today (a line from 0 % or a flat run would show progress, or a standstill, never
  // reported); a single report is a marker alone
  const reported: [number, number][] = input.points.map((p) => [x(p.date), y(p.bp)]);
  const series: string[] = [];
  if (reported.length >= 2) series.push(polyline(reported, "#1565c0", 3));
  for (const [px, py] of reported) series.push(circle(px, py, 5, "#1565c0"));
  body.push(`<g id="reported">${series.join("")}</g>`);
  const last = input.points.at(-1);
  if (last) {
    const label = `${formatPercentBp(last.bp)} (${shortDmy(last.date)})`;
    body.push(text(x(last.date) + 8, y(last.bp) - 8, label, { size: 14, bold: true, fill: "#1565c0" }));
  }
  // legend
  const ly = height - 28;
  body.push(
    line(left, ly, left + 30, ly, "#1565c0", 3),
    circle(left + 15, ly, 5, "#1565c0"),
    text(left + 38, ly + 5, input.labels.cumulative, { size: 13 }),
  );
  const l2 = left + 60 + textWidth(input.labels.cumulative, 13);
  body.push(
    line(l2, ly, l2 + 30, ly, "#ef6c00", 1.5, "5 4"),
    circle(l2 + 15, ly, 4, "#ef6c00"),
    text(l2 + 38, ly + 5, input.labels.milestones, { size: 13 }),
  );
  const l3 = l2 + 60 + textWidth(input.labels.milestones, 13);
  body.push(line(l3, ly, l3 + 30, ly, "#2e7d32", 1.5, "8 4"), text(l3 + 38, ly + 5, input.labels.full, { size: 13 }));
  return svgDoc(width, height, body);
}
