// `npm run cli -- directives import <file>` (in this process, test/support/cli.ts) on a seeded test database: a
// clean file is written whole (one task per item and unit), a second run of it is refused row by row.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localInstant } from "../../src/domain/dates.ts";
import { seedDemo } from "../../src/platform/db/seed/demo.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { runCliOn } from "../support/cli.ts";

describe("npm run cli -- directives import", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await seedDemo(t.db, { today: "2026-11-24", now: localInstant("2026-11-24", 9 * 60) });
  });
  afterAll(async () => {
    await t.drop();
  });

  it("imports a CSV's items all at once, and refuses the same rows again with their numbers", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "dondoc-directive-")), "chi-thi.csv");
    writeFileSync(
      file,
      [
        "Loại văn bản;Số/ký hiệu;Ngày ban hành;Cơ quan ban hành;Trích yếu;Mục;Nội dung;Đơn vị thực hiện;Hạn (dd/mm/yyyy)",
        "Chỉ thị;05-CT/TU;02/01/2099;Ban Thường vụ Tỉnh ủy;Về giải ngân vốn;1;Rà soát danh mục dự án;Nam Trà My;15/01/2099",
        ";;;;;1;;Bắc Trà My;15/01/2099",
      ].join("\n"),
    );
    const cli = (...args: string[]) => runCliOn(t.url, ...args);
    const { stdout } = await cli("directives", "import", file);
    expect(stdout.split("\n")).toEqual([
      "  Dòng 2: mục 1 · Nam Trà My · Hồ Văn Minh · hạn 15/01/2099",
      "  Dòng 3: mục 1 · Bắc Trà My · Võ Thị Hoa · hạn 15/01/2099",
      "Đã ghi 1 mục, giao 2 việc (văn bản số 1 trong danh mục) / recorded.",
      "",
    ]);
    const d = await t.db.directive.findFirstOrThrow({ include: { items: { include: { tasks: true } } } });
    expect(d).toMatchObject({ kind: "CHI_THI", number: "05-CT/TU", issuedOn: "2099-01-02" });
    expect(d.items.map((i) => [i.number, i.tasks.length])).toEqual([["1", 2]]);

    const again = await cli("directives", "import", file);
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stdout: string }).stdout).toMatch(
      /^Tệp có lỗi, không ghi gì \/ nothing written:\n {2}Dòng 2: mục 1 đã giao cho Nam Trà My \(việc #\d+\)\.\n {2}Dòng 3: mục 1 đã giao cho Bắc Trà My/,
    );
    expect(await t.db.task.count({ where: { directiveItemId: { not: null } } })).toBe(2);
  });
});
