// A table or column the migrations make is missing (a database never migrated, or one migration behind):
// recognised whether Prisma's model API or raw SQL met it, on both databases, and not confused with a
// database that is only unavailable for a while.
import { expect, it } from "vitest";
import { sql } from "../../src/platform/db/client.ts";
import { isNotMigrated } from "../../src/platform/db/not-migrated.ts";
import { isDatabaseUnavailable } from "../../src/platform/db/unavailable.ts";
import { createTestDatabase, describeEachDatabase } from "../support/db.ts";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describeEachDatabase("a database behind the migrations", (provider) => {
  it("is told apart from one that is down", async () => {
    const t = await createTestDatabase(provider);
    try {
      await t.db.$executeRaw(sql`ALTER TABLE "CalendarDay" RENAME TO "CalendarDayOld"`);
      await t.db.$executeRaw(sql`ALTER TABLE "Programme" RENAME COLUMN "sortOrder" TO "sortOrderOld"`);
      const errors = [
        await failure(t.db.calendarDay.count()),
        await failure(t.db.$queryRaw(sql`SELECT 1 FROM "CalendarDay"`)),
        await failure(t.db.programme.findMany()),
      ];
      for (const error of errors) {
        expect(error).not.toBeNull();
        expect(isNotMigrated(error)).toBe(true);
        expect(isDatabaseUnavailable(error)).toBe(false);
      }
      const otherFault = await failure(t.db.$queryRaw(sql`SELEC 1`));
      expect(otherFault).not.toBeNull();
      expect(isNotMigrated(otherFault)).toBe(false);
      expect(isNotMigrated(new Error("SQLITE_BUSY: database is locked"))).toBe(false);
    } finally {
      await t.drop();
    }
  });
});
