import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../../src/config.ts";
import { createLimiter } from "../../src/platform/outbox/limiter.ts";

describe("sending limits", () => {
  it("default to Telegram's 30/s overall, 1/s per chat, 20/min per group, and can be changed by env", () => {
    expect(createConfig({ BOT_TOKEN: "1:a" }).rateLimits).toEqual({
      globalPerSecond: 30,
      perChatPerSecond: 1,
      perGroupPerMinute: 20,
      interactiveReservePerSecond: 5,
    });
    const c = createConfig({
      BOT_TOKEN: "1:a",
      RATE_GLOBAL_PER_SECOND: "25",
      RATE_PER_CHAT_PER_SECOND: "2",
      RATE_PER_GROUP_PER_MINUTE: "15",
    });
    expect(c.rateLimits).toEqual({
      globalPerSecond: 25,
      perChatPerSecond: 2,
      perGroupPerMinute: 15,
      interactiveReservePerSecond: 5,
    });
    expect(() => createConfig({ BOT_TOKEN: "1:a", RATE_GLOBAL_PER_SECOND: "0" })).toThrow(ConfigError);
    expect(
      createConfig({ BOT_TOKEN: "1:a", RATE_INTERACTIVE_RESERVE_PER_SECOND: "0" }).rateLimits
        .interactiveReservePerSecond,
    ).toBe(0);
    expect(() =>
      createConfig({ BOT_TOKEN: "1:a", RATE_GLOBAL_PER_SECOND: "5", RATE_INTERACTIVE_RESERVE_PER_SECOND: "5" }),
    ).toThrow(/RATE_INTERACTIVE_RESERVE_PER_SECOND/);
  });

  it("the limiter holds a group to its per-minute quota and a chat to its per-second one", () => {
    const l = createLimiter({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 3 });
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(l.waitMs(-5n, t + i * 2000)).toBe(0);
      l.take(-5n, t + i * 2000).settle(t + i * 2000 + 50);
    }
    expect(l.waitMs(-5n, t + 6000)).toBe(60_000 + 50 - 6000); // the first send's answer leaves the window
    expect(l.blockedChats(t + 6000)).toEqual([-5n]);
    const s = l.take(7n, t);
    // still in flight: it leaves no sooner than a second after an answer that could come now
    expect(l.chatWaitMs(7n, t + 500)).toBe(1000);
    s.settle(t + 200); // answered 200 ms later: the window runs from the answer
    expect(l.chatWaitMs(7n, t + 1000)).toBe(200);
    l.pause(8n, 2000, t);
    expect(l.waitMs(8n, t + 1500)).toBe(500);
  });

  it("a send still in flight counts, however long ago it was taken (a stalled event loop)", () => {
    const l = createLimiter({ globalPerSecond: 2, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const t = 1_000_000;
    const slots = [l.take(1n, t), l.take(2n, t)];
    // three seconds later the two requests have not been answered: Telegram may still count them now
    expect(l.globalWaitMs(t + 3000)).toBe(1000);
    expect(l.chatWaitMs(1n, t + 3000)).toBe(1000);
    for (const s of slots) s.settle(t + 3000);
    expect(l.globalWaitMs(t + 3500)).toBe(500);
    expect(l.globalWaitMs(t + 4000)).toBe(0);
  });
});
