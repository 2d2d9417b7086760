// Telegram's sending limits as sliding windows: overall per second, per chat per second, per group per minute.
// take() reserves a slot when a request starts; the slot's settle() moves it to the moment the answer came,
// so the window never frees earlier than Telegram's own (which counts the send somewhere in between).
//
// One limiter per process, shared by the outbox dispatcher ("background") and by everything telegraf sends
// while handling an update ("interactive", src/platform/outbox/interactive.ts). While interactive calls wait or
// went out in the last second, the background may use only globalPerSecond − interactiveReservePerSecond
// of the bot-wide rate: a person asking during a broadcast is answered within a second or two
// (docs/decisions/006-interactive-rate.md).
//
// Several instances on one PostgreSQL database each take a part of the bot-wide rate (globalShare, from
// the live instances counted by src/platform/scheduler/instances.ts); per-chat and per-group windows are
// counted across them by src/platform/outbox/shared-windows.ts, on top of these.
export interface Limits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
  /** share of the global rate kept free for interactive replies while there are any (default 5, < global) */
  interactiveReservePerSecond?: number;
}

export const TELEGRAM_LIMITS: Limits = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
  interactiveReservePerSecond: 5,
};

export const DEFAULT_INTERACTIVE_RESERVE = 5;

export type Traffic = "background" | "interactive";

/**
 * This instance's part of the bot-wide rate when `instances` share the bot (ADR 006, 2026-12-04). Alone:
 * all of it. Otherwise an instance that does not send the outbox gets the interactive reserve for its
 * replies (no more than an equal part, at least 1/s), and the leader, which sends the outbox as well as
 * its replies, the rest: a broadcast keeps most of the rate, and the parts add up to the bot-wide limit.
 */
export function globalShare(limits: Limits, instances: number, leader: boolean): number {
  const global = limits.globalPerSecond;
  if (instances <= 1) return global;
  const reserve = limits.interactiveReservePerSecond ?? DEFAULT_INTERACTIVE_RESERVE;
  const replies = Math.max(1, Math.min(reserve, Math.floor(global / instances)));
  return leader ? Math.max(1, global - (instances - 1) * replies) : replies;
}

/** One send in a window: when it counts from, and whether its answer is still awaited. */
interface Entry {
  at: number;
  open: boolean;
}

class Window {
  private entries: Entry[] = [];
  constructor(
    readonly size: number,
    private readonly spanMs: number,
  ) {}
  /**
   * A send leaves the window spanMs after its answer. One still in flight stays, however long ago it was
   * taken: Telegram may count it at any moment until it answers. (Pruning by the time it was taken let a
   * stalled event loop — the morning checks' synchronous SQLite work — forget 16 requests in flight, and the
   * next second's sends came back 429; docs/benchmarks.md, morning wave.)
   */
  private prune(now: number) {
    this.entries = this.entries.filter((e) => e.open || e.at > now - this.spanMs);
  }
  /** how long until one more send fits under `size` (default: the window's own) */
  waitMs(now: number, size = this.size): number {
    this.prune(now);
    if (this.entries.length < size) return 0;
    // a send in flight leaves no sooner than spanMs from now (were it answered this instant)
    const sorted = this.entries.map((e) => (e.open ? Math.max(e.at, now) : e.at)).sort((a, b) => a - b);
    // the entry that has to leave the window before another send fits
    return (sorted[sorted.length - size] as number) + this.spanMs - now;
  }
  count(now: number): number {
    this.prune(now);
    return this.entries.length;
  }
  take(now: number): { settle(at: number): void; release(): void } {
    const entry: Entry = { at: now, open: true };
    this.entries.push(entry);
    return {
      settle: (at: number) => {
        entry.at = Math.max(entry.at, at);
        entry.open = false;
      },
      release: () => {
        const i = this.entries.indexOf(entry);
        if (i >= 0) this.entries.splice(i, 1);
      },
    };
  }
  idle(now: number): boolean {
    this.prune(now);
    return this.entries.length === 0;
  }
}

export interface Slot {
  /** the request got its answer (or failed) at `at` */
  settle(at: number): void;
  /** the request was not made after all (another instance had the chat's window): the slot is free again */
  release(): void;
}

/** What a 429 paused: that chat only, or everything the bot sends. */
export type PauseScope = "chat" | "global";

