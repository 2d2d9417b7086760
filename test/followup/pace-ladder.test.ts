// The pace check: the reminder ladder for disbursement milestones. With the demo data (Nam Trà My far
// behind, every other district well ahead) and a milestone of 30 % on Friday 27/11/2026: the heads-up two
// working days before and the reminder on the day go to the responsible officials (in private) and the
// unit's group; once passed, the chairman after one working day, then the Party secretary, the supervisor
// and the secretariat after three. Each rung once; after downtime only the current rung. One message per chat
// per check (ADR 009): the group hears its three programmes in one digest, each leader one message.
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
    expect(chats(before)).toEqual(sorted(namTraMy.id, DEMO.official.id));
    expect(texts(before, DEMO.official.id)).toEqual([
      "⏰ <b>Nhắc tiến độ giải ngân</b> — Nam Trà My\n" +
        "NTM: 27,3% — mốc 27/11 cần 30%, còn 2 ngày làm việc.\n" +
        "Đề nghị đồng chí khẩn trương đôn đốc giải ngân để bảo đảm mốc kế hoạch.",
    ]);
    const toGroup = texts(before, namTraMy.id).join("\n");
    expect(toGroup.split("\n")[0]).toBe("📊 <b>Tổng hợp tiến độ giải ngân</b> ngày 25/11/2026");
    for (const line of [
      "Nam Trà My · NTM: 27,3%, mốc 27/11 cần đạt 30%",
      "Nam Trà My · GNBV: 25,8%, mốc 27/11 cần đạt 30%",
      "Nam Trà My · DTTS: 24,3%, mốc 27/11 cần đạt 30%",
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
    expect(chats(due)).toEqual(sorted(namTraMy.id, DEMO.official.id));
    expect(texts(due, DEMO.official.id)[0]).toContain(
      "⏰ <b>Hôm nay đến mốc giải ngân</b> — Nam Trà My\nNTM: 27,3% — mốc 27/11 cần 30%, hôm nay là hạn.",
    );
    expect(await check("2026-11-27", 14)).toEqual([]);

    // passed (Monday 30/11, one working day): the chairman, one message for the three programmes
    const chairman = await check("2026-11-30");
    expect(chats(chairman)).toEqual([DEMO.chairman.id]);
    expect(texts(chairman, DEMO.chairman.id)[0]).toContain(
      "Đề nghị đồng chí khẩn trương đôn đốc giải ngân:\n🚨 <b>Quá hạn</b>\n1. Nam Trà My · NTM: 27,3%, mốc 27/11 cần đạt 30% · đã quá 1 ngày làm việc",
    );
    expect(await check("2026-12-01")).toEqual([]);

    // three working days (Wednesday 2/12): the Party secretary, the supervisor and the secretariat
    const escalated = await check("2026-12-02");
    expect(chats(escalated)).toEqual(sorted(DEMO.partySecretary.id, DEMO.supervisor.id, secretariatGroup.id));
    for (const m of escalated) {
      expect(m.text).toContain("📊 <b>Tổng hợp tiến độ giải ngân</b>");
      expect(m.text).toContain("3. Nam Trà My · DTTS: 24,3%, mốc 27/11 cần đạt 30% · đã quá 3 ngày làm việc");
    }
    expect(texts(escalated, secretariatGroup.id)[0]).toContain("Kính gửi Văn phòng điều phối");
    expect(await check("2026-12-02", 15)).toEqual([]);
    await h.restart();
    expect(await check("2026-12-03")).toEqual([]);
    expect(await h.db.db.reminder.count({ where: { key: { startsWith: "pace:" } } })).toBe(12);
  });

  it("after downtime sends only the current rung", async () => {
    const late = await check("2026-12-03");
    expect(chats(late)).toEqual(sorted(DEMO.partySecretary.id, DEMO.supervisor.id, secretariatGroup.id));
    expect(await check("2026-12-04")).toEqual([]);
  });

  it("summarises the units already reported instead of repeating them, and never cites an old period", async () => {
    expect(chats(await check("2026-12-02"))).toEqual(
      sorted(DEMO.partySecretary.id, DEMO.supervisor.id, secretariatGroup.id),
    );
    // Bắc Trà My (42,1 %) misses its own milestone of 50 % on 1/12: escalated on Friday 4/12, with Nam Trà
    // My — already reported, still behind — summarised in one line
    const unit = await h.db.db.unit.findUniqueOrThrow({ where: { code: "BAC_TRA_MY" } });
    await h.db.db.milestone.create({ data: { year: 2026, unitId: unit.id, dueDate: "2026-12-01", targetBp: 5000 } });
    const friday = await check("2026-12-04");
    const office = texts(friday, secretariatGroup.id);
    expect(office).toHaveLength(1);
    expect(office[0]).toContain("Bắc Trà My");
    expect(office[0]).not.toContain("Nam Trà My");
    expect(office[0]).toContain("Vẫn chậm: 1 đơn vị, như hôm qua (đã báo cáo).");
    // a month on (29/12), the 27/11 miss belongs to a past period: not escalated again, even with its keys gone
    await h.db.db.reminder.deleteMany({ where: { key: { startsWith: "pace:" } } });
    await h.db.db.milestone.deleteMany({ where: { unitId: unit.id } });
    expect(chats(await check("2026-12-29")).filter((c) => c === secretariatGroup.id)).toEqual([]);
  });

  it("a unit at or above the target hears nothing", async () => {
    // Nam Trà My has caught up on NTM: only GNBV and DTTS remain behind
    const unit = await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    const ntm = await h.db.db.programme.findUniqueOrThrow({ where: { code: "NTM" } });
    await h.db.db.milestone.create({
      data: { year: 2026, unitId: unit.id, programmeId: ntm.id, dueDate: "2026-11-27", targetBp: 2730 },
    });
    const before = await check("2026-11-25");
    expect(chats(before)).toEqual([namTraMy.id]);
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
