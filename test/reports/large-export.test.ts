// The tasks export of a large register: Prisma allows 999 variables in an ordered `IN` query on SQLite (P2029)
// and SQLite 32,766 in any; a national register has 200,000 tasks. The export reads their history and
// reminders a slice of ids at a time (inSlices, src/platform/db/client.ts).
import { afterEach, beforeEach, expect, it } from "vitest";
import { createConfig } from "../../src/config.ts";
import { localInstant } from "../../src/domain/dates.ts";
import { createServices } from "../../src/services.ts";
import { createTestDatabase, describeOnSqlite, type TestDatabase } from "../support/db.ts";

const DAY = "2026-11-24";
const now = localInstant(DAY, 9 * 60);
const MANY = 1_200;

describeOnSqlite("the tasks export of a large register", (provider) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(provider, { demo: { today: DAY, now } });
  });
  afterEach(async () => {
    await t.drop();
  });

  it(`exports ${MANY} more tasks, each with its own history`, async () => {
    const unit = await t.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    const official = await t.db.official.findFirstOrThrow({ where: { unitId: unit.id } });
    const before = await t.db.task.count();
    await t.db.task.createMany({
      data: Array.from({ length: MANY }, (_, i) => ({
        title: `Việc số ${i + 1}`,
        unitId: unit.id,
        responsibleId: official.id,
        dueDate: "2026-12-15",
      })),
    });
    const tasks = await t.db.task.findMany({ where: { title: { startsWith: "Việc số " } }, select: { id: true } });
    await t.db.auditLog.createMany({
      data: tasks.map((x) => ({ at: now, action: `task.create#${x.id}`, entity: "Task", entityId: String(x.id) })),
    });
    const config = createConfig({ BOT_TOKEN: "1:test", DATABASE_URL: t.url, LOG_LEVEL: "silent" });
    const result = await createServices({ db: t.db, config }).exports.build("tasks", { now });
    expect(result.rows).toBe(before + MANY);
    const rows = result.sheets[0]!.rows;
    const last = tasks.at(-1)!.id;
    const row = rows.find((r) => r[0] === last)!;
    expect(row).toContain(`Việc số ${MANY}`);
    expect(row.some((cell) => typeof cell === "string" && cell.endsWith(`task.create#${last}`))).toBe(true);
  });
});
