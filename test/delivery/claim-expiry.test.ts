// Several instances on PostgreSQL: the rows a killed dispatcher leader had claimed are sent again one
// lease after the claim (LEASE_MS), not after a minute.
import { afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { createConfig } from "../../src/config.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { systemClock } from "../../src/platform/clock.ts";
import { startBotApiEmulator, type BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { testPgUrl } from "../support/paths.ts";
import { waitUntil } from "../support/crash.ts";

const LEASE_MS = 1000;
const NOW = `(now() AT TIME ZONE 'UTC')`;

describe.skipIf(!testPgUrl())("claims on PostgreSQL", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  let app: App | null = null;
  afterEach(async () => {
    await app?.stop("test end");
    app = null;
    await emulator.close();
    await db.drop();
  });

  it("a dead leader's claim expires with its lease: the row is sent again about LEASE_MS after it was claimed", async () => {
    db = await createTestDatabase("postgres");
    emulator = await startBotApiEmulator({ botUsername: "dondoc_test_bot" });
    // the leader ("dead") held the dispatcher lease and had just claimed a row when it was killed
    await db.db.$executeRawUnsafe(
      `INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES ('dispatcher', 'dead', ${NOW} + $1 * interval '1 millisecond')`,
      LEASE_MS,
    );
    await db.db.$executeRawUnsafe(
      `INSERT INTO "OutboxMessage" ("chatId", "text", "kind", "status", "attempts", "claimedBy", "claimedAt", "notBefore", "createdAt")
       VALUES (424243, 'Nhắc việc đang gửi dở', 'test', 'SENDING', 1, 'dead', ${NOW}, ${NOW}, ${NOW})`,
    );
    const killedAt = Date.now();
    const config = createConfig({
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: db.url,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      DISPATCH_INTERVAL_MS: "20",
      INSTANCE_ID: "survivor",
      LEASE_MS: String(LEASE_MS),
    });
    app = await createApp(config, createLogger(config.logLevel), { clock: systemClock, cron: false, polling: false });
    await app.start();
    await waitUntil(() => emulator.sent.some((m) => m.chat_id === 424243), 15_000);
    const resentAfter = Date.now() - killedAt;
    // lease over at +1 s, the claim expired at +1 s, noticed at the next renewal (a third of the lease)
    expect(resentAfter).toBeLessThan(LEASE_MS * 2 + 1000);
    await waitUntil(
      async () => (await db.db.outboxMessage.findFirstOrThrow({ where: { chatId: 424243n } })).status === "SENT",
      5000,
    );
    const row = await db.db.outboxMessage.findFirstOrThrow({ where: { chatId: 424243n } });
    expect([row.status, row.claimedBy]).toEqual(["SENT", "survivor"]);
    expect(emulator.sent.filter((m) => m.chat_id === 424243)).toHaveLength(1);
  }, 30_000);
});
