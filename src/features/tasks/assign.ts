// Tasks by command: assigning (/giao), the lists (/tasks, /overdue), snoozing a reminder, and obstacles
// ("vướng mắc") raised on a task. Every change is audited and its messages go through the outbox in the
// same transaction.
import type { Db, Tx } from "../../platform/db/client.ts";
import { awaitInput, awaitedInput } from "../../platform/db/pending-input.ts";
import { isOfficeTime, nextOfficeStart, type OfficeHours, type WorkCalendar } from "../../domain/calendar.ts";
import { addDays, localDate, localInstant, localMinutes } from "../../domain/dates.ts";
import { overdueWorkingDays, timeliness } from "../../domain/ladder.ts";
import { matchByName } from "../../domain/text.ts";
import type { AssignedView, ObstacleView, SnoozeView, TaskLineView } from "./messages.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { UserError } from "../../platform/errors.ts";
import { refusalsOf } from "../refusals.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { createRegistry, type Actor } from "../registry/registry.ts";
import { announceTask, type SnoozeKind, type TaskMessages } from "./notices.ts";
import { mayCompleteNow } from "./completion.ts";

export interface AssignDeps {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  officeHours: OfficeHours;
  /** working days the programme's office has to answer an obstacle (REQUEST_ANSWER_DAYS) */
  obstacleAnswerDays?: number;
  /** renders the announcements and notices written to the outbox (the composition root passes `catalogue`) */
  messages: TaskMessages;
}

export interface AssignInput {
  unit: string;
  /** null: no programme ("-") */
  programme: string | null;
  responsible: string;
  /** "YYYY-MM-DD" */
  dueDate: string;
  title: string;
  docRef: string;
  /** "monthly:5" or "" */
  recurrence: string;
  /** #19: a completion counts only with evidence attached */
  requiresEvidence?: boolean;
  /** #19: a reported completion waits for the assigner (or the secretariat) to confirm it */
  requiresConfirmation?: boolean;
  actor: Actor;
  now: Date;
  updateId?: bigint;
}

/** A reason given in answer to the bot's question (an obstacle's, a refused completion's). */
export interface ReasonInput {
  chatId: bigint;
  userId: bigint;
  reason: string;
  actor: Actor;
  now: Date;
  updateId?: bigint;
}

export type ListScope = { unitId: number } | { unitIds: number[] } | { responsibleId: number } | "province";

const taskError = refusalsOf("tasks");

export const OBSTACLE_INPUT = "obstacle.reason";
const PENDING_TTL_MS = 24 * 3600_000;

/** An assignment whose unit, programme and responsible official are known. */
export interface ResolvedAssignment {
  unitId: number;
  unitName: string;
  programmeId: number | null;
  responsibleId: number;
  responsibleName: string;
}

/**
 * Writes an assigned task in the caller's transaction: the task (its own series when it recurs), the
 * audit entry, and the announcement to the unit's groups and the official (the outbox). /giao, the
 * command line and the file import all assign through here.
 */
export async function writeAssignment(
  tx: Tx,
  a: ResolvedAssignment & {
    title: string;
    dueDate: string;
    docRef: string;
    recurrence: string;
    project?: string;
    requiresEvidence?: boolean;
    requiresConfirmation?: boolean;
  },
  by: { officialId: number | null; fullName: string; action: string; extra?: Record<string, unknown> },
  now: Date,
  messages: TaskMessages,
): Promise<AssignedView> {
  const created = await tx.task.create({
    data: {
      title: a.title.slice(0, 500),
      unitId: a.unitId,
      programmeId: a.programmeId,
      project: (a.project ?? "").slice(0, 200),
      responsibleId: a.responsibleId,
      dueDate: a.dueDate,
      docRef: a.docRef.slice(0, 200),
      recurrence: a.recurrence,
      requiresEvidence: a.requiresEvidence ?? false,
      requiresConfirmation: a.requiresConfirmation ?? false,
      createdById: by.officialId,
      createdAt: now,
    },
  });
  const task = a.recurrence
    ? await tx.task.update({ where: { id: created.id }, data: { seriesId: created.id } })
    : created;
  await audit(tx, {
    at: now,
    actorId: by.officialId,
    action: by.action,
    entity: "Task",
    entityId: task.id,
    after: by.extra ? { ...task, ...by.extra } : task,
  });
  return announceTask(tx, task.id, by.fullName, now, messages);
}

