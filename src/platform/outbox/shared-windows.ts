// Telegram's per-chat (1/s) and per-group (20/min) limits hold for the bot, not for one process. While
// several instances share the bot on PostgreSQL, each send to a chat is written to "ChatSend" and a send
// goes only when this process's own sends (its limiter's windows) and the other instances' rows leave room
// (docs/decisions/006-interactive-rate.md, "Per-chat windows across instances"). With one instance nothing
// is written or read: the limiter alone decides, as before.
//
// Each check runs in a transaction holding an advisory lock on the chat, so two instances cannot both take
// the last place in a window. Rows are stamped when the send is decided, before Telegram sees it; the other
// instances count them a little longer than the window (MARGIN_MS) so a slow request is not counted short.
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { Limits } from "./limiter.ts";

const NOW = `(now() AT TIME ZONE 'UTC')`;
const MARGIN_MS = 250;
const SECOND = 1000 + MARGIN_MS;
const MINUTE = 60_000 + MARGIN_MS;
/** the advisory lock namespace of these checks (pg_advisory_xact_lock(int, int)): "cs" */
const LOCK_CLASS = 0x6373;

export interface SharedChatWindows {
  /**
   * A send to `chatId` by this instance, which already sent `own` there in its windows (the slot for this
   * send excluded). Returns 0 when it may go (and records it for the others), else how long to wait before
   * asking again. Always 0 while this instance is alone.
   */
  reserve(chatId: bigint, own: { second: number; minute: number }): Promise<number>;
  /** rows older than the windows go (called from the heartbeat) */
  prune(): Promise<void>;
}

export function createSharedChatWindows(deps: {
  db: Db;
  instanceId: string;
  limits: Limits;
  logger: Logger;
  /** true while more than one instance is alive (src/platform/scheduler/instances.ts) */
  active: () => boolean;
}): SharedChatWindows {
  const { db, instanceId, limits, logger } = deps;

  async function reserve(chatId: bigint, own: { second: number; minute: number }): Promise<number> {
    if (!deps.active()) return 0;
    const group = chatId < 0n;
    try {
      return await db.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(
          `SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock($1, $2)) AS l`,
          LOCK_CLASS,
          lockKey(chatId),
        );
        const others = await tx.$queryRawUnsafe<{ ageMs: number }[]>(
          `SELECT (EXTRACT(EPOCH FROM (${NOW} - "at")) * 1000)::float8 AS "ageMs" FROM "ChatSend"
           WHERE "chatId" = $1 AND "instance" <> $2 AND "at" > ${NOW} - $3 * interval '1 millisecond'`,
          chatId,
          instanceId,
          group ? MINUTE : SECOND,
        );
        const ages = others.map((o) => Number(o.ageMs)).sort((a, b) => a - b); // newest first
        const wait = Math.max(
          waitFor(
            ages.filter((a) => a < SECOND),
            own.second,
            limits.perChatPerSecond,
            SECOND,
          ),
          group ? waitFor(ages, own.minute, limits.perGroupPerMinute, MINUTE) : 0,
        );
        if (wait > 0) return wait;
        await tx.$executeRawUnsafe(
          `INSERT INTO "ChatSend" ("chatId", "instance", "at") VALUES ($1, $2, ${NOW})`,
          chatId,
          instanceId,
        );
        return 0;
      });
    } catch (error) {
      // the database is the bot's own trouble, not the person's: the local windows still hold, and a rare
      // overlap costs a 429 and a retry, not the message
      logger.warn({ err: error, chatId: chatId.toString() }, "shared chat windows unavailable: local limits only");
      return 0;
    }
  }

  return {
    reserve,
    async prune() {
      await db.$executeRawUnsafe(`DELETE FROM "ChatSend" WHERE "at" < ${NOW} - interval '2 minutes'`);
    },
  };
}

/**
 * How long until one more send fits: `others` are the other instances' sends in the window (ages, newest
 * first), `own` this process's. When full, the oldest of the others that must leave decides (own sends
 * are waited for by the limiter itself).
 */
export function waitFor(others: number[], own: number, size: number, spanMs: number): number {
  const over = others.length + own - size + 1;
  if (over <= 0) return 0;
  // the over-th oldest of the others has to leave the window
  const leaving = others[others.length - Math.min(over, others.length)];
  return leaving === undefined ? 10 : Math.max(10, Math.ceil(spanMs - leaving));
}

/** a chat id in the lock's 32-bit key space (collisions only make two chats wait for each other briefly) */
function lockKey(chatId: bigint): number {
  return Number(BigInt.asIntN(32, chatId ^ (chatId >> 32n)));
}
