// The one place that creates a Prisma client. The app is typed against the SQLite client; the
// PostgreSQL client has the same models and is cast here (docs/decisions/001-prisma-offline.md).
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../../generated/postgres/client.ts";
import { Prisma } from "../../generated/sqlite/client.ts";
import { databaseTarget, type DatabaseTarget } from "./target.ts";

export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export * from "../../generated/sqlite/enums.ts";

/**
 * Raw SQL building blocks for the few queries Prisma cannot express or that read national-scale rows:
 * `db.$queryRaw` with these, quoted identifiers and positional parameters, is portable across SQLite and
 * PostgreSQL (both clients share the same runtime, so one Sql class serves both).
 */
export const sql = Prisma.sql;
export const joinSql = Prisma.join;
export type Sql = Prisma.Sql;

/** Which SQL dialect a client (or a transaction's client) speaks: for the few statements that differ. */
export function dialectOf(db: Db | Tx): "sqlite" | "postgres" {
  // Prisma's client (and each transaction's client) carries its provider; fail loudly should that change
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "postgresql") return "postgres";
  if (provider === "sqlite") return "sqlite";
  throw new Error(`unknown database provider: ${String(provider)}`);
}

/**
 * One turn of the event loop for I/O. SQLite's driver is synchronous: a check's large reads run back to back
 * without letting a socket be read, so the dispatcher cannot send while the morning checks compute (at
 * national scale 5–7 s before the first message). Long checks call this between their large reads.
 */
export const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs some reads: all at once when they are small (a /status: on PostgreSQL they go out together), else one
 * after another, each in its own turn of the event loop (yieldToIo): the province's reads are large and
 * synchronous on SQLite, and concurrent promises would still run them back to back.
 */
export async function inTurns<T extends unknown[]>(
  small: boolean,
  reads: [...{ [K in keyof T]: () => Promise<T[K]> }],
): Promise<T> {
  if (small) return (await Promise.all(reads.map((read) => read()))) as T;
  const out: unknown[] = [];
  for (const read of reads) {
    out.push(await read());
    await yieldToIo();
  }
  return out as T;
}

/**
 * Reads the rows of many keys a slice at a time. Prisma writes `{ in: keys }` with one variable a key and
 * allows 999 of them on SQLite: it splits a plain query itself, but not an ordered one (P2029), and SQLite
 * refuses more than 32,766 in any statement («too many SQL variables»). A national export names 200,000
 * tasks. Rows come back slice after slice, each slice in the order its query asks.
 */
export async function inSlices<K, R>(keys: readonly K[], read: (slice: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += IN_SLICE) out.push(...(await read(keys.slice(i, i + IN_SLICE))));
  return out;
}
const IN_SLICE = 900;

/** A DateTime as the SQLite driver adapter stores it (ISO 8601, "+00:00"): for values passed inside JSON. */
export const sqliteDateTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

export interface Database {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * How long a SQLite statement waits for a lock held by another process (a command-line import while the
   * bot runs) before it fails with SQLITE_BUSY. better-sqlite3 is synchronous: the whole process waits.
   * Scripts may wait long (the default); the bot waits briefly and retries the update later instead
   * (src/app.ts, src/platform/telegram/updates.ts), so that it keeps answering others meanwhile.
   */
  sqliteBusyTimeoutMs?: number;
}

export async function openDatabase(url: string | undefined, options: OpenOptions = {}): Promise<Database> {
  const target = databaseTarget(url);
  let db: Db;
  if (target.provider === "sqlite") {
    if (target.file !== ":memory:") mkdirSync(dirname(target.file), { recursive: true });
    db = new SqliteClient({
      adapter: new PrismaBetterSQLite3({ url: target.file, timeout: options.sqliteBusyTimeoutMs ?? 10_000 }),
    });
    // WAL lets readers run beside the one writer; the busy timeout above makes writers wait, not fail.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  } else {
    const pool = new pg.Pool(pgPoolConfig(target.url));
    // an idle connection that dies (the server restarts, an administrator terminates it) is dropped by the
    // pool and replaced at the next query; without a listener pg's "error" event would end the process
    pool.on("error", () => {});
    db = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
  }
  return { db, target, close: () => db.$disconnect() };
}

/** True when a Prisma error is a unique-constraint violation (P2002), on either provider. */
export function isUniqueViolation(error: unknown, model?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; meta?: { modelName?: string } };
  return e.code === "P2002" && (model === undefined || e.meta?.modelName === model);
}

/**
 * Pool settings from a PostgreSQL URL: Prisma's `connection_limit` parameter sets the pool size (default
 * 10) and is taken out of the URL, since PostgreSQL itself does not know it. The pool keeps its
 * connections open (pg closes one after 10 idle seconds by default): a new one costs PostgreSQL a backend
 * start on the same cores as the bot, and a reply waited for it (docs/benchmarks.md).
 */
export function pgPoolConfig(url: string): { connectionString: string; max: number; idleTimeoutMillis: number } {
  const u = new URL(url);
  const limit = Number(u.searchParams.get("connection_limit") ?? "10");
  u.searchParams.delete("connection_limit");
  return {
    connectionString: u.toString(),
    max: Number.isInteger(limit) && limit > 0 ? limit : 10,
    idleTimeoutMillis: 0,
  };
}
