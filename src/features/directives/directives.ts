// The directive register (#19): a directive's items and the tasks that carry them out (one per assignee),
// tallied in the Government Office's four categories per item, per unit and overall. Read by /ketluan,
// the secretariat's /status, the export and the weekly report; counted from the tasks themselves, so a
// completion, an extension or a reassignment shows at once.
import type { Db } from "../../platform/db/client.ts";
import { localDate } from "../../domain/dates.ts";
import { timeliness } from "../../domain/ladder.ts";
import { refusal } from "../refusals.ts";
import { evidenceCounts } from "../evidence/evidence.ts";
import {
  emptyTally,
  type DirectiveKind,
  type DirectiveProgressView,
  type DirectiveRef,
  type DirectiveSummaryView,
  type ItemProgressView,
  type Tally,
} from "./views.ts";

/** The date a task is judged against: the original due date when an extension moved it (the scorecard's). */
export const judgedDue = (t: { dueDate: string; originalDueDate: string | null }) => t.originalDueDate ?? t.dueDate;

const completedOn = (t: { status: string; completedAt: Date | null }) =>
  t.status === "DONE" && t.completedAt ? localDate(t.completedAt) : null;

/** Reported done and waiting for confirmation (#19): not completed, counted apart as well. */
const awaiting = (t: { status: string }) => t.status === "AWAITING_CONFIRMATION";

function ref(d: { id: number; kind: string; number: string; issuedOn: string; issuer: string; summary: string }) {
  return {
    id: d.id,
    kind: d.kind as DirectiveKind,
    number: d.number,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    summary: d.summary,
  } satisfies DirectiveRef;
}

export function createDirectiveService({ db }: { db: Db }) {
  async function tasksOf(directiveIds: number[], unitIds?: number[]) {
    return db.task.findMany({
      where: {
        status: { not: "CANCELLED" },
        directiveItem: { directiveId: { in: directiveIds } },
        ...(unitIds ? { unitId: { in: unitIds } } : {}),
      },
      select: {
        id: true,
        status: true,
        dueDate: true,
        originalDueDate: true,
        completedAt: true,
        directiveItemId: true,
        unit: { select: { name: true } },
        responsible: { select: { fullName: true } },
      },
      orderBy: { id: "asc" },
    });
  }

  /** Every directive with its overall tally (of the given units' tasks only, when `unitIds` is given). */
  async function summaries(now: Date, unitIds?: number[]): Promise<DirectiveSummaryView[]> {
    const today = localDate(now);
    const directives = await db.directive.findMany({
      orderBy: [{ issuedOn: "desc" }, { id: "desc" }],
      include: { items: { select: { id: true } } },
    });
    const tasks = await tasksOf(
      directives.map((d) => d.id),
      unitIds,
    );
    const directiveOfItem = new Map(directives.flatMap((d) => d.items.map((i) => [i.id, d.id] as const)));
    const tallies = new Map<number, Tally>(directives.map((d) => [d.id, emptyTally()]));
    for (const t of tasks) {
      const tally = tallies.get(directiveOfItem.get(t.directiveItemId!)!)!;
      tally[timeliness(judgedDue(t), completedOn(t), today)]++;
      if (awaiting(t)) tally.awaiting++;
    }
    return directives.map((d) => ({ ...ref(d), items: d.items.length, tally: tallies.get(d.id)! }));
  }

  /** A directive by its number in the register ("1") or its số/ký hiệu; directiveNotFound otherwise. */
  async function find(query: string): Promise<number> {
    const q = query.trim().replace(/^#/, "");
    if (/^\d+$/.test(q)) {
      const d = await db.directive.findUnique({ where: { id: Number(q) }, select: { id: true } });
      if (d) return d.id;
    }
    const byNumber = await db.directive.findMany({ where: { number: q }, select: { id: true } });
    if (byNumber.length === 1) return byNumber[0]!.id;
    throw refusal("directives", "notFound", query);
  }

  /** One directive: each item's tasks in the four categories, the tally per unit and overall. */
  async function progress(directiveId: number, now: Date): Promise<DirectiveProgressView> {
    const today = localDate(now);
    const d = await db.directive.findUnique({
      where: { id: directiveId },
      include: { items: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] } },
    });
    if (!d) throw refusal("directives", "notFound", String(directiveId));
    const tasks = await tasksOf([d.id]);
    const evidence = await evidenceCounts(
      db,
      tasks.map((t) => t.id),
    );
    const total = emptyTally();
    const byUnit = new Map<string, Tally>();
    const items: ItemProgressView[] = d.items.map((i) => ({
      number: i.number,
      content: i.content,
      tally: emptyTally(),
      tasks: [],
    }));
    const itemIndex = new Map(d.items.map((i, k) => [i.id, k]));
    for (const t of tasks) {
      const category = timeliness(judgedDue(t), completedOn(t), today);
      const item = items[itemIndex.get(t.directiveItemId!)!]!;
      item.tally[category]++;
      total[category]++;
      const unit = byUnit.get(t.unit.name) ?? emptyTally();
      unit[category]++;
      byUnit.set(t.unit.name, unit);
      if (awaiting(t)) for (const x of [item.tally, total, unit]) x.awaiting++;
      item.tasks.push({
        taskId: t.id,
        unitName: t.unit.name,
        responsibleName: t.responsible.fullName,
        dueDate: t.dueDate,
        category,
        awaiting: awaiting(t),
        evidence: evidence.get(t.id) ?? 0,
      });
    }
    const units = [...byUnit.entries()]
      .map(([unitName, tally]) => ({ unitName, tally }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, "vi"));
    return { ...ref(d), today, tally: total, items, units };
  }

  /** Every directive's progress, newest first (the export). */
  async function allProgress(now: Date): Promise<DirectiveProgressView[]> {
    const ids = await db.directive.findMany({ orderBy: [{ issuedOn: "desc" }, { id: "desc" }], select: { id: true } });
    const out: DirectiveProgressView[] = [];
    for (const d of ids) out.push(await progress(d.id, now));
    return out;
  }

  return { summaries, find, progress, allProgress };
}

export type DirectiveService = ReturnType<typeof createDirectiveService>;
