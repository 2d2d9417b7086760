// The composition root: config → logger → database → services → bot + scheduler + dispatcher.
// main.ts, the demo and the integration tests all start the product through createApp.
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/client.ts";
import type { Logger } from "./logger.ts";
import { createLookupCache } from "./services/lookup-cache.ts";
import { createServices, type Services } from "./services/index.ts";
import { systemClock, type Clock } from "./services/clock.ts";
import { createBot } from "./bot/index.ts";
import { createDispatcher, type Dispatcher } from "./delivery/dispatcher.ts";
import { createLimiter, TELEGRAM_LIMITS, type Limits } from "./delivery/limiter.ts";
import { createInteractiveGate } from "./delivery/interactive.ts";
import { createScheduler, type Scheduler } from "./scheduler/index.ts";
import { createBroadcastProgress } from "./delivery/broadcast-progress.ts";
import { createBroadcastService } from "./services/broadcast.ts";
import { createRecurrenceService } from "./services/recurrence.ts";
import { createPaceLadderService } from "./services/pace-ladder.ts";
import { publishCommands } from "./bot/menu.ts";
import { ensureCalendar } from "./seed/calendar.ts";
import { redactSecrets } from "./logger.ts";
import { createPgLease, createPgRunCoordinator, pruneJobLeases } from "./scheduler/coordinator.ts";
import { startHttpServer, type Health, type HttpServer } from "./http/server.ts";

const DAY_MS = 86_400_000;

