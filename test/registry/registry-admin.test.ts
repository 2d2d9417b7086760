// Handover moves responsibilities and open tasks and keeps who was responsible when; deactivation; programmes.
import { afterEach, beforeEach, expect, it } from "vitest";
import { localInstant } from "../../src/domain/dates.ts";
import { DEMO } from "../../src/platform/db/seed/demo.ts";
import { ensureReferenceData } from "../../src/platform/db/seed/reference.ts";
import { createRegistry } from "../../src/features/registry/registry.ts";
import { createRegistryAdmin } from "../../src/features/registry/registry-admin.ts";
import { createTestDatabase, describeOnSqlite, type TestDatabase } from "../support/db.ts";

const DAY = "2026-11-24";
const now = localInstant(DAY, 9 * 60);
const later = localInstant(DAY, 10 * 60);

describeOnSqlite("registry administration", (provider) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof createRegistryAdmin>;
  const idOf = async (telegramId: number) =>
    (await t.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(telegramId) } })).id;
  beforeEach(async () => {
    t = await createTestDatabase(provider, { demo: { today: DAY, now } });
    admin = createRegistryAdmin({ db: t.db });
  });
  afterEach(async () => {
    await t.drop();
  });

  it("hands responsibilities and open tasks over and keeps the history", async () => {
    const an = await idOf(DEMO.official.id);
    const hoa = await idOf(DEMO.bacTraMyChairman.id);
    const r = await admin.handover(
      { fromId: an, toId: hoa, programme: "nong thon moi", reason: "chuyển công tác" },
      { now: later },
    );
    expect(r).toEqual({ responsibilities: 1, tasks: 1 });

    const rows = await t.db.responsibility.findMany({ where: { programme: { code: "NTM" } }, orderBy: { id: "asc" } });
    expect(rows.map((x) => [x.officialId, x.validFrom.toISOString(), x.validTo?.toISOString() ?? null])).toEqual([
      [an, new Date(0).toISOString(), later.toISOString()],
      [hoa, later.toISOString(), null],
    ]);
    const task = await t.db.task.findFirstOrThrow({ where: { title: "Nộp báo cáo tiến độ giải ngân tháng" } });
    expect(task.responsibleId).toBe(hoa);
    const reassign = await t.db.auditLog.findFirstOrThrow({
      where: { action: "task.reassign", entityId: String(task.id) },
    });
    expect(JSON.parse(reassign.before)).toEqual({ responsibleId: an, responsibleName: "Nguyễn Văn An" });
    expect(JSON.parse(reassign.after)).toEqual({
      responsibleId: hoa,
      responsibleName: "Võ Thị Hoa",
      reason: "chuyển công tác",
    });
    expect(await t.db.auditLog.count({ where: { action: "responsibility.handover" } })).toBe(1);

    // who was responsible when
    const who = async (at: Date) =>
      (await admin.who({ unit: "Nam Trà My", programme: "NTM", now: at })).map((l) => l.fullName);
    expect(await who(now)).toEqual(["Nguyễn Văn An"]);
    expect(await who(later)).toEqual(["Võ Thị Hoa"]);
    // nothing left to hand over
    await expect(admin.handover({ fromId: an, toId: hoa }, { now: later })).rejects.toThrow(
      "Cán bộ Nguyễn Văn An (mã 6) không phụ trách gì và không có việc đang mở trong phạm vi này: không có gì để bàn giao.",
    );
  });

  it("deactivates an official only once his open tasks are handed over", async () => {
    const binh = await idOf(DEMO.official2.id);
    const an = await idOf(DEMO.official.id);
    const auditBefore = await t.db.auditLog.count();
    await expect(admin.deactivateOfficial(binh, { now: later })).rejects.toThrow(
      `Cán bộ Trần Văn Bình (mã ${binh}) còn 2 việc đang mở: bàn giao trước (handover --from ${binh} --to <mã cán bộ>).`,
    );
    expect(await t.db.auditLog.count()).toBe(auditBefore);

    expect(await admin.handover({ fromId: binh, toId: an }, { now: later })).toEqual({ responsibilities: 2, tasks: 2 });
    // he was the unit's deputy for GNBV (#19): the post ends with him, audited as /phutrach does
    const unit = await t.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    const gnbv = await t.db.programme.findUniqueOrThrow({ where: { code: "GNBV" } });
    await t.db.deputy.create({ data: { unitId: unit.id, programmeId: gnbv.id, officialId: binh, validFrom: now } });
    expect(await admin.deactivateOfficial(binh, { now: later })).toEqual({ endedRoles: 1, endedResponsibilities: 0 });
    expect((await t.db.deputy.findFirstOrThrow({ where: { officialId: binh } })).validTo?.toISOString()).toBe(
      later.toISOString(),
    );
    expect(await t.db.auditLog.count({ where: { action: "deputy.remove", entityId: `${unit.id}:${gnbv.id}` } })).toBe(
      1,
    );
    const o = await t.db.official.findUniqueOrThrow({ where: { id: binh }, include: { roles: true } });
    expect(o.active).toBe(false);
    expect(o.roles.map((x) => x.validTo?.toISOString())).toEqual([later.toISOString()]);
    expect(await createRegistry({ db: t.db }).actorByTelegramId(BigInt(DEMO.official2.id), later)).toBeNull();
    expect((await admin.who({ unit: "Nam Trà My", now: later })).map((l) => `${l.programme} ${l.fullName}`)).toEqual([
      "NTM Nguyễn Văn An",
      "GNBV Nguyễn Văn An",
      "DTTS Nguyễn Văn An",
    ]);
  });

  it("sets responsibilities as the command line's --programme/--project: the complete set, projects in order", async () => {
    const an = await idOf(DEMO.official.id);
    const r = await admin.updateOfficial(
      an,
      { programmes: ["NTM", "Giảm nghèo bền vững (Bắc Trà My)"], projects: ["", "Nhà ở hộ nghèo"] },
      { now: later },
    );
    expect(r.changes).toBe(1);
    expect((await admin.who({ officialId: an, now: later })).map((l) => [l.unit, l.programme, l.project])).toEqual([
      ["Bắc Trà My", "GNBV", "Nhà ở hộ nghèo"],
      ["Nam Trà My", "NTM", ""],
    ]);
    await expect(
      admin.updateOfficial(an, { programmes: ["NTM"], projects: ["A", "B"] }, { now: later }),
    ).rejects.toThrow("Số dự án (2) không khớp số chương trình (1)");
    expect(await admin.who({ officialId: an, now: later })).toHaveLength(2);
  });

  it("adds and updates an official with audit entries", async () => {
    const { id } = await admin.addOfficial(
      {
        name: "Lê Thị Mới",
        unit: "tien phuoc",
        title: "Chuyên viên",
        roles: ["Phụ trách", "Giám sát (Hiệp Đức)"],
        telegramId: "777100",
        lang: "en",
      },
      { now },
    );
    const o = await t.db.official.findUniqueOrThrow({
      where: { id },
      include: { unit: true, roles: { include: { unit: true }, orderBy: { id: "asc" } } },
    });
    expect([o.fullName, o.nameKey, o.unit?.code, o.telegramUserId, o.language]).toEqual([
      "Lê Thị Mới",
      "le thi moi",
      "TIEN_PHUOC",
      777100n,
      "en",
    ]);
    expect(o.roles.map((r) => [r.role, r.unit?.code])).toEqual([
      ["RESPONSIBLE", "TIEN_PHUOC"],
      ["SUPERVISOR", "HIEP_DUC"],
    ]);
    expect(await admin.updateOfficial(id, { title: "Trưởng phòng", roles: ["Phụ trách"] }, { now: later })).toEqual({
      changes: 2,
      renamed: null,
    });
    expect(
      (await t.db.auditLog.findMany({ where: { at: later }, orderBy: { id: "asc" } })).map((a) => a.action),
    ).toEqual(["official.update", "role.end"]);
    await expect(admin.addOfficial({ name: "X", unit: "trà my" }, { now })).rejects.toThrow(
      "Đơn vị «trà my» trùng với nhiều đơn vị: Nam Trà My, Bắc Trà My.",
    );
    await expect(admin.updateOfficial(id, { telegramId: String(DEMO.official.id) }, { now })).rejects.toThrow(
      `Telegram ID ${DEMO.official.id} đã thuộc về cán bộ Nguyễn Văn An (mã 6).`,
    );
    // named by id: a new name is an explicit rename, and said so
    expect(await admin.updateOfficial(id, { name: "Lê Thị Mơ" }, { now: later })).toEqual({
      changes: 1,
      renamed: { from: "Lê Thị Mới", to: "Lê Thị Mơ" },
    });
  });
});

