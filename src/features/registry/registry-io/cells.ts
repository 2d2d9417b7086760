// Reading one cell of a registry file: roles, unit kinds, yes/no, language, Telegram id, "value (scope)", lists.
import type { Role, UnitKind } from "../../../platform/db/client.ts";
import { foldVietnamese } from "../../../domain/text.ts";
import { ROLE_LABELS, UNIT_KIND_LABELS } from "./labels.ts";

function fromLabel<K extends string>(labels: Record<K, string>, text: string): K | null {
  const f = foldVietnamese(text).replace(/[_-]/g, " ");
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    if (f === foldVietnamese(label) || f === foldVietnamese(key.replace(/_/g, " "))) return key;
  }
  return null;
}

export function parseRole(text: string): Role | null {
  return fromLabel(ROLE_LABELS, text);
}

export function parseUnitKind(text: string): UnitKind | null {
  return fromLabel(UNIT_KIND_LABELS, text);
}

/** "Có"/"Không" (also x, 1/0, yes/no, true/false); "" → undefined (keep). */
export function parseYesNo(text: string): boolean | null | undefined {
  const f = foldVietnamese(text);
  if (f === "") return undefined;
  if (["co", "x", "1", "yes", "true", "dang hoat dong"].includes(f)) return true;
  if (["khong", "0", "no", "false", "ngung"].includes(f)) return false;
  return null;
}

/** "vi"/"en" (also "Tiếng Việt", "English"); "" → undefined (keep). */
export function parseLanguage(text: string): "vi" | "en" | null | undefined {
  const f = foldVietnamese(text);
  if (f === "") return undefined;
  if (["vi", "tieng viet", "vietnamese"].includes(f)) return "vi";
  if (["en", "tieng anh", "english"].includes(f)) return "en";
  return null;
}

/** A Telegram user id: digits only; "" → undefined (keep). */
export function parseTelegramId(text: string): bigint | null | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  return /^[1-9]\d{0,15}$/.test(t) ? BigInt(t) : null;
}

/** "Giám sát (Nam Trà My)" → { value: "Giám sát", scope: "Nam Trà My" }; no parentheses → scope undefined. */
export function splitScope(item: string): { value: string; scope: string | undefined } {
  const t = item.trim();
  const open = t.lastIndexOf("(");
  if (t.endsWith(")") && open > 0) return { value: t.slice(0, open).trim(), scope: t.slice(open + 1, -1).trim() };
  return { value: t, scope: undefined };
}

/** "a; b\nc" → ["a", "b", "c"] (blank items dropped). */
export const list = (text: string) =>
  text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