export interface App {
  database: Database;
  services: Services;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  bot: ReturnType<typeof createBot>["bot"];
  /** the port of the HTTP server (webhook, /healthz), once started; null without one */
  httpPort(): number | null;
  health(): Promise<Health>;
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
  // the token and the webhook secret never reach a log line, not even inside an error's URL
  redactSecrets(config.botToken, config.webhook?.secret);
  // long polling: one poller at a time, update ids increasing; the look-up may then answer from memory
  // on PostgreSQL, where each statement is a round trip (src/services/update-lookup.ts, ADR 005)
  const polls = config.mode !== "webhook" && options.polling !== false;
  const database = await openDatabase(config.databaseUrl, { watchChanges: polls, logger });
  // one SQLite file = one instance; PostgreSQL may be shared by several (leases, SKIP LOCKED claims)
  const shared = database.target.provider === "postgres";
  const lookupCache = database.changes ? createLookupCache(database.changes) : undefined;
  const services = createServices({ db: database.db, reader: database.reader, writer: database.writer, ...(lookupCache ? { lookupCache } : {}), config });
  // one limiter for everything this process sends: the outbox and the replies (docs/decisions/006-interactive-rate.md)
  const limiter = createLimiter(options.limits ?? config.rateLimits ?? TELEGRAM_LIMITS);
  const { bot, commands } = createBot({
    token: config.botToken,
    apiRoot: config.apiRoot,
    services,
    clock,
    logger,
    defaultLanguage: config.defaultLanguage,
    interactive: createInteractiveGate({ limiter, logger }),
  });
  const callApi = (method: string, payload: Record<string, unknown>, signal: AbortSignal) =>
    bot.telegram.callApi(method as "sendMessage", payload as never, { signal: signal as never });
  const dispatcher = createDispatcher({
    db: database.db,
    callApi,
    limiter,
    clock,
    logger,
    intervalMs: config.dispatchIntervalMs,
    afterPass: createBroadcastProgress({ broadcasts: createBroadcastService({ db: database.db }), callApi, limiter, clock, logger }),
    // PostgreSQL: several instances may share the database (docs/decisions/003-scale-out.md)
    ...(shared
      ? {
          shared: {
            lease: createPgLease({ db: database.db, holder: config.instanceId, logger, name: "dispatcher", ttlMs: config.leaseMs }),
            instanceId: config.instanceId,
            // a claim expires with the lease (its holder stops sending when its lease may have expired)
            claimTimeoutMs: config.leaseMs,
          },
        }
      : {}),
  });
  const scheduler = createScheduler({
    clock,
    logger,
    ...(shared ? { coordinator: createPgRunCoordinator({ db: database.db, holder: config.instanceId, logger }), leaseMs: config.leaseMs } : {}),
    jobs: [
      // Telegram redelivers an update for at most 24 h; old fire-time claims are needed by nobody
      {
        name: "housekeeping",
        cron: "17 3 * * *",
        catchUp: false,
        run: async () => {
          const updates = await database.db.processedUpdate.deleteMany({ where: { processedAt: { lt: new Date(Date.now() - 7 * DAY_MS) } } });
          const leases = shared ? await pruneJobLeases(database.db, DAY_MS) : 0;
          return { processedUpdates: updates.count, jobLeases: leases };
        },
      },
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
      // the same ladder for disbursement milestones, for the units × programmes behind a milestone's target
      {
        name: "pace-check",
        cron: config.deadlineCheckCron,
        catchUp: true,
        run: async (now) => {
          const r = await createPaceLadderService({
            db: database.db,
            calendar: services.calendar,
            ladder: config.ladder,
            officeHours: config.officeHours,
            status: services.status,
          }).runPaceCheck(now);
          dispatcher.wake();
          return r;
        },
      },
      // recurring tasks: the next occurrence of a series whose latest task is past due (idempotent per due date)
      {
        name: "recurrence",
        cron: config.deadlineCheckCron,
        catchUp: true,
        run: async (now) => {
          const r = await createRecurrenceService({ db: database.db }).runRecurrence(now);
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
      // the weekly report: the chart (PNG) and the text, both through the outbox
      {
        name: "weekly-report",
        cron: config.deadlineCheckCron,
        catchUp: true,
        run: async (now) => {
          const r = await services.weeklyReport.runWeeklyReport(now);
          dispatcher.wake();
          return r;
        },
      },
    ],
  });

  let polling: Promise<void> | null = null;
  let catchUp: Promise<void> | null = null;
  let http: HttpServer | null = null;

  /** GET /healthz: the database answers a trivial query; the dispatcher runs */
  async function health(): Promise<Health> {
    let databaseOk = false;
    try {
      await database.db.$queryRawUnsafe("SELECT 1");
      databaseOk = true;
    } catch (error) {
      logger.warn({ err: error }, "health: database unreachable");
    }
    const d = dispatcher.health();
    const pending = databaseOk ? await dispatcher.pendingCount().catch(() => null) : null;
    return {
      ok: databaseOk && d.running,
      instance: config.instanceId,
      database: { ok: databaseOk, provider: database.target.provider },
      dispatcher: { running: d.running, leader: d.leader, lastPassAt: d.lastPassAt?.toISOString() ?? null, sentTotal: d.sentTotal, pending },
    };
  }

  return {
    database,
    services,
    dispatcher,
    scheduler,
    bot,
    httpPort: () => http?.port ?? null,
    health,
    async start() {
      // the shipped working calendar, on a database that has none yet (editable afterwards)
      await ensureCalendar(database.db);
      bot.botInfo ??= await bot.telegram.getMe();
      await publishCommands(bot.telegram, commands, logger);
      await dispatcher.start();
      const webhook = config.mode === "webhook" ? config.webhook : null;
      if (config.port !== null) {
        http = await startHttpServer({
          port: config.port,
          logger,
          health,
          webhook: webhook && {
            path: webhook.path,
            secret: webhook.secret,
            handleUpdate: (update) => bot.handleUpdate(update as never),
          },
        });
      }
      if (webhook) {
        // every instance sets the same webhook: idempotent; updates queued meanwhile are kept
        await bot.telegram.setWebhook(webhook.url + webhook.path, {
          secret_token: webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
          drop_pending_updates: false,
        });
      } else if (options.polling !== false) {
        polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
          logger.fatal({ err: error }, "polling stopped");
          process.exitCode = 1;
        });
      }
      // the cron ticks and the start-up catch-up (a deadline check may take seconds on a national
      // database) run in the background: updates are answered from the start (docs/benchmarks.md)
      if (options.cron !== false) {
        const started = Date.now();
        catchUp = scheduler.start().then(
          () => logger.info({ ms: Date.now() - started }, "start-up catch-up finished"),
          (error: unknown) => logger.error({ err: error }, "start-up catch-up failed"),
        );
      }
      logger.info({ bot: bot.botInfo.username, database: database.target.provider }, "dondoc started");
    },
    async stop(reason = "stop") {
      logger.info({ reason }, "dondoc stopping");
      await http?.close();
      http = null;
      await scheduler.stop();
      // a catch-up still running finishes before the database closes
      await catchUp;
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
