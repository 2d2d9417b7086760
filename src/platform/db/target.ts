// Which database a URL names. Pure: used by the app, the Prisma CLI config and the tests.
import { isAbsolute, resolve } from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/dondoc.db";

export type DatabaseTarget =
  | { provider: "sqlite"; dir: "sqlite"; url: string; file: string }
  | { provider: "postgres"; dir: "postgres"; url: string };

export function databaseTarget(url: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const raw = url && url.trim() !== "" ? url.trim() : DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(raw)) return { provider: "postgres", dir: "postgres", url: raw };
  if (raw.startsWith("file:")) {
    const path = raw.slice("file:".length).split("?")[0] ?? "";
    const file = path === ":memory:" ? path : isAbsolute(path) ? path : resolve(cwd, path);
    return { provider: "sqlite", dir: "sqlite", url: `file:${file}`, file };
  }
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${raw.split(":")[0]}:…")`);
}
