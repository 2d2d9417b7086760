// Where each unit stands: disbursement against plan and pace, and its open / overdue tasks.
// One computation serves /status, digests and reports.
import { inTurns, type Db } from "../../platform/db/client.ts";
import { localDate, localInstant } from "../../domain/dates.ts";
import { breakdown, reportingYear, type PlanPart, type ReportPoint } from "../../domain/disbursed.ts";
import { defaultMilestones, pace, type MilestonePoint } from "../../domain/pacing.ts";
import { rateBp } from "../../domain/money-format.ts";
import type { WorkCalendar } from "../../domain/calendar.ts";
import type {
  ProgrammeStatusView,
  ProvinceStatusView,
  SourcePartView,
  UnitRankView,
  UnitStatusView,
} from "../../i18n/types.ts";
import { trafficLight } from "../../domain/pacing.ts";
import {
  isListed,
  readDoneSince,
  readMilestones,
  readOpenTasks,
  readPlanChanges,
  readPlans,
  readProgrammes,
  readReports,
  readUnits,
  type MilestoneRow,
  type PlanChangeRow,
  type ReportRow,
  type UnitScope,
} from "./status-reads.ts";

/** The most specific milestone set for a unit × programme: unit+programme, then programme, then all, then defaults. */
export function milestonesFor(
  rows: MilestoneRow[],
  unitId: number,
  programmeId: number,
  year: number,
): MilestonePoint[] {
  return milestoneSets(rows, year)(unitId, programmeId);
}

/**
 * milestonesFor over the same rows for many unit × programme pairs: the rows are grouped once, and each
 * set is built and sorted once (most units share the province's set). The sets are shared: do not mutate.
 */
