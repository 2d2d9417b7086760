// The pace check: the reminder ladder for disbursement milestones. With the demo data (Nam Trà My far
// behind, every other district well ahead) and a milestone of 30 % on Friday 27/11/2026: the heads-up two
// working days before and the reminder on the day go to the responsible officials (in private) and the
// unit's group; once passed, the chairman after one working day, then the Party secretary, the supervisor
// and the secretariat after three. Each rung once; after downtime only the current rung.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, type Harness } from "../support/harness.ts";
import { chats, runJob, sorted, startFollowupHarness } from "./support.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);

describeOnSqlite("pace ladder", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startFollowupHarness(provider);
    // province-wide milestones (every unit and programme): 30 % on Friday 27/11, 100 % at the year's end
    await h.db.db.milestone.createMany({
      data: [
        { year: 2026, dueDate: "2026-11-27", targetBp: 3000 },
        { year: 2026, dueDate: "2026-12-31", targetBp: 10000 },
      ],
    });
  });
  afterEach(async () => {
    await h.close();
  });
  const check = (day: string, hh = 8) => runJob(h, "pace-check", at(hh, 0, day));
  const texts = (ms: { chat_id: number; text?: string }[], chatId: number) =>
    ms.filter((m) => m.chat_id === chatId).map((m) => m.text ?? "");

  it("walks the ladder around a milestone for the unit behind pace only, each rung once", async () => {
    // three working days ahead: nothing yet
    expect(await check("2026-11-24")).toEqual([]);

    // two working days before (Wednesday 25/11): Nam Trà My's three programmes (27,3 %, 25,8 %, 24,3 %) are
    // below 30 %. The group hears all three; Nguyễn Văn An (NTM) in private; Trần Văn Bình (GNBV, DTTS) has
    // not opened a private chat. Bắc Trà My (42,1 %) and the other districts are above the target: nothing.
    const before = await check("2026-11-25");
    expect(chats(before)).toEqual(sorted(namTraMy.id, namTraMy.id, namTraMy.id, DEMO.official.id));
    expect(texts(before, DEMO.official.id)).toEqual([
      "⏰ <b>Nhắc tiến độ giải ngân</b> — Nam Trà My\n" +
        "NTM: 27,3% — mốc 27/11 cần 30%, còn 2 ngày làm việc.\n" +
        "Đề nghị đồng chí khẩn trương đôn đốc giải ngân để bảo đảm mốc kế hoạch.",
    ]);
    const toGroup = texts(before, namTraMy.id).join("\n");
    for (const line of [
      "NTM: 27,3% — mốc 27/11 cần 30%",
      "GNBV: 25,8% — mốc 27/11 cần 30%",
      "DTTS: 24,3% — mốc 27/11 cần 30%",
    ]) {
      expect(toGroup).toContain(line);
    }
    // the same rung: nothing more, whatever the ticks
    expect(await check("2026-11-25", 10)).toEqual([]);
    expect(await check("2026-11-26")).toEqual([]);
    // outside office hours: nothing
    expect(await runJob(h, "pace-check", at(6, 0, "2026-11-27"))).toEqual([]);

    // the milestone day
    const due = await check("2026-11-27");
    expect(chats(due)).toEqual(sorted(namTraMy.id, namTraMy.id, namTraMy.id, DEMO.official.id));
    expect(texts(due, DEMO.official.id)[0]).toContain(
      "⏰ <b>Hôm nay đến mốc giải ngân</b> — Nam Trà My\nNTM: 27,3% — mốc 27/11 cần 30%, hôm nay là hạn.",
    );
    expect(await check("2026-11-27", 14)).toEqual([]);

    // passed (Monday 30/11, one working day): the chairman, once per programme
    const chairman = await check("2026-11-30");
    expect(chats(chairman)).toEqual(sorted(DEMO.chairman.id, DEMO.chairman.id, DEMO.chairman.id));
    expect(texts(chairman, DEMO.chairman.id).join("\n")).toContain(
      "⚠️ <b>Chưa đạt mốc giải ngân</b> — Nam Trà My\nNTM: 27,3% — mốc 27/11 cần 30%, đã quá 1 ngày làm việc.\nĐề nghị đồng chí chỉ đạo, đôn đốc giải ngân để bảo đảm mốc kế hoạch.",
    );
    expect(await check("2026-12-01")).toEqual([]);

    // three working days (Wednesday 2/12): the Party secretary, the supervisor and the secretariat
    const escalated = await check("2026-12-02");
    expect(chats(escalated)).toEqual(
      sorted(...[DEMO.partySecretary.id, DEMO.supervisor.id, secretariatGroup.id].flatMap((id) => [id, id, id])),
    );
    for (const m of escalated) {
      expect(m.text).toContain("🚨 <b>Chưa đạt mốc giải ngân</b> — Nam Trà My");
      expect(m.text).toContain("đã quá 3 ngày làm việc");
    }
    expect(await check("2026-12-02", 15)).toEqual([]);
    await h.restart();
    expect(await check("2026-12-03")).toEqual([]);
    expect(await h.db.db.reminder.count({ where: { key: { startsWith: "pace:" } } })).toBe(12);
  });

  it("after downtime sends only the current rung", async () => {
    const late = await check("2026-12-03");
    expect(chats(late)).toEqual(
      sorted(...[DEMO.partySecretary.id, DEMO.supervisor.id, secretariatGroup.id].flatMap((id) => [id, id, id])),
    );
    expect(await check("2026-12-04")).toEqual([]);
  });

  it("a unit at or above the target hears nothing", async () => {
    // Nam Trà My has caught up on NTM: only GNBV and DTTS remain behind
    const unit = await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    const ntm = await h.db.db.programme.findUniqueOrThrow({ where: { code: "NTM" } });
    await h.db.db.milestone.create({
      data: { year: 2026, unitId: unit.id, programmeId: ntm.id, dueDate: "2026-11-27", targetBp: 2730 },
    });
    const before = await check("2026-11-25");
    expect(chats(before)).toEqual(sorted(namTraMy.id, namTraMy.id));
    for (const m of before) expect(m.text).not.toContain("NTM");
    expect(chats(await check("2026-12-02"))).not.toContain(DEMO.bacTraMyChairman.id);
  });

  it("judges vốn TW where it was reported apart from split plans (ADR 016)", async () => {
    const db = h.db.db;
    const ntm = await db.programme.findUniqueOrThrow({ where: { code: "NTM" } });
    // the central capital alone, reported after the whole-programme figures: 40 % for Nam Trà My (27,3 % of
    // the whole before), 20 % for Bắc Trà My (42,1 % of the whole before)
    for (const [code, share] of [
      ["NAM_TRA_MY", 40n],
      ["BAC_TRA_MY", 20n],
    ] as const) {
      const unit = await db.unit.findUniqueOrThrow({ where: { code } });
      const plans = await db.capitalPlan.findMany({
        where: { unitId: unit.id, programmeId: ntm.id, source: "CENTRAL" },
      });
      const central = plans.reduce((sum, p) => sum + p.amountVnd, 0n);
      await db.disbursementReport.create({
        data: {
          unitId: unit.id,
          programmeId: ntm.id,
          year: 2026,
          source: "CENTRAL",
          cumulativeVnd: (central * share) / 100n,
          asOf: "2026-11-24",
        },
      });
    }
    const before = await check("2026-11-25");
    const bacTraMy = group(DEMO.groups.bacTraMy);
    // Nam Trà My: GNBV and DTTS only (their whole figures are below 30 %); Bắc Trà My: NTM, on vốn TW
    expect(texts(before, namTraMy.id).join("\n")).not.toContain("NTM");
    expect(texts(before, bacTraMy.id).join("\n")).toContain("NTM (vốn TW): 20,0% — mốc 27/11 cần 30%");
  });
});
