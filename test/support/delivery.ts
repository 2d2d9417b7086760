// A small harness for the delivery layer alone: a real database, the Bot API emulator and the dispatcher
// (no bot, no scheduler). Tests write outbox rows with the real enqueue and look at what the emulator received.
import { Telegram } from "telegraf";
import { createDispatcher, type Dispatcher } from "../../src/platform/outbox/dispatcher.ts";
import { createLimiter, TELEGRAM_LIMITS, type Limits } from "../../src/platform/outbox/limiter.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { fixedClock, systemTicker, type Ticker } from "../../src/platform/clock.ts";
import { enqueue } from "../../src/platform/outbox/enqueue.ts";
import { startBotApiEmulator, type BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import { createTestDatabase, type Provider, type TestDatabase } from "./db.ts";
import { catalogue } from "../../src/i18n/index.ts";
import { virtualTicker } from "./virtual-time.ts";

export interface DeliveryHarness {
  db: TestDatabase;
  emulator: BotApiEmulator;
  clock: ReturnType<typeof fixedClock>;
  /** the time the limiter and the emulator's flood limits count in (virtual with `virtualTime`) */
  ticker: Ticker;
  /** the current dispatcher (a new one after restart()) */
  readonly dispatcher: Dispatcher;
  /** the process dies (kill -9: nothing in memory survives) and a new one starts on the same database */
  restart(): Promise<void>;
  /** writes PENDING outbox rows, due now */
  enqueue(
    rows: { chatId: number; text: string; kind?: string; replyMarkup?: unknown; photo?: Uint8Array }[],
  ): Promise<void>;
  /** sendMessage calls the emulator received (accepted or not), with their chat and text */
  sendCalls(): { chatId: number; text: string; ok: boolean; errorCode?: number }[];
  close(): Promise<void>;
}

export async function startDeliveryHarness(
  provider: Provider,
  opts: {
    limits?: Limits;
    emulatorLimits?: Limits | null;
    maxAttempts?: number;
    sendTimeoutMs?: number;
    concurrency?: number;
    /** the limiter, the dispatcher's waits and the emulator's flood limits on virtual time (support/virtual-time.ts) */
    virtualTime?: boolean;
  } = {},
): Promise<DeliveryHarness> {
  const db = await createTestDatabase(provider);
  const virtual = opts.virtualTime ? virtualTicker() : null;
  const ticker = virtual ?? systemTicker;
  const emulator = await startBotApiEmulator({ limits: opts.emulatorLimits ?? null, now: ticker.now });
  const telegram = new Telegram(emulator.token, { apiRoot: emulator.apiRoot });
  const clock = fixedClock(new Date("2026-11-24T01:00:00Z"));
  // a new process, a new limiter: empty but for what the dispatcher reads back from the database
  const limiter = () => {
    const l = createLimiter(opts.limits ?? TELEGRAM_LIMITS);
    return virtual ? virtual.track(l) : l;
  };
  const make = () =>
    createDispatcher({
      db: db.db,
      callApi: (method, payload, signal) =>
        telegram.callApi(method as "sendMessage", payload as never, { signal: signal as never }),
      unreachableNotice: catalogue("vi").delivery.unreachable,
      limiter: limiter(),
      clock,
      ticker,
      logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
      intervalMs: 20,
      maxAttempts: opts.maxAttempts,
      sendTimeoutMs: opts.sendTimeoutMs,
      concurrency: opts.concurrency,
    });
  let dispatcher = make();
  return {
    db,
    emulator,
    clock,
    ticker,
    get dispatcher() {
      return dispatcher;
    },
    async restart() {
      await dispatcher.stop();
      dispatcher = make();
      await dispatcher.start();
    },
    async enqueue(rows) {
      const now = clock.now();
      // the real enqueue (src/platform/outbox/enqueue.ts): its bulk insert, and a photo's row of its own
      await db.db.$transaction((tx) =>
        enqueue(
          tx,
          rows.map((r) => ({
            chatId: BigInt(r.chatId),
            text: r.text,
            kind: r.kind ?? "test",
            replyMarkup: r.replyMarkup,
            photo: r.photo,
          })),
          now,
        ),
      );
    },
    sendCalls() {
      return emulator.calls
        .filter((c) => c.method === "sendMessage")
        .map((c) => ({
          chatId: Number(c.payload.chat_id),
          text: String(c.payload.text),
          ok: c.ok,
          errorCode: c.errorCode,
        }));
    },
    async close() {
      await dispatcher.stop();
      await emulator.close();
      await db.drop();
    },
  };
}
