// node-cron only ticks. Each job is a plain function of `now`; what is due, and what was already sent,
// is decided from the database, so a double tick sends nothing twice and a start-up run catches up.
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../logger.ts";
import type { Clock } from "../services/clock.ts";

export const TIMEZONE = "Asia/Ho_Chi_Minh";

export interface Job {
  name: string;
  cron: string;
  run: (now: Date) => Promise<unknown>;
  /** run once at start-up, to catch up what was missed while the bot was down */
  catchUp: boolean;
}

export function createScheduler({ jobs, clock, logger }: { jobs: Job[]; clock: Clock; logger: Logger }) {
  const tasks: ScheduledTask[] = [];

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
        tasks.push(cron.schedule(job.cron, () => runJob(job), { name: job.name, timezone: TIMEZONE, noOverlap: true }));
      }
      for (const job of jobs.filter((j) => j.catchUp)) await runJob(job);
    },
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
