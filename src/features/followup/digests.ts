// Digests. Daily (key digest:daily:<day>): the first office-time tick of each working day sends the
// secretariat chats the tasks that became overdue since the previous digest, the tasks done since the
// previous working day, and the 5 slowest units (one provinceStatus computation). Weekly (key
// digest:weekly:<official>:<Monday>): the first office-time tick of each week — Monday's, or the next
// working day's when Monday is a holiday — sends each supervisor, in private, a digest of his units.
import { yieldToIo, type Db } from "../../platform/db/client.ts";
import { isOfficeTime, type OfficeHours, type WorkCalendar } from "../../domain/calendar.ts";
import { addDays, localDate, localInstant, monthKey, weekday } from "../../domain/dates.ts";
import { overdueWorkingDays } from "../../domain/ladder.ts";
import type { Messages } from "../../i18n/index.ts";
import type { DailyDigestView, WeeklyDigestView } from "./messages.ts";
import { claimKeys, reachableRoleHolders, secretariatChats } from "./audience.ts";
import { previousMonth } from "./meetings.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import { withBehalf, type OnBehalf } from "../absence/stand-ins.ts";
import { requestViews } from "./requests.ts";
import type { StatusService } from "../disbursement/status.ts";

export interface DigestDeps {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  officeHours: OfficeHours;
  status: StatusService;
  /** renders the messages written to the outbox (the composition root passes `catalogue`) */
  messages: Messages<"followup" | "absence">;
}

const DAILY = "digest:daily:";
const WORST = 5;

