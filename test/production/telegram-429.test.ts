// Telegram may answer 429 to any call, not only to sends: getMe and the command menu at start-up,
// deleteWebhook and getUpdates while polling, getChatMember for /bind, getFile for a file sent to the bot.
// Each is waited out (retry_after, in virtual time) and tried again: the bot starts, answers, and nobody
// gets «đã có lỗi». The emulator answered 429 only to sends until this test; the outbox's and the replies'
// 429s are in test/delivery.
import { afterEach, beforeEach, expect, it } from "vitest";
import { catalogue } from "../../src/i18n/index.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, MENTION, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const vi = catalogue("vi");

describeOnSqlite("Telegram answers 429 to any call", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { virtualTime: true });
  });
  afterEach(async () => {
    await h.close();
  });

  /** the outcomes of one method's calls since `from`, and the time between the first two */
  const outcomes = (method: string, from = 0) => {
    const calls = h.emulator.calls.slice(from).filter((c) => c.method === method);
    return { codes: calls.map((c) => c.errorCode ?? "ok"), gapMs: calls.length > 1 ? calls[1]!.at - calls[0]!.at : 0 };
  };

  it("a restart while every start-up and polling call is answered 429 once: waited out, then the bot answers", async () => {
    for (const method of ["getMe", "setMyCommands", "deleteWebhook", "getUpdates"])
      h.emulator.injectFault({ kind: "429", retryAfter: 3 }, { method });
    const from = h.emulator.calls.length;
    await h.restart();
    for (const method of ["getMe", "setMyCommands", "deleteWebhook"]) {
      const o = outcomes(method, from);
      expect(o.codes.slice(0, 2), method).toEqual([429, "ok"]);
      expect(o.gapMs, method).toBeGreaterThanOrEqual(3000);
    }
    const p = DEMO.official;
    const [reply] = await h.say(user(p), privateChat(p), "/help");
    expect(reply!.text).toContain("/help");
    const polls = outcomes("getUpdates", from);
    expect(polls.codes[0]).toBe(429);
    expect(polls.gapMs).toBeGreaterThanOrEqual(3000);
  });

  it("getChatMember answered 429 during a chairman's /bind: waited out, the group is bound", async () => {
    const newGroup = { id: -1005559876, type: "supergroup" as const, title: "UBND Nam Trà My (mới)" };
    h.emulator.setChatMember(newGroup.id, DEMO.chairman.id, { status: "administrator" });
    h.emulator.injectFault({ kind: "429", retryAfter: 2 }, { method: "getChatMember" });
    const from = h.emulator.calls.length;
    const replies = await h.say(user(DEMO.chairman), newGroup, "/bind nam trà my");
    expect(outcomes("getChatMember", from)).toEqual({ codes: [429, "ok"], gapMs: expect.any(Number) as number });
    expect(outcomes("getChatMember", from).gapMs).toBeGreaterThanOrEqual(2000);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).not.toBe(vi.errors.generic);
    expect(replies[0]!.text).not.toBe(vi.onboarding.bind.adminCheckFailed);
    const chat = await h.db.db.chat.findUnique({ where: { telegramChatId: BigInt(newGroup.id) } });
    expect(chat?.unitId).not.toBeNull();
  });

  it("getFile answered 429 for a capital-plan file: waited out, the file is read and answered", async () => {
    h.emulator.injectFault({ kind: "429", retryAfter: 1 }, { method: "getFile" });
    const from = h.emulator.calls.length;
    const before = h.emulator.sent.length;
    const csv = "Đơn vị;Chương trình;Năm;Nguồn (TW/ĐP);Loại (ĐTPT/SN);Số tiền;Số quyết định;Ngày quyết định\n";
    h.emulator.userSendsDocument({
      from: user(DEMO.secretariat),
      chat: group(DEMO.groups.secretariat),
      filename: "ke-hoach-von.csv",
      bytes: new TextEncoder().encode(csv),
      caption: MENTION,
    });
    await h.emulator.waitIdle();
    expect(outcomes("getFile", from).codes).toEqual([429, "ok"]);
    const replies = h.emulator.sent.slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).not.toBe(vi.errors.generic);
  });
});
