// `npm run cli` in the test's own process: the same commands (scripts/lib/cli.ts) on a test database, with
// the lines each stream got. One test (test/registry/cli.test.ts) still runs the real entry as a child process.
import { createConfig } from "../../src/config.ts";
import { runCli } from "../../scripts/lib/cli.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliOn(databaseUrl: string, ...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io = { out: (s: string) => void (stdout += s + "\n"), err: (s: string) => void (stderr += s + "\n") };
  const config = () => createConfig({ ...process.env, DATABASE_URL: databaseUrl, BOT_TOKEN: "0:cli" });
  const code = await runCli(argv, io, config);
  return { code, stdout, stderr };
}
