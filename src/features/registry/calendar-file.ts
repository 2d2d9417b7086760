// Holidays and make-up working days from a CSV or XLSX file (docs/calendar-files.md): «Ngày» (dd/mm/yyyy),
// «Loại» (Nghỉ / Làm bù), «Tên». Every row is checked first and each problem named by its row number; only
// a clean file is written, all its days in one transaction, each change audited as /ngaynghi them audits it.
// Days already in the calendar and absent from the file are kept. The same checks serve the command line
// (`npm run cli -- calendar import`) and the file sent in the secretariat's group (calendar-upload.ts).
import { readFile, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { newWorkbook } from "../../platform/files/workbook.ts";
import type { Db, Tx } from "../../platform/db/client.ts";
import { toCsv } from "../../domain/csv.ts";
import { formatDmy, weekday } from "../../domain/dates.ts";
import { foldVietnamese } from "../../domain/text.ts";
import { tableFromBytes } from "../../platform/files/tables.ts";
import { calendarDate, isWeekday, writeCalendarDay, type CalendarDayKind, type CalendarDayView } from "./holidays.ts";

export const CALENDAR_COLUMNS = { date: "Ngày", kind: "Loại", name: "Tên", weekday: "Thứ" } as const;
type Field = keyof typeof CALENDAR_COLUMNS;

/** What «Loại» says, as the export writes it. */
export const KIND_LABELS: Record<CalendarDayKind, string> = { HOLIDAY: "Nghỉ", WORKDAY: "Làm bù" };
const KIND_WORDS: Record<string, CalendarDayKind> = {
  nghi: "HOLIDAY",
  "nghi le": "HOLIDAY",
  "ngay nghi": "HOLIDAY",
  "nghi bu": "HOLIDAY",
  holiday: "HOLIDAY",
  "lam bu": "WORKDAY",
  "lam viec": "WORKDAY",
  "lam viec bu": "WORKDAY",
  "ngay lam viec bu": "WORKDAY",
  workday: "WORKDAY",
};

const HEADERS: Record<string, Field | "ignored"> = {
  ...Object.fromEntries(Object.entries(CALENDAR_COLUMNS).map(([k, v]) => [foldVietnamese(v), k as Field])),
  "ngay (dd/mm/yyyy)": "date",
  "loai ngay": "kind",
  "ten ngay": "name",
  stt: "ignored",
  "ghi chu": "ignored",
};
const REQUIRED: Field[] = ["date", "kind", "name"];
/** Weekday names as written inside a sentence (Sunday first); the export's «Thứ» column capitalises them. */
const WEEKDAYS = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];
const weekdayName = (date: string) => WEEKDAYS[weekday(date)]!;

/**
 * A header row of a calendar file: «Ngày» and «Loại», and no column of another kind of file (a directive's
 * file may name its issue date «Ngày» and its kind «Loại»).
 */
export function isCalendarHeader(header: string[]): boolean {
  const fields = header.filter((h) => h.trim() !== "").map((h) => HEADERS[foldVietnamese(h)]);
  return fields.includes("date") && fields.includes("kind") && fields.every((f) => f !== undefined);
}

/** One day of a checked file, and what the calendar holds for that date now (null: nothing). */
export interface CalendarFileDay extends CalendarDayView {
  row: number;
  before: { kind: CalendarDayKind; name: string } | null;
}

export type CalendarFileCheck = { ok: false; errors: string[] } | { ok: true; days: CalendarFileDay[] };

export const changed = (d: CalendarFileDay) =>
  d.before === null || d.before.kind !== d.kind || d.before.name !== d.name;

/** Checks every row of a calendar table against the calendar as `db` reads it; row numbers as the sheet's. */
export async function checkCalendarTable(db: Db | Tx, table: string[][]): Promise<CalendarFileCheck> {
  const [header = [], ...body] = table;
  const columns = header.map((h) => HEADERS[foldVietnamese(h)] ?? null);
  const missing = REQUIRED.filter((f) => !columns.includes(f));
  if (missing.length)
    return { ok: false, errors: [`Thiếu cột: ${missing.map((f) => `«${CALENDAR_COLUMNS[f]}»`).join(", ")}.`] };
  const cell = (cells: string[], f: Field) => (cells[columns.indexOf(f)] ?? "").trim();
  const errors: string[] = [];
  const days: Omit<CalendarFileDay, "before">[] = [];
  const seen = new Map<string, number>();
  for (const [i, cells] of body.entries()) {
    const row = i + 2;
    if (cells.every((c) => c.trim() === "")) continue;
    const problems: string[] = [];
    const rawDate = cell(cells, "date");
    const date = calendarDate(rawDate);
    if (rawDate === "") problems.push(`chưa ghi «${CALENDAR_COLUMNS.date}»`);
    else if (!date) problems.push(`ngày «${rawDate}» không hợp lệ (dd/mm/yyyy)`);
    else if (date < "2000-01-01" || date > "2100-12-31") problems.push(`ngày «${rawDate}» ngoài khoảng 2000–2100`);
    const rawKind = cell(cells, "kind");
    const kind = KIND_WORDS[foldVietnamese(rawKind)];
    if (rawKind === "") problems.push(`chưa ghi «${CALENDAR_COLUMNS.kind}» (Nghỉ hoặc Làm bù)`);
    else if (!kind) problems.push(`loại «${rawKind}» không hiểu được: ghi «Nghỉ» hoặc «Làm bù»`);
    const name = cell(cells, "name");
    if (name === "") problems.push(`chưa ghi «${CALENDAR_COLUMNS.name}»`);
    else if (name.length > 200) problems.push(`«${CALENDAR_COLUMNS.name}» dài quá 200 ký tự`);
    if (date && kind === "WORKDAY" && isWeekday(date))
      problems.push(
        `${formatDmy(date)} là ${weekdayName(date)}, vốn là ngày làm việc: «Làm bù» chỉ ghi cho thứ Bảy, Chủ nhật`,
      );
    const twin = date ? seen.get(date) : undefined;
    if (twin !== undefined) problems.push(`ngày ${formatDmy(date!)} trùng với dòng ${twin}`);
    if (date && twin === undefined) seen.set(date, row);
    if (problems.length) {
      errors.push(`Dòng ${row}: ${problems.join("; ")}.`);
      continue;
    }
    days.push({ row, date: date!, kind: kind!, name });
  }
  if (errors.length) return { ok: false, errors };
  if (days.length === 0) return { ok: false, errors: ["Tệp không có dòng dữ liệu nào."] };
  const existing = await db.calendarDay.findMany({ where: { date: { in: days.map((d) => d.date) } } });
  const byDate = new Map(existing.map((d) => [d.date, { kind: d.kind as CalendarDayKind, name: d.name }]));
  return { ok: true, days: days.map((d) => ({ ...d, before: byDate.get(d.date) ?? null })) };
}

