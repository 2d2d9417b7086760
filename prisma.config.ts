// Prisma CLI configuration (Prisma 6.19, offline: WASM schema engine + driver adapters).
// The provider follows DATABASE_URL, like the app: SQLite by default, PostgreSQL for postgres URLs.
// See docs/decisions/001-prisma-offline.md for the workarounds below.
import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { databaseTarget } from "./src/platform/db/target.ts";
import { cliAdapter } from "./src/platform/db/cli-adapter.ts";

if (existsSync(".env")) process.loadEnvFile(".env");
// Makes schema errors readable instead of an engine download failure (ENOTFOUND).
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;
process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";

const target = databaseTarget(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${target.dir}/schema.prisma`,
  migrations: { path: `prisma/${target.dir}/migrations` },
  adapter: async () => cliAdapter(target),
});
