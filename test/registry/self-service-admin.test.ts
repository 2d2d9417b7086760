// The registry from the bot, through the real telegraf stack and the emulator: /ai answers who is
// responsible for what; /canbo adds, edits, deactivates an official and /bangiao hands a unit's
// responsibilities over, secretariat only, each change audited with the secretariat official as actor.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, startHarness, user, type Harness } from "../support/harness.ts";

const office = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);
const chairman = user(DEMO.chairman);

describeEachDatabase("the registry from the bot", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  it("/ai by unit and by official; /canbo them, sua; /bangiao; /canbo ngung — audited; others refused", async () => {
    const db = h.db.db;
    const an = await db.official.findFirstOrThrow({ where: { fullName: DEMO.official.name } });
    const thu = await db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.secretariat.id) } });

    const [byUnit] = await h.say(secretariat, office, "/ai nam tra my");
    expect(byUnit!.text).toContain("<b>Phân công phụ trách — nam tra my</b>");
    expect(byUnit!.text).toContain(`Nam Trà My · NTM: đồng chí ${DEMO.official.name} (mã ${an.id})`);
    const [byName] = await h.say(secretariat, office, `/ai ${DEMO.official.name}`);
    expect(
      byName!.text
        .split("\n")
        .slice(1)
        .every((l) => l.includes(DEMO.official.name)),
    ).toBe(true);

    // a chairman may not change the registry: refused by the guard, nothing written
    const audits = await db.auditLog.count();
    const [refused] = await h.say(chairman, group(DEMO.groups.namTraMy), "/canbo them X | Nam Trà My | Phụ trách");
    expect(refused!.text).toMatch(/^Đồng chí không dùng được lệnh này/);
    expect(await db.auditLog.count()).toBe(audits);

    const [added] = await h.say(secretariat, office, "/canbo them Lê Thị Mới | Nam Trà My | Phụ trách | Chuyên viên");
    const moi = await db.official.findFirstOrThrow({ where: { fullName: "Lê Thị Mới" } });
    expect(added!.text).toBe(
      `✅ Đã thêm cán bộ <b>Lê Thị Mới</b> (mã ${moi.id}), đã ghi nhật ký. Cấp đường dẫn kích hoạt: /kichhoat ${moi.id}`,
    );
    expect(await db.auditLog.count({ where: { action: "official.create", actorId: thu.id } })).toBe(1);

    const [edited] = await h.say(secretariat, office, `/canbo sua ${moi.id} | chucvu=Phó Trưởng phòng`);
    expect(edited!.text).toBe(`✅ Đã cập nhật cán bộ mã ${moi.id}: 1 thay đổi, đã ghi nhật ký.`);
    expect((await db.official.findUniqueOrThrow({ where: { id: moi.id } })).title).toBe("Phó Trưởng phòng");

    // a bad unit: the service's problem as the refusal, nothing written
    const before = await db.auditLog.count();
    const [bad] = await h.say(secretariat, office, "/canbo them Phan Văn Sai | Huyện Không Có | Phụ trách");
    expect(bad!.text).toBe("Không tìm thấy đơn vị «Huyện Không Có».");
    expect(await db.auditLog.count()).toBe(before);

    // deactivating an official with open tasks is refused; hand them over first
    const [notYet] = await h.say(secretariat, office, `/canbo ngung ${an.id}`);
    expect(notYet!.text).toContain("còn");
    expect((await db.official.findUniqueOrThrow({ where: { id: an.id } })).active).toBe(true);
    const [handed] = await h.say(secretariat, office, `/bangiao ${an.id} ${moi.id} Nam Trà My`);
    expect(handed!.text).toMatch(/^✅ Đã bàn giao \d+ phần việc phụ trách và \d+ việc đang mở, đã ghi nhật ký\.$/);
    expect(await db.task.count({ where: { responsibleId: an.id, status: "OPEN" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "responsibility.handover", actorId: thu.id } })).toBeGreaterThan(
      0,
    );
    const [gone] = await h.say(secretariat, office, `/canbo ngung ${an.id}`);
    expect(gone!.text).toMatch(new RegExp(`^✅ Cán bộ mã ${an.id} đã ngừng hoạt động`));
    expect((await db.official.findUniqueOrThrow({ where: { id: an.id } })).active).toBe(false);
  });

  it("/ngaynghi: a new year's holiday and make-up working day added from the bot, listed, audited", async () => {
    const db = h.db.db;
    const [empty] = await h.say(secretariat, office, "/ngaynghi 2028");
    expect(empty!.text).toContain("Năm 2028 chưa có ngày nghỉ lễ, ngày làm việc bù nào.");
    const [added] = await h.say(secretariat, office, "/ngaynghi them 01/01/2028 Tết Dương lịch");
    expect(added!.text).toBe("✅ Đã ghi 01/01/2028 là ngày nghỉ (Tết Dương lịch), đã ghi nhật ký.");
    await h.say(secretariat, office, "/ngaynghi them 05/02/2028 lamviec Làm bù Tết");
    const [list] = await h.say(secretariat, office, "/ngaynghi 2028");
    expect(list!.text).toBe(
      [
        "<b>Ngày nghỉ lễ và ngày làm việc bù năm 2028</b>",
        "• 01/01/2028: nghỉ — Tết Dương lịch",
        "• 05/02/2028: làm việc bù — Làm bù Tết",
      ].join("\n"),
    );
    expect(await db.calendarDay.findUnique({ where: { date: "2028-02-05" } })).toMatchObject({ kind: "WORKDAY" });
    expect(await db.auditLog.count({ where: { action: "calendarDay.create" } })).toBe(2);
    const [bad] = await h.say(secretariat, office, "/ngaynghi them 31/02/2028 Sai");
    expect(bad!.text).toBe("Ngày «31/02/2028» không hợp lệ (dd/mm/yyyy).");
    const [refused] = await h.say(chairman, group(DEMO.groups.namTraMy), "/ngaynghi them 02/01/2028 X");
    expect(refused!.text).toMatch(/^Đồng chí không dùng được lệnh này/);
    expect(await db.calendarDay.count({ where: { date: { gte: "2028-01-01" } } })).toBe(2);
  });
});
