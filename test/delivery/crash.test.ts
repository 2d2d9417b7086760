// SIGKILL in the middle of a fan-out: after a restart nothing is lost, and at most the rows that were in
// flight at the kill are sent twice.
import { afterEach, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { startBotApiEmulator, type BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import { inFlight, kill, remaining, startWorker, tally, waitUntil } from "../support/crash.ts";

let db: TestDatabase;
let emulator: BotApiEmulator;
afterEach(async () => {
  await emulator.close();
  await db.drop();
});

it("a dispatcher killed mid-way and restarted loses nothing and duplicates at most the in-flight rows", async () => {
  db = await createTestDatabase("sqlite");
  const limits = { globalPerSecond: 100, perChatPerSecond: 1, perGroupPerMinute: 20 };
  emulator = await startBotApiEmulator({ limits });
  const recipients = [
    ...Array.from({ length: 280 }, (_, i) => 600_001 + i),
    ...Array.from({ length: 20 }, (_, i) => -1_006_001 - i),
  ];
  const now = new Date();
  await db.db.outboxMessage.createMany({
    data: recipients.map((chatId) => ({
      chatId: BigInt(chatId),
      text: `Thông báo cho ${chatId}`,
      kind: "test",
      notBefore: now,
      createdAt: now,
    })),
  });
  const env = {
    DATABASE_URL: db.url,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    BOT_TOKEN: emulator.token,
    RATE_GLOBAL_PER_SECOND: String(limits.globalPerSecond),
  };
  const first = await startWorker(env);
  await waitUntil(() => emulator.sent.length >= 120, 30_000);
  await kill(first);
  const flying = await inFlight(db.db);
  const before = tally(emulator, recipients);
  expect(before.lost).toBeGreaterThan(0); // it really was killed mid-way

  const second = await startWorker(env);
  await waitUntil(async () => (await remaining(db.db)) === 0, 30_000);
  await kill(second);

  const after = tally(emulator, recipients);
  expect(after.lost).toBe(0);
  expect(after.duplicates).toBeLessThanOrEqual(flying);
  expect(await db.db.outboxMessage.count({ where: { status: "SENT" } })).toBe(recipients.length);
}, 90_000);
