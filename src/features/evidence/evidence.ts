// Evidence (#19): a photo, PDF or other document sent as a reply to a task's message (a reminder, an
// announcement), or with "/xong <số việc>" as its caption, is attached to the task: Telegram's file_id,
// the name and size, who sent it and when. The file stays on Telegram. Attaching is audited on the task
// (so the task's history in the export lists it); the directives' export counts it. A task that requires
// evidence is not closed without it (tasks/completion.ts asks `hasEvidence`).
import type { Db, Tx } from "../../platform/db/client.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import type { Actor } from "../registry/registry.ts";
import { mayCompleteNow } from "../tasks/completion.ts";
import { digestItemsOf } from "../tasks/digest.ts";
import { readDigestReply } from "../tasks/digest-reply.ts";
import { readReply } from "../../domain/reply-parser.ts";
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

/** A file's reply target: the task, and the caption's completion (null: the caption does not say done). */
export interface EvidenceTarget {
  taskId: number;
  done: { note: string } | null;
}

/** "2", "số 2: biên bản", "#2" as a caption under a digest: the item, and the words after it. */
const BARE_NUMBER = /^\s*(?:s[oố]\s*|#)?(\d{1,2})(?!\d)\s*[.:)\-–,]?\s*([\s\S]*)$/iu;

export function createEvidenceService({ db }: { db: Db }) {
  /**
   * The task a file replying to a bot message is about, or null when that message is not one of a task's.
   * Under a digest (ADR 009) the caption's number picks the item («xong 2», «2»); without one, the sender's
   * only open item in it; with several, a refusal asking for the number.
   */
  async function taskOfReply(input: {
    chatId: bigint;
    messageId: number;
    caption: string;
    actor: Actor;
  }): Promise<EvidenceTarget | null> {
    const reading = input.caption ? readReply(input.caption) : null;
    const doneOf = (r: typeof reading) => (r?.kind === "DONE" ? { note: r.note } : null);
    const msg = await db.outboxMessage.findFirst({
      where: { chatId: input.chatId, sentMessageId: BigInt(input.messageId), taskId: { not: null } },
      select: { taskId: true },
    });
    if (msg?.taskId) return { taskId: msg.taskId, done: doneOf(reading) };
    const items = await digestItemsOf(db, input.chatId, input.messageId);
    if (!items) return null;
    const numbered = readDigestReply(input.caption);
    const bare = numbered ? null : BARE_NUMBER.exec(input.caption);
    const position = numbered?.position ?? (bare ? Number(bare[1]) : null);
    if (position !== null) {
      const item = items.find((i) => i.position === position);
      if (!item) throw refusal("done", "whichItem");
      const done = numbered ? { note: numbered.note } : doneOf(readReply(bare![2] ?? ""));
      return { taskId: item.taskId, done };
    }
    const own = await db.task.findMany({
      where: { id: { in: items.map((i) => i.taskId) }, status: "OPEN", responsibleId: input.actor.officialId },
      select: { id: true },
    });
    if (own.length !== 1) throw refusal("evidence", "whichItem");
    return { taskId: own[0]!.id, done: doneOf(reading) };
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

  return { taskOfReply, attach };
}

/** How many files of evidence each of these tasks has (the directives' register and export show it). */
export async function evidenceCounts(db: Db, taskIds: number[]): Promise<Map<number, number>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db.taskEvidence.groupBy({
    by: ["taskId"],
    where: { taskId: { in: taskIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.taskId, r._count._all]));
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
