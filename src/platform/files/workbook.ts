// A new exceljs workbook, the library loaded on first use. exceljs holds about 27 MB once imported: loaded at
// start-up it weighed on every process (the bot, the deadline check, the scripts) whether or not a file was
// ever read or written (docs/benchmarks.md, the deadline scan's memory).
import type ExcelJS from "exceljs";

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import("exceljs");
  return new Excel.Workbook();
}
