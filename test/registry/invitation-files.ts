// The invitation files /moi_hangloat sends, as a person receiving them would read them: downloaded from the
// Bot API emulator by their file_id (getFile, then the download), the XLSX list's rows, and every QR code of
// a PNG page decoded by a real decoder (jsqr) from the page's pixels (pngjs).
import ExcelJS from "exceljs";
import jsqr from "jsqr";
import { PNG } from "pngjs";
import { PAGE_SIZE, PER_PAGE, qrBox } from "../../src/features/registry/invitation-sheet.ts";
import type { BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";

// jsqr is a CommonJS bundle whose exports are the function, with itself as `default` too: under NodeNext the
// default import is typed as the whole module, so its `default` is what both TypeScript and Node call
const jsQR = jsqr.default;

/** The bytes of a file the bot sent, fetched as a Telegram client would. */
export async function downloadSent(emulator: BotApiEmulator, fileId: string): Promise<Buffer> {
  const api = `${emulator.apiRoot}/bot${emulator.token}/getFile?file_id=${encodeURIComponent(fileId)}`;
  const info = (await (await fetch(api)).json()) as { ok: boolean; result: { file_path: string } };
  if (!info.ok) throw new Error(`getFile ${fileId} failed`);
  const res = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${info.result.file_path}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The invitation list's rows: [STT, name, title, unit, link, expiry] as text. */
export async function invitationRows(xlsx: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r, n) => {
    if (n > 1) rows.push([1, 2, 3, 4, 5, 6].map((c) => r.getCell(c).text));
  });
  return rows;
}

/**
 * Every QR code place of a page, decoded from the image alone: the text of each code (null where the
 * decoder finds none). Each place is cut out on its own, since a decoder reads one code per image.
 */
export function decodeQrPage(png: Buffer): (string | null)[] {
  const page = PNG.sync.read(png);
  return Array.from({ length: PER_PAGE }, (_, i) => {
    // the box in the page's pixels (the page may be rendered at another size than it is laid out)
    const scale = page.width / PAGE_SIZE.width;
    const b = qrBox(i);
    const x0 = Math.floor(b.x * scale);
    const y0 = Math.floor(b.y * scale);
    const n = Math.min(Math.ceil(b.size * scale), page.width - x0, page.height - y0);
    const pixels = new Uint8ClampedArray(n * n * 4);
    for (let y = 0; y < n; y++) {
      const from = ((y0 + y) * page.width + x0) * 4;
      pixels.set(page.data.subarray(from, from + n * 4), y * n * 4);
    }
    return jsQR(pixels, n, n)?.data ?? null;
  });
}
