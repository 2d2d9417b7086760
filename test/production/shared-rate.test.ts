// Several instances on one PostgreSQL database share Telegram's bot-wide 30/s: three webhook instances
// answer a burst of /help posted to all of them at once, while the leader sends a broadcast, against one
// emulator enforcing Telegram's limits (docs/decisions/006-interactive-rate.md, 2026-12-04).
import { afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { createConfig } from "../../src/config.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { enqueue } from "../../src/platform/outbox/enqueue.ts";
import { startBotApiEmulator, type BotApiEmulator, type RecordedCall } from "../../tools/emulator/bot-api-server.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { testPgUrl } from "../support/paths.ts";
import { waitUntil } from "../support/crash.ts";
import { privateChat, user } from "../support/harness.ts";
import { createPgInstanceHeartbeat } from "../../src/platform/scheduler/instances.ts";

const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
const TELEGRAM = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
const LEASE_MS = 1500;
const SECRET = "shared-rate_secret_0123456789";
const PATH = "/telegram/webhook";
const person = (i: number) => ({ id: 930_000 + i, name: `Người hỏi ${i}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** the most calls the emulator received within any one second */
function busiestSecond(calls: RecordedCall[]): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe.skipIf(!testPgUrl())("three instances share the bot-wide rate", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  let apps: App[] = [];
  afterEach(async () => {
    for (const a of apps) await a.stop("test end");
    apps = [];
    await emulator.close();
    await db.drop();
  });

  it("a burst of /help posted to three webhook instances during a broadcast: never above 30 a second, no 429, everyone answered once", async () => {
    db = await createTestDatabase("postgres");
    emulator = await startBotApiEmulator({ botUsername: "dondoc_test_bot" });
    for (const n of [1, 2, 3]) {
      const config = createConfig({
        BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        DATABASE_URL: db.url,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://dondoc.example.gov.vn/",
        WEBHOOK_PATH: PATH,
        WEBHOOK_SECRET: SECRET,
        PORT: "0",
        DISPATCH_INTERVAL_MS: "20",
        INSTANCE_ID: `instance-${n}`,
        LEASE_MS: String(LEASE_MS),
      });
      // the default limits: Telegram's (30/s, 1/s per chat, 20/min per group, a reserve of 5 for replies)
      const app = await createApp(config, logger, { cron: false });
      await app.start();
      apps.push(app);
    }
    // every instance has renewed its heartbeat (a third of the lease) since the last one started
    await sleep(LEASE_MS);
    emulator.setLimits(TELEGRAM);

    // the leader sends a broadcast at its full rate
    const recipients = Array.from({ length: 150 }, (_, i) => 840_001 + i);
    const now = new Date();
    await db.db.$transaction((tx) =>
      enqueue(
        tx,
        recipients.map((chatId) => ({ chatId: BigInt(chatId), text: `Thông báo gửi ${chatId}`, kind: "broadcast" })),
        now,
      ),
    );
    for (const a of apps) a.dispatcher.wake();
    await emulator.waitFor((sent) => sent.length >= 20, 10_000);

    // 60 people ask at once; the load balancer spreads their updates over the three instances
    const people = Array.from({ length: 60 }, (_, i) => person(i));
    const posts = people.map((p, i) => {
      const update = emulator.userSends({ from: user(p), chat: privateChat(p), text: "/help" });
      const url = `http://127.0.0.1:${apps[i % apps.length]!.httpPort()}${PATH}`;
      return fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      }).then((r) => r.status);
    });
    expect(await Promise.all(posts)).toEqual(people.map(() => 200));
    await waitUntil(() => recipients.every((r) => emulator.sent.some((m) => m.chat_id === r)), 30_000);

    const sends = emulator.calls.filter((c) => c.method === "sendMessage");
    expect(sends.filter((c) => !c.ok).map((c) => c.errorCode)).toEqual([]);
    expect(busiestSecond(sends)).toBeLessThanOrEqual(30);
    for (const p of people) {
      const got = emulator.sent.filter((m) => m.chat_id === p.id);
      expect(got, `answer to ${p.id}`).toHaveLength(1);
      expect(got[0]!.text).toContain("/help");
    }
    for (const r of recipients) expect(emulator.sent.filter((m) => m.chat_id === r)).toHaveLength(1);
  }, 90_000);

  it("a dead instance's heartbeat expires within one lease and the others count it out; a clean stop at once", async () => {
    db = await createTestDatabase("postgres");
    emulator = await startBotApiEmulator({});
    const ttlMs = 600;
    const beat = (holder: string) => createPgInstanceHeartbeat({ db: db.db, holder, logger, ttlMs });
    const a = beat("a");
    const b = beat("b");
    const c = beat("c");
    await a.start();
    await c.start();
    expect(await b.beat()).toBe(3); // b beats once, then dies (never renews, never removes its row)
    const died = Date.now();
    expect(await a.beat()).toBe(3);
    await waitUntil(async () => (await a.beat()) === 2, 5000);
    expect(Date.now() - died).toBeLessThanOrEqual(ttlMs + 200);
    await c.stop();
    expect(await a.beat()).toBe(1);
    await a.stop();
  });
});
