// An update is handled once, however often Telegram delivers it (webhook retries, a polling offset lost
// in a crash). Mutating handlers record the update id in the transaction of their effect (recordUpdate);
// this middleware skips an update whose id is already recorded, and records the ids of the others after
// they were handled without error (a read-only /status, a refusal), ignoring a concurrent twin's insert.
// A twin delivered concurrently with the first delivery may still get a second read-only reply; it can
// never have a second effect (the primary key fails the second transaction).
//
// Cost (docs/benchmarks.md): the look-up is a branch of the one statement every update makes before it is
// handled (src/services/update-lookup.ts); the record is one raw statement, and concurrent updates share it:
// the records of a getUpdates batch go in one multi-row `INSERT … ON CONFLICT DO NOTHING` (a group commit,
// gathered over a few milliseconds: replies finish spread out in time). Every update still waits for its
// own record to be written before its handling counts as done.
import type { Context } from "telegraf";
import { joinSql, sql, type Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { coalesce } from "../services/coalesce.ts";

/** The replies of one getUpdates batch finish over a few milliseconds: their records wait this long to be written together. */
const RECORD_WINDOW_MS = 5;

/** Runs `next` for an update not `seen` before, then records it; a seen update is skipped. */
export type Once = (ctx: Context, seen: Promise<boolean>, next: () => Promise<void>) => Promise<void>;

export function handleOnce(db: Db, logger: Logger): Once {
  const record = coalesce<bigint, void>(async (asked) => {
    const ids = [...new Set(asked)];
    const at = new Date();
    await db.$executeRaw`
      INSERT INTO "ProcessedUpdate" ("updateId", "processedAt")
      VALUES ${joinSql(ids.map((id) => sql`(${id}, ${at})`))}
      ON CONFLICT ("updateId") DO NOTHING`;
    return asked.map(() => undefined);
  }, { windowMs: RECORD_WINDOW_MS });
  return async (ctx, seen, next) => {
    const id = ctx.update?.update_id;
    if (typeof id !== "number") return next();
    if (await seen) {
      logger.info({ updateId: id }, "update already processed: ignored");
      return;
    }
    await next();
    // the handler may have recorded it in its own transaction (or a twin did): nothing is inserted then
    await record(BigInt(id));
  };
}
