// The dashboard's data: the province table (units × programmes), a unit's page (programmes, tasks in the
// Government Office's four categories, obstacles, written requests) and their charts. Views only: the HTML
// is drawn by handlers/pages.ts. The figures are the /status figures (one computation, status.ts).
import type { Db } from "../../platform/db/client.ts";
import { localDate } from "../../domain/dates.ts";
import { timeliness, type Timeliness } from "../../domain/ladder.ts";
import { rateBp } from "../../domain/money-format.ts";
import { trafficLight, type Light } from "../../domain/pacing.ts";
import type { ProgrammeStatusView } from "../../i18n/types.ts";
import type { StatusService } from "../disbursement/status.ts";
import type { ChartService } from "../reports/charts.ts";
import type { DirectiveService } from "../directives/directives.ts";
import type { DirectiveProgressView, DirectiveSummaryView } from "../directives/views.ts";

export interface Figures {
  planVnd: bigint;
  disbursedVnd: bigint;
  /** disbursed / plan in basis points; null without a plan */
  actualBp: number | null;
  /** expected − actual, in basis points (positive: behind pace); null without a plan */
  gapBp: number | null;
  light: Light | null;
}

export interface BoardRow {
  unitId: number;
  unitName: string;
  /** one cell per programme of the board, in its order */
  cells: Figures[];
  total: Figures;
  openTasks: number;
  overdueTasks: number;
}

export interface ProvinceBoard {
  today: string;
  year: number;
  programmes: { code: string; name: string }[];
  rows: BoardRow[];
  total: Figures;
  chartSvg: string;
  /** the directives followed, with their progress (the province's page only) */
  directives: DirectiveSummaryView[];
}

export interface TaskItem {
  id: number;
  title: string;
  programmeCode: string | null;
  dueDate: string;
  responsible: string;
  completedOn: string | null;
  /** reported done, waiting for confirmation (#19): listed with the open ones */
  awaiting: boolean;
}

export interface UnitBoard {
  unitId: number;
  unitName: string;
  today: string;
  year: number;
  programmes: ProgrammeStatusView[];
  /** the four categories, open tasks first; done tasks of the reporting year */
  tasks: Record<Timeliness, TaskItem[]>;
  obstacles: { taskId: number; taskTitle: string; reason: string; openedOn: string }[];
  requests: { id: number; docNo: string; subject: string; department: string; dueOn: string; overdue: boolean }[];
  chartSvg: string | null;
}

/** Done tasks listed per category: a unit's page stays light on a phone (the counts stay exact). */
const MAX_DONE_LISTED = 50;

function figures(planVnd: bigint, disbursedVnd: bigint, expectedBp: number): Figures {
  const actualBp = rateBp(disbursedVnd, planVnd);
  return {
    planVnd,
    disbursedVnd,
    actualBp,
    gapBp: actualBp === null ? null : expectedBp - actualBp,
    light: actualBp === null ? null : trafficLight(actualBp, expectedBp),
  };
}

/** Plan-weighted expected rate of several programmes' figures. */
function expectedOf(ps: { planVnd: bigint; expectedBp: number }[]): number {
  const plan = ps.reduce((s, p) => s + p.planVnd, 0n);
  return plan > 0n ? Number(ps.reduce((s, p) => s + p.planVnd * BigInt(p.expectedBp), 0n) / plan) : 0;
}

