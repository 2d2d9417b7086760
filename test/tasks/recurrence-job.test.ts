// The "recurrence" job: a recurring series whose latest task is past due without completion gets its next
// task on schedule, announced like /giao's; once per series × due date, whatever the runs or completions.
import { afterEach, beforeEach, expect, it } from "vitest";
import { chats, collect, sorted } from "../support/collect.ts";
import { describeEachDatabase } from "../support/db.ts";
import { runJob } from "../followup/support.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariat = user(DEMO.secretariat);

describeEachDatabase("recurrence job", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  const series = async (seriesId: number) =>
    h.db.db.task.findMany({
      where: { seriesId },
      orderBy: { dueDate: "asc" },
      select: { id: true, dueDate: true, status: true },
    });

  it("makes the next task once the latest one is past due, once per due date, and stops with a cancelled series", async () => {
    h.clock.set(at(9, 0));
    await collect(h, () =>
      h.say(
        secretariat,
        privateChat(DEMO.secretariat),
        "/giao Nam Trà My | NTM | An | 03/12/2026 | Báo cáo tháng | hằng tháng ngày 3",
      ),
    );
    const first = await h.db.db.task.findFirstOrThrow({ where: { title: "Báo cáo tháng" } });
    expect(first.seriesId).toBe(first.id);

    // on the due date itself nothing happens; nor while the task is in term
    expect(await runJob(h, "recurrence", at(9, 0, "2026-11-30"))).toEqual([]);
    expect(await runJob(h, "recurrence", at(16, 0, "2026-12-03"))).toEqual([]);
    expect(await series(first.id)).toHaveLength(1);

    // the day after: the January task (3/1/2027 is a Sunday → Monday 4/1), announced to the group and An
    const sent = await runJob(h, "recurrence", at(7, 30, "2026-12-04"));
    const [, next] = await series(first.id);
    expect(next).toMatchObject({ dueDate: "2027-01-04", status: "OPEN" });
    expect(chats(sent)).toEqual(sorted(namTraMy.id, DEMO.official.id));
    for (const m of sent) {
      expect(m.text).toContain(`📌 <b>Việc mới #${next!.id}</b>: <b>Báo cáo tháng</b>`);
      expect(m.text).toContain("Hạn: 04/01/2027 · lặp lại hằng tháng ngày 3");
      expect(m.text).toContain("Người giao: đồng chí Trần Thị Thu.");
    }
    const audit = await h.db.db.auditLog.findFirstOrThrow({
      where: { action: "task.recur", entityId: String(next!.id) },
    });
    expect(JSON.parse(audit.after)).toMatchObject({
      seriesId: first.id,
      dueDate: "2027-01-04",
      previousTaskId: first.id,
    });

    // idempotent: again the same day, later, and after a restart (catch-up)
    expect(await runJob(h, "recurrence", at(10, 0, "2026-12-04"))).toEqual([]);
    await h.restart();
    expect(await runJob(h, "recurrence", at(8, 0, "2026-12-07"))).toEqual([]);
    expect(await series(first.id)).toHaveLength(2);

    // completing the late December task does not make a second January task
    h.clock.set(at(9, 0, "2026-12-07"));
    await collect(h, () => h.say(user(DEMO.official), privateChat(DEMO.official), `/done ${first.id} đã nộp`));
    expect((await series(first.id)).map((t) => [t.dueDate, t.status])).toEqual([
      ["2026-12-03", "DONE"],
      ["2027-01-04", "OPEN"],
    ]);

    // a long gap (the bot was down): every missed month is made, up to one due from today on
    await runJob(h, "recurrence", at(8, 0, "2027-03-10"));
    const caughtUp = await series(first.id);
    expect(caughtUp).toHaveLength(5);
    expect(new Set(caughtUp.map((t) => t.dueDate)).size).toBe(5);
    expect(caughtUp.at(-2)!.dueDate < "2027-03-10").toBe(true);
    expect(caughtUp.at(-1)!.dueDate >= "2027-03-10").toBe(true);
    expect(await runJob(h, "recurrence", at(9, 0, "2027-03-10"))).toEqual([]);

    // a cancelled latest task stops the series
    await h.db.db.task.update({ where: { id: caughtUp.at(-1)!.id }, data: { status: "CANCELLED" } });
    expect(await runJob(h, "recurrence", at(8, 0, "2027-06-10"))).toEqual([]);
    expect(await series(first.id)).toHaveLength(5);
  });

  it("leaves non-recurring overdue tasks alone", async () => {
    const before = await h.db.db.task.count();
    expect(await runJob(h, "recurrence", at(8, 0, "2027-01-10"))).toEqual([]);
    expect(await h.db.db.task.count()).toBe(before);
  });
});
