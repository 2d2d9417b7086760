// "Xin gia hạn" (#19): the official (or his chairman, or the secretariat) asks for a later due date with a
// reason; the one who assigned the task, or the secretariat, approves or refuses with the buttons sent to
// them. An approved extension moves the due date the reminders follow and keeps the first one
// (Task.originalDueDate) for the scorecard and the directives' four categories; the ladder starts again
// for the new date. Every step is audited and its messages go through the outbox in its transaction.
import type { Db, Tx } from "../../platform/db/client.ts";
import { awaitInput, awaitedInput } from "../../platform/db/pending-input.ts";
import { localDate } from "../../domain/dates.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import type { Messages } from "../../i18n/index.ts";
import type { Actor } from "../registry/registry.ts";
import { mayCompleteNow } from "../tasks/completion.ts";
import { privateChatOf, standsInFor, withBehalf } from "../absence/stand-ins.ts";
import { refusal } from "../refusals.ts";

export interface ExtensionView {
  requestId: number;
  taskId: number;
  title: string;
  unitName: string;
  fromDueDate: string;
  newDueDate: string;
  /** the due date the results are judged by (before any extension) */
  originalDueDate: string;
  reason: string;
  byName: string;
  /** who decides: the assigner's name, or null when only the secretariat can */
  assignerName: string | null;
}

export type ExtensionDecision = "APPROVED" | "REFUSED";

export const EXTENSION_INPUT = "extension.request";
const PENDING_TTL_MS = 24 * 3600_000;

