// An obstacle on a task of a programme with an office (issue #19): it goes to that office as a written
// request (answer due in REQUEST_ANSWER_DAYS working days), the office's focal official is reminded on the
// request ladder, /vuongmac shows who handles it and by when, and the answer (/traloi) closes the obstacle
// and reaches the reporter's unit; /trunguong marks it referred to central level.
import { afterEach, beforeEach, expect, it } from "vitest";
import { collect } from "../support/collect.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, user, type Harness } from "../support/harness.ts";
import { startFollowupHarness } from "../followup/support.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const official = user(DEMO.official);
const focal = user(DEMO.departmentFocal);
const secretariat = user(DEMO.secretariat);

describeOnSqlite("obstacles answered by the programme's office", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startFollowupHarness(provider);
    // Sở Kế hoạch và Đầu tư is NTM's office in this test
    // (what `npm run cli -- programmes office NTM "Sở Kế hoạch và Đầu tư"` calls)
    const set = await h.app.services.registryAdmin.setProgrammeOffice(
      { code: "ntm", unit: "Sở Kế hoạch và Đầu tư" },
      { now: h.clock.now() },
    );
    expect(set).toEqual({ code: "NTM", officeName: "Sở Kế hoạch và Đầu tư" });
  });
  afterEach(async () => {
    await h.close();
  });

  const all = (action: () => Promise<unknown>) => collect(h, action);

  async function raise(reason: string) {
    h.clock.set(at(8, 0));
    const sent = await all(() => h.deadlineCheck());
    const reminder = sent.find((m) => m.chat_id === DEMO.official.id)!;
    const task = await h.db.db.task.findFirstOrThrow({ where: { title: { startsWith: "Nộp báo cáo" } } });
    const asked = await all(() => h.press(official, privateChat(DEMO.official), reminder.message_id, `obs:${task.id}`));
    h.clock.set(at(8, 10));
    const recorded = await all(() => h.say(official, privateChat(DEMO.official), reason, asked[0]!.message_id));
    const obstacle = await h.db.db.obstacle.findFirstOrThrow({ orderBy: { id: "desc" } });
    return { recorded, obstacle, task };
  }

  it("goes to the office with a due date, is reminded, listed with its handler, and closed by the answer", async () => {
    const { recorded, obstacle } = await raise("Chưa có hướng dẫn định mức hỗ trợ");
    expect(obstacle.requestId).not.toBeNull();
    const request = await h.db.db.writtenRequest.findUniqueOrThrow({ where: { id: obstacle.requestId! } });
    // 24/11/2026 + 7 working days
    expect([request.docNo, request.dueOn, request.status]).toEqual([`Vướng mắc #${obstacle.id}`, "2026-12-03", "OPEN"]);
    expect(recorded.find((m) => m.chat_id === DEMO.official.id)!.text).toBe(
      `Đã ghi nhận vướng mắc #${obstacle.id} của việc «Nộp báo cáo tiến độ giải ngân tháng», chuyển Sở Kế hoạch và Đầu tư trả lời trước ngày 03/12/2026 và báo Văn phòng điều phối.`,
    );
    expect(recorded.find((m) => m.chat_id === secretariatGroup.id)!.text.split("\n")[3]).toBe(
      `Đã chuyển Sở Kế hoạch và Đầu tư trả lời trước ngày 03/12/2026 (văn bản #${request.id}: /traloi ${request.id} &lt;nội dung&gt;).`,
    );
    const [list] = await all(() => h.say(secretariat, secretariatGroup, "/vuongmac"));
    expect(list!.text).toContain(" · Sở Kế hoạch và Đầu tư đang xử lý, hạn 03/12/2026");

    // the request ladder reminds the office's focal official before the due date
    h.clock.set(at(8, 30, "2026-12-01"));
    const reminded = await all(() => h.app.scheduler.runNow("request-check"));
    expect(
      reminded.filter((m) => m.chat_id === DEMO.departmentFocal.id && m.text.includes(`Vướng mắc #${obstacle.id}`)),
    ).toHaveLength(1);

    // the answer closes the obstacle and reaches the unit's group
    h.clock.set(at(9, 0, "2026-12-01"));
    const answered = await all(() =>
      h.say(focal, privateChat(DEMO.departmentFocal), `/traloi ${request.id} Áp dụng Quyết định 12/2024/QĐ-UBND`),
    );
    expect(answered.filter((m) => m.chat_id === namTraMy.id)).toHaveLength(1);
    const closed = await h.db.db.obstacle.findUniqueOrThrow({ where: { id: obstacle.id } });
    expect([closed.status, closed.resolution]).toEqual(["RESOLVED", "Áp dụng Quyết định 12/2024/QĐ-UBND"]);
    const [after] = await all(() => h.say(secretariat, secretariatGroup, "/vuongmac"));
    expect(after!.text).not.toContain(`#${obstacle.id} ·`);
  });

  it("/trunguong marks it referred to central level; it stays listed as such", async () => {
    const { obstacle } = await raise("Vượt thẩm quyền của tỉnh");
    await all(() => h.say(secretariat, secretariatGroup, `/trunguong ${obstacle.requestId}`));
    expect((await h.db.db.obstacle.findUniqueOrThrow({ where: { id: obstacle.id } })).status).toBe("CENTRAL");
    const [list] = await all(() => h.say(secretariat, secretariatGroup, "/vuongmac"));
    expect(list!.text).toContain(`#${obstacle.id} · `);
    expect(list!.text).toContain(" · đã chuyển Trung ương");
  });
});
