// The dispatcher's fault paths against the Bot API emulator: what Telegram answered, what the
// dispatcher did next, and what the emulator received in the end. The limiter, the dispatcher's waits and
// the emulator's flood limits run on virtual time (test/support/virtual-time.ts): a window or a retry_after
// is waited out without waiting for real.
import { afterEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/db.ts";
import { startDeliveryHarness, type DeliveryHarness } from "../support/delivery.ts";

const LOOSE = { globalPerSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 1000 };
const SECRETARIAT = -1009000;

describeEachDatabase("dispatcher faults", (provider) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h.close();
  });
  const row = async (chatId: number) =>
    h.db.db.outboxMessage.findFirstOrThrow({ where: { chatId: BigInt(chatId) }, orderBy: { id: "desc" } });

  it("429: waits retry_after, then delivers once", async () => {
    h = await startDeliveryHarness(provider, { limits: LOOSE, virtualTime: true });
    h.emulator.injectFault({ kind: "429", retryAfter: 1 }, { chatId: 1001 });
    await h.enqueue([{ chatId: 1001, text: "Thông báo số 1" }]);
    expect(await h.dispatcher.pass()).toBe(0);
    const after429 = await row(1001);
    expect(after429.status).toBe("PENDING");
    expect(after429.attempts).toBe(0); // Telegram pacing us is not a failed attempt
    expect(after429.notBefore.getTime()).toBe(h.clock.now().getTime() + 1000);
    expect(await h.dispatcher.pass()).toBe(0); // not due yet
    expect(h.sendCalls()).toEqual([{ chatId: 1001, text: "Thông báo số 1", ok: false, errorCode: 429 }]);
    h.clock.advance(1000);
    await h.dispatcher.drain();
    expect(h.sendCalls()).toEqual([
      { chatId: 1001, text: "Thông báo số 1", ok: false, errorCode: 429 },
      { chatId: 1001, text: "Thông báo số 1", ok: true, errorCode: undefined },
    ]);
    expect((await row(1001)).status).toBe("SENT");
  });

  it("5xx: backs off exponentially, delivers when the server recovers, dead-letters after max attempts", async () => {
    h = await startDeliveryHarness(provider, { limits: LOOSE, maxAttempts: 3, virtualTime: true });
    h.emulator.injectFault({ kind: "500" }, { chatId: 1002, times: 2 });
    h.emulator.injectFault({ kind: "500" }, { chatId: 1003, times: 3 });
    await h.enqueue([
      { chatId: 1002, text: "Gửi A" },
      { chatId: 1003, text: "Gửi B" },
    ]);
    const t0 = h.clock.now().getTime();
    await h.dispatcher.pass();
    expect((await row(1002)).notBefore.getTime() - t0).toBe(2000);
    h.clock.advance(2000);
    await h.dispatcher.pass();
    expect((await row(1002)).notBefore.getTime() - (t0 + 2000)).toBe(4000);
    expect((await row(1002)).attempts).toBe(2);
    h.clock.advance(4000);
    await h.dispatcher.pass();
    expect((await row(1002)).status).toBe("SENT");
    const dead = await row(1003);
    expect(dead.status).toBe("DEAD");
    expect(dead.attempts).toBe(3);
    expect(dead.lastError).toBe("500 Internal Server Error");
    h.clock.advance(600_000);
    await h.dispatcher.drain();
    const calls = h.sendCalls();
    expect(calls.filter((c) => c.chatId === 1002).map((c) => c.ok)).toEqual([false, false, true]);
    expect(calls.filter((c) => c.chatId === 1003).map((c) => c.errorCode)).toEqual([500, 500, 500]);
    expect(h.emulator.sent.map((m) => [m.chat_id, m.text])).toEqual([[1002, "Gửi A"]]);
  });

  it("timeout then drop-after-accept: one more try at most, then UNKNOWN, never a loop", async () => {
    h = await startDeliveryHarness(provider, { limits: LOOSE, sendTimeoutMs: 300, virtualTime: true });
    h.emulator.injectFault({ kind: "timeout" }, { chatId: 1004 });
    h.emulator.injectFault({ kind: "drop-after-accept" }, { chatId: 1004 });
    await h.enqueue([{ chatId: 1004, text: "Có thể đã tới" }]);
    await h.dispatcher.pass();
    const first = await row(1004);
    expect(first.status).toBe("PENDING");
    expect(first.lastError).toMatch(/^unknown outcome/);
    h.clock.advance(2000);
    await h.dispatcher.pass();
    const second = await row(1004);
    expect(second.status).toBe("UNKNOWN");
    h.clock.advance(3_600_000);
    await h.dispatcher.drain();
    await h.dispatcher.pass();
    expect(h.sendCalls()).toEqual([
      { chatId: 1004, text: "Có thể đã tới", ok: false, errorCode: undefined },
      { chatId: 1004, text: "Có thể đã tới", ok: false, errorCode: undefined },
    ]);
    // the dropped one did reach the chat: exactly one copy
    expect(h.emulator.sent.filter((m) => m.chat_id === 1004)).toHaveLength(1);
    expect((await row(1004)).status).toBe("UNKNOWN");
  });

  it("403 and 400 chat not found: the chat becomes UNREACHABLE, later sends are SKIPPED, the secretariat is told once", async () => {
    h = await startDeliveryHarness(provider, { limits: LOOSE, virtualTime: true });
    const db = h.db.db;
    await db.chat.create({
      data: { telegramChatId: BigInt(SECRETARIAT), kind: "SUPERGROUP", title: "VPĐP", isSecretariat: true },
    });
    await db.chat.create({ data: { telegramChatId: -4001n, kind: "SUPERGROUP", title: "Nhóm xã Trà Leng" } });
    await db.official.create({ data: { fullName: "Nguyễn Văn An", nameKey: "nguyen van an", telegramUserId: 2001n } });
    h.emulator.injectFault({ kind: "403" }, { chatId: 2001, times: 10 });
    h.emulator.injectFault({ kind: "chat-not-found" }, { chatId: -4001, times: 10 });
    await h.enqueue([
      { chatId: 2001, text: "Tin 1 cho An" },
      { chatId: 2001, text: "Tin 2 cho An" },
      { chatId: -4001, text: "Tin cho nhóm" },
      { chatId: 3001, text: "Tin cho Bình" },
    ]);
    await h.dispatcher.drain();
    expect((await db.chat.findUniqueOrThrow({ where: { telegramChatId: 2001n } })).status).toBe("UNREACHABLE");
    expect((await db.chat.findUniqueOrThrow({ where: { telegramChatId: -4001n } })).status).toBe("UNREACHABLE");
    const an = await db.outboxMessage.findMany({ where: { chatId: 2001n }, orderBy: { id: "asc" } });
    expect(an.map((r) => r.status)).toEqual(["DEAD", "SKIPPED"]);

    // later messages to them are skipped without a call
    await h.enqueue([
      { chatId: 2001, text: "Tin 3 cho An" },
      { chatId: -4001, text: "Tin 2 cho nhóm" },
    ]);
    await h.dispatcher.drain();
    const skipped = await db.outboxMessage.findMany({ where: { text: { in: ["Tin 3 cho An", "Tin 2 cho nhóm"] } } });
    expect(skipped.map((r) => r.status)).toEqual(["SKIPPED", "SKIPPED"]);

    const calls = h.sendCalls();
    expect(calls.filter((c) => c.chatId === 2001)).toEqual([
      { chatId: 2001, text: "Tin 1 cho An", ok: false, errorCode: 403 },
    ]);
    expect(calls.filter((c) => c.chatId === -4001)).toEqual([
      { chatId: -4001, text: "Tin cho nhóm", ok: false, errorCode: 400 },
    ]);
    expect(h.emulator.sent.filter((m) => m.chat_id === 3001).map((m) => m.text)).toEqual(["Tin cho Bình"]);
    const notices = h.emulator.sent.filter((m) => m.chat_id === SECRETARIAT).map((m) => m.text);
    expect(notices).toHaveLength(2);
    expect(notices.filter((t) => t.includes("Nguyễn Văn An"))).toHaveLength(1);
    expect(notices.filter((t) => t.includes("Nhóm xã Trà Leng"))).toHaveLength(1);
  });

  it("400 migrate: the chat id is updated and the message re-sent to the new id", async () => {
    h = await startDeliveryHarness(provider, { limits: LOOSE, virtualTime: true });
    await h.db.db.chat.create({ data: { telegramChatId: -5001n, kind: "GROUP", title: "Nhóm cũ" } });
    h.emulator.injectFault({ kind: "migrate", migrateTo: -1005001 }, { chatId: -5001 });
    await h.enqueue([{ chatId: -5001, text: "Tin cho nhóm nâng cấp" }]);
    await h.dispatcher.drain();
    expect(h.sendCalls()).toEqual([
      { chatId: -5001, text: "Tin cho nhóm nâng cấp", ok: false, errorCode: 400 },
      { chatId: -1005001, text: "Tin cho nhóm nâng cấp", ok: true, errorCode: undefined },
    ]);
    const chat = await h.db.db.chat.findFirstOrThrow({ where: { title: "Nhóm cũ" } });
    expect(chat.telegramChatId).toBe(-1005001n);
    expect(chat.kind).toBe("SUPERGROUP");
    const sent = await h.db.db.outboxMessage.findFirstOrThrow();
    expect([sent.chatId, sent.status]).toEqual([-1005001n, "SENT"]);
  });

  it("400 migrate to a supergroup already known: that chat takes over the unit binding", async () => {
    h = await startDeliveryHarness(provider, { limits: LOOSE, virtualTime: true });
    const unit = await h.db.db.unit.create({
      data: { code: "U_MIG", name: "Xã Trà Leng", nameKey: "xa tra leng", kind: "COMMUNE" },
    });
    await h.db.db.chat.create({
      data: { telegramChatId: -5002n, kind: "GROUP", title: "Nhóm cũ", unitId: unit.id, boundAt: new Date() },
    });
    // the supergroup's first update came before the send failed: its row exists, unbound
    await h.db.db.chat.create({ data: { telegramChatId: -1005002n, kind: "SUPERGROUP", title: "Nhóm mới" } });
    h.emulator.injectFault({ kind: "migrate", migrateTo: -1005002 }, { chatId: -5002 });
    await h.enqueue([{ chatId: -5002, text: "Tin cho nhóm nâng cấp" }]);
    await h.dispatcher.drain();
    const [old, now] = await Promise.all([
      h.db.db.chat.findUniqueOrThrow({ where: { telegramChatId: -5002n } }),
      h.db.db.chat.findUniqueOrThrow({ where: { telegramChatId: -1005002n } }),
    ]);
    expect([now.unitId, now.status]).toEqual([unit.id, "ACTIVE"]);
    expect([old.status, old.migratedToChatId]).toEqual(["MIGRATED", -1005002n]);
    expect(
      h
        .sendCalls()
        .filter((c) => c.ok)
        .map((c) => c.chatId),
    ).toEqual([-1005002]);
  });

  it("a photo row: sendPhoto with its caption, retried after a 429 like any message", async () => {
    h = await startDeliveryHarness(provider, { limits: LOOSE, virtualTime: true });
    const png = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...Array.from({ length: 2000 }, (_, i) => i % 251),
    ]);
    h.emulator.injectFault({ kind: "429", retryAfter: 1 }, { chatId: 1020 });
    await h.enqueue([{ chatId: 1020, text: "Biểu đồ giải ngân đến ngày 24/11/2026", photo: png }]);
    await h.dispatcher.drain();
    expect((await row(1020)).status).toBe("PENDING");
    h.clock.advance(1000);
    await h.dispatcher.drain();
    expect((await row(1020)).status).toBe("SENT");
    const calls = h.emulator.calls.filter((c) => String(c.payload.chat_id) === "1020");
    expect(calls.map((c) => [c.method, c.ok])).toEqual([
      ["sendPhoto", false],
      ["sendPhoto", true],
    ]);
    expect((calls[1]!.payload.photo as { size: number }).size).toBe(png.length);
    expect(h.emulator.sent.filter((m) => m.chat_id === 1020).map((m) => [m.method, m.text])).toEqual([
      ["sendPhoto", "Biểu đồ giải ngân đến ngày 24/11/2026"],
    ]);
  });

  it("sends a text over 4096 characters as several messages, the buttons on the last", async () => {
    h = await startDeliveryHarness(provider, { limits: LOOSE, virtualTime: true });
    const line = "Đề nghị các đồng chí khẩn trương hoàn thiện hồ sơ giải ngân vốn đầu tư.";
    const text = Array.from({ length: 120 }, (_, i) => `${i + 1}. ${line}`).join("\n");
    const markup = { inline_keyboard: [[{ text: "✅", callback_data: "done:1" }]] };
    await h.enqueue([{ chatId: 1010, text, replyMarkup: markup }]);
    await h.dispatcher.drain();
    const got = h.emulator.sent.filter((m) => m.chat_id === 1010);
    expect(got.length).toBeGreaterThan(1);
    for (const m of got) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(got.map((m) => m.text).join("\n")).toBe(text);
    expect(got.map((m) => Boolean(m.reply_markup))).toEqual([...got.slice(1).map(() => false), true]);
    expect((await row(1010)).sentMessageId).toBe(BigInt(got.at(-1)!.message_id));
  });
});