export function milestoneSets(
  rows: MilestoneRow[],
  year: number,
): (unitId: number, programmeId: number) => MilestonePoint[] {
  const groups = new Map<string, MilestoneRow[]>();
  for (const r of rows) {
    const k = `${r.unitId ?? ""}|${r.programmeId ?? ""}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const sets = new Map<string, MilestonePoint[]>();
  const setOf = (k: string) => {
    let set = sets.get(k);
    if (!set) {
      const chosen = groups.get(k);
      set = chosen
        ? chosen
            .map((r) => ({ date: r.dueDate, targetBp: r.targetBp }))
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        : defaultMilestones(year);
      sets.set(k, set);
    }
    return set;
  };
  return (unitId, programmeId) => {
    for (const k of [`${unitId}|${programmeId}`, `${unitId}|`, `|${programmeId}`]) if (groups.has(k)) return setOf(k);
    return setOf("|");
  };
}

const key = (unitId: number, programmeId: number) => `${unitId}:${programmeId}`;

/** Open and overdue tasks per unit × programme (programme null: tasks of no programme). */
export interface TaskCount {
  unitId: number;
  programmeId: number | null;
  open: number;
  overdue: number;
}

function countOpenTasks(
  tasks: { unitId: number; programmeId: number | null; dueDate: string }[],
  today: string,
): TaskCount[] {
  const counts = new Map<string, TaskCount>();
  for (const t of tasks) {
    const k = key(t.unitId, t.programmeId ?? 0);
    const c = counts.get(k) ?? { unitId: t.unitId, programmeId: t.programmeId, open: 0, overdue: 0 };
    c.open++;
    if (t.dueDate < today) c.overdue++;
    counts.set(k, c);
  }
  return [...counts.values()];
}

/** The latest as-of date of some reports ("YYYY-MM-DD"), or null. */
const latest = (dates: (string | null | undefined)[]) =>
  dates.reduce<string | null>((a, d) => (d && (a === null || d > a) ? d : a), null);

/** A report dated in today's month (the month of the figures the leaders ask for). */
const inMonthOf = (asOf: string | null, today: string) => asOf !== null && asOf.slice(0, 7) === today.slice(0, 7);

export function createStatusService({ db, calendar }: { db: Db; calendar: () => Promise<WorkCalendar> }) {
  /** Loads plans, reports, milestones and task counts for some units (all when `units` is undefined). */
  async function load(today: string, units: UnitScope) {
    const year = reportingYear(today);
    const [programmes, plans, reports, milestoneRows, openTasks] = await inTurns(isListed(units), [
      () => readProgrammes(db),
      () => readPlans(db, year, units),
      () => readReports(db, year, units),
      () => readMilestones(db, year),
      () => readOpenTasks(db, units),
    ]);
    return compute(today, year, {
      programmes,
      plans,
      reports,
      milestoneRows,
      taskCounts: countOpenTasks(openTasks, today),
    });
  }

  /** The one computation behind /status, digests and reports. */
  function compute<P extends { id: number; code: string }>(
    today: string,
    year: number,
    rows: {
      programmes: P[];
      plans: ({ unitId: number; programmeId: number } & PlanPart)[];
      reports: ReportRow[];
      milestoneRows: MilestoneRow[];
      taskCounts: TaskCount[];
    },
  ) {
    const { programmes, plans, reports, milestoneRows, taskCounts } = rows;
    const planBy = new Map<string, PlanPart[]>();
    for (const p of plans) {
      const k = key(p.unitId, p.programmeId);
      planBy.set(k, [...(planBy.get(k) ?? []), p]);
    }
    const reportsBy = new Map<string, ReportPoint[]>();
    for (const r of reports) {
      const k = key(r.unitId, r.programmeId);
      const list = reportsBy.get(k) ?? [];
      list.push({ source: r.source, kind: r.kind, cumulativeVnd: r.cumulativeVnd, seq: r.id, asOf: r.asOf });
      reportsBy.set(k, list);
    }
    const tasksBy = new Map(taskCounts.map((c) => [key(c.unitId, c.programmeId ?? 0), c]));
    const milestones = milestoneSets(milestoneRows, year);

    function programmeStatus(
      unitId: number,
      programme: { id: number; code: string },
      cal?: WorkCalendar,
    ): ProgrammeStatusView {
      const k = key(unitId, programme.id);
      const b = breakdown(planBy.get(k) ?? [], reportsBy.get(k) ?? []);
      const planVnd = b.judged.planVnd;
      const disbursedVnd = b.judged.figure?.vnd ?? 0n;
      const p = pace({
        planVnd,
        disbursedVnd,
        milestones: milestones(unitId, programme.id),
        today,
        year,
      });
      const t = tasksBy.get(k) ?? { open: 0, overdue: 0 };
      const latestAsOf = b.judged.figure?.asOf ?? null;
      // by source and kind: /status shows them where the plans are split, the exports always
      const sources: SourcePartView[] = b.sources.map((s) => ({
        source: s.source as SourcePartView["source"],
        planVnd: s.planVnd,
        disbursedVnd: s.figure?.vnd ?? null,
        actualBp: s.figure ? rateBp(s.figure.vnd, s.planVnd) : null,
        latestAsOf: s.figure?.asOf ?? null,
        kinds: s.kinds.map((x) => ({
          kind: x.kind as SourcePartView["kinds"][number]["kind"],
          planVnd: x.planVnd,
          disbursedVnd: x.figure?.vnd ?? null,
        })),
      }));
      return {
        programmeCode: programme.code,
        basis: b.judged.basis,
        unsplit: b.splitBySource && b.judged.basis === "TOTAL" && b.total.figure !== null,
        total: { planVnd: b.total.planVnd, disbursedVnd: b.total.figure?.vnd ?? null },
        sources,
        planVnd,
        disbursedVnd,
        ...p,
        // deadlines are counted in working days, as the reminders count them
        workingDaysToNext: p.next && cal ? cal.workingDaysBetween(today, p.next.date) : null,
        latestAsOf,
        reportedThisMonth: inMonthOf(latestAsOf, today),
        openTasks: t.open,
        overdueTasks: t.overdue,
      };
    }
    const otherTasks = (unitId: number) => tasksBy.get(key(unitId, 0)) ?? { open: 0, overdue: 0 };
    return { year, programmes, programmeStatus, otherTasks };
  }

  /**
   * The views of several units at `now`: one set of plain queries for all of them (the pace check and the
   * exports ask for every unit at once). Units that do not exist are absent from the map.
   */
  async function unitStatuses(unitIds: number[], now: Date): Promise<Map<number, UnitStatusView>> {
    const today = localDate(now);
    const year = reportingYear(today);
    const wanted = new Set(unitIds);
    const [l, allUnits, done, changes, cal] = await Promise.all([
      load(today, unitIds),
      readUnits(db, unitIds),
      readDoneSince(db, localInstant(today, 0), unitIds),
      readPlanChanges(db, year, unitIds),
      calendar(),
    ]);
    const units = allUnits.filter((u) => wanted.has(u.id));
    const adjustments = planAdjustments(changes);
    const doneBy = new Map<number, { title: string; by: string }[]>();
    for (const t of done) doneBy.set(t.unitId, [...(doneBy.get(t.unitId) ?? []), { title: t.title, by: t.by ?? "" }]);
    const views = new Map<number, UnitStatusView>();
    for (const unit of units) {
      const programmes = l.programmes.map((p) => {
        const adjustment = adjustments.get(`${unit.id}:${p.id}`);
        return { ...l.programmeStatus(unit.id, p, cal), ...(adjustment ? { adjustment } : {}) };
      });
      const other = l.otherTasks(unit.id);
      if (other.open > 0) {
        programmes.push({
          programmeCode: "Khác",
          basis: "TOTAL",
          unsplit: false,
          total: { planVnd: 0n, disbursedVnd: null },
          sources: [],
          planVnd: 0n,
          disbursedVnd: 0n,
          actualBp: null,
          expectedBp: 0,
          gapBp: null,
          next: null,
          daysToNext: null,
          workingDaysToNext: null,
          latestAsOf: null,
          reportedThisMonth: true,
          light: null,
          openTasks: other.open,
          overdueTasks: other.overdue,
        });
      }
      views.set(unit.id, {
        unitName: unit.name,
        today,
        year: l.year,
        programmes,
        doneToday: doneBy.get(unit.id) ?? [],
      });
    }
    return views;
  }

  /** Net plan changes by reallocation decisions this year, per "unit:programme" (R3, PlanChange rows). */
  function planAdjustments(changes: PlanChangeRow[]) {
    const out = new Map<string, { deltaVnd: bigint; decisionNos: string[] }>();
    for (const c of changes) {
      const key = `${c.unitId}:${c.programmeId}`;
      const a = out.get(key) ?? { deltaVnd: 0n, decisionNos: [] };
      a.deltaVnd += c.deltaVnd;
      if (c.decisionNo && !a.decisionNos.includes(c.decisionNo)) a.decisionNos.push(c.decisionNo);
      out.set(key, a);
    }
    return out;
  }

  /** One unit's view at `now`. */
  async function unitStatus(unitId: number, now: Date): Promise<UnitStatusView> {
    const view = (await unitStatuses([unitId], now)).get(unitId);
    if (!view) throw new Error(`No Unit found with id ${unitId}`);
    return view;
  }

  /**
   * Every active non-department unit ranked worst first: largest gap behind pace, then most overdue tasks.
   * With `programmeId`: that programme only (its tasks only). With `unitIds`: only those units are listed
   * (a supervisor's), the average stays the province's. Units below the provincial average are marked.
   */
  async function provinceStatus(
    now: Date,
    opts: { programmeId?: number; unitIds?: number[] } = {},
  ): Promise<ProvinceStatusView> {
    const today = localDate(now);
    const units = await db.unit.findMany({
      where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } },
      orderBy: { name: "asc" },
    });
    const l = await load(today, undefined);
    const chosen = l.programmes.filter((p) => opts.programmeId === undefined || p.id === opts.programmeId);
    const allRows: UnitRankView[] = units.map((u) => {
      const ps = chosen.map((p) => l.programmeStatus(u.id, p));
      const planVnd = ps.reduce((s, p) => s + p.planVnd, 0n);
      const disbursedVnd = ps.reduce((s, p) => s + p.disbursedVnd, 0n);
      const actualBp = rateBp(disbursedVnd, planVnd);
      // plan-weighted expected rate across the unit's programmes
      const expected =
        planVnd > 0n ? Number(ps.reduce((s, p) => s + p.planVnd * BigInt(p.expectedBp), 0n) / planVnd) : 0;
      const gapBp = actualBp === null ? null : expected - actualBp;
      const other = opts.programmeId === undefined ? l.otherTasks(u.id) : { open: 0, overdue: 0 };
      const latestAsOf = latest(ps.map((p) => p.latestAsOf));
      const judged = ps.filter((p) => p.planVnd > 0n);
      const central = judged.filter((p) => p.basis === "CENTRAL").length;
      return {
        ...(central === 0 ? {} : { basis: central === judged.length ? ("CENTRAL" as const) : ("MIXED" as const) }),
        latestAsOf,
        reportedThisMonth: planVnd === 0n || inMonthOf(latestAsOf, today),
        unitName: u.name,
        planVnd,
        disbursedVnd,
        actualBp,
        gapBp,
        light: actualBp === null ? null : trafficLight(actualBp, expected),
        openTasks: ps.reduce((s, p) => s + p.openTasks, other.open),
        overdueTasks: ps.reduce((s, p) => s + p.overdueTasks, other.overdue),
      };
    });
    const averageBp = rateBp(
      allRows.reduce((s, r) => s + r.disbursedVnd, 0n),
      allRows.reduce((s, r) => s + r.planVnd, 0n),
    );
    for (const r of allRows) r.belowAverage = averageBp !== null && r.actualBp !== null && r.actualBp < averageBp;
    const listed = new Set(opts.unitIds ?? units.map((u) => u.id));
    const rows = allRows.filter((_, i) => listed.has(units[i]!.id));
    rows.sort(
      (a, b) =>
        (b.gapBp ?? -Infinity) - (a.gapBp ?? -Infinity) ||
        b.overdueTasks - a.overdueTasks ||
        a.unitName.localeCompare(b.unitName, "vi"),
    );
    return { today, year: l.year, units: rows, averageBp, asOf: latest(allRows.map((r) => r.latestAsOf)) };
  }

  return { unitStatus, unitStatuses, provinceStatus };
}

export type StatusService = ReturnType<typeof createStatusService>;
