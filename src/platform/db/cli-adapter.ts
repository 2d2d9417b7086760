// Driver adapters for the Prisma CLI (migrate deploy / diff), with the 6.19.3 workarounds:
// - SQLite: the shadow database's executeRaw refuses multi-statement scripts; fall back to executeScript.
// - PostgreSQL: adapter-pg cannot read catalogue types `name` (OID 19) and `"char"` (OID 18);
//   the shadow database is created and dropped here, because the adapter's own connects to the main one;
//   its executeScript splits a migration at every ";", even inside a comment or a function body
//   (prisma/postgres/migrations/*_change_notifications): the script goes to the server whole, as one
//   simple query (which PostgreSQL runs as one transaction).
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { DatabaseTarget } from "./target.ts";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

function scriptFallback(adapter: Adapter): Adapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (error instanceof RangeError || String(error).includes("more than one statement")) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  return adapter;
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgResult = { fields: { dataTypeID: number }[] };
const CATALOGUE_TYPES = new Set([18, 19]); // "char", name
const TEXT_OID = 25;

// Patches the shared query class (of the adapter and its transactions) once.
function readCatalogueTypesAsText(adapter: PgAdapter): PgAdapter {
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as {
    performIO: (...args: unknown[]) => Promise<PgResult>;
    __catalogueTypesAsText?: boolean;
  };
  if (proto.__catalogueTypesAsText) return adapter;
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, ...args: unknown[]) {
    const result = await performIO.apply(this, args);
    for (const field of result.fields ?? []) if (CATALOGUE_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    return result;
  };
  proto.__catalogueTypesAsText = true;
  return adapter;
}

function wholeScripts(adapter: PgAdapter): PgAdapter {
  adapter.executeScript = async (script) => {
    try {
      await (adapter.underlyingDriver() as pg.Pool).query(script);
    } catch (error) {
      // the adapter's own error conversion (DriverAdapterError, read by the CLI)
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

export function cliAdapter(target: DatabaseTarget) {
  if (target.provider === "sqlite") {
    if (target.file !== ":memory:") mkdirSync(dirname(target.file), { recursive: true });
    const factory = new PrismaBetterSQLite3({ url: target.file });
    const shadow = factory.connectToShadowDb.bind(factory);
    factory.connectToShadowDb = async () => scriptFallback(await shadow());
    return factory;
  }
  const factory = new PrismaPg({ connectionString: target.url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wholeScripts(readCatalogueTypesAsText(await connect()));
  factory.connectToShadowDb = async () => {
    const name = `dondoc_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(target.url);
    url.pathname = `/${name}`;
    const inner = wholeScripts(
      readCatalogueTypesAsText(await new PrismaPg({ connectionString: url.toString() }).connect()),
    );
    const dispose = inner.dispose.bind(inner);
    inner.dispose = async () => {
      await dispose();
      const drop = new pg.Client({ connectionString: target.url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}"`);
      await drop.end();
    };
    return inner;
  };
  return factory;
}
