// The scheduled jobs, as one table (the composition root starts them, src/app.ts). node-cron only ticks; each
// job asks the database what is due at `now`.
import type { Db } from "./platform/db/client.ts";
import type { Job } from "./platform/scheduler/index.ts";
import { pruneJobLeases } from "./platform/scheduler/coordinator.ts";
import type { Services } from "./services.ts";

const DAY_MS = 86_400_000;

export function appJobs({
  db,
  services,
  shared,
  cron,
  wake,
}: {
  db: Db;
  services: Services;
  /** PostgreSQL shared by several instances: the fire-time claims are pruned too */
  shared: boolean;
  /** when every job but housekeeping ticks (DEADLINE_CHECK_CRON) */
  cron: string;
  /** the dispatcher, for what a job wrote to the outbox */
  wake: () => void;
}): Job[] {
  return oneLineEach(
    cron,
    {
      // Telegram redelivers an update for at most 24 h; old fire-time claims are needed by nobody
      housekeeping: async () => {
        const updates = await db.processedUpdate.deleteMany({
          where: { processedAt: { lt: new Date(Date.now() - 7 * DAY_MS) } },
        });
        const leases = shared ? await pruneJobLeases(db, DAY_MS) : 0;
        return { processedUpdates: updates.count, jobLeases: leases };
      },
      "deadline-check": (now) => services.reminders.runDeadlineCheck(now),
      // the same ladder for disbursement milestones, for the units × programmes behind a milestone's target
      "pace-check": (now) => services.paceLadder.runPaceCheck(now),
      // the weekly disbursement check-in, the list of units that did not answer, the monthly below-average list
      "disbursement-checkin": (now) => services.checkin.runCheckin(now),
      // R4: a reallocation proposal past its due date, once, to the secretariat and the leaders
      "proposal-check": (now) => services.proposals.runProposalCheck(now),
      // recurring tasks: the next occurrence of a series whose latest task is past due (idempotent per due date)
      recurrence: (now) => services.recurrence.runRecurrence(now),
      // meetings (R6), written requests (R5) and digests: each notice keyed once in the Reminder table
      "meeting-check": (now) => services.meetings.runMeetingCheck(now),
      "request-check": (now) => services.requests.runRequestCheck(now),
      "daily-digest": (now) => services.digests.runDailyDigest(now),
      "weekly-digest": (now) => services.digests.runWeeklyDigest(now),
      // the weekly report: the chart (PNG) and the text, both through the outbox
      "weekly-report": (now) => services.weeklyReport.runWeeklyReport(now),
    },
    wake,
  );
}

/**
 * The jobs, one line each. Housekeeping runs at night and never catches up; every other job ticks with the
 * deadline check, catches up what a stop missed (the database decides what is due), and wakes the
 * dispatcher for what it wrote.
 */
function oneLineEach(cron: string, runs: Record<string, (now: Date) => Promise<unknown>>, wake: () => void): Job[] {
  return Object.entries(runs).map(([name, run]) =>
    name === "housekeeping"
      ? { name, cron: "17 3 * * *", catchUp: false, run }
      : {
          name,
          cron,
          catchUp: true,
          run: async (now: Date) => {
            const result = await run(now);
            wake();
            return result;
          },
        },
  );
}