describeEachDatabase("dispatcher under Telegram's limits", (provider) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h.close();
  });

  it("fans a broadcast out to a few hundred chats without a single 429, one message each", async () => {
    const limits = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
    h = await startDeliveryHarness(provider, { limits, emulatorLimits: limits, virtualTime: true });
    const privates = Array.from({ length: 240 }, (_, i) => 700_001 + i);
    const groups = Array.from({ length: 8 }, (_, i) => -1_008_001 - i);
    const rows = [...privates, ...groups].map((chatId) => ({ chatId, text: `Thông báo chung gửi ${chatId}` }));
    // two for each group: the second must wait for the per-chat limit, not be refused
    for (const g of groups) rows.push({ chatId: g, text: `Thông báo thứ hai gửi ${g}` });
    await h.enqueue(rows);
    await h.dispatcher.drain();
    const calls = h.sendCalls();
    expect(calls.filter((c) => !c.ok)).toEqual([]);
    const byChat = new Map<number, string[]>();
    for (const m of h.emulator.sent) byChat.set(m.chat_id, [...(byChat.get(m.chat_id) ?? []), m.text]);
    for (const p of privates) expect(byChat.get(p)).toEqual([`Thông báo chung gửi ${p}`]);
    for (const g of groups) expect(byChat.get(g)).toEqual([`Thông báo chung gửi ${g}`, `Thông báo thứ hai gửi ${g}`]);
    expect(await h.db.db.outboxMessage.count({ where: { status: { not: "SENT" } } })).toBe(0);
  });
});

