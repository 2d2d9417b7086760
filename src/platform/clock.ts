// Time is a dependency: production reads the system clock, tests and the demo set it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = d.getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/**
 * Time as the sending limits count it (milliseconds), and waiting on it: the system's by default. Tests of
 * the outbox and the replies pass a virtual one (test/support/virtual-time.ts), so that waiting for
 * Telegram's windows and retry_after costs no real time.
 */
export interface Ticker {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemTicker: Ticker = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
