// A directive file's table as read, before any look-up: the columns, the directive's own cells and the rows
// (src/features/directives/directive-file.ts). The rows against the register are register.test.ts's.
import { describe, expect, it } from "vitest";
import { isDirectiveTable, readDirectiveTable } from "../../src/features/directives/directive-file.ts";

const HEADER = [
  "Loại văn bản",
  "Số/ký hiệu",
  "Ngày ban hành",
  "Cơ quan ban hành",
  "Trích yếu",
  "Mục",
  "Nội dung",
  "Đơn vị thực hiện",
  "Hạn (dd/mm/yyyy)",
];
const HEAD = ["Chỉ thị", "05-CT/TU", "02/01/2099", "Ban Thường vụ Tỉnh ủy", "Về giải ngân vốn"];
const item = (n: string, unit: string) => [n, "Rà soát danh mục dự án", unit, "15/01/2099"];

describe("readDirectiveTable", () => {
  it("reads the directive's cells once, and every data row with its number", () => {
    const r = readDirectiveTable([
      HEADER,
      [...HEAD, ...item("1", "Nam Trà My")],
      [],
      ["", "", "", "", "", ...item("1", "Bắc Trà My")],
    ]);
    expect(r).toMatchObject({
      ok: true,
      errors: [],
      kind: "CHI_THI",
      number: "05-CT/TU",
      issuedOn: "2099-01-02",
      issuer: "Ban Thường vụ Tỉnh ủy",
      summary: "Về giải ngân vốn",
    });
    expect(r.ok && r.rows.map((x) => [x.rowNo, x.raw.unit])).toEqual([
      [2, "Nam Trà My"],
      [4, "Bắc Trà My"],
    ]);
    expect(isDirectiveTable([HEADER])).toBe(true);
    expect(isDirectiveTable([["Đơn vị", "Chương trình", "Số tiền"]])).toBe(false);
  });

  it.each([
    ["missing columns", [["Loại văn bản", "Mục"]], ["Thiếu cột: «Nội dung», «Đơn vị thực hiện», «Hạn (dd/mm/yyyy)»."]],
    ["no data rows", [HEADER, []], ["Tệp không có dòng dữ liệu nào."]],
    [
      "no kind, a bad date, no issuer or summary",
      [HEADER, ["", "", "31/02/2099", "", "", ...item("1", "Nam Trà My")]],
      [
        "Dòng 2: chưa ghi «Loại văn bản» (Kết luận, Chỉ thị hoặc Công văn).",
        "Dòng 2: Ngày ban hành «31/02/2099» không phải ngày hợp lệ (dd/mm/yyyy).",
        "Dòng 2: chưa ghi «Cơ quan ban hành».",
        "Dòng 2: chưa ghi «Trích yếu».",
      ],
    ],
    [
      "an unknown kind, a second row naming another issuer",
      [
        HEADER,
        ["Nghị quyết", ...HEAD.slice(1), ...item("1", "Nam Trà My")],
        ["", "", "", "Sở Tài chính", "", ...item("2", "Nam Trà My")],
      ],
      [
        "Dòng 3: «Cơ quan ban hành» khác dòng 2 (một tệp chỉ ghi các mục của một văn bản).",
        "Dòng 2: «Loại văn bản» «Nghị quyết» không hiểu được (Kết luận, Chỉ thị hoặc Công văn).",
      ],
    ],
  ])("%s", (_name, table, errors) => {
    expect(readDirectiveTable(table).errors).toEqual(errors);
  });
});
