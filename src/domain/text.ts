// Vietnamese text helpers: accent-insensitive folding, predictable name matching
// (units, programmes, officials) and HTML escaping for Telegram messages.

export type MatchResult<T> = { kind: "one"; item: T } | { kind: "none" } | { kind: "many"; candidates: T[] };

/**
 * Folds Vietnamese text for comparison: lower-case, diacritics removed,
 * đ/Đ → d, runs of whitespace collapsed to one space, trimmed.
 * "Nam Trà My" → "nam tra my", "Đông Giang" → "dong giang".
 */
export function foldVietnamese(s: string): string {
  return s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/\s+/g, " ").trim();
}

type KeyTest = (key: string, query: string) => boolean;

const isExact: KeyTest = (key, query) => key === query;
const startsWithQuery: KeyTest = (key, query) => key.startsWith(query);
const containsWholeWords: KeyTest = (key, query) => ` ${key} `.includes(` ${query} `);

/** Matching levels, strictest first. The first level that matches anything decides. */
const MATCH_LEVELS: readonly KeyTest[] = [isExact, startsWithQuery, containsWholeWords];

/**
 * Finds the item a user means by `query`, comparing folded strings.
 * Levels, tried in order: (1) a key equals the query, (2) a key starts with
 * the query, (3) a key contains the query as whole words. The first level
 * with any hit decides: one item → "one", several → "many" (never guesses).
 * An empty query, or no hit at any level, → "none".
 */
export function matchByName<T>(query: string, items: readonly T[], keys: (item: T) => string[]): MatchResult<T> {
  return nameIndex(items, keys)(query);
}

/**
 * matchByName for many queries against the same items: their keys are folded once (an import matches every
 * row's unit against a province's 3,000 units; folding them again for each row cost most of its time).
 */
export function nameIndex<T>(items: readonly T[], keys: (item: T) => string[]): (query: string) => MatchResult<T> {
  const foldedKeys = items.map((item) => ({
    item,
    keys: keys(item)
      .map(foldVietnamese)
      .filter((k) => k !== ""),
  }));
  return (query) => {
    const folded = foldVietnamese(query);
    if (folded === "") return { kind: "none" };
    for (const test of MATCH_LEVELS) {
      const hits = foldedKeys.filter((entry) => entry.keys.some((k) => test(k, folded))).map((e) => e.item);
      if (hits.length === 1) return { kind: "one", item: hits[0] as T };
      if (hits.length > 1) return { kind: "many", candidates: hits };
    }
    return { kind: "none" };
  };
}

/** Escapes text for Telegram's HTML parse mode (&, <, > and "). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A catalogue line (Telegram HTML) as plain text, for row errors in files and spreadsheet cells. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Ends with a full stop unless it already ends a sentence. */
export function asSentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
