// Tiny SVG building helpers: escaped text, rounded coordinates, an approximate text width for layout.
export const FONT = "DejaVu Sans";

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const r = (n: number) => Math.round(n * 10) / 10;

/** Approximate advance width of DejaVu Sans text (average glyph ≈ 0.6 em). */
export function textWidth(s: string, size: number, bold = false): number {
  return [...s.normalize("NFC")].length * size * (bold ? 0.66 : 0.6);
}

export function text(
  x: number,
  y: number,
  s: string,
  o: { size?: number; bold?: boolean; anchor?: "start" | "middle" | "end"; fill?: string } = {},
): string {
  return `<text x="${r(x)}" y="${r(y)}" font-family="${FONT}" font-size="${o.size ?? 14}"${o.bold ? ' font-weight="bold"' : ""} text-anchor="${o.anchor ?? "start"}" fill="${o.fill ?? "#222"}">${esc(s)}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${r(x)}" y="${r(y)}" width="${r(Math.max(0, w))}" height="${r(Math.max(0, h))}" fill="${fill}"/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, dash = ""): string {
  return `<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;
}

export function polyline(points: [number, number][], stroke: string, width = 2): string {
  return `<polyline points="${points.map(([x, y]) => `${r(x)},${r(y)}`).join(" ")}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linejoin="round"/>`;
}

export function circle(x: number, y: number, radius: number, fill: string): string {
  return `<circle cx="${r(x)}" cy="${r(y)}" r="${radius}" fill="${fill}"/>`;
}

export function svgDoc(width: number, height: number, body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rect(0, 0, width, height, "#ffffff")}${body.join("")}</svg>`;
}
