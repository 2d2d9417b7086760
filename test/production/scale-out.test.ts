// Several instances on one PostgreSQL database: each fire time runs once, the dispatcher lease moves to
// another instance when its holder dies, and two dispatchers keep Telegram's limits and never send twice.
import { afterEach, describe, expect, it } from "vitest";
import { Telegram } from "telegraf";
import { createApp, type App } from "../../src/app.ts";
import { createConfig } from "../../src/config.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { fixedClock, systemClock } from "../../src/platform/clock.ts";
import { openDatabase } from "../../src/platform/db/client.ts";
import { startBotApiEmulator, type BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import { createDispatcher, type Dispatcher } from "../../src/platform/outbox/dispatcher.ts";
import { createLimiter } from "../../src/platform/outbox/limiter.ts";
import { createPgLease, createPgRunCoordinator } from "../../src/platform/scheduler/coordinator.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { testPgUrl } from "../support/paths.ts";
import { waitUntil } from "../support/crash.ts";
import { DAY, at } from "../support/harness.ts";
import { catalogue } from "../../src/i18n/index.ts";

const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
const LEASE_MS = 1000;

describe.skipIf(!testPgUrl())("scale-out on one PostgreSQL database", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  let apps: App[] = [];
  let dispatchers: Dispatcher[] = [];
  afterEach(async () => {
    for (const d of dispatchers) await d.stop();
    for (const a of apps) await a.stop("test end");
    apps = [];
    dispatchers = [];
    await emulator.close();
    await db.drop();
  });

  it("three instances, 100 fire times: each job runs once per fire time, each reminder is sent once; a killed leader is replaced", async () => {
    const clock = fixedClock(at(7, 0));
    db = await createTestDatabase("postgres", { demo: { today: DAY, now: clock.now() } });
    emulator = await startBotApiEmulator({ botUsername: "dondoc_test_bot" });
    for (const n of [1, 2, 3]) {
      const config = createConfig({
        BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        DATABASE_URL: db.url,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
        DISPATCH_INTERVAL_MS: "20",
        INSTANCE_ID: `instance-${n}`,
        LEASE_MS: String(LEASE_MS),
      });
      const app = await createApp(config, logger, { clock, cron: false, polling: false });
      await app.start();
      apps.push(app);
    }

    // 100 fire times, 15 minutes apart (a working day and the next morning), fired on all three at once
    // as node-cron would: claim "<job>:<fire time>" through the coordinator, run if elected
    const start = at(7, 30).getTime();
    let runs = 0;
    for (let k = 0; k < 100; k++) {
      const slot = new Date(start + k * 15 * 60_000);
      clock.set(slot);
      const results = await Promise.all(apps.map((a) => a.scheduler.fire("deadline-check", slot)));
      expect(results.filter((r) => r.ran)).toHaveLength(1);
      runs += results.filter((r) => r.ran).length;
    }
    expect(runs).toBe(100);
    const slots = await db.db.jobLease.findMany({ where: { name: { startsWith: "deadline-check:" } } });
    expect(slots).toHaveLength(100);
    expect(slots.every((s) => s.lastRunAt !== null)).toBe(true);

    const due = () =>
      db.db.outboxMessage.count({
        where: { OR: [{ status: "PENDING", notBefore: { lte: clock.now() } }, { status: "SENDING" }] },
      });
    await waitUntil(async () => (await due()) === 0, 30_000);

    const reminders = await db.db.reminder.findMany({ include: { messages: true } });
    expect(reminders.length).toBeGreaterThan(0);
    const sentRows = await db.db.outboxMessage.findMany({ where: { status: "SENT" } });
    expect(sentRows.length).toBeGreaterThan(0);
    // one outbox row per reminder and chat, and one Telegram message per sent row
    const perReminderChat = new Map<string, number>();
    for (const r of reminders)
      for (const o of r.messages)
        perReminderChat.set(`${r.id}:${o.chatId}`, (perReminderChat.get(`${r.id}:${o.chatId}`) ?? 0) + 1);
    expect([...perReminderChat.values()].every((n) => n === 1)).toBe(true);
    const messages = emulator.sent.filter((m) => m.method === "sendMessage");
    expect(messages).toHaveLength(sentRows.length);
    const pairs = new Set(messages.map((m) => `${m.chat_id}\u0000${m.text}`));
    expect(pairs.size).toBe(messages.length);
    // only one instance sent (the lease holder)
    expect(new Set(sentRows.map((r) => r.claimedBy)).size).toBe(1);

    // the leader dies (stops renewing its lease): another instance takes over and sends
    const leaderIndex = apps.findIndex((a) => a.dispatcher.isLeader());
    expect(leaderIndex).toBeGreaterThanOrEqual(0);
    const oldLease = await db.db.jobLease.findUniqueOrThrow({ where: { name: "dispatcher" } });
    await apps[leaderIndex]!.dispatcher.stop({ releaseLease: false });
    const others = apps.filter((_, i) => i !== leaderIndex);
    await waitUntil(() => others.some((a) => a.dispatcher.isLeader()), 20 * LEASE_MS);
    const newLease = await db.db.jobLease.findUniqueOrThrow({ where: { name: "dispatcher" } });
    expect(newLease.holder).not.toBe(oldLease.holder);
    // taken only once the dead leader's lease had expired
    expect(newLease.expiresAt.getTime() - LEASE_MS).toBeGreaterThanOrEqual(oldLease.expiresAt.getTime() - LEASE_MS / 3);
    await db.db.outboxMessage.create({
      data: { chatId: 424242n, text: "sau khi đổi máy", kind: "test", notBefore: clock.now(), createdAt: clock.now() },
    });
    await waitUntil(
      async () => (await db.db.outboxMessage.findFirstOrThrow({ where: { chatId: 424242n } })).status === "SENT",
      20 * LEASE_MS,
    );
    const after = await db.db.outboxMessage.findFirstOrThrow({ where: { chatId: 424242n } });
    expect(after.claimedBy).toBe(newLease.holder);
  }, 120_000);

  it("a fire time claimed by an instance that died is taken over after its lease, a completed one never runs again; errors fail closed", async () => {
    db = await createTestDatabase("postgres");
    emulator = await startBotApiEmulator({});
    const a = createPgRunCoordinator({ db: db.db, holder: "a", logger });
    const b = createPgRunCoordinator({ db: db.db, holder: "b", logger });
    expect(await a.shouldRun("job:2026-11-24T01:00:00.000Z", 300)).toBe(true);
    expect(await b.shouldRun("job:2026-11-24T01:00:00.000Z", 300)).toBe(false);
    // a never completes (killed): once the lease is over, b takes the fire time over
    await waitUntil(() => Promise.resolve(b.shouldRun("job:2026-11-24T01:00:00.000Z", 300)), 10_000);
    await b.onComplete!("job:2026-11-24T01:00:00.000Z");
    const expired = async () =>
      (
        await db.db.$queryRawUnsafe<{ e: boolean }[]>(
          `SELECT "expiresAt" < (now() AT TIME ZONE 'UTC') AS e FROM "JobLease" WHERE "name" = 'job:2026-11-24T01:00:00.000Z'`,
        )
      )[0]?.e === true;
    await waitUntil(expired, 10_000);
    expect(await a.shouldRun("job:2026-11-24T01:00:00.000Z", 300)).toBe(false);
    expect(await b.shouldRun("job:2026-11-24T01:00:00.000Z", 300)).toBe(false);

    const broken = await openDatabase("postgresql://postgres@127.0.0.1:1/nowhere");
    const c = createPgRunCoordinator({ db: broken.db, holder: "c", logger });
    expect(await c.shouldRun("job:x", 300)).toBe(false);
    const lease = createPgLease({ db: broken.db, holder: "c", logger, name: "dispatcher", ttlMs: 300 });
    expect(await lease.acquire()).toBe(false);
    expect(lease.held()).toBe(false);
    await broken.close();
  });

  it("two dispatchers with a hand-over in the middle keep Telegram's limits and send every row once", async () => {
    db = await createTestDatabase("postgres");
    const limits = { globalPerSecond: 20, perChatPerSecond: 1, perGroupPerMinute: 3 };
    emulator = await startBotApiEmulator({ limits });
    const telegram = new Telegram(emulator.token, { apiRoot: emulator.apiRoot });
    const make = (id: string) =>
      createDispatcher({
        db: db.db,
        callApi: (method, payload, signal) =>
          telegram.callApi(method as "sendMessage", payload as never, { signal: signal as never }),
        unreachableNotice: catalogue("vi").delivery.unreachable,
        limiter: createLimiter(limits),
        clock: systemClock,
        logger,
        intervalMs: 20,
        shared: {
          lease: createPgLease({ db: db.db, holder: id, logger, name: "dispatcher", ttlMs: LEASE_MS }),
          instanceId: id,
          claimTimeoutMs: 60_000,
        },
      });
    const now = new Date();
    const chats = [...Array.from({ length: 40 }, (_, i) => 700_001 + i), -1_007_001, -1_007_002];
    const rows = chats.flatMap((chatId) =>
      Array.from({ length: chatId < 0 ? 3 : 2 }, (_, k) => ({
        chatId: BigInt(chatId),
        text: `Tin ${k + 1} cho ${chatId}`,
        kind: "test",
        notBefore: now,
        createdAt: now,
      })),
    );
    await db.db.outboxMessage.createMany({ data: rows });
    const first = make("d1");
    const second = make("d2");
    dispatchers = [first, second];
    await first.start();
    await waitUntil(() => first.isLeader(), 10_000);
    await second.start();
    await waitUntil(() => emulator.sent.length >= 30, 30_000);
    await first.stop({ releaseLease: false }); // killed: stops renewing
    await waitUntil(
      async () => (await db.db.outboxMessage.count({ where: { status: "SENT" } })) === rows.length,
      90_000,
    );

    const calls = emulator.calls.filter((c) => c.method === "sendMessage");
    expect(calls.filter((c) => !c.ok)).toEqual([]); // no 429: the limits held across both instances
    expect(calls).toHaveLength(rows.length);
    const texts = emulator.sent.map((m) => `${m.chat_id}\u0000${m.text}`);
    expect(new Set(texts).size).toBe(rows.length);
    const holders = await db.db.outboxMessage.groupBy({ by: ["claimedBy"], _count: true });
    expect(holders.map((h) => h.claimedBy).sort()).toEqual(["d1", "d2"]);
  }, 120_000);
});
