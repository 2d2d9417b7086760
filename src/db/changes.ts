// When may what the process remembers of the database be stale? The look-up cache
// (src/services/lookup-cache.ts, ADR 005) asks this before it answers from memory.
//
// - `generation()` moves whenever a table the cache reads may have changed: at once after a Prisma client
//   of this process (any: the app's, a script's, a test's) wrote to the same database (`localWrite`,
//   called by its adapter: src/db/client.ts), and on a PostgreSQL notification after another process (the
//   CLI, another instance) committed a change (the triggers of
//   prisma/postgres/migrations/*_change_notifications send it at commit).
// - `live()` is false while no listener connection is up: notifications could be missed, nothing may be
//   remembered. PostgreSQL delivers every notification to a listening session that is alive; the
//   listener proves it is alive with a ping every PING_MS, and counts as down when one goes unanswered
//   for PING_TIMEOUT_MS (a connection can die silently). It reconnects by itself (1 s, doubling to
//   30 s); the generation moves when it goes down and when it comes back.
import pg from "pg";
import type { Logger } from "../logger.ts";

export const CHANGES_CHANNEL = "dondoc_changes";

export interface Changes {
  generation(): number;
  live(): boolean;
  close(): Promise<void>;
}

/** this process's writes, per database (its connection string) */
const localWrites = new Map<string, number>();

/** A client of this process changed a watched table (after the statement, or its transaction's COMMIT). */
export function localWrite(connectionString: string): void {
  localWrites.set(connectionString, (localWrites.get(connectionString) ?? 0) + 1);
}

export const PING_MS = 5000;
export const PING_TIMEOUT_MS = 5000;
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/** Listens on its own connection (not from a pool: LISTEN belongs to a session). */
export function listenForChanges(
  connectionString: string,
  logger?: Pick<Logger, "warn" | "info">,
  { pingMs = PING_MS, pingTimeoutMs = PING_TIMEOUT_MS }: { pingMs?: number; pingTimeoutMs?: number } = {},
): Changes {
  let generation = 0;
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let retry: NodeJS.Timeout | undefined;
  let pings: NodeJS.Timeout | undefined;

  function down(c: pg.Client, error?: unknown) {
    if (client !== c) return;
    client = null;
    live = false;
    generation++;
    clearInterval(pings);
    c.removeAllListeners();
    c.on("error", () => {});
    c.end().catch(() => {});
    if (closed) return;
    logger?.warn({ err: error, retryMs }, "change listener down: the look-up cache is off until it is back");
    retry = setTimeout(connect, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  }

  async function connect() {
    const c = new pg.Client({ connectionString, keepAlive: true });
    client = c;
    c.on("notification", () => generation++);
    c.on("error", (error) => down(c, error));
    c.on("end", () => down(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (client !== c || closed) return;
      generation++;
      live = true;
      pings = setInterval(() => void ping(c), pingMs);
      pings.unref();
      if (retryMs > FIRST_RETRY_MS) logger?.info({}, "change listener back: the look-up cache is on");
      retryMs = FIRST_RETRY_MS;
    } catch (error) {
      down(c, error);
    }
  }

  // one ping at a time per connection (a silent one never answers)
  const pinging = new WeakSet<pg.Client>();
  async function ping(c: pg.Client) {
    if (pinging.has(c)) return;
    pinging.add(c);
    const silent = setTimeout(() => down(c, new Error(`no answer to a ping within ${pingTimeoutMs} ms`)), pingTimeoutMs);
    silent.unref();
    try {
      await c.query("SELECT 1");
    } catch (error) {
      down(c, error);
    } finally {
      clearTimeout(silent);
      pinging.delete(c);
    }
  }

  void connect();
  return {
    generation: () => generation + (localWrites.get(connectionString) ?? 0),
    live: () => live,
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(pings);
      const c = client;
      client = null;
      live = false;
      generation++;
      if (c) {
        c.removeAllListeners();
        c.on("error", () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
