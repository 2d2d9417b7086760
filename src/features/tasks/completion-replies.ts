// Completion in the official's own words (issue #18): a reply under a reminder or under the bot's task list,
// `/xong` without a number, a typed ✅, and — where exactly one open task of the sender is in question in that
// chat — a plain message, all read by one parser (src/domain/reply-parser.ts). When the reading is unsure, or
// two tasks could be meant, the bot asks back once (a PendingInput of kind `completion.ask`); the answer to
// that question is read once more, and an answer that is still unsure ends the asking instead of looping.
import type { Db } from "../../platform/db/client.ts";
import type { CompletionView } from "../../i18n/types.ts";
import { readAnswer, readReply, type ReplyReading } from "../../domain/reply-parser.ts";
import { refusal } from "../refusals.ts";
import type { Actor } from "../registry/registry.ts";
import { mayComplete, type TaskService } from "./completion.ts";
import { digestItemsOf, type DigestItemRef } from "./digest.ts";
import { readDigestReply } from "./digest-reply.ts";

export const COMPLETION_ASK = "completion.ask";
const ASK_TTL_MS = 24 * 3600_000;
/** Buttons under "which task?": more than this and /xong <số việc> is quicker than scrolling. */
const MAX_CHOICES = 8;

export interface ReplyTask {
  id: number;
  title: string;
  dueDate: string;
}

export type ReplyOutcome =
  /** not about a task: the next handler may read the message */
  | { kind: "ignored" }
  | { kind: "completed"; view: CompletionView }
  /** "Đồng chí đã hoàn thành việc … chưa?" Có / Không */
  | { kind: "askDone"; task: ReplyTask }
  /** "Đồng chí đã hoàn thành việc nào?" one button per task, and "none" */
  | { kind: "askWhich"; tasks: ReplyTask[] }
  /** the answer to the question was no */
  | { kind: "keptOpen" }
  /** the answer to the question was unsure again: no second question, a hint */
  | { kind: "stopAsking" };

export interface IncomingText {
  chatId: bigint;
  userId: bigint;
  isPrivate: boolean;
  /** the unit the group is bound to, if any */
  unitId: number | null;
  actor: Actor | null;
  text: string;
  /** the message it replies to: the bot's own (with its text), or someone else's */
  replyTo: { byBot: boolean; messageId: number; text: string } | null;
  /** `/xong` without a task number (the text is what followed the command) */
  command: boolean;
  now: Date;
  updateId?: bigint;
}

interface Pending {
  taskIds: number[];
  note: string;
}

/** A line of the bot's task lists (/tasks, /overdue): "#12 · … · hạn 26/11/2026 …" (en: "· due …"). */
const LIST_LINE = /^#(\d{1,9}) · .*· (?:hạn|due) \d/gmu;
/** The bot's own question (tasks.replies.askDone): "… việc #12 «…» (hạn 26/11/2026) chưa?" */
const QUESTION = /#(\d{1,9}) «[^»]*» \((?:hạn|due) \d/gu;

