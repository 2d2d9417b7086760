// Applies the committed migrations of the database DATABASE_URL names, with Prisma's own CLI
// (`prisma migrate deploy`, WASM engine through prisma.config.ts).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * The CLI's last line when it is done. On PostgreSQL the CLI then stays alive for 10 s: a timer its WASM
 * schema engine leaves behind (`setTimeout(…, 10000)` from the engine, traced) and the driver adapter's idle
 * pool. Once this line is out the migrations are committed and nothing is left to do: the process is ended.
 */
const DONE = /^(All migrations have been successfully applied\.|No pending migrations to apply\.)\s*$/m;

export async function migrateDeploy(databaseUrl: string): Promise<string> {
  const child = spawn(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let done = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (!done && DONE.test(stdout)) {
      done = true;
      child.kill();
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (done || code === 0) return stdout;
  throw new MigrateError(code, stderr || stdout);
}

/** The CLI failed; `reason` is what it said went wrong (its «Error:» lines, else its last line). */
export class MigrateError extends Error {
  readonly reason: string;
  constructor(
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    const lines = output.split("\n").map((l) => l.trim());
    const errors = lines.filter((l) => l.startsWith("Error:")).map((l) => l.slice("Error:".length).trim());
    const reason = errors.length > 0 ? errors.join(" ") : (lines.filter(Boolean).at(-1) ?? "");
    super(`prisma migrate deploy failed (exit ${exitCode}): ${reason}`);
    this.reason = reason;
  }
}
