// Exports for leaders as XLSX (the recommended format) or CSV: status by unit × programme, tasks with their
// history, disbursement history, scorecards, the directives' register. The sheets are written by sheets.ts.
import { inSlices, type Db } from "../../platform/db/client.ts";
import { localDate } from "../../domain/dates.ts";
import { planOf, reportingYear, type PlanPart } from "../../domain/disbursed.ts";
import { timeliness } from "../../domain/ladder.ts";
import { rateBp } from "../../domain/money-format.ts";
import { defaultPeriod, type Period } from "../../domain/scorecard.ts";
import type { Messages } from "../../i18n/index.ts";
import { foldVietnamese } from "../../domain/text.ts";
import type { ScorecardService } from "./scorecard.ts";
import type { StatusService } from "../disbursement/status.ts";
import type { DirectiveService } from "../directives/directives.ts";
import type { ProgrammeStatusView } from "../../i18n/types.ts";
import { directiveSheets } from "../directives/directive-export.ts";
import type { CsvSeparator } from "../../domain/csv.ts";
import { localDateTime, sheet, sheetToCsv, toXlsx, type CellValue, type ColumnSpec, type Sheet } from "./sheets.ts";

export const EXPORT_KINDS = ["status", "tasks", "disbursement", "scorecards", "directives"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The kinds' Vietnamese names, as the Vietnamese commands name the same things (/tinhhinh, /viec, /ketqua…). */
export const EXPORT_KINDS_VI: Record<ExportKind, string> = {
  status: "tinhhinh",
  tasks: "viec",
  disbursement: "giaingan",
  scorecards: "ketqua",
  directives: "chidao",
};

export interface ExportResult {
  kind: ExportKind;
  sheets: Sheet[];
  /** data rows of the first sheet */
  rows: number;
}

export interface ExportOptions {
  now: Date;
  period?: Period;
  /** 0..1, called as the export advances */
  onProgress?: (fraction: number) => unknown;
}

const SOURCE: Record<string, string> = { CENTRAL: "Vốn TW", LOCAL: "Vốn ĐP" };
const KIND: Record<string, string> = { INVESTMENT: "ĐTPT", RECURRENT: "SN" };

export function createExportService({
  db,
  status,
  scorecard,
  directives,
  messages,
}: {
  db: Db;
  status: StatusService;
  scorecard: ScorecardService;
  directives: Pick<DirectiveService, "allProgress">;
  /** the headers, sheet names and values of the files, in Vietnamese (the composition root passes `catalogue`) */
  messages: Messages<"reports" | "directives">;
}) {
  const vi = messages("vi").reports;
  const C = vi.columns;
  const V = vi.values;
  const S = vi.sheets;

  const activeUnits = () =>
    db.unit.findMany({
      where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });

  async function statusSheet(o: ExportOptions): Promise<Sheet> {
    const units = await activeUnits();
    const views = await status.unitStatuses(
      units.map((u) => u.id),
      o.now,
    );
    const rows: CellValue[][] = [];
    // per source and kind (ADR 016): blank where a part has no plan, or no figure of its own
    const PARTS = [
      ["CENTRAL", null],
      ["CENTRAL", "INVESTMENT"],
      ["CENTRAL", "RECURRENT"],
      ["LOCAL", null],
      ["LOCAL", "INVESTMENT"],
      ["LOCAL", "RECURRENT"],
    ] as const;
    const partCells = (p: ProgrammeStatusView, source: string, kind: string | null): CellValue[] => {
      const s = p.sources.find((x) => x.source === source);
      const k = kind === null ? undefined : s?.kinds.find((x) => x.kind === kind);
      if (!s || (kind !== null && !k)) return kind === null ? [null, null, null] : [null, null];
      if (k) return [k.planVnd, k.disbursedVnd];
      return [s.planVnd, s.disbursedVnd, s.disbursedVnd === null ? null : rateBp(s.disbursedVnd, s.planVnd)];
    };
    for (const [i, u] of units.entries()) {
      const st = views.get(u.id)!;
      for (const p of st.programmes) {
        rows.push([
          u.name,
          p.programmeCode,
          p.planVnd,
          p.disbursedVnd,
          p.actualBp,
          p.actualBp === null ? null : p.expectedBp,
          p.gapBp,
          p.light ? (V.light[p.light] ?? p.light) : "",
          p.openTasks,
          p.overdueTasks,
          p.planVnd > 0n ? (V.basis[p.basis] ?? p.basis) : "",
          ...PARTS.flatMap(([source, kind]) => partCells(p, source, kind)),
          p.total.planVnd > 0n ? p.total.planVnd : null,
          p.total.disbursedVnd,
          p.total.disbursedVnd === null ? null : rateBp(p.total.disbursedVnd, p.total.planVnd),
        ]);
      }
      await o.onProgress?.((i + 1) / units.length);
    }
    const partName = (source: string, kind: string | null) =>
      [V.source[source], kind ? V.kind[kind] : ""].filter(Boolean).join(" ");
    return sheet(
      S.status,
      [
        [C.unit, "text", 24],
        [C.programme, "text"],
        [C.plan, "vnd", 22],
        [C.disbursed, "vnd", 22],
        [C.rate, "pct"],
        [C.expected, "pct"],
        [C.gap, "pct"],
        [C.light, "text"],
        [C.openTasks, "int"],
        [C.overdueTasks, "int"],
        [C.basis, "text"],
        ...PARTS.flatMap(([source, kind]): ColumnSpec[] => [
          [C.partPlan(partName(source, kind)), "vnd", 22],
          [C.partDisbursed(partName(source, kind)), "vnd", 22],
          ...(kind === null ? [[C.partRate(partName(source, kind)), "pct"] as ColumnSpec] : []),
        ]),
        [C.totalPlan, "vnd", 22],
        [C.totalDisbursed, "vnd", 22],
        [C.totalRate, "pct"],
      ],
      rows,
    );
  }

  async function taskSheets(o: ExportOptions): Promise<Sheet[]> {
    const today = localDate(o.now);
    const tasks = await db.task.findMany({
      where: o.period ? { dueDate: { gte: o.period.from, lte: o.period.to } } : {},
      include: { unit: true, programme: true, responsible: true },
      orderBy: { id: "asc" },
    });
    await o.onProgress?.(0.3);
    const ids = tasks.map((t) => t.id);
    // a task's events all come from one slice of ids, in their order
    const events = await inSlices(ids, (slice) =>
      db.auditLog.findMany({ where: { entity: "Task", entityId: { in: slice.map(String) } }, orderBy: { id: "asc" } }),
    );
    const reminders = await inSlices(ids, (slice) =>
      db.reminder.findMany({ where: { taskId: { in: slice } }, select: { taskId: true, createdAt: true } }),
    );
    await o.onProgress?.(0.6);
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is number => x !== null))];
    const actors = new Map(
      (
        await inSlices(actorIds, (slice) =>
          db.official.findMany({ where: { id: { in: slice } }, select: { id: true, fullName: true } }),
        )
      ).map((a) => [a.id, a.fullName]),
    );
    const byTask = new Map<string, typeof events>();
    for (const e of events) byTask.set(e.entityId, [...(byTask.get(e.entityId) ?? []), e]);
    const rows: CellValue[][] = tasks.map((t) => {
      const completedOn = t.status === "DONE" && t.completedAt ? localDate(t.completedAt) : null;
      const history = (byTask.get(String(t.id)) ?? []).map(
        (e) => `${localDateTime(e.at)} ${e.action}${e.actorId ? ` (${actors.get(e.actorId) ?? e.actorId})` : ""}`,
      );
      return [
        t.id,
        t.unit.name,
        t.programme?.code ?? "",
        t.title,
        t.responsible.fullName,
        t.dueDate,
        V.status[t.status] ?? t.status,
        completedOn,
        t.status === "CANCELLED"
          ? ""
          : (V.timeliness[timeliness(t.originalDueDate ?? t.dueDate, completedOn, today)] ?? ""),
        t.docRef,
        reminders.filter((r) => r.taskId === t.id && (!t.completedAt || r.createdAt < t.completedAt)).length,
        history.join("; "),
      ];
    });
    const main = sheet(
      S.tasks,
      [
        [C.taskId, "int", 9],
        [C.unit, "text", 20],
        [C.programme, "text"],
        [C.title, "text", 50],
        [C.responsible, "text", 22],
        [C.dueDate, "date"],
        [C.status, "text"],
        [C.completedOn, "date"],
        [C.timeliness, "text", 24],
        [C.docRef, "text", 18],
        [C.reminders, "int"],
        [C.history, "text", 60],
      ],
      rows,
    );
    const history = sheet(
      S.history,
      [
        [C.taskId, "int", 9],
        [C.at, "datetime", 18],
        [C.actor, "text", 22],
        [C.action, "text", 22],
      ],
      events.map((e) => [
        Number(e.entityId),
        e.at,
        e.actorId ? (actors.get(e.actorId) ?? String(e.actorId)) : "",
        e.action,
      ]),
    );
    await o.onProgress?.(1);
    return [main, history];
  }

  async function disbursementSheet(o: ExportOptions): Promise<Sheet> {
    const year = o.period?.year ?? reportingYear(localDate(o.now));
    const [reports, plans] = await Promise.all([
      db.disbursementReport.findMany({
        where: { year, ...(o.period ? { asOf: { gte: o.period.from, lte: o.period.to } } : {}) },
        include: { unit: true, programme: true, reportedBy: true },
        orderBy: [{ asOf: "asc" }, { id: "asc" }],
      }),
      db.capitalPlan.findMany({
        where: { year },
        select: { unitId: true, programmeId: true, source: true, kind: true, amountVnd: true },
      }),
    ]);
    await o.onProgress?.(0.5);
    const plansOf = new Map<string, PlanPart[]>();
    for (const p of plans) {
      const k = `${p.unitId}:${p.programmeId}`;
      plansOf.set(k, [...(plansOf.get(k) ?? []), p]);
    }
    const rows: CellValue[][] = reports.map((r) => {
      // each figure against the plan of the part it covers (ADR 016)
      const plan = planOf(plansOf.get(`${r.unitId}:${r.programmeId}`) ?? [], r);
      const part = [r.source ? SOURCE[r.source] : "", r.kind ? KIND[r.kind] : ""].filter(Boolean).join(" ") || V.whole;
      return [
        r.unit.name,
        r.programme.code,
        part,
        r.asOf,
        r.cumulativeVnd,
        plan,
        rateBp(r.cumulativeVnd, plan),
        r.reportedBy?.fullName ?? "",
        r.isCorrection ? V.yes : "",
        r.createdAt,
      ];
    });
    await o.onProgress?.(1);
    return sheet(
      S.disbursement,
      [
        [C.unit, "text", 20],
        [C.programme, "text"],
        [C.part, "text", 18],
        [C.asOf, "date"],
        [C.cumulative, "vnd", 22],
        [C.plan, "vnd", 22],
        [C.rate, "pct"],
        [C.reportedBy, "text", 22],
        [C.correction, "text"],
        [C.reportedAt, "datetime", 18],
      ],
      rows,
    );
  }

  async function scorecardSheet(o: ExportOptions): Promise<Sheet> {
    const period = o.period ?? defaultPeriod(localDate(o.now));
    const cards = await scorecard.allUnitScorecards(period, o.now, (done, total) => void o.onProgress?.(done / total));
    const rows: CellValue[][] = cards.map((c) => [
      c.name,
      vi.periodLabel(c.period),
      c.tasks.doneOnTime,
      c.tasks.doneLate,
      c.tasks.openInTerm,
      c.tasks.openOverdue,
      c.tasks.awaitingConfirmation,
      c.tasks.medianDaysLate,
      c.tasks.remindersBeforeDone,
      c.disbursement?.planVnd ?? null,
      c.disbursement?.disbursedVnd ?? null,
      c.disbursement?.actualBp ?? null,
      c.disbursement ? c.disbursement.expectedBp : null,
      c.meetings?.held ?? null,
      c.meetings?.expected ?? null,
      c.requests.answeredOnTime,
      c.requests.answeredLate,
      c.requests.openOverdue,
    ]);
    return sheet(
      S.scorecards,
      [
        [C.unit, "text", 20],
        [C.period, "text"],
        [C.doneOnTime, "int"],
        [C.doneLate, "int"],
        [C.openInTerm, "int"],
        [C.openOverdue, "int"],
        [C.awaitingConfirmation, "int"],
        [C.medianDaysLate, "decimal"],
        [C.reminders, "int"],
        [C.plan, "vnd", 22],
        [C.disbursed, "vnd", 22],
        [C.rate, "pct"],
        [C.expected, "pct"],
        [C.meetingsHeld, "int"],
        [C.meetingsExpected, "int"],
        [C.requestsOnTime, "int"],
        [C.requestsLate, "int"],
        [C.requestsOpenOverdue, "int"],
      ],
      rows,
    );
  }

  async function build(kind: ExportKind, o: ExportOptions): Promise<ExportResult> {
    let sheets: Sheet[];
    if (kind === "status") sheets = [await statusSheet(o)];
    else if (kind === "tasks") sheets = await taskSheets(o);
    else if (kind === "disbursement") sheets = [await disbursementSheet(o)];
    else if (kind === "directives") sheets = await directiveSheets(directives, messages("vi").directives, o.now);
    else sheets = [await scorecardSheet(o)];
    return { kind, sheets, rows: sheets[0]!.rows.length };
  }

  /** The file's bytes: XLSX (every sheet) or CSV (the first sheet; ";" unless `separator` says ","). */
  async function file(
    result: ExportResult,
    format: "xlsx" | "csv",
    opts: { separator?: CsvSeparator } = {},
  ): Promise<Buffer> {
    return format === "csv"
      ? Buffer.from(sheetToCsv(result.sheets[0]!, opts.separator), "utf8")
      : toXlsx(result.sheets);
  }

  return { build, file };
}

export type ExportService = ReturnType<typeof createExportService>;

/** "dondoc-status-20261124.xlsx" */
export function exportFilename(kind: ExportKind, today: string, format: "xlsx" | "csv"): string {
  return `dondoc-${kind}-${today.replace(/-/g, "")}.${format}`;
}

/** The kind a word names: its English or Vietnamese name, in any case, with or without diacritics («việc»). */
export function exportKindNamed(word: string): ExportKind | null {
  const w = foldVietnamese(word);
  return EXPORT_KINDS.find((k) => k === w || EXPORT_KINDS_VI[k] === w) ?? null;
}
