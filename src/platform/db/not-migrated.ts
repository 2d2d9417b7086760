// A query met a table or column that the migrations make: the database was never migrated (a new SQLite file,
// an empty PostgreSQL database) or misses a newer migration. The operator gets one line, not a stack trace.
import { errorChain } from "./unavailable.ts";

/** P2021 table does not exist, P2022 column does not exist; raw SQL reports them through the adapter's kind. */
const CODES = new Set(["P2021", "P2022"]);
const KINDS = new Set(["TableDoesNotExist", "ColumnNotFound"]);

export const NOT_MIGRATED_TEXT =
  "Cơ sở dữ liệu chưa được tạo hoặc chưa cập nhật: chạy `npm run db:migrate` trước. " +
  "The database is not migrated: run `npm run db:migrate` first.";

export function isNotMigrated(error: unknown): boolean {
  for (const x of errorChain(error)) {
    if (typeof x.code === "string" && CODES.has(x.code)) return true;
    if (typeof x.kind === "string" && KINDS.has(x.kind)) return true;
  }
  return false;
}
