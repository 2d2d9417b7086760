// One message per chat per check (ADR 009). A check first works out every (chat, item) it has to say, then
// folds them: a chat with one item gets the ordinary reminder, a chat with several gets one digest, worst
// first (overdue escalations, due today, coming up), numbered, each listed item with its own row of the
// single reminder's buttons (✅ n, ⏰ n, ⚠️ n, 📅 n: the same callback data, so the same handlers), at most
// MAX_ITEMS listed and "… và N việc khác" for the rest: one Telegram message, never split (a split digest
// would cost a group several of its 20 messages a minute).
import { joinSql, sql, type Db, type Tx } from "../../platform/db/client.ts";
import { RUNGS, type Rung } from "../../domain/ladder.ts";
import type { Catalogue } from "../../i18n/index.ts";
import { enqueueReturningIds, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import type { DigestAudience, DigestItemView } from "./digest-messages.ts";
import { withBehalf, type OnBehalf } from "../absence/stand-ins.ts";

/** items listed in one digest: 10 lines and 10 rows of 4 buttons stay well inside 4,096 characters and 100 buttons */
export const MAX_ITEMS = 10;
/** Telegram's limit for a message's text, with room for the entities' markup */
const MAX_TEXT = 4000;

/** OutboxMessage.kind of a task digest: a reply to one is read against its numbered items */
export const DIGEST_KIND = "reminder.digest";

/** escalations first, then reminders, then the rest (OutboxMessage.priority) */
export const PRIORITY = { escalation: 2, reminder: 1 } as const;

export interface Delivery<I> {
  chatId: bigint;
  language: string;
  audience: DigestAudience;
  item: I;
  /** a stand-in receives it for an official away (#19): said above the message */
  onBehalf?: OnBehalf | null;
}

export interface Folded<I> {
  chatId: bigint;
  language: string;
  /** per item: may this chat act on it (responsible, the unit's group) or is it informed; for whom, if a stand-in */
  items: { item: I; audience: DigestAudience; onBehalf?: OnBehalf | null }[];
}

/** Worst first: the highest rung, then the most overdue, then the earliest due date. */
export function worstFirst(
  a: { rung: Rung; workingDaysOverdue: number; dueDate: string; order: number },
  b: typeof a,
): number {
  return (
    RUNGS.indexOf(b.rung) - RUNGS.indexOf(a.rung) ||
    b.workingDaysOverdue - a.workingDaysOverdue ||
    (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
    a.order - b.order
  );
}

/**
 * Every chat once, its items in `order`; an item reaching a chat twice (the responsible official who is also
 * the chairman) is kept once, with the first audience given (deliveries list acting ones first).
 */
export function foldByChat<I>(
  deliveries: Delivery<I>[],
  identity: (item: I) => string,
  order: (a: I, b: I) => number,
): Folded<I>[] {
  const byChat = new Map<bigint, Folded<I> & { seen: Set<string> }>();
  for (const d of deliveries) {
    let f = byChat.get(d.chatId);
    if (!f) byChat.set(d.chatId, (f = { chatId: d.chatId, language: d.language, items: [], seen: new Set() }));
    const id = identity(d.item);
    if (f.seen.has(id)) continue;
    f.seen.add(id);
    f.items.push({ item: d.item, audience: d.audience, onBehalf: d.onBehalf ?? null });
  }
  return [...byChat.values()].map(({ chatId, language, items }) => ({
    chatId,
    language,
    items: items.sort((a, b) => order(a.item, b.item)),
  }));
}

/** A stand-in's digest says once, for each official away whose items it holds, for whom he receives them (#19). */
export function withBehalfNotes(
  t: Pick<Catalogue, "absence">,
  items: { onBehalf?: OnBehalf | null }[],
  text: string,
): string {
  const holders = new Map(items.flatMap((i) => (i.onBehalf ? [[i.onBehalf.holderName, i.onBehalf] as const] : [])));
  return [...holders.values()].reduceRight((out, b) => withBehalf(t, b, out), text);
}

/** The audience a digest is written for: acting when it holds anything to act on. */
export function digestAudience(items: { audience: DigestAudience }[]): DigestAudience {
  for (const a of ["responsible", "group", "leader", "office"] as const)
    if (items.some((i) => i.audience === a)) return a;
  return "leader";
}

const actingOn = (a: DigestAudience) => a === "responsible" || a === "group";

export const isEscalation = (rung: Rung) => rung === "overdue1" || rung === "overdue3";

export type TaskItem = DigestItemView & { reminderId: number; order: number };

/**
 * The task digests of a check, written to the outbox with their numbered items. `single` renders a chat's
 * only item as the ordinary reminder (text, buttons, taskId: a «xong» reply to it works as always).
 */
export async function writeTaskDigests(
  tx: Tx,
  folded: Folded<TaskItem>[],
  t: (lang: string) => Pick<Catalogue, "digest" | "tasks" | "absence">,
  single: (f: Folded<TaskItem>) => OutgoingMessage,
  today: string,
  now: Date,
): Promise<number> {
  const out: OutgoingMessage[] = [];
  const listed: TaskItem[][] = [];
  for (const f of folded) {
    const priority = f.items.some((i) => isEscalation(i.item.rung)) ? PRIORITY.escalation : PRIORITY.reminder;
    if (f.items.length === 1) {
      out.push({ ...single(f), priority });
      listed.push([]);
      continue;
    }
    const c = t(f.language);
    const audience = digestAudience(f.items);
    let shown = f.items.slice(0, MAX_ITEMS);
    const render = () =>
      c.digest.tasks({
        today,
        audience,
        // a leader's copy among items he acts on says so (the register of rank)
        items: shown.map((i, k) => ({ ...i.item, n: k + 1, informed: actingOn(audience) && !actingOn(i.audience) })),
        more: f.items.length - shown.length,
      });
    let text = withBehalfNotes(c, f.items, render());
    while (text.length > MAX_TEXT && shown.length > 1) {
      shown = shown.slice(0, -1);
      text = withBehalfNotes(c, f.items, render());
    }
    const rows = shown.flatMap((i, k) => (actingOn(i.audience) ? [digestRow(i.item.taskId, k + 1, c)] : []));
    out.push({
      chatId: f.chatId,
      text,
      kind: DIGEST_KIND,
      reminderId: shown[0]?.item.reminderId,
      priority,
      ...(rows.length > 0 && { replyMarkup: { inline_keyboard: rows } }),
    });
    listed.push(shown.map((i) => i.item));
  }
  const ids = await enqueueReturningIds(tx, out, now);
  const itemRows = ids.flatMap((outboxId, k) =>
    (listed[k] ?? []).map((item, position) => sql`(${outboxId}, ${position + 1}, ${item.taskId}, ${item.rung})`),
  );
  for (let i = 0; i < itemRows.length; i += 1000) {
    await tx.$executeRaw`
      INSERT INTO "DigestItem" ("outboxId", "position", "taskId", "rung") VALUES ${joinSql(itemRows.slice(i, i + 1000))}`;
  }
  return out.length;
}

/**
 * The row of item `n`: the single reminder's actions for that task. ⏰ asks when (snq: → 1 giờ / sáng mai /
 * ngày làm việc tiếp theo, the reminder's own snooze buttons), so the row stays four buttons wide.
 */
export function digestRow(taskId: number, n: number, c: Pick<Catalogue, "digest">) {
  const b = c.digest.buttons;
  return [
    { text: b.done(n), callback_data: `done:${taskId}` },
    { text: b.snooze(n), callback_data: `snq:${taskId}` },
    { text: b.obstacle(n), callback_data: `obs:${taskId}` },
    { text: b.extension(n), callback_data: `ext:${taskId}` },
  ];
}

/** A listed item's ✅ pressed or completed: the digest keeps the other items' buttons. */
export function withoutTask(markup: unknown, taskId: number): { inline_keyboard: unknown[][] } | undefined {
  const rows = (markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  const kept = rows
    .map((row) => row.filter((b) => !b.callback_data?.endsWith(`:${taskId}`)))
    .filter((row) => row.length > 0);
  return kept.length > 0 ? { inline_keyboard: kept } : undefined;
}

export interface DigestItemRef {
  /** its number in the digest, 1-based */
  position: number;
  taskId: number;
}

/** The numbered items of the digest sent as message `messageId` in `chatId`; null when that message is none. */
export async function digestItemsOf(db: Db, chatId: bigint, messageId: number): Promise<DigestItemRef[] | null> {
  const digest = await db.outboxMessage.findFirst({
    where: { chatId, sentMessageId: BigInt(messageId), kind: DIGEST_KIND },
    select: { id: true },
  });
  if (!digest) return null;
  return db.digestItem.findMany({
    where: { outboxId: digest.id },
    orderBy: { position: "asc" },
    select: { position: true, taskId: true },
  });
}