export function createDashboardService({
  db,
  status,
  charts,
  url,
  directives,
}: {
  db: Db;
  status: StatusService;
  charts: Pick<ChartService, "rateSvg" | "unitSvg">;
  directives: Pick<DirectiveService, "summaries" | "progress">;
  /** DASHBOARD_URL, the public base URL; null: not served publicly (no button) */
  url: string | null;
}) {
  /** The districts and communes shown: all active ones, or those of `unitIds` (a supervisor's). */
  async function boardUnits(unitIds: number[] | null) {
    return db.unit.findMany({
      where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] }, ...(unitIds ? { id: { in: unitIds } } : {}) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
  }

  /** The province table, for the whole province (unitIds null) or some units. */
  async function province(now: Date, unitIds: number[] | null = null): Promise<ProvinceBoard> {
    const units = await boardUnits(unitIds);
    const ids = units.map((u) => u.id);
    const [views, programmes, chartSvg] = await Promise.all([
      status.unitStatuses(ids, now),
      db.programme.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
      charts.rateSvg(now, unitIds ?? undefined),
    ]);
    const all: ProgrammeStatusView[] = [];
    const rows: BoardRow[] = units.map((u) => {
      const ps = views.get(u.id)?.programmes ?? [];
      const byCode = new Map(ps.map((p) => [p.programmeCode, p]));
      const cells = programmes.map((p) => {
        const s = byCode.get(p.code);
        return s ? figures(s.planVnd, s.disbursedVnd, s.expectedBp) : figures(0n, 0n, 0);
      });
      const withPlan = ps.filter((p) => p.planVnd > 0n);
      all.push(...withPlan);
      return {
        unitId: u.id,
        unitName: u.name,
        cells,
        total: figures(
          ps.reduce((s, p) => s + p.planVnd, 0n),
          ps.reduce((s, p) => s + p.disbursedVnd, 0n),
          expectedOf(withPlan),
        ),
        openTasks: ps.reduce((s, p) => s + p.openTasks, 0),
        overdueTasks: ps.reduce((s, p) => s + p.overdueTasks, 0),
      };
    });
    const total = figures(
      rows.reduce((s, r) => s + r.total.planVnd, 0n),
      rows.reduce((s, r) => s + r.total.disbursedVnd, 0n),
      expectedOf(all),
    );
    const today = localDate(now);
    const year = views.values().next().value?.year ?? Number(today.slice(0, 4));
    const followed = unitIds === null ? await directives.summaries(now) : [];
    return { today, year, programmes, rows, total, chartSvg, directives: followed };
  }

  /** One unit's page; null when the unit does not exist. */
  async function unit(unitId: number, now: Date): Promise<UnitBoard | null> {
    const today = localDate(now);
    const view = (await status.unitStatuses([unitId], now)).get(unitId);
    if (!view) return null;
    const yearStart = `${view.year}-01-01`;
    const [tasks, requests, chartSvg] = await Promise.all([
      db.task.findMany({
        where: {
          unitId,
          OR: [{ status: { in: ["OPEN", "AWAITING_CONFIRMATION"] } }, { status: "DONE", dueDate: { gte: yearStart } }],
        },
        select: {
          id: true,
          title: true,
          dueDate: true,
          originalDueDate: true,
          completedAt: true,
          status: true,
          programme: { select: { code: true } },
          responsible: { select: { fullName: true } },
        },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      }),
      db.writtenRequest.findMany({
        where: { unitId, status: "OPEN" },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      }),
      charts.unitSvg(unitId, now),
    ]);
    const lists: Record<Timeliness, TaskItem[]> = {
      open_overdue: [],
      open_in_term: [],
      done_late: [],
      done_on_time: [],
    };
    for (const t of tasks) {
      const completedOn = t.status === "DONE" && t.completedAt ? localDate(t.completedAt) : null;
      // judged by the due date before any extension, as the scorecard, exports and directives are (#19)
      lists[timeliness(t.originalDueDate ?? t.dueDate, completedOn, today)].push({
        id: t.id,
        title: t.title,
        programmeCode: t.programme?.code ?? null,
        dueDate: t.dueDate,
        responsible: t.responsible.fullName,
        completedOn,
        awaiting: t.status === "AWAITING_CONFIRMATION",
      });
    }
    // the latest done first, and only so many of them
    for (const k of ["done_late", "done_on_time"] as const) lists[k] = lists[k].reverse().slice(0, MAX_DONE_LISTED);
    const titles = new Map(tasks.map((t) => [t.id, t.title]));
    const [obstacles, departments] = await Promise.all([
      db.obstacle.findMany({
        where: { status: "OPEN", taskId: { in: [...titles.keys()] } },
        orderBy: { id: "asc" },
      }),
      db.unit.findMany({
        where: { id: { in: [...new Set(requests.map((r) => r.departmentUnitId))] } },
        select: { id: true, name: true },
      }),
    ]);
    const departmentName = new Map(departments.map((d) => [d.id, d.name]));
    return {
      unitId,
      unitName: view.unitName,
      today,
      year: view.year,
      programmes: view.programmes,
      tasks: lists,
      obstacles: obstacles.map((o) => ({
        taskId: o.taskId,
        taskTitle: titles.get(o.taskId) ?? "",
        reason: o.reason,
        openedOn: localDate(o.createdAt),
      })),
      requests: requests.map((r) => ({
        id: r.id,
        docNo: r.docNo,
        subject: r.subject,
        department: departmentName.get(r.departmentUnitId) ?? "",
        dueOn: r.dueOn,
        overdue: r.dueOn < today,
      })),
      chartSvg,
    };
  }

  /** Where Telegram opens the dashboard (the shell at /app/); null when DASHBOARD_URL is not set. */
  const appUrl = url === null ? null : `${url}/app/`;

  /** A directive's progress by item and unit in the four categories (the province's readers); null: none. */
  async function directive(directiveId: number, now: Date): Promise<DirectiveProgressView | null> {
    const exists = await db.directive.count({ where: { id: directiveId } });
    return exists ? directives.progress(directiveId, now) : null;
  }

  return { province, unit, directive, appUrl };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
