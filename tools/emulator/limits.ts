// Sliding-window flood limits like Telegram's: N sends per second overall, per chat, and per
// group per minute. Only accepted sends are recorded, so a refused send never extends a window.
import type { Limits } from "./types.ts";

interface Send {
  at: number;
  chatId: number;
}

const SECOND = 1000;
const MINUTE = 60_000;

export class RateLimiter {
  private limits: Limits | null;
  private sends: Send[] = [];

  constructor(limits: Limits | null) {
    this.limits = limits;
  }

  set(limits: Limits | null): void {
    this.limits = limits;
    this.sends = [];
  }

  /** Seconds to wait before a send to `chatId` is allowed, or 0 when it may go now. */
  retryAfter(chatId: number, now = Date.now()): number {
    const limits = this.limits;
    if (!limits) return 0;
    this.sends = this.sends.filter((s) => now - s.at < MINUTE);
    const lastSecond = this.sends.filter((s) => now - s.at < SECOND);
    const checks: Array<[Send[], number, number]> = [
      [lastSecond, limits.globalPerSecond, SECOND],
      [lastSecond.filter((s) => s.chatId === chatId), limits.perChatPerSecond, SECOND],
      [chatId < 0 ? this.sends.filter((s) => s.chatId === chatId) : [], limits.perGroupPerMinute, MINUTE],
    ];
    let wait = 0;
    for (const [window, max, length] of checks) {
      if (window.length < max) continue;
      // The send that has to leave the window before another one fits.
      const freeing = window[window.length - max] ?? window[0];
      const ms = (freeing?.at ?? now) + length - now;
      wait = Math.max(wait, Math.max(1, Math.ceil(ms / SECOND)));
    }
    return wait;
  }

  record(chatId: number, now = Date.now()): void {
    if (this.limits) this.sends.push({ at: now, chatId });
  }
}