export function createCompletionReplies({ db, tasks }: { db: Db; tasks: TaskService }) {
  const openTask = { status: "OPEN" as const };
  const select = { id: true, title: true, dueDate: true, responsibleId: true, unitId: true } as const;

  /** The sender's open tasks, in a unit's group that unit's only. */
  async function ownOpenTasks(actor: Actor, unitId: number | null): Promise<ReplyTask[]> {
    return db.task.findMany({
      where: { ...openTask, responsibleId: actor.officialId, ...(unitId !== null && { unitId }) },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: { id: true, title: true, dueDate: true },
      take: MAX_CHOICES,
    });
  }

  /**
   * The tasks a bot message is about: the task of a reminder, the items of a digest (ADR 009), or the open
   * lines of a task list. Of several, the sender's own open ones, else those he may complete.
   */
  async function tasksOfBotMessage(
    input: IncomingText,
    messageId: number,
    text: string,
  ): Promise<{ ids: number[]; question: boolean; digest?: DigestItemRef[] } | null> {
    const sent = await db.outboxMessage.findFirst({
      where: { chatId: input.chatId, sentMessageId: BigInt(messageId), taskId: { not: null } },
      select: { taskId: true },
    });
    if (sent?.taskId) return { ids: [sent.taskId], question: false };
    const digest = await digestItemsOf(db, input.chatId, messageId);
    if (digest)
      return {
        ids: await ownOrAllowed(
          input.actor,
          digest.map((i) => i.taskId),
        ),
        question: false,
        digest,
      };
    const lines = [...text.matchAll(LIST_LINE)];
    const ids = (lines.length > 0 ? lines : [...text.matchAll(QUESTION)]).map((m) => Number(m[1]));
    if (lines.length === 0 && ids.length > 0) return { ids, question: true };
    if (ids.length === 0 || !input.actor) return null;
    return { ids: await ownOrAllowed(input.actor, ids), question: false };
  }

  /** Of the open tasks `ids`: the actor's own, else those he may complete (all of them for no actor). */
  async function ownOrAllowed(actor: Actor | null, ids: number[]): Promise<number[]> {
    const listed = await db.task.findMany({
      where: { ...openTask, id: { in: ids } },
      select,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    if (!actor) return listed.map((t) => t.id);
    const own = listed.filter((t) => t.responsibleId === actor.officialId);
    return (own.length > 0 ? own : listed.filter((t) => mayComplete(actor, t))).map((t) => t.id);
  }

  /** «xong 2» / «✅ 2» under a digest: item 2, whoever's it is (completion checks who may close it). */
  async function numberedItem(input: IncomingText, digest: DigestItemRef[]): Promise<ReplyOutcome | null> {
    const reply = readDigestReply(input.text);
    if (reply?.position == null) return null;
    const item = digest.find((i) => i.position === reply.position);
    if (!item) throw refusal("done", "whichItem");
    if (!input.actor) throw refusal("common", "notRegistered");
    return complete(input, item.taskId, reply.note);
  }

  async function describe(ids: number[]): Promise<ReplyTask[]> {
    return db.task.findMany({
      where: { ...openTask, id: { in: ids } },
      take: MAX_CHOICES,
      select: { id: true, title: true, dueDate: true },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
  }

  async function pendingOf(chatId: bigint, userId: bigint, now: Date) {
    const p = await db.pendingInput.findUnique({
      where: { chatId_userId_kind: { chatId, userId, kind: COMPLETION_ASK } },
    });
    return p && p.expiresAt > now ? p : null;
  }

  /** Asks about the open ones of `taskIds` (a closed task is not asked about), and remembers the question. */
  async function ask(input: IncomingText, taskIds: number[], note: string): Promise<ReplyOutcome> {
    const open = await describe(taskIds);
    const [only] = open;
    if (!only) return { kind: "ignored" };
    const payload: Pending = { taskIds: open.map((t) => t.id), note };
    const data = {
      payload: JSON.stringify(payload),
      expiresAt: new Date(input.now.getTime() + ASK_TTL_MS),
      createdAt: input.now,
    };
    await db.pendingInput.upsert({
      where: { chatId_userId_kind: { chatId: input.chatId, userId: input.userId, kind: COMPLETION_ASK } },
      create: { chatId: input.chatId, userId: input.userId, kind: COMPLETION_ASK, ...data },
      update: data,
    });
    return open.length === 1 ? { kind: "askDone", task: only } : { kind: "askWhich", tasks: open };
  }

  async function forget(chatId: bigint, userId: bigint): Promise<void> {
    await db.pendingInput.deleteMany({ where: { chatId, userId, kind: COMPLETION_ASK } });
  }

  async function complete(input: IncomingText, taskId: number, note: string): Promise<ReplyOutcome> {
    await forget(input.chatId, input.userId);
    const view = await tasks.complete({
      taskId,
      actor: input.actor!,
      note,
      now: input.now,
      fromChatId: input.chatId,
      ...(input.updateId !== undefined && { updateId: input.updateId }),
    });
    return { kind: "completed", view };
  }

  /** The text answers the question asked before: yes completes, no keeps open, unsure stops asking. */
  async function answer(input: IncomingText, pending: Pending, viaReplyToBot: boolean): Promise<ReplyOutcome | null> {
    const verdict = readAnswer(input.text);
    const named = /#?(\d{1,9})/u.exec(input.text);
    const chosen =
      pending.taskIds.length === 1
        ? pending.taskIds[0]
        : pending.taskIds.find((id) => named !== null && Number(named[1]) === id);
    if (verdict === "NO") {
      await forget(input.chatId, input.userId);
      return { kind: "keptOpen" };
    }
    if (chosen !== undefined && (verdict === "YES" || (pending.taskIds.length > 1 && named !== null))) {
      const reading = readReply(input.text);
      return complete(input, chosen, reading.kind === "DONE" && reading.note ? reading.note : pending.note);
    }
    await forget(input.chatId, input.userId);
    // a plain message after the question may be about something else: stop asking, quietly
    return viaReplyToBot ? { kind: "stopAsking" } : null;
  }

  /** Reads a text message about tasks; see the file comment. */
  async function read(input: IncomingText): Promise<ReplyOutcome> {
    const ignored: ReplyOutcome = { kind: "ignored" };
    const toBot = input.replyTo?.byBot === true;
    // someone else's message in a group: people talking to each other
    if (input.replyTo && !toBot && !input.isPrivate) return ignored;

    const about = toBot ? await tasksOfBotMessage(input, input.replyTo!.messageId, input.replyTo!.text) : null;
    let candidates = about?.ids ?? null;
    // a numbered reply under a digest names its task: no question to answer, no guess
    const numbered = about?.digest && !input.command ? await numberedItem(input, about.digest) : null;
    if (numbered) return numbered;

    // the answer to the bot's question, under the question or under the same reminder again: read once more
    const row = input.actor && !input.command ? await pendingOf(input.chatId, input.userId, input.now) : null;
    const pending = row ? (JSON.parse(row.payload) as Pending) : null;
    if (pending && (candidates === null || candidates.every((id) => pending.taskIds.includes(id)))) {
      const outcome = await answer(input, pending, toBot);
      if (outcome) return outcome;
    }

    const addressed = toBot || input.command;
    const reading: ReplyReading = input.command
      ? readReply(`xong ${input.text}`, { addressed })
      : readReply(input.text, { addressed });
    if (reading.kind === "NOT") return ignored;
    // unsure again under the bot's own question, once its asking has ended: it does not ask a second time
    if (reading.kind === "ASK" && about?.question) return ignored;

    // in the middle of another question of the bot (an obstacle's reason, a guided form): that one answers
    if (candidates === null && !input.command && (await otherPendingInput(input))) return ignored;
    if (toBot && candidates === null) {
      // a reply to a bot message about no task (a /status answer, a confirmation)
      if (reading.kind === "DONE") throw refusal("done", "notAReminder");
      return ignored;
    }
    if (!input.actor) {
      if (addressed) throw refusal("common", "notRegistered");
      return ignored;
    }
    if (candidates === null) {
      // a plain message (or /xong): only where the sender's own open tasks are in question
      const unitId = input.isPrivate ? null : input.unitId;
      if (!input.isPrivate && unitId === null && !input.command) return ignored;
      candidates = (await ownOpenTasks(input.actor, unitId)).map((t) => t.id);
    }
    const [only, ...others] = candidates;
    if (only === undefined) return ignored;
    if (reading.kind === "DONE" && others.length === 0) return complete(input, only, reading.note);
    return ask(input, candidates, reading.note);
  }

  async function otherPendingInput(input: IncomingText): Promise<boolean> {
    const n = await db.pendingInput.count({
      where: {
        chatId: input.chatId,
        userId: input.userId,
        kind: { not: COMPLETION_ASK },
        expiresAt: { gt: input.now },
      },
    });
    return n > 0;
  }

  /** A button under the question: "Có" or a task → completes it (with the note said before); "Không" → open. */
  async function choose(input: {
    chatId: bigint;
    userId: bigint;
    taskId: number | null;
    actor: Actor | null;
    now: Date;
    updateId?: bigint;
  }): Promise<ReplyOutcome> {
    const pending = await pendingOf(input.chatId, input.userId, input.now);
    if (input.taskId === null) {
      await forget(input.chatId, input.userId);
      return { kind: "keptOpen" };
    }
    if (!input.actor) throw refusal("common", "notRegistered");
    const note = pending ? (JSON.parse(pending.payload) as Pending).note : "";
    const incoming: IncomingText = {
      chatId: input.chatId,
      userId: input.userId,
      isPrivate: false,
      unitId: null,
      actor: input.actor,
      text: "",
      replyTo: null,
      command: false,
      now: input.now,
      ...(input.updateId !== undefined && { updateId: input.updateId }),
    };
    return complete(incoming, input.taskId, note);
  }

  return { read, choose };
}

export type CompletionReplies = ReturnType<typeof createCompletionReplies>;
