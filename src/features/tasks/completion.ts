// Tasks: completion by reply, button or command; who may close a task; telling those escalated to.
import type { Db, Tx } from "../../platform/db/client.ts";
import { localDate } from "../../domain/dates.ts";
import type { CompletionView } from "../../i18n/types.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { refusal } from "../refusals.ts";
import { createNextInSeries } from "./notices.ts";
import { askToConfirm, mayConfirmNow, tellEscalatedClosed, type ConfirmationMessages } from "./confirmation.ts";
import type { Actor } from "../registry/registry.ts";
import { standsInFor } from "../absence/stand-ins.ts";

export interface CompleteInput {
  taskId: number;
  actor: Actor;
  note: string;
  now: Date;
  /** the chat the completion came from: it gets the reply, so it is not notified again */
  fromChatId: bigint;
  updateId?: bigint;
}

export function mayComplete(actor: Actor, task: { responsibleId: number; unitId: number }): boolean {
  return (
    actor.officialId === task.responsibleId ||
    actor.roles.some((r) => r.role === "SECRETARIAT" || (r.role === "CHAIRMAN" && r.unitId === task.unitId))
  );
}

/**
 * mayComplete, or the actor stands in today for the responsible official who is away (#19): he may report
 * the task done, attach its evidence, snooze it, raise an obstacle or ask for more time, as the holder could.
 */
export async function mayCompleteNow(
  db: Db | Tx,
  actor: Actor,
  task: { responsibleId: number; unitId: number; programmeId: number | null },
  now: Date,
): Promise<boolean> {
  if (mayComplete(actor, task)) return true;
  return standsInFor(db, actor.officialId, [task.responsibleId], task, now);
}

export interface TaskServiceDeps {
  db: Db;
  /** renders the closing notice and a series' next announcement (the composition root passes `catalogue`) */
  messages: ConfirmationMessages;
}

export function createTaskService({ db, messages }: TaskServiceDeps) {
  /** The task a bot message was about (a reminder the user replied to), or a clear error. */
  async function taskForMessage(chatId: bigint, messageId: number): Promise<number> {
    const msg = await db.outboxMessage.findFirst({
      where: { chatId, sentMessageId: BigInt(messageId), taskId: { not: null } },
      select: { taskId: true },
    });
    if (!msg?.taskId) throw refusal("done", "notAReminder");
    return msg.taskId;
  }

  async function complete(input: CompleteInput): Promise<CompletionView> {
    return db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      const task = await tx.task.findUnique({ where: { id: input.taskId }, include: { unit: true } });
      if (!task || task.status === "CANCELLED") throw refusal("done", "taskGone");
      if (task.status === "DONE") {
        throw refusal("done", "alreadyDone", task.title, localDate(task.completedAt ?? input.now));
      }
      if (task.status === "AWAITING_CONFIRMATION")
        throw refusal("confirmation", "awaiting", task.title, localDate(task.completedAt ?? input.now));
      if (!(await mayCompleteNow(tx, input.actor, task, input.now))) throw refusal("done", "notAllowed");
      // #19: a task that requires evidence is closed only with a file attached (features/evidence)
      if (task.requiresEvidence && (await tx.taskEvidence.count({ where: { taskId: task.id } })) === 0)
        throw refusal("evidence", "required", task.title);
      const note = input.note.trim().slice(0, 1000);
      // #19: reported by someone who may not confirm it himself, the completion waits for the assigner
      const confirmedBySender = task.requiresConfirmation && (await mayConfirmNow(tx, input.actor, task, input.now));
      const report = {
        completedAt: input.now,
        completedById: input.actor.officialId,
        completionNote: note,
        completionChatId: input.fromChatId,
      };
      let after = await tx.task.update({
        where: { id: task.id },
        data:
          task.requiresConfirmation && !confirmedBySender
            ? { status: "AWAITING_CONFIRMATION", ...report }
            : {
                status: "DONE",
                ...report,
                ...(confirmedBySender && { confirmedAt: input.now, confirmedById: input.actor.officialId }),
              },
      });
      const asked =
        after.status === "AWAITING_CONFIRMATION"
          ? await askToConfirm(tx, task, input.now, input.now, messages)
          : undefined;
      if (after.status === "AWAITING_CONFIRMATION" && !asked) {
        // nobody can be asked (no assigner in reach, no secretariat group): the completion stands
        after = await tx.task.update({ where: { id: task.id }, data: { status: "DONE" } });
      }
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: asked ? "task.report" : "task.complete",
        entity: "Task",
        entityId: task.id,
        before: { status: task.status },
        after: {
          status: after.status,
          completionNote: note,
          ...(task.requiresConfirmation &&
            !asked && { confirmation: confirmedBySender ? "by the sender" : "nobody to ask" }),
          // a stand-in's completion says for whom (#19)
          ...(input.actor.officialId !== task.responsibleId && { responsibleId: task.responsibleId }),
        },
      });
      // a recurring task: the next one of its series, in this transaction (a report waiting for confirmation
      // counts: the series goes on)
      await createNextInSeries(tx, task, input.actor, input.now, messages);
      const completedOn = localDate(input.now);
      const view: CompletionView = {
        taskId: task.id,
        title: task.title,
        unitName: task.unit.name,
        byName: input.actor.fullName,
        note,
        // judged by the due date before any extension (#19), like the scorecard
        onTime: completedOn <= (task.originalDueDate ?? task.dueDate),
        dueDate: task.originalDueDate ?? task.dueDate,
        completedOn,
        ...(asked && { awaiting: asked }),
      };
      // everyone who was told of an escalation hears that it is closed (a confirmed one: at confirmation)
      if (!asked) await tellEscalatedClosed(tx, view, [input.fromChatId], input.now, messages);
      return view;
    });
  }

  async function exists(taskId: number): Promise<boolean> {
    return (await db.task.count({ where: { id: taskId } })) > 0;
  }

  return { taskForMessage, complete, exists };
}

export type TaskService = ReturnType<typeof createTaskService>;