export type CalendarApplied = { errors: string[]; created: number; updated: number; unchanged: number };

/**
 * Writes a calendar table in the caller's transaction: checked again there (the calendar may have changed
 * since a preview), then every day or none; each change audited for the actor.
 */
export async function applyCalendarTableIn(
  tx: Tx,
  table: string[][],
  ctx: { actorId: number | null; now: Date },
): Promise<CalendarApplied> {
  const checked = await checkCalendarTable(tx, table);
  if (!checked.ok) return { errors: checked.errors, created: 0, updated: 0, unchanged: 0 };
  const r: CalendarApplied = { errors: [], created: 0, updated: 0, unchanged: 0 };
  for (const d of checked.days) r[await writeCalendarDay(tx, d, ctx)]++;
  return r;
}

export class CalendarFileError extends Error {}

function formatOf(path: string): "csv" | "xlsx" {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".xlsx") return ext === ".csv" ? "csv" : "xlsx";
  throw new CalendarFileError(`Tệp «${path}»: chỉ nhận tệp .csv hoặc .xlsx.`);
}

/** The command line's side: a file on disk checked, imported (or only checked: dryRun), exported. */
export function createCalendarFiles({ db }: { db: Db }) {
  async function read(path: string): Promise<string[][]> {
    const format = formatOf(path);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new CalendarFileError(`Không đọc được tệp «${path}».`);
    }
    try {
      return await tableFromBytes(bytes, format);
    } catch {
      throw new CalendarFileError(`Tệp «${path}» không phải tệp Excel (.xlsx) hợp lệ.`);
    }
  }

  return {
    /** Checks the file; unless `dryRun`, writes all its days in one transaction (or none). */
    async importFile(
      path: string,
      opts: { now: Date; actorId?: number | null; dryRun?: boolean },
    ): Promise<CalendarFileCheck & { applied?: CalendarApplied }> {
      const table = await read(path);
      const checked = await checkCalendarTable(db, table);
      if (!checked.ok || opts.dryRun) return checked;
      const applied = await db.$transaction(
        (tx) => applyCalendarTableIn(tx, table, { actorId: opts.actorId ?? null, now: opts.now }),
        { timeout: 120_000, maxWait: 20_000 },
      );
      // checked again in the transaction: the calendar may have changed since the first check
      if (applied.errors.length) return { ok: false, errors: applied.errors };
      return { ...checked, applied };
    },

    /** Writes the calendar's days (of one year, or all) in the import's format; the number of days. */
    async exportFile(path: string, opts: { year?: number } = {}): Promise<number> {
      const format = formatOf(path);
      const where = opts.year ? { date: { gte: `${opts.year}-01-01`, lte: `${opts.year}-12-31` } } : {};
      const days = await db.calendarDay.findMany({ where, orderBy: { date: "asc" } });
      const header = [CALENDAR_COLUMNS.date, CALENDAR_COLUMNS.kind, CALENDAR_COLUMNS.name, CALENDAR_COLUMNS.weekday];
      const rows = days.map((d) => [
        formatDmy(d.date),
        KIND_LABELS[d.kind as CalendarDayKind],
        d.name,
        weekdayName(d.date).replace(/^t/, "T"),
      ]);
      if (format === "csv") await writeFile(path, toCsv([header, ...rows], ";"));
      else {
        const wb = await newWorkbook();
        const ws = wb.addWorksheet("Ngày nghỉ, làm bù");
        ws.addRow(header).font = { bold: true };
        // dates as text: Excel shows them as typed, and the import reads them back the same
        for (const r of rows) ws.addRow(r);
        [14, 10, 40, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
        ws.views = [{ state: "frozen", ySplit: 1 }];
        await wb.xlsx.writeFile(path);
      }
      return rows.length;
    },
  };
}

export type CalendarFiles = ReturnType<typeof createCalendarFiles>;
