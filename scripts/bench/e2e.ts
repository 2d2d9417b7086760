// End-to-end measurements over loopback: an update posted to the local Bot API emulator → the bot polls it →
// the matching sendMessage reaches the emulator. The real app (createApp, long polling) and a bare telegraf
// echo bot (the framework floor) are measured the same way, in the same process, in the same run.
import { performance } from "node:perf_hooks";
import { Telegraf } from "telegraf";
import { createApp, type App } from "../../src/app.ts";
import { createConfig } from "../../src/config.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { fixedClock, type Clock } from "../../src/platform/clock.ts";
import {
  startBotApiEmulator,
  type BotApiEmulator,
  type EmulatorChat,
  type EmulatorUser,
  type SentMessage,
} from "../../tools/emulator/bot-api-server.ts";
import { at } from "./dataset.ts";
import type { Limits } from "../../src/platform/outbox/limiter.ts";

export interface Sender {
  chat: EmulatorChat;
  from: EmulatorUser;
}

/** Resolves when the emulator records the next message the bot sends to a chat (wraps emulator.sent.push). */
export function trackReplies(emulator: BotApiEmulator) {
  const waiting = new Map<number, ((t: number) => void)[]>();
  const sent = emulator.sent;
  const push = sent.push.bind(sent);
  sent.push = (...items: SentMessage[]) => {
    const t = performance.now();
    for (const m of items) {
      if (m.edited) continue;
      const q = waiting.get(m.chat_id);
      const resolve = q?.shift();
      if (resolve) resolve(t);
    }
    return push(...items);
  };
  return {
    /** a user writes `text`; resolves with the latency (ms) until the bot's reply to that chat arrives */
    ask(s: Sender, text: string, timeoutMs = 60_000): Promise<number> {
      return new Promise<number>((resolve, reject) => {
        const q = waiting.get(s.chat.id) ?? [];
        waiting.set(s.chat.id, q);
        const timer = setTimeout(
          () => reject(new Error(`no reply in chat ${s.chat.id} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const t0 = performance.now();
        q.push((t) => {
          clearTimeout(timer);
          resolve(t - t0);
        });
        emulator.userSends({ from: s.from, chat: s.chat, text });
      });
    },
  };
}

export interface RunningBot {
  emulator: BotApiEmulator;
  app?: App;
  stop(): Promise<void>;
}

export async function startEchoBot(): Promise<RunningBot> {
  const emulator = await startBotApiEmulator({ botUsername: "echo_bench_bot" });
  const bot = new Telegraf(emulator.token, { telegram: { apiRoot: emulator.apiRoot } });
  bot.command("status", (ctx) => ctx.reply("ok"));
  bot.botInfo = await bot.telegram.getMe();
  const polling = bot.launch().catch(() => {});
  await waitForPoll(emulator);
  return {
    emulator,
    async stop() {
      bot.stop("bench");
      await polling;
      await emulator.close();
    },
  };
}

/**
 * The app's own limiter is set loose here, as the echo bot has none: the side-by-side figures measure the
 * app's work, not Telegram's 30/s (which the broadcast benchmark measures, with the real limits).
 */
const UNLIMITED: Limits = { globalPerSecond: 1_000_000, perChatPerSecond: 1_000_000, perGroupPerMinute: 1_000_000 };

export async function startRealApp(
  databaseUrl: string,
  opts: { clock?: Clock; limits?: Limits } = {},
): Promise<RunningBot> {
  const emulator = await startBotApiEmulator({ botUsername: "dondoc_bench_bot" });
  const config = createConfig({
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent",
  });
  const app = await createApp(config, createLogger(config.logLevel), {
    clock: opts.clock ?? fixedClock(at(10, 0)),
    cron: false,
    limits: opts.limits ?? UNLIMITED,
  });
  await app.start();
  await waitForPoll(emulator);
  return {
    emulator,
    app,
    async stop() {
      await app.stop("bench");
      await emulator.close();
    },
  };
}

async function waitForPoll(emulator: BotApiEmulator) {
  const deadline = Date.now() + 10_000;
  while (!emulator.calls.some((c) => c.method === "getUpdates")) {
    if (Date.now() > deadline) throw new Error("the bot never polled");
    await sleep(5);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export interface LatencyResult {
  requests: number;
  ratePerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

/** Open-loop steady load: `rate` /status per second for `seconds`, round-robin over the senders; the latencies (ms). */
export async function steadySamples(
  bot: RunningBot,
  senders: Sender[],
  opts: { rate: number; seconds: number; warmup: number; text?: string },
): Promise<number[]> {
  const tracker = trackReplies(bot.emulator);
  const text = opts.text ?? "/status";
  for (let i = 0; i < opts.warmup; i++) await tracker.ask(senders[i % senders.length] as Sender, text);
  const total = Math.round(opts.rate * opts.seconds);
  const pending: Promise<number>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(tracker.ask(senders[i % senders.length] as Sender, text));
  }
  return Promise.all(pending);
}

export function summarize(samples: number[], ratePerSecond: number): LatencyResult {
  const lat = [...samples].sort((a, b) => a - b);
  return {
    requests: lat.length,
    ratePerSecond,
    p50Ms: round(percentile(lat, 50)),
    p90Ms: round(percentile(lat, 90)),
    p99Ms: round(percentile(lat, 99)),
    maxMs: round(lat[lat.length - 1] ?? NaN),
    meanMs: round(lat.reduce((s, x) => s + x, 0) / lat.length),
  };
}

/**
 * The app and the echo bot measured in alternating rounds (slices of steady load, then bursts), so that both
 * see the same machine: on a shared 2-core machine the load drifts within minutes, and a floor measured a
 * minute earlier is not the floor the app ran against. Latencies are pooled per bot; throughput is the
 * median of the rounds' bursts.
 */
export async function sideBySide(
  bots: { app: RunningBot; echo: RunningBot },
  senders: Sender[],
  opts: { rate: number; seconds: number; warmup: number; rounds: number; burst: number },
) {
  const lat = { app: [] as number[], echo: [] as number[] };
  const burst = { app: [] as number[], echo: [] as number[] };
  const slice = { rate: opts.rate, seconds: opts.seconds / opts.rounds };
  for (const k of ["echo", "app"] as const)
    await steadySamples(bots[k], senders, { ...slice, seconds: 0, warmup: opts.warmup });
  // steady load first (a slice may not follow a burst: it would measure the burst's after-effects), then the
  // bursts; who goes first alternates
  const order = (r: number) => (r % 2 === 0 ? (["echo", "app"] as const) : (["app", "echo"] as const));
  for (let r = 0; r < opts.rounds; r++)
    for (const k of order(r)) lat[k].push(...(await steadySamples(bots[k], senders, { ...slice, warmup: 0 })));
  for (let r = 0; r < opts.rounds; r++)
    for (const k of order(r)) burst[k].push((await burstThroughput(bots[k], senders, opts.burst)).perSecond);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return {
    app: {
      latency: summarize(lat.app, opts.rate),
      burst: { updates: opts.burst, perSecond: median(burst.app), rounds: burst.app },
    },
    echo: {
      latency: summarize(lat.echo, opts.rate),
      burst: { updates: opts.burst, perSecond: median(burst.echo), rounds: burst.echo },
    },
  };
}

/** A burst of `count` /status at once; updates handled per second until the last reply. */
export async function burstThroughput(
  bot: RunningBot,
  senders: Sender[],
  count: number,
  text = "/status",
): Promise<{ updates: number; seconds: number; perSecond: number }> {
  const tracker = trackReplies(bot.emulator);
  await tracker.ask(senders[0] as Sender, text);
  const start = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < count; i++) pending.push(tracker.ask(senders[i % senders.length] as Sender, text, 300_000));
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  return { updates: count, seconds: round(seconds, 3), perSecond: round(count / seconds, 1) };
}

/** Sequential samples of one request (e.g. the province-wide /status). */
export async function samples(
  bot: RunningBot,
  sender: Sender,
  n: number,
  text = "/status",
): Promise<{ n: number; p50Ms: number; maxMs: number; reply: string }> {
  const tracker = trackReplies(bot.emulator);
  const lat: number[] = [];
  for (let i = 0; i < n; i++) lat.push(await tracker.ask(sender, text));
  lat.sort((a, b) => a - b);
  const last = [...bot.emulator.sent].reverse().find((m) => m.chat_id === sender.chat.id);
  return {
    n,
    p50Ms: round(percentile(lat, 50)),
    maxMs: round(lat[lat.length - 1] ?? NaN),
    reply: (last?.text ?? "").slice(0, 120),
  };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
