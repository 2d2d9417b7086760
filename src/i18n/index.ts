// Picks the catalogue for a language: Vietnamese first, English when the user's language is English.
import { en } from "./en.ts";
import { vi, type Catalogue } from "./vi.ts";
import type { Lang } from "./types.ts";

export type { Catalogue, Lang };

export function catalogue(lang: string | undefined): Catalogue {
  return lang === "en" ? en : vi;
}

/**
 * The rendering a service is handed by the composition root (`catalogue` itself), narrowed to the parts it
 * writes: a service that puts text in the outbox in its own transaction imports no catalogue code (README,
 * "Layout"); it names this type only.
 */
export type Messages<K extends keyof Catalogue = keyof Catalogue> = (lang: string | undefined) => Pick<Catalogue, K>;

/** Telegram's language_code ("en", "en-US", "vi") → our language; anything else → Vietnamese. */
export function langFromTelegram(code: string | undefined): Lang {
  return code?.toLowerCase().startsWith("en") ? "en" : "vi";
}
