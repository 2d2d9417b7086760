// A database that goes away while updates arrive (issue #21): PostgreSQL stopped and started (a proxy that
// cuts every connection), SQLite locked by another process (a command-line import). In polling and in webhook
// mode, every update is answered once after recovery, none is confirmed to Telegram before it was handled,
// and nobody is told «đã có lỗi».
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { createConfig } from "../../src/config.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { STALL_MS } from "../../src/platform/telegram/updates.ts";
import { startBotApiEmulator, type BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/db.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";
import { DAY, DEMO, TEST_LIMITS, at, group, user } from "../support/harness.ts";

const SECRET = "chaos_secret_0123456789";
const PATH = "/telegram/webhook";
const namTraMy = group(DEMO.groups.namTraMy);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);
const REQUEST = "/yeucau sở kế hoạch | 1601/UBND-KTTH | 24/11/2026 | Xin hướng dẫn giao vốn";

/** Another process holds SQLite's write lock until release() (as `npm run cli -- import` does). */
async function holdSqliteLock(file: string): Promise<{ release(): Promise<void> }> {
  const code = `const S=require("better-sqlite3");const c=new S(${JSON.stringify(file)});c.exec("BEGIN EXCLUSIVE");
process.stdout.write("held\\n");process.stdin.once("data",()=>{c.exec("COMMIT");c.close();process.exit(0)});`;
  const child: ChildProcess = spawn(process.execPath, ["-e", code], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise((resolve) => child.stdout!.once("data", resolve));
  return {
    release: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin!.write("go\n");
      await exited;
    },
  };
}

describeEachDatabase("a database that goes away while updates arrive", (provider) => {
  for (const mode of ["polling", "webhook"] as const) {
    describeMode(provider, mode);
  }
});

function describeMode(provider: "sqlite" | "postgres", mode: "polling" | "webhook") {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  let app: App;
  let proxy: TcpProxy | null = null;
  const clock = fixedClock(at(8, 0));

  beforeEach(async () => {
    db = await createTestDatabase(provider, { demo: { today: DAY, now: clock.now() } });
    emulator = await startBotApiEmulator({ botUsername: "dondoc_test_bot" });
    let url = db.url;
    if (provider === "postgres") {
      const u = new URL(db.url);
      proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
      url = proxy.via(db.url);
    }
    const config = createConfig({
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: url,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      DISPATCH_INTERVAL_MS: "20",
      ...(mode === "webhook"
        ? {
            BOT_MODE: "webhook",
            WEBHOOK_URL: "https://dondoc.example.gov.vn/",
            WEBHOOK_PATH: PATH,
            WEBHOOK_SECRET: SECRET,
            PORT: "0",
          }
        : {}),
    });
    app = await createApp(config, createLogger(config.logLevel), {
      clock,
      cron: false,
      retryDelaysMs: [50, 100],
      // two replies in one group: not paced at Telegram's 1/s per chat, which this file is not about
      limits: TEST_LIMITS,
    });
    await app.start();
  });

  afterEach(async () => {
    await app.stop("test end");
    await emulator.close();
    await proxy?.close();
    proxy = null;
    await db.drop();
  });

  /** Takes the database away; resolves with the function that brings it back. */
  async function outage(): Promise<() => Promise<void>> {
    if (proxy) {
      const p = proxy;
      await p.down();
      return () => p.up();
    }
    const lock = await holdSqliteLock(db.url.replace(/^file:/, ""));
    return () => lock.release();
  }

  const repliesTo = (chatId: number, from: number) => emulator.sent.slice(from).filter((m) => m.chat_id === chatId);
  const what = provider === "sqlite" ? "locked by another process" : "stopped";

  it(`${mode}: updates sent while the database is ${what} are answered once after it is back, none confirmed before`, async () => {
    const sentBefore = emulator.sent.length;
    const recover = await outage();
    const status = emulator.userSends({ from: chairman, chat: namTraMy, text: "/status" });
    const request = emulator.userSends({ from: official, chat: namTraMy, text: REQUEST });

    if (mode === "polling") {
      // the loop keeps asking (with a pause) for what it could not handle; give it time to try
      await new Promise((r) => setTimeout(r, 1500));
      expect(emulator.confirmedUpTo).toBeLessThan(request.update_id);
      // /healthz turns unhealthy when updates stay unhandled (so systemd or the orchestrator can act)
      expect(app.updates.health(Date.now() + STALL_MS - 1000).ok).toBe(false);
    } else {
      const webhook = `http://127.0.0.1:${app.httpPort()}${PATH}`;
      const post = (u: { update_id: number }) =>
        fetch(webhook, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
          body: JSON.stringify(u),
        });
      // Telegram gets no 200 for an update that was not handled, so it delivers it again
      const during = await post(request);
      expect(during.status).toBe(500);
      expect(app.updates.health(Date.now() + STALL_MS + 1000).ok).toBe(false);
      await recover();
      for (const u of [status, request, request]) expect((await post(u)).status).toBe(200);
    }
    if (mode === "polling") {
      await recover();
      await emulator.waitIdle(15_000);
    }

    const replies = repliesTo(namTraMy.id, sentBefore);
    expect(replies.filter((m) => m.text.includes("đã có lỗi"))).toEqual([]);
    // one answer to each: the /status and the request's confirmation
    expect(replies.filter((m) => m.text.includes("1601/UBND-KTTH"))).toHaveLength(1);
    expect(replies.filter((m) => m.text.includes("Nam Trà My") && !m.text.includes("1601/UBND-KTTH"))).toHaveLength(1);
    expect(await db.db.writtenRequest.count({ where: { docNo: "1601/UBND-KTTH" } })).toBe(1);
    expect(app.updates.health(Date.now() + STALL_MS - 1000).ok).toBe(true);
  });
}
