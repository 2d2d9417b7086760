// The morning wave (issue #18, ADR 009): the first office-time tick of a working day at national scale —
// the deadline check, the pace check and the daily digest — written by the real services, delivered by the
// real dispatcher to the emulator enforcing Telegram's limits (30/s, 1/s per chat, 20/min per group).
// Measured per check: messages, chats reached, chats that got more than one; for the whole wave: the time
// until the last recipient has his message, against the ceiling for that many messages to those chats, and
// whether escalations went out before plain reminders.
import { performance } from "node:perf_hooks";
import { systemClock } from "../../src/platform/clock.ts";
import { TELEGRAM_LIMITS } from "../../src/platform/outbox/limiter.ts";
import { at } from "./dataset.ts";
import { round, sleep, startRealApp } from "./e2e.ts";

export interface CheckFigures {
  check: string;
  messages: number;
  chats: number;
  /** chats that got more than one message from this check (target 0) */
  chatsWithTwo: number;
  ms: number;
}

export interface WaveResult {
  checks: CheckFigures[];
  messages: number;
  chats: number;
  groups: number;
  /** chats that got more than one message in the whole wave (the checks are separate jobs) */
  chatsWithTwo: number;
  /** from the start of the checks to the last delivery */
  seconds: number;
  /** the fastest Telegram's limits allow for these messages to these chats */
  ceilingSeconds: number;
  /** seconds / ceiling: ≤ 1.05 is the target */
  ofCeiling: number;
  escalations: number;
  /** escalations delivered after the first plain reminder (target 0) */
  escalationsLate: number;
  http429: number;
  /** digest length: the longest text, and messages that had to leave items out ("… và N việc khác") */
  longestText: number;
  digestsCut: number;
  /** where the time went: the first send after the start, sends per 10 s, pauses of a second or more between
   * two sends, and when each 429 came (seconds from the start) */
  profile: { firstSendSeconds: number; per10s: number[]; gaps: [number, number][]; http429At: [number, string][] };
}

/** The ceiling: the global rate, and for a chat with k messages (k − 1) s, for a group (k − 1) × 3 s. */
export function waveCeiling(rows: { chatId: bigint }[]): number {
  const perChat = new Map<bigint, number>();
  for (const r of rows) perChat.set(r.chatId, (perChat.get(r.chatId) ?? 0) + 1);
  let worst = rows.length / TELEGRAM_LIMITS.globalPerSecond;
  for (const [chatId, k] of perChat) {
    const gap = chatId < 0n ? 60 / TELEGRAM_LIMITS.perGroupPerMinute : 1 / TELEGRAM_LIMITS.perChatPerSecond;
    worst = Math.max(worst, (k - 1) * gap);
  }
  return worst;
}

export async function morningWave(databaseUrl: string): Promise<WaveResult> {
  const bot = await startRealApp(databaseUrl, { clock: systemClock, limits: TELEGRAM_LIMITS });
  bot.emulator.setLimits({ ...TELEGRAM_LIMITS });
  const app = bot.app!;
  const db = app.database.db;
  try {
    const now = at(7, 30);
    const firstRow = ((await db.outboxMessage.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1;
    const firstCall = bot.emulator.calls.length;
    const start = performance.now();
    const startedAt = Date.now();
    const checks: CheckFigures[] = [];
    const jobs: [string, () => Promise<unknown>][] = [
      ["deadline-check", () => app.services.reminders.runDeadlineCheck(now)],
      ["pace-check", () => app.services.paceLadder.runPaceCheck(now)],
      ["daily-digest", () => app.services.digests.runDailyDigest(now)],
    ];
    for (const [check, run] of jobs) {
      const before = ((await db.outboxMessage.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1;
      const t = performance.now();
      await run();
      app.dispatcher.wake();
      const ms = performance.now() - t;
      const rows = await db.outboxMessage.findMany({ where: { id: { gte: before } }, select: { chatId: true } });
      const perChat = new Map<bigint, number>();
      for (const r of rows) perChat.set(r.chatId, (perChat.get(r.chatId) ?? 0) + 1);
      checks.push({
        check,
        messages: rows.length,
        chats: perChat.size,
        chatsWithTwo: [...perChat.values()].filter((n) => n > 1).length,
        ms: round(ms),
      });
    }
    const total = await db.outboxMessage.count({ where: { id: { gte: firstRow } } });
    const deadline = Date.now() + Math.max(300_000, total * 200);
    for (;;) {
      const left = await db.outboxMessage.count({
        where: { id: { gte: firstRow }, status: { in: ["PENDING", "SENDING"] } },
      });
      if (left === 0) break;
      if (Date.now() > deadline) throw new Error(`morning wave: ${left}/${total} still undelivered`);
      await sleep(100);
    }
    const rows = await db.outboxMessage.findMany({
      where: { id: { gte: firstRow } },
      select: { chatId: true, priority: true, sentAt: true, text: true, kind: true },
    });
    const sent = rows.filter((r) => r.sentAt !== null);
    const lastAt = Math.max(...sent.map((r) => r.sentAt!.getTime()));
    const seconds = Math.max((lastAt - startedAt) / 1000, (performance.now() - start) / 1000 - 0.1);
    const ceilingSeconds = waveCeiling(rows);
    const firstPlain = Math.min(...sent.filter((r) => r.priority < 2).map((r) => r.sentAt!.getTime()));
    const escalations = sent.filter((r) => r.priority >= 2);
    const perChat = new Map<bigint, number>();
    for (const r of rows) perChat.set(r.chatId, (perChat.get(r.chatId) ?? 0) + 1);
    const calls = bot.emulator.calls.slice(firstCall).filter((c) => c.method === "sendMessage");
    const okAt = calls.filter((c) => c.ok).map((c) => (c.at - startedAt) / 1000);
    const per10s: number[] = [];
    for (const t of okAt) per10s[Math.floor(t / 10)] = (per10s[Math.floor(t / 10)] ?? 0) + 1;
    const gaps: [number, number][] = [];
    for (let i = 1; i < okAt.length; i++)
      if (okAt[i]! - okAt[i - 1]! >= 1) gaps.push([round(okAt[i - 1]!, 2), round(okAt[i]! - okAt[i - 1]!, 2)]);
    return {
      checks,
      messages: rows.length,
      chats: perChat.size,
      groups: [...perChat.keys()].filter((c) => c < 0n).length,
      chatsWithTwo: [...perChat.values()].filter((n) => n > 1).length,
      seconds: round(seconds, 2),
      ceilingSeconds: round(ceilingSeconds, 2),
      ofCeiling: round(seconds / ceilingSeconds, 3),
      escalations: escalations.length,
      // one second of slack: the dispatcher's workers send in parallel, within a second of each other
      escalationsLate: escalations.filter((r) => r.sentAt!.getTime() > firstPlain + 1000).length,
      http429: calls.filter((c) => c.errorCode === 429).length,
      longestText: Math.max(0, ...rows.map((r) => r.text.length)),
      digestsCut: rows.filter((r) => /… và \d+ (việc|chương trình) khác/.test(r.text)).length,
      profile: {
        firstSendSeconds: round(okAt[0] ?? 0, 2),
        per10s: Array.from(per10s, (n) => n ?? 0),
        gaps,
        http429At: calls
          .filter((c) => c.errorCode === 429)
          .map((c) => [round((c.at - startedAt) / 1000, 2), String(c.payload.chat_id)] as [number, string]),
      },
    };
  } finally {
    await bot.stop();
  }
}
