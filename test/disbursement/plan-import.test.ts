// Capital plans from CSV/XLSX: all or nothing, row-numbered Vietnamese errors, written in one transaction.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachDatabase, createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createPlanImport, readTable } from "../../src/features/disbursement/plan-import.ts";

const HEADER = "Đơn vị,Chương trình,Năm,Nguồn (TW/ĐP),Loại (ĐTPT/SN),Số tiền,Số quyết định,Ngày quyết định";
const now = new Date("2026-11-24T01:00:00Z");

describeEachDatabase("capital plan import", (provider) => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), "dondoc-plans-"));
  beforeEach(async () => {
    t = await createTestDatabase(provider, { demo: { today: "2026-11-24", now } });
  });
  afterEach(async () => {
    await t.drop();
  });

  it("imports a CSV: new plans are created and existing ones replaced, with audit", async () => {
    const file = join(dir, "ok.csv");
    writeFileSync(
      file,
      [
        HEADER,
        'Nam Trà My,NTM,2027,TW,ĐTPT,"12,5 tỷ",15/QĐ-UBND,10/01/2027',
        "Nam Trà My,NTM,2026,ĐP,ĐTPT,5 tỷ,,",
      ].join("\n"),
    );
    const importer = createPlanImport({ db: t.db });
    const parsed = await importer.parse(await readTable(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(
      parsed.rows.map((r) => [
        r.row,
        r.unitName,
        r.programmeCode,
        r.year,
        r.source,
        r.kind,
        r.amountVnd,
        r.decisionDate,
      ]),
    ).toEqual([
      [2, "Nam Trà My", "NTM", 2027, "CENTRAL", "INVESTMENT", 12_500_000_000n, "2027-01-10"],
      [3, "Nam Trà My", "NTM", 2026, "LOCAL", "INVESTMENT", 5_000_000_000n, null],
    ]);
    expect(await importer.apply(parsed.rows, { now })).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await t.db.capitalPlan.count({ where: { year: 2027 } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "capitalPlan.import" } })).toBe(2);
    // the same file again: nothing written, nothing audited
    expect(await importer.apply(parsed.rows, { now })).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await t.db.auditLog.count({ where: { action: "capitalPlan.import" } })).toBe(2);
  });

  it("reports every bad row by number and writes nothing", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(
      file,
      [
        HEADER,
        "Nam Trà My,NTM,2027,TW,ĐTPT,12.500,,",
        "Huyện XYZ,NTM,2027,TW,SN,1 tỷ,,",
        "Nam Trà My,NTM,27,XX,SN,1 tỷ,,",
        "Nam Trà My,NTM,2027,TW,ĐTPT,1 tỷ,,32/13/2027",
      ].join("\n"),
    );
    const importer = createPlanImport({ db: t.db });
    const parsed = await importer.parse(await readTable(file));
    expect(parsed).toEqual({
      ok: false,
      errors: [
        "Dòng 2: Số tiền «12.500» không hợp lệ.",
        "Dòng 3: Đơn vị «Huyện XYZ» không có.",
        "Dòng 4: Năm phải là năm 4 chữ số.",
        "Dòng 4: Nguồn (TW/ĐP) phải là TW hoặc ĐP.",
        "Dòng 5: Ngày quyết định «32/13/2027» không hợp lệ (dd/mm/yyyy).",
      ],
    });
    expect(await importer.parse([["Đơn vị", "Năm"]])).toEqual({
      ok: false,
      errors: ["Thiếu cột: Chương trình, Nguồn (TW/ĐP), Loại (ĐTPT/SN), Số tiền."],
    });
  });

  it("reads the same headers from an XLSX file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Kế hoạch vốn");
    ws.addRow(HEADER.split(","));
    ws.addRow(["Bắc Trà My", "GNBV", 2027, "ĐP", "SN", "850 triệu", "", ""]);
    // a real Excel date cell (as the secretariat's spreadsheets have), not text
    ws.addRow(["Nam Trà My", "NTM", 2027, "TW", "ĐTPT", 1_500_000_000, "21/QĐ-UBND", new Date(Date.UTC(2027, 0, 12))]);
    const file = join(dir, "plans.xlsx");
    await wb.xlsx.writeFile(file);
    const parsed = await createPlanImport({ db: t.db }).parse(await readTable(file));
    expect(
      parsed.ok &&
        parsed.rows.map((r) => [r.unitName, r.programmeCode, r.year, r.source, r.kind, r.amountVnd, r.decisionDate]),
    ).toEqual([
      ["Bắc Trà My", "GNBV", 2027, "LOCAL", "RECURRENT", 850_000_000n, null],
      ["Nam Trà My", "NTM", 2027, "CENTRAL", "INVESTMENT", 1_500_000_000n, "2027-01-12"],
    ]);
  });
});
