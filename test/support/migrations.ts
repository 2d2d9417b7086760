// The test templates' schema: the committed migration files, applied in order with the database's own
// driver. `prisma migrate deploy` (src/platform/db/migrate.ts) does the same and also records each one in
// _prisma_migrations, but costs a Prisma CLI process per database (seconds, at the start of every run);
// the real command is still run from an empty database in test/registry/production-steps.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { databaseTarget } from "../../src/platform/db/target.ts";

export async function applyMigrationFiles(url: string): Promise<void> {
  const target = databaseTarget(url);
  const dir = join("prisma", target.dir, "migrations");
  const scripts = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => readFileSync(join(dir, name, "migration.sql"), "utf8"));
  if (target.provider === "sqlite") {
    const db = new Sqlite(target.file);
    try {
      for (const sql of scripts) db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of scripts) await client.query(sql);
  } finally {
    await client.end();
  }
}
