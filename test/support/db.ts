// A fresh database per test file (or per test), built from the real migrations: a copy of the SQLite
// template, or a PostgreSQL database created from the template database.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe } from "vitest";
import { openDatabase, type Database } from "../../src/platform/db/client.ts";
import { currentTemplates, pgUrl, testPgUrl } from "./paths.ts";

export type Provider = "sqlite" | "postgres";

export interface TestDatabase extends Database {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "dondoc-test-"));
    const file = join(dir, "test.db");
    copyFileSync(currentTemplates().sqlite, file);
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
  const name = `dondoc_t_${process.pid}_${Date.now()}_${counter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${currentTemplates().pg}"`);
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
