// Calendar-day helpers for Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
// A "date" is a local calendar day as "YYYY-MM-DD"; an instant is a JS Date.
// Pure: never reads the clock and never depends on the server's time zone.
// dayjs (UTC mode, a fixed +07:00 offset, strict parsing) reads, writes and converts dates; the day
// arithmetic (addDays, diffDays, weekday) stays on day numbers: the deadline scan calls it hundreds of
// thousands of times, and a dayjs object per call cost a noticeable part of the scan.
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(customParseFormat);

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** Vietnam is UTC+7 all year round. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_OFFSET_MINUTES * MINUTE_MS;

/** What officials type: 30/11/2026, 30-11-2026, 30.11.2026 (or without the year: 30/11). */
const DMY = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}))?$/;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}

// Years below 1000 are rejected: Date.UTC maps years 0..99 to 1900..1999.
function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lastDay = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= lastDay;
}

function ymd(year: number, month: number, day: number): string {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** The number written by the ASCII digits s[from, from + n), or -1 when one is not a digit. */
function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days since 1970-01-01 for a real day written "YYYY-MM-DD", else null. (Hot: the deadline scan and every
 * /status compare dates; read digit by digit, without a regular expression or a Date.) */
function dayNumberOrNull(date: string): number | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null; // 45: "-"
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 2);
  const day = digits(date, 8, 2);
  return isRealDay(year, month, day) ? Date.UTC(year, month - 1, day) / DAY_MS : null;
}

/** Days since 1970-01-01 for a valid date; throws RangeError otherwise. */
function toDayNumber(date: string): number {
  const n = dayNumberOrNull(date);
  if (n === null) throw new RangeError(`Invalid date: ${JSON.stringify(date)}`);
  return n;
}

function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A valid date (throws RangeError otherwise) and its year. */
function splitDate(date: string): { date: string; year: string } {
  toDayNumber(date); // validates
  return { date, year: date.slice(0, 4) };
}

/** True for a real calendar day written "YYYY-MM-DD". */
export function isValidDate(s: string): boolean {
  return dayNumberOrNull(s) !== null;
}

/** The Vietnamese calendar day of an instant. */
export function localDate(now: Date): string {
  return dayjs.utc(now).utcOffset(VIETNAM_OFFSET_MINUTES).format("YYYY-MM-DD");
}

/** Minutes since local (Vietnam) midnight, 0..1439. */
export function localMinutes(now: Date): number {
  const local = dayjs.utc(now).utcOffset(VIETNAM_OFFSET_MINUTES);
  return local.hour() * 60 + local.minute();
}

/** The instant of `date` at `minutes` past local midnight (minutes may exceed a day). */
export function localInstant(date: string, minutes: number): Date {
  return new Date(toDayNumber(date) * DAY_MS + minutes * MINUTE_MS - OFFSET_MS);
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** b - a in calendar days. */
export function diffDays(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/**
 * Parses a day typed by a user: "30/11/2026", "30-11-2026", "30.11.2026" or "30/11"
 * (year taken from `today`). Returns "YYYY-MM-DD", or null when not a real date.
 */
export function parseDmy(s: string, today: string): string | null {
  const m = DMY.exec(s.trim());
  if (!m) return null;
  // the year is written out before parsing: dayjs would take a missing one from the clock
  const d = dayjs.utc(`${Number(m[1])}/${Number(m[3])}/${Number(m[4] ?? splitDate(today).year)}`, "D/M/YYYY", true);
  return d.isValid() && d.year() >= 1000 ? d.format("YYYY-MM-DD") : null;
}

/** "2026-11-30" → "30/11/2026". */
export function formatDmy(date: string): string {
  return dayjs.utc(splitDate(date).date).format("DD/MM/YYYY");
}

/** "2026-11-30" → "30/11". */
export function formatDm(date: string): string {
  return dayjs.utc(splitDate(date).date).format("DD/MM");
}

/** "2026-11-30" → "2026-11". */
export function monthKey(date: string): string {
  return splitDate(date).date.slice(0, 7);
}
