// An update is handled once, however often Telegram delivers it (a webhook retried, a polling offset lost in
// a crash, an update retried after the database came back). A handler that changes something records the
// update id in the transaction of its change (recordUpdate, src/platform/db/audit.ts), so a twin fails there;
// every other update (a /status, a refusal) is recorded here once it was answered.
import { sql, type Db } from "../db/client.ts";

export function createUpdateLog({ db }: { db: Db }) {
  return {
    async wasHandled(updateId: bigint): Promise<boolean> {
      // raw: it runs for every update, and Prisma's count costs several times more (ADR 007)
      const rows = await db.$queryRaw<unknown[]>(sql`SELECT 1 FROM "ProcessedUpdate" WHERE "updateId" = ${updateId}`);
      return rows.length > 0;
    },
    /** Records a handled update; one its handler (or a twin) recorded already is left as it is. */
    async markHandled(updateId: bigint, at: Date): Promise<void> {
      // Prisma has no "insert or ignore" for SQLite; this statement is the same on both databases
      await db.$executeRaw(sql`INSERT INTO "ProcessedUpdate" ("updateId", "processedAt") VALUES (${updateId}, ${at})
        ON CONFLICT ("updateId") DO NOTHING`);
    },
  };
}

export type UpdateLog = ReturnType<typeof createUpdateLog>;
