// Announcing a task (a new one from /giao, or the next of a recurring series) to the unit's groups and to
// the responsible official in private, through the outbox in the caller's transaction; and the buttons
// under a reminder (done, snooze, obstacle).
import { isUniqueViolation, type Tx } from "../../platform/db/client.ts";
import { createWorkCalendar } from "../../domain/calendar.ts";
import { nextDueDate } from "../../domain/recurrence.ts";
import { escapeHtml } from "../../domain/text.ts";
import type { Catalogue, Messages } from "../../i18n/index.ts";
import type { AssignedView } from "./messages.ts";
import { audit } from "../../platform/db/audit.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import { standInsOn, withBehalf } from "../absence/stand-ins.ts";

export type SnoozeKind = "1h" | "am" | "wd";

/** What the task notices render: the composition root passes `catalogue`. */
export type TaskMessages = Messages<"tasks" | "absence">;

/** The snooze rows of a reminder (also the answer to ⏰ n under a digest). */
export function snoozeRows(taskId: number, t: Pick<Catalogue, "tasks">) {
  const b = t.tasks.buttons;
  return [
    [
      { text: b.hour, callback_data: `snz:1h:${taskId}` },
      { text: b.morning, callback_data: `snz:am:${taskId}` },
    ],
    [{ text: b.nextDay, callback_data: `snz:wd:${taskId}` }],
  ];
}

/** The keyboard under a reminder; callback data stays far below Telegram's 64 bytes. */
export function reminderButtons(taskId: number, t: Pick<Catalogue, "tasks">) {
  const b = t.tasks.buttons;
  return {
    inline_keyboard: [
      [{ text: b.done, callback_data: `done:${taskId}` }],
      ...snoozeRows(taskId, t),
      [
        { text: b.obstacle, callback_data: `obs:${taskId}` },
        { text: b.extension, callback_data: `ext:${taskId}` },
      ],
    ],
  };
}

const doneOnly = (taskId: number, t: Pick<Catalogue, "tasks">) => ({
  inline_keyboard: [[{ text: t.tasks.buttons.done, callback_data: `done:${taskId}` }]],
});

/**
 * Writes the announcement of task `taskId` to the outbox: the unit's active groups and the official's private
 * chat, rendered by `messages`.
 */
export async function announceTask(
  tx: Tx,
  taskId: number,
  assignedByName: string,
  now: Date,
  messages: TaskMessages,
): Promise<AssignedView> {
  const task = await tx.task.findUniqueOrThrow({
    where: { id: taskId },
    include: { unit: true, programme: true, responsible: true },
  });
  const r = task.responsible;
  const view: AssignedView = {
    taskId: task.id,
    title: task.title,
    unitName: task.unit.name,
    programmeCode: task.programme?.code ?? null,
    responsibleName: r.fullName,
    responsibleMention: r.telegramUserId
      ? `<a href="tg://user?id=${r.telegramUserId}">${escapeHtml(r.fullName)}</a>`
      : escapeHtml(r.fullName),
    dueDate: task.dueDate,
    docRef: task.docRef,
    recurrence: task.recurrence,
    assignedByName,
    requiresEvidence: task.requiresEvidence,
    requiresConfirmation: task.requiresConfirmation,
  };
  const groups = await tx.chat.findMany({
    where: { unitId: task.unitId, status: "ACTIVE", kind: { in: ["GROUP", "SUPERGROUP"] } },
    orderBy: { id: "asc" },
  });
  const out: OutgoingMessage[] = [];
  const vi = messages("vi");
  for (const g of groups) {
    out.push({
      chatId: g.telegramChatId,
      text: vi.tasks.assigned(view),
      kind: "task.assigned",
      taskId: task.id,
      replyMarkup: doneOnly(task.id, vi),
    });
  }
  // the responsible official, or his stand-in while he is away (#19)
  const subject = { unitId: task.unitId, programmeId: task.programmeId };
  const to = (await standInsOn(tx, now, [task.unitId])).recipientOf(r.id, r, subject);
  const p = to.person;
  if (p.telegramUserId && p.privateChatAt && p.active) {
    const chat = await tx.chat.findUnique({ where: { telegramChatId: p.telegramUserId } });
    if (!chat || chat.status === "ACTIVE") {
      const t = messages(p.language);
      out.push({
        chatId: p.telegramUserId,
        text: withBehalf(t, to.onBehalf, t.tasks.assigned(view)),
        kind: "task.assigned",
        taskId: task.id,
        replyMarkup: doneOnly(task.id, t),
      });
    }
  }
  await enqueue(tx, out, now);
  return view;
}

