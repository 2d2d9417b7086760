// The exports' sheets written as XLSX (Vietnamese headers, frozen header row, number formats; the recommended
// format) or CSV (UTF-8 with BOM so Excel reads the diacritics).
//
// CSV separator: the exports are in Vietnamese (the vi catalogue), for Excel on Vietnamese Windows, whose list
// separator is ";" — a ","-separated file opens there in one column. So CSV is written with ";" unless
// asked otherwise (scripts/export.ts --separator ,). No `sep=` line: Excel is reported to ignore the BOM
// when one is present, which would garble the diacritics. Our imports read ",", ";" and `sep=` alike.
//
// Number formats: VND cells are whole numbers formatted "#,##0" and rates are fractions formatted "0.0%".
// An XLSX number format cannot force Vietnamese separators: Excel shows "," / "." as the reader's locale
// says (a Vietnamese Windows shows 12.500.000 and 27,3%). In CSV, VND amounts are plain digits (any locale
// reads them) and rates are written Vietnamese-style ("27,3%"), which a Vietnamese Excel reads as numbers.
import type ExcelJS from "exceljs";
import { newWorkbook } from "../../platform/files/workbook.ts";
import { toCsv, type CsvSeparator } from "../../domain/csv.ts";
import { formatDmy, localDate, localMinutes } from "../../domain/dates.ts";
import { formatPercentBp } from "../../domain/money-format.ts";

export type ColumnType = "text" | "int" | "decimal" | "vnd" | "pct" | "date" | "datetime";
/** text; int/decimal numbers; vnd bigint; pct basis points; date "YYYY-MM-DD"; datetime an instant */
export type CellValue = string | number | bigint | Date | null;

export interface Column {
  header: string;
  type: ColumnType;
  width?: number;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: CellValue[][];
}

export const NUMBER_FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  int: "0",
  decimal: "0.0",
  vnd: "#,##0",
  pct: "0.0%",
  date: "dd/mm/yyyy",
  datetime: "dd/mm/yyyy hh:mm",
};

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "dd/mm/yyyy hh:mm" in Vietnam time. */
export function localDateTime(at: Date): string {
  const m = localMinutes(at);
  return `${formatDmy(localDate(at))} ${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

function xlsxValue(type: ColumnType, v: CellValue): ExcelJS.CellValue {
  if (v === null || v === "") return null;
  switch (type) {
    case "vnd":
      return Number(v as bigint);
    case "pct":
      return (v as number) / 10000;
    case "date": {
      const s = v as string;
      return new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))));
    }
    case "datetime":
      // Excel has no time zones: the cell holds Vietnam's wall-clock time
      return new Date((v as Date).getTime() + 7 * 3_600_000);
    default:
      return typeof v === "bigint" ? Number(v) : (v as string | number);
  }
}

function csvValue(type: ColumnType, v: CellValue): string {
  if (v === null) return "";
  switch (type) {
    case "vnd":
      return (v as bigint).toString();
    case "pct":
      return formatPercentBp(v as number);
    case "decimal":
      return String(v).replace(".", ",");
    case "date":
      return formatDmy(v as string);
    case "datetime":
      return localDateTime(v as Date);
    default:
      return String(v);
  }
}

export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = "dondoc";
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.min(50, Math.max(12, c.header.length + 2)),
      ...(NUMBER_FORMATS[c.type] ? { style: { numFmt: NUMBER_FORMATS[c.type] } } : {}),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle" };
    for (const r of s.rows) ws.addRow(s.columns.map((c, i) => xlsxValue(c.type, r[i] ?? null)));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The exports' language is Vietnamese: the list separator of a Vietnamese Excel. */
export const EXPORT_CSV_SEPARATOR: CsvSeparator = ";";

/** One sheet as CSV with a BOM and CRLF line ends, ";"-separated unless told otherwise. */
export function sheetToCsv(sheet: Sheet, separator: CsvSeparator = EXPORT_CSV_SEPARATOR): string {
  return toCsv(
    [
      sheet.columns.map((c) => c.header),
      ...sheet.rows.map((r) => sheet.columns.map((c, i) => csvValue(c.type, r[i] ?? null))),
    ],
    separator,
  );
}

/** A column as [header, type, width]; without a width, toXlsx fits the column to its header. */
export type ColumnSpec = [header: string, type: ColumnType, width?: number];

export function sheet(name: string, columns: ColumnSpec[], rows: CellValue[][]): Sheet {
  const cols = columns.map(([header, type, width]): Column =>
    width === undefined ? { header, type } : { header, type, width },
  );
  return { name, columns: cols, rows };
}
