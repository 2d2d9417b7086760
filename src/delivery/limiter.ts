// Telegram's sending limits as sliding windows: overall per second, per chat per second, per group per minute.
// waitMs() says how long until a message to that chat may go; take() records a send.
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
  waitMs(now: number): number {
    while (this.times.length > 0 && (this.times[0] as number) <= now - this.spanMs) this.times.shift();
    if (this.times.length < this.size) return 0;
    return (this.times[0] as number) + this.spanMs - now;
  }
  take(now: number) {
    this.times.push(now);
  }
  get idle() {
    return this.times.length === 0;
  }
}

export function createLimiter(limits: Limits) {
  const global = new Window(limits.globalPerSecond, 1000);
  const perChat = new Map<string, Window>();
  const perGroup = new Map<string, Window>();
  const isGroup = (chatId: bigint) => chatId < 0n;

  function windowsFor(chatId: bigint): Window[] {
    const k = chatId.toString();
    let c = perChat.get(k);
    if (!c) perChat.set(k, (c = new Window(limits.perChatPerSecond, 1000)));
    const list = [global, c];
    if (isGroup(chatId)) {
      let g = perGroup.get(k);
      if (!g) perGroup.set(k, (g = new Window(limits.perGroupPerMinute, 60_000)));
      list.push(g);
    }
    return list;
  }

  return {
    waitMs(chatId: bigint, now: number): number {
      return Math.max(...windowsFor(chatId).map((w) => w.waitMs(now)));
    },
    take(chatId: bigint, now: number): void {
      for (const w of windowsFor(chatId)) w.take(now);
    },
    /** after a 429: nothing goes to that chat (or anywhere, for a global one) until retryAfter has passed */
    globalWaitMs(now: number): number {
      return global.waitMs(now);
    },
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
