// A directive file for the tests: the header row and an XLSX built from rows.
import ExcelJS from "exceljs";

export const HEADER = [
  "Loại văn bản",
  "Số/ký hiệu",
  "Ngày ban hành",
  "Cơ quan ban hành",
  "Trích yếu",
  "Mục",
  "Nội dung",
  "Đơn vị thực hiện",
  "Người phụ trách",
  "Hạn (dd/mm/yyyy)",
];

export async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh mục");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
