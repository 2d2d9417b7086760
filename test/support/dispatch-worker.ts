// A dispatcher alone in its own process, for crash tests: `node --import tsx test/support/dispatch-worker.ts`
// with DATABASE_URL, TELEGRAM_API_ROOT, BOT_TOKEN and optionally RATE_* set. It recovers rows left in
// flight, sends until killed, and prints "ready" once started.
import { Telegram } from "telegraf";
import { openDatabase } from "../../src/platform/db/client.ts";
import { createDispatcher } from "../../src/platform/outbox/dispatcher.ts";
import { createLimiter } from "../../src/platform/outbox/limiter.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { systemClock } from "../../src/platform/clock.ts";
import { catalogue } from "../../src/i18n/index.ts";

const env = process.env;
const database = await openDatabase(env.DATABASE_URL);
const telegram = new Telegram(env.BOT_TOKEN ?? "", { apiRoot: env.TELEGRAM_API_ROOT ?? "" });
const dispatcher = createDispatcher({
  db: database.db,
  callApi: (method, payload, signal) =>
    telegram.callApi(method as "sendMessage", payload as never, { signal: signal as never }),
  unreachableNotice: catalogue("vi").delivery.unreachable,
  limiter: createLimiter({
    globalPerSecond: Number(env.RATE_GLOBAL_PER_SECOND ?? 30),
    perChatPerSecond: Number(env.RATE_PER_CHAT_PER_SECOND ?? 1),
    perGroupPerMinute: Number(env.RATE_PER_GROUP_PER_MINUTE ?? 20),
  }),
  clock: systemClock,
  logger: createLogger(env.LOG_LEVEL ?? "silent"),
  intervalMs: 20,
});
await dispatcher.start();
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void dispatcher
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
