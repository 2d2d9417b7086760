// A chat the bot can no longer reach is announced to the secretariat exactly once per transition, whichever
// path learns it first: the dispatcher (a send answered 403) or the bot's my_chat_member update (blocked in
// private, removed from a group). Through the real bot, its dispatcher and the Bot API emulator.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Handler } from "../../tools/emulator/methods.ts";
import { ApiError, type EmulatorChat } from "../../tools/emulator/types.ts";
import { vi } from "../../src/i18n/vi.ts";
import { collect } from "../support/collect.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const BLOCKED = "Forbidden: bot was blocked by the user";
const KICKED = "Forbidden: bot was kicked from the supergroup chat";
const an = DEMO.official;
const anChat = privateChat(an);
const namTraMy = group(DEMO.groups.namTraMy);
const ASSIGN = "/giao nam tra my | NTM | An | 10/12/2026 | Rà soát hồ sơ dự án";

describeEachDatabase("unreachable chats: the secretariat is told once", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
    h.clock.set(at(9, 0));
  });
  afterEach(async () => {
    await h.close();
  });

  /** the bot's own membership in a chat changes (Telegram's my_chat_member update) */
  const membership = (chat: EmulatorChat, by: number, status: "kicked" | "member") =>
    h.emulator.pushUpdate({
      my_chat_member: {
        chat,
        from: { id: by, is_bot: false, first_name: "X" },
        date: 0,
        old_chat_member: { user: h.emulator.botUser, status: status === "kicked" ? "member" : "kicked" },
        new_chat_member: { user: h.emulator.botUser, status },
      },
    });
  const chatStatus = async (id: number) =>
    (await h.db.db.chat.findUniqueOrThrow({ where: { telegramChatId: BigInt(id) } })).status;
  const toSecretariat = () =>
    h.emulator.sent.filter((m) => m.chat_id === DEMO.groups.secretariat.id).map((m) => m.text);

  /**
   * The next send to `chatId` is in flight when Telegram tells the bot of its membership change: the update is
   * pushed and fully handled (the chat row reaches `status`) before that send is answered with `error`.
   */
  function membershipWhileSending(chatId: number, chat: EmulatorChat, by: number, status: string, error: string) {
    const handlers = (h.emulator as unknown as { handlers: Map<string, Handler> }).handlers;
    const send = handlers.get("sendMessage")!;
    let done = false;
    handlers.set("sendMessage", async (p, c) => {
      if (done || String(p.chat_id) !== String(chatId)) return send(p, c);
      done = true;
      membership(chat, by, "kicked");
      for (let i = 0; i < 400 && (await chatStatus(chatId)) !== status; i++)
        await new Promise((r) => setTimeout(r, 10));
      throw new ApiError(403, error);
    });
  }

  it("private chat: the send fails first, then the block arrives: one notice", async () => {
    h.emulator.injectFault({ kind: "403" }, { chatId: an.id, times: 10 });
    await collect(h, () => h.say(user(DEMO.secretariat), privateChat(DEMO.secretariat), ASSIGN));
    expect(await chatStatus(an.id)).toBe("UNREACHABLE");
    await collect(h, async () => {
      membership(anChat, an.id, "kicked");
      await h.emulator.waitIdle();
    });
    expect(await chatStatus(an.id)).toBe("UNREACHABLE");
    expect(toSecretariat()).toEqual([vi.delivery.unreachable(an.name, BLOCKED)]);
    // Telegram's English reason is said in Vietnamese
    expect(toSecretariat()[0]).toBe(
      `⚠️ Không gửi được tin cho ${an.name} (đã chặn bot). dondoc ngừng gửi vào đó cho đến khi được thêm lại hoặc mở lại trò chuyện.`,
    );
  });

  it("private chat: the block arrives while a send is in flight, then the send fails: one notice", async () => {
    membershipWhileSending(an.id, anChat, an.id, "UNREACHABLE", BLOCKED);
    await collect(h, () => h.say(user(DEMO.secretariat), privateChat(DEMO.secretariat), ASSIGN));
    expect(await chatStatus(an.id)).toBe("UNREACHABLE");
    expect(toSecretariat()).toEqual([vi.onboarding.notices.blocked(an.name)]);
  });

  it("private chat: the block arrives with nothing in flight: one notice, and none more on a later send", async () => {
    await collect(h, async () => {
      membership(anChat, an.id, "kicked");
      await h.emulator.waitIdle();
    });
    expect(await chatStatus(an.id)).toBe("UNREACHABLE");
    await collect(h, () => h.say(user(DEMO.secretariat), privateChat(DEMO.secretariat), ASSIGN));
    expect(toSecretariat()).toEqual([vi.onboarding.notices.blocked(an.name)]);
  });

  it("group: removed while a send is in flight, then the send fails: only the «removed» notice", async () => {
    membershipWhileSending(namTraMy.id, namTraMy, DEMO.chairman.id, "LEFT", KICKED);
    await collect(h, () => h.say(user(DEMO.secretariat), privateChat(DEMO.secretariat), ASSIGN));
    expect(await chatStatus(namTraMy.id)).toBe("LEFT");
    expect(toSecretariat()).toEqual([vi.onboarding.notices.removed(DEMO.groups.namTraMy.title)]);
    // the private message of the same assignment still went out
    expect(h.emulator.sent.filter((m) => m.chat_id === an.id)).toHaveLength(1);
  });
});
