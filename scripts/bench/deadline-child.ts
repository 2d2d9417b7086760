// Child process of the deadline-scan benchmark: one runDeadlineCheck at 08:00 on a working day, alone in
// its process so its peak RSS is its own. Prints one JSON line.
//   node --import tsx scripts/bench/deadline-child.ts <DATABASE_URL>
import { performance } from "node:perf_hooks";
import { createConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/platform/db/client.ts";
import { createServices } from "../../src/services.ts";
import { createWorkCalendar } from "../../src/domain/calendar.ts";
import { VIETNAM_CALENDAR_2023_2027 } from "../../src/domain/holidays.ts";
import { at, BENCH_DAY } from "./dataset.ts";

const url = process.argv[2];
if (!url) throw new Error("usage: deadline-child.ts <DATABASE_URL>");
const config = createConfig({ BOT_TOKEN: "1:bench", DATABASE_URL: url, LOG_LEVEL: "silent" });
const database = await openDatabase(url);
// BENCH_QUERY_TIMING=1: time every Prisma operation by model.operation (printed to stderr)
const timing = new Map<string, { n: number; ms: number }>();
const db =
  process.env.BENCH_QUERY_TIMING === "1"
    ? (database.db.$extends({
        query: {
          $allModels: {
            async $allOperations({ model, operation, args, query }) {
              const t = performance.now();
              try {
                return await query(args);
              } finally {
                const k = `${model}.${operation}`;
                const e = timing.get(k) ?? { n: 0, ms: 0 };
                e.n++;
                e.ms += performance.now() - t;
                timing.set(k, e);
              }
            },
          },
        },
      }) as unknown as typeof database.db)
    : database.db;
// as the app builds them (src/app.ts)
const services = createServices({ db, config });
await database.db.unit.count(); // connect
const baselineRss = process.memoryUsage().rss;
const baselineMaxRss = process.resourceUsage().maxRSS * 1024;
const timed = async (now: Date) => {
  const t = performance.now();
  const result = await services.reminders.runDeadlineCheck(now);
  return { ms: performance.now() - t, result };
};
// 1. yesterday's 08:00 check again: everything it would write is already there (a no-op scan, cold process)
const yesterday = createWorkCalendar(VIETNAM_CALENDAR_2023_2027).addWorkingDays(BENCH_DAY, -1);
const noopCold = await timed(at(8, 0, yesterday));
// 2. today's 08:00 check: the day's work
const { ms, result } = await timed(at(8, 0));
// 3. the 08:15 tick: nothing new (the steady cost of every tick)
const noopWarm = await timed(at(8, 15));
for (const [k, v] of [...timing].sort((a, b) => b[1].ms - a[1].ms))
  process.stderr.write(`${k.padEnd(32)} ${String(v.n).padStart(5)} × ${v.ms.toFixed(0).padStart(6)} ms\n`);
const outbox = await database.db.outboxMessage.count();
await database.close();
process.stdout.write(
  JSON.stringify({
    ms,
    result,
    noopColdMs: noopCold.ms,
    noopColdResult: noopCold.result,
    noopWarmMs: noopWarm.ms,
    noopWarmResult: noopWarm.result,
    outbox,
    baselineRssMb: baselineRss / 2 ** 20,
    baselineMaxRssMb: baselineMaxRss / 2 ** 20,
    maxRssMb: (process.resourceUsage().maxRSS * 1024) / 2 ** 20,
  }) + "\n",
);
