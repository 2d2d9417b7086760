// Tasks: completion by reply, button or command; who may close a task; telling those escalated to.
import type { Db } from "../../platform/db/client.ts";
import { localDate } from "../../domain/dates.ts";
import type { Messages } from "../../i18n/index.ts";
import type { CompletionView } from "../../i18n/types.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { refusal } from "../refusals.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { createNextInSeries } from "./notices.ts";
import type { Actor } from "../registry/registry.ts";

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

export interface TaskServiceDeps {
  db: Db;
  /** renders the closing notice and a series' next announcement (the composition root passes `catalogue`) */
  messages: Messages<"done" | "tasks">;
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
      if (!mayComplete(input.actor, task)) throw refusal("done", "notAllowed");
      // #19: a task that requires evidence is closed only with a file attached (features/evidence)
      if (task.requiresEvidence && (await tx.taskEvidence.count({ where: { taskId: task.id } })) === 0)
        throw refusal("evidence", "required", task.title);
      const note = input.note.trim().slice(0, 1000);
      const after = await tx.task.update({
        where: { id: task.id },
        data: { status: "DONE", completedAt: input.now, completedById: input.actor.officialId, completionNote: note },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "task.complete",
        entity: "Task",
        entityId: task.id,
        before: { status: task.status },
        after: { status: after.status, completionNote: note },
      });
      // a recurring task: the next one of its series, in this transaction
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
      };
      // everyone who was told of an escalation hears that it is closed
      const escalated = await tx.outboxMessage.findMany({
        where: { taskId: task.id, kind: { in: ["reminder.overdue1", "reminder.overdue3"] } },
        select: { chatId: true },
        distinct: ["chatId"],
      });
      // …also when the escalation was an item of a digest (ADR 009)
      const inDigests = await tx.$queryRaw<{ chatId: bigint | number }[]>`
        SELECT DISTINCT o."chatId" FROM "DigestItem" d JOIN "OutboxMessage" o ON o."id" = d."outboxId"
        WHERE d."taskId" = ${task.id} AND d."rung" IN ('overdue1', 'overdue3')`;
      const told = [...new Set([...escalated.map((e) => e.chatId), ...inDigests.map((d) => BigInt(d.chatId))])];
      const text = messages("vi").done.closedNotice(view);
      await enqueue(
        tx,
        told
          .map((chatId) => ({ chatId }))
          .filter((e) => e.chatId !== input.fromChatId)
          .map((e) => ({ chatId: e.chatId, text, kind: "task.closed", taskId: task.id })),
        input.now,
      );
      return view;
    });
  }

  async function exists(taskId: number): Promise<boolean> {
    return (await db.task.count({ where: { id: taskId } })) > 0;
  }

  return { taskForMessage, complete, exists };
}

export type TaskService = ReturnType<typeof createTaskService>;
