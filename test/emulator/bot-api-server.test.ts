import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Input, Markup, Telegraf } from "telegraf";
import {
  startBotApiEmulator,
  type BotApiEmulator,
  type EmulatorChat,
  type EmulatorUser,
} from "../../tools/emulator/bot-api-server.ts";

const alice: EmulatorUser = { id: 42, first_name: "Alice", username: "alice" };
const aliceChat: EmulatorChat = { id: 42, type: "private", first_name: "Alice", username: "alice" };
const group: EmulatorChat = { id: -1001, type: "group", title: "Officials" };

interface Answer {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: Record<string, unknown>;
}

let emu: BotApiEmulator;

/** Calls the emulator with a JSON body; returns the HTTP status and the parsed answer. */
async function api(
  method: string,
  payload: Record<string, unknown> = {},
  token = emu.token,
): Promise<Answer & { status: number }> {
  const res = await fetch(`${emu.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  return { status: res.status, ...((await res.json()) as Answer) };
}

beforeEach(async () => {
  emu = await startBotApiEmulator();
});
afterEach(async () => {
  await emu.close();
});

describe("Telegraf against the emulator", () => {
  it("answers /ping with pong over long polling", async () => {
    const bot = new Telegraf(emu.token, { telegram: { apiRoot: emu.apiRoot } });
    bot.command("ping", (ctx) => ctx.reply("pong"));
    const running = bot.launch();

    const { message } = emu.userSends({ from: alice, chat: aliceChat, text: "/ping" });
    await emu.waitFor((sent) => sent.some((m) => m.text === "pong"));
    await emu.waitIdle();
    bot.stop("test done");
    await running;

    expect(message.entities).toEqual([{ type: "bot_command", offset: 0, length: 5 }]);
    expect(emu.sent).toEqual([
      expect.objectContaining({ chat_id: 42, message_id: 2, text: "pong", method: "sendMessage" }),
    ]);
    const send = emu.calls.find((c) => c.method === "sendMessage");
    expect(send).toMatchObject({ ok: true, payload: { chat_id: 42, text: "pong" } });
    expect(emu.calls.map((c) => c.method).slice(0, 3)).toEqual(["getMe", "deleteWebhook", "getUpdates"]);
  });

  it("handles button presses, edits and multipart uploads", async () => {
    const bot = new Telegraf(emu.token, { telegram: { apiRoot: emu.apiRoot } });
    bot.command("menu", (ctx) =>
      ctx.reply("Pick one", Markup.inlineKeyboard([Markup.button.callback("Done", "done")])),
    );
    bot.action("done", async (ctx) => {
      await ctx.answerCbQuery("Saved");
      await ctx.editMessageText("Marked as done");
      await ctx.replyWithDocument(Input.fromBuffer(Buffer.from("hello world"), "report.txt"), { caption: "Report" });
    });
    const running = bot.launch();

    emu.userSends({ from: alice, chat: aliceChat, text: "/menu" });
    const [menu] = await emu.waitFor((sent) => sent.length === 1);
    expect(menu?.reply_markup).toMatchObject({ inline_keyboard: [[{ text: "Done", callback_data: "done" }]] });
    emu.userPresses({ from: alice, chat: aliceChat, messageId: menu?.message_id ?? 0, data: "done" });
    await emu.waitFor((sent) => sent.length === 3);
    await emu.waitIdle();
    bot.stop("test done");
    await running;

    expect(emu.sent.map((m) => [m.method, m.message_id, m.text, m.edited ?? false])).toEqual([
      ["sendMessage", 2, "Pick one", false],
      ["editMessageText", 2, "Marked as done", true],
      ["sendDocument", 3, "Report", false],
    ]);
    expect(emu.calls.find((c) => c.method === "answerCallbackQuery")).toMatchObject({
      ok: true,
      payload: { text: "Saved" },
    });
    const upload = emu.calls.find((c) => c.method === "sendDocument");
    expect(upload?.payload).toEqual({ chat_id: 42, caption: "Report", document: { filename: "report.txt", size: 11 } });
  });
});

describe("HTTP surface", () => {
  it("rejects a wrong token, unknown and failing methods", async () => {
    expect(await api("getMe", {}, "1:wrong")).toEqual({
      status: 401,
      ok: false,
      error_code: 401,
      description: "Unauthorized",
    });
    expect(await api("sendSticker")).toMatchObject({
      status: 404,
      error_code: 404,
      description: "Not Found: method not found",
    });
    const partial = await startBotApiEmulator({ failMethods: ["setMyCommands"] });
    const res = await fetch(`${partial.apiRoot}/bot${partial.token}/setMyCommands`, { method: "POST" });
    expect(res.status).toBe(404);
    await partial.close();
    expect(emu.calls.map((c) => [c.method, c.ok, c.errorCode])).toEqual([
      ["getMe", false, 401],
      ["sendSticker", false, 404],
    ]);
  });

  it("accepts urlencoded bodies and query strings", async () => {
    const form = await fetch(`${emu.apiRoot}/bot${emu.token}/sendMessage?chat_id=42`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ text: "123", reply_markup: JSON.stringify({ inline_keyboard: [] }) }),
    });
    expect(await form.json()).toMatchObject({
      ok: true,
      result: { message_id: 1, text: "123", chat: { id: 42, type: "private" } },
    });
    const get = await fetch(`${emu.apiRoot}/bot${emu.token}/getMe`);
    expect(await get.json()).toEqual({ ok: true, result: emu.botUser });
    expect(emu.calls[0]?.payload).toEqual({ chat_id: 42, text: "123", reply_markup: { inline_keyboard: [] } });
  });

  it("shares message ids between users and the bot and links replies", async () => {
    emu.userSends({ from: alice, chat: group, text: "hello" });
    const sent = await api("sendMessage", { chat_id: group.id, text: "hi", reply_parameters: { message_id: 1 } });
    expect(sent.result).toMatchObject({
      message_id: 2,
      from: { id: emu.botUser.id, is_bot: true },
      reply_to_message: { text: "hello" },
    });
    const { message } = emu.userSends({ from: alice, chat: group, text: "/done@emulator_bot now", replyTo: 2 });
    expect(message).toMatchObject({ message_id: 3, reply_to_message: { message_id: 2, text: "hi" } });
    expect(message.entities[0].length).toBe("/done@emulator_bot".length);
    expect(emu.sent[0]).toMatchObject({ chat_id: group.id, reply_to_message_id: 1 });
    expect(await api("sendMessage", { chat_id: 7, text: "x", reply_to_message_id: 99 })).toMatchObject({ status: 400 });
  });

  it("edits, refuses unmodified edits and deletes", async () => {
    await api("sendMessage", {
      chat_id: 42,
      text: "a",
      reply_markup: { inline_keyboard: [[{ text: "b", callback_data: "b" }]] },
    });
    expect(await api("editMessageReplyMarkup", { chat_id: 42, message_id: 1 })).toMatchObject({ ok: true });
    expect(await api("editMessageText", { chat_id: 42, message_id: 1, text: "a" })).toMatchObject({ status: 400 });
    expect(emu.sent.map((m) => [m.method, m.text, m.reply_markup])).toEqual([
      ["sendMessage", "a", { inline_keyboard: [[{ text: "b", callback_data: "b" }]] }],
      ["editMessageReplyMarkup", "a", undefined],
    ]);
    expect(await api("deleteMessage", { chat_id: 42, message_id: 1 })).toMatchObject({ ok: true, result: true });
    expect(await api("deleteMessage", { chat_id: 42, message_id: 1 })).toMatchObject({ status: 400 });
  });

  it("answers chat members and administrators", async () => {
    emu.setChatMember(group.id, 7, { status: "creator", is_anonymous: false });
    expect((await api("getChatMember", { chat_id: group.id, user_id: 42 })).result).toMatchObject({
      status: "member",
      user: { id: 42 },
    });
    expect((await api("getChatAdministrators", { chat_id: group.id })).result).toEqual([
      { user: { id: 7, is_bot: false, first_name: "User 7" }, status: "creator", is_anonymous: false },
    ]);
  });
});

describe("getUpdates", () => {
  it("holds a long poll until an update arrives and confirms by offset", async () => {
    const poll = api("getUpdates", { timeout: 10 });
    await new Promise((r) => setTimeout(r, 50));
    const first = emu.userSends({ from: alice, chat: aliceChat, text: "one" }).update_id;
    emu.userSends({ from: alice, chat: aliceChat, text: "two" });
    expect(((await poll).result as unknown[]).length).toBe(2);
    expect(
      ((await api("getUpdates", { offset: first + 1 })).result as Array<{ update_id: number }>).map((u) => u.update_id),
    ).toEqual([first + 1]);
    await expect(emu.waitIdle(50)).rejects.toThrow(/waitIdle timed out/);
    expect((await api("getUpdates", { offset: first + 2, timeout: 0 })).result).toEqual([]);
    await emu.waitIdle();
    expect(emu.nextUpdateId()).toBe(first + 2);
    expect(emu.pushUpdate({ my_chat_member: {} })).toBe(first + 2);
  });

  it("answers [] after the timeout and on close", async () => {
    const started = Date.now();
    expect((await api("getUpdates", { timeout: 1 })).result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const pending = api("getUpdates", { timeout: 30 });
    await new Promise((r) => setTimeout(r, 50));
    await emu.close();
    expect((await pending).result).toEqual([]);
  });
});

describe("faults and limits", () => {
  it("injects error answers for matching chats", async () => {
    emu.injectFault({ kind: "429", retryAfter: 3 }, { chatId: 42 });
    emu.injectFault({ kind: "migrate", migrateTo: -100777 }, { chatId: -777 });
    emu.injectFault({ kind: "500" }, { times: 2 });
    expect(await api("sendMessage", { chat_id: 42, text: "x" })).toMatchObject({
      status: 429,
      description: "Too Many Requests: retry after 3",
      parameters: { retry_after: 3 },
    });
    expect(await api("sendMessage", { chat_id: -777, text: "x" })).toMatchObject({
      status: 400,
      parameters: { migrate_to_chat_id: -100777 },
    });
    expect(await api("sendMessage", { chat_id: 42, text: "x" })).toMatchObject({
      status: 500,
      description: "Internal Server Error",
    });
    expect(await api("sendMessage", { chat_id: 42, text: "x" })).toMatchObject({ status: 500 });
    emu.injectFault({ kind: "403" });
    expect(await api("sendMessage", { chat_id: 42, text: "x" })).toMatchObject({
      status: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    emu.injectFault({ kind: "chat-not-found" });
    expect(await api("sendMessage", { chat_id: 42, text: "x" })).toMatchObject({
      status: 400,
      description: "Bad Request: chat not found",
    });
    expect(await api("sendMessage", { chat_id: 42, text: "ok" })).toMatchObject({
      ok: true,
      result: { message_id: 1 },
    });
    expect(emu.sent.map((m) => m.text)).toEqual(["ok"]);
  });

  it("a fault named for a method answers that method's calls, whatever they are; the others touch sends only", async () => {
    emu.injectFault({ kind: "500" }); // sends only: getMe is not touched
    emu.injectFault({ kind: "429", retryAfter: 2 }, { method: "getMe" });
    expect(await api("getMe", {})).toMatchObject({ status: 429, parameters: { retry_after: 2 } });
    expect(await api("getMe", {})).toMatchObject({ ok: true, result: { is_bot: true } });
    expect(await api("sendMessage", { chat_id: 42, text: "x" })).toMatchObject({ status: 500 });
    emu.injectFault({ kind: "429", retryAfter: 1 }, { method: "sendMessage", chatId: 7 });
    expect(await api("sendMessage", { chat_id: 42, text: "to 42" })).toMatchObject({ ok: true });
    expect(await api("sendMessage", { chat_id: 7, text: "to 7" })).toMatchObject({ status: 429 });
    expect(emu.sent.map((m) => m.text)).toEqual(["to 42"]);
  });

  it("drops the connection after accepting, or never answers", async () => {
    emu.injectFault({ kind: "drop-after-accept" });
    await expect(api("sendMessage", { chat_id: 42, text: "lost answer" })).rejects.toThrow();
    expect(emu.sent.map((m) => m.text)).toEqual(["lost answer"]);

    emu.injectFault({ kind: "timeout" });
    const hanging = api("sendMessage", { chat_id: 42, text: "never" });
    hanging.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    await emu.close();
    await expect(hanging).rejects.toThrow();
    expect(emu.calls.map((c) => c.ok)).toEqual([false, false]);
  });

  it("refuses sends beyond the limits, counting only accepted ones", async () => {
    const send = (chat_id: number) => api("sendMessage", { chat_id, text: "x" });
    emu.setLimits({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });
    expect(await send(42)).toMatchObject({ ok: true });
    expect(await send(42)).toMatchObject({
      status: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    expect(await send(43)).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 1010));
    expect(await send(42)).toMatchObject({ ok: true }); // the refused send did not extend the window

    emu.setLimits({ globalPerSecond: 30, perChatPerSecond: 10, perGroupPerMinute: 2 });
    expect(await send(-5)).toMatchObject({ ok: true });
    expect(await send(-5)).toMatchObject({ ok: true });
    const refused = await send(-5);
    expect(refused).toMatchObject({ status: 429, error_code: 429 });
    expect(refused.parameters?.retry_after).toBeGreaterThanOrEqual(59);
    expect(await send(42)).toMatchObject({ ok: true }); // private chats have no per-minute limit

    emu.setLimits({ globalPerSecond: 2, perChatPerSecond: 10, perGroupPerMinute: 20 });
    expect(await send(1)).toMatchObject({ ok: true });
    expect(await send(2)).toMatchObject({ ok: true });
    expect(await send(3)).toMatchObject({ status: 429 });
    emu.setLimits(null);
    expect(await send(-5)).toMatchObject({ ok: true });
  });

  it("waitFor rejects listing the last sent texts", async () => {
    await api("sendMessage", { chat_id: 42, text: "only this" });
    await expect(emu.waitFor((sent) => sent.length > 1, 50)).rejects.toThrow(/only this/);
  });
});

describe("privacy mode", () => {
  it("in a group delivers only commands for this bot, replies to the bot and mentions; private chats everything", async () => {
    const priv = await startBotApiEmulator({ botUsername: "dondoc_bot", privacyMode: true });
    try {
      const me = priv.botUser;
      expect(me.can_read_all_group_messages).toBe(false);
      expect(emu.botUser.can_read_all_group_messages).toBe(false); // the default, as BotFather makes a bot
      const post = await fetch(`${priv.apiRoot}/bot${priv.token}/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: group.id, text: "a reminder" }),
      });
      const reminderId = ((await post.json()) as { result: { message_id: number } }).result.message_id;
      const delivered = (text: string, opts: { chat?: EmulatorChat; replyTo?: number } = {}) =>
        priv.userSends({ from: alice, chat: opts.chat ?? group, text, ...(opts.replyTo && { replyTo: opts.replyTo }) })
          .delivered;

      expect(delivered("xong")).toBe(false);
      const aliceSays = priv.userSends({ from: alice, chat: group, text: "hello" }).message.message_id as number;
      expect(delivered("xong", { replyTo: aliceSays })).toBe(false); // a reply to a person
      expect(delivered("/xong")).toBe(true);
      expect(delivered("/xong@DonDoc_Bot 12")).toBe(true);
      expect(delivered("/xong@other_bot 12")).toBe(false);
      expect(delivered("xong", { replyTo: reminderId })).toBe(true);
      expect(delivered("@dondoc_bot xong rồi")).toBe(true);
      expect(delivered("xong", { chat: aliceChat })).toBe(true);

      const res = await fetch(`${priv.apiRoot}/bot${priv.token}/getUpdates`, { method: "POST" });
      const texts = ((await res.json()) as { result: { message: { text: string } }[] }).result.map(
        (u) => u.message.text,
      );
      expect(texts).toEqual(["/xong", "/xong@DonDoc_Bot 12", "xong", "@dondoc_bot xong rồi", "xong"]);
    } finally {
      await priv.close();
    }
  });

  it("turned off (privacyMode: false) every group message arrives", async () => {
    const open = await startBotApiEmulator({ botUsername: "dondoc_bot", privacyMode: false });
    try {
      expect(open.botUser.can_read_all_group_messages).toBe(true);
      expect(open.userSends({ from: alice, chat: group, text: "xong" }).delivered).toBe(true);
    } finally {
      await open.close();
    }
  });
});
