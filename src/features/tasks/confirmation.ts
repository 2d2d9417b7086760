// Confirmation by the assigner (#19, docs/decisions/015): a task with `requiresConfirmation` that its official
// reports done becomes AWAITING_CONFIRMATION (not done, out of the reminders) and the one who assigned it is
// asked in private — or, without an assigner who can be reached there, the secretariat's groups — with
// «✅ Xác nhận» / «✖️ Không xác nhận». Confirming makes it DONE with the time of the report (so it is judged by
// when the official reported); refusing asks for a reason (the next message of that person in that chat) and
// reopens the task, telling the official and the unit's group when that is where he reported. Every step is
// audited and its messages go through the outbox in its transaction.
import type { Db, Tx } from "../../platform/db/client.ts";
import { awaitInput, awaitedInput } from "../../platform/db/pending-input.ts";
import { localDate } from "../../domain/dates.ts";
import type { Messages } from "../../i18n/index.ts";
import type { CompletionView } from "../../i18n/types.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import type { Actor } from "../registry/registry.ts";
import type { ReasonInput } from "./assign.ts";
import { refusal } from "../refusals.ts";
import { privateChatOf, standsInFor, withBehalf, type OnBehalf } from "../absence/stand-ins.ts";

export interface ConfirmationView {
  taskId: number;
  title: string;
  unitName: string;
  responsibleName: string;
  /** the due date the reminders follow */
  dueDate: string;
  /** the due date the results are judged by (before any extension) */
  judgedDue: string;
  reportedAt: Date;
  reportedByName: string;
  note: string;
  /** reported on or before the judged due date */
  onTime: boolean;
  evidence: number;
}

export type ConfirmationMessages = Messages<"confirmation" | "done" | "tasks" | "absence">;

export const CONFIRM_REFUSE_INPUT = "confirmation.refuse";
const PENDING_TTL_MS = 24 * 3600_000;

/** The assigner, or anyone of the secretariat, may confirm (or refuse) a reported completion. */
export function mayConfirm(actor: Actor, task: { createdById: number | null }): boolean {
  return actor.officialId === task.createdById || actor.roles.some((r) => r.role === "SECRETARIAT");
}

/** Tells one report from the next (a refused task reported again): the buttons carry it. */
export const reportStamp = (reportedAt: Date) => reportedAt.getTime().toString(36);

/** The assigner's stand-in while he is away (#19 absence) may decide too. */
export async function mayConfirmNow(
  db: Db | Tx,
  actor: Actor,
  task: { createdById: number | null; unitId: number; programmeId: number | null },
  now: Date,
): Promise<boolean> {
  if (mayConfirm(actor, task)) return true;
  return task.createdById !== null && standsInFor(db, actor.officialId, [task.createdById], task, now);
}

async function viewOf(tx: Tx | Db, taskId: number): Promise<ConfirmationView> {
  const t = await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: { unit: true, responsible: true } });
  const by = t.completedById
    ? await tx.official.findUnique({ where: { id: t.completedById }, select: { fullName: true } })
    : null;
  const reportedAt = t.completedAt ?? new Date(0);
  const judgedDue = t.originalDueDate ?? t.dueDate;
  return {
    taskId: t.id,
    title: t.title,
    unitName: t.unit.name,
    responsibleName: t.responsible.fullName,
    dueDate: t.dueDate,
    judgedDue,
    reportedAt,
    reportedByName: by?.fullName ?? "",
    note: t.completionNote,
    onTime: localDate(reportedAt) <= judgedDue,
    evidence: await tx.taskEvidence.count({ where: { taskId } }),
  };
}

/** The completion as the closing notices render it, from the task's report. */
export function completionViewOf(v: ConfirmationView): CompletionView {
  return {
    taskId: v.taskId,
    title: v.title,
    unitName: v.unitName,
    byName: v.reportedByName,
    note: v.note,
    onTime: v.onTime,
    dueDate: v.judgedDue,
    completedOn: localDate(v.reportedAt),
  };
}

/** Everyone who was told of an escalation hears that the task is closed (but not in the chats listed). */
export async function tellEscalatedClosed(
  tx: Tx,
  view: CompletionView,
  skip: bigint[],
  now: Date,
  messages: Messages<"done">,
): Promise<void> {
  const escalated = await tx.outboxMessage.findMany({
    where: { taskId: view.taskId, kind: { in: ["reminder.overdue1", "reminder.overdue3"] } },
    select: { chatId: true },
    distinct: ["chatId"],
  });
  // …also when the escalation was an item of a digest (ADR 009)
  const inDigests = await tx.$queryRaw<{ chatId: bigint | number }[]>`
    SELECT DISTINCT o."chatId" FROM "DigestItem" d JOIN "OutboxMessage" o ON o."id" = d."outboxId"
    WHERE d."taskId" = ${view.taskId} AND d."rung" IN ('overdue1', 'overdue3')`;
  const told = [...new Set([...escalated.map((e) => e.chatId), ...inDigests.map((d) => BigInt(d.chatId))])];
  const text = messages("vi").done.closedNotice(view);
  await enqueue(
    tx,
    told
      .filter((chatId) => !skip.includes(chatId))
      .map((chatId) => ({ chatId, text, kind: "task.closed", taskId: view.taskId })),
    now,
  );
}

