// An update is handled once, however often Telegram delivers it (webhook retries, a polling offset lost
// in a crash). Mutating handlers record the update id in the transaction of their effect (recordUpdate);
// this middleware skips an update whose id is already recorded, and records the ids of the others after
// they were handled without error (a read-only /status, a refusal), ignoring a concurrent twin's insert.
// A twin delivered concurrently with the first delivery may still get a second read-only reply; it can
// never have a second effect (the primary key fails the second transaction).
//
// Cost (docs/benchmarks.md): the look-up and the record are one raw statement each, and concurrent updates
// (a getUpdates batch is handled in parallel) share them: the look-ups waiting while one runs go together
// in one `IN (…)`, the records in one multi-row `INSERT … ON CONFLICT DO NOTHING` (a group commit, gathered
// over a few milliseconds: replies finish spread out in time). Every update still waits for its own record
// to be written before its handling counts as done. The look-up reads through the driver (src/db/reader.ts).
import type { Context, MiddlewareFn } from "telegraf";
import { joinSql, sql, type Db } from "../db/client.ts";
import type { Reader } from "../db/reader.ts";
import type { Logger } from "../logger.ts";
import { coalesce } from "../services/coalesce.ts";

/** The replies of one getUpdates batch finish over a few milliseconds: their records wait this long to be written together. */
const RECORD_WINDOW_MS = 5;

export function handleOnce(db: Db, reader: Reader, logger: Logger): MiddlewareFn<Context> {
  const seen = coalesce<bigint, boolean>(async (asked) => {
    const ids = [...new Set(asked)];
    const rows = await reader.all<{ updateId: bigint | number | string }>(sql`
      SELECT "updateId" FROM "ProcessedUpdate" WHERE "updateId" IN (${joinSql(ids)})`);
    const found = new Set(rows.map((r) => BigInt(r.updateId)));
    return asked.map((id) => found.has(id));
  });
  const record = coalesce<bigint, void>(async (asked) => {
    const ids = [...new Set(asked)];
    const at = new Date();
    await db.$executeRaw`
      INSERT INTO "ProcessedUpdate" ("updateId", "processedAt")
      VALUES ${joinSql(ids.map((id) => sql`(${id}, ${at})`))}
      ON CONFLICT ("updateId") DO NOTHING`;
    return asked.map(() => undefined);
  }, { windowMs: RECORD_WINDOW_MS });
  return async (ctx, next) => {
    const id = ctx.update?.update_id;
    if (typeof id !== "number") return next();
    const updateId = BigInt(id);
    if (await seen(updateId)) {
      logger.info({ updateId: id }, "update already processed: ignored");
      return;
    }
    await next();
    // the handler may have recorded it in its own transaction (or a twin did): nothing is inserted then
    await record(updateId);
  };
}
