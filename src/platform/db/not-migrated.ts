// A query met a table or column that the migrations make: the database was never migrated (a new SQLite file,
// an empty PostgreSQL database) or misses a newer migration. The operator gets one line, not a stack trace.

/** P2021 table does not exist, P2022 column does not exist; raw SQL reports them through the adapter's kind. */
const CODES = new Set(["P2021", "P2022"]);
const KINDS = new Set(["TableDoesNotExist", "ColumnNotFound"]);

export const NOT_MIGRATED_TEXT =
  "Cơ sở dữ liệu chưa được tạo hoặc chưa cập nhật: chạy `npm run db:migrate` trước. " +
  "The database is not migrated: run `npm run db:migrate` first.";

export function isNotMigrated(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (typeof e === "object" && e !== null && !seen.has(e)) {
    seen.add(e);
    const x = e as { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof x.code === "string" && CODES.has(x.code)) return true;
    if (typeof x.kind === "string" && KINDS.has(x.kind)) return true;
    e = x.cause ?? x.meta?.driverAdapterError;
  }
  return false;
}
