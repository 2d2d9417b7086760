// An update is handled once, however often Telegram delivers it (webhook retries, a polling offset lost
// in a crash). Mutating handlers record the update id in the transaction of their effect (recordUpdate);
// this middleware skips an update whose id is already recorded, and records the ids of the others after
// they were handled without error (a read-only /status, a refusal), ignoring a concurrent twin's insert.
// A twin delivered concurrently with the first delivery may still get a second read-only reply; it can
// never have a second effect (the primary key fails the second transaction).
//
// Cost (docs/benchmarks.md): the look-up is a branch of the one statement every update makes before it is
// handled (src/services/update-lookup.ts); the record is one raw statement (through the driver on
// PostgreSQL: src/db/reader.ts), and concurrent updates share it
// (a group commit): an update handled while others are still being handled — the rest of its getUpdates
// batch — waits for them (at most RECORD_WAIT_MS), and the last one to finish writes all their ids in one
// multi-row `INSERT … ON CONFLICT DO NOTHING`. An update handled alone is recorded at once: telegraf's
// polling loop waits for the batch's records before the next getUpdates, so a wait for company that is not
// coming would hold up the next update. Every update still waits for its own record to be written.
import type { Context } from "telegraf";
import { joinSql, sql } from "../db/client.ts";
import type { Writer } from "../db/reader.ts";
import type { Logger } from "../logger.ts";
import { coalesce } from "../services/coalesce.ts";

/** An update handled while others are still being handled waits at most this long for them before its record is written. */
export const RECORD_WAIT_MS = 5;

/** Runs `next` for an update not `seen` before, then records it; a seen update is skipped. */
export type Once = (ctx: Context, seen: Promise<boolean>, next: () => Promise<void>) => Promise<void>;

export function handleOnce(writer: Writer, logger: Logger): Once {
  return onceWith(async (ids) => {
    const at = new Date();
    await writer.run(sql`
      INSERT INTO "ProcessedUpdate" ("updateId", "processedAt")
      VALUES ${joinSql(ids.map((id) => sql`(${id}, ${at})`))}
      ON CONFLICT ("updateId") DO NOTHING`);
  }, logger);
}

/** The once check over any `write` of update ids (a test passes its own). */
export function onceWith(write: (ids: bigint[]) => Promise<void>, logger: Pick<Logger, "info">): Once {
  // ids asked in the same turn of the event loop, or while a write runs, go into one write
  const record = coalesce<bigint, void>(async (asked) => {
    await write([...new Set(asked)]);
    return asked.map(() => undefined);
  });
  let handling = 0;
  let held: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  const release = () => {
    clearTimeout(timer);
    timer = undefined;
    const go = held;
    held = [];
    for (const resolve of go) resolve();
  };
  const othersDone = () =>
    new Promise<void>((resolve) => {
      held.push(resolve);
      timer ??= setTimeout(release, RECORD_WAIT_MS);
    });

  return async (ctx, seen, next) => {
    const id = ctx.update?.update_id;
    if (typeof id !== "number") return next();
    if (await seen) {
      logger.info({ updateId: id }, "update already processed: ignored");
      return;
    }
    handling++;
    try {
      await next();
    } finally {
      handling--;
      if (handling === 0) release();
    }
    if (handling > 0) await othersDone();
    // the handler may have recorded it in its own transaction (or a twin did): nothing is inserted then
    await record(BigInt(id));
  };
}
