// Registry files: an import with bad rows writes nothing and names every bad row (CSV and XLSX);
// a good import applies with audit entries; export → import changes nothing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { localInstant } from "../../src/domain/dates.ts";
import { DEMO } from "../../src/platform/db/seed/demo.ts";
import {
  createRegistryIo,
  formatRowError,
  ROLE_LABELS,
  UNIT_KIND_LABELS,
} from "../../src/features/registry/registry-io.ts";
import { createTestDatabase, describeEachDatabase, describeOnSqlite, type TestDatabase } from "../support/db.ts";

const DAY = "2026-11-24";
const now = localInstant(DAY, 9 * 60);
const ROLES = Object.values(ROLE_LABELS).join(", ");
const KINDS = Object.values(UNIT_KIND_LABELS).join(", ");

const OFFICIAL_HEADER = "Họ và tên,Chức vụ,Đơn vị,Vai trò,Chương trình,Dự án,Telegram ID,Ngôn ngữ";

describeEachDatabase("registry import/export", (provider) => {
  let t: TestDatabase;
  let dir: string;
  let io: ReturnType<typeof createRegistryIo>;
  beforeEach(async () => {
    t = await createTestDatabase(provider, { demo: { today: DAY, now } });
    io = createRegistryIo({ db: t.db });
    dir = mkdtempSync(join(tmpdir(), "dondoc-registry-"));
  });
  afterEach(async () => {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () => ({
    units: await t.db.unit.count(),
    officials: await t.db.official.findMany({ orderBy: { id: "asc" } }),
    roles: await t.db.roleAssignment.findMany({ orderBy: { id: "asc" } }),
    responsibilities: await t.db.responsibility.findMany({ orderBy: { id: "asc" } }),
    audit: await t.db.auditLog.count(),
  });

  it("rejects a CSV with good and bad rows: nothing changes and every bad row is named", async () => {
    const file = join(dir, "can-bo.csv");
    writeFileSync(
      file,
      [
        OFFICIAL_HEADER,
        "Nguyễn Thị Mới,Chuyên viên,nam tra my,Phụ trách,NTM,,777001,vi",
        "Lê Văn Lạ,Chuyên viên,Huyện Không Có,Phụ trách,NTM,,777002,vi",
        "Phan Văn Ba,Chuyên viên,Bắc Trà My,Phụ trách,CHUONG_TRINH_X,,777003,vi",
        "Đỗ Văn Tư,Chuyên viên,Bắc Trà My,Vua,,,777004,vi",
        "Mai Thị Năm,Chuyên viên,Bắc Trà My,Phụ trách,,,12ab,vi",
        "Hà Văn Sáu,Chuyên viên,Bắc Trà My,Phụ trách,,,777001,fr",
      ].join("\n"),
    );
    const before = await snapshot();
    const r = await io.importFile(file, { now });
    expect(r.applied).toBe(false);
    expect(r.errors.map(formatRowError)).toEqual([
      "Dòng 3: không tìm thấy đơn vị «Huyện Không Có».",
      "Dòng 4: không tìm thấy chương trình «CHUONG_TRINH_X».",
      `Dòng 5: vai trò «Vua» không hợp lệ (${ROLES}).`,
      "Dòng 6: Telegram ID «12ab» không hợp lệ (chỉ gồm chữ số).",
      "Dòng 7: ngôn ngữ «fr» không hợp lệ (vi hoặc en).",
    ]);
    expect(await snapshot()).toEqual(before);

    // the duplicate Telegram id of row 7 shows once its other problem is fixed
    writeFileSync(
      file,
      [OFFICIAL_HEADER, "Nguyễn Thị Mới,,nam tra my,,,,777001,", "Hà Văn Sáu,,Bắc Trà My,,,,777001,"].join("\n"),
    );
    expect((await io.importFile(file, { now })).errors.map(formatRowError)).toEqual([
      "Dòng 3: Telegram ID 777001 trùng với dòng 2.",
    ]);
    const bin = await t.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(DEMO.official2.id) } });
    writeFileSync(
      file,
      [
        "Mã cán bộ,Họ và tên,Đơn vị,Telegram ID",
        `${bin.id},Trần Văn Bình,Nam Trà My,${DEMO.official.id}`,
        "999,Ai Đó,Nam Trà My,",
      ].join("\n"),
    );
    expect((await io.importFile(file, { now })).errors.map(formatRowError)).toEqual([
      `Dòng 2: Telegram ID ${DEMO.official.id} đã thuộc về cán bộ Nguyễn Văn An (mã 6).`,
      "Dòng 3: không có cán bộ mã 999.",
    ]);

    const units = join(dir, "don-vi.csv");
    writeFileSync(
      units,
      ["Mã đơn vị,Tên đơn vị,Loại", "XA_A,Xã A,Xã", "XA_A,Xã A bis,Xã", "XA_B,Xã B,Thôn"].join("\r\n"),
    );
    expect((await io.importFile(units, { now })).errors.map(formatRowError)).toEqual([
      "Dòng 3: mã đơn vị «XA_A» trùng với dòng 2.",
      `Dòng 4: loại đơn vị «Thôn» không hợp lệ (${KINDS}).`,
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a row whose Telegram ID belongs to an official of another name, unless it says it renames him", async () => {
    const an = await t.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(DEMO.official.id) } });
    const file = join(dir, "can-bo.csv");
    // row 3: a new official whose Telegram id was mistyped as An's
    writeFileSync(
      file,
      [
        "Họ và tên,Chức vụ,Đơn vị,Vai trò,Telegram ID",
        "Y Thị Mai,Công chức xã,Bắc Trà My,Phụ trách,777020",
        `Trần Thị Bích,Chuyên viên,Bắc Trà My,Phụ trách,${DEMO.official.id}`,
      ].join("\n"),
    );
    const before = await snapshot();
    const r = await io.importFile(file, { now });
    expect(r).toMatchObject({ applied: false, changes: {} });
    expect(r.errors.map(formatRowError)).toEqual([
      `Dòng 3: Telegram ID ${DEMO.official.id} đang thuộc cán bộ Nguyễn Văn An (mã ${an.id}, Nam Trà My); họ tên trong tệp là «Trần Thị Bích». ` +
        `Nếu đúng là cán bộ này đổi họ tên, ghi «Có» ở cột «Đổi họ tên» (hoặc ghi ${an.id} ở cột «Mã cán bộ»); nếu không, kiểm tra lại Telegram ID.`,
    ]);
    expect(await snapshot()).toEqual(before);

    // the same name (found by Telegram id) is an ordinary update; a name written without accents is a rename
    writeFileSync(
      file,
      ["Họ và tên,Chức vụ,Đơn vị,Telegram ID", `Nguyễn Văn An,Trưởng phòng,Nam Trà My,${DEMO.official.id}`].join("\n"),
    );
    expect(await io.importFile(file, { now })).toMatchObject({ applied: true, changes: { "official.update": 1 } });
    writeFileSync(file, ["Họ và tên,Đơn vị,Telegram ID", `Nguyen Van An,Nam Trà My,${DEMO.official.id}`].join("\n"));
    expect((await io.importFile(file, { now })).errors).toHaveLength(1);

    // said explicitly: the «Đổi họ tên» flag, or the official's id
    writeFileSync(
      file,
      ["Họ và tên,Đơn vị,Telegram ID,Đổi họ tên", `Nguyễn Thị An,Nam Trà My,${DEMO.official.id},Có`].join("\n"),
    );
    expect(await io.importFile(file, { now })).toMatchObject({ applied: true, changes: { "official.update": 1 } });
    expect((await t.db.official.findUniqueOrThrow({ where: { id: an.id } })).fullName).toBe("Nguyễn Thị An");
    writeFileSync(
      file,
      ["Mã cán bộ,Họ và tên,Đơn vị,Telegram ID", `${an.id},Nguyễn Văn An,Nam Trà My,${DEMO.official.id}`].join("\n"),
    );
    expect(await io.importFile(file, { now })).toMatchObject({ applied: true, changes: { "official.update": 1 } });
    writeFileSync(
      file,
      ["Họ và tên,Đơn vị,Telegram ID,Đổi họ tên", `Nguyễn Văn An,Nam Trà My,${DEMO.official.id},Chắc vậy`].join("\n"),
    );
    expect((await io.importFile(file, { now })).errors.map(formatRowError)).toEqual([
      "Dòng 2: «Đổi họ tên» phải là «Có» hoặc «Không» (gặp «Chắc vậy»).",
    ]);
  });

  it("rejects an XLSX with good and bad rows on both sheets, naming sheet and row", async () => {
    const wb = new ExcelJS.Workbook();
    const u = wb.addWorksheet("Đơn vị");
    u.addRow(["Mã đơn vị", "Tên đơn vị", "Loại", "Đơn vị cấp trên"]);
    u.addRow(["XA_TRA_MAI", "Xã Trà Mai", "Xã", "Nam Trà My"]);
    u.addRow(["XA_TRA_DON", "Xã Trà Dơn", "Xã", "Huyện Ma"]);
    const o = wb.addWorksheet("Cán bộ");
    o.addRow(["Họ và tên", "Đơn vị", "Vai trò", "Telegram ID"]);
    o.addRow(["Y Thị Mai", "xa tra mai", "Phụ trách", 777010]);
    o.addRow(["A Lăng Tèo", "Xã Không Có", "Phụ trách", 777011]);
    o.addRow(["", "Xã Trà Mai", "Chủ tịch", ""]);
    const file = join(dir, "danh-sach.xlsx");
    await wb.xlsx.writeFile(file);
    const before = await snapshot();
    const r = await io.importFile(file, { now });
    expect(r.errors.map(formatRowError)).toEqual([
      "Trang «Đơn vị», dòng 3: đơn vị cấp trên: không tìm thấy đơn vị «Huyện Ma».",
      "Trang «Cán bộ», dòng 3: không tìm thấy đơn vị «Xã Không Có».",
      "Trang «Cán bộ», dòng 4: thiếu họ và tên.",
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("applies a good import in one go, with an audit entry for every change", async () => {
    const wb = new ExcelJS.Workbook();
    const u = wb.addWorksheet("Đơn vị");
    u.addRow(["Mã đơn vị", "Tên đơn vị", "Loại", "Đơn vị cấp trên"]);
    u.addRow(["XA_TRA_MAI", "Xã Trà Mai", "Xã", "NAM_TRA_MY"]);
    const o = wb.addWorksheet("Cán bộ");
    o.addRow(["Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Chương trình", "Dự án", "Telegram ID", "Ngôn ngữ"]);
    o.addRow(["Y Thị Mai", "Công chức xã", "xa tra mai", "Phụ trách", "NTM; gnbv", "Đường giao thông; ", 777010, "vi"]);
    // an existing official, found by Telegram id: new title, Bắc Trà My's DTTS added to his NTM
    o.addRow([
      "Nguyễn Văn An",
      "Trưởng phòng",
      "Nam Trà My",
      "Phụ trách",
      "NTM; DTTS (BAC_TRA_MY)",
      "",
      DEMO.official.id,
      "en",
    ]);
    const file = join(dir, "nhap.xlsx");
    await wb.xlsx.writeFile(file);

    const dry = await io.importFile(file, { now, dryRun: true });
    expect(dry).toMatchObject({ applied: false, dryRun: true, errors: [] });
    expect(await t.db.unit.count({ where: { code: "XA_TRA_MAI" } })).toBe(0);

    const r = await io.importFile(file, { now });
    const expected = {
      "unit.create": 1,
      "unit.update": 1,
      "official.create": 1,
      "role.grant": 1,
      "responsibility.create": 3,
      "official.update": 1,
    };
    expect(dry.changes).toEqual(expected);
    expect(r).toMatchObject({ applied: true, errors: [], rows: { units: 1, officials: 2 }, changes: expected });

    const xa = await t.db.unit.findUniqueOrThrow({ where: { code: "XA_TRA_MAI" }, include: { parent: true } });
    expect([xa.name, xa.nameKey, xa.kind, xa.parent?.code]).toEqual([
      "Xã Trà Mai",
      "xa tra mai",
      "COMMUNE",
      "NAM_TRA_MY",
    ]);
    const mai = await t.db.official.findUniqueOrThrow({
      where: { telegramUserId: 777010n },
      include: { roles: true, responsibilities: { include: { programme: true }, orderBy: { id: "asc" } } },
    });
    expect([mai.fullName, mai.nameKey, mai.title, mai.unitId, mai.language]).toEqual([
      "Y Thị Mai",
      "y thi mai",
      "Công chức xã",
      xa.id,
      "vi",
    ]);
    expect(mai.roles.map((x) => [x.role, x.unitId])).toEqual([["RESPONSIBLE", xa.id]]);
    expect(mai.responsibilities.map((x) => [x.programme.code, x.unitId, x.project])).toEqual([
      ["NTM", xa.id, "Đường giao thông"],
      ["GNBV", xa.id, ""],
    ]);
    const an = await t.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(DEMO.official.id) } });
    expect([an.title, an.language]).toEqual(["Trưởng phòng", "en"]);
    const update = await t.db.auditLog.findFirstOrThrow({
      where: { action: "official.update", entityId: String(an.id) },
    });
    expect(JSON.parse(update.before)).toMatchObject({ title: "Phó Trưởng phòng Tài chính - Kế hoạch", language: "vi" });
    expect(JSON.parse(update.after)).toMatchObject({ title: "Trưởng phòng", language: "en" });
    expect(update.at.toISOString()).toBe(now.toISOString());
    expect(await t.db.auditLog.count()).toBe(8);
  });

  it("adds programmes from the «Chương trình» sheet, with the rest of the file or not at all", async () => {
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("Chương trình");
    p.addRow(["Mã chương trình", "Tên chương trình", "Tên tiếng Anh"]);
    p.addRow(["NTM", "Xây dựng nông thôn mới", "New Rural Development"]);
    p.addRow(["PTVH", "Phát triển văn hóa", "Cultural Development"]);
    p.addRow(["Văn hóa", "Văn hóa", ""]);
    p.addRow(["ptvh", "Phát triển văn hóa (bis)", ""]);
    p.addRow(["GNBV2", "Giam ngheo ben vung", ""]);
    p.addRow(["CDS", "", ""]);
    const o = wb.addWorksheet("Cán bộ");
    o.addRow(["Họ và tên", "Đơn vị", "Vai trò", "Chương trình", "Telegram ID"]);
    o.addRow(["Y Thị Mai", "Bắc Trà My", "Phụ trách", "PTVH; Phát triển văn hóa (NAM_TRA_MY)", 777030]);
    const file = join(dir, "chuong-trinh.xlsx");
    await wb.xlsx.writeFile(file);
    const before = await snapshot();
    const programmesBefore = await t.db.programme.findMany({ orderBy: { id: "asc" } });
    const bad = await io.importFile(file, { now });
    expect(bad.errors.map(formatRowError)).toEqual([
      "Trang «Chương trình», dòng 4: mã chương trình chỉ gồm chữ không dấu, số và _ . -.",
      "Trang «Chương trình», dòng 5: mã chương trình «ptvh» trùng với dòng 3.",
      "Trang «Chương trình», dòng 6: tên chương trình «Giam ngheo ben vung» trùng với chương trình GNBV.",
      "Trang «Chương trình», dòng 7: thiếu tên chương trình.",
    ]);
    expect(await snapshot()).toEqual(before);
    expect(await t.db.programme.findMany({ orderBy: { id: "asc" } })).toEqual(programmesBefore);

    for (const row of [7, 6, 5, 4]) p.spliceRows(row, 1);
    await wb.xlsx.writeFile(file);
    const r = await io.importFile(file, { now });
    expect(r).toMatchObject({
      applied: true,
      errors: [],
      rows: { programmes: 2, units: 0, officials: 1 },
      changes: { "programme.create": 1, "official.create": 1, "role.grant": 1, "responsibility.create": 2 },
    });
    const ptvh = await t.db.programme.findUniqueOrThrow({ where: { code: "PTVH" } });
    expect([ptvh.name, ptvh.nameEn, ptvh.nameKey, ptvh.sortOrder]).toEqual([
      "Phát triển văn hóa",
      "Cultural Development",
      "phat trien van hoa",
      3,
    ]);
    const mai = await t.db.official.findUniqueOrThrow({
      where: { telegramUserId: 777030n },
      include: { responsibilities: { include: { programme: true, unit: true }, orderBy: { id: "asc" } } },
    });
    expect(mai.responsibilities.map((x) => [x.programme.code, x.unit.code])).toEqual([
      ["PTVH", "BAC_TRA_MY"],
      ["PTVH", "NAM_TRA_MY"],
    ]);

    // a CSV of programmes renames one, audited
    const csv = join(dir, "chuong-trinh.csv");
    writeFileSync(csv, ["Mã chương trình;Tên chương trình", "PTVH;Phát triển văn hóa, thể thao"].join("\n"));
    expect(await io.importFile(csv, { now })).toMatchObject({ applied: true, changes: { "programme.update": 1 } });
    expect((await t.db.programme.findUniqueOrThrow({ where: { code: "PTVH" } })).nameEn).toBe("Cultural Development");
  });

  it("sets programmes' offices from the «Cơ quan chủ trì» column, all or nothing, with row-numbered errors", async () => {
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("Chương trình");
    p.addRow(["Mã chương trình", "Tên chương trình", "Cơ quan chủ trì"]);
    p.addRow(["NTM", "Xây dựng nông thôn mới", "Sở Kế hoạch và Đầu tư"]);
    p.addRow(["GNBV", "Giảm nghèo bền vững", "Nam Trà My"]);
    p.addRow(["DTTS", "Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi", "Sở Không Có"]);
    p.addRow(["PTVH", "Phát triển văn hóa", "SO_TC"]);
    const u = wb.addWorksheet("Đơn vị");
    u.addRow(["Mã đơn vị", "Tên đơn vị", "Loại", "Đang hoạt động"]);
    u.addRow(["SO_TC", "Sở Tài chính", "Sở", "Không"]);
    u.addRow(["SO_LDTBXH", "Sở Lao động - Thương binh và Xã hội", "Sở", "Có"]);
    const file = join(dir, "co-quan.xlsx");
    await wb.xlsx.writeFile(file);
    const programmesBefore = await t.db.programme.findMany({ orderBy: { id: "asc" } });
    const audits = await t.db.auditLog.count();
    const bad = await io.importFile(file, { now });
    expect(bad.errors.map(formatRowError)).toEqual([
      "Trang «Chương trình», dòng 3: cơ quan chủ trì «Nam Trà My» không phải sở, ban hoặc văn phòng.",
      "Trang «Chương trình», dòng 4: cơ quan chủ trì: không tìm thấy đơn vị «Sở Không Có».",
      // the file itself stops Sở Tài chính
      "Trang «Chương trình», dòng 5: cơ quan chủ trì «Sở Tài chính» đã ngừng hoạt động.",
    ]);
    expect(await t.db.programme.findMany({ orderBy: { id: "asc" } })).toEqual(programmesBefore);
    expect(await t.db.auditLog.count()).toBe(audits);

    // the department the same file adds may be named; an empty cell means none; a programme not in the file keeps its
    p.getRow(3).getCell(3).value = "SO_LDTBXH";
    p.getRow(4).getCell(3).value = "";
    p.spliceRows(5, 1);
    u.spliceRows(2, 1);
    await wb.xlsx.writeFile(file);
    const r = await io.importFile(file, { now });
    expect(r).toMatchObject({ applied: true, errors: [], changes: { "unit.create": 1, "programme.office": 2 } });
    const office = async (code: string) => (await t.db.programme.findUniqueOrThrow({ where: { code } })).officeUnitId;
    const id = async (code: string) => (await t.db.unit.findUniqueOrThrow({ where: { code } })).id;
    expect([await office("NTM"), await office("GNBV"), await office("DTTS")]).toEqual([
      await id("SO_KHDT"),
      await id("SO_LDTBXH"),
      null,
    ]);
    const entry = await t.db.auditLog.findFirstOrThrow({
      where: { action: "programme.office" },
      orderBy: { id: "asc" },
    });
    expect([JSON.parse(entry.before).officeUnitId, JSON.parse(entry.after).officeUnitId]).toEqual([
      null,
      await id("SO_KHDT"),
    ]);

    // a CSV without the column leaves the offices; an empty cell removes one
    const keep = join(dir, "chuong-trinh.csv");
    writeFileSync(keep, ["Mã chương trình;Tên chương trình", "NTM;Xây dựng nông thôn mới"].join("\n"));
    expect(await io.importFile(keep, { now })).toMatchObject({ applied: true, changes: {} });
    expect(await office("NTM")).toBe(await id("SO_KHDT"));
    writeFileSync(keep, ["Mã chương trình;Tên chương trình;Cơ quan chủ trì", "NTM;Xây dựng nông thôn mới;"].join("\n"));
    expect(await io.importFile(keep, { now })).toMatchObject({ applied: true, changes: { "programme.office": 1 } });
    expect(await office("NTM")).toBeNull();
  });

  for (const ext of ["xlsx", "csv"] as const) {
    it(`round-trips: importing an ${ext.toUpperCase()} export changes nothing`, async () => {
      // some history first, so that ended rows and scoped roles are in the data; a programme with an office
      const later = new Date(now.getTime() + 60_000);
      const skhdt = await t.db.unit.findUniqueOrThrow({ where: { code: "SO_KHDT" } });
      await t.db.programme.update({ where: { code: "GNBV" }, data: { officeUnitId: skhdt.id } });
      const file = join(dir, `export.${ext}`);
      const before = await snapshot();
      if (ext === "csv") {
        expect((await io.exportFile(join(dir, "units.csv"), { kind: "units", now: later })).rows).toBe(13);
        const u = await io.importFile(join(dir, "units.csv"), { now: later });
        expect(u).toMatchObject({ applied: true, errors: [], rows: { units: 13, officials: 0 }, changes: {} });
      }
      if (ext === "csv") {
        expect((await io.exportFile(join(dir, "programmes.csv"), { kind: "programmes", now: later })).rows).toBe(3);
        const p = await io.importFile(join(dir, "programmes.csv"), { now: later });
        expect(p).toMatchObject({
          applied: true,
          errors: [],
          rows: { programmes: 3, units: 0, officials: 0 },
          changes: {},
        });
      }
      expect((await io.exportFile(file, { now: later })).rows).toBe(ext === "csv" ? 9 : 25);
      const r = await io.importFile(file, { now: later });
      expect(r).toMatchObject({
        applied: true,
        errors: [],
        rows: { programmes: ext === "csv" ? 0 : 3, units: ext === "csv" ? 0 : 13, officials: 9 },
        changes: {},
      });
      expect(await snapshot()).toEqual(before);
      const tables = await io.readTables(file);
      if (ext === "xlsx") {
        expect(tables.map((x) => [x.kind, x.sheet])).toEqual([
          ["programmes", "Chương trình"],
          ["units", "Đơn vị"],
          ["officials", "Cán bộ"],
        ]);
      }
      if (ext === "xlsx") {
        const gnbv = tables.find((x) => x.kind === "programmes")!.rows.find((x) => x.cells.code === "GNBV")!;
        expect(gnbv.cells.office).toBe("SO_KHDT");
      }
      const supervisor = tables
        .find((x) => x.kind === "officials")!
        .rows.find((x) => x.cells.name === DEMO.supervisor.name)!;
      expect(supervisor.cells.roles).toBe("Giám sát (NAM_TRA_MY); Giám sát (BAC_TRA_MY)");
      expect(supervisor.cells.telegramId).toBe(String(DEMO.supervisor.id));
    });
  }
});

