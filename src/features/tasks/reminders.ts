// The deadline check: for every open task, which rung of the reminder ladder is due today, and who must
// hear it. Each rung has a deterministic key (task, rung); a rung is written to the outbox once, in the
// transaction that records it, so double ticks and restarts send nothing twice and catch up what was missed.
// After downtime a task may first be seen several rungs up: the rungs below that never fired are sent
// with the current one, once — each recipient of any of them gets one message — and their keys recorded.
// One message per chat per check (ADR 009): every (chat, task) the check has to say is folded into that
// chat's one digest (digest.ts), escalations first in it and in the outbox.
import { joinSql, sql, type Db, type Sql, type Tx } from "../../platform/db/client.ts";
import { addDays, localDate } from "../../domain/dates.ts";
import { isOfficeTime, type WorkCalendar } from "../../domain/calendar.ts";
import { currentRung, overdueWorkingDays, rungsReached, type LadderConfig, type Rung } from "../../domain/ladder.ts";
import { escapeHtml } from "../../domain/text.ts";
import type { Messages } from "../../i18n/index.ts";
import type { ReminderView } from "../../i18n/types.ts";
import { reachablePrivateChat, unreachablePrivateChats } from "../followup/audience.ts";
import { reminderButtons, resumeSnoozed } from "./notices.ts";
import type { Role } from "../../platform/db/client.ts";
import { truthy } from "../registry/registry.ts";
import { standInsOn, withBehalf, type StandIns } from "../absence/stand-ins.ts";
import { foldByChat, worstFirst, writeTaskDigests, type Delivery, type TaskItem } from "./digest.ts";

export interface ReminderDeps {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  ladder: LadderConfig;
  officeHours: { startMin: number; endMin: number };
  /** renders the reminders written to the outbox (the composition root passes `catalogue`) */
  messages: Messages<"reminder" | "tasks" | "absence" | "digest">;
}

const BATCH = 500;
/** keys looked up per query when leaving out rungs already written */
const LOOKUP = 2000;

export const doneButton = (taskId: number, label: string) => ({
  inline_keyboard: [[{ text: label, callback_data: `done:${taskId}` }]],
});

export function mention(telegramUserId: bigint | null, name: string): string {
  const safe = escapeHtml(name);
  return telegramUserId ? `<a href="tg://user?id=${telegramUserId}">${safe}</a>` : safe;
}

/** Roles told at each rung, beyond the responsible official and the unit's groups. */
const ESCALATION: Record<Rung, Role[]> = {
  before: [],
  due: [],
  overdue1: ["CHAIRMAN"],
  overdue3: ["PARTY_SECRETARY", "SUPERVISOR"],
};

