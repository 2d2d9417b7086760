// CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, CRLF or LF, an optional
// UTF-8 BOM. The separator is "," or ";" (Excel where the list separator is ";", as on Vietnamese
// Windows): named by a leading `sep=;` line (Excel's own hint), else detected from the first lines.

export type CsvSeparator = "," | ";";

/** Splits CSV text into rows of fields. Blank lines are kept as [""] so row numbers stay true. */
export function parseCsv(text: string): string[][] {
  const withoutBom = text.startsWith("\uFEFF") ? text.slice(1) : text;
  // `sep=;` on the first line names the separator; Excel hides that line, so the rows after it are
  // numbered from 1 as Excel shows them
  const hint = /^sep=([,;\t|])[^\S\r\n]*(?:\r\n|\r|\n|$)/i.exec(withoutBom);
  const src = hint ? withoutBom.slice(hint[0].length) : withoutBom;
  const sep = hint ? (hint[1] as string) : detectSeparator(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (c === "\r" && src[i + 1] === "\n") i++;
    } else field += c;
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * "," or ";": the one that splits the first lines (up to 20, quoted parts left out) into the same
 * number of fields on every line, when only one of them does (";" when both do); otherwise the one
 * more frequent in the header line ("," on a tie). So a ";" file whose header or rates hold a comma ("Tỷ lệ (%, lũy
 * kế)",
 * "27,3%") is still read as ";".
 */
function detectSeparator(src: string): CsvSeparator {
  const lines = src
    .split(/\r\n|\r|\n/)
    .slice(0, 20)
    .map((l) => l.replace(/"[^"]*"/g, ""))
    .filter((l) => l.trim() !== "");
  const count = (line: string, c: string) => line.split(c).length - 1;
  const steady = (c: string) =>
    lines.length > 1 && count(lines[0] ?? "", c) > 0 && lines.every((l) => count(l, c) === count(lines[0] ?? "", c));
  const semicolons = steady(";");
  const commas = steady(",");
  if (semicolons !== commas) return semicolons ? ";" : ",";
  // both steady: a ";" file with a rate column has as many decimal commas on every line, while a ","
  // file with a semicolon in every cell is rare
  if (semicolons) return ";";
  const header = lines[0] ?? "";
  return count(header, ";") > count(header, ",") ? ";" : ",";
}

/** With ",", a ";" is quoted too (as before); with ";", a decimal comma stays bare so Excel reads "27,3%" as a number.
 * */
const NEEDS_QUOTES: Record<CsvSeparator, RegExp> = { ",": /[",;\r\n]/, ";": /[";\r\n]/ };

function quote(field: string, sep: CsvSeparator): string {
  return NEEDS_QUOTES[sep].test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Writes rows as CSV with a BOM (so Excel reads the Vietnamese text as UTF-8) and CRLF line ends.
 * `separator` ";" for Excel where the list separator is ";" (Vietnamese Windows, which also reads the
 * decimal comma of "27,3%"); "," by default.
 */
export function toCsv(rows: readonly (readonly string[])[], separator: CsvSeparator = ","): string {
  return "\uFEFF" + rows.map((r) => r.map((f) => quote(f, separator)).join(separator)).join("\r\n") + "\r\n";
}
