// Is this error the database being unavailable for a while (down, restarting, locked by another process),
// rather than a fault of this update? Such an update is not answered with an apology and not acknowledged:
// it is handled again when the database is back (src/platform/telegram/updates.ts).

/** Prisma's codes for "cannot reach / lost / timed out": P1001 reach, P1002 timeout, P1008 operation timed
 * out, P1017 connection closed, P2024 pool timeout, P2028 transaction API (a transaction that timed out). */
const CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

/** What drivers and driver adapters say in those cases (better-sqlite3, pg, Prisma's adapters). */
const MESSAGES = [
  /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i,
  /Operation has timed out|Transaction already closed|Unable to start a transaction in the given time/i,
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN/,
  /Connection terminated|connection (is )?closed|Client has encountered a connection error|timeout exceeded when trying to connect/i,
  /terminating connection|the database system is (starting up|shutting down|in recovery mode)|too many clients/i,
  /Can't reach database server|Server has closed the connection/i,
];

const PG_CLASSES = ["08", "57P"]; // connection exceptions; admin shutdown, crash shutdown, cannot connect now

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const x of errorChain(error)) {
    if (typeof x.code === "string" && (CODES.has(x.code) || PG_CLASSES.some((c) => (x.code as string).startsWith(c))))
      return true;
    if (typeof x.code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(x.code)) return true;
    if (typeof x.message === "string" && MESSAGES.some((m) => m.test(x.message as string))) return true;
  }
  return false;
}

type ChainLink = {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/** An error and what it wraps: Prisma's error → the adapter's (`meta.driverAdapterError`) → the driver's (`cause`). */
export function* errorChain(error: unknown): Generator<ChainLink> {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (typeof e === "object" && e !== null && !seen.has(e)) {
    seen.add(e);
    const x = e as ChainLink;
    yield x;
    e = x.cause ?? x.meta?.driverAdapterError;
  }
}
