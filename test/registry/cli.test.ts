// `npm run cli` against a seeded test database: the commands in this process (test/support/cli.ts), and the
// entry itself once as a child process (its exit code and streams).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localInstant } from "../../src/domain/dates.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { runCliOn } from "../support/cli.ts";
import { NOT_MIGRATED_TEXT } from "../../src/platform/db/not-migrated.ts";

const run = promisify(execFile);

describe("npm run cli", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite", { demo: { today: "2026-11-24", now: localInstant("2026-11-24", 9 * 60) } });
  });
  afterAll(async () => {
    await t.drop();
  });

  it("lists who is responsible for what in a unit", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", "who", "nam tra my"], {
      env: { ...process.env, DATABASE_URL: t.url, BOT_TOKEN: "" },
    });
    expect(stdout.split("\n")).toEqual([
      "Nam Trà My · NTM: Nguyễn Văn An (Phó Trưởng phòng Tài chính - Kế hoạch) · mã 6",
      "Nam Trà My · GNBV: Trần Văn Bình (Chuyên viên Phòng Lao động - TB&XH) · mã 7",
      "Nam Trà My · DTTS: Trần Văn Bình (Chuyên viên Phòng Lao động - TB&XH) · mã 7",
      "",
    ]);
  });

  it("adds an official and updates him: every option of official add and update reaches the registry", async () => {
    const cli = (...args: string[]) => runCliOn(t.url, ...args);
    const added = await cli(
      "official",
      "add",
      "--name",
      "Lê Văn Tư",
      "--unit",
      "nam tra my",
      "--title",
      "Chuyên viên",
      "--role",
      "Phụ trách",
      "--programme",
      "NTM",
      "--telegram-id",
      "777001",
      "--lang",
      "en",
    );
    const id = Number(/mã (\d+)/.exec(added.stdout)?.[1]);
    expect(added).toEqual({ code: 0, stdout: `Đã thêm cán bộ mã ${id} / added official ${id}.\n`, stderr: "" });
    const updated = await cli("official", "update", String(id), "--title", "Chuyên viên chính", "--programme", "DTTS");
    expect(updated.code).toBe(0);
    const tu = await t.db.official.findUniqueOrThrow({
      where: { id },
      include: { responsibilities: { where: { validTo: null }, include: { programme: true } } },
    });
    expect([tu.title, tu.telegramUserId, tu.language, tu.responsibilities.map((r) => r.programme.code)]).toEqual([
      "Chuyên viên chính",
      777001n,
      "en",
      ["DTTS"],
    ]);
  });

  it("lists and adds programmes, refusing a taken code with one Vietnamese line", async () => {
    const cli = (...args: string[]) => runCliOn(t.url, ...args);
    const added = await cli("programmes", "add", "PTVH", "Phát triển văn hóa", "--en", "Cultural Development");
    expect(added.stdout.trim()).toBe("Đã thêm chương trình PTVH: Phát triển văn hóa / added programme PTVH.");
    const office = await cli("programmes", "office", "PTVH", "Sở Tài chính");
    expect(office.stdout.trim()).toBe(
      "Vướng mắc của chương trình PTVH chuyển Sở Tài chính trả lời / obstacles go to Sở Tài chính.",
    );
    expect((await cli("programmes", "list")).stdout.split("\n")).toEqual([
      "NTM · Xây dựng nông thôn mới · New Rural Development",
      "GNBV · Giảm nghèo bền vững · Sustainable Poverty Reduction",
      "DTTS · Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi · Ethnic-Minority and Mountainous Areas",
      "PTVH · Phát triển văn hóa · Cultural Development · cơ quan chủ trì: Sở Tài chính",
      "",
    ]);
    const taken = await cli("programmes", "add", "gnbv", "Giảm nghèo");
    expect(taken).toMatchObject({ code: 1, stderr: "Lỗi: Mã chương trình «gnbv» đã có (Giảm nghèo bền vững).\n" });
    expect(await t.db.auditLog.count({ where: { action: "programme.create" } })).toBe(1);
  });

  it("sets a unit's disbursement milestones, and refuses bad ones with one Vietnamese line", async () => {
    const cli = (...args: string[]) => runCliOn(t.url, ...args);
    const { stdout } = await cli(
      "milestones",
      "set",
      "--year",
      "2026",
      "--unit",
      "nam tra my",
      "30/06=40",
      "30/09=72,5",
      "31/12=100",
      "31/01/2027=100",
    );
    expect(stdout.trim()).toBe(
      "Đã đặt 4 mốc tiến độ năm 2026: 30/06/2026 40%, 30/09/2026 72,5%, 31/12/2026 100%, 31/01/2027 100%.",
    );
    const unit = await t.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    const rows = await t.db.milestone.findMany({ where: { year: 2026, unitId: unit.id }, orderBy: { dueDate: "asc" } });
    expect(rows.map((r) => [r.dueDate, r.targetBp, r.programmeId])).toEqual([
      ["2026-06-30", 4000, null],
      ["2026-09-30", 7250, null],
      ["2026-12-31", 10000, null],
      ["2027-01-31", 10000, null],
    ]);
    const failed = await cli("milestones", "set", "--year", "2026", "--unit", "trà my", "30/06=40");
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("«trà my» trùng với nhiều đơn vị: Nam Trà My, Bắc Trà My.");
    const decreasing = await cli("milestones", "set", "--year", "2026", "30/06=60", "30/09=50");
    expect(decreasing).toMatchObject({ code: 1 });
    expect(await t.db.milestone.count({ where: { unitId: null } })).toBe(0);
  });

  it("calendar import: row-numbered errors write nothing; --dry-run; import audited; export then import changes nothing", async () => {
    const cli = (...args: string[]) => runCliOn(t.url, ...args);
    const dir = mkdtempSync(join(tmpdir(), "dondoc-calendar-"));
    const file = (name: string, rows: string[][]) => {
      writeFileSync(join(dir, name), rows.map((r) => r.join(";")).join("\n"));
      return join(dir, name);
    };
    const days2028 = () => t.db.calendarDay.count({ where: { date: { gte: "2028-01-01" } } });
    const bad = await cli(
      "calendar",
      "import",
      file("sai.csv", [
        ["Ngày", "Loại", "Tên"],
        ["01/01/2028", "Nghỉ", "Tết Dương lịch"],
        ["1/13/2028", "Nghỉ", "Sai tháng"],
      ]),
    );
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.stdout.split("\n")).toEqual([
      "Tệp có 1 lỗi, không ghi gì / nothing written:",
      "  Dòng 3: ngày «1/13/2028» không hợp lệ (dd/mm/yyyy).",
      "",
    ]);
    expect(await days2028()).toBe(0);

    const good = file("ngay-nghi-2028.csv", [
      ["Loại", "Ngày", "Tên", "Ghi chú"],
      ["Nghỉ", "01/01/2028", "Tết Dương lịch", ""],
      ["Làm bù", "05/02/2028", "Làm bù Tết", "thứ Bảy"],
    ]);
    const dry = await cli("calendar", "import", good, "--dry-run");
    expect(dry.stdout.split("\n")).toEqual([
      "  Dòng 2: 01/01/2028 · Nghỉ · Tết Dương lịch",
      "  Dòng 3: 05/02/2028 · Làm bù · Làm bù Tết",
      "Tệp hợp lệ: sẽ thêm 2, sửa 0, không đổi 0 (chạy thử, chưa ghi / dry run, nothing written).",
      "",
    ]);
    expect(await days2028()).toBe(0);
    const done = await cli("calendar", "import", good);
    expect(done.stdout.split("\n").at(-2)).toBe("Đã ghi lịch làm việc: thêm 2, sửa 0, không đổi 0 / calendar updated.");
    expect(await days2028()).toBe(2);
    expect(await t.db.auditLog.count({ where: { action: "calendarDay.create", actorId: null } })).toBe(2);

    // export a year (with its weekday) and import it again: nothing changes
    const out = join(dir, "lich-2028.xlsx");
    expect((await cli("calendar", "export", out, "--year", "2028")).stdout.trim()).toBe(
      `Đã xuất 2 ngày vào ${out} / exported 2 days.`,
    );
    const again = await cli("calendar", "import", out);
    expect(again.stdout.trim()).toBe("Đã ghi lịch làm việc: thêm 0, sửa 0, không đổi 2 / calendar updated.");
    const csvOut = join(dir, "lich.csv");
    await cli("calendar", "export", csvOut);
    const lines = readFileSync(csvOut, "utf8").split("\r\n");
    expect(lines[0]).toBe("\uFEFFNgày;Loại;Tên;Thứ");
    expect(lines).toContain("05/02/2028;Làm bù;Làm bù Tết;Thứ Bảy");
    expect(lines.length - 2).toBe(await t.db.calendarDay.count());
    expect(await t.db.auditLog.count({ where: { entity: "CalendarDay" } })).toBe(2);
  });
});

it("on a database without the migrations, says to run db:migrate in one line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-unmigrated-"));
  try {
    const r = await runCliOn(`file:${join(dir, "dondoc.db")}`, "who", "nam tra my");
    expect(r).toEqual({ code: 1, stdout: "", stderr: `Lỗi: ${NOT_MIGRATED_TEXT}\n` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
