// The shared limiter's two new rules, on its own with explicit times: interactive replies get a reserved
// share of the bot-wide rate, and a 429 pauses what the limit it signals covers.
import { describe, expect, it } from "vitest";
import { createLimiter, globalShare } from "../../src/platform/outbox/limiter.ts";

const T = 1_000_000;

describe("the shared limiter", () => {
  it("leaves interactive replies a reserved share of the global rate while they wait or went out in the last second", () => {
    const l = createLimiter({
      globalPerSecond: 10,
      perChatPerSecond: 1,
      perGroupPerMinute: 20,
      interactiveReservePerSecond: 3,
    });
    for (let i = 0; i < 7; i++) l.take(BigInt(100 + i), T).settle(T);
    // nobody asking: the background has the whole rate
    expect(l.globalWaitMs(T)).toBe(0);
    const done = l.interactiveWaits();
    expect(l.globalWaitMs(T)).toBe(1000); // 7 of 10 used: the last 3 are the replies'
    expect(l.globalWaitMs(T, "interactive")).toBe(0);
    l.take(500n, T, "interactive").settle(T);
    done();
    // a reply went out just now: the reserve holds for one more second
    expect(l.globalWaitMs(T + 500)).toBeGreaterThan(0);
    expect(l.globalWaitMs(T + 1500)).toBe(0);
    // answers to buttons have no chat: the global window only
    l.take(null, T + 1500, "interactive").settle(T + 1500);
    expect(l.waitMs(null, T + 1500, "interactive")).toBe(0);
  });

  it("a 429 to a chat whose own windows were nearly full pauses that chat only", () => {
    const l = createLimiter({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const group = -1_001n;
    for (let i = 0; i < 11; i++) l.take(group, T + i * 2000).settle(T + i * 2000);
    l.take(group, T + 30_000).settle(T + 30_000); // the refused one
    expect(l.tooMany(group, 25_000, T + 30_000)).toBe("chat");
    expect(l.chatWaitMs(group, T + 30_000)).toBe(25_000);
    expect(l.globalWaitMs(T + 30_000)).toBe(0);
    expect(l.waitMs(7n, T + 30_000)).toBe(0); // other chats go on
  });

  it("a 429 to a chat that had nothing recent was the bot-wide rate: everything waits retry_after", () => {
    const l = createLimiter({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });
    l.take(42n, T).settle(T + 20);
    expect(l.tooMany(42n, 3000, T + 20)).toBe("global");
    expect(l.globalWaitMs(T + 1000)).toBe(2020);
    expect(l.waitMs(43n, T + 1000, "interactive")).toBe(2020);
    expect(l.globalWaitMs(T + 3020)).toBe(0);
  });

  it("429s to two chats within a second: unsure which limit, so everything waits", () => {
    const l = createLimiter({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });
    for (const chat of [1n, 2n]) {
      l.take(chat, T).settle(T);
      l.take(chat, T + 100).settle(T + 100);
    }
    expect(l.tooMany(1n, 1000, T + 100)).toBe("chat");
    expect(l.tooMany(2n, 1000, T + 150)).toBe("global");
    expect(l.globalWaitMs(T + 150)).toBe(1000);
    // a 429 without a chat (an answer to a button) is always the bot-wide rate
    expect(
      createLimiter({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 }).tooMany(null, 1000, T),
    ).toBe("global");
  });

  it("several instances: the parts of the bot-wide rate add up to it, the leader keeps most, and the limiter follows its part", () => {
    const telegram = {
      globalPerSecond: 30,
      perChatPerSecond: 1,
      perGroupPerMinute: 20,
      interactiveReservePerSecond: 5,
    };
    expect(globalShare(telegram, 1, true)).toBe(30);
    expect(globalShare(telegram, 1, false)).toBe(30); // alone (SQLite, or one instance): the whole rate
    for (const n of [2, 3, 4, 6]) {
      expect(globalShare(telegram, n, true) + (n - 1) * globalShare(telegram, n, false), `${n} instances`).toBe(30);
      expect(globalShare(telegram, n, false)).toBe(5);
    }
    expect(globalShare(telegram, 2, true)).toBe(25);
    // many instances: an equal part, never below 1/s
    expect(globalShare(telegram, 10, false)).toBe(3);
    expect(globalShare(telegram, 10, true)).toBe(3);
    expect(globalShare(telegram, 40, false)).toBe(1);

    const l = createLimiter(telegram);
    let share = 5;
    l.setGlobalShare(() => share);
    for (let i = 0; i < 5; i++) l.take(BigInt(100 + i), T, "interactive").settle(T);
    expect(l.globalWaitMs(T, "interactive")).toBe(1000);
    share = 25; // it became the leader (or fewer instances are alive)
    expect(l.globalWaitMs(T, "interactive")).toBe(0);
    // the leader's outbox leaves its own replies the reserve while they are being answered
    for (let i = 0; i < 15; i++) l.take(BigInt(200 + i), T).settle(T);
    expect(l.globalWaitMs(T)).toBe(1000);
    expect(l.globalWaitMs(T, "interactive")).toBe(0);
  });
});
