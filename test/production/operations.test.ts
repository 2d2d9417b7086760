// Operations: secrets never reach the logs; webhook variables are validated only in webhook mode.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../../src/config.ts";
import { createLogger, redactSecrets } from "../../src/platform/logger.ts";
import { secretMatches } from "../../src/platform/http/server.ts";

const TOKEN = "7301234567:AAH-secretTokenPart_xyz987";
const SECRET = "hook_Secret-42abcdef";

function capture() {
  let out = "";
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  return { sink, text: () => out };
}

describe("logs", () => {
  it("redacts the bot token and the webhook secret inside error messages, stacks, URLs and fields", () => {
    redactSecrets(TOKEN, SECRET);
    const { sink, text } = capture();
    const logger = createLogger("info", sink);
    const error = new Error(
      `request to https://api.telegram.org/bot${TOKEN}/sendMessage failed, reason: socket hang up`,
    );
    (error as Error & { cause?: unknown }).cause = {
      url: `https://api.telegram.org/bot${encodeURIComponent(TOKEN)}/getMe`,
    };
    logger.error({ err: error }, "send failed");
    logger.warn({ url: `https://x.example/hook?secret=${SECRET}`, token: TOKEN }, `header was ${SECRET}`);
    logger.info(`token ${TOKEN}`);
    const out = text();
    expect(out.split("\n").filter(Boolean)).toHaveLength(3);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(encodeURIComponent(TOKEN));
    expect(out).not.toContain("AAH-secretTokenPart_xyz987");
    expect(out).not.toContain(SECRET);
    expect(out).toContain("https://api.telegram.org/bot[redacted]/sendMessage failed");
    expect(out).toContain("socket hang up");
  });
});

describe("webhook configuration", () => {
  const problems = (env: Record<string, string>) => {
    try {
      createConfig({ BOT_TOKEN: "123:abc", ...env });
    } catch (e) {
      if (e instanceof ConfigError) return e.problems.map((p) => p.split(":")[0]).sort();
      throw e;
    }
    return [];
  };

  it("requires every webhook variable in webhook mode only, and names each bad one", () => {
    expect(problems({})).toEqual([]);
    expect(problems({ BOT_MODE: "webhook" })).toEqual(["WEBHOOK_PATH", "WEBHOOK_SECRET", "WEBHOOK_URL"]);
    expect(
      problems({
        BOT_MODE: "webhook",
        WEBHOOK_URL: "not a url",
        WEBHOOK_PATH: "no-slash",
        WEBHOOK_SECRET: "bad secret!",
        PORT: "70000",
      }),
    ).toEqual(["PORT", "WEBHOOK_PATH", "WEBHOOK_SECRET", "WEBHOOK_URL"]);
    expect(
      problems({
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://a.example",
        WEBHOOK_PATH: "/h",
        WEBHOOK_SECRET: "x".repeat(257),
      }),
    ).toEqual(["WEBHOOK_SECRET"]);
    const c = createConfig({
      BOT_TOKEN: "123:abc",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://a.example/",
      WEBHOOK_PATH: "/tg",
      WEBHOOK_SECRET: "A-z_09",
    });
    expect(c.webhook).toEqual({ url: "https://a.example", path: "/tg", secret: "A-z_09" });
    expect(c.port).toBe(8080);
    expect(createConfig({ BOT_TOKEN: "123:abc" }).port).toBeNull();
    expect(createConfig({ BOT_TOKEN: "123:abc", PORT: "9000" }).port).toBe(9000);
  });

  it("compares the secret header in constant time, a different length being a mismatch", () => {
    expect(secretMatches("abc", "abc")).toBe(true);
    expect(secretMatches("abd", "abc")).toBe(false);
    expect(secretMatches("abcd", "abc")).toBe(false);
    expect(secretMatches(undefined, "abc")).toBe(false);
    expect(secretMatches(["abc"], "abc")).toBe(false);
  });
});

describe("command menus", () => {
  it("derives one menu per scope and language from the command declarations", async () => {
    const { commandMenus } = await import("../../src/platform/telegram/command-menus.ts");
    const handler = async () => undefined;
    const menus = commandMenus([
      { name: "start", chats: ["private"], who: "anyone", handler },
      { name: "status", chats: ["private", "group"], who: "registered", handler },
      { name: "bind", chats: ["group"], who: ["SECRETARIAT"], handler },
    ]);
    const pick = (type: string, lang?: string) =>
      menus.find((m) => m.scope.type === type && m.languageCode === lang)?.commands.map((c) => c.command);
    expect(menus).toHaveLength(8);
    expect(pick("default")).toEqual(["start"]);
    expect(pick("all_private_chats", "en")).toEqual(["start", "status"]);
    expect(pick("all_group_chats")).toEqual(["status"]);
    expect(pick("all_chat_administrators")).toEqual(["status", "bind"]);
  });

  it("shows the Vietnamese names in the Vietnamese menus and the English names in the English ones", async () => {
    const { commandMenus } = await import("../../src/platform/telegram/command-menus.ts");
    const handler = async () => undefined;
    const menus = commandMenus([
      { name: "status", vi: "tinhhinh", chats: ["private", "group"], who: "registered", handler },
      { name: "giao", aliases: ["assign"], chats: ["group"], who: ["SECRETARIAT"], handler },
    ]);
    const pick = (type: string, lang?: string) =>
      menus.find((m) => m.scope.type === type && m.languageCode === lang)?.commands;
    expect(pick("all_chat_administrators")).toEqual([
      { command: "tinhhinh", description: "tình hình giải ngân, việc tồn của đơn vị (hoặc toàn tỉnh)" },
      {
        command: "giao",
        description: "giao việc cho cán bộ phụ trách của đơn vị (chỉ gõ /giao để chọn từng bước bằng nút)",
      },
    ]);
    expect(pick("all_chat_administrators", "en")?.map((c) => c.command)).toEqual(["status", "giao"]);
  });
});