/**
 * A completion reported on a task that needs confirmation, in the completion's transaction: asks the assigner
 * in private, or the secretariat's groups. Returns who was asked (the assigner's name, or null for the
 * secretariat), or `undefined` when nobody can be asked at all — then the completion stands unconfirmed.
 */
export async function askToConfirm(
  tx: Tx,
  task: { id: number; createdById: number | null; unitId: number; programmeId: number | null },
  reportedAt: Date,
  now: Date,
  messages: ConfirmationMessages,
): Promise<{ confirmerName: string | null } | undefined> {
  const view = await viewOf(tx, task.id);
  const stamp = reportStamp(reportedAt);
  const assigner = await privateChatOf(tx, task.createdById, task, now);
  const to = assigner
    ? [{ ...assigner, audience: "assigner" as const }]
    : (await tx.chat.findMany({ where: { isSecretariat: true, status: "ACTIVE" }, orderBy: { id: "asc" } })).map(
        (c) => ({ chatId: c.telegramChatId, language: "vi", audience: "secretariat" as const, onBehalf: null }),
      );
  if (to.length === 0) return undefined;
  const out: OutgoingMessage[] = to.map((c) => {
    const m = messages(c.language);
    const t = m.confirmation;
    return {
      chatId: c.chatId,
      text: withBehalf(m, c.onBehalf, t.ask(view, c.audience)),
      kind: "confirmation.ask",
      taskId: task.id,
      replyMarkup: {
        inline_keyboard: [
          [
            { text: t.buttons.confirm, callback_data: `cfy:${task.id}:${stamp}` },
            { text: t.buttons.refuse, callback_data: `cfn:${task.id}:${stamp}` },
          ],
        ],
      },
    };
  });
  await enqueue(tx, out, now);
  // the one who will decide: the assigner, or his stand-in while he is away
  return { confirmerName: assigner?.name ?? null };
}

