// The composition root: config → logger → database → services → bot + scheduler + dispatcher.
// main.ts, the demo and the integration tests all start the product through createApp.
import { Telegram } from "telegraf";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./platform/db/client.ts";
import type { Logger } from "./platform/logger.ts";
import { createServices, type Services } from "./services.ts";
import { catalogue } from "./i18n/index.ts";
import { systemClock, systemTicker, type Clock, type Ticker } from "./platform/clock.ts";
import { createBot } from "./bot.ts";
import { createUpdateReceiver, type UpdateReceiver } from "./platform/telegram/updates.ts";
import { createDispatcher, type Dispatcher } from "./platform/outbox/dispatcher.ts";
import { createLimiter, globalShare, TELEGRAM_LIMITS, type Limiter, type Limits } from "./platform/outbox/limiter.ts";
import { createInteractiveGate } from "./platform/outbox/interactive.ts";
import { createScheduler, type Scheduler } from "./platform/scheduler/index.ts";
import { createBroadcastProgress } from "./features/broadcast/progress.ts";
import { publishCommands } from "./platform/telegram/menu.ts";
import { ensureReferenceData } from "./platform/db/seed/reference.ts";
import { redactSecrets } from "./platform/logger.ts";
import { createPgLease, createPgRunCoordinator } from "./platform/scheduler/coordinator.ts";
import { createPgInstanceHeartbeat } from "./platform/scheduler/instances.ts";
import { createSharedChatWindows } from "./platform/outbox/shared-windows.ts";
import { startHttpServer, type Health, type HttpServer } from "./platform/http/server.ts";
import { createDashboardRoutes } from "./features/dashboard/handlers/http.ts";
import { appJobs } from "./jobs.ts";

export interface App {
  database: Database;
  services: Services;
  dispatcher: Dispatcher;
  /** the process's one sending limiter (tests watch its slots) */
  limiter: Limiter;
  scheduler: Scheduler;
  bot: ReturnType<typeof createBot>["bot"];
  /** how updates come in: polling or webhook, retries, health */
  updates: UpdateReceiver;
  /** the port of the HTTP server (webhook, /healthz), once started; null without one */
  httpPort(): number | null;
  health(): Promise<Health>;
  start(): Promise<void>;
  stop(reason?: string): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  /** the sending limits' time and waits (default: the system's; tests pass a virtual one) */
  ticker?: Ticker;
  limits?: Limits;
  /** false: do not start long polling (tests feed updates with bot.handleUpdate) */
  polling?: boolean;
  /** false: no node-cron ticks (the demo and tests run jobs with scheduler.runNow) */
  cron?: boolean;
  /** pauses before an update that met an unavailable database is tried again in place (tests shorten them) */
  retryDelaysMs?: number[];
  /**
   * The dashboard's development login (/app/dev?as=<telegram id>) for the offline demo. Asked for, it is
   * enabled only when the Bot API answers from loopback and is the local emulator (isDondocEmulator).
   */
  devLogin?: boolean;
}

export const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "my_chat_member",
  "chat_member",
] as const;

