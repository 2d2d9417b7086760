// An update is handled once, however often Telegram delivers it (webhook retries, a polling offset lost
// in a crash). Mutating handlers record the update id in the transaction of their effect (recordUpdate);
// this middleware skips an update whose id is already recorded, and records the ids of the others after
// they were handled without error (a read-only /status, a refusal), ignoring a concurrent twin's insert.
// A twin delivered concurrently with the first delivery may still get a second read-only reply; it can
// never have a second effect (the primary key fails the second transaction).
import type { Context, MiddlewareFn } from "telegraf";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import type { Logger } from "../logger.ts";

export function handleOnce(db: Db, logger: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const id = ctx.update?.update_id;
    if (typeof id !== "number") return next();
    const updateId = BigInt(id);
    if (await db.processedUpdate.findUnique({ where: { updateId }, select: { updateId: true } })) {
      logger.info({ updateId: id }, "update already processed: ignored");
      return;
    }
    await next();
    try {
      await db.processedUpdate.upsert({ where: { updateId }, create: { updateId }, update: {} });
    } catch (error) {
      // the handler recorded it in its own transaction (or a twin did): that is the normal case
      if (!isUniqueViolation(error, "ProcessedUpdate") && !isUniqueViolation(error)) throw error;
    }
  };
}
