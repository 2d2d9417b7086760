// Tasks from CSV/XLSX files and from the command line: all rows or none, row-numbered Vietnamese errors,
// names matched like /giao, every task audited and announced through the outbox like /giao's.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localInstant } from "../../src/domain/dates.ts";
import { DEMO } from "../../src/platform/db/seed/demo.ts";
import { createServices } from "../../src/services.ts";
import type { createTaskImport } from "../../src/features/tasks/task-import.ts";
import { readTaskFile } from "../../src/features/tasks/task-import.ts";
import { createConfig } from "../../src/config.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/db.ts";
import { runCliOn } from "../support/cli.ts";

const HEADER = "Đơn vị,Chương trình,Người phụ trách,Hạn (dd/mm/yyyy),Tiêu đề,Số/ký hiệu văn bản,Dự án,Lặp lại";
const TODAY = "2026-11-24";
const now = localInstant(TODAY, 9 * 60);
const dir = mkdtempSync(join(tmpdir(), "dondoc-tasks-"));

async function counts(t: TestDatabase) {
  const [tasks, outbox, audit] = await Promise.all([
    t.db.task.count(),
    t.db.outboxMessage.count(),
    t.db.auditLog.count(),
  ]);
  return { tasks, outbox, audit };
}

describeEachDatabase("task import", (provider) => {
  let t: TestDatabase;
  let importer: ReturnType<typeof createTaskImport>;
  beforeEach(async () => {
    t = await createTestDatabase(provider, { demo: { today: TODAY, now } });
    const services = createServices({ db: t.db, config: createConfig({ BOT_TOKEN: "0:test", DATABASE_URL: t.url }) });
    importer = services.taskImport;
  });
  afterEach(async () => {
    await t.drop();
  });

  it("a CSV with good and bad rows changes nothing and names every bad row", async () => {
    const file = join(dir, `mixed-${provider}.csv`);
    writeFileSync(
      file,
      [
        HEADER,
        "Nam Trà My,NTM,Nguyễn Văn An,10/12/2026,Rà soát hồ sơ,1600/UBND-KTTH,,",
        "Huyện XYZ,NTM,An,10/12/2026,Việc A,,,",
        "Nam Trà My,XYZ,Văn,10/12/2026,Việc B,,,",
        "Nam Trà My,-,Sơn,31/02/2026,Việc C,,,",
        "Nam Trà My,-,Bình,20/11/2026,,,,hằng tuần",
        "Nam Trà My,-,Bình,20/11/2026,Việc D,,,",
        "",
        "Nam Trà My,NTM,Nguyễn Văn An,10/12/2026,rà soát hồ sơ,,,",
      ].join("\r\n"),
    );
    const before = await counts(t);
    const parsed = await importer.parse(await readTaskFile(file), { now });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        "Dòng 3: Không tìm thấy đơn vị «Huyện XYZ». Đề nghị kiểm tra lại tên đơn vị.",
        "Dòng 4: Không tìm thấy chương trình «XYZ». Đề nghị ghi mã chương trình (NTM, GNBV, DTTS) hoặc «-».",
        "Dòng 4: «Văn» trùng với nhiều cán bộ: Hồ Văn Minh, Nguyễn Văn An, Trần Văn Bình. Đề nghị ghi rõ họ tên.",
        "Dòng 5: Hạn «31/02/2026» không phải ngày hợp lệ (dd/mm/yyyy).",
        "Dòng 6: chưa ghi «Tiêu đề».",
        "Dòng 6: Lặp lại «hằng tuần» không hiểu được (ví dụ: hằng tháng ngày 5).",
        "Dòng 7: Hạn 20/11/2026 đã qua. Đề nghị ghi hạn từ hôm nay trở đi.",
        "Dòng 9: trùng với dòng 2.",
      ],
    });
    expect(await counts(t)).toEqual(before);
    expect(await importer.parse([["Đơn vị", "Tiêu đề"]], { now })).toEqual({
      ok: false,
      errors: ["Thiếu cột: «Người phụ trách», «Hạn (dd/mm/yyyy)»."],
    });
  });

  it("an XLSX with good and bad rows changes nothing; date cells are read as dates", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Giao việc");
    ws.addRow(HEADER.split(","));
    ws.addRow([
      "Nam Trà My",
      "NTM",
      "Nguyễn Văn An",
      new Date(Date.UTC(2026, 11, 10)),
      "Báo cáo tháng",
      "",
      "",
      "hằng tháng ngày 10",
    ]);
    ws.addRow(["Bắc Trà My", "DTTS", "Nguyễn Văn An", "15/12/2026", "Việc sai đơn vị", "", "", ""]);
    ws.addRow(["Nam Trà My", "", "Trần Văn Bình", "", "Việc không hạn", "", "", ""]);
    const file = join(dir, `mixed-${provider}.xlsx`);
    await wb.xlsx.writeFile(file);
    const before = await counts(t);
    expect(await importer.parse(await readTaskFile(file), { now })).toEqual({
      ok: false,
      errors: ["Dòng 3: Không tìm thấy cán bộ «Nguyễn Văn An» của Bắc Trà My.", "Dòng 4: chưa ghi «Hạn (dd/mm/yyyy)»."],
    });
    expect(await counts(t)).toEqual(before);

    // the same file without the bad rows is good
    const good = new ExcelJS.Workbook();
    const sheet = good.addWorksheet("Giao việc");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(ws.getRow(2).values as ExcelJS.CellValue[]);
    await good.xlsx.writeFile(file);
    const ok = await importer.parse(await readTaskFile(file), { now });
    expect(
      ok.ok && ok.rows.map((r) => [r.row, r.unitName, r.responsibleName, r.dueDate, r.recurrence, r.programmeCode]),
    ).toEqual([[2, "Nam Trà My", "Nguyễn Văn An", "2026-12-10", "monthly:10", "NTM"]]);
  });

  it("a good CSV applies all rows in one go: tasks, audit entries and the announcements /giao writes", async () => {
    const file = join(dir, `good-${provider}.csv`);
    writeFileSync(
      file,
      [
        HEADER,
        "Nam Trà My,NTM,An,10/12/2026,Rà soát hồ sơ <dự án>,1600/UBND-KTTH,Đường vào xã Trà Mai,",
        "Bắc Trà My,-,Hồ Văn Sơn,05/12/2026,Báo cáo tháng,,,hằng tháng ngày 5",
      ].join("\n"),
    );
    const before = await counts(t);
    const parsed = await importer.parse(await readTaskFile(file), { now });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const views = await importer.apply(parsed.rows, { now });
    expect(views.map((v) => [v.unitName, v.responsibleName, v.dueDate, v.recurrence, v.assignedByName])).toEqual([
      ["Nam Trà My", "Nguyễn Văn An", "2026-12-10", "", "Văn phòng điều phối"],
      ["Bắc Trà My", "Hồ Văn Sơn", "2026-12-05", "monthly:5", "Văn phòng điều phối"],
    ]);
    const after = await counts(t);
    expect(after.tasks - before.tasks).toBe(2);
    expect(await t.db.auditLog.count({ where: { action: "task.import" } })).toBe(2);
    const first = await t.db.task.findUniqueOrThrow({ where: { id: views[0]!.taskId } });
    expect(first).toMatchObject({
      project: "Đường vào xã Trà Mai",
      docRef: "1600/UBND-KTTH",
      seriesId: null,
      createdById: null,
    });
    const second = await t.db.task.findUniqueOrThrow({ where: { id: views[1]!.taskId } });
    expect(second).toMatchObject({ recurrence: "monthly:5", seriesId: second.id });
    // announcements: each unit's group and the officials' private chats, in /giao's words
    const out = await t.db.outboxMessage.findMany({ where: { kind: "task.assigned" }, orderBy: { id: "asc" } });
    expect(out.map((m) => [Number(m.chatId), m.taskId])).toEqual([
      [DEMO.groups.namTraMy.id, views[0]!.taskId],
      [DEMO.official.id, views[0]!.taskId],
      [DEMO.groups.bacTraMy.id, views[1]!.taskId],
      [DEMO.bacTraMyOfficial.id, views[1]!.taskId],
    ]);
    expect(out[0]!.text).toContain(`📌 <b>Việc mới #${views[0]!.taskId}</b>: <b>Rà soát hồ sơ &lt;dự án&gt;</b>`);
    expect(out[0]!.text).toContain("Người giao: đồng chí Văn phòng điều phối.");
    expect(out[2]!.text).toContain("lặp lại hằng tháng ngày 5");

    // the same file again: every row is already there
    expect(await importer.parse(await readTaskFile(file), { now })).toEqual({
      ok: false,
      errors: [
        `Dòng 2: đã có việc #${views[0]!.taskId} cùng đơn vị, người phụ trách, tiêu đề và hạn.`,
        `Dòng 3: đã có việc #${views[1]!.taskId} cùng đơn vị, người phụ trách, tiêu đề và hạn.`,
      ],
    });
  });
});

