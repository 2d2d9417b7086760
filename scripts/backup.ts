// `npm run backup` ("backup": "tsx scripts/backup.ts"): a consistent copy of the database while the bot runs.
// SQLite: better-sqlite3's online backup API to data/backups/dondoc-<timestamp>.db (safe under WAL and
// concurrent writers). PostgreSQL: prints the pg_dump command to run (pg_dump is PostgreSQL's own tool;
// it is not a dependency of dondoc).
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { databaseTarget } from "../src/platform/db/target.ts";

if (existsSync(".env")) process.loadEnvFile(".env");
const target = databaseTarget(process.env.DATABASE_URL);
const dir = resolve(process.argv[2] ?? "data/backups");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

if (target.provider === "sqlite") {
  if (target.file === ":memory:" || !existsSync(target.file)) {
    process.stderr.write(`Không có tệp cơ sở dữ liệu / no database file: ${target.file}\n`);
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `dondoc-${stamp}.db`);
  const db = new Database(target.file, { readonly: true, fileMustExist: true });
  try {
    const r = await db.backup(file);
    process.stdout.write(`Đã sao lưu / backed up: ${file} (${r.totalPages} pages)\n`);
  } finally {
    db.close();
  }
} else {
  const url = new URL(target.url);
  if (url.password) url.password = "****";
  const file = join(dir, `dondoc-${stamp}.dump`);
  process.stdout.write(
    [
      "PostgreSQL: sao lưu bằng pg_dump / back up with pg_dump (consistent while the bot runs):",
      `  mkdir -p ${dir}`,
      `  pg_dump --format=custom --no-owner --file=${file} "${url.toString()}"`,
      "Khôi phục / restore into an empty database:",
      `  pg_restore --no-owner --dbname="<postgresql://…/dondoc>" ${file}`,
      "(the password: PGPASSWORD or ~/.pgpass, not on the command line)",
      "",
    ].join("\n"),
  );
}
