// The system's Chromium (Debian's `chromium` package), driven by playwright-core: no browser download.
// `npm run browser -- --install` installs it; without it the browser tests skip and say why.
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"];

/** CHROMIUM_PATH, else the first system Chromium found; null when there is none. */
export function findChromium(): string | null {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const NO_CHROMIUM =
  "browser tests skipped: no Chromium found (Debian: `npm run browser -- --install`, or set CHROMIUM_PATH)";
