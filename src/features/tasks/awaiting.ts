// /choxacnhan (#19): the completions waiting for the asker's own confirmation — the tasks he assigned that are
// AWAITING_CONFIRMATION, those of an assigner he stands in for today, and for the secretariat every one —, by
// the same rule the buttons apply (confirmation.ts, mayConfirmNow), oldest report first. Each carries the stamp
// of its report, so the list's buttons are the question's own (`cfy:` / `cfn:`), handled there.
import type { Db } from "../../platform/db/client.ts";
import { localDate } from "../../domain/dates.ts";
import type { Actor } from "../registry/registry.ts";
import { mayConfirmNow, reportStamp } from "./confirmation.ts";

/** At most this many lines (and rows of buttons) in one answer: the oldest reports first. */
export const AWAITING_SHOWN = 20;

export interface AwaitingItemView {
  taskId: number;
  title: string;
  unitName: string;
  reportedByName: string;
  reportedAt: Date;
  /** reported on or before the due date the results are judged by */
  onTime: boolean;
  judgedDue: string;
  /** who assigned it, when not the asker (the secretariat sees others' tasks); null otherwise */
  assignerName: string | null;
  /** the report's stamp the buttons carry (a later report makes them stale) */
  stamp: string;
}

export interface AwaitingListView {
  items: AwaitingItemView[];
  /** all waiting for the asker here, of which `items` are the first */
  total: number;
}

export function createAwaitingList({ db }: { db: Db }) {
  /**
   * The completions `actor` may decide, oldest report first. `unitId`: asked in that unit's group — only its
   * tasks (a group does not see another unit's work).
   */
  async function list(input: { actor: Actor; unitId: number | null; now: Date }): Promise<AwaitingListView> {
    const { actor, now } = input;
    const secretariat = actor.roles.some((r) => r.role === "SECRETARIAT");
    const day = localDate(now);
    // besides his own: the tasks of assigners away today, whom he may stand in for (decided per task below)
    const away = secretariat
      ? []
      : (
          await db.absence.findMany({
            where: { cancelledAt: null, fromDate: { lte: day }, toDate: { gte: day } },
            select: { officialId: true },
          })
        ).map((a) => a.officialId);
    const candidates = await db.task.findMany({
      where: {
        status: "AWAITING_CONFIRMATION",
        ...(input.unitId === null ? {} : { unitId: input.unitId }),
        ...(secretariat ? {} : { createdById: { in: [actor.officialId, ...away] } }),
      },
      orderBy: [{ completedAt: "asc" }, { id: "asc" }],
      include: { unit: { select: { name: true } }, completedBy: { select: { fullName: true } } },
    });
    const mine: typeof candidates = [];
    for (const t of candidates) if (await mayConfirmNow(db, actor, t, now)) mine.push(t);
    const shown = mine.slice(0, AWAITING_SHOWN);
    const assigners = await db.official.findMany({
      where: { id: { in: shown.flatMap((t) => (t.createdById === null ? [] : [t.createdById])) } },
      select: { id: true, fullName: true },
    });
    return {
      total: mine.length,
      items: shown.map((t) => {
        const reportedAt = t.completedAt ?? new Date(0);
        const judgedDue = t.originalDueDate ?? t.dueDate;
        return {
          taskId: t.id,
          title: t.title,
          unitName: t.unit.name,
          reportedByName: t.completedBy?.fullName ?? "",
          reportedAt,
          onTime: localDate(reportedAt) <= judgedDue,
          judgedDue,
          assignerName:
            t.createdById === actor.officialId
              ? null
              : (assigners.find((a) => a.id === t.createdById)?.fullName ?? null),
          stamp: reportStamp(reportedAt),
        };
      }),
    };
  }

  return { list };
}

export type AwaitingList = ReturnType<typeof createAwaitingList>;
