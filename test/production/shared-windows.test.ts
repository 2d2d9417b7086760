// Per-chat and per-group windows counted across instances (src/platform/outbox/shared-windows.ts, ADR 006):
// the check itself against PostgreSQL, then two webhook instances answering in one chat while the leader's
// outbox writes there too, against an emulator enforcing Telegram's limits.
import { afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { createConfig } from "../../src/config.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { enqueue } from "../../src/platform/outbox/enqueue.ts";
import { TELEGRAM_LIMITS } from "../../src/platform/outbox/limiter.ts";
import { createSharedChatWindows, waitFor } from "../../src/platform/outbox/shared-windows.ts";
import { startBotApiEmulator, type BotApiEmulator, type RecordedCall } from "../../tools/emulator/bot-api-server.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { testPgUrl } from "../support/paths.ts";
import { waitUntil } from "../support/crash.ts";
import { privateChat, user } from "../support/harness.ts";

const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("waitFor: how long until one more send fits a window shared with other instances", () => {
  it.each([
    { others: [], own: 0, size: 1, span: 1250, wait: 0 },
    { others: [300], own: 0, size: 1, span: 1250, wait: 950 },
    { others: [100, 900], own: 0, size: 3, span: 1250, wait: 0 },
    { others: [100, 900], own: 1, size: 3, span: 1250, wait: 350 },
    // a group with 20 in the minute, 5 of them this instance's: the 16th oldest of the others' must leave
    { others: Array.from({ length: 15 }, (_, i) => 1000 * (i + 1)), own: 5, size: 20, span: 60_250, wait: 45_250 },
  ])("others $others, own $own, size $size → $wait ms", ({ others, own, size, span, wait }) => {
    expect(waitFor(others, own, size, span)).toBe(wait);
  });
});

describe.skipIf(!testPgUrl())("shared chat windows on PostgreSQL", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator | null = null;
  let apps: App[] = [];
  afterEach(async () => {
    for (const a of apps) await a.stop("test end");
    apps = [];
    await emulator?.close();
    emulator = null;
    await db.drop();
  });

  const windows = (instanceId: string, active = true) =>
    createSharedChatWindows({ db: db.db, instanceId, limits: TELEGRAM_LIMITS, logger, active: () => active });

  it("one instance's send to a chat makes another wait; a group's minute counts every instance; alone nothing is written", async () => {
    db = await createTestDatabase("postgres");
    const a = windows("a");
    const b = windows("b");
    const none = { second: 0, minute: 0 };
    expect(await a.reserve(5001n, none)).toBe(0);
    const wait = await b.reserve(5001n, none);
    expect(wait).toBeGreaterThan(900);
    expect(wait).toBeLessThanOrEqual(1250);
    expect(await a.reserve(5002n, none)).toBe(0); // another chat is free

    // a group: 12 sends by a, 8 by b (its own windows say so) fill the minute for b
    for (let i = 0; i < 12; i++) await db.db.chatSend.create({ data: { chatId: -7001n, instance: "a" } });
    await db.db.chatSend.updateMany({ where: { chatId: -7001n }, data: { at: new Date(Date.now() - 5000) } });
    expect(await b.reserve(-7001n, { second: 0, minute: 7 })).toBe(0);
    expect(await b.reserve(-7001n, { second: 0, minute: 8 })).toBeGreaterThan(50_000);

    // alone: no row, no wait
    const before = await db.db.chatSend.count();
    expect(await windows("c", false).reserve(5001n, none)).toBe(0);
    expect(await db.db.chatSend.count()).toBe(before);

    // old rows are pruned
    await db.db.chatSend.updateMany({ data: { at: new Date(Date.now() - 3 * 60_000) } });
    await a.prune();
    expect(await db.db.chatSend.count()).toBe(0);
  });

  it("instances asking for the same chat at the same moment: exactly one gets the second", async () => {
    db = await createTestDatabase("postgres");
    // an instance's own sends are in its limiter: here each of 12 instances asks once
    const waits = await Promise.all(
      Array.from({ length: 12 }, (_, i) => windows(`i${i}`).reserve(6001n, { second: 0, minute: 0 })),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(1);
    expect(await db.db.chatSend.count({ where: { chatId: 6001n } })).toBe(1);
  });

  it("two webhook instances answer one person's burst while the outbox writes to him: never two a second, no 429", async () => {
    db = await createTestDatabase("postgres");
    emulator = await startBotApiEmulator({ botUsername: "dondoc_test_bot" });
    const SECRET = "shared-windows_secret_0123456789";
    const LEASE_MS = 1500;
    for (const n of [1, 2]) {
      const config = createConfig({
        BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        DATABASE_URL: db.url,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://dondoc.example.gov.vn/",
        WEBHOOK_PATH: "/telegram/webhook",
        WEBHOOK_SECRET: SECRET,
        PORT: "0",
        DISPATCH_INTERVAL_MS: "20",
        INSTANCE_ID: `windows-${n}`,
        LEASE_MS: String(LEASE_MS),
      });
      const app = await createApp(config, logger, { cron: false });
      await app.start();
      apps.push(app);
    }
    await sleep(LEASE_MS); // both heartbeats have counted two instances
    emulator.setLimits({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });

    const p = { id: 951_001, name: "Người hỏi" };
    await db.db.$transaction((tx) =>
      enqueue(
        tx,
        [1, 2].map((i) => ({ chatId: BigInt(p.id), text: `Nhắc việc ${i}`, kind: "reminder" })),
        new Date(),
      ),
    );
    for (const a of apps) a.dispatcher.wake();
    // four messages from one person, spread by the load balancer over both instances
    const posts = [0, 1, 2, 3].map((i) => {
      const update = emulator!.userSends({ from: user(p), chat: privateChat(p), text: "/help" });
      return fetch(`http://127.0.0.1:${apps[i % 2]!.httpPort()}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      }).then((r) => r.status);
    });
    expect(await Promise.all(posts)).toEqual([200, 200, 200, 200]);
    await waitUntil(() => emulator!.sent.filter((m) => m.chat_id === p.id).length >= 6, 20_000);

    const sends = emulator.calls.filter((c) => c.method === "sendMessage");
    expect(sends.filter((c) => !c.ok).map((c) => c.errorCode)).toEqual([]);
    expect(busiestSecondOf(sends)).toBe(1);
    expect(emulator.sent.filter((m) => m.chat_id === p.id && String(m.text).includes("/help"))).toHaveLength(4);
  }, 60_000);
});

function busiestSecondOf(calls: RecordedCall[]): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
