// The update queue behind getUpdates: monotonic update ids, offset confirmation and long polls.
import type { Payload } from "./types.ts";

export type Update = Payload & { update_id: number };

interface Poll {
  limit: number;
  resolve: (updates: Update[]) => void;
  timer: NodeJS.Timeout;
}

export class UpdateQueue {
  private queue: Update[] = [];
  private lastId = 0;
  private confirmed = 0;
  private polls = new Set<Poll>();
  private flushScheduled = false;
  private closed = false;

  push(update: Payload): number {
    const update_id = ++this.lastId;
    this.queue.push({ ...update, update_id });
    // Answer waiting polls on the next turn, so updates queued together arrive as one batch.
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        for (const poll of [...this.polls]) this.answer(poll, this.queue.slice(0, poll.limit));
      });
    }
    return update_id;
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  /** The highest update_id the bot has confirmed (asked for an offset past it). */
  get confirmedUpTo(): number {
    return this.confirmed;
  }

  nextId(): number {
    return this.lastId + 1;
  }

  /** True when the bot has asked for updates with an offset past every queued update. */
  isIdle(): boolean {
    return this.confirmed >= this.lastId;
  }

  pendingSummary(): string {
    return `last update_id ${this.lastId}, confirmed up to ${this.confirmed}`;
  }

  /** Forgets every queued update (deleteWebhook/setWebhook with drop_pending_updates). */
  dropPending(): void {
    this.queue = [];
    this.confirmed = this.lastId;
  }

  /**
   * getUpdates: confirms updates below `offset`, then answers at once when there is something to
   * return, otherwise holds the request up to `timeout` seconds. `signal` aborts when the client hangs up.
   */
  poll(opts: { offset: number; limit: number; timeout: number }, signal: AbortSignal): Promise<Update[]> {
    const { offset, limit, timeout } = opts;
    if (offset > 0) {
      this.queue = this.queue.filter((u) => u.update_id >= offset);
      this.confirmed = Math.max(this.confirmed, Math.min(offset - 1, this.lastId));
    }
    const ready = this.queue.slice(0, limit);
    if (ready.length > 0 || timeout <= 0 || this.closed || signal.aborted) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const poll: Poll = { limit, resolve, timer: setTimeout(() => this.answer(poll, []), timeout * 1000) };
      this.polls.add(poll);
      signal.addEventListener("abort", () => this.answer(poll, []), { once: true });
    });
  }

  /** Answers every held poll with [] and refuses to hold new ones. */
  close(): void {
    this.closed = true;
    for (const poll of [...this.polls]) this.answer(poll, []);
  }

  private answer(poll: Poll, updates: Update[]): void {
    if (!this.polls.delete(poll)) return;
    clearTimeout(poll.timer);
    poll.resolve(updates);
  }
}