export function createDigestService(deps: DigestDeps) {
  const { db } = deps;

  async function runDailyDigest(now: Date): Promise<{ skipped?: string; messages: number }> {
    const cal = await deps.calendar();
    if (!isOfficeTime(now, cal, deps.officeHours)) return { skipped: "outside-office-hours", messages: 0 };
    const today = localDate(now);
    const key = `${DAILY}${today}`;
    if (await db.reminder.findUnique({ where: { key } })) return { skipped: "already-sent", messages: 0 };
    const last = await db.reminder.findFirst({
      where: { rung: "digest.daily", key: { lt: key } },
      orderBy: { key: "desc" },
      select: { key: true },
    });
    const previousWorkingDay = cal.addWorkingDays(today, -1);
    const since = last ? last.key.slice(DAILY.length) : previousWorkingDay;
    const newlyOverdue = await db.task.findMany({
      where: { status: "OPEN", dueDate: { gte: since, lt: today } },
      include: { unit: true, responsible: true },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    await yieldToIo();
    const window = { gte: localInstant(previousWorkingDay, 0), lt: localInstant(today, 0) };
    const done = await db.task.findMany({
      // a task that waited for its assigner (#19) is done when it was confirmed, not when it was reported
      where: {
        status: "DONE",
        OR: [{ confirmedAt: window }, { confirmedAt: null, completedAt: window }],
      },
      include: { unit: true, responsible: true, completedBy: true },
    });
    // in the order they became done (confirmed, else reported)
    const doneAt = (t: (typeof done)[number]) => (t.confirmedAt ?? t.completedAt)?.getTime() ?? 0;
    done.sort((a, b) => doneAt(a) - doneAt(b) || a.id - b.id);
    await yieldToIo();
    const province = await deps.status.provinceStatus(now);
    const line = (t: (typeof newlyOverdue)[number]) => ({
      id: t.id,
      title: t.title,
      unitName: t.unit.name,
      dueDate: t.dueDate,
      responsibleName: t.responsible.fullName,
    });
    const full: DailyDigestView = {
      today,
      newlyOverdue: newlyOverdue.map(line),
      doneSince: previousWorkingDay,
      done: done.map((t) => ({ ...line(t), byName: t.completedBy?.fullName ?? "" })),
      overdueCount: newlyOverdue.length,
      doneCount: done.length,
      worst: province.units.slice(0, WORST),
    };
    const text = oneMessage(full, (v) => deps.messages("vi").followup.digest.daily(v));
    return db.$transaction(async (tx) => {
      const claimed = await claimKeys(tx, [key], "digest.daily", now);
      if (!claimed.has(key)) return { skipped: "already-sent", messages: 0 };
      const out: OutgoingMessage[] = (await secretariatChats(tx)).map((s) => ({
        kind: "digest.daily",
        reminderId: claimed.get(key),
        chatId: s.telegramChatId,
        text,
      }));
      await enqueue(tx, out, now);
      return { messages: out.length };
    });
  }

  async function runWeeklyDigest(now: Date): Promise<{ skipped?: string; messages: number }> {
    const cal = await deps.calendar();
    if (!isOfficeTime(now, cal, deps.officeHours)) return { skipped: "outside-office-hours", messages: 0 };
    const today = localDate(now);
    const monday = addDays(today, -((weekday(today) + 6) % 7));
    const lastMonth = previousMonth(monthKey(today));
    const supervisors = await db.$transaction((tx) => reachableRoleHolders(tx, ["SUPERVISOR"], undefined, now));
    // a supervisor away: his digest goes to his stand-in, saying on whose behalf (#19)
    const byOfficial = new Map<
      number,
      { chatId: bigint; language: string; unitIds: number[] | "all"; onBehalf: OnBehalf | null }
    >();
    for (const s of supervisors) {
      const e = byOfficial.get(s.officialId) ?? {
        chatId: s.chatId,
        language: s.language,
        unitIds: [] as number[] | "all",
        onBehalf: s.onBehalf,
      };
      if (s.unitId === null) e.unitIds = "all";
      else if (e.unitIds !== "all" && !e.unitIds.includes(s.unitId)) e.unitIds.push(s.unitId);
      byOfficial.set(s.officialId, e);
    }
    const keyOf = (officialId: number) => `digest:weekly:${officialId}:${monday}`;
    const taken = new Set(
      (
        await db.reminder.findMany({ where: { key: { in: [...byOfficial.keys()].map(keyOf) } }, select: { key: true } })
      ).map((r) => r.key),
    );
    const due = [...byOfficial].filter(([id]) => !taken.has(keyOf(id)));
    if (due.length === 0) return { messages: 0 };
    const allUnits = await db.unit.findMany({
      where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } },
      select: { id: true, name: true },
    });

    const digests: { key: string; chatId: bigint; text: string }[] = [];
    for (const [officialId, s] of due) {
      const unitIds = s.unitIds === "all" ? allUnits.map((u) => u.id) : s.unitIds;
      const status = await deps.status.provinceStatus(now, { unitIds });
      const overdue = await db.task.findMany({
        where: { status: "OPEN", unitId: { in: unitIds }, dueDate: { lt: today } },
        include: { unit: true, responsible: true },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      });
      const requests = await db.writtenRequest.findMany({
        where: { status: "OPEN", unitId: { in: unitIds } },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      });
      const openRequests = await requestViews(db, requests);
      const held = new Set(
        (
          await db.meeting.findMany({ where: { month: lastMonth, unitId: { in: unitIds } }, select: { unitId: true } })
        ).map((m) => m.unitId),
      );
      const view: WeeklyDigestView = {
        weekOf: monday,
        today,
        units: status.units,
        overdue: overdue.map((t) => ({
          id: t.id,
          title: t.title,
          unitName: t.unit.name,
          dueDate: t.dueDate,
          responsibleName: t.responsible.fullName,
          overdueDays: overdueWorkingDays(t.dueDate, today, cal),
        })),
        openRequests,
        missedMeetings: allUnits
          .filter((u) => unitIds.includes(u.id) && !held.has(u.id))
          .map((u) => u.name)
          .sort((a, b) => a.localeCompare(b, "vi")),
        lastMonth,
      };
      const t = deps.messages(s.language);
      digests.push({
        key: keyOf(officialId),
        chatId: s.chatId,
        text: withBehalf(t, s.onBehalf, t.followup.digest.weekly(view)),
      });
    }
    return db.$transaction(async (tx) => {
      const claimed = await claimKeys(
        tx,
        digests.map((d) => d.key),
        "digest.weekly",
        now,
      );
      const out: OutgoingMessage[] = digests
        .filter((d) => claimed.has(d.key))
        .map((d) => ({ kind: "digest.weekly", reminderId: claimed.get(d.key), chatId: d.chatId, text: d.text }));
      await enqueue(tx, out, now);
      return { messages: out.length };
    });
  }

  return { runDailyDigest, runWeeklyDigest };
}

/** characters of one Telegram message (4,096), with room for the entities' markup */
const MAX_TEXT = 4000;

/**
 * The daily digest as one message (ADR 009: one message per chat per check): the longer of its two lists is
 * shortened until the text fits, the rest counted in «… và N việc khác» with where to see them. At national
 * scale the full digest was 55,000 characters, split into 14 messages to the secretariat's group.
 */
export function oneMessage(full: DailyDigestView, render: (v: DailyDigestView) => string): string {
  let v = full;
  let text = render(v);
  while (text.length > MAX_TEXT && v.newlyOverdue.length + v.done.length > 0) {
    // cut a tenth of the longer list (at least one line) at a time: a few renders even for thousands of lines
    const cut = (n: number) => n - Math.max(1, Math.ceil(n / 10));
    v =
      v.newlyOverdue.length >= v.done.length
        ? { ...v, newlyOverdue: v.newlyOverdue.slice(0, cut(v.newlyOverdue.length)) }
        : { ...v, done: v.done.slice(0, cut(v.done.length)) };
    text = render(v);
  }
  return text;
}

export type DigestService = ReturnType<typeof createDigestService>;
