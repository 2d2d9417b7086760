// A directive file's table as read (docs/directive-files.md), before any look-up in the register: its columns,
// the directive's own cells (given once, repeated only alike) and its data rows. The rows are checked against
// the register, the units and the officials by directive-import.ts.
import { formatDmy, parseDmy } from "../../domain/dates.ts";
import { foldVietnamese } from "../../domain/text.ts";
import { DIRECTIVE_KINDS, type DirectiveKind } from "./views.ts";

export const DIRECTIVE_COLUMNS = {
  kind: "Loại văn bản",
  number: "Số/ký hiệu",
  issuedOn: "Ngày ban hành",
  issuer: "Cơ quan ban hành",
  summary: "Trích yếu",
  item: "Mục",
  content: "Nội dung",
  unit: "Đơn vị thực hiện",
  responsible: "Người phụ trách",
  programme: "Chương trình",
  due: "Hạn (dd/mm/yyyy)",
  evidence: "Cần minh chứng",
  confirmation: "Cần xác nhận",
} as const;
export type Field = keyof typeof DIRECTIVE_COLUMNS;

const HEADERS: Record<string, Field> = {
  ...Object.fromEntries(Object.entries(DIRECTIVE_COLUMNS).map(([k, v]) => [foldVietnamese(v), k as Field])),
  loai: "kind",
  so: "number",
  "so ky hieu": "number",
  "so van ban": "number",
  ngay: "issuedOn",
  "co quan": "issuer",
  "muc so": "item",
  "noi dung muc": "content",
  "don vi": "unit",
  "don vi chu tri": "unit",
  han: "due",
  "minh chung": "evidence",
  "xac nhan": "confirmation",
};
const REQUIRED: Field[] = ["item", "content", "unit", "due"];

/** True when a table's header row is a directive file's (the bot tells it from a capital plan file this way). */
export function isDirectiveTable(table: string[][]): boolean {
  const columns = new Set((table[0] ?? []).map((h) => HEADERS[foldVietnamese(h)]));
  return columns.has("item") && columns.has("content") && columns.has("unit");
}

const KIND_WORDS: Record<string, DirectiveKind> = {
  "ket luan": "KET_LUAN",
  kl: "KET_LUAN",
  "thong bao ket luan": "KET_LUAN",
  "chi thi": "CHI_THI",
  ct: "CHI_THI",
  "cong van": "CONG_VAN",
  cv: "CONG_VAN",
};

export interface DirectiveHead {
  kind: DirectiveKind;
  number: string;
  issuedOn: string;
  issuer: string;
  summary: string;
}

/** The reference a task of the item carries ("Văn bản …" under its reminders). */
export function itemDocRef(head: DirectiveHead, item: string): string {
  const doc = head.number ? head.number : `${head.issuer} ngày ${formatDmy(head.issuedOn)}`;
  return `${doc}, mục ${item}`.slice(0, 200);
}

export interface DirectiveTableRow {
  rowNo: number;
  raw: Partial<Record<Field, string>>;
}

/** The directive's cells (null where missing or unreadable: `errors` says so), and the rows to check. */
export interface DirectiveTable {
  ok: true;
  errors: string[];
  kind: DirectiveKind | null;
  number: string;
  issuedOn: string | null;
  issuer: string | null;
  summary: string | null;
  rows: DirectiveTableRow[];
}

export function readDirectiveTable(table: string[][]): DirectiveTable | { ok: false; errors: string[] } {
  const [header = [], ...body] = table;
  const columns = header.map((h) => HEADERS[foldVietnamese(h)] ?? null);
  const missing = REQUIRED.filter((f) => !columns.includes(f));
  if (missing.length)
    return { ok: false, errors: [`Thiếu cột: ${missing.map((f) => `«${DIRECTIVE_COLUMNS[f]}»`).join(", ")}.`] };
  const errors: string[] = [];
  const headCells: Partial<Record<Field, { value: string; row: number }>> = {};
  const raws: DirectiveTableRow[] = [];
  for (const [i, cells] of body.entries()) {
    const rowNo = i + 2;
    if (cells.every((c) => c.trim() === "")) continue;
    const raw: Partial<Record<Field, string>> = {};
    columns.forEach((f, c) => {
      if (f) raw[f] = (cells[c] ?? "").trim();
    });
    // the directive's columns: once is enough; a repeated value must agree with the first
    for (const f of ["kind", "number", "issuedOn", "issuer", "summary"] as const) {
      const v = raw[f] ?? "";
      if (!v) continue;
      const first = headCells[f];
      if (!first) headCells[f] = { value: v, row: rowNo };
      else if (foldVietnamese(first.value) !== foldVietnamese(v))
        errors.push(
          `Dòng ${rowNo}: «${DIRECTIVE_COLUMNS[f]}» khác dòng ${first.row} (một tệp chỉ ghi các mục của một văn bản).`,
        );
    }
    raws.push({ rowNo, raw });
  }
  if (raws.length === 0) return { ok: false, errors: ["Tệp không có dòng dữ liệu nào."] };

  const firstRow = raws[0]!.rowNo;
  const kindText = headCells.kind?.value ?? "";
  const kind: DirectiveKind | undefined =
    KIND_WORDS[foldVietnamese(kindText)] ?? DIRECTIVE_KINDS.find((k) => k === kindText);
  if (!kindText)
    errors.push(`Dòng ${firstRow}: chưa ghi «${DIRECTIVE_COLUMNS.kind}» (Kết luận, Chỉ thị hoặc Công văn).`);
  else if (!kind)
    errors.push(
      `Dòng ${headCells.kind!.row}: «${DIRECTIVE_COLUMNS.kind}» «${kindText}» không hiểu được (Kết luận, Chỉ thị hoặc Công văn).`,
    );
  const issuedText = headCells.issuedOn?.value ?? "";
  const issuedOn = issuedText ? parseDmy(issuedText, "2000-01-01") : null;
  if (!issuedText) errors.push(`Dòng ${firstRow}: chưa ghi «${DIRECTIVE_COLUMNS.issuedOn}».`);
  else if (!/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(issuedText) || !issuedOn)
    errors.push(`Dòng ${headCells.issuedOn!.row}: Ngày ban hành «${issuedText}» không phải ngày hợp lệ (dd/mm/yyyy).`);
  for (const f of ["issuer", "summary"] as const)
    if (!headCells[f]) errors.push(`Dòng ${firstRow}: chưa ghi «${DIRECTIVE_COLUMNS[f]}».`);
  const number = (headCells.number?.value ?? "").slice(0, 100);
  return {
    ok: true,
    errors,
    kind: kind ?? null,
    number,
    issuedOn,
    issuer: headCells.issuer?.value ?? null,
    summary: headCells.summary?.value ?? null,
    rows: raws,
  };
}
