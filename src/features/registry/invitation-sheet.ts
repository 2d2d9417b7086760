// The bulk invitations as files to hand out in a meeting: an XLSX list (name, title, unit, personal link,
// expiry) and printable A4 pages (PNG, 150 dpi) of QR codes of the links, twelve to a page, each with the
// official's name and unit under it. QR codes from the `qrcode` package (its matrix only); the pages go
// through the charts' SVG → PNG path (bundled fonts, so the Vietnamese names print right).
import { newWorkbook } from "../../platform/files/workbook.ts";
import QRCode from "qrcode";
import { renderPng } from "../reports/charts/render.ts";
import { rect, svgDoc, text } from "../reports/charts/svg.ts";
import type { OnboardingService, PendingInvite } from "./onboarding.ts";
import type { Actor } from "./registry.ts";

export interface SheetLabels {
  /** the page's heading */
  title: string;
  /** the XLSX columns: STT, name, title, unit, link, expiry */
  headers: string[];
  expiry(d: Date): string;
  page(n: number, of: number): string;
}

const PAGE = { width: 1240, height: 1754, margin: 60, cols: 3, rows: 4 };
export const PER_PAGE = PAGE.cols * PAGE.rows;
/** A page's size as laid out (A4 at 150 dpi), in pixels. */
export const PAGE_SIZE = { width: PAGE.width, height: PAGE.height };
const CELL_W = (PAGE.width - 2 * PAGE.margin) / PAGE.cols;
const TOP = PAGE.margin + 60;
const CELL_H = (PAGE.height - TOP - PAGE.margin) / PAGE.rows;
const QR_SIZE = Math.min(CELL_W, CELL_H) - 90;

/** Where the i-th QR code of a page is drawn (its quiet zone included), in the page's pixels. */
export function qrBox(i: number): { x: number; y: number; size: number } {
  const x = PAGE.margin + (i % PAGE.cols) * CELL_W;
  const y = TOP + Math.floor(i / PAGE.cols) * CELL_H;
  return { x: x + (CELL_W - QR_SIZE) / 2, y: y + 8, size: QR_SIZE };
}

export async function invitationWorkbook(
  invites: PendingInvite[],
  link: (code: string) => string,
  labels: SheetLabels,
): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet("Kích hoạt");
  ws.addRow(labels.headers).font = { bold: true };
  invites.forEach((i, n) =>
    ws.addRow([n + 1, i.fullName, i.title, i.unitName, link(i.code), labels.expiry(i.expiresAt)]),
  );
  [6, 28, 32, 24, 70, 14].forEach((w, c) => (ws.getColumn(c + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One QR code as an SVG path of its dark modules, `size` pixels wide, at (x, y). */
function qrPath(data: string, x: number, y: number, size: number): string {
  const qr = QRCode.create(data, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  // four modules of quiet zone on each side, as the standard asks
  const m = size / (n + 8);
  const d: string[] = [];
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        d.push(
          `M${(x + (c + 4) * m).toFixed(2)} ${(y + (r + 4) * m).toFixed(2)}h${m.toFixed(2)}v${m.toFixed(2)}h-${m.toFixed(2)}z`,
        );
  return `<path d="${d.join("")}" fill="#000000"/>`;
}

/** The printable pages: PNG images of PER_PAGE QR codes each. */
export function invitationPages(
  invites: PendingInvite[],
  link: (code: string) => string,
  labels: SheetLabels,
): Buffer[] {
  const pages: Buffer[] = [];
  const count = Math.ceil(invites.length / PER_PAGE);
  for (let p = 0; p < count; p++) {
    const body = [
      text(PAGE.margin, PAGE.margin + 20, `${labels.title} — ${labels.page(p + 1, count)}`, { size: 24, bold: true }),
    ];
    invites.slice(p * PER_PAGE, (p + 1) * PER_PAGE).forEach((inv, i) => {
      const x = PAGE.margin + (i % PAGE.cols) * CELL_W;
      const y = TOP + Math.floor(i / PAGE.cols) * CELL_H;
      const qr = qrBox(i);
      body.push(rect(x + 4, y + 4, CELL_W - 8, CELL_H - 8, "#f4f4f4"));
      body.push(qrPath(link(inv.code), qr.x, qr.y, qr.size));
      const cx = x + CELL_W / 2;
      body.push(text(cx, y + QR_SIZE + 30, inv.fullName, { size: 22, bold: true, anchor: "middle" }));
      body.push(text(cx, y + QR_SIZE + 58, inv.unitName, { size: 18, anchor: "middle" }));
      body.push(
        text(cx, y + QR_SIZE + 82, labels.expiry(inv.expiresAt), { size: 15, anchor: "middle", fill: "#555555" }),
      );
    });
    pages.push(renderPng(svgDoc(PAGE.width, PAGE.height, body)));
  }
  return pages;
}

/** /moi_hangloat: links for every official not yet activated, as an XLSX list and printable QR pages. */
export function createInvitations({ onboarding }: { onboarding: Pick<OnboardingService, "createPendingInvites"> }) {
  return {
    async produce(input: { actor: Actor; now: Date; link: (code: string) => string; labels: SheetLabels }) {
      const invites = await onboarding.createPendingInvites({ actor: input.actor, now: input.now });
      if (invites.length === 0) return { count: 0, xlsx: null, pages: [] as Buffer[], expiresAt: null };
      return {
        count: invites.length,
        xlsx: await invitationWorkbook(invites, input.link, input.labels),
        pages: invitationPages(invites, input.link, input.labels),
        expiresAt: invites[0]!.expiresAt,
      };
    },
  };
}