export function createExtensionService({ db, messages }: { db: Db; messages: Messages<"extensions" | "absence"> }) {
  async function viewOf(tx: Tx | Db, requestId: number): Promise<ExtensionView> {
    const r = await tx.extensionRequest.findUniqueOrThrow({ where: { id: requestId } });
    const task = await tx.task.findUniqueOrThrow({ where: { id: r.taskId }, include: { unit: true } });
    const by = await tx.official.findUnique({ where: { id: r.requestedById }, select: { fullName: true } });
    const assigner = task.createdById
      ? await tx.official.findUnique({ where: { id: task.createdById }, select: { fullName: true } })
      : null;
    return {
      requestId: r.id,
      taskId: task.id,
      title: task.title,
      unitName: task.unit.name,
      fromDueDate: r.fromDueDate,
      newDueDate: r.newDueDate,
      originalDueDate: task.originalDueDate ?? r.fromDueDate,
      reason: r.reason,
      byName: by?.fullName ?? "",
      assignerName: assigner?.fullName ?? null,
    };
  }

  /** The official's private chat (his stand-in's while he is away, #19) the bot may write to, or null. */

  async function request(input: {
    taskId: number;
    newDueDate: string;
    reason: string;
    actor: Actor;
    now: Date;
    updateId?: bigint;
    /** the question asked by the button, answered by this request */
    answering?: { chatId: bigint; userId: bigint };
  }): Promise<ExtensionView> {
    const reason = input.reason.trim().slice(0, 1000);
    if (!reason) throw refusal("extensions", "usage");
    return db.$transaction(async (tx) => {
      const task = await tx.task.findUnique({ where: { id: input.taskId } });
      if (!task || task.status === "CANCELLED") throw refusal("tasks", "taskNotFound", input.taskId);
      if (task.status !== "OPEN") throw refusal("tasks", "notOpen", task.title);
      if (!(await mayCompleteNow(tx, input.actor, task, input.now))) throw refusal("extensions", "notAllowed");
      if (input.newDueDate <= task.dueDate) throw refusal("extensions", "notLater", task.dueDate);
      const pending = await tx.extensionRequest.findFirst({ where: { taskId: task.id, status: "PENDING" } });
      if (pending) throw refusal("extensions", "pending", task.id, pending.newDueDate);
      await recordUpdate(tx, input.updateId);
      if (input.answering) await tx.pendingInput.deleteMany({ where: { ...input.answering, kind: EXTENSION_INPUT } });
      const r = await tx.extensionRequest.create({
        data: {
          taskId: task.id,
          fromDueDate: task.dueDate,
          newDueDate: input.newDueDate,
          reason,
          requestedById: input.actor.officialId,
          createdAt: input.now,
        },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "extension.request",
        entity: "Task",
        entityId: task.id,
        after: r,
      });
      const view = await viewOf(tx, r.id);
      // the assigner in private (when he can be reached), and the secretariat's groups, with the buttons
      const out: OutgoingMessage[] = [];
      const assigner = await privateChatOf(tx, task.createdById, task, input.now);
      const secretariat = await tx.chat.findMany({ where: { isSecretariat: true, status: "ACTIVE" } });
      const to = [
        ...(assigner ? [assigner] : []),
        ...secretariat.map((s) => ({ chatId: s.telegramChatId, language: "vi", onBehalf: null })),
      ].filter((c, i, all) => all.findIndex((x) => x.chatId === c.chatId) === i);
      for (const c of to) {
        const m = messages(c.language);
        const t = m.extensions;
        out.push({
          chatId: c.chatId,
          text: withBehalf(m, c.onBehalf, t.ask(view)),
          kind: "extension.request",
          replyMarkup: {
            inline_keyboard: [
              [
                { text: t.buttons.approve, callback_data: `extok:${r.id}` },
                { text: t.buttons.refuse, callback_data: `extno:${r.id}` },
              ],
            ],
          },
        });
      }
      await enqueue(tx, out, input.now);
      return view;
    });
  }

  async function decide(input: {
    requestId: number;
    approve: boolean;
    actor: Actor;
    now: Date;
    updateId?: bigint;
  }): Promise<{ view: ExtensionView; decision: ExtensionDecision }> {
    return db.$transaction(async (tx) => {
      const r = await tx.extensionRequest.findUnique({ where: { id: input.requestId } });
      if (!r) throw refusal("extensions", "gone");
      const task = await tx.task.findUniqueOrThrow({ where: { id: r.taskId } });
      const may =
        input.actor.officialId === task.createdById ||
        input.actor.roles.some((x) => x.role === "SECRETARIAT") ||
        // the assigner's stand-in while he is away (#19)
        (task.createdById !== null &&
          (await standsInFor(tx, input.actor.officialId, [task.createdById], task, input.now)));
      if (!may) throw refusal("extensions", "notApprover");
      if (r.status !== "PENDING") throw refusal("extensions", "decided", r.status === "APPROVED");
      await recordUpdate(tx, input.updateId);
      const decision: ExtensionDecision = input.approve ? "APPROVED" : "REFUSED";
      const after = await tx.extensionRequest.update({
        where: { id: r.id },
        data: { status: decision, decidedById: input.actor.officialId, decidedAt: input.now },
      });
      if (input.approve && task.status === "OPEN") {
        await tx.task.update({
          where: { id: task.id },
          data: { originalDueDate: task.originalDueDate ?? task.dueDate, dueDate: r.newDueDate, snoozedUntil: null },
        });
        // the ladder starts again for the new date: the rungs that fired for the old one keep their rows
        // (and their messages) under another key
        const fired = await tx.reminder.findMany({
          where: { taskId: task.id, key: { startsWith: `task:${task.id}:` } },
        });
        for (const f of fired)
          await tx.reminder.update({ where: { id: f.id }, data: { key: `${f.key}:before-extension-${r.id}` } });
      }
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: input.approve ? "extension.approve" : "extension.refuse",
        entity: "Task",
        entityId: task.id,
        before: { request: r, dueDate: task.dueDate, originalDueDate: task.originalDueDate },
        after: { request: after, dueDate: input.approve ? r.newDueDate : task.dueDate },
      });
      const view = await viewOf(tx, r.id);
      // the one who asked, in private, and the unit's groups
      const out: OutgoingMessage[] = [];
      const asker = await privateChatOf(tx, r.requestedById, task, input.now);
      if (asker)
        out.push({
          chatId: asker.chatId,
          text: withBehalf(
            messages(asker.language),
            asker.onBehalf,
            messages(asker.language).extensions.decided(view, decision, input.actor.fullName),
          ),
          kind: "extension.decided",
          taskId: task.id,
        });
      const groups = await tx.chat.findMany({
        where: { unitId: task.unitId, status: "ACTIVE", kind: { in: ["GROUP", "SUPERGROUP"] } },
      });
      for (const g of groups)
        out.push({
          chatId: g.telegramChatId,
          text: messages("vi").extensions.decided(view, decision, input.actor.fullName),
          kind: "extension.decided",
          taskId: task.id,
        });
      await enqueue(tx, out, input.now);
      return { view, decision };
    });
  }

  /** "📅 Xin gia hạn" pressed: the next message of this user in this chat gives the date and the reason. */
  async function ask(input: { taskId: number; chatId: bigint; userId: bigint; actor: Actor; now: Date }) {
    const task = await db.task.findUnique({ where: { id: input.taskId } });
    if (!task || task.status === "CANCELLED") throw refusal("tasks", "taskNotFound", input.taskId);
    if (task.status !== "OPEN") throw refusal("tasks", "notOpen", task.title);
    if (!(await mayCompleteNow(db, input.actor, task, input.now))) throw refusal("extensions", "notAllowed");
    const key = { chatId: input.chatId, userId: input.userId, kind: EXTENSION_INPUT };
    await awaitInput(db, key, { taskId: task.id }, input.now, PENDING_TTL_MS);
    return { taskId: task.id, title: task.title, dueDate: task.dueDate, today: localDate(input.now) };
  }

  /** The task whose new date and reason this user owes this chat, or null. */
  async function awaited(chatId: bigint, userId: bigint, now: Date): Promise<number | null> {
    const p = await awaitedInput<{ taskId: number }>(db, { chatId, userId, kind: EXTENSION_INPUT }, now);
    return p?.payload.taskId ?? null;
  }

  return { request, decide, ask, awaited };
}

export type ExtensionService = ReturnType<typeof createExtensionService>;
