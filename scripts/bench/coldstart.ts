// Cold start: `node --import tsx src/main.ts` spawned against the emulator, a /status already waiting;
// the time from spawn until its reply reaches the emulator.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { startBotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import { round, trackReplies, type Sender } from "./e2e.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ColdStartResult {
  ms: number;
  firstGetUpdatesMs: number | null;
  catchUp: string;
}

export async function coldStart(databaseUrl: string, sender: Sender): Promise<ColdStartResult> {
  const emulator = await startBotApiEmulator({ botUsername: "dondoc_cold_bot" });
  const tracker = trackReplies(emulator);
  const started = performance.now();
  const reply = tracker.ask(sender, "/status", 60_000);
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  try {
    const ms = await Promise.race([
      reply.catch((error: unknown) =>
        Promise.reject(new Error(`${String(error)}; main.ts output: ${out.slice(-2000)}`)),
      ),
      exited.then((code) => Promise.reject(new Error(`main.ts exited (${code}): ${out.slice(-2000)}`))),
    ]);
    const firstPoll = emulator.calls.find((c) => c.method === "getUpdates");
    const job = out.split("\n").find((l) => l.includes('"job finished"'));
    let catchUp = "not run";
    if (job) {
      const j = JSON.parse(job) as { ms: number; result?: { skipped?: string; rungs?: number } };
      catchUp = j.result?.skipped
        ? `skipped (${j.result.skipped}), ${j.ms} ms`
        : `ran: ${j.result?.rungs ?? "?"} rungs in ${j.ms} ms`;
    }
    return {
      ms: round(ms),
      firstGetUpdatesMs: firstPoll ? round(firstPoll.at - (Date.now() - (performance.now() - started))) : null,
      catchUp,
    };
  } finally {
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    await emulator.close();
  }
}
