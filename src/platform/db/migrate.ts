// Applies the committed migrations of the database DATABASE_URL names, with Prisma's own CLI
// (`prisma migrate deploy`, WASM engine through prisma.config.ts).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../..", import.meta.url));

export async function migrateDeploy(databaseUrl: string): Promise<string> {
  const { stdout } = await run(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  return stdout;
}
