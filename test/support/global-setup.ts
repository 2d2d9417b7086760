// Builds this run's database templates once, from the committed migrations (applyMigrationFiles):
// SQLite always; PostgreSQL when TEST_DATABASE_URL is set. Test files copy the templates; the
// templates (and the demo-seeded templates test/support/db.ts makes from them) are removed when the run ends.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import pg from "pg";
import { applyMigrationFiles } from "./migrations.ts";
import { pgUrl, templateNames, testPgUrl } from "./paths.ts";

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup() {
  const names = templateNames();
  mkdirSync(dirname(names.sqlite), { recursive: true });
  await applyMigrationFiles(`file:${names.sqlite}`);
  process.env.DONDOC_TEST_SQLITE_TEMPLATE = names.sqlite;
  const admin = testPgUrl();
  if (admin) {
    await adminQuery(admin, `DROP DATABASE IF EXISTS "${names.pg}" WITH (FORCE)`);
    await adminQuery(admin, `CREATE DATABASE "${names.pg}"`);
    await applyMigrationFiles(pgUrl(admin, names.pg));
    process.env.DONDOC_TEST_PG_TEMPLATE = names.pg;
  }
  return async () => {
    // the template and the demo templates made from it (test/support/db.ts)
    for (const f of readdirSync(dirname(names.sqlite))) {
      if (f.startsWith(basename(names.sqlite))) rmSync(join(dirname(names.sqlite), f), { force: true });
    }
    if (admin) {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      const demos = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
        `${names.pg}_demo_%`,
      ]);
      await client.end();
      for (const { datname } of demos.rows)
        await adminQuery(admin, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await adminQuery(admin, `DROP DATABASE IF EXISTS "${names.pg}" WITH (FORCE)`);
    }
  };
}
