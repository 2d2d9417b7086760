// Virtual time for the sending limits (src/platform/clock.ts Ticker). The limiter, the dispatcher's waits
// and the emulator's flood limits all read it, so they agree on every window as they would in real time,
// and a test waits out Telegram's windows and retry_after without waiting for real.
//
// Time moves only when something waits: the waiter's deadline becomes now (never back). It never moves
// while a request holds a slot of the limiter (taken, not yet settled): in real time a send's slot is
// held for milliseconds, far less than a window, and Telegram counts the send somewhere in between; were
// virtual time to jump meanwhile, the limiter would free the slot before the emulator counted the send.
import type { Ticker } from "../../src/platform/clock.ts";
import type { Limiter } from "../../src/platform/outbox/limiter.ts";

export interface VirtualTicker extends Ticker {
  /** moves time on by hand */
  advance(ms: number): void;
  /** counts the slots `limiter` hands out until each is settled (or given back): time waits for them */
  track<L extends Pick<Limiter, "take">>(limiter: L): L;
}

export function virtualTicker(start = Date.now()): VirtualTicker {
  let t = start;
  let held = 0;
  let idle: (() => void)[] = [];
  const yieldOnce = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    now: () => t,
    async sleep(ms) {
      const deadline = t + Math.max(0, ms);
      await yieldOnce(); // the real I/O in flight moves on meanwhile
      while (held > 0) await new Promise<void>((resolve) => idle.push(resolve));
      t = Math.max(t, deadline);
    },
    advance(ms) {
      t += ms;
    },
    track(limiter) {
      const take = limiter.take.bind(limiter);
      limiter.take = ((...args: Parameters<Limiter["take"]>) => {
        const slot = take(...args) as unknown as Record<string, (...a: unknown[]) => unknown>;
        held++;
        let open = true;
        const end = () => {
          if (!open) return;
          open = false;
          if (--held > 0) return;
          const waiting = idle;
          idle = [];
          for (const resolve of waiting) resolve();
        };
        // settle() (or giving the slot back) ends the hold, whichever comes first
        const ends = Object.entries(slot).map(([name, f]) => [name, (...a: unknown[]) => (end(), f(...a))]);
        return Object.fromEntries(ends) as unknown as ReturnType<Limiter["take"]>;
      }) as typeof limiter.take;
      return limiter;
    },
  };
}
