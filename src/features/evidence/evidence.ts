// Evidence (#19): a photo, PDF or other document sent as a reply to a task's message (a reminder, an
// announcement), or with "/xong <số việc>" as its caption, is attached to the task: Telegram's file_id,
// the name and size, who sent it and when. The file stays on Telegram. Attaching is audited on the task
// (so the task's history in the export lists it); the directives' export counts it. A task that requires
// evidence is not closed without it (tasks/completion.ts asks `hasEvidence`).
import type { Db, Tx } from "../../platform/db/client.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import type { Actor } from "../registry/registry.ts";
import { mayCompleteNow } from "../tasks/completion.ts";
import { refusal } from "../refusals.ts";

export interface EvidenceFile {
  kind: "PHOTO" | "DOCUMENT";
  fileId: string;
  fileUniqueId: string;
  fileName: string;
  fileSize: number;
}

export interface EvidenceView {
  taskId: number;
  title: string;
  fileName: string;
  /** evidence attached to the task so far, this one included */
  count: number;
}

/** True when the task has evidence attached (in the caller's transaction). */
export async function hasEvidence(tx: Tx | Db, taskId: number): Promise<boolean> {
  return (await tx.taskEvidence.count({ where: { taskId } })) > 0;
}

export function createEvidenceService({ db }: { db: Db }) {
  /** The task a bot message was about, or null when the message is not one of a task's. */
  async function taskOfMessage(chatId: bigint, messageId: number): Promise<number | null> {
    const msg = await db.outboxMessage.findFirst({
      where: { chatId, sentMessageId: BigInt(messageId), taskId: { not: null } },
      select: { taskId: true },
    });
    return msg?.taskId ?? null;
  }

  async function attach(input: {
    taskId: number;
    file: EvidenceFile;
    actor: Actor;
    telegramUserId: bigint;
    chatId: bigint;
    messageId: number;
    now: Date;
    updateId?: bigint;
  }): Promise<EvidenceView> {
    return db.$transaction(async (tx) => {
      const task = await tx.task.findUnique({ where: { id: input.taskId } });
      if (!task || task.status === "CANCELLED") throw refusal("tasks", "taskNotFound", input.taskId);
      if (!(await mayCompleteNow(tx, input.actor, task, input.now))) throw refusal("evidence", "notAllowed");
      await recordUpdate(tx, input.updateId);
      const e = await tx.taskEvidence.create({
        data: {
          taskId: task.id,
          ...input.file,
          fileName: input.file.fileName.slice(0, 255),
          byId: input.actor.officialId,
          byTelegramId: input.telegramUserId,
          chatId: input.chatId,
          messageId: BigInt(input.messageId),
          createdAt: input.now,
        },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        actorTelegramId: input.telegramUserId,
        action: "evidence.attach",
        entity: "Task",
        entityId: task.id,
        after: e,
      });
      const count = await tx.taskEvidence.count({ where: { taskId: task.id } });
      return { taskId: task.id, title: task.title, fileName: e.fileName, count };
    });
  }

  /** Evidence attached to each of these tasks. */
  async function counts(taskIds: number[]): Promise<Map<number, number>> {
    if (taskIds.length === 0) return new Map();
    const rows = await db.taskEvidence.groupBy({
      by: ["taskId"],
      where: { taskId: { in: taskIds } },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.taskId, r._count._all]));
  }

  return { taskOfMessage, attach, counts };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
