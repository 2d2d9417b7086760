// Amounts and rates written out. Amounts are whole VND as `bigint`; rates are integer basis points (1 bp =
// 0.01 %), computed with bigint. Vietnamese-style ("12.500.000 đ", "27,3%"): "." groups thousands, "," is the
// decimal comma; `english` writes the same figures for the English catalogues ("12,500,000 VND", "27.3%";
// ADR 018). Reading amounts is money.ts.

const MILLION = 1_000_000n;
const BILLION = 1_000_000_000n;

/** Integer with Vietnamese thousands dots: 1234567 → "1.234.567". Throws on non-integers. */
export function formatNumberVi(n: number | bigint): string {
  if (typeof n === "number" && !Number.isInteger(n)) {
    throw new RangeError(`formatNumberVi expects an integer, got ${n}`);
  }
  const value = BigInt(n);
  const sign = value < 0n ? "-" : "";
  return sign + groupThousands(abs(value).toString());
}

/** Full amount: 12_500_000_000n → "12.500.000.000 đ". */
export function formatVnd(vnd: bigint): string {
  return `${formatNumberVi(vnd)} đ`;
}

/**
 * Amount in tỷ (billions) with a fixed number of decimals, rounded half up
 * (half away from zero for negatives): 12_500_000_000n → "12,5",
 * 1_730_000_000_000n → "1.730,0".
 */
export function formatBillions(vnd: bigint, decimals = 1): string {
  return formatScaled(vnd, 9, decimals);
}

/** Billions with one decimal, a trailing ",0" dropped, the way documents write them: "5", "12,5". */
export function formatBillionsTrim(vnd: bigint): string {
  return formatBillions(vnd, 1).replace(/,0$/, "");
}

/**
 * Short amount for messages:
 * - ≥ 1 tỷ (after rounding): tỷ with one decimal, always shown ("12,5 tỷ", "45,0 tỷ");
 * - ≥ 1 triệu: triệu with one decimal, a trailing ",0" dropped ("850 triệu", "850,5 triệu");
 * - otherwise the full amount ("750.000 đ").
 * Negative amounts get a leading "-".
 */
export function formatAmountShort(vnd: bigint): string {
  const magnitude = abs(vnd);
  const millionsInTenths = roundHalfUpDiv(magnitude * 10n, MILLION);
  if (magnitude >= BILLION || millionsInTenths >= 10_000n) return `${formatBillions(vnd, 1)} tỷ`;
  if (magnitude >= MILLION) return `${formatScaled(vnd, 6, 1).replace(/,0$/, "")} triệu`;
  return formatVnd(vnd);
}

/**
 * part / whole in basis points (10000 = 100 %), rounded half up (half away from
 * zero for a negative part), computed with bigint. Null when whole ≤ 0.
 */
export function rateBp(part: bigint, whole: bigint): number | null {
  if (whole <= 0n) return null;
  const magnitude = roundHalfUpDiv(abs(part) * 10_000n, whole);
  return Number(part < 0n ? -magnitude : magnitude);
}

/** Basis points as a percentage: 2730 → "27,3%", (5274, 2) → "52,74%", 2735 → "27,4%". */
export function formatPercentBp(bp: number, decimals = 1): string {
  return `${formatBp(bp, decimals)}%`;
}

/** Basis points as percentage points, one decimal, no sign: 3270 → "32,7". */
export function formatPoints(bp: number): string {
  return formatBp(bp, 1);
}

/** A figure formatted above, written for an English reader: thousands "," and decimal "." ("1.730,5" → "1,730.5"). */
export function inEnglish(figure: string): string {
  return figure.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
}

/** The formatters above for the English catalogues: the same rounding, English separators and units. */
export const english = {
  vnd: (vnd: bigint) => `${inEnglish(formatNumberVi(vnd))} VND`,
  billions: (vnd: bigint, decimals = 1) => inEnglish(formatBillions(vnd, decimals)),
  billionsTrim: (vnd: bigint) => inEnglish(formatBillionsTrim(vnd)),
  /** "12.5 bn VND", "850.5 million VND", "750,000 VND" */
  amountShort: (vnd: bigint) =>
    inEnglish(formatAmountShort(vnd))
      .replace(/ tỷ$/, " bn VND")
      .replace(/ triệu$/, " million VND")
      .replace(/ đ$/, " VND"),
  percentBp: (bp: number, decimals = 1) => inEnglish(formatPercentBp(bp, decimals)),
  points: (bp: number) => inEnglish(formatPoints(bp)),
};

function formatBp(bp: number, decimals: number): string {
  if (!Number.isInteger(bp)) throw new RangeError(`basis points must be an integer, got ${bp}`);
  return formatScaled(BigInt(bp), 2, decimals);
}

/**
 * Formats value / 10^scale with `decimals` decimals (rounded half up on the
 * magnitude), thousands dots and a decimal comma: (12_345n, 2, 1) → "123,5".
 */
function formatScaled(value: bigint, scale: number, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
  }
  const magnitude = abs(value);
  const shown =
    decimals >= scale
      ? magnitude * 10n ** BigInt(decimals - scale)
      : roundHalfUpDiv(magnitude, 10n ** BigInt(scale - decimals));
  const unit = 10n ** BigInt(decimals);
  const intPart = groupThousands((shown / unit).toString());
  const fraction = decimals > 0 ? `,${(shown % unit).toString().padStart(decimals, "0")}` : "";
  const sign = value < 0n && shown > 0n ? "-" : "";
  return `${sign}${intPart}${fraction}`;
}

/** n / d rounded half up, for n ≥ 0 and d > 0. */
function roundHalfUpDiv(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** "1234567" → "1.234.567" (digits only, no sign). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
