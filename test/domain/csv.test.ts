// CSV for Excel on Vietnamese Windows (issue #21): exports are ";"-separated with a UTF-8 BOM, and every
// CSV import (registry, capital plans, tasks) reads ",", ";" and a leading `sep=` line, so an export
// round-trips.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../src/domain/csv.ts";
import { sheetToCsv, type Sheet } from "../../src/features/reports/sheets.ts";
import { readTables } from "../../src/features/registry/registry-io/files.ts";
import { tableFromBytes } from "../../src/platform/files/tables.ts";

const sheet: Sheet = {
  name: "Tình hình",
  columns: [
    { header: "Đơn vị", type: "text" },
    { header: "Tỷ lệ (%, lũy kế)", type: "pct" },
    { header: "Giải ngân (đồng)", type: "vnd" },
    { header: "Ngày", type: "date" },
    { header: "Ghi chú", type: "text" },
  ],
  rows: [
    ["Nam Trà My", 2730, 25_200_000_000n, "2026-11-24", "đã nộp; chờ Sở Tài chính"],
    ["Bắc Trà My", 5274, 39_550_000_000n, "2026-11-20", 'trích yếu "khẩn"'],
    ["Tây Giang", null, null, null, ""],
  ],
};

describe("exports: CSV for a Vietnamese Excel", () => {
  it("writes «;» between fields, keeps the BOM and leaves Vietnamese decimal commas bare", () => {
    const csv = sheetToCsv(sheet);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Đơn vị;Tỷ lệ (%, lũy kế);Giải ngân (đồng);Ngày;Ghi chú",
      'Nam Trà My;27,3%;25200000000;24/11/2026;"đã nộp; chờ Sở Tài chính"',
      'Bắc Trà My;52,7%;39550000000;20/11/2026;"trích yếu ""khẩn"""',
      "Tây Giang;;;;",
      "",
    ]);
  });

  it("round-trips through every CSV import", async () => {
    const csv = sheetToCsv(sheet);
    const expected = [
      ["Đơn vị", "Tỷ lệ (%, lũy kế)", "Giải ngân (đồng)", "Ngày", "Ghi chú"],
      ["Nam Trà My", "27,3%", "25200000000", "24/11/2026", "đã nộp; chờ Sở Tài chính"],
      ["Bắc Trà My", "52,7%", "39550000000", "20/11/2026", 'trích yếu "khẩn"'],
      ["Tây Giang", "", "", "", ""],
    ];
    expect(parseCsv(csv)).toEqual(expected);
    expect(await tableFromBytes(Buffer.from(csv, "utf8"), "csv")).toEqual(expected);
    // "," on request (scripts/export.ts --separator ,) reads back the same
    expect(parseCsv(sheetToCsv(sheet, ","))).toEqual(expected);
  });
});

describe("parseCsv: «,», «;» and a `sep=` line", () => {
  it.each<[string, string]>([
    ["comma", "\uFEFFMã;x,Tên\r\nA,B\r\n"],
    ["semicolon", "\uFEFFMã,x;Tên\r\nA;B\r\n"],
    ["sep=; line", "\uFEFFsep=;\r\nMã,x;Tên\r\nA;B\r\n"],
    ["sep=, line (LF)", "sep=,\nMã;x,Tên\nA,B\n"],
  ])("%s", (_, text) => {
    const rows = parseCsv(text);
    expect(rows[1]).toEqual(["A", "B"]);
    expect(rows).toHaveLength(2);
  });

  it("detects «;» when the header or the rates hold commas (as a Vietnamese Excel saves them)", () => {
    expect(parseCsv("Đơn vị;Tỷ lệ (%, lũy kế)\nNam Trà My;27,3%\nBắc Trà My;52,7%\n")).toEqual([
      ["Đơn vị", "Tỷ lệ (%, lũy kế)"],
      ["Nam Trà My", "27,3%"],
      ["Bắc Trà My", "52,7%"],
    ]);
    // and still «,» for a comma file whose cells hold semicolons (roles «A; B», quoted or not)
    expect(parseCsv("Họ và tên,Vai trò\nAn,Phụ trách; Bí thư\nBình,Chủ tịch\n")).toEqual([
      ["Họ và tên", "Vai trò"],
      ["An", "Phụ trách; Bí thư"],
      ["Bình", "Chủ tịch"],
    ]);
    expect(toCsv([["a;b", "c,d"]])).toBe('\uFEFF"a;b","c,d"\r\n');
  });

  it("the registry import reads a «;» file with a `sep=` line, its rows numbered as Excel shows them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dondoc-csv-"));
    const file = join(dir, "don-vi.csv");
    writeFileSync(file, "\uFEFFsep=;\r\nMã đơn vị;Tên đơn vị;Loại\r\nNAM_TRA_MY;Nam Trà My;Huyện\r\n");
    const [table] = await readTables(file);
    expect(table).toMatchObject({
      kind: "units",
      rows: [{ rowNo: 2, cells: { code: "NAM_TRA_MY", name: "Nam Trà My", kind: "Huyện" } }],
    });
  });
});
