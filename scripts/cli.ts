// `npm run cli -- <lệnh> …`: the registry command line (scripts/lib/cli.ts) on this process's streams, on
// the database DATABASE_URL names. Exit code 1 on bad input.
import { loadConfig } from "./env.ts";
import { runCli } from "./lib/cli.ts";

const io = { out: (s: string) => process.stdout.write(s + "\n"), err: (s: string) => process.stderr.write(s + "\n") };
process.exitCode = await runCli(process.argv.slice(2), io, () =>
  loadConfig({ BOT_TOKEN: process.env.BOT_TOKEN || "0:cli" }),
);
