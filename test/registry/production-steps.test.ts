// The README's production steps on an empty database, with no demo seed: `npm run db:migrate`, then
// `npm run cli -- import danh-sach.xlsx` — the three programmes (and the calendar) must be there by then.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/platform/db/client.ts";
import { localInstant } from "../../src/domain/dates.ts";
import { seedDemo } from "../../src/platform/db/seed/demo.ts";
import { ensureReferenceData } from "../../src/platform/db/seed/reference.ts";
import { createTestDatabase, describeEachDatabase, type Provider } from "../support/db.ts";
import { pgUrl, testPgUrl } from "../support/paths.ts";

const execFileAsync = promisify(execFile);

/** An empty database (not the test template): a new SQLite file, or a new PostgreSQL database. */
async function emptyDatabase(provider: Provider): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "dondoc-prod-"));
    return { url: `file:${join(dir, "dondoc.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = testPgUrl()!;
  const name = `dondoc_prod_${process.pid}_${Date.now()}`;
  const sql = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await sql(`CREATE DATABASE "${name}"`);
  return { url: pgUrl(admin, name), drop: () => sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function script(path: string, args: string[], databaseUrl: string) {
  const r = await execFileAsync(process.execPath, ["--import", "tsx", path, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, BOT_TOKEN: "" },
  }).then(
    (x) => ({ code: 0, ...x }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  return { code: r.code, stdout: r.stdout, stderr: r.stderr };
}

// The two databases side by side: most of each case is spent in child processes (tsx, the Prisma CLI)
// waiting on their database, so running them at once shortens the file by about one of them.
describe.concurrent("production steps on an empty database", () => {
  for (const provider of ["sqlite", "postgres"] as const)
    it.skipIf(provider === "postgres" && !testPgUrl())(
      `[${provider}] db:migrate, then importing the registry works without the demo seed`,
      { timeout: 120_000 },
      async () => {
        const db = await emptyDatabase(provider);
        const dir = mkdtempSync(join(tmpdir(), "dondoc-prod-files-"));
        try {
          await productionSteps(db.url, dir);
        } finally {
          await db.drop();
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
});

// a server that does not answer (a port nobody listens on): Prisma's reason in one line, exit 1, no stack trace
it("db:migrate that cannot reach the database says why in one line and exits 1", { timeout: 60_000 }, async () => {
  const r = await script("scripts/migrate.ts", [], "postgresql://postgres@127.0.0.1:1/dondoc");
  expect(r.code).toBe(1);
  expect(r.stderr.trim()).toBe(
    "Không áp dụng được migration / migrations not applied: Can't reach database server at `127.0.0.1:1`",
  );
});

async function productionSteps(url: string, dir: string) {
  const migrate = await script("scripts/migrate.ts", [], url);
  expect(migrate.code, migrate.stderr).toBe(0);
  expect(migrate.stdout).toContain("All migrations have been successfully applied.");

  const wb = new ExcelJS.Workbook();
  const u = wb.addWorksheet("Đơn vị");
  u.addRow(["Mã đơn vị", "Tên đơn vị", "Loại", "Đơn vị cấp trên"]);
  u.addRow(["VPDP", "Văn phòng Điều phối tỉnh", "Văn phòng", ""]);
  u.addRow(["XA_TRA_MAI", "Xã Trà Mai", "Xã", ""]);
  const o = wb.addWorksheet("Cán bộ");
  o.addRow(["Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Chương trình", "Telegram ID"]);
  o.addRow(["Trần Thị Thu", "Chuyên viên", "VPDP", "Văn phòng điều phối", "", 555001]);
  o.addRow(["Y Thị Mai", "Công chức xã", "Xã Trà Mai", "Phụ trách", "NTM; Giảm nghèo bền vững; DTTS", 555002]);
  const file = join(dir, "danh-sach.xlsx");
  await wb.xlsx.writeFile(file);

  const imported = await script("scripts/cli.ts", ["import", file], url);
  expect(imported.stderr).toBe("");
  expect(imported.stdout).toContain("Đã đọc 2 dòng đơn vị, 2 dòng cán bộ.");
  expect(imported.code).toBe(0);

  // a second db:migrate (every deployment runs it at each start) changes nothing
  const again = await script("scripts/migrate.ts", [], url);
  expect(again.code, again.stderr).toBe(0);
  expect(again.stdout).toContain("No pending migrations to apply.");
  const { db: client, close } = await openDatabase(url);
  try {
    expect(
      (await client.programme.findMany({ orderBy: { sortOrder: "asc" } })).map((p) => [p.code, p.name, p.sortOrder]),
    ).toEqual([
      ["NTM", "Xây dựng nông thôn mới", 0],
      ["GNBV", "Giảm nghèo bền vững", 1],
      ["DTTS", "Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi", 2],
    ]);
    expect(await client.calendarDay.count()).toBeGreaterThan(0);
    const mai = await client.official.findUniqueOrThrow({
      where: { telegramUserId: 555002n },
      include: { responsibilities: { include: { programme: true }, orderBy: { id: "asc" } } },
    });
    expect(mai.responsibilities.map((r) => r.programme.code)).toEqual(["NTM", "GNBV", "DTTS"]);
  } finally {
    await close();
  }
}

describeEachDatabase("reference data", (provider) => {
  it("is created once, and the demo seed reuses the programmes", async () => {
    const t = await createTestDatabase(provider);
    try {
      expect(await t.db.programme.count()).toBe(0);
      expect((await ensureReferenceData(t.db)).programmes).toBe(3);
      expect(await ensureReferenceData(t.db)).toEqual({ calendarDays: 0, programmes: 0 });
      const now = localInstant("2026-11-24", 9 * 60);
      expect(await seedDemo(t.db, { today: "2026-11-24", now })).toEqual({ seeded: true });
      expect((await t.db.programme.findMany({ orderBy: { id: "asc" } })).map((p) => p.code)).toEqual([
        "NTM",
        "GNBV",
        "DTTS",
      ]);
    } finally {
      await t.drop();
    }
  });
});
