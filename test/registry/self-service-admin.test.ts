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

  it("/canbo sua sets responsibilities (unit × programme × project) through the CLI's service, audited; clear refusals", async () => {
    const db = h.db.db;
    const an = await db.official.findFirstOrThrow({ where: { fullName: DEMO.official.name } });
    const thu = await db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.secretariat.id) } });
    const current = () =>
      db.responsibility.findMany({
        where: { officialId: an.id, validTo: null },
        orderBy: { id: "asc" },
        select: { unit: { select: { code: true } }, programme: { select: { code: true } }, project: true },
      });
    expect(await current()).toEqual([{ unit: { code: "NAM_TRA_MY" }, programme: { code: "NTM" }, project: "" }]);

    const [set] = await h.say(
      secretariat,
      office,
      `/canbo sua ${an.id} | chuongtrinh=NTM; dtts (Bắc Trà My) | duan=Đường vào xã Trà Mai;`,
    );
    expect(set!.text).toBe(
      [
        `✅ Đã cập nhật cán bộ mã ${an.id}: 3 thay đổi, đã ghi nhật ký.`,
        // by unit, as /ai lists them
        "Phụ trách: DTTS · Bắc Trà My; NTM · Nam Trà My · Đường vào xã Trà Mai.",
      ].join("\n"),
    );
    expect(await current()).toEqual([
      { unit: { code: "NAM_TRA_MY" }, programme: { code: "NTM" }, project: "Đường vào xã Trà Mai" },
      { unit: { code: "BAC_TRA_MY" }, programme: { code: "DTTS" }, project: "" },
    ]);
    // the old row is ended, not deleted; every change audited with the secretariat official as actor
    expect(await db.responsibility.count({ where: { officialId: an.id, validTo: { not: null } } })).toBe(1);
    const audited = await db.auditLog.findMany({ where: { entity: "Responsibility", actorId: thu.id } });
    expect(audited.map((a) => a.action).sort()).toEqual([
      "responsibility.create",
      "responsibility.create",
      "responsibility.end",
    ]);
    const [who] = await h.say(secretariat, office, "/ai bac tra my");
    expect(who!.text).toContain(`Bắc Trà My · DTTS: đồng chí ${DEMO.official.name} (mã ${an.id})`);

    // refusals: one clear line each, nothing written
    const audits = await db.auditLog.count();
    const refused = async (text: string) => (await h.say(secretariat, office, text))[0]!.text;
    expect(await refused(`/canbo sua ${an.id} | chuongtrinh=NTM; XYZ`)).toBe("Không tìm thấy chương trình «XYZ».");
    expect(await refused(`/canbo sua ${an.id} | chuongtrinh=GNBV (Huyện Không Có)`)).toBe(
      "Không tìm thấy đơn vị «Huyện Không Có».",
    );
    expect(await refused(`/canbo sua ${an.id} | chuongtrinh=NTM; GNBV | duan=A; B; C`)).toBe(
      "Số dự án (3) không khớp số chương trình (2): ghi các dự án cách nhau bằng «;» theo thứ tự chương trình.",
    );
    expect(await refused(`/canbo sua ${an.id} | duan=Đường ĐH2`)).toBe(
      "Dự án ghi kèm chương trình phụ trách: ghi cả chương trình (thứ tự như dự án).",
    );
    expect(await refused(`/canbo sua ${an.id} | donvi= | chuongtrinh=NTM`)).toBe(
      "Chương trình NTM: cán bộ chưa có đơn vị, cần ghi đơn vị phụ trách, ví dụ «NTM (tên đơn vị)».",
    );
    expect(await refused(`/canbo sua ${an.id} | phutruch=NTM`)).toContain("Cú pháp:");
    const [notSecretariat] = await h.say(
      chairman,
      group(DEMO.groups.namTraMy),
      `/canbo sua ${an.id} | chuongtrinh=GNBV`,
    );
    expect(notSecretariat!.text).toMatch(/^Đồng chí không dùng được lệnh này/);
    expect(await db.auditLog.count()).toBe(audits);
    expect(await current()).toHaveLength(2);

    // a deactivated official cannot be given responsibilities
    const [added] = await h.say(secretariat, office, "/canbo them Lê Thị Mới | Nam Trà My | Phụ trách");
    const moi = await db.official.findFirstOrThrow({ where: { fullName: "Lê Thị Mới" } });
    expect(added!.text).toContain(`mã ${moi.id}`);
    await h.say(secretariat, office, `/canbo ngung ${moi.id}`);
    expect(await refused(`/canbo sua ${moi.id} | chuongtrinh=GNBV`)).toBe(
      `Cán bộ Lê Thị Mới (mã ${moi.id}) đã ngừng hoạt động: không phân công phụ trách được.`,
    );

    // «-»: no responsibility any more
    const [none] = await h.say(secretariat, office, `/canbo sua ${an.id} | phutrach=-`);
    expect(none!.text).toBe(
      `✅ Đã cập nhật cán bộ mã ${an.id}: 2 thay đổi, đã ghi nhật ký.\nPhụ trách: không còn phần việc nào.`,
    );
    expect(await current()).toEqual([]);
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
    // a make-up working day on a weekday would change nothing: refused, not written
    const [weekday] = await h.say(secretariat, office, "/ngaynghi them 03/02/2028 lamviec Làm bù");
    expect(weekday!.text).toBe(
      "Ngày 03/02/2028 là thứ Năm, vốn là ngày làm việc: ngày làm việc bù chỉ ghi cho thứ Bảy, Chủ nhật.",
    );
    const [refused] = await h.say(chairman, group(DEMO.groups.namTraMy), "/ngaynghi them 02/01/2028 X");
    expect(refused!.text).toMatch(/^Đồng chí không dùng được lệnh này/);
    expect(await db.calendarDay.count({ where: { date: { gte: "2028-01-01" } } })).toBe(2);
  });

  it("/ngaynghi xoa: a day declared by mistake is removed, audited; a day not listed or a bad date changes nothing", async () => {
    const db = h.db.db;
    await h.say(secretariat, office, "/ngaynghi them 03/01/2028 Nghỉ nhầm");
    const [removed] = await h.say(secretariat, office, "/ngaynghi xoa 03/01/2028");
    expect(removed!.text).toBe(
      "✅ Đã xóa 03/01/2028 (ngày nghỉ — Nghỉ nhầm) khỏi lịch: ngày này trở lại như ngày thường trong tuần, các hạn tính theo ngày làm việc được tính lại theo lịch mới; đã ghi nhật ký.",
    );
    expect(await db.calendarDay.findUnique({ where: { date: "2028-01-03" } })).toBeNull();
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "calendarDay.delete" } });
    expect([entry.entityId, JSON.parse(entry.before!).name]).toEqual(["2028-01-03", "Nghỉ nhầm"]);
    const [again] = await h.say(secretariat, office, "/ngaynghi Xóa 03/01/2028");
    expect(again!.text).toBe(
      "Ngày 03/01/2028 không có trong lịch ngày nghỉ lễ, ngày làm việc bù: không có gì để xóa. Xem danh sách: /ngaynghi 2028",
    );
    const [bad] = await h.say(secretariat, office, "/ngaynghi xoa 32/01/2028");
    expect(bad!.text).toBe("Ngày «32/01/2028» không hợp lệ (dd/mm/yyyy).");
    const before = await db.calendarDay.count();
    const [refused] = await h.say(chairman, group(DEMO.groups.namTraMy), "/ngaynghi xoa 01/01/2027");
    expect(refused!.text).toMatch(/^Đồng chí không dùng được lệnh này/);
    expect(await db.calendarDay.count()).toBe(before);
    expect(await db.auditLog.count({ where: { action: "calendarDay.delete" } })).toBe(1);
  });

  it("/chuongtrinh lists the programmes with their offices and sets one (audited); refusals change nothing", async () => {
    const db = h.db.db;
    const thu = await db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.secretariat.id) } });
    const [list] = await h.say(secretariat, office, "/chuongtrinh");
    expect(list!.text.split("\n")).toEqual([
      "<b>Các chương trình và cơ quan chủ trì</b> (trả lời vướng mắc của chương trình)",
      "• <b>NTM</b> — Xây dựng nông thôn mới: chưa có (Văn phòng điều phối xử lý vướng mắc)",
      "• <b>GNBV</b> — Giảm nghèo bền vững: chưa có (Văn phòng điều phối xử lý vướng mắc)",
      "• <b>DTTS</b> — Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi: chưa có (Văn phòng điều phối xử lý vướng mắc)",
      "Đặt cơ quan chủ trì: /chuongtrinh &lt;mã&gt; coquan &lt;sở, ban, văn phòng&gt;",
    ]);

    const [set] = await h.say(secretariat, office, "/chuongtrinh ntm coquan sở kế hoạch");
    expect(set!.text).toBe(
      "✅ Vướng mắc của chương trình NTM từ nay chuyển Sở Kế hoạch và Đầu tư trả lời, đã ghi nhật ký.",
    );
    const skhdt = await db.unit.findUniqueOrThrow({ where: { code: "SO_KHDT" } });
    expect((await db.programme.findUniqueOrThrow({ where: { code: "NTM" } })).officeUnitId).toBe(skhdt.id);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "programme.office" } });
    expect(entry.actorId).toBe(thu.id);
    expect(JSON.parse(entry.after)).toMatchObject({ code: "NTM", officeUnitId: skhdt.id });
    const [again] = await h.say(secretariat, office, "/chuongtrinh");
    expect(again!.text).toContain("• <b>NTM</b> — Xây dựng nông thôn mới: Sở Kế hoạch và Đầu tư");

    // a district is not an office; an unknown programme; a chairman: refused, nothing written
    const audits = await db.auditLog.count();
    const [district] = await h.say(secretariat, office, "/chuongtrinh GNBV coquan Nam Trà My");
    expect(district!.text).toBe("Không có sở, ban, văn phòng nào tên «Nam Trà My».");
    const [unknown] = await h.say(secretariat, office, "/chuongtrinh XYZ coquan Sở Tài chính");
    expect(unknown!.text).toBe("Không có chương trình mã «XYZ».");
    const [usage] = await h.say(secretariat, office, "/chuongtrinh NTM Sở Tài chính");
    expect(usage!.text).toContain("Cú pháp: /chuongtrinh");
    const [refused] = await h.say(chairman, group(DEMO.groups.namTraMy), "/chuongtrinh NTM coquan Sở Tài chính");
    expect(refused!.text).toMatch(/^Đồng chí không dùng được lệnh này/);
    expect(await db.auditLog.count()).toBe(audits);

    // «không»: back to the secretariat, audited
    const [cleared] = await h.say(secretariat, office, "/chuongtrinh NTM coquan không");
    expect(cleared!.text).toBe(
      "✅ Chương trình NTM không còn cơ quan chủ trì: Văn phòng điều phối xử lý vướng mắc, đã ghi nhật ký.",
    );
    expect((await db.programme.findUniqueOrThrow({ where: { code: "NTM" } })).officeUnitId).toBeNull();
    expect(await db.auditLog.count({ where: { action: "programme.office", actorId: thu.id } })).toBe(2);
  });
});
