// Broadcast through the real dispatcher against the emulator enforcing Telegram's limits: outbox rows are
// written directly, the dispatcher (started by createApp) drains them. Measured: time against the
// ceiling (recipients / 30 per second), the largest number of accepted sends in any 1 s window, 429s.
import { performance } from "node:perf_hooks";
import type { BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import { systemClock } from "../../src/platform/clock.ts";
import { TELEGRAM_LIMITS } from "../../src/platform/outbox/limiter.ts";
import { officialTelegramId, unitGroupId } from "./dataset.ts";
import { round, sleep, startRealApp } from "./e2e.ts";

export interface BroadcastResult {
  privateChats: number;
  groups: number;
  recipients: number;
  seconds: number;
  ceilingSeconds: number;
  /** ceiling / actual: 1 = as fast as Telegram allows */
  ofCeiling: number;
  maxIn1s: number;
  limitPerSecond: number;
  http429: number;
  accepted: number;
}

/** The largest number of timestamps in any window of `spanMs` (sliding, two pointers). */
export function maxInWindow(times: number[], spanMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while ((t[j] as number) - (t[i] as number) >= spanMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

export async function broadcastBench(
  databaseUrl: string,
  privateChats: number,
  groups: number,
): Promise<BroadcastResult> {
  // the dispatcher reads rows due now: the app runs on the system clock here
  const bot = await startRealApp(databaseUrl, { clock: systemClock, limits: TELEGRAM_LIMITS });
  const emulator: BotApiEmulator = bot.emulator;
  emulator.setLimits({ ...TELEGRAM_LIMITS });
  const app = bot.app!;
  try {
    const now = new Date();
    const text =
      "📢 <b>Thông báo</b> của Văn phòng điều phối: đề nghị các đơn vị cập nhật tiến độ giải ngân trước 16h00.";
    const chats = [
      ...Array.from({ length: privateChats }, (_, i) => BigInt(officialTelegramId(4 + i))),
      ...Array.from({ length: groups }, (_, i) => BigInt(unitGroupId(2 + i))),
    ];
    const firstCall = emulator.calls.length;
    const start = performance.now();
    for (let i = 0; i < chats.length; i += 500) {
      await app.database.db.outboxMessage.createMany({
        data: chats
          .slice(i, i + 500)
          .map((chatId) => ({ chatId, text, parseMode: "HTML", kind: "broadcast", createdAt: now, notBefore: now })),
      });
    }
    app.dispatcher.wake();
    const isSend = (c: { method: string }) => c.method === "sendMessage";
    const deadline = Date.now() + Math.max(120_000, chats.length * 200);
    let accepted = 0;
    while (accepted < chats.length) {
      if (Date.now() > deadline) throw new Error(`broadcast: only ${accepted}/${chats.length} delivered in time`);
      await sleep(20);
      accepted = emulator.calls.slice(firstCall).filter((c) => isSend(c) && c.ok).length;
    }
    const seconds = (performance.now() - start) / 1000;
    const calls = emulator.calls.slice(firstCall).filter(isSend);
    const ceilingSeconds = chats.length / TELEGRAM_LIMITS.globalPerSecond;
    return {
      privateChats,
      groups,
      recipients: chats.length,
      seconds: round(seconds, 2),
      ceilingSeconds: round(ceilingSeconds, 2),
      ofCeiling: round(ceilingSeconds / seconds, 3),
      maxIn1s: maxInWindow(
        calls.filter((c) => c.ok).map((c) => c.at),
        1000,
      ),
      limitPerSecond: TELEGRAM_LIMITS.globalPerSecond,
      http429: calls.filter((c) => c.errorCode === 429).length,
      accepted,
    };
  } finally {
    await bot.stop();
  }
}
