// `node scripts/new-migration.mjs <name>`: writes a migration for both databases from the change of
// prisma/models.prisma since the last commit (schema-to-schema diff: no shadow database needed).
// Regenerates the provider schemas first. Needs a reachable PostgreSQL only for the CLI's adapter
// (MIGRATION_PG_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/new-migration.mjs <snake_case_name>");
  process.exit(2);
}
execFileSync(process.execPath, ["scripts/prisma-schemas.mjs"], { stdio: "inherit" });
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const tmp = mkdtempSync(join(tmpdir(), "dondoc-migration-"));
const targets = [
  { dir: "sqlite", url: "file:./data/migration-diff.db" },
  { dir: "postgres", url: process.env.MIGRATION_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
];
for (const t of targets) {
  const schema = `prisma/${t.dir}/schema.prisma`;
  const old = join(tmp, `${t.dir}.prisma`);
  writeFileSync(old, execFileSync("git", ["show", `HEAD:${schema}`]));
  const sql = execFileSync(
    process.execPath,
    [
      "node_modules/prisma/build/index.js",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      old,
      "--to-schema-datamodel",
      schema,
      "--script",
    ],
    { env: { ...process.env, DATABASE_URL: t.url } },
  ).toString();
  const dir = `prisma/${t.dir}/migrations/${stamp}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  console.log(`wrote ${dir}/migration.sql`);
}
