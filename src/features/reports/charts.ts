// Chart data from the database, rendered to PNG: A — every unit's rate (from the status service, the
// /status figures) against the expected rate; B — one unit's cumulative rate over the year against its
// milestones. Chart labels are Vietnamese (the language of the reports to leaders).
import type { Db } from "../../platform/db/client.ts";
import { judgedSeries, type DatedReport } from "../../domain/history.ts";
import { localDate } from "../../domain/dates.ts";
import { breakdown, reportingYear } from "../../domain/disbursed.ts";
import { rateBp } from "../../domain/money-format.ts";
import { expectedBp } from "../../domain/pacing.ts";
import type { Messages } from "../../i18n/index.ts";
import { cumulativeChartSvg, rateChartSvg } from "./charts/disbursement.ts";
import { renderPng } from "./charts/render.ts";
import { milestonesFor, type StatusService } from "../disbursement/status.ts";

export interface Chart {
  svg: string;
  png: Buffer;
}

/** `messages` renders the labels, in Vietnamese (the composition root passes `catalogue`). */
export function createChartService({
  db,
  status,
  messages,
}: {
  db: Db;
  status: StatusService;
  messages: Messages<"reports">;
}) {
  const labels = messages("vi").reports.chart;

  /** The province's expected rate: each unit's expected rate (actual + gap) weighted by its plan. */
  function provinceExpected(rows: { planVnd: bigint; actualBp: number | null; gapBp: number | null }[]): number {
    let plan = 0n;
    let weighted = 0n;
    for (const r of rows) {
      if (r.actualBp === null || r.gapBp === null) continue;
      plan += r.planVnd;
      weighted += r.planVnd * BigInt(r.actualBp + r.gapBp);
    }
    return plan > 0n ? Number(weighted / plan) : 0;
  }

  /** Chart A, for all units or some (a supervisor's). */
  async function rateChart(now: Date, unitIds?: number[]): Promise<Chart> {
    const svg = await rateSvg(now, unitIds);
    return { svg, png: renderPng(svg) };
  }

  /** Chart A as SVG only (the dashboard draws it in the browser). */
  async function rateSvg(now: Date, unitIds?: number[]): Promise<string> {
    const view = await status.provinceStatus(now, unitIds ? { unitIds } : {});
    const expected = provinceExpected(view.units);
    const svg = rateChartSvg({
      title: labels.rateTitle(view.today),
      expectedBp: expected,
      expectedLabel: labels.expected(expected),
      rows: view.units.map((u) => ({ name: u.unitName, actualBp: u.actualBp, light: u.light })),
    });
    return svg;
  }

  async function unitReports(unitId: number, year: number): Promise<DatedReport[]> {
    const rows = await db.disbursementReport.findMany({ where: { unitId, year }, orderBy: { id: "asc" } });
    return rows.map((r) => ({
      programmeId: r.programmeId,
      asOf: r.asOf,
      source: r.source,
      kind: r.kind,
      cumulativeVnd: r.cumulativeVnd,
      seq: r.id,
    }));
  }

  /**
   * Each unit's rate (bp) as of `date` from its reports dated on or before it, judged as the province table
   * judges (vốn TW where it was reported apart from split plans, ADR 016); null without a plan.
   */
  async function ratesAsOf(date: string, unitIds: number[]): Promise<Map<number, number | null>> {
    const year = reportingYear(date);
    const out = new Map<number, number | null>();
    for (const id of unitIds) {
      const [plans, reports] = await Promise.all([
        db.capitalPlan.findMany({
          where: { unitId: id, year },
          select: { programmeId: true, source: true, kind: true, amountVnd: true },
        }),
        unitReports(id, year),
      ]);
      let plan = 0n;
      let disbursed = 0n;
      for (const pid of new Set(plans.map((p) => p.programmeId))) {
        const b = breakdown(
          plans.filter((p) => p.programmeId === pid),
          reports.filter((r) => r.programmeId === pid && r.asOf <= date),
        );
        plan += b.judged.planVnd;
        disbursed += b.judged.figure?.vnd ?? 0n;
      }
      out.set(id, rateBp(disbursed, plan));
    }
    return out;
  }

  /** Chart B for one unit; null when it has no plan this year. */
  async function unitChart(unitId: number, now: Date): Promise<Chart | null> {
    const svg = await unitSvg(unitId, now);
    return svg === null ? null : { svg, png: renderPng(svg) };
  }

  /**
   * Chart B as SVG only (the dashboard draws it in the browser); null when the unit has no plan this year. A
   * programme judged on vốn TW (as /tinhhinh judges it, ADR 016) is drawn as vốn TW against its vốn TW plan,
   * and the title says so.
   */
  async function unitSvg(unitId: number, now: Date): Promise<string | null> {
    const today = localDate(now);
    const year = reportingYear(today);
    const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId } });
    const plans = await db.capitalPlan.findMany({
      where: { unitId, year },
      select: { programmeId: true, source: true, kind: true, amountVnd: true },
    });
    const history = judgedSeries(plans, await unitReports(unitId, year));
    const total = history.planVnd;
    if (total <= 0n) return null;
    const milestoneRows = await db.milestone.findMany({ where: { year } });
    const planned = history.programmes.filter((p) => p.planVnd > 0n);
    const sets = planned.map((p) => ({
      plan: p.planVnd,
      ms: milestonesFor(milestoneRows, unitId, p.programmeId, year),
    }));
    const dates = [...new Set(sets.flatMap((s) => s.ms.map((m) => m.date)))].sort();
    // the plan-weighted target on each milestone date (programmes may have their own milestones)
    const milestones = dates.map((date) => ({
      date,
      targetBp: Number(sets.reduce((s, x) => s + x.plan * BigInt(expectedBp(x.ms, date, `${year}-01-01`)), 0n) / total),
    }));
    const central = planned.filter((p) => p.basis === "CENTRAL");
    const codes =
      central.length === 0
        ? []
        : (
            await db.programme.findMany({
              where: { id: { in: central.map((p) => p.programmeId) } },
              orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
              select: { code: true },
            })
          ).map((p) => p.code);
    return cumulativeChartSvg({
      title: labels.unitTitle(unit.name, year, { centralCodes: codes, allCentral: central.length === planned.length }),
      year,
      today,
      points: history.points.map((p) => ({ date: p.date, bp: rateBp(p.disbursedVnd, total) ?? 0 })),
      milestones,
      labels: { cumulative: labels.cumulative, milestones: labels.milestones, full: labels.full },
    });
  }

  return { rateChart, unitChart, rateSvg, unitSvg, ratesAsOf };
}

export type ChartService = ReturnType<typeof createChartService>;
