// R6, the monthly working session: /hop logs it; the meeting check nudges the unit's group and Party
// secretary from the 20th (once, then weekly) and, once the month is over, tells the secretariat and the
// unit's supervisors once.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, user, type Harness } from "../support/harness.ts";
import { chats, collect, runJob, sorted, startFollowupHarness } from "./support.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const partySecretary = user(DEMO.partySecretary);
const OTHER_DISTRICTS = ["Đông Giang", "Tây Giang", "Nam Giang", "Phước Sơn", "Tiên Phước", "Hiệp Đức", "Nông Sơn"];

describeOnSqlite("monthly meeting", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startFollowupHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });
  const check = (day: string, hh = 8) => runJob(h, "meeting-check", at(hh, 0, day));

  it("nudges from the 20th and a week later, then escalates once across the month boundary", async () => {
    // before the nudge day, and last month (October) every district held its session: nothing
    expect(await check("2026-11-19")).toEqual([]);

    // the nudge day (Friday 20/11): Nam Trà My's group and its Party secretary; Bắc Trà My held its session,
    // the other districts have no group and no secretary registered
    const first = await check("2026-11-20");
    expect(chats(first)).toEqual(sorted(namTraMy.id, DEMO.partySecretary.id));
    for (const m of first) {
      expect(m.text).toContain("Nhắc buổi làm việc định kỳ tháng 11/2026");
      expect(m.text).toContain("Đơn vị: Nam Trà My");
      expect(m.text).toContain("hạn chót 30/11/2026");
    }
    // the same slot: nothing more, whatever the ticks
    expect(await check("2026-11-20", 10)).toEqual([]);
    expect(await check("2026-11-24")).toEqual([]);
    expect(await check("2026-11-26")).toEqual([]);
    // outside office hours: nothing
    expect(await runJob(h, "meeting-check", at(6, 0, "2026-11-27"))).toEqual([]);
    // a week after the nudge day: once more
    expect(chats(await check("2026-11-27"))).toEqual(sorted(namTraMy.id, DEMO.partySecretary.id));
    expect(await check("2026-11-30")).toEqual([]);

    // the month is over without a session: the secretariat (all units without one) and the supervisor
    // (only the units he follows) are told, once; December's nudges start only on the 20th
    const missed = await check("2026-12-01");
    expect(chats(missed)).toEqual(sorted(secretariatGroup.id, DEMO.supervisor.id));
    const toSecretariat = missed.find((m) => m.chat_id === secretariatGroup.id)!.text;
    // the secretariat addressed as an office, the supervisor as a leader being informed (issue #18)
    expect(toSecretariat.split("\n")[0]).toBe("Kính gửi Văn phòng điều phối.");
    expect(toSecretariat).toContain("Chưa ghi nhận buổi làm việc định kỳ tháng 11/2026");
    expect(toSecretariat.split("\n").at(-1)).toBe("Đề nghị Văn phòng điều phối theo dõi, đôn đốc.");
    expect(toSecretariat).toContain("Nam Trà My");
    for (const name of OTHER_DISTRICTS) expect(toSecretariat).toContain(name);
    expect(toSecretariat).not.toContain("Bắc Trà My");
    const toSupervisor = missed.find((m) => m.chat_id === DEMO.supervisor.id)!.text;
    expect(toSupervisor).toBe(
      "⚠️ <b>Chưa ghi nhận buổi làm việc định kỳ tháng 11/2026</b>\nCác đơn vị chưa ghi nhận buổi làm việc của đồng chí Bí thư với UBND: Nam Trà My.\nKính báo cáo đồng chí để theo dõi, chỉ đạo.",
    );
    expect(await check("2026-12-01", 11)).toEqual([]);
    await h.restart();
    expect(await check("2026-12-02")).toEqual([]);
  });

  it("/hop reads «ngày 18/11/2026 lúc 14h00 …» as minutes write it (issue #18)", async () => {
    h.clock.set(at(9, 0, "2026-11-19"));
    for (const typed of [
      "/hop ngày 18/11/2026 lúc 14h00 Làm việc với UBND",
      "/Hop 18/11/2026 at 14:00 Làm việc với UBND",
    ]) {
      const [reply] = await h.say(partySecretary, namTraMy, typed);
      expect(reply?.text).toMatch(/của <b>Nam Trà My<\/b> ngày 18\/11\/2026 — Làm việc với UBND\.$/);
    }
  });

  it("/hop logs the session (once per month, a second one corrects it) and stops the nudges", async () => {
    h.clock.set(at(9, 0, "2026-11-19"));
    const [reply, ...more] = await h.say(partySecretary, namTraMy, "/hop 18/11/2026 Làm việc với UBND về <giải ngân>");
    expect(more).toHaveLength(0);
    expect(reply?.text).toBe(
      "✅ Đã ghi nhận buổi làm việc tháng 11/2026 của <b>Nam Trà My</b> ngày 18/11/2026 — Làm việc với UBND về &lt;giải ngân&gt;.",
    );
    const unit = await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    expect(await h.db.db.auditLog.count({ where: { action: "meeting.log", entity: "Meeting" } })).toBe(1);

    // the secretariat, naming the unit, corrects it
    const [fix] = await h.say(
      user(DEMO.secretariat),
      privateChat(DEMO.secretariat),
      "/hop nam trà my | 19/11/2026 Làm việc định kỳ",
    );
    expect(fix?.text).toBe(
      "✅ Đã cập nhật buổi làm việc tháng 11/2026 của <b>Nam Trà My</b> ngày 19/11/2026 — Làm việc định kỳ.",
    );
    const rows = await h.db.db.meeting.findMany({ where: { unitId: unit.id, month: "2026-11" } });
    expect(rows.map((r) => [r.heldOn, r.note])).toEqual([["2026-11-19", "Làm việc định kỳ"]]);

    // refusals write nothing
    const audit = await h.db.db.auditLog.count();
    expect((await h.say(user(DEMO.official), namTraMy, "/hop họp"))[0]?.text).toContain(
      "Đồng chí không dùng được lệnh này",
    );
    expect((await h.say(user(DEMO.chairman), namTraMy, "/hop 30/11/2026 họp"))[0]?.text).toBe(
      "Ngày 30/11/2026 chưa đến. Đề nghị kiểm tra lại.",
    );
    expect((await h.say(user(DEMO.chairman), namTraMy, "/hop 31/11/2026 họp"))[0]?.text).toContain(
      "Ngày «31/11/2026» không hợp lệ",
    );
    expect(
      (await h.say(user(DEMO.bacTraMyChairman), group(DEMO.groups.bacTraMy), "/hop nam trà my | họp"))[0]?.text,
    ).toBe("Đồng chí không phụ trách đơn vị Nam Trà My nên không ghi nhận thay được.");
    expect(await h.db.db.auditLog.count()).toBe(audit);

    // logged: no nudge on the 20th, and no escalation after the month
    expect(await runJob(h, "meeting-check", at(8, 0, "2026-11-20"))).toEqual([]);
    const missed = await runJob(h, "meeting-check", at(8, 0, "2026-12-01"));
    expect(chats(missed)).toEqual([secretariatGroup.id]);
    expect(missed[0]!.text).not.toContain("Nam Trà My");
  });

  it("handles the same /hop update delivered twice once", async () => {
    h.clock.set(at(9, 0));
    const replies = await collect(h, async () => {
      const { update_id } = h.emulator.userSends({ from: partySecretary, chat: namTraMy, text: "/hop họp định kỳ" });
      await h.emulator.waitIdle();
      const update = {
        update_id,
        message: {
          message_id: 999,
          date: 0,
          chat: namTraMy,
          from: partySecretary,
          text: "/hop họp định kỳ",
          entities: [{ type: "bot_command", offset: 0, length: 4 }],
        },
      };
      await h.app.bot.handleUpdate(update as never);
    });
    expect(replies).toHaveLength(1);
    expect(await h.db.db.meeting.count({ where: { month: "2026-11" } })).toBe(2);
    expect(await h.db.db.auditLog.count({ where: { entity: "Meeting" } })).toBe(1);
  });
});