describeEachDatabase("a 429 pauses what its limit covers; the limits survive a restart", (provider) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h.close();
  });
  const refused = () => h.sendCalls().filter((c) => c.errorCode === 429).length;

  it("limits set above Telegram's: a 429 from the bot-wide rate pauses everything, not one chat after another", async () => {
    const telegram = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
    h = await startDeliveryHarness(provider, {
      limits: { ...telegram, globalPerSecond: 300 },
      emulatorLimits: telegram,
      concurrency: 4,
      virtualTime: true,
    });
    const chats = Array.from({ length: 150 }, (_, i) => 720_001 + i);
    await h.enqueue(chats.map((chatId) => ({ chatId, text: `Thông báo gửi ${chatId}` })));
    for (let i = 0; i < 40 && (await h.db.db.outboxMessage.count({ where: { status: { not: "SENT" } } })) > 0; i++) {
      await h.dispatcher.drain();
      h.clock.advance(1000); // rows answered 429 are due again after retry_after
    }
    expect(await h.db.db.outboxMessage.count({ where: { status: "SENT" } })).toBe(150);
    // each time the window fills, at most the requests already in flight are refused (4 at a time)
    expect(refused()).toBeLessThanOrEqual(30);
  }, 60_000);

  it("a restart (kill -9) forgets nothing: a group that had 12 messages in the minute gets 8 more, not 20", async () => {
    const limits = { globalPerSecond: 30, perChatPerSecond: 100, perGroupPerMinute: 20 };
    h = await startDeliveryHarness(provider, { limits, emulatorLimits: limits, virtualTime: true });
    const group = -1_009_012;
    await h.enqueue(Array.from({ length: 12 }, (_, i) => ({ chatId: group, text: `Tin ${i + 1}` })));
    await h.dispatcher.drain();
    expect(h.emulator.sent).toHaveLength(12);
    await h.restart(); // a new process: its limiter starts empty but for what the database says
    await h.enqueue(Array.from({ length: 20 }, (_, i) => ({ chatId: group, text: `Tin ${i + 13}` })));
    h.dispatcher.wake();
    await h.emulator.waitFor((sent) => sent.length >= 20, 10_000);
    // the group's window (virtual time) stays full: nothing more goes, however often the dispatcher looks
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.dispatcher.pass()).toBe(0);
    expect(refused()).toBe(0);
    expect(h.emulator.sent).toHaveLength(20);
    expect(await h.db.db.outboxMessage.count({ where: { status: "PENDING" } })).toBe(12);
  }, 30_000);
});
