// Digests: the daily one to the secretariat on the first office-time tick of each working day, and the
// weekly one to each supervisor in private on the first office-time tick of each week, once each.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, type Harness } from "../support/harness.ts";
import { chats, runJob, startFollowupHarness } from "./support.ts";

const secretariatGroup = group(DEMO.groups.secretariat);

describeOnSqlite("digests", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startFollowupHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  it("daily: newly overdue tasks, tasks done since the previous working day, the 5 slowest units; once a day", async () => {
    expect(await runJob(h, "daily-digest", at(7, 0))).toEqual([]); // before office hours
    const first = await runJob(h, "daily-digest", at(7, 30));
    expect(chats(first)).toEqual([secretariatGroup.id]);
    const lines = first[0]!.text.split("\n");
    expect(lines[0]).toBe("📊 <b>Tổng hợp ngày 24/11/2026</b>");
    // due 23/11, overdue from today; the task due 19/11 was overdue before
    expect(lines.slice(2, 4)).toEqual([
      "<b>Việc mới quá hạn</b> (1):",
      "• #2 Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp — Nam Trà My · hạn 23/11/2026 · đồng chí Trần Văn Bình",
    ]);
    expect(lines.slice(5, 7)).toEqual(["<b>Việc đã hoàn thành từ 23/11/2026</b> (0):", "• không có"]);
    const worst = lines.slice(lines.indexOf("<b>5 đơn vị chậm nhất</b>:") + 1);
    expect(worst).toHaveLength(5);
    expect(worst[0]).toMatch(/^1\. Nam Trà My · giải ngân 26,0% · 1 việc quá hạn$/);
    expect(worst[1]).toMatch(/^2\. Bắc Trà My · /);
    // once a day, also across a restart
    expect(await runJob(h, "daily-digest", at(9, 0))).toEqual([]);
    await h.restart();
    expect(await runJob(h, "daily-digest", at(10, 0))).toEqual([]);

    // a task done today shows in tomorrow's digest; nothing newly overdue since today's digest
    const an = await h.db.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(DEMO.official.id) } });
    await h.db.db.task.update({
      where: { id: 1 },
      data: { status: "DONE", completedAt: at(10, 30), completedById: an.id },
    });
    // reported on 23/11 but confirmed by its assigner today (#19): done today, in tomorrow's digest too
    await h.db.db.task.update({
      where: { id: 2 },
      data: {
        status: "DONE",
        completedAt: at(16, 0, "2026-11-23"),
        completedById: an.id,
        requiresConfirmation: true,
        confirmedAt: at(11, 0),
      },
    });
    const next = await runJob(h, "daily-digest", at(7, 45, "2026-11-25"));
    expect(chats(next)).toEqual([secretariatGroup.id]);
    const nextLines = next[0]!.text.split("\n");
    expect(nextLines[0]).toBe("📊 <b>Tổng hợp ngày 25/11/2026</b>");
    expect(nextLines.slice(2, 4)).toEqual(["<b>Việc mới quá hạn</b> (0):", "• không có"]);
    expect(nextLines.slice(5, 7)).toEqual([
      "<b>Việc đã hoàn thành từ 24/11/2026</b> (2):",
      "• #1 Nộp báo cáo tiến độ giải ngân tháng — Nam Trà My · hạn 26/11/2026 · đồng chí Nguyễn Văn An · hoàn thành: đồng chí Nguyễn Văn An",
    ]);
    expect(nextLines[7]).toMatch(/^• #2 Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp — Nam Trà My · /);
    // not on a Saturday
    expect(await runJob(h, "daily-digest", at(9, 0, "2026-11-28"))).toEqual([]);
  });

  it("weekly: each supervisor, in private, the units he follows; once a week", async () => {
    const sent = await runJob(h, "weekly-digest", at(8, 0));
    expect(chats(sent)).toEqual([DEMO.supervisor.id]);
    const lines = sent[0]!.text.split("\n");
    expect(lines[0]).toBe("📊 <b>Tổng hợp tuần từ 23/11/2026</b> — các đơn vị đồng chí theo dõi");
    expect(lines[2]).toMatch(/^1\. Nam Trà My · giải ngân 26,0% · 3 việc đang mở, 1 quá hạn$/);
    expect(lines[3]).toMatch(/^2\. Bắc Trà My · giải ngân .* · 1 việc đang mở, 1 quá hạn$/);
    expect(lines).toContain("<b>Việc quá hạn</b> (2):");
    expect(lines).toContain(
      "• #3 Báo cáo vướng mắc dự án nước sinh hoạt tập trung — Bắc Trà My · hạn 19/11/2026 · đồng chí Hồ Văn Sơn · quá 3 ngày làm việc",
    );
    expect(lines).toContain("<b>Văn bản xin ý kiến chưa có trả lời</b> (1):");
    expect(lines.at(-1)).toBe("<b>Chưa ghi nhận buổi làm việc tháng 10/2026</b>: không có");
    // once a week
    expect(await runJob(h, "weekly-digest", at(9, 0))).toEqual([]);
    expect(await runJob(h, "weekly-digest", at(8, 0, "2026-11-27"))).toEqual([]);
    // the next Monday: again
    const monday = await runJob(h, "weekly-digest", at(8, 0, "2026-11-30"));
    expect(chats(monday)).toEqual([DEMO.supervisor.id]);
    expect(monday[0]!.text.split("\n")[0]).toBe("📊 <b>Tổng hợp tuần từ 30/11/2026</b> — các đơn vị đồng chí theo dõi");
  });
});
