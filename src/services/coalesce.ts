// Coalescing concurrent look-ups (docs/benchmarks.md): telegraf handles the updates of one getUpdates batch
// in parallel, and each asks the same few questions of the database. Calls made in the same turn of the
// event loop, or while a batch is running, run together as one batch — one statement with `IN (…)` instead
// of one per update. A lone call waits only for the end of the current turn (setImmediate: no timer, no
// measurable latency); each caller gets its own answer, or the batch's error.

/** at most this many calls share one batch (their keys go into one `IN (…)`) */
const MAX_BATCH = 500;

export function coalesce<T, R>(run: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let waiting: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let busy = false;
  async function drain() {
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, MAX_BATCH);
        waiting = waiting.slice(batch.length);
        try {
          const results = await run(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i] as R));
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      busy = false;
    }
  }
  const start = () => void drain();
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (busy) return;
      busy = true;
      setImmediate(start);
    });
}
