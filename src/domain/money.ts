// Amounts as officials type them ("12,5 tỷ", "3 tỷ 200 triệu", "750.000đ", "12 500 000 000"), read into whole
// VND as `bigint`: no floating point is ever used for amounts. Writing them (and rates) is money-format.ts.

import { foldVietnamese } from "./text.ts";

export type ParseAmountResult =
  { ok: true; vnd: bigint } | { ok: false; reason: "empty" | "negative" | "ambiguous" | "invalid" | "too-precise" };

type ParseFailure = Extract<ParseAmountResult, { ok: false }>;

const fail = (reason: ParseFailure["reason"]): ParseFailure => ({ ok: false, reason });

const THOUSAND = 1_000n;
const MILLION = 1_000_000n;
const BILLION = 1_000_000_000n;
const TRILLION = 1_000_000_000_000n;

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/** Unit words, already folded (no diacritics, đ → d). Order matters: longer spellings first. */
const UNITS: readonly { pattern: string; multiplier: bigint }[] = [
  { pattern: "(?:nghin|ngan)\\s*(?:ty|ti)", multiplier: TRILLION },
  { pattern: "trieu|tr", multiplier: MILLION },
  { pattern: "ty|ti", multiplier: BILLION },
  { pattern: "nghin|ngan|k", multiplier: THOUSAND },
  { pattern: "vnd|dong|d", multiplier: 1n },
];

/** One unit word at the start of the text, not running into further letters; one capture group per unit. */
const UNIT_RE = new RegExp(`^(?:${UNITS.map((u) => `(${u.pattern})`).join("|")})(?![a-z])\\s*`);
const NUMBER_RE = /^(\d[\d.,]*)\s*/;
const CURRENCY_RE = /^(?:vnd|dong|d)$/;
const NEGATIVE_RE = /^(?:-|−|am(?=[\s\d]))\s*/;

const PLAIN_RE = /^\d+$/;
const DOT_GROUPED_RE = /^\d{1,3}(?:\.\d{3}){2,}$/;
const COMMA_GROUPED_RE = /^\d{1,3}(?:,\d{3}){2,}$/;
const DECIMAL_COMMA_RE = /^(\d+),(\d+)$/;
const SINGLE_DOT_RE = /^(\d+)\.(\d+)$/;
const DOTS_THEN_COMMA_RE = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/;
const COMMAS_THEN_DOT_RE = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/;

/** A written number as digits plus a decimal scale: "12,5" → { digits: 125n, scale: 1 }. */
type Decimal = { digits: bigint; scale: number };
type NumberResult = { ok: true; value: Decimal } | ParseFailure;
type Part = { raw: string; multiplier: bigint | null };

/**
 * Parses an amount typed by a user into whole VND.
 *
 * - Units (case- and accent-insensitive): đồng/đ/vnđ/vnd ×1, nghìn/ngàn/k ×10³,
 *   triệu/tr ×10⁶, tỷ/tỉ/ty ×10⁹, nghìn tỷ/ngàn tỷ ×10¹². No unit means đồng.
 *   A currency word may follow another unit: "500 triệu đồng".
 * - Compounds are summed, largest unit first: "3 tỷ 200 triệu". In a compound
 *   every part is a whole number, units strictly decrease and each part is
 *   smaller than the unit before it; otherwise "invalid". A bare number after a
 *   unit ("3 tỷ 200") is "ambiguous".
 * - Separators: "," is a decimal comma, except 2+ comma groups of exactly three
 *   digits ("12,500,000"), which group thousands. Several "." groups of three
 *   digits group thousands ("12.500.000"), and so do space-separated groups of
 *   exactly three digits after the first group ("12 500 000 000", read as the
 *   dotted form: "12 500 triệu" = "12.500 triệu", "12 500" alone is ambiguous).
 *   A last group other than "000" after a "000" group, with no unit after it,
 *   stays apart ("12 500 000 000 123" is a round amount and another number:
 *   "ambiguous" here; /khongdat and /dieuchuyen keep the "123" in their text).
 *   A single "." followed by 1–2 digits
 *   is a decimal point ("12.5 tỷ"); followed by exactly 3 digits it groups
 *   thousands when a unit is written ("12.500 triệu", "750.000 đ") and is
 *   "ambiguous" without one ("12.500"). "1.234,5" = thousands dots + decimal comma
 *   (and "1,234.5" the English way round).
 * - "-5 tỷ" / "âm 5 tỷ" → "negative"; a fraction of a đồng → "too-precise";
 *   anything else unreadable → "invalid".
 */
export function parseAmount(input: string): ParseAmountResult {
  const { text, keptApart } = joinSpaceGroups(foldVietnamese(input));
  if (text === "") return fail("empty");

  const negative = NEGATIVE_RE.exec(text);
  const result = negative ? parseUnsignedAmount(text.slice(negative[0].length)) : parseUnsignedAmount(text);
  if (negative && result.ok) return fail("negative");
  // a number kept apart from a space-grouped amount: the text could mean either, so it is unclear, not unreadable
  return keptApart && !result.ok && result.reason === "invalid" ? fail("ambiguous") : result;
}

/**
 * A number of 1–3 digits followed by space-separated groups of exactly three digits ("12 500 000 000",
 * as many officials type, or a no-break space from a spreadsheet): the groups join with "." and are read
 * like the dotted form ("12.500.000.000"; "12 500" alone is as ambiguous as "12.500"). A group must end
 * at a space, the end, a letter (a unit: "12 500tr") or a decimal comma — never "/", "." or another
 * digit, so dates and document numbers after an amount stay apart.
 */
const SPACE_GROUPED_RE = /(?<![\d.,])(\d{1,3})((?: \d{3}(?=$| |[a-z]|,\d))+)/g;