export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const ticker = options.ticker ?? systemTicker;
  // the token and the webhook secret never reach a log line, not even inside an error's URL
  redactSecrets(config.botToken, config.webhook?.secret);
  // a SQLite lock held by another process: wait briefly (the driver blocks the process while it waits), then
  // hand the update back to be retried (src/platform/telegram/updates.ts)
  const database = await openDatabase(config.databaseUrl, { sqliteBusyTimeoutMs: 250 });
  // one SQLite file = one instance; PostgreSQL may be shared by several (leases, SKIP LOCKED claims)
  const shared = database.target.provider === "postgres";
  const services = createServices({ db: database.db, config });
  // one limiter for everything this process sends: the outbox and the replies (docs/decisions/006-interactive-rate.md)
  const limits = options.limits ?? config.rateLimits ?? TELEGRAM_LIMITS;
  const limiter = createLimiter(limits);
  // several instances share Telegram's limits: each counts the live ones and takes its part of the bot-wide
  // rate, the leader (it sends the outbox) the largest; per-chat and per-group windows are counted across
  // them in the database (docs/decisions/006-interactive-rate.md)
  const sharedWindows = shared
    ? createSharedChatWindows({
        db: database.db,
        instanceId: config.instanceId,
        limits,
        logger,
        active: (): boolean => (instances?.live() ?? 1) > 1,
      })
    : undefined;
  const instances = shared
    ? createPgInstanceHeartbeat({
        db: database.db,
        holder: config.instanceId,
        logger,
        ttlMs: config.leaseMs,
        onBeat: (): Promise<void> => sharedWindows?.prune() ?? Promise.resolve(),
      })
    : null;
  const gate = createInteractiveGate({ limiter, logger, ticker, ...(sharedWindows ? { sharedWindows } : {}) });
  const { bot, commands } = createBot({
    token: config.botToken,
    apiRoot: config.apiRoot,
    services,
    clock,
    logger,
    defaultLanguage: config.defaultLanguage,
    interactive: gate,
  });
  // the bot's own client (start-up, polling, the menu) waits out a 429 too; the dispatcher paces itself with
  // the limiter and reschedules a row answered 429, so it has a client of its own that does not
  gate.wrap(bot.telegram);
  const direct = new Telegram(config.botToken, { apiRoot: config.apiRoot });
  const receiver = createUpdateReceiver(bot, logger, {
    allowedUpdates: ALLOWED_UPDATES,
    ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
  });
  const callApi = (method: string, payload: Record<string, unknown>, signal: AbortSignal) =>
    direct.callApi(method as "sendMessage", payload as never, { signal: signal as never });
  const dispatcher = createDispatcher({
    db: database.db,
    callApi,
    unreachableNotice: catalogue("vi").delivery.unreachable,
    limiter,
    clock,
    ticker,
    logger,
    intervalMs: config.dispatchIntervalMs,
    afterPass: createBroadcastProgress({
      broadcasts: services.broadcast,
      callApi,
      limiter,
      clock,
      ticker,
      logger,
      messages: catalogue,
    }),
    // PostgreSQL: several instances may share the database (docs/decisions/003-production-and-scale-out.md)
    ...(shared
      ? {
          shared: {
            lease: createPgLease({
              db: database.db,
              holder: config.instanceId,
              logger,
              name: "dispatcher",
              ttlMs: config.leaseMs,
            }),
            instanceId: config.instanceId,
            // a claim expires with the lease (its holder stops sending when its lease may have expired)
            claimTimeoutMs: config.leaseMs,
            ...(sharedWindows ? { windows: sharedWindows } : {}),
          },
        }
      : {}),
  });
  if (instances) limiter.setGlobalShare(() => globalShare(limits, instances.live(), dispatcher.isLeader()));
  const scheduler = createScheduler({
    clock,
    logger,
    ...(shared
      ? {
          coordinator: createPgRunCoordinator({ db: database.db, holder: config.instanceId, logger }),
          leaseMs: config.leaseMs,
        }
      : {}),
    jobs: appJobs({ db: database.db, services, shared, cron: config.deadlineCheckCron, wake: () => dispatcher.wake() }),
  });

  let catchUp: Promise<void> | null = null;
  let http: HttpServer | null = null;

  /** GET /healthz: the database answers a trivial query; the dispatcher runs; updates are coming in */
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
    const updates = receiver.health();
    return {
      ok: databaseOk && d.running && updates.ok,
      instance: config.instanceId,
      updates,
      database: { ok: databaseOk, provider: database.target.provider },
      dispatcher: {
        running: d.running,
        leader: d.leader,
        lastPassAt: d.lastPassAt?.toISOString() ?? null,
        sentTotal: d.sentTotal,
        pending,
      },
      // this instance's part of the bot-wide rate, and how many instances share it
      rate: {
        instances: instances?.live() ?? 1,
        globalPerSecond: globalShare(limits, instances?.live() ?? 1, d.leader),
      },
    };
  }

  /** The development login must never open against a real Bot API server: loopback and the emulator only. */
  async function usesLocalEmulator(): Promise<boolean> {
    const host = new URL(config.apiRoot).hostname;
    if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) return false;
    try {
      return (await bot.telegram.callApi("isDondocEmulator" as "getMe", {} as never)) === (true as never);
    } catch {
      return false;
    }
  }

  return {
    database,
    services,
    dispatcher,
    limiter,
    scheduler,
    bot,
    updates: receiver,
    httpPort: () => http?.port ?? null,
    health,
    async start() {
      // the working calendar and the programmes, on a database that has none yet (editable afterwards)
      await ensureReferenceData(database.db);
      bot.botInfo ??= await bot.telegram.getMe();
      await publishCommands(bot.telegram, commands, logger);
      // the others are counted before this instance sends anything
      await instances?.start();
      await dispatcher.start();
      const webhook = config.mode === "webhook" ? config.webhook : null;
      if (config.port !== null) {
        const devLogin = options.devLogin === true && (await usesLocalEmulator());
        if (devLogin) logger.warn("dashboard development login enabled (local Bot API emulator)");
        http = await startHttpServer({
          port: config.port,
          logger,
          health,
          routes: createDashboardRoutes({
            dashboard: services.dashboard,
            actorByTelegramId: (id, now) => services.registry.actorByTelegramId(id, now),
            botToken: config.botToken,
            maxAgeSeconds: config.dashboard.maxAgeSeconds,
            now: () => clock.now(),
            devLogin,
          }),
          webhook: webhook && {
            path: webhook.path,
            secret: webhook.secret,
            handleUpdate: (update) => receiver.handle(update as never),
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
        await receiver.startPolling();
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
      await receiver.stopPolling();
      await dispatcher.stop();
      // the others get this instance's part back at their next heartbeat
      await instances?.stop();
      await database.close();
    },
  };
}
