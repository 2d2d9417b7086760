// The hot-path reader (src/db/reader.ts) reads what Prisma wrote, exactly, on both databases: integers
// beyond 2^53, DateTime compared with a Date parameter, booleans; in any process time zone; and it
// cannot write.
import { afterEach, beforeEach, expect, it } from "vitest";
import { joinSql, sql } from "../../src/db/client.ts";
import { prismaReader } from "../../src/db/reader.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/db.ts";

const BIG = 9_007_199_254_740_993n; // 2^53 + 1: not a safe JS number
const AT = new Date("2026-11-24T02:30:00.250Z");

describeEachDatabase("hot-path reader", (provider) => {
  let t: TestDatabase;
  const tz = process.env.TZ;
  beforeEach(async () => {
    t = await createTestDatabase(provider);
    await t.db.processedUpdate.create({ data: { updateId: BIG, processedAt: AT } });
    await t.db.chat.create({ data: { telegramChatId: -BIG, kind: "SUPERGROUP", isSecretariat: true, boundAt: AT } });
  });
  afterEach(async () => {
    process.env.TZ = tz;
    await t.drop();
  });

  for (const zone of ["UTC", "Asia/Ho_Chi_Minh", "America/Los_Angeles"]) {
    it(`writes the once-record as Prisma would: exact ids, the instant in UTC, a repeat ignored (process time zone ${zone})`, async () => {
      process.env.TZ = zone;
      const at = new Date("2026-11-24T23:59:59.999Z");
      const insert = (ids: bigint[]) =>
        t.writer.run(sql`INSERT INTO "ProcessedUpdate" ("updateId", "processedAt") VALUES ${joinSql(ids.map((id) => sql`(${id}, ${at})`))} ON CONFLICT ("updateId") DO NOTHING`);
      await insert([BIG + 1n, 42n]);
      await insert([BIG + 1n, BIG]); // both already there: nothing changes
      const rows = await t.db.processedUpdate.findMany({ orderBy: { updateId: "asc" } });
      expect(rows.map((r) => [r.updateId, r.processedAt.toISOString()])).toEqual([
        [42n, at.toISOString()],
        [BIG, AT.toISOString()],
        [BIG + 1n, at.toISOString()],
      ]);
    });

    it(`reads exact integers, DateTime and booleans as Prisma wrote them (process time zone ${zone})`, async () => {
      process.env.TZ = zone;
      const [u] = await t.reader.all<{ updateId: unknown; processedAt: unknown }>(
        sql`SELECT "updateId", "processedAt" FROM "ProcessedUpdate" WHERE "updateId" IN (${BIG})`,
      );
      expect(BigInt(u!.updateId as bigint)).toBe(BIG);
      expect(new Date(u!.processedAt as string).toISOString()).toBe(AT.toISOString());
      const [c] = await t.reader.all<{ telegramChatId: unknown; isSecretariat: unknown }>(
        sql`SELECT "telegramChatId", "isSecretariat" FROM "Chat" WHERE "isSecretariat" = ${true}`,
      );
      expect(BigInt(c!.telegramChatId as bigint)).toBe(-BIG);
      expect([true, 1n]).toContainEqual(c!.isSecretariat);
    });

    it(`compares DateTime columns with Date parameters to the millisecond (process time zone ${zone})`, async () => {
      process.env.TZ = zone;
      const count = async (op: ">=" | ">", at: Date) =>
        (await t.reader.all(op === ">=" ? sql`SELECT 1 FROM "Chat" WHERE "boundAt" >= ${at}` : sql`SELECT 1 FROM "Chat" WHERE "boundAt" > ${at}`)).length;
      expect(await count(">=", AT)).toBe(1);
      expect(await count(">", AT)).toBe(0);
      expect(await count(">=", new Date(AT.getTime() + 1))).toBe(0);
      expect(await count(">", new Date(AT.getTime() - 1))).toBe(1);
    });
  }

  it("answers the same rows as Prisma's raw path", async () => {
    const q = sql`SELECT "telegramChatId", "kind", "title" FROM "Chat" ORDER BY "id"`;
    const norm = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, telegramChatId: BigInt(r.telegramChatId as bigint) }));
    expect(norm(await t.reader.all(q))).toEqual(norm(await prismaReader(t.db).all(q)));
  });

  it("answers a statement used again and again (prepared on PostgreSQL from its third use) with current rows", async () => {
    const q = (id: bigint) => sql`SELECT "updateId" FROM "ProcessedUpdate" WHERE "updateId" IN (${id})`;
    for (let i = 0; i < 6; i++) {
      await t.db.processedUpdate.create({ data: { updateId: BigInt(i + 1), processedAt: AT } });
      const rows = await t.reader.all<{ updateId: unknown }>(q(BigInt(i + 1)));
      expect(rows.map((r) => BigInt(r.updateId as bigint))).toEqual([BigInt(i + 1)]);
      expect(await t.reader.all(q(BigInt(100 + i)))).toEqual([]);
    }
  });

  it.runIf(provider === "postgres")("plans its statements generically, on sessions of its own (PostgreSQL)", async () => {
    const mode = (rows: { plan_cache_mode: string }[]) => rows[0]!.plan_cache_mode;
    expect(mode(await t.reader.all(sql`SHOW plan_cache_mode`))).toBe("force_generic_plan");
    expect(mode(await t.db.$queryRaw(sql`SHOW plan_cache_mode`))).toBe("auto");
  });

  it.runIf(provider === "postgres")("survives its idle connections being terminated by the server (PostgreSQL)", async () => {
    const q = sql`SELECT "telegramChatId" FROM "Chat"`;
    await Promise.all([t.reader.all(q), t.reader.all(q), t.reader.all(q)]); // a few idle connections
    const killed = await t.db.$queryRaw<{ done: boolean }[]>(sql`
      SELECT pg_terminate_backend(pid) AS "done"
        FROM (SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS others`);
    expect(killed.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200)); // the pools hear of it
    expect(await t.reader.all(q)).toHaveLength(1);
  });

  it.runIf(provider === "sqlite")("cannot write (SQLite: a query-only connection)", async () => {
    await expect(t.reader.all(sql`DELETE FROM "Chat" RETURNING "id"`)).rejects.toThrow(/readonly|query_only|attempt to write/i);
    expect(await t.db.chat.count()).toBe(1);
  });
});
