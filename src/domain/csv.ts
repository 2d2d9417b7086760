// CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, CRLF or LF, an optional
// UTF-8 BOM. The separator is "," or ";" (Excel in some locales), detected from the header line.

/** Splits CSV text into rows of fields. Blank lines are kept as [""] so row numbers stay true. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const sep = detectSeparator(src);
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

function detectSeparator(src: string): "," | ";" {
  const end = src.search(/\r|\n/);
  const header = (end === -1 ? src : src.slice(0, end)).replace(/"[^"]*"/g, "");
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
}

function quote(field: string): string {
  return /[",;\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Writes rows as CSV with a BOM (so Excel reads the Vietnamese text as UTF-8) and CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return "\uFEFF" + rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}
