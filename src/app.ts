// The composition root: config → logger → database → services → bot + scheduler + dispatcher.
// main.ts, the demo and the integration tests all start the product through createApp.
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/client.ts";
import type { Logger } from "./logger.ts";
import { createServices, type Services } from "./services/index.ts";
import { systemClock, type Clock } from "./services/clock.ts";
import { createBot } from "./bot/index.ts";
import { createDispatcher, type Dispatcher } from "./delivery/dispatcher.ts";
import { createLimiter, TELEGRAM_LIMITS, type Limits } from "./delivery/limiter.ts";
import { createScheduler, type Scheduler } from "./scheduler/index.ts";
import { createBroadcastProgress } from "./delivery/broadcast-progress.ts";
import { createBroadcastService } from "./services/broadcast.ts";
import { publishCommands } from "./bot/menu.ts";

export interface App {
  database: Database;
  services: Services;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  bot: ReturnType<typeof createBot>["bot"];
  start(): Promise<void>;
  stop(reason?: string): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  limits?: Limits;
  /** false: do not start long polling (tests feed updates with bot.handleUpdate) */
  polling?: boolean;
  /** false: no node-cron ticks (the demo and tests run jobs with scheduler.runNow) */
  cron?: boolean;
}

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "chat_member"] as const;

export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl);
  const services = createServices({ db: database.db, config });
  const { bot, commands } = createBot({
    token: config.botToken,
    apiRoot: config.apiRoot,
    services,
    clock,
    logger,
    defaultLanguage: config.defaultLanguage,
  });
  const callApi = (method: string, payload: Record<string, unknown>, signal: AbortSignal) =>
    bot.telegram.callApi(method as "sendMessage", payload as never, { signal: signal as never });
  const limiter = createLimiter(options.limits ?? config.rateLimits ?? TELEGRAM_LIMITS);
  const dispatcher = createDispatcher({
    db: database.db,
    callApi,
    limiter,
    clock,
    logger,
    intervalMs: config.dispatchIntervalMs,
    afterPass: createBroadcastProgress({ broadcasts: createBroadcastService({ db: database.db }), callApi, limiter, clock, logger }),
  });
  const scheduler = createScheduler({
    clock,
    logger,
    jobs: [
      {
        name: "deadline-check",
        cron: config.deadlineCheckCron,
        catchUp: true,
        run: async (now) => {
          const r = await services.reminders.runDeadlineCheck(now);
          dispatcher.wake();
          return r;
        },
      },
      // meetings (R6), written requests (R5) and digests: each notice keyed once in the Reminder table
      {
        name: "meeting-check",
        cron: config.deadlineCheckCron,
        catchUp: true,
        run: async (now) => {
          const r = await services.meetings.runMeetingCheck(now);
          dispatcher.wake();
          return r;
        },
      },
      {
        name: "request-check",
        cron: config.deadlineCheckCron,
        catchUp: true,
        run: async (now) => {
          const r = await services.requests.runRequestCheck(now);
          dispatcher.wake();
          return r;
        },
      },
      {
        name: "daily-digest",
        cron: config.deadlineCheckCron,
        catchUp: true,
        run: async (now) => {
          const r = await services.digests.runDailyDigest(now);
          dispatcher.wake();
          return r;
        },
      },
      {
        name: "weekly-digest",
        cron: config.deadlineCheckCron,
        catchUp: true,
        run: async (now) => {
          const r = await services.digests.runWeeklyDigest(now);
          dispatcher.wake();
          return r;
        },
      },
    ],
  });

  let polling: Promise<void> | null = null;
  return {
    database,
    services,
    dispatcher,
    scheduler,
    bot,
    async start() {
      bot.botInfo ??= await bot.telegram.getMe();
      await publishCommands(bot.telegram, commands, logger);
      await dispatcher.start();
      if (options.cron !== false) await scheduler.start();
      if (options.polling !== false) {
        polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
          logger.fatal({ err: error }, "polling stopped");
          process.exitCode = 1;
        });
      }
      logger.info({ bot: bot.botInfo.username, database: database.target.provider }, "dondoc started");
    },
    async stop(reason = "stop") {
      logger.info({ reason }, "dondoc stopping");
      await scheduler.stop();
      if (polling) {
        await stopPolling(bot, reason);
        await polling;
      }
      await dispatcher.stop();
      await database.close();
    },
  };
}

/** telegraf's launch() starts polling only after two API calls; a stop that comes sooner must wait for it. */
async function stopPolling(bot: { stop(reason?: string): void }, reason: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      bot.stop(reason);
      return;
    } catch (error) {
      if (attempt >= 500) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
