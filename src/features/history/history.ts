// A task's history (#19, /lichsu): its audit entries (given, extended, evidence, reported, confirmed or
// refused, snoozed, handed over), the reminders that went out (with their rung) and the obstacles raised on it,
// in time order. Data only; the catalogue renders it. Who may read it: the responsible official, the one who
// assigned it, the unit's chairman and Party secretary, its supervisors and the secretariat; in a group, only
// the group's own unit's tasks (the secretariat's group: any).
import type { Db } from "../../platform/db/client.ts";
import type { Rung } from "../../domain/ladder.ts";
import type { Actor } from "../registry/registry.ts";
import { refusal } from "../refusals.ts";

export type HistoryEvent = { at: Date; by: string | null } &
  /** given by /giao, a task file, the command line, a directive file, as the next of a series; or created */
  (
    | { kind: "assigned"; via: "giao" | "file" | "cli" | "directive" | "series" | "created" }
    | { kind: "reminder"; rung: Rung }
    | { kind: "snoozed"; until: Date | null }
    | { kind: "extensionAsked"; newDueDate: string; reason: string }
    | { kind: "extensionDecided"; approved: boolean; newDueDate: string }
    | { kind: "evidence"; fileName: string }
    /** reported done: closed at once, or waiting for confirmation */
    | { kind: "reported"; note: string; awaiting: boolean }
    | { kind: "confirmed" }
    | { kind: "refused"; reason: string }
    | { kind: "obstacle"; reason: string; resolution: string | null }
    | { kind: "handedOver"; from: string; to: string }
    /** an audit entry this list does not name (its action as written) */
    | { kind: "other"; action: string }
  );

export interface HistoryView {
  taskId: number;
  title: string;
  unitName: string;
  responsibleName: string;
  dueDate: string;
  /** the due date before an approved extension, or null */
  originalDueDate: string | null;
  status: "OPEN" | "AWAITING_CONFIRMATION" | "DONE" | "CANCELLED";
  requiresEvidence: boolean;
  requiresConfirmation: boolean;
  events: HistoryEvent[];
}

/** Where /lichsu is asked: a private chat, or a group (bound to a unit, the secretariat's, or to nothing). */
export type HistoryPlace = { kind: "private" } | { kind: "group"; unitId: number | null; isSecretariat: boolean };

const ASSIGNED: Record<string, "giao" | "file" | "cli" | "directive" | "series"> = {
  "task.assign": "giao",
  "task.import": "file",
  "task.add": "cli",
  "task.directive": "directive",
  "task.recur": "series",
};

const RUNGS = new Set(["before", "due", "overdue1", "overdue3"]);

/** The responsible official, the assigner, the unit's leaders and supervisors, the secretariat. */
export function mayReadHistory(
  actor: Actor,
  task: { unitId: number; responsibleId: number; createdById: number | null },
): boolean {
  if (actor.officialId === task.responsibleId || actor.officialId === task.createdById) return true;
  return actor.roles.some(
    (r) =>
      r.role === "SECRETARIAT" ||
      (r.role === "SUPERVISOR" && (r.unitId === null || r.unitId === task.unitId)) ||
      ((r.role === "CHAIRMAN" || r.role === "PARTY_SECRETARY") && r.unitId === task.unitId),
  );
}

const parse = (json: string): Record<string, unknown> => {
  try {
    return (json ? JSON.parse(json) : {}) as Record<string, unknown>;
  } catch {
    return {};
  }
};
const str = (v: unknown) => (typeof v === "string" ? v : "");

export function createHistoryService({ db }: { db: Db }) {
  async function history(input: { taskId: number; actor: Actor; place: HistoryPlace }): Promise<HistoryView> {
    const task = await db.task.findUnique({
      where: { id: input.taskId },
      include: { unit: true, responsible: { select: { fullName: true } } },
    });
    if (!task) throw refusal("tasks", "taskNotFound", input.taskId);
    if (!mayReadHistory(input.actor, task)) throw refusal("history", "notAllowed");
    const place = input.place;
    if (place.kind === "group" && !place.isSecretariat && place.unitId !== task.unitId)
      throw refusal("history", "otherUnit", task.id);

    const [entries, reminders, obstacles] = await Promise.all([
      db.auditLog.findMany({ where: { entity: "Task", entityId: String(task.id) }, orderBy: { id: "asc" } }),
      db.reminder.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" } }),
      db.obstacle.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" } }),
    ]);
    const ids = [...entries.map((e) => e.actorId), ...obstacles.map((o) => o.openedById), task.createdById].filter(
      (x): x is number => x !== null,
    );
    const people = new Map(
      (
        await db.official.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, fullName: true } })
      ).map((o) => [o.id, o.fullName]),
    );
    const nameOf = (id: number | null) => (id === null ? null : (people.get(id) ?? null));

    const events: HistoryEvent[] = [];
    for (const e of entries) {
      const by = nameOf(e.actorId);
      const after = parse(e.after);
      const base = { at: e.at, by };
      const via = ASSIGNED[e.action];
      if (via) events.push({ ...base, kind: "assigned", via });
      else if (e.action === "task.complete" || e.action === "task.report")
        events.push({
          ...base,
          kind: "reported",
          note: str(after.completionNote),
          awaiting: e.action === "task.report",
        });
      else if (e.action === "task.confirm") events.push({ ...base, kind: "confirmed" });
      else if (e.action === "task.refuse") events.push({ ...base, kind: "refused", reason: str(after.reason) });
      else if (e.action === "task.snooze")
        events.push({
          ...base,
          kind: "snoozed",
          until: typeof after.snoozedUntil === "string" ? new Date(after.snoozedUntil) : null,
        });
      else if (e.action === "extension.request")
        events.push({ ...base, kind: "extensionAsked", newDueDate: str(after.newDueDate), reason: str(after.reason) });
      else if (e.action === "extension.approve" || e.action === "extension.refuse") {
        const request = (after.request ?? {}) as Record<string, unknown>;
        events.push({
          ...base,
          kind: "extensionDecided",
          approved: e.action === "extension.approve",
          newDueDate: str(request.newDueDate),
        });
      } else if (e.action === "evidence.attach")
        events.push({ ...base, kind: "evidence", fileName: str(after.fileName) });
      else if (e.action === "task.reassign")
        events.push({
          ...base,
          kind: "handedOver",
          from: str(parse(e.before).responsibleName),
          to: str(after.responsibleName),
        });
      else events.push({ ...base, kind: "other", action: e.action });
    }
    for (const r of reminders)
      if (RUNGS.has(r.rung)) events.push({ at: r.createdAt, by: null, kind: "reminder", rung: r.rung as Rung });
    for (const o of obstacles)
      events.push({
        at: o.createdAt,
        by: nameOf(o.openedById),
        kind: "obstacle",
        reason: o.reason,
        resolution: o.status === "RESOLVED" ? o.resolution : null,
      });
    // the seed's and the oldest tasks have no audit entry of their assignment: their creation stands for it
    if (!events.some((e) => e.kind === "assigned"))
      events.push({ at: task.createdAt, by: nameOf(task.createdById), kind: "assigned", via: "created" });
    // time order; at the same instant the order they were written in (stable sort)
    events.sort((a, b) => a.at.getTime() - b.at.getTime());

    return {
      taskId: task.id,
      title: task.title,
      unitName: task.unit.name,
      responsibleName: task.responsible.fullName,
      dueDate: task.dueDate,
      originalDueDate: task.originalDueDate,
      status: task.status,
      requiresEvidence: task.requiresEvidence,
      requiresConfirmation: task.requiresConfirmation,
      events,
    };
  }

  return { history };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
