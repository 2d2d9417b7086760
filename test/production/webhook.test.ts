// Webhook mode through the real app: node:http server, secret header, telegraf, database, emulator.
import { Writable } from "node:stream";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { createConfig } from "../../src/config.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { startBotApiEmulator, type BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import type { Db } from "../../src/platform/db/client.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/db.ts";
import { DAY, DEMO, TEST_LIMITS, at, group, user } from "../support/harness.ts";

const SECRET = "s3cr3t_Webhook-Value_0123456789";
const PATH = "/telegram/webhook";
const namTraMy = group(DEMO.groups.namTraMy);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);

/** Rows in every table of the database (to prove a request wrote nothing). */
async function rowCounts(db: Db, provider: "sqlite" | "postgres"): Promise<Record<string, number>> {
  const tables =
    provider === "sqlite"
      ? (
          await db.$queryRawUnsafe<{ name: string }[]>(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
          )
        ).map((t) => t.name)
      : (
          await db.$queryRawUnsafe<{ name: string }[]>(
            `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'`,
          )
        ).map((t) => t.name);
  const out: Record<string, number> = {};
  for (const t of tables.sort()) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${t}"`);
    out[t] = Number(row?.n ?? 0);
  }
  return out;
}

describeEachDatabase("webhook", (provider) => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  let app: App;
  let logs: string;
  const clock = fixedClock(at(8, 0));
  let url: string;

  beforeEach(async () => {
    clock.set(at(8, 0));
    db = await createTestDatabase(provider, { demo: { today: DAY, now: clock.now() } });
    emulator = await startBotApiEmulator({ botUsername: "dondoc_test_bot" });
    const config = createConfig({
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: db.url,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://dondoc.example.gov.vn/",
      WEBHOOK_PATH: PATH,
      WEBHOOK_SECRET: SECRET,
      PORT: "0",
      DISPATCH_INTERVAL_MS: "20",
    });
    logs = "";
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logs += chunk.toString();
        cb();
      },
    });
    // Telegram's limits are not what this file is about (test/delivery, test/production/shared-rate.test.ts)
    app = await createApp(config, createLogger("info", sink), { clock, cron: false, limits: TEST_LIMITS });
    await app.start();
    url = `http://127.0.0.1:${app.httpPort()}${PATH}`;
  });

  afterEach(async () => {
    await app.stop("test end");
    await emulator.close();
    await db.drop();
  });

  const post = (body: unknown, headers: Record<string, string> = { "x-telegram-bot-api-secret-token": SECRET }) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("sets the webhook with the secret, explicit updates and no dropping", () => {
    const call = emulator.calls.find((c) => c.method === "setWebhook");
    expect(call?.payload).toMatchObject({
      url: `https://dondoc.example.gov.vn${PATH}`,
      secret_token: SECRET,
      allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member", "chat_member"],
      drop_pending_updates: false,
    });
    expect(emulator.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  it("refuses 1,000 requests with a wrong or missing secret: 403, no handler, nothing written, no secret logged", async () => {
    const handler = vi.spyOn(app.bot, "handleUpdate");
    const before = await rowCounts(db.db, provider);
    const callsBefore = emulator.calls.length;
    const wrong: Record<string, string>[] = [
      {},
      { "x-telegram-bot-api-secret-token": "" },
      { "x-telegram-bot-api-secret-token": SECRET.slice(0, -1) + "X" }, // same length
      { "x-telegram-bot-api-secret-token": SECRET + "0" },
      { "x-telegram-bot-api-secret-token": SECRET.slice(1) },
      { "x-telegram-bot-api-secret-token": SECRET.toLowerCase() },
      { "x-telegram-bot-api-secret-token": emulator.token },
      { "x-telegram-bot-api-secret-token": "ü".repeat(SECRET.length / 2) },
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i += 50) {
      const batch = Array.from({ length: 50 }, (_, j) => {
        const { update_id, message } = {
          update_id: 900_000 + i + j,
          message: { message_id: 1, date: 0, chat: namTraMy, from: chairman, text: "/bind vpdp" },
        };
        return post({ update_id, message }, wrong[(i + j) % wrong.length]!).then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        });
      });
      statuses.push(...(await Promise.all(batch)));
    }
    expect(statuses).toHaveLength(1000);
    expect(statuses.every((s) => s === 403)).toBe(true);
    expect(handler).not.toHaveBeenCalled();
    expect(await rowCounts(db.db, provider)).toEqual(before);
    expect(emulator.calls.length).toBe(callsBefore);
    expect(logs).toContain("wrong or missing secret");
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain(emulator.token);
  });

  it("handles the same update posted three times once: one effect, one reply", async () => {
    await app.scheduler.runNow("deadline-check");
    await app.dispatcher.drain();
    const reminder = emulator.sent.find((m) => m.chat_id === namTraMy.id && m.text.includes("Nộp báo cáo"))!;
    expect(reminder).toBeDefined();
    clock.set(at(8, 30));
    const { update_id, message } = emulator.userSends({
      from: official,
      chat: namTraMy,
      text: "xong, đã nộp",
      replyTo: reminder.message_id,
    });
    const auditBefore = await db.db.auditLog.count();
    const sentBefore = emulator.sent.length;
    for (let i = 0; i < 3; i++) expect((await post({ update_id, message })).status).toBe(200);
    const replies = emulator.sent
      .slice(sentBefore)
      .filter((m) => m.chat_id === namTraMy.id && m.text.startsWith("✅ Đã ghi nhận"));
    expect(replies).toHaveLength(1);
    const task = await db.db.task.findFirstOrThrow({ where: { title: { startsWith: "Nộp báo cáo" } } });
    expect(task.status).toBe("DONE");
    const auditAfterFirst = await db.db.auditLog.count();
    expect(auditAfterFirst).toBeGreaterThan(auditBefore);
    // a read-only update too: /status three times, one answer
    const status = emulator.userSends({ from: chairman, chat: namTraMy, text: "/status" });
    const sentBeforeStatus = emulator.sent.length;
    for (let i = 0; i < 3; i++) expect((await post(status)).status).toBe(200);
    expect(emulator.sent.slice(sentBeforeStatus).filter((m) => m.chat_id === namTraMy.id)).toHaveLength(1);
    expect(await db.db.auditLog.count()).toBe(auditAfterFirst);
    expect(
      await db.db.processedUpdate.count({ where: { updateId: { in: [BigInt(update_id), BigInt(status.update_id)] } } }),
    ).toBe(2);
  });

  it("reports health as JSON", async () => {
    const res = await fetch(`http://127.0.0.1:${app.httpPort()}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: boolean;
      database: { ok: boolean };
      dispatcher: { running: boolean; pending: number };
    };
    expect(body.ok).toBe(true);
    expect(body.database.ok).toBe(true);
    expect(body.dispatcher.running).toBe(true);
    expect(typeof body.dispatcher.pending).toBe("number");
  });

  it("answers a body over the limit with 413 (not a connection reset), whether or not it says its length", async () => {
    const big = JSON.stringify({ update_id: 1, message: { text: "x".repeat(1024 * 1024 + 10) } });
    const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET };
    expect((await fetch(url, { method: "POST", headers, body: big })).status).toBe(413);
    // chunked: no content-length, the limit is found while reading
    const chunked = new ReadableStream({
      start(c) {
        for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode("y".repeat(64 * 1024)));
        c.close();
      },
    });
    const res = await fetch(url, { method: "POST", headers, body: chunked, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
  });
});
