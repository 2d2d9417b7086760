// The cells of an uploaded or imported table (tasks, capital plans): a CSV file (src/domain/csv.ts) or
// the first worksheet of an XLSX file, as rows of text. The registry's import reads every worksheet of
// its files with row numbers (src/features/registry/registry-io/files.ts).
import type ExcelJS from "exceljs";
import { newWorkbook } from "./workbook.ts";
import { parseCsv } from "../../domain/csv.ts";
import { formatDmy } from "../../domain/dates.ts";

function xlsxCell(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  // a date cell: Excel's serial day, read by exceljs as midnight UTC of that day
  if (v instanceof Date) return formatDmy(v.toISOString().slice(0, 10));
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "string") return v;
  return cell.text ?? "";
}

/** The cells of a CSV or XLSX file (first worksheet) as text; date cells become dd/mm/yyyy. */
export async function tableFromBytes(bytes: Buffer, format: "csv" | "xlsx"): Promise<string[][]> {
  if (format === "csv") return parseCsv(bytes.toString("utf8"));
  const wb = await newWorkbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  // exceljs counts the columns by walking every row: once a sheet, not once a cell (large files took minutes)
  const columns = ws?.columnCount ?? 0;
  ws?.eachRow({ includeEmpty: true }, (r, rowNo) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(xlsxCell(r.getCell(c)));
    rows[rowNo - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}