export function createReminderService(deps: ReminderDeps) {
  const { db } = deps;
  // national-scale reads of a few columns (26,000 open tasks, what a batch's messages need) are raw SQL:
  // Prisma's query compiler cost most of the check's time for them (docs/benchmarks.md)
  const query = <T>(statement: Sql) => db.$queryRaw<T[]>(statement);

  async function runDeadlineCheck(now: Date): Promise<{ skipped?: string; rungs: number; messages: number }> {
    const cal = await deps.calendar();
    if (!isOfficeTime(now, cal, deps.officeHours)) return { skipped: "outside-office-hours", rungs: 0, messages: 0 };
    const today = localDate(now);
    // a generous calendar-day horizon; the ladder decides exactly
    const horizon = addDays(today, deps.ladder.daysBefore * 3 + 14);
    // three columns of ~26,000 rows at national scale: raw SQL (docs/benchmarks.md)
    const tasks = (
      await query<{ id: number | bigint; dueDate: string; snoozedUntil: Date | string | null }>(sql`
        SELECT "id", "dueDate", "snoozedUntil" FROM "Task" WHERE "status" = 'OPEN' AND "dueDate" <= ${horizon} ORDER BY "id" ASC`)
    ).map((t) => ({
      id: Number(t.id),
      dueDate: t.dueDate,
      snoozedUntil: t.snoozedUntil === null ? null : new Date(t.snoozedUntil),
    }));
    const due: DueRung[] = [];
    // thousands of open tasks share a few hundred due dates: the ladder is worked out once per date
    const rungOn = new Map<string, Rung | null>();
    const belowOn = new Map<string, Rung[]>();
    for (const t of tasks) {
      let rung = rungOn.get(t.dueDate);
      if (rung === undefined) rungOn.set(t.dueDate, (rung = currentRung(t.dueDate, today, cal, deps.ladder)));
      if (!rung) continue;
      if (t.snoozedUntil && t.snoozedUntil > now && (rung === "before" || rung === "due")) continue;
      let below = belowOn.get(t.dueDate);
      if (below === undefined)
        belowOn.set(t.dueDate, (below = rungsReached(t.dueDate, today, cal, deps.ladder).filter((r) => r !== rung)));
      due.push({ taskId: t.id, rung, key: `task:${t.id}:${rung}`, below, missed: [] });
    }
    await resumeSnoozed(db, due, tasks, now);
    // Most rungs were written by an earlier tick: leave them out before batching, so each transaction
    // carries only fresh work (writeBatch still checks inside its transaction). Raw look-ups of 2,000 keys
    // on the key's unique index: the cost follows the rungs due, not the size of the Reminder table (a
    // join on Reminder.taskId, which has no index, made SQLite scan it once per open task). docs/benchmarks.md
    const fresh: typeof due = [];
    for (let i = 0; i < due.length; i += LOOKUP) {
      const chunk = due.slice(i, i + LOOKUP);
      const existing = await query<{ key: string }>(sql`
        SELECT "key" FROM "Reminder" WHERE "key" IN (${joinSql(chunk.map((d) => d.key))})`);
      const seen = new Set(existing.map((e) => e.key));
      for (const d of chunk) if (!seen.has(d.key)) fresh.push(d);
    }
    await findMissed(fresh);
    // who is told beyond the unit: read once per check, not once per batch (a scan of Chat each time)
    const everywhere = fresh.length > 0 ? await audienceOfCheck() : { secretariat: [], unreachable: new Set<bigint>() };
    // read in batches before the transaction; written in one, so that each chat gets one message per check
    const read: BatchContext = { taskById: new Map(), groups: new Map(), roles: new Map() };
    for (let i = 0; i < fresh.length; i += BATCH) {
      const c = await readContext(fresh.slice(i, i + BATCH), now);
      for (const [k, v] of c.taskById) read.taskById.set(k, v);
      for (const [k, v] of c.groups) read.groups.set(k, v);
      for (const [k, v] of c.roles) read.roles.set(k, v);
    }
    // who stands in for those away today (#19): asked at each private recipient
    const unitIds = new Set([...read.taskById.values()].map((t) => t.unitId));
    const context: Context = { ...read, standIns: await standInsOn(db, now, unitIds) };
    const { rungs, messages } =
      fresh.length === 0
        ? { rungs: 0, messages: 0 }
        : await db.$transaction((tx) => writeAll(tx, fresh, context, now, today, cal, everywhere));
    return { rungs, messages };
  }

  /**
   * The rungs below each fresh one that were never written (downtime, a task entered late): they go out
   * with it. Only fresh rungs are looked at, so a rung already sent never brings older ones back, and a
   * steady tick (nothing fresh) reads nothing more.
   */
  async function findMissed(fresh: DueRung[]): Promise<void> {
    const wanted = fresh.flatMap((d) => d.below.map((rung) => ({ d, rung, key: `task:${d.taskId}:${rung}` })));
    for (let i = 0; i < wanted.length; i += LOOKUP) {
      const chunk = wanted.slice(i, i + LOOKUP);
      const existing = await db.$queryRaw<{ key: string }[]>`
        SELECT "key" FROM "Reminder" WHERE "key" IN (${joinSql(chunk.map((w) => w.key))})`;
      const seen = new Set(existing.map((e) => e.key));
      for (const w of chunk) if (!seen.has(w.key)) w.d.missed.push(w.rung);
    }
  }

  /** The secretariat's groups and the private chats the bot cannot reach (blocked, left). */
  async function audienceOfCheck(): Promise<{ secretariat: bigint[]; unreachable: Set<bigint> }> {
    const secretariat = await db.$queryRaw<{ telegramChatId: bigint | number }[]>`
      SELECT "telegramChatId" FROM "Chat" WHERE "isSecretariat" = ${true} AND "status" = 'ACTIVE' ORDER BY "id" ASC`;
    return {
      secretariat: secretariat.map((c) => BigInt(c.telegramChatId)),
      unreachable: await unreachablePrivateChats(db),
    };
  }

  /**
   * What a batch's messages need — the tasks with their unit, programme and responsible official, the
   * units' groups, their escalation roles and holders — read before its transaction, in raw SQL:
   * the transaction writes none of these rows, and through Prisma these four reads of
   * 500 keys cost ≈ 80 ms of each batch's 330 (docs/benchmarks.md, the fifth pass).
   */
  async function readContext(batch: { taskId: number }[], now: Date) {
    const taskRows = await query<{
      id: number | bigint;
      title: string;
      unitId: number | bigint;
      dueDate: string;
      docRef: string;
      unitName: string;
      programmeCode: string | null;
      programmeId: number | bigint | null;
      responsibleId: number | bigint;
    }>(sql`
      SELECT t."id", t."title", t."unitId", t."dueDate", t."docRef", u."name" AS "unitName", p."code" AS "programmeCode", t."programmeId", t."responsibleId"
      FROM "Task" t
      JOIN "Unit" u ON u."id" = t."unitId"
      LEFT JOIN "Programme" p ON p."id" = t."programmeId"
      WHERE t."id" IN (${joinSql([...new Set(batch.map((b) => b.taskId))])})`);
    const unitIds = [...new Set(taskRows.map((t) => Number(t.unitId)))];
    const groups = byUnit<GroupRow>(
      unitIds.length === 0
        ? []
        : (
            await query<{ unitId: number | bigint; telegramChatId: bigint | number | string }>(sql`
              SELECT "unitId", "telegramChatId" FROM "Chat"
              WHERE "unitId" IN (${joinSql(unitIds)}) AND "status" = 'ACTIVE' AND "kind" IN ('GROUP', 'SUPERGROUP') ORDER BY "id" ASC`)
          ).map((c) => ({ unitId: Number(c.unitId), telegramChatId: BigInt(c.telegramChatId) })),
    );
    const roleRows =
      unitIds.length === 0
        ? []
        : await query<{ unitId: number | bigint; role: Role; officialId: number | bigint }>(sql`
            SELECT "unitId", CAST("role" AS TEXT) AS "role", "officialId" FROM "RoleAssignment"
            WHERE "unitId" IN (${joinSql(unitIds)}) AND "role" IN ('CHAIRMAN', 'PARTY_SECRETARY', 'SUPERVISOR')
              AND "validFrom" <= ${now} AND ("validTo" IS NULL OR "validTo" > ${now})
            ORDER BY "id" ASC`);
    // the responsible officials and the role holders in one read by key: joined to the tasks (or the
    // roles), PostgreSQL hashed all 50,000 officials for each batch (35 ms; docs/benchmarks.md)
    const officialIds = [
      ...new Set([...taskRows.map((t) => Number(t.responsibleId)), ...roleRows.map((r) => Number(r.officialId))]),
    ];
    const officials = new Map(
      (officialIds.length === 0
        ? []
        : await query<{
            id: number | bigint;
            fullName: string;
            telegramUserId: bigint | number | string | null;
            privateChatAt: Date | string | null;
            active: unknown;
            language: string;
          }>(sql`
            SELECT "id", "fullName", "telegramUserId", "privateChatAt", "active", "language" FROM "Official"
            WHERE "id" IN (${joinSql(officialIds)})`)
      ).map((o) => [
        Number(o.id),
        {
          fullName: o.fullName,
          telegramUserId: o.telegramUserId === null ? null : BigInt(o.telegramUserId),
          privateChatAt: o.privateChatAt === null ? null : new Date(o.privateChatAt),
          active: truthy(o.active),
          language: o.language,
        },
      ]),
    );
    const taskById = new Map(
      taskRows.flatMap((t) => {
        const responsible = officials.get(Number(t.responsibleId));
        if (!responsible) return [];
        const task = {
          id: Number(t.id),
          title: t.title,
          unitId: Number(t.unitId),
          dueDate: t.dueDate,
          docRef: t.docRef,
          unit: { name: t.unitName },
          programme: t.programmeCode === null ? null : { code: t.programmeCode },
          programmeId: t.programmeId === null ? null : Number(t.programmeId),
          responsibleId: Number(t.responsibleId),
          responsible,
        };
        return [[task.id, task] as const];
      }),
    );
    // escalation goes to active holders only
    const roles = byUnit<RoleRow>(
      roleRows.flatMap((r) => {
        const official = officials.get(Number(r.officialId));
        return official?.active
          ? [{ unitId: Number(r.unitId), role: r.role, officialId: Number(r.officialId), official }]
          : [];
      }),
    );
    return { taskById, groups, roles };
  }

  /** Claims the fresh rungs' keys (in batches) and writes each chat's one message. */
  async function writeAll(
    tx: Tx,
    all: DueRung[],
    context: Context,
    now: Date,
    today: string,
    cal: WorkCalendar,
    everywhere: { secretariat: bigint[]; unreachable: ReadonlySet<bigint> },
  ) {
    const deliveries: Delivery<TaskItem>[] = [];
    // the reminder views of the check's items, by reminder id, for the chats told of one item only
    const viewOf: ViewOf = new Map();
    let rungs = 0;
    for (let i = 0; i < all.length; i += BATCH) {
      const r = await claimBatch(tx, all.slice(i, i + BATCH), context, viewOf, now, today, cal, everywhere);
      rungs += r.rungs;
      deliveries.push(...r.deliveries);
    }
    const folded = foldByChat(deliveries, (item) => String(item.taskId), worstFirst);
    const messages = await writeTaskDigests(
      tx,
      folded,
      (lang) => deps.messages(lang),
      (f) => {
        const only = f.items[0]!;
        const t = deps.messages(f.language);
        const acting = only.audience === "responsible" || only.audience === "group";
        return {
          kind: `reminder.${only.item.rung}`,
          reminderId: only.item.reminderId,
          taskId: only.item.taskId,
          chatId: f.chatId,
          text: withBehalf(
            t,
            only.onBehalf ?? null,
            t.reminder.text(viewOf.get(only.item.reminderId)!(only.audience === "office" ? "leader" : only.audience)),
          ),
          ...(acting && { replyMarkup: reminderButtons(only.item.taskId, t) }),
        };
      },
      today,
      now,
    );
    return { rungs, messages };
  }

  async function claimBatch(
    tx: Tx,
    batch: DueRung[],
    { taskById, groups, roles, standIns }: Context,
    viewOf: ViewOf,
    now: Date,
    today: string,
    cal: WorkCalendar,
    everywhere: { secretariat: bigint[]; unreachable: ReadonlySet<bigint> },
  ) {
    // raw statements (docs/benchmarks.md): the keys already written, then the new reminders (one INSERT …
    // RETURNING) and their messages
    const missedKey = (b: DueRung, rung: Rung) => `task:${b.taskId}:${rung}`;
    const existing = await tx.$queryRaw<{ key: string }[]>`
      SELECT "key" FROM "Reminder" WHERE "key" IN (${joinSql(batch.flatMap((b) => [b.key, ...b.missed.map((r) => missedKey(b, r))]))})`;
    const seen = new Set(existing.map((e) => e.key));
    const fresh = batch.filter((b) => !seen.has(b.key));
    if (fresh.length === 0) return { rungs: 0, deliveries: [] };
    // the missed rungs' keys, so they never go out again; no taskId: they went out in the current rung's
    // message, which counts as one reminder (scorecards count a task's Reminder rows)
    const missedOf = new Map(fresh.map((b) => [b.taskId, b.missed.filter((r) => !seen.has(missedKey(b, r)))]));
    const missedRows = fresh.flatMap((b) =>
      (missedOf.get(b.taskId) ?? []).map((rung) => sql`(${missedKey(b, rung)}, NULL, ${rung}, ${now})`),
    );
    if (missedRows.length > 0) {
      await tx.$executeRaw`INSERT INTO "Reminder" ("key", "taskId", "rung", "createdAt") VALUES ${joinSql(missedRows)}`;
    }
    const reminders = (
      await tx.$queryRaw<{ id: number; taskId: number; rung: string }[]>`
        INSERT INTO "Reminder" ("key", "taskId", "rung", "createdAt")
        VALUES ${joinSql(fresh.map((b) => sql`(${b.key}, ${b.taskId}, ${b.rung}, ${now})`))}
        RETURNING "id", "taskId", "rung"`
    )
      .map((r) => ({ id: Number(r.id), taskId: Number(r.taskId), rung: r.rung }))
      .sort((a, b) => a.id - b.id);
    const { secretariat, unreachable } = everywhere;

    const out: Delivery<TaskItem>[] = [];
    for (const r of reminders) {
      const task = taskById.get(r.taskId);
      if (!task) continue;
      const rung = r.rung as Rung;
      const caughtUp = (missedOf.get(task.id) ?? []) as NonNullable<ReminderView["caughtUp"]>;
      // the rungs this message stands for: the current one and those caught up with it
      const rungs: Rung[] = [...caughtUp, rung];
      // worked out once per reminder, not once per recipient (each walks the calendar day by day)
      const workingDaysLeft = Math.max(0, -overdueWorkingDaysSigned(task.dueDate, today, cal));
      const workingDaysOverdue = overdueWorkingDays(task.dueDate, today, cal);
      // what the reminder's message and the digest's line both say of the task
      const about = {
        rung,
        taskId: task.id,
        title: task.title,
        unitName: task.unit.name,
        programmeCode: task.programme?.code ?? null,
        dueDate: task.dueDate,
        docRef: task.docRef,
        responsibleName: task.responsible.fullName,
        workingDaysLeft,
        workingDaysOverdue,
      };
      viewOf.set(r.id, (audience) => ({
        ...about,
        responsibleMention: mention(task.responsible.telegramUserId, task.responsible.fullName),
        audience,
        ...(caughtUp.length > 0 && { caughtUp }),
      }));
      const item: TaskItem = { ...about, n: 0, reminderId: r.id, order: r.id };
      // a private recipient away today: his stand-in receives it, told for whom (#19)
      const subject = { unitId: task.unitId, programmeId: task.programmeId };
      const to = standIns.recipientOf(task.responsibleId, task.responsible, subject);
      const own = reachablePrivateChat(to.person, unreachable);
      if (own)
        out.push({ chatId: own, language: to.person.language, audience: "responsible", item, onBehalf: to.onBehalf });
      for (const g of groups.get(task.unitId) ?? []) {
        out.push({ chatId: g.telegramChatId, language: "vi", audience: "group", item });
      }
      for (const ra of (roles.get(task.unitId) ?? []).filter((x) =>
        rungs.some((g) => ESCALATION[g].includes(x.role)),
      )) {
        const leader = standIns.recipientOf(ra.officialId, ra.official, subject);
        const chat = reachablePrivateChat(leader.person, unreachable);
        if (chat)
          out.push({
            chatId: chat,
            language: leader.person.language,
            audience: "leader",
            item,
            onBehalf: leader.onBehalf,
          });
      }
      if (rungs.includes("overdue3")) {
        for (const chatId of secretariat) out.push({ chatId, language: "vi", audience: "office", item });
      }
    }
    return { rungs: reminders.length, deliveries: out };
  }

  return { runDeadlineCheck, readContext };
}

type ViewOf = Map<number, (audience: ReminderView["audience"]) => ReminderView>;
type BatchContext = Awaited<ReturnType<ReturnType<typeof createReminderService>["readContext"]>>;
type Context = BatchContext & { standIns: StandIns };

/** A rung due for a task, the rungs below it it has reached, and those of them never written. */
type DueRung = { taskId: number; rung: Rung; key: string; below: Rung[]; missed: Rung[] };
type GroupRow = { unitId: number; telegramChatId: bigint };
type RoleRow = {
  unitId: number;
  role: Role;
  officialId: number;
  official: {
    fullName: string;
    telegramUserId: bigint | null;
    privateChatAt: Date | null;
    active: boolean;
    language: string;
  };
};

/** Rows grouped by unit, in their order. */
function byUnit<T extends { unitId: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.unitId);
    if (list) list.push(r);
    else m.set(r.unitId, [r]);
  }
  return m;
}

/** Working days from today to the due date, negative when overdue. */
function overdueWorkingDaysSigned(due: string, today: string, cal: WorkCalendar): number {
  return due >= today ? -cal.workingDaysBetween(today, due) : overdueWorkingDays(due, today, cal);
}

export type ReminderService = ReturnType<typeof createReminderService>;