export function createLimiter(limits: Limits) {
  const global = new Window(limits.globalPerSecond, 1000);
  // this process's part of the bot-wide rate: all of it, unless several instances share the bot
  let globalSize = () => limits.globalPerSecond;
  const perChat = new Map<string, Window>();
  const perGroup = new Map<string, Window>();
  const pausedUntil = new Map<string, number>();
  let globalPausedUntil = 0;
  // interactive traffic: calls waiting for a slot now, and when the last one went out
  let interactiveWaiting = 0;
  let lastInteractiveAt = -Infinity;
  // recent 429s: chat (or "" for calls without one) → when
  const recent429 = new Map<string, number>();
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

  /** the background's share: the whole rate, or the rate less the reserve while people are being answered */
  function globalWaitMs(now: number, traffic: Traffic = "background"): number {
    const interactive = interactiveWaiting > 0 || now - lastInteractiveAt < 1000;
    const total = globalSize();
    const reserve = Math.max(0, Math.min(limits.interactiveReservePerSecond ?? DEFAULT_INTERACTIVE_RESERVE, total - 1));
    const size = traffic === "background" && interactive ? total - reserve : total;
    return Math.max(globalPausedUntil - now, global.waitMs(now, size));
  }

  function pauseAll(ms: number, now: number): void {
    globalPausedUntil = Math.max(globalPausedUntil, now + ms);
  }

  function pause(chatId: bigint, ms: number, now: number): void {
    const k = chatId.toString();
    pausedUntil.set(k, Math.max(pausedUntil.get(k) ?? 0, now + ms));
  }

  return {
    /** how long until a message to this chat may go, counting the global limit too */
    waitMs(chatId: bigint | null, now: number, traffic: Traffic = "background"): number {
      return Math.max(globalWaitMs(now, traffic), chatId === null ? 0 : chatWaitMs(chatId, now));
    },
    /** the per-chat (and per-group) part only */
    chatWaitMs,
    /** this process's sends to the chat in its windows: the last second, and the last minute (groups) */
    chatCounts(chatId: bigint, now: number): { second: number; minute: number } {
      const [second, minute] = chatWindows(chatId).map((w) => w.count(now));
      return { second: second ?? 0, minute: minute ?? 0 };
    },
    globalWaitMs,
    /** several instances: this process may use `share()` of the bot-wide rate (asked at every check) */
    setGlobalShare(share: () => number): void {
      globalSize = share;
    },
    /** a slot in the global window, and in the chat's (none for calls without a chat: answers to buttons) */
    take(chatId: bigint | null, now: number, traffic: Traffic = "background"): Slot {
      if (traffic === "interactive") lastInteractiveAt = Math.max(lastInteractiveAt, now);
      const slots = [global, ...(chatId === null ? [] : chatWindows(chatId))].map((w) => w.take(now));
      return { settle: (at) => slots.forEach((s) => s.settle(at)), release: () => slots.forEach((s) => s.release()) };
    },
    /** an interactive call starts waiting for its slot; the returned function ends the wait */
    interactiveWaits(): () => void {
      interactiveWaiting++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        interactiveWaiting--;
      };
    },
    /**
     * Telegram answered 429 for a call to `chatId` (null: a call without a chat). Pauses what the limit it
     * signals covers. Telegram does not say which limit it was, so: the chat's own limits can be the cause
     * only when its windows were at least half full without the refused call; otherwise, or when another
     * chat got a 429 in the same second (a bot-wide flood hits many chats at once), it was the bot-wide
     * rate and everything waits retry_after.
     */
    tooMany(chatId: bigint | null, retryAfterMs: number, now: number): PauseScope {
      for (const [k, at] of recent429) if (at <= now - 1000) recent429.delete(k);
      const key = chatId?.toString() ?? "";
      const others = [...recent429.keys()].some((k) => k !== key);
      recent429.set(key, now);
      // the refused call's own slot is still in the windows: it does not count
      const chatBound = chatId !== null && chatWindows(chatId).some((w) => (w.count(now) - 1) * 2 >= w.size);
      if (chatId !== null && chatBound && !others) {
        pause(chatId, retryAfterMs, now);
        return "chat";
      }
      pauseAll(retryAfterMs, now);
      if (chatId !== null) pause(chatId, retryAfterMs, now);
      return "global";
    },
    /** after a 429: nothing goes to that chat until retryAfter has passed */
    pause,
    /** nothing goes anywhere until ms have passed */
    pauseAll,
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
