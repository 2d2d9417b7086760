// A fresh database per test file (or per test), built from the real migrations: a copy of the SQLite
// template, or a PostgreSQL database created from the template database. With `demo`, a copy of a template
// that already holds the demo data for that day and time: the demo seed runs once per run and key, not once
// per test (seeding took seconds, copying takes milliseconds).
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe } from "vitest";
import { openDatabase, type Database } from "../../src/platform/db/client.ts";
import { seedDemo, seedFollowupDemo } from "../../src/platform/db/seed/demo.ts";
import { currentTemplates, pgUrl, testPgUrl } from "./paths.ts";

export type Provider = "sqlite" | "postgres";

export interface TestDatabase extends Database {
  url: string;
  drop(): Promise<void>;
}

/** the demo data a database starts with: seedDemo (and seedFollowupDemo) for this day, at this time */
export interface DemoSeed {
  today: string;
  now: Date;
  followup?: boolean;
}

let counter = 0;

const seedKey = (d: DemoSeed) =>
  createHash("sha1")
    .update(`${d.today}|${d.now.toISOString()}|${d.followup ? 1 : 0}`)
    .digest("hex")
    .slice(0, 10);

async function seed(db: Database["db"], d: DemoSeed) {
  await seedDemo(db, { today: d.today, now: d.now });
  if (d.followup) await seedFollowupDemo(db, { today: d.today, now: d.now });
}

/**
 * The SQLite template holding this demo, built on first use in the run's template folder (next to the
 * migrated template, removed with it): seeded in a private copy, then renamed into place, so that workers
 * building the same one at once never see half of it.
 */
async function sqliteDemoTemplate(d: DemoSeed): Promise<string> {
  const base = currentTemplates().sqlite;
  const file = `${base}.demo-${seedKey(d)}.db`;
  if (existsSync(file)) return file;
  const building = `${file}.${process.pid}.${counter++}`;
  copyFileSync(base, building);
  const database = await openDatabase(`file:${building}`);
  await seed(database.db, d);
  await database.db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)").catch(() => undefined);
  await database.close();
  for (const s of ["-wal", "-shm"]) rmSync(building + s, { force: true });
  renameSync(building, file);
  return file;
}

/** The PostgreSQL template database holding this demo, built on first use the same way (a rename). */
async function pgDemoTemplate(admin: string, d: DemoSeed): Promise<string> {
  const name = `${currentTemplates().pg}_demo_${seedKey(d)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return name;
    // the demo seed is one interactive transaction (5 s at most): on a loaded machine, try once more
    let building = "";
    for (let attempt = 1; ; attempt++) {
      building = `${name}_${process.pid}_${counter++}`;
      await client.query(`CREATE DATABASE "${building}" TEMPLATE "${currentTemplates().pg}"`);
      const database = await openDatabase(pgUrl(admin, building));
      try {
        await seed(database.db, d);
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
      } finally {
        await database.close();
      }
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    }
    try {
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } catch {
      // another worker built it first
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    }
    return name;
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(provider: Provider, opts: { demo?: DemoSeed } = {}): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "dondoc-test-"));
    const file = join(dir, "test.db");
    copyFileSync(opts.demo ? await sqliteDemoTemplate(opts.demo) : currentTemplates().sqlite, file);
    const url = `file:${file}`;
    const database = await openDatabase(url);
    return {
      ...database,
      url,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = testPgUrl();
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const template = opts.demo ? await pgDemoTemplate(admin, opts.demo) : currentTemplates().pg;
  const name = `dondoc_t_${process.pid}_${Date.now()}_${counter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await client.end();
  // small pools: some tests run several app instances side by side, under PostgreSQL's 100 connections
  const url = `${pgUrl(admin, name)}?connection_limit=3`;
  const database = await openDatabase(url);
  return {
    ...database,
    url,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs a block of tests on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set (skipped otherwise). */
export function describeEachDatabase(name: string, body: (provider: Provider) => void) {
  describe(`${name} [sqlite]`, () => body("sqlite"));
  describe.skipIf(!testPgUrl())(`${name} [postgres]`, () => body("postgres"));
}

/**
 * Runs a block of tests on SQLite only: for feature tests whose outcome does not depend on the database's
 * dialect. The PostgreSQL half runs where the database matters (describeEachDatabase: db, delivery, production,
 * concurrency, imports, migrations), so the suite stays within its time (issue #17).
 */
export function describeOnSqlite(name: string, body: (provider: Provider) => void) {
  describe(`${name} [sqlite]`, () => body("sqlite"));
}
