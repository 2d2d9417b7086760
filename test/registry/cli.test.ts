// The CLI entry itself, run once as a child process against a seeded test database.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localInstant } from "../../src/domain/dates.ts";
import { seedDemo } from "../../src/seed/demo.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";

const run = promisify(execFile);

describe("npm run cli", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await seedDemo(t.db, { today: "2026-11-24", now: localInstant("2026-11-24", 9 * 60) });
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
});
