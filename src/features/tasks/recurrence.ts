// The "recurrence" job: a recurring task's next occurrence is also made on schedule, not only when the
// task is completed. For every series whose latest task is still open after its due date, the next task
// is created and announced (createNextInSeries: one per series × due date, so runs are idempotent), again
// until the series reaches a due date from today on. A series whose latest task was cancelled has stopped.
import type { Db } from "../../platform/db/client.ts";
import { localDate } from "../../domain/dates.ts";
import { IMPORT_ASSIGNER } from "./task-import.ts";
import { createNextInSeries, type TaskMessages } from "./notices.ts";

/** At most this many occurrences are caught up per series and run (a long outage, a bad rule). */
const MAX_PER_RUN = 24;

/** `messages` renders the announcements of the tasks made (the composition root passes `catalogue`). */
export function createRecurrenceService({ db, messages }: { db: Db; messages: TaskMessages }) {
  async function runRecurrence(now: Date): Promise<{ series: number; created: number }> {
    const today = localDate(now);
    const stale = await db.task.findMany({
      where: { recurrence: { not: "" }, status: "OPEN", dueDate: { lt: today } },
      select: { id: true, seriesId: true },
    });
    const seriesIds = [...new Set(stale.map((t) => t.seriesId ?? t.id))].sort((a, b) => a - b);
    let created = 0;
    for (const seriesId of seriesIds) {
      for (let i = 0; i < MAX_PER_RUN; i++) {
        const latest = await db.task.findFirst({
          where: { OR: [{ seriesId }, { id: seriesId, seriesId: null }] },
          orderBy: [{ dueDate: "desc" }, { id: "desc" }],
        });
        if (!latest || latest.status !== "OPEN" || !latest.recurrence || latest.dueDate >= today) break;
        const creator = latest.createdById
          ? await db.official.findUnique({ where: { id: latest.createdById }, select: { fullName: true } })
          : null;
        const next = await db.$transaction((tx) =>
          createNextInSeries(
            tx,
            latest,
            { officialId: null, fullName: creator?.fullName ?? IMPORT_ASSIGNER },
            now,
            messages,
          ),
        );
        if (next === null) break;
        created++;
      }
    }
    return { series: seriesIds.length, created };
  }

  return { runRecurrence };
}

export type RecurrenceService = ReturnType<typeof createRecurrenceService>;
