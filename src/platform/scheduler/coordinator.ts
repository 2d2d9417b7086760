// Several dondoc instances on one PostgreSQL database (docs/decisions/003-production-and-scale-out.md).
//
// - createPgRunCoordinator: node-cron's RunCoordinator. node-cron asks shouldRun("<job>:<fire time ISO>")
//   on every instance at every fire time; the first instance to claim the JobLease row of that key runs the
//   job, the others skip it. A claim whose holder died before onComplete (no lastRunAt) can be taken over
//   once its lease has expired; a completed fire time is never run again.
// - createPgLease: a named lease held by one instance at a time and renewed by it (the dispatcher's).
//
// Both are one atomic INSERT … ON CONFLICT DO UPDATE … WHERE statement, timed by the database's clock
// (instances' clocks may disagree), and fail closed: any database error means "not yours".
import type { RunCoordinator } from "node-cron";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";

// timestamp(3) columns hold UTC: compare against the database's now() in UTC, whatever the session zone
const NOW = `(now() AT TIME ZONE 'UTC')`;

export interface CoordinatorDeps {
  db: Db;
  holder: string;
  logger: Logger;
}

export function createPgRunCoordinator({ db, holder, logger }: CoordinatorDeps): RunCoordinator {
  return {
    async shouldRun(key: string, ttlMs: number): Promise<boolean> {
      try {
        const rows = await db.$queryRawUnsafe<{ holder: string }[]>(
          `INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES ($1, $2, ${NOW} + $3 * interval '1 millisecond')
           ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
           WHERE "JobLease"."lastRunAt" IS NULL AND "JobLease"."expiresAt" < ${NOW}
           RETURNING "holder"`,
          key,
          holder,
          ttlMs,
        );
        return rows.length === 1 && rows[0]?.holder === holder;
      } catch (error) {
        logger.error({ err: error, key }, "run coordinator: database error, not running (fail closed)");
        return false;
      }
    },
    async onComplete(key: string): Promise<void> {
      await db.$executeRawUnsafe(
        `UPDATE "JobLease" SET "lastRunAt" = ${NOW} WHERE "name" = $1 AND "holder" = $2`,
        key,
        holder,
      );
    },
  };
}

export interface Lease {
  readonly name: string;
  readonly holder: string;
  readonly ttlMs: number;
  /** claims or renews the lease; true when this instance holds it now */
  acquire(): Promise<boolean>;
  /** true while the last successful acquire is recent enough that no other instance can have it */
  held(): boolean;
  /** gives the lease up (clean stop): another instance can take it at once */
  release(): Promise<void>;
}

export function createPgLease({
  db,
  holder,
  logger,
  name,
  ttlMs,
}: CoordinatorDeps & { name: string; ttlMs: number }): Lease {
  // local monotonic time until which the lease is certainly ours: measured from before the request was
  // sent, so it ends no later than the database's expiresAt; a margin covers timer lateness
  let validUntil = 0;
  const margin = Math.min(1000, ttlMs / 5);
  return {
    name,
    holder,
    ttlMs,
    async acquire() {
      const sentAt = performance.now();
      try {
        const rows = await db.$queryRawUnsafe<{ holder: string }[]>(
          `INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES ($1, $2, ${NOW} + $3 * interval '1 millisecond')
           ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
           WHERE "JobLease"."holder" = EXCLUDED."holder" OR "JobLease"."expiresAt" < ${NOW}
           RETURNING "holder"`,
          name,
          holder,
          ttlMs,
        );
        const mine = rows.length === 1 && rows[0]?.holder === holder;
        validUntil = mine ? sentAt + ttlMs - margin : 0;
        return mine;
      } catch (error) {
        logger.error({ err: error, lease: name }, "lease: database error, not holding it (fail closed)");
        validUntil = 0;
        return false;
      }
    },
    held: () => performance.now() < validUntil,
    async release() {
      validUntil = 0;
      try {
        await db.$executeRawUnsafe(`DELETE FROM "JobLease" WHERE "name" = $1 AND "holder" = $2`, name, holder);
      } catch (error) {
        logger.warn({ err: error, lease: name }, "lease: could not release (it will expire)");
      }
    },
  };
}

/** Fire-time rows are needed only around their fire time: old ones are deleted (housekeeping). */
export async function pruneJobLeases(db: Db, olderThanMs: number): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM "JobLease" WHERE "name" LIKE '%:%' AND "expiresAt" < ${NOW} - $1 * interval '1 millisecond'`,
    olderThanMs,
  );
}