export function createConfirmationService({ db, messages }: { db: Db; messages: ConfirmationMessages }) {
  /** The task awaiting confirmation of this very report, for someone who may decide; refusals otherwise. */
  async function awaitingTask(tx: Tx | Db, taskId: number, stamp: string, actor: Actor, now: Date) {
    const task = await tx.task.findUnique({ where: { id: taskId } });
    if (!task || task.status === "CANCELLED") throw refusal("tasks", "taskNotFound", taskId);
    if (!(await mayConfirmNow(tx, actor, task, now))) throw refusal("confirmation", "notConfirmer");
    if (task.status !== "AWAITING_CONFIRMATION" || !task.completedAt || reportStamp(task.completedAt) !== stamp)
      throw refusal("confirmation", "decided", task.id);
    return task;
  }

  /** Private chats of the official and of whoever reported for him, and the group he reported in. */
  async function toldOfDecision(
    tx: Tx,
    task: {
      responsibleId: number;
      completedById: number | null;
      completionChatId: bigint | null;
      unitId: number;
      programmeId: number | null;
    },
    now: Date,
  ) {
    const chats: { chatId: bigint; language: string; onBehalf: OnBehalf | null }[] = [];
    for (const id of [task.responsibleId, task.completedById]) {
      const c = await privateChatOf(tx, id, task, now);
      if (c) chats.push(c);
    }
    if (task.completionChatId !== null) {
      const group = await tx.chat.findUnique({ where: { telegramChatId: task.completionChatId } });
      if (group?.status === "ACTIVE" && (group.kind === "GROUP" || group.kind === "SUPERGROUP"))
        chats.push({ chatId: group.telegramChatId, language: "vi", onBehalf: null });
    }
    return chats.filter((c, i, all) => all.findIndex((x) => x.chatId === c.chatId) === i);
  }

  /** «✅ Xác nhận»: the task is done, as of its report. */
  async function confirm(input: {
    taskId: number;
    stamp: string;
    actor: Actor;
    /** the chat the button was pressed in: it gets the reply */
    chatId: bigint;
    now: Date;
    updateId?: bigint;
  }): Promise<ConfirmationView> {
    return db.$transaction(async (tx) => {
      const task = await awaitingTask(tx, input.taskId, input.stamp, input.actor, input.now);
      await recordUpdate(tx, input.updateId);
      await tx.task.update({
        where: { id: task.id },
        data: { status: "DONE", confirmedAt: input.now, confirmedById: input.actor.officialId },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "task.confirm",
        entity: "Task",
        entityId: task.id,
        before: { status: task.status },
        after: { status: "DONE", completedAt: task.completedAt, confirmedAt: input.now },
      });
      const view = await viewOf(tx, task.id);
      const told = await toldOfDecision(tx, task, input.now);
      await enqueue(
        tx,
        told.map((c) => ({
          chatId: c.chatId,
          text: withBehalf(
            messages(c.language),
            c.onBehalf,
            messages(c.language).confirmation.confirmedNotice(view, input.actor.fullName),
          ),
          kind: "confirmation.confirmed",
          taskId: task.id,
        })),
        input.now,
      );
      await tellEscalatedClosed(
        tx,
        completionViewOf(view),
        [input.chatId, ...told.map((c) => c.chatId)],
        input.now,
        messages,
      );
      return view;
    });
  }

  /** «✖️ Không xác nhận»: the next message of this person in this chat gives the reason. */
  async function askReason(input: {
    taskId: number;
    stamp: string;
    actor: Actor;
    chatId: bigint;
    userId: bigint;
    now: Date;
  }): Promise<ConfirmationView> {
    const task = await awaitingTask(db, input.taskId, input.stamp, input.actor, input.now);
    const key = { chatId: input.chatId, userId: input.userId, kind: CONFIRM_REFUSE_INPUT };
    await awaitInput(db, key, { taskId: task.id, stamp: input.stamp }, input.now, PENDING_TTL_MS);
    return viewOf(db, task.id);
  }

  /** True when this person owes this chat the reason of a refusal. */
  async function awaitsReason(chatId: bigint, userId: bigint, now: Date): Promise<boolean> {
    return (await awaitedInput(db, { chatId, userId, kind: CONFIRM_REFUSE_INPUT }, now)) !== null;
  }

  /**
   * The reason given: the task is open again, and the official (and the group he reported in) told why.
   * Null when no reason was awaited here. A reason for a report decided meanwhile (confirmed by someone
   * else, say) ends the question and is refused.
   */
  async function refuse(input: ReasonInput): Promise<ConfirmationView | null> {
    const outcome = await db.$transaction(async (tx) => {
      const key = { chatId: input.chatId, userId: input.userId, kind: CONFIRM_REFUSE_INPUT };
      const pending = await awaitedInput<{ taskId: number; stamp: string }>(tx, key, input.now);
      if (!pending) return null;
      await tx.pendingInput.delete({ where: { id: pending.id } });
      const { taskId, stamp } = pending.payload;
      const task = await tx.task.findUnique({ where: { id: taskId } });
      // decided meanwhile: the question ends here (committed), the refusal is said after
      if (
        !task ||
        !(await mayConfirmNow(tx, input.actor, task, input.now)) ||
        task.status !== "AWAITING_CONFIRMATION" ||
        !task.completedAt ||
        reportStamp(task.completedAt) !== stamp
      )
        return { stale: taskId, view: null };
      await recordUpdate(tx, input.updateId);
      const reason = input.reason.trim().slice(0, 1000);
      const view = await viewOf(tx, task.id);
      const told = await toldOfDecision(tx, task, input.now);
      await tx.task.update({
        where: { id: task.id },
        data: {
          status: "OPEN",
          completedAt: null,
          completedById: null,
          completionNote: "",
          completionChatId: null,
          snoozedUntil: null,
        },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "task.refuse",
        entity: "Task",
        entityId: task.id,
        before: {
          status: task.status,
          completedAt: task.completedAt,
          completedById: task.completedById,
          completionNote: task.completionNote,
        },
        after: { status: "OPEN", reason },
      });
      await enqueue(
        tx,
        told.map((c) => {
          const t = messages(c.language);
          return {
            chatId: c.chatId,
            text: withBehalf(t, c.onBehalf, t.confirmation.reopened(view, input.actor.fullName, reason)),
            kind: "confirmation.refused",
            taskId: task.id,
            replyMarkup: { inline_keyboard: [[{ text: t.tasks.buttons.done, callback_data: `done:${task.id}` }]] },
          };
        }),
        input.now,
      );
      return { stale: null, view };
    });
    if (outcome === null) return null;
    if (outcome.view === null) throw refusal("confirmation", "decided", outcome.stale);
    return outcome.view;
  }

  return { confirm, askReason, awaitsReason, refuse };
}

export type ConfirmationService = ReturnType<typeof createConfirmationService>;
