// postinstall: generate both Prisma clients (SQLite and PostgreSQL) offline.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const prisma = "node_modules/prisma/build/index.js";
if (!existsSync(prisma)) process.exit(0);
for (const db of ["sqlite", "postgres"]) {
  execFileSync(process.execPath, [prisma, "generate", "--schema", `prisma/${db}/schema.prisma`], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_QUERY_ENGINE_LIBRARY: process.execPath },
  });
}
