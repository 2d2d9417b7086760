// `npm start` as a real process: reads its environment, answers through a Bot-API-compatible server,
// tolerates a server without setMyCommands, and stops cleanly on SIGTERM.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import { DEMO } from "../../src/platform/db/seed/demo.ts";
import { NOT_MIGRATED_TEXT } from "../../src/platform/db/not-migrated.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/db.ts";
import { DAY, at, group, user } from "../support/harness.ts";

describeEachDatabase("npm start", (provider) => {
  let emulator: BotApiEmulator;
  let db: TestDatabase;
  afterEach(async () => {
    await emulator.close();
    await db.drop();
  });

  it("serves /status, survives a missing setMyCommands and exits 0 on SIGTERM", async () => {
    db = await createTestDatabase(provider, { demo: { today: DAY, now: at(8, 0) } });
    emulator = await startBotApiEmulator({ botUsername: "dondoc_test_bot", failMethods: ["setMyCommands"] });
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        PATH: process.env.PATH,
        BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        DATABASE_URL: db.url,
        LOG_LEVEL: "info",
        DEADLINE_CHECK_CRON: "0 0 1 1 *",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    const namTraMy = group(DEMO.groups.namTraMy);
    emulator.userSends({ from: user(DEMO.chairman), chat: namTraMy, text: "/status" });
    // the start-up catch-up runs on the real clock and may post reminders too: pick the /status reply
    const isStatus = (m: { chat_id: number; text: string }) =>
      m.chat_id === namTraMy.id && m.text.includes("kế hoạch vốn");
    const sent = await emulator.waitFor((s) => s.some(isStatus), 30_000);
    // one block per programme (figure, milestone and pace, tasks)
    const status = sent.find(isStatus)!.text;
    for (const code of ["NTM", "GNBV", "DTTS"]) expect(status).toContain(`<b>${code}</b>:`);
    expect(emulator.calls.some((c) => c.method === "setMyCommands" && !c.ok)).toBe(true);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("could not publish the command menu");
    expect(output).toContain("dondoc stopping");
    expect(output).not.toContain(emulator.token);
  });
});

// before any database or Telegram is reached: one process, whichever database the suite runs on
it("refuses to start with a bad configuration and names the variables", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH, DATABASE_URL: "mysql://nope", OFFICE_HOURS_START: "8h" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  expect(code).toBe(2);
  expect(stderr).toContain("Cấu hình không hợp lệ / Invalid configuration");
  for (const name of ["BOT_TOKEN", "DATABASE_URL", "OFFICE_HOURS_START"]) expect(stderr).toContain(name);
});

// the README's steps skipped: a new SQLite file that `npm run db:migrate` never saw
it("on a database without the migrations, says to run db:migrate and exits 2", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-unmigrated-"));
  try {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        PATH: process.env.PATH,
        BOT_TOKEN: "1:unused",
        TELEGRAM_API_ROOT: "http://127.0.0.1:9",
        DATABASE_URL: `file:${join(dir, "dondoc.db")}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toBe(`${NOT_MIGRATED_TEXT}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
