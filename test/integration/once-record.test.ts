// The once middleware's group commit (src/bot/once.ts): an update handled alone is recorded at once (the
// polling loop waits for its record before the next getUpdates); updates handled together are recorded in
// one write, by the last to finish, or after RECORD_WAIT_MS when one of them is slow.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Context } from "telegraf";
import { onceWith, RECORD_WAIT_MS } from "../../src/bot/once.ts";

const quiet = { info: () => {} };
const ctx = (id: number) => ({ update: { update_id: id } }) as unknown as Context;

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** settles pending promises and setImmediate callbacks (the coalesced write runs at the end of a turn) */
const turn = () => new Promise<void>((r) => setImmediate(r));

describe("once: recording handled updates", () => {
  let writes: bigint[][];
  const write = async (ids: bigint[]) => void writes.push(ids);
  beforeEach(() => {
    writes = [];
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => vi.useRealTimers());

  it("records an update handled alone without waiting for a timer", async () => {
    const once = onceWith(write, quiet);
    let handled = false;
    await once(ctx(1), Promise.resolve(false), async () => void (handled = true));
    // no fake timer was advanced: the record did not wait for company
    expect(handled).toBe(true);
    expect(writes).toEqual([[1n]]);
  });

  it("records the updates of one batch in one write, when the last is handled", async () => {
    const once = onceWith(write, quiet);
    const gates = [deferred(), deferred(), deferred()];
    const done = gates.map((g, i) => once(ctx(10 + i), Promise.resolve(false), () => g.promise));
    await turn();
    gates[0]!.resolve();
    gates[2]!.resolve();
    await turn();
    await turn();
    expect(writes).toEqual([]);
    gates[1]!.resolve();
    await Promise.all(done);
    expect(writes.map((ids) => [...ids].sort())).toEqual([[10n, 11n, 12n]]);
  });

  it("does not hold a record longer than RECORD_WAIT_MS for a slow update", async () => {
    const once = onceWith(write, quiet);
    const slow = deferred();
    const fastDone = once(ctx(1), Promise.resolve(false), async () => {});
    const slowDone = once(ctx(2), Promise.resolve(false), () => slow.promise);
    await turn();
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(RECORD_WAIT_MS);
    await fastDone;
    expect(writes).toEqual([[1n]]);
    slow.resolve();
    await slowDone;
    expect(writes).toEqual([[1n], [2n]]);
  });

  it("records neither a failed update nor one seen before, and a failure releases the others", async () => {
    const once = onceWith(write, quiet);
    const failing = deferred();
    const okDone = once(ctx(1), Promise.resolve(false), async () => {});
    const failDone = once(ctx(2), Promise.resolve(false), () => failing.promise);
    let skippedRan = false;
    const seenDone = once(ctx(3), Promise.resolve(true), async () => void (skippedRan = true));
    await turn();
    failing.reject(new Error("boom"));
    await expect(failDone).rejects.toThrow("boom");
    await okDone;
    await seenDone;
    expect(skippedRan).toBe(false);
    expect(writes).toEqual([[1n]]);
  });
});
