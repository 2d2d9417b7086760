// Which database a URL names. Pure: used by the app, the Prisma CLI config and the tests.
import { isAbsolute, resolve } from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/dondoc.db";

export type DatabaseTarget =
  | { provider: "sqlite"; dir: "sqlite"; url: string; file: string }
  | { provider: "postgres"; dir: "postgres"; url: string };

const POSTGRES_RE = /^postgres(ql)?:\/\//;

/**
 * Why `url` cannot name a database, in a few words (Vietnamese / English), or null when it can: the
 * scheme, a SQLite path, and a PostgreSQL URL the driver can parse (a WHATWG URL, as the pool settings
 * read it: `postgresql://u@h:notaport/x` is refused here, not with a TypeError at start-up). Never
 * repeats the URL, which may hold a password.
 */
export function databaseUrlProblem(url: string): string | null {
  const raw = url.trim();
  if (POSTGRES_RE.test(raw)) {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      return "URL PostgreSQL không hợp lệ / not a valid PostgreSQL URL (postgresql://user:password@host:5432/database)";
    }
    if (parsed.hostname === "" && !parsed.searchParams.get("host")) {
      return "URL PostgreSQL thiếu máy chủ / the PostgreSQL URL names no host (postgresql://user@host:5432/database)";
    }
    return null;
  }
  if (raw.startsWith("file:")) {
    const path = raw.slice("file:".length).split("?")[0] ?? "";
    return path === "" ? "thiếu đường dẫn tệp SQLite / no SQLite file path (file:./data/dondoc.db)" : null;
  }
  return "phải bắt đầu bằng file: hoặc postgresql:// / must start with file: or postgresql://";
}

export function databaseTarget(url: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const raw = url && url.trim() !== "" ? url.trim() : DEFAULT_DATABASE_URL;
  const problem = databaseUrlProblem(raw);
  if (problem) throw new Error(`DATABASE_URL: ${problem}`);
  if (POSTGRES_RE.test(raw)) return { provider: "postgres", dir: "postgres", url: raw };
  const path = raw.slice("file:".length).split("?")[0] ?? "";
  const file = path === ":memory:" ? path : isAbsolute(path) ? path : resolve(cwd, path);
  return { provider: "sqlite", dir: "sqlite", url: `file:${file}`, file };
}