/** The office of the task's programme, when the registry names one. */
async function programmeOffice(tx: Tx, programmeId: number | null) {
  if (programmeId === null) return null;
  const p = await tx.programme.findUnique({ where: { id: programmeId }, select: { officeUnitId: true } });
  if (!p?.officeUnitId) return null;
  return tx.unit.findFirst({ where: { id: p.officeUnitId, active: true }, select: { id: true, name: true } });
}

export function createAssignService(deps: AssignDeps) {
  const { db } = deps;
  const registry = createRegistry({ db });

  /**
   * Finds the unit, programme and responsible official of an assignment the way /giao reads them, and
   * checks the due date; every problem as a UserError, in the order /giao reports them (the first one
   * is what /giao answers). `actor` null: the command line or a file import (the secretariat's tools).
   */
  async function resolveAssignment(input: {
    unit: string;
    programme: string | null;
    responsible: string;
    dueDate: string;
    actor: Actor | null;
    now: Date;
  }): Promise<{ ok: true; value: ResolvedAssignment } | { ok: false; errors: UserError[] }> {
    const errors: UserError[] = [];
    let unit: { id: number; name: string } | null = null;
    try {
      unit = await registry.findUnit(input.unit);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors.push(error);
    }
    const actor = input.actor;
    if (
      unit &&
      actor &&
      !actor.roles.some((r) => r.role === "SECRETARIAT" || (r.role === "CHAIRMAN" && r.unitId === unit.id))
    ) {
      return { ok: false, errors: [taskError("notYourUnit", unit.name)] };
    }
    let programmeId: number | null = null;
    if (input.programme !== null) {
      const programmes = await db.programme.findMany({ orderBy: { sortOrder: "asc" } });
      const m = matchByName(input.programme, programmes, (p) => [p.code, p.name, p.nameEn]);
      if (m.kind !== "one") errors.push(taskError("programmeNotFound", input.programme));
      else programmeId = m.item.id;
    }
    let responsible: { id: number; fullName: string } | null = null;
    if (unit) {
      const officials = await db.official.findMany({
        where: {
          active: true,
          OR: [{ unitId: unit.id }, { roles: { some: { unitId: unit.id, role: "RESPONSIBLE" } } }],
        },
        orderBy: { id: "asc" },
      });
      const m = matchByName(input.responsible, officials, (o) => [o.fullName, o.telegramUsername ?? ""]);
      if (m.kind === "none") errors.push(taskError("officialNotFound", input.responsible, unit.name));
      else if (m.kind === "many")
        errors.push(
          taskError(
            "officialAmbiguous",
            input.responsible,
            m.candidates.map((o) => o.fullName),
          ),
        );
      else responsible = m.item;
    }
    if (input.dueDate < localDate(input.now)) errors.push(taskError("pastDate", input.dueDate));
    if (errors.length > 0 || !unit || !responsible) return { ok: false, errors };
    return {
      ok: true,
      value: {
        unitId: unit.id,
        unitName: unit.name,
        programmeId,
        responsibleId: responsible.id,
        responsibleName: responsible.fullName,
      },
    };
  }

  async function assign(input: AssignInput): Promise<AssignedView> {
    const resolved = await resolveAssignment(input);
    if (!resolved.ok) throw resolved.errors[0]!;
    return db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      return writeAssignment(
        tx,
        {
          ...resolved.value,
          title: input.title,
          dueDate: input.dueDate,
          docRef: input.docRef,
          recurrence: input.recurrence,
          requiresEvidence: input.requiresEvidence ?? false,
          requiresConfirmation: input.requiresConfirmation ?? false,
        },
        { officialId: input.actor.officialId, fullName: input.actor.fullName, action: "task.assign" },
        input.now,
        deps.messages,
      );
    });
  }

  async function lines(where: object, now: Date): Promise<TaskLineView[]> {
    const cal = await deps.calendar();
    const today = localDate(now);
    const tasks = await db.task.findMany({
      // a completion waiting for confirmation (#19) is not done: listed, and marked
      where: { status: { in: ["OPEN", "AWAITING_CONFIRMATION"] }, ...where },
      include: { unit: true, responsible: true },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    return tasks.map((t) => ({
      id: t.id,
      title: t.title,
      dueDate: t.dueDate,
      timeliness: timeliness(t.dueDate, null, today),
      unitName: t.unit.name,
      responsibleName: t.responsible.fullName,
      overdueDays: overdueWorkingDays(t.dueDate, today, cal),
      awaitingConfirmation: t.status === "AWAITING_CONFIRMATION",
    }));
  }

  const scopeWhere = (scope: ListScope) =>
    scope === "province"
      ? {}
      : "unitId" in scope
        ? { unitId: scope.unitId }
        : "unitIds" in scope
          ? { unitId: { in: scope.unitIds } }
          : { responsibleId: scope.responsibleId };

  /** Open tasks, soonest due first. */
  async function openTasks(scope: ListScope, now: Date): Promise<TaskLineView[]> {
    return lines(scopeWhere(scope), now);
  }

  /** Overdue open tasks, the most overdue first. */
  async function overdueTasks(scope: ListScope, now: Date): Promise<TaskLineView[]> {
    return lines({ ...scopeWhere(scope), dueDate: { lt: localDate(now) } }, now);
  }

  async function openTaskFor(taskId: number, actor: Actor, now: Date) {
    const task = await db.task.findUnique({ where: { id: taskId } });
    if (!task || task.status === "CANCELLED") throw taskError("taskNotFound", taskId);
    if (task.status !== "OPEN") throw taskError("notOpen", task.title);
    if (!(await mayCompleteNow(db, actor, task, now))) throw taskError("notAllowed");
    return task;
  }

  /** When a snooze pressed at `now` ends. */
  function snoozeEnd(kind: SnoozeKind, now: Date, cal: WorkCalendar): Date {
    const hours = deps.officeHours;
    if (kind === "1h") {
      const later = new Date(now.getTime() + 3600_000);
      return isOfficeTime(later, cal, hours) ? later : nextOfficeStart(later, cal, hours);
    }
    const today = localDate(now);
    if (kind === "am")
      return nextOfficeStart(localInstant(addDays(today, 1), Math.min(7 * 60 + 30, hours.startMin)), cal, hours);
    // the next working day, at the same time of day (inside office hours)
    const same = localInstant(
      cal.nextWorkingDay(today),
      Math.max(hours.startMin, Math.min(localMinutes(now), hours.endMin - 1)),
    );
    return nextOfficeStart(same, cal, hours);
  }

  async function snooze(input: {
    taskId: number;
    kind: SnoozeKind;
    actor: Actor;
    now: Date;
    updateId?: bigint;
  }): Promise<SnoozeView> {
    const task = await openTaskFor(input.taskId, input.actor, input.now);
    const cal = await deps.calendar();
    const until = snoozeEnd(input.kind, input.now, cal);
    await db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      await tx.task.update({ where: { id: task.id }, data: { snoozedUntil: until } });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "task.snooze",
        entity: "Task",
        entityId: task.id,
        before: { snoozedUntil: task.snoozedUntil },
        after: { snoozedUntil: until, kind: input.kind },
      });
    });
    return {
      taskId: task.id,
      title: task.title,
      dueDate: task.dueDate,
      until,
      beyondDue: until.getTime() >= localInstant(addDays(task.dueDate, 1), 0).getTime(),
    };
  }

  /** "⏰ n" pressed under a digest: the task to offer the snooze choices for (the same checks as a snooze). */
  async function snoozeChoices(input: {
    taskId: number;
    actor: Actor;
    now: Date;
  }): Promise<{ title: string; dueDate: string }> {
    const task = await openTaskFor(input.taskId, input.actor, input.now);
    return { title: task.title, dueDate: task.dueDate };
  }

  /** "⚠️ Vướng mắc" pressed: waits for the reason, the next message of this user in this chat. */
  async function askObstacle(input: {
    taskId: number;
    chatId: bigint;
    userId: bigint;
    actor: Actor;
    now: Date;
  }): Promise<string> {
    const task = await openTaskFor(input.taskId, input.actor, input.now);
    const key = { chatId: input.chatId, userId: input.userId, kind: OBSTACLE_INPUT };
    await awaitInput(db, key, { taskId: task.id }, input.now, PENDING_TTL_MS);
    return task.title;
  }

  /** True when this user owes this chat the reason of an obstacle. */
  async function awaitsObstacle(chatId: bigint, userId: bigint, now: Date): Promise<boolean> {
    return (await awaitedInput(db, { chatId, userId, kind: OBSTACLE_INPUT }, now)) !== null;
  }

  /** Records the reason as an obstacle and tells the secretariat; null when no reason was awaited. */
  async function recordObstacle(input: ReasonInput): Promise<ObstacleView | null> {
    return db.$transaction(async (tx) => {
      const key = { chatId: input.chatId, userId: input.userId, kind: OBSTACLE_INPUT };
      const pending = await awaitedInput<{ taskId: number }>(tx, key, input.now);
      if (!pending) return null;
      await recordUpdate(tx, input.updateId);
      await tx.pendingInput.delete({ where: { id: pending.id } });
      const { taskId } = pending.payload;
      const task = await tx.task.findUnique({ where: { id: taskId }, include: { unit: true } });
      if (!task) throw taskError("taskNotFound", taskId);
      const reason = input.reason.trim().slice(0, 2000);
      let o = await tx.obstacle.create({
        data: { taskId, reason, openedById: input.actor.officialId, createdAt: input.now },
      });
      const office = await programmeOffice(tx, task.programmeId);
      let answerBy: string | null = null;
      if (office) {
        // the programme's office answers it like a written request: reminders, escalation, /traloi, /trunguong
        const today = localDate(input.now);
        answerBy = (await deps.calendar()).addWorkingDays(today, deps.obstacleAnswerDays ?? 7);
        const request = await tx.writtenRequest.create({
          data: {
            unitId: task.unitId,
            departmentUnitId: office.id,
            docNo: `Vướng mắc #${o.id}`,
            sentOn: today,
            subject: `${task.title}: ${reason}`.slice(0, 1000),
            dueOn: answerBy,
            createdById: input.actor.officialId,
            createdAt: input.now,
          },
        });
        o = await tx.obstacle.update({ where: { id: o.id }, data: { requestId: request.id } });
      }
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "obstacle.open",
        entity: "Obstacle",
        entityId: o.id,
        after: o,
      });
      const view: ObstacleView = {
        id: o.id,
        taskId,
        title: task.title,
        unitName: task.unit.name,
        reason,
        byName: input.actor.fullName,
        openedOn: localDate(input.now),
        officeName: office?.name ?? null,
        answerBy,
        requestId: o.requestId,
        state: "OPEN",
      };
      const secretariat = await tx.chat.findMany({
        where: { isSecretariat: true, status: "ACTIVE" },
        orderBy: { id: "asc" },
      });
      const text = deps.messages("vi").tasks.obstacle.notice(view);
      await enqueue(
        tx,
        secretariat.map((s) => ({ chatId: s.telegramChatId, text, kind: "obstacle.open", taskId })),
        input.now,
      );
      return view;
    });
  }

  async function openObstacles(): Promise<ObstacleView[]> {
    const rows = await db.obstacle.findMany({ where: { status: { in: ["OPEN", "CENTRAL"] } }, orderBy: { id: "asc" } });
    const tasks = await db.task.findMany({ where: { id: { in: rows.map((r) => r.taskId) } }, include: { unit: true } });
    const ids = rows.map((r) => r.openedById).filter((x): x is number => x !== null);
    const people = await db.official.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } });
    const requestIds = rows.map((r) => r.requestId).filter((x): x is number => x !== null);
    const requests = await db.writtenRequest.findMany({ where: { id: { in: requestIds } } });
    const offices = await db.unit.findMany({ where: { id: { in: requests.map((r) => r.departmentUnitId) } } });
    return rows.map((r) => {
      const t = tasks.find((x) => x.id === r.taskId);
      const request = requests.find((x) => x.id === r.requestId);
      return {
        id: r.id,
        taskId: r.taskId,
        title: t?.title ?? "",
        unitName: t?.unit.name ?? "",
        reason: r.reason,
        byName: people.find((p) => p.id === r.openedById)?.fullName ?? "",
        openedOn: localDate(r.createdAt),
        officeName: offices.find((u) => u.id === request?.departmentUnitId)?.name ?? null,
        answerBy: request?.dueOn ?? null,
        requestId: r.requestId,
        state: r.status === "CENTRAL" ? "CENTRAL" : "OPEN",
      };
    });
  }

  return {
    assign,
    resolveAssignment,
    openTasks,
    overdueTasks,
    snooze,
    snoozeEnd,
    snoozeChoices,
    askObstacle,
    awaitsObstacle,
    recordObstacle,
    openObstacles,
  };
}

export type AssignService = ReturnType<typeof createAssignService>;