/** The savepoint around the insert of a series' next task (see createNextInSeries). */
const SAVEPOINT = "next_in_series";

/**
 * After a recurring task is completed: creates the next task of its series (same seriesId) and announces
 * it, in the completion's transaction. Nothing when the task does not recur, or the next one exists (even
 * cancelled: a cancelled occurrence is not made again).
 *
 * One per series × due date is enforced by the unique index on (seriesId, dueDate): a completion racing
 * the recurrence job (or another completion) on PostgreSQL sees nothing in the check below, and the later
 * insert waits for the earlier transaction, then fails. That failure happens inside a savepoint, so it is
 * rolled back alone: a failed statement would otherwise abort the caller's whole transaction on PostgreSQL
 * (the completion must still commit). On SQLite, where writers are serialized, the savepoint costs nothing.
 */
export async function createNextInSeries(
  tx: Tx,
  task: { id: number; recurrence: string; seriesId: number | null; dueDate: string },
  by: { officialId: number | null; fullName: string },
  now: Date,
  messages: TaskMessages,
): Promise<number | null> {
  if (!task.recurrence) return null;
  const days = await tx.calendarDay.findMany();
  const cal = createWorkCalendar(
    days.map((d) => ({ date: d.date, kind: d.kind as "HOLIDAY" | "WORKDAY", name: d.name })),
  );
  const due = nextDueDate(task.recurrence, task.dueDate, cal);
  if (!due) return null;
  const seriesId = task.seriesId ?? task.id;
  if (await tx.task.findUnique({ where: { seriesId_dueDate: { seriesId, dueDate: due } }, select: { id: true } }))
    return null;
  const prev = await tx.task.findUniqueOrThrow({ where: { id: task.id } });
  await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
  let next: { id: number };
  try {
    next = await tx.task.create({
      data: {
        title: prev.title,
        unitId: prev.unitId,
        programmeId: prev.programmeId,
        project: prev.project,
        responsibleId: prev.responsibleId,
        dueDate: due,
        docRef: prev.docRef,
        recurrence: prev.recurrence,
        requiresEvidence: prev.requiresEvidence,
        requiresConfirmation: prev.requiresConfirmation,
        seriesId,
        createdById: prev.createdById,
        createdAt: now,
      },
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // another transaction made this occurrence meanwhile: it announces it, not us
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    return null;
  }
  await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  await audit(tx, {
    at: now,
    actorId: by.officialId,
    action: "task.recur",
    entity: "Task",
    entityId: next.id,
    after: { seriesId, dueDate: due, previousTaskId: task.id },
  });
  await announceTask(tx, next.id, by.fullName, now, messages);
  return next.id;
}

/**
 * A before/due rung snoozed after it was sent comes back once when the snooze ends: its entry in the
 * deadline check gets the key `task:<id>:<rung>:snz:<snoozedUntil ISO>`, so it fires once per snooze.
 * A rung first reached after the snooze ended keeps its plain key (it is news, not a repeat).
 */
export async function resumeSnoozed(
  db: Pick<Tx, "reminder">,
  due: { taskId: number; rung: string; key: string }[],
  tasks: { id: number; snoozedUntil: Date | null }[],
  now: Date,
): Promise<void> {
  const until = new Map(
    tasks.filter((t) => t.snoozedUntil && t.snoozedUntil <= now).map((t) => [t.id, t.snoozedUntil as Date]),
  );
  const soft = due.filter((d) => until.has(d.taskId) && (d.rung === "before" || d.rung === "due"));
  if (soft.length === 0) return;
  const sent = await db.reminder.findMany({
    where: { key: { in: soft.map((d) => d.key) } },
    select: { key: true, createdAt: true },
  });
  for (const d of soft) {
    const end = until.get(d.taskId) as Date;
    const base = sent.find((s) => s.key === d.key);
    if (base && base.createdAt < end) d.key = `${d.key}:snz:${end.toISOString()}`;
  }
}
