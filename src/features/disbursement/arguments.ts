// Parsing the words of /report, /khongdat and /dieuchuyen (pure): qualifiers, amounts.
import type { CapitalKind, CapitalSource } from "../../platform/db/client.ts";
import { parseDmy } from "../../domain/dates.ts";
import { parseAmount } from "../../domain/money.ts";
import { foldVietnamese } from "../../domain/text.ts";
import { refuse } from "./refusals.ts";

/** The words of a command's argument text. */
export const argWords = (args: string) => args.split(/\s+/).filter(Boolean);

export interface Qualifiers {
  source: CapitalSource | null;
  kind: CapitalKind | null;
  /** "YYYY-MM-DD" or null (today) */
  asOf: string | null;
  correction: boolean;
}

// "TW", "NSTW" (ngân sách Trung ương); "ĐP", "NSĐP" (ngân sách địa phương)
const SOURCE_WORDS: Record<string, CapitalSource> = { tw: "CENTRAL", nstw: "CENTRAL", dp: "LOCAL", nsdp: "LOCAL" };
const KIND_WORDS: Record<string, CapitalKind> = { dtpt: "INVESTMENT", sn: "RECURRENT" };
export const DATE_RE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/;

/** A source/kind word (TW, ĐP, ĐTPT, SN, TW/SN …), or null when the word is not one. */
export function sourceKind(word: string): { source: CapitalSource | null; kind: CapitalKind | null } | null {
  const parts = foldVietnamese(word).split(/[/+-]/);
  let source: CapitalSource | null = null;
  let kind: CapitalKind | null = null;
  for (const p of parts) {
    if (SOURCE_WORDS[p] && !source) source = SOURCE_WORDS[p];
    else if (KIND_WORDS[p] && !kind) kind = KIND_WORDS[p];
    else return null;
  }
  return { source, kind };
}

/** Takes the optional trailing words (source/kind, date, "sửa") off a /report argument list. */
export function splitQualifiers(words: string[], today: string): { words: string[]; q: Qualifiers } {
  const q: Qualifiers = { source: null, kind: null, asOf: null, correction: false };
  const rest = [...words];
  for (;;) {
    const last = rest[rest.length - 1];
    if (last === undefined || rest.length <= 2) break;
    const folded = foldVietnamese(last);
    if (folded === "sua" && !q.correction) q.correction = true;
    else if (folded === "von" && (q.source || q.kind)) {
      // "26,5 tỷ vốn TW": the word "vốn" before a source or kind already read is dropped
    } else if (DATE_RE.test(last) && q.asOf === null) {
      const d = parseDmy(last, today);
      if (!d) refuse("usage");
      q.asOf = d;
    } else {
      const sk = sourceKind(last);
      if (!sk || (sk.source && q.source) || (sk.kind && q.kind)) break;
      q.source = sk.source ?? q.source;
      q.kind = sk.kind ?? q.kind;
    }
    rest.pop();
  }
  return { words: rest, q };
}

/** An amount starts with a digit, a minus sign, or "âm" followed by a number. */
const startsAmount = (w: string, next: string | undefined) =>
  /^[-−]?\d/.test(w) || (foldVietnamese(w) === "am" && /^\d/.test(next ?? ""));

/** Splits "<head words> <amount words>" where the amount starts at the first word beginning with a digit. */
export function splitAmount(words: string[]): { head: string[]; amountText: string } {
  const i = words.findIndex((w, idx) => idx > 0 && startsAmount(w, words[idx + 1]));
  if (i < 0) return refuse("usage");
  return { head: words.slice(0, i), amountText: words.slice(i).join(" ") };
}

/** The longest run of words from the start that reads as an amount, and the words after it. */
export function leadingAmount(words: string[]): { vnd: bigint; rest: string[] } {
  let best: { vnd: bigint; n: number } | null = null;
  let firstFailure: string | null = null;
  for (let n = 1; n <= Math.min(words.length, 6); n++) {
    const r = parseAmount(words.slice(0, n).join(" "));
    if (r.ok) best = { vnd: r.vnd, n };
    else if (firstFailure === null) firstFailure = r.reason;
  }
  if (!best) return refuse("amount", { reason: firstFailure ?? "invalid" });
  return { vnd: best.vnd, rest: words.slice(best.n) };
}

export function checkAmount(text: string): bigint {
  const r = parseAmount(text);
  if (!r.ok) return refuse("amount", { reason: r.reason });
  return r.vnd;
}

/** An amount somewhere in a sentence: «Dạ 35,5 tỷ ạ». */
const AMOUNT_IN_TEXT = /[-−]?\d[\d.,\s]*(?:(?:tỷ|ty|tỉ|triệu|trieu|tr|đồng|dong|đ|d)(?!\p{L}))?/iu;

/** One figure of a check-in answer: the /report qualifier word («TW», «ĐP», «TW/SN») or none, and the amount. */
export interface AnswerPart {
  qualifier: string | null;
  amountText: string;
}

/**
 * A check-in answer as officials write it: one amount («Dạ 35,5 tỷ ạ»: the whole programme), or one amount per
 * source, each with its word before or after it («TW 30 tỷ, ĐP 5 tỷ», «30 tỷ vốn TW; 5 tỷ vốn ĐP»). Null when
 * there is no amount; refused when some figures name their source and others do not.
 */
export function readAnswer(text: string): AnswerPart[] | null {
  const pieces = text
    .split(/[;\n]|,(?=\s|$)|\s+(?:và|va)\s+/iu)
    .map((p) => p.trim())
    .filter(Boolean);
  const parts = pieces.map((piece) => {
    const words = argWords(piece).map((w) => w.replace(/[:.]$/, ""));
    const qualifiers = words.filter((w) => sourceKind(w) !== null);
    const rest = words.filter((w) => sourceKind(w) === null && foldVietnamese(w) !== "von").join(" ");
    return {
      qualifier: qualifiers.length ? qualifiers.join(" ") : null,
      amount: AMOUNT_IN_TEXT.exec(rest)?.[0].trim(),
    };
  });
  const named = parts.filter((p) => p.qualifier !== null);
  if (named.length === 0) {
    const amount = AMOUNT_IN_TEXT.exec(text)?.[0].trim();
    return amount ? [{ qualifier: null, amountText: amount }] : null;
  }
  if (named.some((p) => !p.amount) || parts.some((p) => p.qualifier === null && p.amount))
    return refuse("checkinParts");
  return named.map((p) => ({ qualifier: p.qualifier, amountText: p.amount! }));
}
