// Builds each test database template once per run, with the real migrations (prisma migrate deploy):
// SQLite always; PostgreSQL when TEST_DATABASE_URL is set. Test files copy the template.
import { mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { migrateDeploy } from "../../src/db/migrate.ts";
import { PG_TEMPLATE, SQLITE_TEMPLATE, pgUrl, testPgUrl } from "./paths.ts";

export default async function setup() {
  mkdirSync("node_modules/.cache/dondoc-test", { recursive: true });
  for (const s of ["", "-wal", "-shm"]) rmSync(SQLITE_TEMPLATE + s, { force: true });
  await migrateDeploy(`file:${SQLITE_TEMPLATE}`);
  const admin = testPgUrl();
  if (admin) {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${PG_TEMPLATE}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${PG_TEMPLATE}"`);
    await client.end();
    await migrateDeploy(pgUrl(admin, PG_TEMPLATE));
  }
}
