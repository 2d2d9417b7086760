// One next occurrence per recurring series and due date, whatever races: completions and recurrence runs
// (in this app and in another instance's pool) at the same time; the insert that loses the race on the
// unique index (seriesId, dueDate) rolls back alone, and the completion around it still commits.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Tx } from "../../src/platform/db/client.ts";
import { createRecurrenceService } from "../../src/features/tasks/recurrence.ts";
import { createNextInSeries } from "../../src/features/tasks/notices.ts";
import { catalogue } from "../../src/i18n/index.ts";
import { collect } from "../support/collect.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const secretariat = user(DEMO.secretariat);
const official = user(DEMO.official);
const AFTER_DUE = at(9, 0, "2026-12-04");
const NEXT_DUE = "2027-01-04"; // 3/1/2027 is a Sunday
const BY = { officialId: null, fullName: "Trần Thị Thu" };

/** The transaction as a racing one sees it: its "does the next one exist?" check finds nothing. */
function blindToNext(tx: Tx): Tx {
  const task = new Proxy(tx.task, {
    get: (d, p) => {
      if (p === "findUnique") return async () => null;
      const v = Reflect.get(d, p) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(d) : v;
    },
  });
  return new Proxy(tx, {
    get: (t, p) => {
      if (p === "task") return task;
      const v = Reflect.get(t, p) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

describeEachDatabase("next occurrence of a series under races", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  async function newSeries(title: string) {
    await collect(h, () =>
      h.say(
        secretariat,
        privateChat(DEMO.secretariat),
        `/giao Nam Trà My | NTM | An | 03/12/2026 | ${title} | hằng tháng ngày 3`,
      ),
    );
    const first = await h.db.db.task.findFirstOrThrow({ where: { title } });
    expect(first.seriesId).toBe(first.id);
    return first;
  }
  const series = (seriesId: number) =>
    h.db.db.task.findMany({
      where: { seriesId },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: { id: true, dueDate: true, status: true },
    });
  const announcements = (taskId: number) => h.db.db.outboxMessage.count({ where: { taskId, kind: "task.assigned" } });

  it("completions racing recurrence runs (this app's and another pool's) make exactly one next task per series", async () => {
    const firsts = [];
    for (const title of ["Báo cáo tháng A", "Báo cáo tháng B", "Báo cáo tháng C", "Báo cáo tháng D"])
      firsts.push(await newSeries(title));
    h.clock.set(AFTER_DUE);
    const other = createRecurrenceService({ db: h.db.db, messages: catalogue });
    const sentBefore = h.emulator.sent.length;
    await Promise.all([
      ...firsts.map((f) => h.say(official, privateChat(DEMO.official), `/done ${f.id} đã nộp`)),
      h.app.scheduler.runNow("recurrence"),
      other.runRecurrence(AFTER_DUE),
      other.runRecurrence(AFTER_DUE),
    ]);
    await collect(h, async () => undefined);
    // every completion was recorded and answered, whoever made the next task
    for (const f of firsts) {
      expect((await h.db.db.task.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("DONE");
    }
    const replies = h.emulator.sent
      .slice(sentBefore)
      .filter((m) => m.chat_id === DEMO.official.id && m.text.startsWith("✅ Đã ghi nhận"));
    expect(replies).toHaveLength(firsts.length);
    for (const f of firsts) {
      const s = await series(f.id);
      expect(s.map((t) => [t.dueDate, t.status])).toEqual([
        ["2026-12-03", "DONE"],
        [NEXT_DUE, "OPEN"],
      ]);
      // announced once: the unit's group and An in private
      expect(await announcements(s[1]!.id)).toBe(2);
      expect(await h.db.db.auditLog.count({ where: { action: "task.recur", entityId: String(s[1]!.id) } })).toBe(1);
    }
  });

  it("the insert that loses the race rolls back alone: nothing announced, the rest of the transaction commits", async () => {
    const first = await newSeries("Báo cáo tháng");
    const made = await h.db.db.$transaction((tx) => createNextInSeries(tx, first, BY, AFTER_DUE, catalogue));
    expect(made).not.toBeNull();
    const outbox = await h.db.db.outboxMessage.count();
    const audits = await h.db.db.auditLog.count();

    // a second transaction whose check raced past the first one's commit: its insert hits the unique index
    const again = await h.db.db.$transaction(async (tx) => {
      const r = await createNextInSeries(blindToNext(tx), first, BY, AFTER_DUE, catalogue);
      // the transaction is still usable (on PostgreSQL a failed statement outside a savepoint would abort it)
      await tx.task.update({ where: { id: first.id }, data: { status: "DONE", completedAt: AFTER_DUE } });
      return r;
    });
    expect(again).toBeNull();
    expect((await series(first.id)).map((t) => [t.id, t.dueDate, t.status])).toEqual([
      [first.id, "2026-12-03", "DONE"],
      [made, NEXT_DUE, "OPEN"],
    ]);
    expect(await h.db.db.outboxMessage.count()).toBe(outbox);
    expect(await h.db.db.auditLog.count()).toBe(audits);
  });

  it.skipIf(provider !== "postgres")(
    "a completion whose insert waits on an uncommitted recurrence run: it fails on the index, rolls back alone, commits",
    async () => {
      const first = await newSeries("Báo cáo tháng");
      h.clock.set(AFTER_DUE);
      // the recurrence job's transaction (another instance's pool) has made the next task but not committed yet
      let inserted!: () => void;
      let release!: () => void;
      const insertedP = new Promise<void>((r) => (inserted = r));
      const gate = new Promise<void>((r) => (release = r));
      const job = h.db.db.$transaction(
        async (tx) => {
          const id = await createNextInSeries(tx, first, BY, AFTER_DUE, catalogue);
          inserted();
          await gate;
          return id;
        },
        { timeout: 30_000 },
      );
      await insertedP;
      // the completion's check sees nothing yet; its insert blocks on the index entry of the uncommitted row
      const completion = h.say(official, privateChat(DEMO.official), `/done ${first.id} đã nộp`);
      let waiting = 0;
      for (let i = 0; i < 400 && waiting === 0; i++) {
        const [row] = await h.db.db.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        waiting = row!.n;
        if (waiting === 0) await new Promise((r) => setTimeout(r, 25));
      }
      expect(waiting).toBeGreaterThan(0);
      release();
      const made = await job;
      const replies = await completion;
      // the job's own new-task notice may go out meanwhile: tests run the outbox unpaced (harness TEST_LIMITS)
      expect(replies.map((m) => m.text).filter((t) => !t.startsWith(`📌 <b>Việc mới #${made}</b>`))).toEqual([
        "✅ Đã ghi nhận: «Báo cáo tháng» hoàn thành quá hạn ngày 04/12/2026 (hạn 03/12/2026) — đã nộp.",
      ]);
      await collect(h, async () => undefined);
      expect((await series(first.id)).map((t) => [t.id, t.dueDate, t.status])).toEqual([
        [first.id, "2026-12-03", "DONE"],
        [made, NEXT_DUE, "OPEN"],
      ]);
      expect(await announcements(made!)).toBe(2);
      expect(await h.db.db.auditLog.count({ where: { action: "task.recur" } })).toBe(1);
      expect(await h.db.db.auditLog.count({ where: { action: "task.complete", entityId: String(first.id) } })).toBe(1);
    },
  );
});
