// Where the test databases live. Each test run builds its own templates (named after the run's process,
// so concurrent runs never share one) and hands their names to the workers through the environment.
// TEST_DATABASE_URL names a PostgreSQL server (any database on it, used to create and drop per-test
// databases); without it the PostgreSQL tests are skipped.
import { resolve } from "node:path";

export function templateNames(runId = process.pid) {
  return {
    sqlite: resolve(`node_modules/.cache/dondoc-test/template-${runId}.db`),
    pg: `dondoc_test_template_${runId}`,
  };
}

export function currentTemplates() {
  const sqlite = process.env.DONDOC_TEST_SQLITE_TEMPLATE;
  const pg = process.env.DONDOC_TEST_PG_TEMPLATE;
  if (!sqlite) throw new Error("test templates not built: run the tests through vitest (test/support/global-setup.ts)");
  return { sqlite, pg: pg ?? "" };
}

export function testPgUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

export function pgUrl(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}
