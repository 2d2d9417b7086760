// Crash trials: outbox rows for many recipients, a dispatcher in a child process killed with SIGKILL at
// chosen moments and restarted, and a tally per recipient of what the Bot API emulator received.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import type { Db } from "../../src/platform/db/client.ts";
import type { BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";

const WORKER = resolve(import.meta.dirname, "dispatch-worker.ts");

export function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((res, rej) => {
    child.once("error", rej);
    child.once("exit", (code) => rej(new Error(`dispatch worker exited early (${code})`)));
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) res(child);
    });
  });
}

export function kill(child: ChildProcess): Promise<void> {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res();
    child.once("exit", () => res());
    child.kill("SIGKILL");
  });
}

export async function waitUntil(done: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Per recipient: how many copies arrived. lost = recipients with none, duplicates = copies beyond one. */
export function tally(emulator: BotApiEmulator, recipients: number[]) {
  const got = new Map<number, number>();
  for (const m of emulator.sent) if (!m.edited) got.set(m.chat_id, (got.get(m.chat_id) ?? 0) + 1);
  let lost = 0;
  let duplicates = 0;
  for (const r of recipients) {
    const n = got.get(r) ?? 0;
    if (n === 0) lost++;
    else duplicates += n - 1;
  }
  return { lost, duplicates };
}

export async function inFlight(db: Db): Promise<number> {
  return db.outboxMessage.count({ where: { status: "SENDING" } });
}

export async function remaining(db: Db): Promise<number> {
  return db.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
}
