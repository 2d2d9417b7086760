// The registry's CSV export opens in columns in a Vietnamese Excel (list separator «;»), like the reports'.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { writeTables } from "../../src/features/registry/registry-io/files.ts";
import { parseCsv } from "../../src/domain/csv.ts";

it("writes «;»-separated CSV with a BOM, and reads it back", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "dondoc-csv-")), "don-vi.csv");
  const table = {
    kind: "units" as const,
    header: ["Mã đơn vị", "Tên đơn vị"],
    rows: [["NTM01", "Nam Trà My, Quảng Nam"]],
  };
  await writeTables(file, [table]);
  const text = readFileSync(file, "utf8");
  expect(text.startsWith("\uFEFFMã đơn vị;Tên đơn vị\r\n")).toBe(true);
  expect(text).toContain("NTM01;Nam Trà My, Quảng Nam");
  expect(parseCsv(text)).toEqual([
    ["Mã đơn vị", "Tên đơn vị"],
    ["NTM01", "Nam Trà My, Quảng Nam"],
  ]);
});
