// Registry files on disk: reading the tables of a CSV or XLSX file (recognised by their headers) and writing them.
import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import type ExcelJS from "exceljs";
import { newWorkbook } from "../../../platform/files/workbook.ts";
import { parseCsv, toCsv } from "../../../domain/csv.ts";
import { foldVietnamese } from "../../../domain/text.ts";
import {
  NO,
  OFFICIAL_COLUMNS,
  OFFICIAL_IMPORT_COLUMNS,
  PROGRAMME_COLUMNS,
  RegistryInputError,
  SHEET_NAMES,
  UNIT_COLUMNS,
  YES,
  where,
  type TableKind,
} from "./labels.ts";

export interface TableRow {
  rowNo: number;
  /** by column key; a column missing from the file is absent here */
  cells: Record<string, string>;
}

export interface Table {
  kind: TableKind;
  /** the sheet's name in an XLSX file; "" for a CSV file */
  sheet: string;
  rows: TableRow[];
}

function columnKeys(kind: TableKind): Record<string, string> {
  const cols = kind === "programmes" ? PROGRAMME_COLUMNS : kind === "units" ? UNIT_COLUMNS : OFFICIAL_IMPORT_COLUMNS;
  return Object.fromEntries(Object.entries(cols).map(([key, header]) => [foldVietnamese(header), key]));
}

/** Which registry table a header row starts (officials, units, programmes), or null. */
export function tableKind(header: string[]): TableKind | null {
  const folded = header.map((h) => foldVietnamese(h));
  const has = (h: string) => folded.includes(foldVietnamese(h));
  if (has(OFFICIAL_COLUMNS.name)) return "officials";
  if (has(UNIT_COLUMNS.code) && has(UNIT_COLUMNS.name)) return "units";
  if (has(PROGRAMME_COLUMNS.code) || has(PROGRAMME_COLUMNS.name)) return "programmes";
  return null;
}

function toTable(sheet: string, raw: { rowNo: number; cells: string[] }[]): Table | null {
  const header = raw[0];
  if (!header) return null;
  const folded = header.cells.map((h) => foldVietnamese(h));
  const has = (h: string) => folded.includes(foldVietnamese(h));
  const kind = tableKind(header.cells);
  if (!kind) return null;
  const keys = columnKeys(kind);
  const index = folded.map((h) => keys[h]);
  const required = {
    programmes: [PROGRAMME_COLUMNS.code, PROGRAMME_COLUMNS.name],
    units: [UNIT_COLUMNS.code, UNIT_COLUMNS.name, UNIT_COLUMNS.kind],
    officials: [OFFICIAL_COLUMNS.name, OFFICIAL_COLUMNS.unit],
  }[kind];
  const missing = required.filter((h) => !has(h));
  if (missing.length > 0) {
    throw new RegistryInputError(`${where(sheet, header.rowNo)}thiếu cột ${missing.map((m) => `«${m}»`).join(", ")}.`);
  }
  const rows: TableRow[] = [];
  for (const r of raw.slice(1)) {
    if (r.cells.every((c) => c.trim() === "")) continue;
    const cells: Record<string, string> = {};
    index.forEach((key, i) => {
      if (key) cells[key] = (r.cells[i] ?? "").trim();
    });
    rows.push({ rowNo: r.rowNo, cells });
  }
  return { kind, sheet, rows };
}

const UNRECOGNISED =
  `không nhận ra bảng: cần cột «${OFFICIAL_COLUMNS.name}» (danh sách cán bộ), ` +
  `«${UNIT_COLUMNS.code}» và «${UNIT_COLUMNS.name}» (danh sách đơn vị) ` +
  `hoặc «${PROGRAMME_COLUMNS.code}» và «${PROGRAMME_COLUMNS.name}» (danh sách chương trình) ở dòng đầu.`;

export function fileFormat(path: string): "csv" | "xlsx" {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".xlsx") return "xlsx";
  throw new RegistryInputError(`Tệp «${path}»: chỉ nhận tệp .csv hoặc .xlsx.`);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "boolean") return v ? YES : NO;
  return cell.text ?? "";
}

/** Reads the tables of a CSV file (one table) or an XLSX file (one per recognised sheet). */
export async function readTables(path: string): Promise<Table[]> {
  const format = fileFormat(path);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    throw new RegistryInputError(`Không đọc được tệp «${path}».`);
  }
  return tablesFromBytes(data, format, path);
}

/** The raw rows (numbered from 1) of each worksheet of an XLSX file, by the sheet's name. */
async function xlsxSheets(data: Buffer, name: string): Promise<{ sheet: string; raw: RawRow[] }[]> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new RegistryInputError(`Tệp «${name}» không phải tệp Excel (.xlsx) hợp lệ.`);
  }
  return wb.worksheets.map((ws) => {
    const raw: RawRow[] = [];
    // exceljs counts the columns by walking every row: once a sheet, not once a cell (50,000 rows took minutes)
    const columns = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
      const cells: string[] = [];
      for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c)));
      raw.push({ rowNo, cells });
    });
    return { sheet: ws.name, raw };
  });
}

type RawRow = { rowNo: number; cells: string[] };

/**
 * The tables of a registry file's bytes (read from disk, or sent to the bot); `name` names the file in the
 * problems. Refused (RegistryInputError) when no table is recognised.
 */
export async function tablesFromBytes(data: Buffer, format: "csv" | "xlsx", name: string): Promise<Table[]> {
  const sheets =
    format === "csv"
      ? [{ sheet: "", raw: parseCsv(data.toString("utf8")).map((cells, i) => ({ rowNo: i + 1, cells })) }]
      : await xlsxSheets(data, name);
  const tables = sheets.map((s) => toTable(s.sheet, s.raw)).filter((t): t is Table => t !== null);
  if (tables.length === 0) throw new RegistryInputError(`Tệp «${name}»: ${UNRECOGNISED}`);
  // programmes, then units, then officials: officials may name units and programmes created by the same file
  const order: Record<TableKind, number> = { programmes: 0, units: 1, officials: 2 };
  return tables.sort((a, b) => order[a.kind] - order[b.kind]);
}

/** Writes tables as CSV (exactly one table) or XLSX (one sheet per table). */
export async function writeTables(
  path: string,
  tables: { kind: TableKind; header: string[]; rows: string[][] }[],
): Promise<void> {
  if (fileFormat(path) === "csv") {
    if (tables.length !== 1)
      throw new RegistryInputError(
        "Một tệp CSV chỉ chứa một bảng: chọn --kind programmes, --kind units hoặc --kind officials.",
      );
    const t = tables[0]!;
    writeFileSync(path, toCsv([t.header, ...t.rows], ";"));
    return;
  }
  const wb = await newWorkbook();
  for (const t of tables) {
    const ws = wb.addWorksheet(SHEET_NAMES[t.kind]);
    ws.addRow(t.header).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      const longest = Math.max(...[t.header, ...t.rows].map((r) => (r[i] ?? "").length));
      col.width = Math.min(60, Math.max(10, longest + 2));
    });
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  await wb.xlsx.writeFile(path);
}
