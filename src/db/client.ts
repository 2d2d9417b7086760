// The one place that creates a Prisma client. The app is typed against the SQLite client; the
// PostgreSQL client has the same models and is cast here (docs/decisions/001-prisma-offline.md).
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgres/client.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import { databaseTarget, type DatabaseTarget } from "./target.ts";

export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export * from "../generated/sqlite/enums.ts";

export interface Database {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export async function openDatabase(url: string | undefined): Promise<Database> {
  const target = databaseTarget(url);
  let db: Db;
  if (target.provider === "sqlite") {
    if (target.file !== ":memory:") mkdirSync(dirname(target.file), { recursive: true });
    db = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.file, timeout: 5000 }) });
    // WAL lets readers run beside the one writer; busy timeout above makes writers wait, not fail.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  } else {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    db = client as unknown as Db;
  }
  return { db, target, close: () => db.$disconnect() };
}

/** True when a Prisma error is a unique-constraint violation (P2002), on either provider. */
export function isUniqueViolation(error: unknown, model?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; meta?: { modelName?: string } };
  return e.code === "P2002" && (model === undefined || e.meta?.modelName === model);
}
