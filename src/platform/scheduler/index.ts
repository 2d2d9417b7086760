// node-cron only ticks. Each job is a plain function of `now`; what is due, and what was already sent,
// is decided from the database, so a double tick sends nothing twice and a start-up run catches up.
import cron, { type RunCoordinator, type ScheduledTask } from "node-cron";
import type { Logger } from "../logger.ts";
import type { Clock } from "../clock.ts";

export const TIMEZONE = "Asia/Ho_Chi_Minh";

export interface Job {
  name: string;
  cron: string;
  run: (now: Date) => Promise<unknown>;
  /** run once at start-up, to catch up what was missed while the bot was down */
  catchUp: boolean;
}

export interface SchedulerDeps {
  jobs: Job[];
  clock: Clock;
  logger: Logger;
  /** several instances on one PostgreSQL database: each fire time runs on one of them (coordinator.ts) */
  coordinator?: RunCoordinator;
  /** how long a fire time stays claimed by an instance that does not complete it */
  leaseMs?: number;
}

export function createScheduler({ jobs, clock, logger, coordinator, leaseMs = 30_000 }: SchedulerDeps) {
  const tasks: ScheduledTask[] = [];

  /**
   * What node-cron does at a fire time with a coordinator: claim "<job>:<fire time ISO>", run if elected,
   * then onComplete. Used for the start-up catch-up (keyed by the minute) and by tests with explicit keys.
   * Returns whether this instance ran the job.
   */
  async function fire(name: string, slot: Date): Promise<{ ran: boolean; result?: unknown }> {
    const job = jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job named ${name}`);
    if (!coordinator) return { ran: true, result: await runJob(job) };
    const key = `${job.name}:${slot.toISOString()}`;
    let allowed = false;
    try {
      allowed = await coordinator.shouldRun(key, leaseMs);
    } catch (error) {
      logger.error({ err: error, key }, "run coordinator failed: skipping (fail closed)");
    }
    if (!allowed) return { ran: false };
    try {
      return { ran: true, result: await runJob(job) };
    } finally {
      await Promise.resolve(coordinator.onComplete?.(key)).catch((error: unknown) =>
        logger.warn({ err: error, key }, "run coordinator: onComplete failed"),
      );
    }
  }

  async function runJob(job: Job): Promise<unknown> {
    const started = Date.now();
    try {
      const result = await job.run(clock.now());
      logger.info({ job: job.name, ms: Date.now() - started, result }, "job finished");
      return result;
    } catch (error) {
      logger.error({ err: error, job: job.name }, "job failed");
      return undefined;
    }
  }

  return {
    async start() {
      for (const job of jobs) {
        tasks.push(
          cron.schedule(job.cron, () => runJob(job), {
            name: job.name,
            timezone: TIMEZONE,
            noOverlap: true,
            ...(coordinator ? { distributed: true, runCoordinator: coordinator, distributedLease: leaseMs } : {}),
          }),
        );
      }
      // instances started in the same minute catch up once between them
      const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      for (const job of jobs.filter((j) => j.catchUp)) await fire(job.name, minute);
    },
    fire,
    /** Runs one job now, by name (demo, scripts, tests). */
    async runNow(name: string) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      return runJob(job);
    },
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
      tasks.length = 0;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
