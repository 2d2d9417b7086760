// How many instances share the bot right now (several on one PostgreSQL database, docs/decisions/003 and
// 006): each one keeps a JobLease row "instance:<id>" alive, renewed every third of the lease, and counts
// the rows that have not expired. Each instance's limiter then takes its part of Telegram's bot-wide rate
// (limiter.ts, globalShare). No round trip per send: one statement per heartbeat.
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";

const NOW = `(now() AT TIME ZONE 'UTC')`;
const PREFIX = "instance:";

export interface InstanceHeartbeat {
  /** live instances at the last heartbeat, this one included (1 until the first one) */
  live(): number;
  /** the first heartbeat (awaited: the count is known before anything is sent), then one every ttlMs / 3 */
  start(): Promise<void>;
  /** a clean stop removes the row: the others get the share back at their next heartbeat */
  stop(): Promise<void>;
  /** one heartbeat now; returns the count (tests) */
  beat(): Promise<number>;
}

export function createPgInstanceHeartbeat(deps: {
  db: Db;
  holder: string;
  logger: Logger;
  ttlMs: number;
  /** after each heartbeat (e.g. pruning the shared chat windows' old rows) */
  onBeat?: () => Promise<void>;
}): InstanceHeartbeat {
  const { db, holder, logger, ttlMs } = deps;
  const name = PREFIX + holder;
  let live = 1;
  let timer: NodeJS.Timeout | null = null;
  let beating: Promise<number> | null = null;

  async function beat(): Promise<number> {
    try {
      // the upsert and the count in one statement (PostgreSQL always runs a writing WITH); the count sees
      // the snapshot from before the upsert, so this instance's own row is counted apart (+ 1)
      const rows = await db.$queryRawUnsafe<{ others: number }[]>(
        `WITH beat AS (
           INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES ($1, $2, ${NOW} + $3 * interval '1 millisecond')
           ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
           RETURNING 1)
         SELECT count(*)::int AS "others" FROM "JobLease"
         WHERE "name" LIKE '${PREFIX}%' AND "name" <> $1 AND "expiresAt" >= ${NOW}`,
        name,
        holder,
        ttlMs,
      );
      const n = Number(rows[0]?.others ?? 0) + 1;
      if (n !== live)
        logger.info({ instance: holder, instances: n }, "instances sharing the bot changed: rate shares follow");
      live = n;
      await deps.onBeat?.();
    } catch (error) {
      // the last count is kept: dropping to 1 would let this instance take the whole bot-wide rate
      logger.error({ err: error }, "instance heartbeat failed: keeping the last count");
    }
    return live;
  }

  function schedule() {
    timer = setTimeout(() => {
      beating = beat().finally(() => {
        beating = null;
        if (timer) schedule();
      });
    }, ttlMs / 3);
  }

  return {
    live: () => live,
    beat,
    async start() {
      await beat();
      schedule();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await beating;
      try {
        await db.$executeRawUnsafe(`DELETE FROM "JobLease" WHERE "name" = $1 AND "holder" = $2`, name, holder);
      } catch (error) {
        logger.warn({ err: error }, "instance heartbeat: could not remove the row (it will expire)");
      }
    },
  };
}