/**
 * Where the groups end is a guess the text cannot settle: "12 500 000 000 123" may be one number or a round
 * amount and then a decision number, a count opening a reason («150 hộ chưa bàn giao mặt bằng»). Amounts are
 * typed round (disbursement figures in đồng end in "000" groups), so a last group other than "000" after a
 * "000" group stays apart unless a unit follows it ("… 000 123 đồng" is one number). `keptApart` says so.
 */
function joinSpaceGroups(text: string): { text: string; keptApart: boolean } {
  let keptApart = false;
  const joined = text.replace(
    SPACE_GROUPED_RE,
    (match: string, head: string, spaced: string, offset: number, whole: string) => {
      const groups = spaced.trim().split(" ");
      const last = groups[groups.length - 1]!;
      const unitAfter = UNIT_RE.test(whole.slice(offset + match.length).trimStart());
      if (groups.length >= 2 && last !== "000" && groups[groups.length - 2] === "000" && !unitAfter) {
        keptApart = true;
        return `${[head, ...groups.slice(0, -1)].join(".")} ${last}`;
      }
      return [head, ...groups].join(".");
    },
  );
  return { text: joined, keptApart };
}

function parseUnsignedAmount(text: string): ParseAmountResult {
  const { parts, rest } = splitParts(text);
  const last = parts[parts.length - 1];
  if (last === undefined) return fail("invalid");
  const trailingCurrency = last.multiplier !== null && last.multiplier > 1n && CURRENCY_RE.test(rest);
  if (rest !== "" && !trailingCurrency) return fail("invalid");

  if (parts.length === 1) return parsePart(last);
  return parseCompound(parts);
}

/** Splits folded text into (number, unit?) parts; `rest` is whatever could not be split off. */
function splitParts(text: string): { parts: Part[]; rest: string } {
  const parts: Part[] = [];
  let rest = text;
  for (let number = NUMBER_RE.exec(rest); number; number = NUMBER_RE.exec(rest)) {
    rest = rest.slice(number[0].length);
    const unit = UNIT_RE.exec(rest);
    if (unit) rest = rest.slice(unit[0].length);
    parts.push({ raw: number[1] ?? "", multiplier: unit ? unitMultiplier(unit) : null });
  }
  return { parts, rest };
}

function unitMultiplier(match: RegExpExecArray): bigint {
  const unit = UNITS.find((_, i) => match[i + 1] !== undefined);
  return unit?.multiplier ?? 1n;
}

function parsePart(part: Part): ParseAmountResult {
  const number = readNumber(part.raw, part.multiplier !== null);
  if (!number.ok) return number;
  const vnd = scaleToVnd(number.value, part.multiplier ?? 1n);
  return vnd === null ? fail("too-precise") : { ok: true, vnd };
}

function parseCompound(parts: readonly Part[]): ParseAmountResult {
  let total = 0n;
  let previousUnit: bigint | null = null;
  for (const [index, part] of parts.entries()) {
    if (part.multiplier === null) return fail(index === parts.length - 1 ? "ambiguous" : "invalid");
    const number = readNumber(part.raw, true);
    if (!number.ok) return number;
    if (number.value.scale > 0) return fail("invalid");

    const amount = number.value.digits * part.multiplier;
    if (previousUnit !== null && (part.multiplier >= previousUnit || amount >= previousUnit)) return fail("invalid");
    total += amount;
    previousUnit = part.multiplier;
  }
  return { ok: true, vnd: total };
}

/** Reads one written number, deciding what "." and "," mean (see parseAmount). */
function readNumber(raw: string, hasUnit: boolean): NumberResult {
  if (PLAIN_RE.test(raw)) return whole(raw);
  if (DOT_GROUPED_RE.test(raw)) return whole(raw.replace(/\./g, ""));
  if (COMMA_GROUPED_RE.test(raw)) return whole(raw.replace(/,/g, ""));

  const decimalComma = DECIMAL_COMMA_RE.exec(raw);
  if (decimalComma) return decimal(decimalComma[1] ?? "", decimalComma[2] ?? "");

  const dotsThenComma = DOTS_THEN_COMMA_RE.exec(raw);
  if (dotsThenComma) return decimal((dotsThenComma[1] ?? "").replace(/\./g, ""), dotsThenComma[2] ?? "");

  const commasThenDot = COMMAS_THEN_DOT_RE.exec(raw);
  if (commasThenDot) return decimal((commasThenDot[1] ?? "").replace(/,/g, ""), commasThenDot[2] ?? "");

  const singleDot = SINGLE_DOT_RE.exec(raw);
  if (singleDot) return readSingleDot(singleDot[1] ?? "", singleDot[2] ?? "", hasUnit);

  return fail("invalid");
}

/** "12.5" / "12.50" → decimal point; "12.500" → thousands when a unit is written, else ambiguous. */
function readSingleDot(intPart: string, fraction: string, hasUnit: boolean): NumberResult {
  if (fraction.length <= 2) return decimal(intPart, fraction);
  if (fraction.length === 3 && intPart.length <= 3) {
    return hasUnit ? whole(intPart + fraction) : fail("ambiguous");
  }
  return fail("invalid");
}

function whole(digits: string): NumberResult {
  return { ok: true, value: { digits: BigInt(digits), scale: 0 } };
}

function decimal(intPart: string, fraction: string): NumberResult {
  return { ok: true, value: { digits: BigInt(intPart + fraction), scale: fraction.length } };
}

/** digits × multiplier / 10^scale, or null when that is not a whole number of đồng. */
function scaleToVnd(value: Decimal, multiplier: bigint): bigint | null {
  const divisor = 10n ** BigInt(value.scale);
  const numerator = value.digits * multiplier;
  return numerator % divisor === 0n ? numerator / divisor : null;
}
