// `npm run db:migrate`: applies the committed migrations to the database DATABASE_URL names
// (SQLite by default, PostgreSQL for postgresql:// URLs), then creates the reference data every
// deployment needs (working calendar, the three programmes) where there is none yet, so that the
// registry can be imported right away, before the bot's first start.
import { openDatabase } from "../src/platform/db/client.ts";
import { MigrateError, migrateDeploy } from "../src/platform/db/migrate.ts";
import { databaseTarget } from "../src/platform/db/target.ts";
import { ensureReferenceData } from "../src/platform/db/seed/reference.ts";
import { loadConfig } from "./env.ts";

const config = loadConfig({ BOT_TOKEN: process.env.BOT_TOKEN || "0:migrate" });
const target = databaseTarget(config.databaseUrl);
process.stdout.write(`Áp dụng migration cho ${target.provider} / applying migrations (${target.provider})…\n`);
try {
  process.stdout.write(await migrateDeploy(config.databaseUrl));
} catch (error) {
  if (!(error instanceof MigrateError)) throw error;
  // Prisma's own words (in English), on one line: an unreachable server, a missing database, a failed migration
  process.stderr.write(`Không áp dụng được migration / migrations not applied: ${error.reason}\n`);
  process.exit(1);
}
const { db, close } = await openDatabase(config.databaseUrl);
try {
  const r = await ensureReferenceData(db);
  if (r.calendarDays > 0)
    process.stdout.write(`Đã nạp lịch làm việc (${r.calendarDays} ngày) / working calendar loaded.\n`);
  if (r.programmes > 0)
    process.stdout.write(
      `Đã tạo ${r.programmes} chương trình mục tiêu quốc gia / ${r.programmes} programmes created.\n`,
    );
} finally {
  await close();
}
