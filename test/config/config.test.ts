import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, createConfig, OFFLINE_TOKEN } from "../../src/config.ts";
import { databaseTarget } from "../../src/platform/db/target.ts";

describe("createConfig", () => {
  it("needs a token for api.telegram.org, and names every bad variable at once", () => {
    let error: unknown;
    try {
      createConfig({ OFFICE_HOURS_START: "25:00", DATABASE_URL: "mysql://x", DEADLINE_CHECK_CRON: "every day" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(":")[0]).sort();
    expect(problems).toEqual(["BOT_TOKEN", "DATABASE_URL", "DEADLINE_CHECK_CRON", "OFFICE_HOURS_START"]);
    expect((error as ConfigError).message).toContain("Cấu hình không hợp lệ / Invalid configuration");
  });

  it("runs without a token against a local Bot API, with SQLite and Vietnamese office hours by default", () => {
    const c = createConfig({ TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" });
    expect(c.botToken).toBe(OFFLINE_TOKEN);
    expect(c.apiRoot).toBe("http://127.0.0.1:8081");
    expect(c.databaseUrl).toBe("file:./data/dondoc.db");
    expect(c.officeHours).toEqual({ startMin: 450, endMin: 1020 });
    expect(c.ladder).toEqual({ daysBefore: 2, chairmanAfter: 1, escalateAfter: 3 });
  });

  it("treats empty variables as unset and rejects office hours that end before they start", () => {
    expect(createConfig({ BOT_TOKEN: "123:abc", LOG_LEVEL: "" }).logLevel).toBe("info");
    expect(() =>
      createConfig({ BOT_TOKEN: "123:abc", OFFICE_HOURS_START: "17:00", OFFICE_HOURS_END: "08:00" }),
    ).toThrow(/OFFICE_HOURS_END/);
  });
});

describe("createConfig: every bad variable named at once (issue #21)", () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      createConfig(env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as ConfigError).problems.map((p) => p.split(":")[0]!).sort();
    }
    return [];
  };

  it("reports a missing BOT_TOKEN and the webhook variables even when PORT and DATABASE_URL are bad too", () => {
    expect(problemsOf({ BOT_MODE: "webhook", PORT: "abc", DATABASE_URL: "mysql://x" })).toEqual([
      "BOT_TOKEN",
      "DATABASE_URL",
      "PORT",
      "WEBHOOK_PATH",
      "WEBHOOK_SECRET",
      "WEBHOOK_URL",
    ]);
    expect(
      problemsOf({
        BOT_MODE: "webhook",
        PORT: "70000",
        WEBHOOK_URL: "https://bot.example.vn",
        WEBHOOK_PATH: "/tg",
        WEBHOOK_SECRET: "s",
      }),
    ).toEqual(["BOT_TOKEN", "PORT"]);
    // office hours are compared only when both parse; a bad one is named alone
    expect(problemsOf({ BOT_TOKEN: "1:a", OFFICE_HOURS_START: "8h", OFFICE_HOURS_END: "07:00" })).toEqual([
      "OFFICE_HOURS_START",
    ]);
  });

  it("refuses a URL-shaped but invalid DATABASE_URL by name, without repeating its password", () => {
    for (const url of [
      "postgresql://u:secret@h:notaport/x",
      "postgres://u:secret@h:99999/x",
      "postgresql://",
      "file:",
    ]) {
      let error: unknown;
      try {
        createConfig({ BOT_TOKEN: "1:a", DATABASE_URL: url });
      } catch (e) {
        error = e;
      }
      expect(error, url).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems, url).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
      expect((error as ConfigError).message).not.toContain("secret");
    }
    expect(() => databaseTarget("postgresql://u@h:notaport/x")).toThrow(/^DATABASE_URL: .*not a valid PostgreSQL URL/);
    // still accepted: the forms the README and the tests use
    for (const url of [
      "postgresql://postgres@127.0.0.1:5432/postgres",
      "postgres://u:p%40ss@db/dondoc?connection_limit=5",
      "file:./data/x.db",
    ]) {
      expect(createConfig({ BOT_TOKEN: "1:a", DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it("npm start exits 2 with the list, not a TypeError, for DATABASE_URL=postgresql://u@h:notaport/x", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, BOT_MODE: "webhook", PORT: "abc", DATABASE_URL: "postgresql://u@h:notaport/x" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(2);
    expect(output).not.toContain("TypeError");
    for (const name of ["BOT_TOKEN", "PORT", "DATABASE_URL", "WEBHOOK_URL"]) expect(output).toContain(`- ${name}: `);
  }, 30_000);
});
