// The one place that creates a Prisma client. The app is typed against the SQLite client; the
// PostgreSQL client has the same models and is cast here (docs/decisions/001-prisma-offline.md).
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgres/client.ts";
import { Prisma } from "../generated/sqlite/client.ts";
import { databaseTarget, type DatabaseTarget } from "./target.ts";
import { pgReader, pgWriter, prismaReader, prismaWriter, sqliteReader, type Reader, type Writer } from "./reader.ts";
import { listenForChanges, localWrite, type Changes } from "./changes.ts";
import type { Logger } from "../logger.ts";

export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export * from "../generated/sqlite/enums.ts";

/**
 * Raw SQL building blocks for the few hot paths that bypass Prisma's query compiler (docs/benchmarks.md):
 * `db.$queryRaw\`…\`` with these, quoted identifiers and positional parameters, is portable across SQLite
 * and PostgreSQL (both clients share the same runtime, so one Sql class serves both).
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

/** A DateTime as the SQLite driver adapter stores it (ISO 8601, "+00:00"): for values passed inside JSON. */
export const sqliteDateTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

export interface Database {
  db: Db;
  /** read-only hot-path statements straight through the driver (src/db/reader.ts) */
  reader: Reader;
  /** the hottest write, every update's once-record (src/db/reader.ts) */
  writer: Writer;
  /**
   * PostgreSQL, when asked (`watchChanges`): when the look-up cache must forget (src/db/changes.ts). null on
   * SQLite, whose reads are in the process and need no cache (ADR 005).
   */
  changes: Changes | null;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL: listen for changes (the bot's look-up cache); scripts and tests that do not cache leave it off */
  watchChanges?: boolean;
  /** where the listener says it went down and came back */
  logger?: Pick<Logger, "warn" | "info">;
}

/** The reader's PostgreSQL connections: a getUpdates batch asks at most four questions at once (src/bot/index.ts). */
const READER_CONNECTIONS = 4;

export async function openDatabase(url: string | undefined, options: OpenOptions = {}): Promise<Database> {
  const target = databaseTarget(url);
  let db: Db;
  let reader: Reader;
  let writer: Writer;
  let changes: Changes | null = null;
  if (target.provider === "sqlite") {
    const memory = target.file === ":memory:";
    if (!memory) mkdirSync(dirname(target.file), { recursive: true });
    db = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.file, timeout: 5000 }) });
    // WAL lets readers run beside the one writer; busy timeout above makes writers wait, not fail.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    // a second connection to ":memory:" would be another, empty database
    reader = memory ? prismaReader(db) : sqliteReader(target.file);
    writer = prismaWriter(db);
  } else {
    // Prisma's pool (its $disconnect ends it), and a small one of the reader's own whose sessions plan
    // prepared statements once, generically (src/db/reader.ts)
    const config = pgPoolConfig(target.url);
    if (options.watchChanges) changes = listenForChanges(config.connectionString, options.logger);
    const adapter = new PrismaPg(new pg.Pool(config), { disposeExternalPool: true });
    const client = new PostgresClient({ adapter: reportingWrites(adapter, () => localWrite(config.connectionString)) });
    db = client as unknown as Db;
    const readerPool = new pg.Pool({ ...config, max: READER_CONNECTIONS, options: "-c plan_cache_mode=force_generic_plan" });
    // an idle connection that dies (the server restarts, an administrator terminates it) is dropped by the
    // pool and replaced at the next query; without a listener pg's "error" event would end the process
    readerPool.on("error", () => {});
    reader = pgReader(readerPool);
    writer = pgWriter(readerPool);
  }
  return {
    db,
    reader,
    writer,
    changes,
    target,
    close: async () => {
      await changes?.close();
      await reader.close();
      await db.$disconnect();
    },
  };
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Queryable = Pick<PgAdapter, "queryRaw" | "executeRaw">;

/** Statements that change nothing: Prisma's reads and its transaction brackets (ROLLBACK undoes). */
const READ_ONLY = /^\s*(SELECT|BEGIN|ROLLBACK|SET|SHOW)\b/i;
/** The tables the look-up cache reads: the same as carry the change triggers (prisma/postgres/migrations). */
const WATCHED_TABLES = ["Unit", "Programme", "Official", "RoleAssignment", "Chat", "CapitalPlan", "DisbursementReport", "Milestone", "Task"];
const WATCHED = new RegExp(`"(${WATCHED_TABLES.join("|")})"`);

/**
 * Calls `wrote` after every statement of this process's Prisma client that may have changed a watched
 * table: after such an INSERT, UPDATE or DELETE outside a transaction, and after the COMMIT of a
 * transaction that made one (Prisma sends COMMIT as a statement). Not before: a read that starts before
 * the commit sees the old rows, and the cache must not keep them (src/services/lookup-cache.ts). Writes to
 * other tables (the outbox, leases, once-records) leave the cache alone.
 */
function reportingWrites(factory: PrismaPg, wrote: () => void): PrismaPg {
  const watch = <T extends Queryable>(q: T, inTransaction: boolean): T => {
    let touched = false;
    for (const method of ["queryRaw", "executeRaw"] as const) {
      const run = q[method].bind(q) as (query: { sql: string }) => Promise<unknown>;
      (q as Record<string, unknown>)[method] = async (query: { sql: string }) => {
        const result = await run(query);
        if (READ_ONLY.test(query.sql)) return result;
        const watched = WATCHED.test(query.sql);
        if (!inTransaction) {
          if (watched) wrote();
        } else if (/^\s*COMMIT\b/i.test(query.sql)) {
          if (touched) wrote();
          touched = false;
        } else if (watched) touched = true;
        return result;
      };
    }
    return q;
  };
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = watch(await connect(), false);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => watch(await startTransaction(isolationLevel), true);
    return adapter;
  };
  return factory;
}

/** True when a Prisma error is a unique-constraint violation (P2002), on either provider. */
export function isUniqueViolation(error: unknown, model?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; meta?: { modelName?: string } };
  return e.code === "P2002" && (model === undefined || e.meta?.modelName === model);
}

/**
 * Pool settings from a PostgreSQL URL: Prisma's `connection_limit` parameter sets the pool size (default
 * 10) and is taken out of the URL, since PostgreSQL itself does not know it. Both pools keep their
 * connections open (pg closes one after 10 idle seconds by default): a new one costs PostgreSQL a backend
 * start on the same cores as the bot and loses the reader's prepared plans, and a reply waited for it
 * (docs/benchmarks.md). At most `connection_limit` (10) + 4 connections per instance.
 */
export function pgPoolConfig(url: string): { connectionString: string; max: number; idleTimeoutMillis: number } {
  const u = new URL(url);
  const limit = Number(u.searchParams.get("connection_limit") ?? "10");
  u.searchParams.delete("connection_limit");
  return { connectionString: u.toString(), max: Number.isInteger(limit) && limit > 0 ? limit : 10, idleTimeoutMillis: 0 };
}