describe("npm run cli -- tasks", () => {
  it("tasks add assigns one task through the CLI, announced like /giao", async () => {
    const t = await createTestDatabase("sqlite", { demo: { today: TODAY, now } });
    try {
      // the CLI runs on the real clock: a due date far ahead
      const { stdout } = await runCliOn(
        t.url,
        "tasks",
        "add",
        "--unit",
        "nam tra my",
        "--official",
        "Bình",
        "--due",
        "05/01/2099",
        "--title",
        "Báo cáo giải ngân tháng",
        "--programme",
        "GNBV",
        "--repeat",
        "hằng tháng ngày 5",
      );
      const task = await t.db.task.findFirstOrThrow({
        where: { title: "Báo cáo giải ngân tháng" },
        include: { responsible: true },
      });
      expect(stdout).toBe(
        `Đã giao việc / assigned:\n  #${task.id} · Nam Trà My · Trần Văn Bình · hạn 05/01/2099 · Báo cáo giải ngân tháng · lặp lại hằng tháng\n`,
      );
      expect(task).toMatchObject({ dueDate: "2099-01-05", recurrence: "monthly:5", seriesId: task.id });
      expect(await t.db.auditLog.count({ where: { action: "task.add", entityId: String(task.id) } })).toBe(1);
      expect(await t.db.outboxMessage.count({ where: { taskId: task.id, kind: "task.assigned" } })).toBeGreaterThan(0);
    } finally {
      await t.drop();
    }
  });
});
