// Where the test databases live. TEST_DATABASE_URL names a PostgreSQL server (any database on it, used
// to create and drop per-test databases); without it the PostgreSQL tests are skipped.
import { resolve } from "node:path";

export const SQLITE_TEMPLATE = resolve("node_modules/.cache/dondoc-test/template.db");
export const PG_TEMPLATE = "dondoc_test_template";

export function testPgUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

export function pgUrl(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}
