// Telegram's sending limits as sliding windows: overall per second, per chat per second, per group per minute.
// take() reserves a slot when a request starts; the slot's settle() moves it to the moment the answer came,
// so the window never frees earlier than Telegram's own (which counts the send somewhere in between).
export interface Limits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
}

export const TELEGRAM_LIMITS: Limits = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

class Window {
  private times: number[] = [];
  constructor(
    private readonly size: number,
    private readonly spanMs: number,
  ) {}
  private prune(now: number) {
    this.times = this.times.filter((t) => t > now - this.spanMs);
  }
  waitMs(now: number): number {
    this.prune(now);
    if (this.times.length < this.size) return 0;
    const sorted = [...this.times].sort((a, b) => a - b);
    // the entry that has to leave the window before another send fits
    return (sorted[sorted.length - this.size] as number) + this.spanMs - now;
  }
  take(now: number): { settle(at: number): void } {
    this.times.push(now);
    let index = this.times.length - 1;
    const start = now;
    return {
      settle: (at: number) => {
        // the array may have been pruned meanwhile: find the entry again by value
        if (this.times[index] !== start) index = this.times.indexOf(start);
        if (index >= 0) this.times[index] = Math.max(start, at);
      },
    };
  }
  idle(now: number): boolean {
    this.prune(now);
    return this.times.length === 0;
  }
}

export interface Slot {
  /** the request got its answer (or failed) at `at` */
  settle(at: number): void;
}

export function createLimiter(limits: Limits) {
  const global = new Window(limits.globalPerSecond, 1000);
  const perChat = new Map<string, Window>();
  const perGroup = new Map<string, Window>();
  const pausedUntil = new Map<string, number>();
  const isGroup = (chatId: bigint) => chatId < 0n;

  function chatWindows(chatId: bigint): Window[] {
    const k = chatId.toString();
    let c = perChat.get(k);
    if (!c) perChat.set(k, (c = new Window(limits.perChatPerSecond, 1000)));
    const list = [c];
    if (isGroup(chatId)) {
      let g = perGroup.get(k);
      if (!g) perGroup.set(k, (g = new Window(limits.perGroupPerMinute, 60_000)));
      list.push(g);
    }
    return list;
  }

  function chatWaitMs(chatId: bigint, now: number): number {
    const paused = (pausedUntil.get(chatId.toString()) ?? 0) - now;
    return Math.max(paused, ...chatWindows(chatId).map((w) => w.waitMs(now)));
  }

  return {
    /** how long until a message to this chat may go, counting the global limit too */
    waitMs(chatId: bigint, now: number): number {
      return Math.max(global.waitMs(now), chatWaitMs(chatId, now));
    },
    /** the per-chat (and per-group) part only */
    chatWaitMs,
    globalWaitMs(now: number): number {
      return global.waitMs(now);
    },
    take(chatId: bigint, now: number): Slot {
      const slots = [global, ...chatWindows(chatId)].map((w) => w.take(now));
      return { settle: (at) => slots.forEach((s) => s.settle(at)) };
    },
    /** after a 429: nothing goes to that chat until retryAfter has passed */
    pause(chatId: bigint, ms: number, now: number): void {
      const k = chatId.toString();
      pausedUntil.set(k, Math.max(pausedUntil.get(k) ?? 0, now + ms));
    },
    /** chats that may not receive anything right now (to leave them out of the next read) */
    blockedChats(now: number): bigint[] {
      const out: bigint[] = [];
      for (const [k, until] of pausedUntil) {
        if (until <= now) pausedUntil.delete(k);
        else out.push(BigInt(k));
      }
      for (const [k, w] of perChat) {
        if (w.idle(now) && !perGroup.has(k)) {
          perChat.delete(k);
          continue;
        }
        if (!pausedUntil.has(k) && chatWaitMs(BigInt(k), now) > 0) out.push(BigInt(k));
      }
      for (const [k, w] of perGroup) if (w.idle(now)) perGroup.delete(k);
      return out;
    },
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