describeOnSqlite("programmes", (provider) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof createRegistryAdmin>;
  beforeEach(async () => {
    t = await createTestDatabase(provider);
    await ensureReferenceData(t.db);
    admin = createRegistryAdmin({ db: t.db });
  });
  afterEach(async () => {
    await t.drop();
  });

  it("are listed and added after the others, audited; a bad or taken code or name is refused", async () => {
    expect((await admin.listProgrammes()).map((p) => p.code)).toEqual(["NTM", "GNBV", "DTTS"]);
    expect(
      await admin.addProgramme({ code: "PTVH", name: "Phát triển văn hóa", nameEn: "Cultural Development" }, { now }),
    ).toMatchObject({
      code: "PTVH",
      name: "Phát triển văn hóa",
    });
    const added = await t.db.programme.findUniqueOrThrow({ where: { code: "PTVH" } });
    expect([added.nameKey, added.nameEn, added.sortOrder]).toEqual(["phat trien van hoa", "Cultural Development", 3]);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "programme.create" } });
    expect([entry.entity, entry.entityId, JSON.parse(entry.after).code]).toEqual([
      "Programme",
      String(added.id),
      "PTVH",
    ]);
    expect((await admin.listProgrammes()).map((p) => p.code)).toEqual(["NTM", "GNBV", "DTTS", "PTVH"]);

    await expect(admin.addProgramme({ code: "ntm", name: "Chương trình khác" }, { now })).rejects.toThrow(
      "Mã chương trình «ntm» đã có (Xây dựng nông thôn mới).",
    );
    await expect(admin.addProgramme({ code: "NTM2", name: "xay dung nong thon moi" }, { now })).rejects.toThrow(
      "Tên chương trình «xay dung nong thon moi» trùng với chương trình NTM.",
    );
    await expect(admin.addProgramme({ code: "Văn hóa", name: "Văn hóa" }, { now })).rejects.toThrow(
      "Mã chương trình chỉ gồm chữ không dấu, số và _ . - (gặp «Văn hóa»).",
    );
    await expect(admin.addProgramme({ code: "VH", name: "  " }, { now })).rejects.toThrow("Thiếu tên chương trình.");
    expect(await t.db.programme.count()).toBe(4);
    expect(await t.db.auditLog.count()).toBe(1);
  });
});