describeOnSqlite("registry export of a large registry", (provider) => {
  // the export reads officials a page at a time (5,000): one IN list of 50,000 ids is refused by SQLite
  it("exports every official once, in order, with his roles, across pages", async () => {
    const t = await createTestDatabase(provider, { demo: { today: DAY, now } });
    const dir = mkdtempSync(join(tmpdir(), "dondoc-registry-"));
    try {
      const unit = await t.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
      const before = await t.db.official.count();
      await t.db.official.createMany({
        data: Array.from({ length: 5_100 }, (_, i) => ({
          fullName: `Cán bộ ${i + 1}`,
          nameKey: `can bo ${i + 1}`,
          unitId: unit.id,
        })),
      });
      const last = await t.db.official.findFirstOrThrow({ orderBy: { id: "desc" } });
      await t.db.roleAssignment.create({
        data: { officialId: last.id, role: "RESPONSIBLE", unitId: unit.id, validFrom: new Date(0) },
      });
      const file = join(dir, "can-bo.csv");
      expect((await createRegistryIo({ db: t.db }).exportFile(file, { now })).rows).toBe(before + 5_100);
      const rows = (await createRegistryIo({ db: t.db }).readTables(file))[0]!.rows;
      const ids = rows.map((r) => Number(r.cells.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(before + 5_100);
      const lastRow = rows.find((r) => Number(r.cells.id) === last.id)!;
      expect([lastRow.cells.name, lastRow.cells.roles]).toEqual([`Cán bộ 5100`, ROLE_LABELS.RESPONSIBLE]);
    } finally {
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
