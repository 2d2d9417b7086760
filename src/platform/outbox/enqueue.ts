// Writing to the outbox: every message the bot sends on its own is a row, written in the transaction
// of the change that caused it, and sent later by the dispatcher (src/platform/outbox/dispatcher.ts).
import { dialectOf, sql, sqliteDateTime, type Tx } from "../db/client.ts";

const empty = sql``;

export interface OutgoingMessage {
  chatId: bigint;
  text: string;
  kind: string;
  replyMarkup?: unknown;
  reminderId?: number;
  taskId?: number;
  broadcastId?: number;
  notBefore?: Date;
  /** higher is sent first (ADR 009): escalations, then reminders, then everything else (0) */
  priority?: number;
  /** a PNG: sent with sendPhoto, `text` as its caption (≤ 1,024 characters, plain text) */
  photo?: Uint8Array;
}

/** rows per INSERT: one JSON parameter of at most this many messages */
const ROWS_PER_INSERT = 2000;

/**
 * One INSERT … SELECT per 2,000 messages, the rows passed as ONE JSON parameter and unpacked by the
 * database (json_each on SQLite, json_to_recordset on PostgreSQL). Prisma's createMany, and even a raw
 * multi-row VALUES with ten parameters a row, built, serialised and compiled the whole payload through the
 * query compiler: most of the deadline check's time and memory (docs/benchmarks.md). Rows keep their order
 * (ids ascending); columns left out take their defaults (status PENDING, attempts 0, lastError "").
 */
export async function enqueue(tx: Tx, messages: OutgoingMessage[], now: Date): Promise<void> {
  await enqueueAll(tx, messages, now, false);
}

/** enqueue, returning the new rows' ids in the messages' order (a digest's numbered items point at its row) */
export async function enqueueReturningIds(tx: Tx, messages: OutgoingMessage[], now: Date): Promise<number[]> {
  return enqueueAll(tx, messages, now, true);
}

async function enqueueAll(tx: Tx, messages: OutgoingMessage[], now: Date, returning: boolean): Promise<number[]> {
  const ids: number[] = [];
  // a photo (rare: the weekly chart) is one Prisma insert of its own, between the bulk inserts of the
  // text messages around it: the rows keep the callers' order
  let start = 0;
  for (let i = 0; i <= messages.length; i++) {
    const m = messages[i];
    if (m && !m.photo) continue;
    if (i > start) ids.push(...(await insertTexts(tx, messages.slice(start, i), now, returning)));
    if (m?.photo) {
      const row = await tx.outboxMessage.create({
        data: {
          chatId: m.chatId,
          text: m.text,
          photo: new Uint8Array(m.photo),
          kind: m.kind,
          replyMarkup: m.replyMarkup ? JSON.stringify(m.replyMarkup) : "",
          reminderId: m.reminderId ?? null,
          taskId: m.taskId ?? null,
          broadcastId: m.broadcastId ?? null,
          notBefore: m.notBefore ?? now,
          priority: m.priority ?? 0,
          createdAt: now,
        },
        select: { id: true },
      });
      ids.push(row.id);
    }
    start = i + 1;
  }
  return ids;
}

async function insertTexts(tx: Tx, messages: OutgoingMessage[], now: Date, returning: boolean): Promise<number[]> {
  const ids: number[] = [];
  const dialect = dialectOf(tx);
  const date = (d: Date) => (dialect === "sqlite" ? sqliteDateTime(d) : d.toISOString());
  for (let i = 0; i < messages.length; i += ROWS_PER_INSERT) {
    const rows = JSON.stringify(
      messages.slice(i, i + ROWS_PER_INSERT).map((m) => ({
        c: m.chatId.toString(),
        t: m.text,
        k: m.kind,
        m: m.replyMarkup ? JSON.stringify(m.replyMarkup) : "",
        r: m.reminderId ?? null,
        tk: m.taskId ?? null,
        b: m.broadcastId ?? null,
        nb: date(m.notBefore ?? now),
        p: m.priority ?? 0,
      })),
    );
    const created = date(now);
    // RETURNING only when asked: the ids come back in insertion order (sorted, to be sure)
    const tail = returning ? sql` RETURNING "id"` : empty;
    const statement =
      dialect === "sqlite"
        ? sql`
        INSERT INTO "OutboxMessage" ("chatId", "text", "kind", "parseMode", "replyMarkup", "reminderId", "taskId", "broadcastId", "notBefore", "priority", "createdAt")
        SELECT CAST(json_extract(value, '$.c') AS INTEGER), json_extract(value, '$.t'), json_extract(value, '$.k'), 'HTML',
               json_extract(value, '$.m'), json_extract(value, '$.r'), json_extract(value, '$.tk'), json_extract(value, '$.b'),
               json_extract(value, '$.nb'), json_extract(value, '$.p'), ${created}
        FROM json_each(${rows}) WHERE true ORDER BY key${tail}`
        : // json_to_recordset parses the array once; `e->>'field'` on each element re-read its text per field
          // (45 of 83 ms for 1,200 messages)
          sql`
        INSERT INTO "OutboxMessage" ("chatId", "text", "kind", "parseMode", "replyMarkup", "reminderId", "taskId", "broadcastId", "notBefore", "priority", "createdAt")
        SELECT c, t, k, 'HTML', m, r, tk, b, nb AT TIME ZONE 'UTC', p, ${created}::timestamptz AT TIME ZONE 'UTC'
        FROM ROWS FROM (json_to_recordset(${rows}::json) AS (c bigint, t text, k text, m text, r int, tk int, b int, nb timestamptz, p int))
             WITH ORDINALITY AS x(c, t, k, m, r, tk, b, nb, p, n)
        ORDER BY n${tail}`;
    if (returning) {
      const rowsBack = await tx.$queryRaw<{ id: number | bigint }[]>(statement);
      ids.push(...rowsBack.map((r) => Number(r.id)).sort((a, b) => a - b));
    } else {
      await tx.$executeRaw(statement);
    }
  }
  return ids;
}
