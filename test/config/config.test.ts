import { describe, expect, it } from "vitest";
import { ConfigError, createConfig, OFFLINE_TOKEN } from "../../src/config.ts";

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
    expect(() => createConfig({ BOT_TOKEN: "123:abc", OFFICE_HOURS_START: "17:00", OFFICE_HOURS_END: "08:00" })).toThrow(
      /OFFICE_HOURS_END/,
    );
  });
});
