// Replies to people go through the same limiter as the outbox, against an emulator enforcing Telegram's
// limits: a burst is paced instead of refused, a 429 on a reply is waited out and retried, and people
// asking during a broadcast are answered within seconds. The limits are counted in virtual time
// (test/support/virtual-time.ts) except where the test measures how soon people are answered: there the
// time the app takes to handle an update counts too, and only real time has it.
import { afterEach, describe, expect, it } from "vitest";
import { Telegram } from "telegraf";
import { describeEachDatabase } from "../support/db.ts";
import { privateChat, startHarness, user, type Harness } from "../support/harness.ts";
import { createInteractiveGate } from "../../src/platform/outbox/interactive.ts";
import { createLimiter, TELEGRAM_LIMITS } from "../../src/platform/outbox/limiter.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { enqueue } from "../../src/platform/outbox/enqueue.ts";
import { startBotApiEmulator, type BotApiEmulator, type RecordedCall } from "../../tools/emulator/bot-api-server.ts";
import { virtualTicker } from "../support/virtual-time.ts";

const TELEGRAM = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
const person = (i: number) => ({ id: 910_000 + i, name: `Người hỏi ${i}` });

/** the most calls the emulator received within any one second */
function busiestSecond(calls: RecordedCall[]): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describeEachDatabase("replies under Telegram's limits", (provider) => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("a burst of /help from 60 people: every one answered once, never above 30 a second, no 429", async () => {
    h = await startHarness(provider, { limits: TELEGRAM_LIMITS, virtualTime: true });
    h.emulator.setLimits(TELEGRAM);
    const people = Array.from({ length: 60 }, (_, i) => person(i));
    for (const p of people) h.emulator.userSends({ from: user(p), chat: privateChat(p), text: "/help" });
    await h.emulator.waitFor((sent) => new Set(sent.map((m) => m.chat_id)).size >= 60, 15_000);
    await h.emulator.waitIdle();
    const sends = h.emulator.calls.filter((c) => c.method === "sendMessage");
    expect(sends.filter((c) => !c.ok).map((c) => c.errorCode)).toEqual([]);
    expect(busiestSecond(sends)).toBeLessThanOrEqual(30);
    for (const p of people) {
      const got = h.emulator.sent.filter((m) => m.chat_id === p.id);
      expect(got).toHaveLength(1);
      expect(got[0]!.text).toContain("/help");
    }
  }, 30_000);

  it("a 429 on a reply is waited out (retry_after) and the reply sent: the person gets the answer, not an apology", async () => {
    h = await startHarness(provider, { limits: TELEGRAM_LIMITS, virtualTime: true });
    const p = person(100);
    h.emulator.injectFault({ kind: "429", retryAfter: 1 }, { chatId: p.id });
    const replies = await h.say(user(p), privateChat(p), "/help");
    const calls = h.emulator.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === p.id);
    expect(calls.map((c) => c.errorCode ?? "ok")).toEqual([429, "ok"]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe(calls[1]!.payload.text);
    expect(replies[0]!.text).toContain("/help");
  });

  it("8 people asking /help during a broadcast at the full rate are all answered within 3 s; the broadcast is delivered; no 429", async () => {
    h = await startHarness(provider, { limits: TELEGRAM_LIMITS });
    h.emulator.setLimits(TELEGRAM);
    // enough that the broadcast is still going when the askers are answered (checked below)
    const recipients = Array.from({ length: 120 }, (_, i) => 800_001 + i);
    const now = h.clock.now();
    await h.db.db.$transaction((tx) =>
      enqueue(
        tx,
        recipients.map((chatId) => ({ chatId: BigInt(chatId), text: `Thông báo gửi ${chatId}`, kind: "broadcast" })),
        now,
      ),
    );
    h.app.dispatcher.wake();
    await h.emulator.waitFor((sent) => sent.length >= 40, 10_000); // the broadcast is at full speed
    const askers = Array.from({ length: 8 }, (_, i) => person(200 + i));
    const asked = new Map<number, number>();
    for (const p of askers) {
      asked.set(p.id, Date.now());
      h.emulator.userSends({ from: user(p), chat: privateChat(p), text: "/help" });
    }
    await h.emulator.waitFor((sent) => askers.every((p) => sent.some((m) => m.chat_id === p.id)), 10_000);
    for (const p of askers) {
      const reply = h.emulator.calls.find(
        (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === p.id && c.ok,
      )!;
      expect(reply.at - asked.get(p.id)!, `answer to ${p.id}`).toBeLessThan(3000);
    }
    const lastAnswer = Math.max(
      ...h.emulator.calls
        .filter((c) => c.method === "sendMessage" && c.ok && askers.some((p) => Number(c.payload.chat_id) === p.id))
        .map((c) => c.at),
    );
    await h.emulator.waitFor((sent) => recipients.every((r) => sent.some((m) => m.chat_id === r)), 20_000);
    // the answers came while the broadcast was at full speed, not after it
    const broadcastAfter = h.emulator.calls.filter(
      (c) => c.ok && c.at > lastAnswer && recipients.includes(Number(c.payload.chat_id)),
    );
    expect(broadcastAfter.length).toBeGreaterThan(10);
    const sends = h.emulator.calls.filter((c) => c.method === "sendMessage");
    expect(sends.filter((c) => !c.ok).map((c) => c.errorCode)).toEqual([]);
    expect(busiestSecond(sends)).toBeLessThanOrEqual(30);
    for (const p of askers) expect(h.emulator.sent.filter((m) => m.chat_id === p.id)).toHaveLength(1);
  }, 60_000);
});

describe("every kind of outgoing call takes its slot", () => {
  let emulator: BotApiEmulator;
  afterEach(async () => {
    await emulator.close();
  });

  it("messages, documents, photos and answers to buttons together stay under the bot-wide rate, without a 429", async () => {
    const limits = { globalPerSecond: 10, perChatPerSecond: 1, perGroupPerMinute: 20 };
    const ticker = virtualTicker();
    emulator = await startBotApiEmulator({ limits, now: ticker.now });
    const limiter = ticker.track(createLimiter(limits));
    const gate = createInteractiveGate({ limiter, logger: createLogger("silent"), ticker });
    const telegram = gate.wrap(new Telegram(emulator.token, { apiRoot: emulator.apiRoot }));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => telegram.sendMessage(700_100 + i, "Trả lời")),
      ...Array.from({ length: 5 }, (_, i) =>
        telegram.sendDocument(700_200 + i, { source: Buffer.from("a;b\n1;2\n"), filename: "bao-cao.csv" }),
      ),
      ...Array.from({ length: 5 }, (_, i) => telegram.sendPhoto(700_300 + i, { source: png, filename: "bieu-do.png" })),
      ...Array.from({ length: 5 }, (_, i) => telegram.answerCbQuery(`q${i}`, "Đã ghi nhận").catch(() => true)),
    ]);
    const counted = emulator.calls.filter((c) =>
      ["sendMessage", "sendDocument", "sendPhoto", "answerCallbackQuery"].includes(c.method),
    );
    expect(counted).toHaveLength(25);
    expect(counted.filter((c) => !c.ok && c.method !== "answerCallbackQuery")).toEqual([]);
    expect(busiestSecond(counted)).toBeLessThanOrEqual(10);
  }, 20_000);
});
