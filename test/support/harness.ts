// The product as users meet it: the real app (telegraf long polling, services, dispatcher) on a real
// database seeded with the demo data (a copy of a seeded template: test/support/db.ts), talking to the local
// Bot API emulator on loopback.
import { createApp, type App } from "../../src/app.ts";
import { createConfig } from "../../src/config.ts";
import { localInstant } from "../../src/domain/dates.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import type { Limits } from "../../src/platform/outbox/limiter.ts";
import { DEMO } from "../../src/platform/db/seed/demo.ts";
import {
  startBotApiEmulator,
  type BotApiEmulator,
  type EmulatorChat,
  type EmulatorUser,
  type SentMessage,
} from "../../tools/emulator/bot-api-server.ts";
import { createTestDatabase, type Provider, type TestDatabase } from "./db.ts";
import { virtualTicker, type VirtualTicker } from "./virtual-time.ts";

export const DAY = "2026-11-24"; // a Tuesday
export const at = (hh: number, mm: number, day = DAY) => localInstant(day, hh * 60 + mm);

export const user = (p: { id: number; name: string }, lang = "vi"): EmulatorUser => ({
  id: p.id,
  first_name: p.name,
  language_code: lang,
});
export const group = (g: { id: number; title: string }): EmulatorChat => ({
  id: g.id,
  type: "supergroup",
  title: g.title,
});
export const privateChat = (p: { id: number; name: string }): EmulatorChat => ({
  id: p.id,
  type: "private",
  first_name: p.name,
});

/**
 * The app's sending limits in tests: far above Telegram's unless a test asks for them, since every reply
 * waits its turn (src/platform/outbox/interactive.ts) and a test says many things in one chat within a second.
 */
/** The test bot's username, as a member types it to reach the bot in a group with privacy mode on. */
export const MENTION = "@dondoc_test_bot";
/** A caption that makes a file sent in a group reach the bot under privacy mode; nothing in a private chat. */
export const mentionInGroup = (chat: EmulatorChat): { caption?: string } =>
  chat.type === "private" ? {} : { caption: MENTION };

export const TEST_LIMITS: Limits = { globalPerSecond: 100_000, perChatPerSecond: 100_000, perGroupPerMinute: 100_000 };

export interface Harness {
  db: TestDatabase;
  emulator: BotApiEmulator;
  clock: ReturnType<typeof fixedClock>;
  /** with `virtualTime`: the time the limiter and the emulator's flood limits count in */
  ticker: VirtualTicker | null;
  app: App;
  /** a user writes; resolves with the bot's answers once the update is handled */
  say(from: EmulatorUser, chat: EmulatorChat, text: string, replyTo?: number): Promise<SentMessage[]>;
  press(from: EmulatorUser, chat: EmulatorChat, messageId: number, data: string): Promise<SentMessage[]>;
  /** runs the deadline check and delivers what it wrote; returns the messages Telegram received */
  deadlineCheck(): Promise<SentMessage[]>;
  /** stops the app and starts a new one on the same database (a restart) */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  provider: Provider,
  opts: {
    seed?: boolean;
    /** the follow-up demo too (seedFollowupDemo) */
    followup?: boolean;
    start?: Date;
    failMethods?: string[];
    limits?: Limits;
    privacyMode?: boolean;
    env?: Record<string, string>;
    /** the limiter, the replies' and the dispatcher's waits and the emulator's flood limits on virtual time */
    virtualTime?: boolean;
  } = {},
): Promise<Harness> {
  const clock = fixedClock(opts.start ?? at(7, 40));
  const ticker = opts.virtualTime ? virtualTicker() : null;
  const demo = opts.seed === false ? {} : { demo: { today: DAY, now: clock.now(), followup: opts.followup } };
  const db = await createTestDatabase(provider, demo);
  const emulator = await startBotApiEmulator({
    botUsername: MENTION.slice(1),
    failMethods: opts.failMethods ?? [],
    privacyMode: opts.privacyMode ?? true,
    ...(ticker ? { now: ticker.now } : {}),
  });
  const config = createConfig({
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: db.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DISPATCH_INTERVAL_MS: "20",
    ...opts.env,
  });
  const logger = createLogger(config.logLevel);
  const boot = async () => {
    const a = await createApp(config, logger, {
      clock,
      cron: false,
      limits: opts.limits ?? TEST_LIMITS,
      ...(ticker ? { ticker } : {}),
    });
    ticker?.track(a.limiter);
    await a.start();
    return a;
  };
  let app = await boot();

  async function settle(before: number): Promise<SentMessage[]> {
    await emulator.waitIdle();
    return emulator.sent.slice(before);
  }

  const h: Harness = {
    db,
    emulator,
    clock,
    ticker,
    get app() {
      return app;
    },
    async say(from, chat, text, replyTo) {
      // what earlier steps left in the outbox goes out first: it is not this message's answer
      await app.dispatcher.drain();
      const before = emulator.sent.length;
      emulator.userSends({ from, chat, text, ...(replyTo ? { replyTo } : {}) });
      return settle(before);
    },
    async press(from, chat, messageId, data) {
      await app.dispatcher.drain();
      const before = emulator.sent.length;
      emulator.userPresses({ from, chat, messageId, data });
      return settle(before);
    },
    async deadlineCheck() {
      await app.dispatcher.drain();
      const before = emulator.sent.length;
      await app.scheduler.runNow("deadline-check");
      await app.dispatcher.drain();
      return emulator.sent.slice(before);
    },
    async restart() {
      await app.stop("restart");
      app = await boot();
    },
    async close() {
      await app.stop("test end");
      await emulator.close();
      await db.drop();
    },
  };
  return h;
}

export { DEMO };
