// Read-only statements on the hot path (every update's look-ups, /status), straight through the driver:
// through Prisma each costs ~0.4 ms of CPU (request building, the query interpreter, result mapping), through
// better-sqlite3 a few microseconds and through pg ~0.1 ms (docs/decisions/004-hot-reads.md). The
// statements are the same `sql`/`joinSql` templates the Prisma raw path takes (quoted identifiers,
// positional parameters), so one statement serves both databases. Writes always go through Prisma.
//
// Rows come back as the driver gives them: integers as `bigint` on SQLite (exact: amounts in VND), int8 as
// string and int4 as number on PostgreSQL; DateTime as an ISO string (SQLite) or a Date (PostgreSQL).
// Callers convert with Number()/BigInt()/new Date(), as they do for Prisma's raw rows.
import Sqlite from "better-sqlite3";
import pg from "pg";
import type { Db, Sql } from "./client.ts";

/**
 * The hottest write: every update's once-record (src/bot/once.ts), an idempotent `INSERT … ON CONFLICT DO
 * NOTHING` outside any transaction. Through Prisma it cost ≈ 1.4 ms of CPU per update on PostgreSQL (the
 * query compiler, the adapter), on the two cores the bot shares with the database; paired benchmark runs
 * gave the `/status` p99 ≈ 1 ms lower through the driver (docs/benchmarks.md, the fifth pass).
 */
export interface Writer {
  run(query: Sql): Promise<void>;
}

export interface Reader {
  /** The rows of one read-only statement. */
  all<T>(query: Sql): Promise<T[]>;
  close(): Promise<void>;
}

/** statements prepared once and kept (an `IN (…)` list of another length is another statement) */
const STATEMENT_CACHE = 300;

/** A second connection to the SQLite file, refusing writes; WAL lets it read beside Prisma's writer. */
export function sqliteReader(file: string): Reader {
  const conn = new Sqlite(file, { timeout: 5000 });
  conn.pragma("query_only = ON");
  const statements = new Map<string, Sqlite.Statement>();
  return {
    async all<T>(query: Sql) {
      let statement = statements.get(query.sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE) statements.clear();
        statement = conn.prepare(query.sql).safeIntegers(true);
        statements.set(query.sql, statement);
      }
      return statement.all(...query.values.map(sqliteValue)) as T[];
    },
    async close() {
      conn.close();
    },
  };
}

/** As Prisma's SQLite adapter writes them: DateTime as ISO 8601 with "+00:00", booleans as 0/1. */
function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

// PostgreSQL's `timestamp` (Prisma's DateTime) holds UTC without a zone: read and written as UTC, never in
// the process's local time zone (pg's default for this type).
const TIMESTAMP = 1114;
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (value: string) => new Date(value.replace(" ", "T") + "Z");
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/**
 * Statement texts used again and again (the steady-state look-ups, one key each) are prepared once per
 * connection (named statements) from their third use: no more parsing, ~0.4 ms each. At most
 * PREPARED_STATEMENTS of them, so a connection holds a bounded number of plans; the `IN (…)` lists of a
 * burst (one text per length) mostly stay unnamed. Needs session pooling if a PgBouncer sits in between.
 *
 * The pool is the reader's own, its sessions opened with `plan_cache_mode = force_generic_plan`: left to
 * itself PostgreSQL kept re-planning the unit /status statement at every execution (≈ 1 ms of planning for
 * 0.3 ms of execution: its generic plan is estimated dearer than the custom ones, which it is not). These
 * statements seek by key; one plan serves every key. Prisma's statements keep the default on its pool.
 */
const PREPARED_STATEMENTS = 100;
const NAMED_FROM_USE = 3;

/** On a pool of its own, which close() ends. */
export function pgReader(pool: pg.Pool): Reader {
  const names = new Map<string, string>();
  const uses = new Map<string, number>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known || names.size >= PREPARED_STATEMENTS) return known;
    const n = (uses.get(text) ?? 0) + 1;
    if (n < NAMED_FROM_USE) {
      if (uses.size >= 1000) uses.clear();
      uses.set(text, n);
      return undefined;
    }
    uses.delete(text);
    const name = `dondoc_read_${names.size}`;
    names.set(text, name);
    return name;
  };
  return {
    async all<T>(query: Sql) {
      const name = nameOf(query.text);
      const result = await pool.query({ ...(name ? { name } : {}), text: query.text, values: query.values.map(pgValue), types: pgTypes as never });
      return result.rows as T[];
    },
    async close() {
      await pool.end();
    },
  };
}

/** On PostgreSQL: through the pool given (the reader's: the hot path's connections). */
export function pgWriter(pool: pg.Pool): Writer {
  return {
    async run(query: Sql) {
      await pool.query({ text: query.text, values: query.values.map(pgValue) });
    },
  };
}

/**
 * Through Prisma: on SQLite always. A second writing connection there would wait for Prisma's write lock
 * synchronously (better-sqlite3), blocking the event loop that Prisma's transaction needs to finish.
 */
export function prismaWriter(db: Db): Writer {
  return {
    async run(query: Sql) {
      await db.$executeRaw(query);
    },
  };
}

function pgValue(v: unknown): unknown {
  // "YYYY-MM-DD HH:MM:SS.mmm" in UTC, as Prisma's adapter writes a DateTime
  if (v instanceof Date) return v.toISOString().replace("T", " ").replace("Z", "");
  return v;
}

/** The same statements through Prisma's raw path: for a client opened elsewhere (tests, scripts). */
export function prismaReader(db: Db): Reader {
  return {
    all: <T>(query: Sql) => db.$queryRaw<T[]>(query),
    async close() {},
  };
}
