// Unit tests for amount parsing (bigint VND), Vietnamese number formatting and basis-point rates.

import { describe, expect, it } from "vitest";
import { parseAmount, type ParseAmountResult } from "../../src/domain/money.ts";
import {
  english,
  formatAmountShort,
  formatBillions,
  formatNumberVi,
  formatPercentBp,
  formatPoints,
  formatVnd,
  rateBp,
} from "../../src/domain/money-format.ts";

const ok = (vnd: bigint): ParseAmountResult => ({ ok: true, vnd });
const err = (reason: Extract<ParseAmountResult, { ok: false }>["reason"]): ParseAmountResult => ({
  ok: false,
  reason,
});

describe("parseAmount: accepted forms", () => {
  it.each<[string, bigint]>([
    // tỷ with decimal comma / point, spellings, spacing, case
    ["12,5 tỷ", 12_500_000_000n],
    ["12.5 tỷ", 12_500_000_000n],
    ["12.50 tỷ", 12_500_000_000n],
    ["12,5 ty", 12_500_000_000n],
    ["12,5 tỷ đồng", 12_500_000_000n],
    ["12,5tỷ", 12_500_000_000n],
    ["12,5 TỶ", 12_500_000_000n],
    [" 12,5  tỷ ", 12_500_000_000n],
    ["12,5\u00a0tỷ", 12_500_000_000n],
    ["12 tỉ", 12_000_000_000n],
    ["12 TỈ", 12_000_000_000n],
    ["12,5 tỷ vnđ", 12_500_000_000n],
    ["12,5 tỷ đ", 12_500_000_000n],
    ["0 tỷ", 0n],
    ["0,5 tỷ", 500_000_000n],
    ["0,000000001 tỷ", 1n],
    ["999.999 tỷ", 999_999_000_000_000n],
    ["1.234,5 tỷ", 1_234_500_000_000n],
    ["1,234.5 tỷ", 1_234_500_000_000n],
    // triệu
    ["12.500 triệu", 12_500_000_000n],
    ["12,5 triệu", 12_500_000n],
    ["500 triệu đồng", 500_000_000n],
    ["500 trieu", 500_000_000n],
    ["500tr", 500_000_000n],
    ["500 tr", 500_000_000n],
    ["1,25 tr", 1_250_000n],
    // nghìn tỷ
    ["1,2 nghìn tỷ", 1_200_000_000_000n],
    ["1.2 ngàn tỷ", 1_200_000_000_000n],
    ["1 nghìn tỷ", 1_000_000_000_000n],
    ["1 nghìn tỉ", 1_000_000_000_000n],
    ["2 ngan ty dong", 2_000_000_000_000n],
    // nghìn / k
    ["500 nghìn", 500_000n],
    ["500 ngàn đồng", 500_000n],
    ["500k", 500_000n],
    ["1,5k", 1_500n],
    ["12.500 nghìn", 12_500_000n],
    // đồng and bare numbers
    ["750.000 đ", 750_000n],
    ["750.000đ", 750_000n],
    ["750.000 VNĐ", 750_000n],
    ["750000 vnd", 750_000n],
    ["750 đồng", 750n],
    ["12.500.000.000", 12_500_000_000n],
    ["12500000000", 12_500_000_000n],
    ["12,500,000", 12_500_000n],
    ["12,500,000 đ", 12_500_000n],
    ["1.000.000", 1_000_000n],
    ["0", 0n],
    ["7", 7n],
    // compounds
    ["3 tỷ 200 triệu", 3_200_000_000n],
    ["3 tỷ 200 triệu đồng", 3_200_000_000n],
    ["3tỷ200tr", 3_200_000_000n],
    ["1 nghìn tỷ 250 tỷ", 1_250_000_000_000n],
    ["2 tỷ 5 triệu 300 nghìn", 2_005_300_000n],
    ["3 tỷ 500 đ", 3_000_000_500n],
    ["1 triệu 500 nghìn đồng", 1_500_000n],
    ["3 tỷ 999 triệu", 3_999_000_000n],
    // thousands separated by spaces, as many officials type (issue #21), read like the dotted form
    ["12 500 000 000", 12_500_000_000n],
    ["12 500 000 000 đồng", 12_500_000_000n],
    ["12 500 000 000 đ", 12_500_000_000n],
    ["1 000 000", 1_000_000n],
    ["750 000 đ", 750_000n],
    ["12\u00a0500\u00a0000\u00a0000", 12_500_000_000n],
    ["12  500 000 000", 12_500_000_000n],
    ["12 500 triệu", 12_500_000_000n],
    ["12 500tr", 12_500_000_000n],
    ["3 200 triệu", 3_200_000_000n],
    ["1 234,5 tỷ", 1_234_500_000_000n],
    ["1 000 000 000 000", 1_000_000_000_000n],
    // a last group after a "000" group joins when a unit follows it, and groups after non-zero groups join
    ["12 500 000 000 123 đồng", 12_500_000_000_123n],
    ["12 534 217 123", 12_534_217_123n],
    ["12 000 500 000", 12_000_500_000n],
    ["12 500 000 000 000", 12_500_000_000_000n],
  ])("%j → %s", (input, vnd) => {
    expect(parseAmount(input)).toEqual(ok(vnd));
  });

  it("handles very large amounts exactly", () => {
    expect(parseAmount("123.456.789.123.456.789")).toEqual(ok(123_456_789_123_456_789n));
    expect(parseAmount("9999999 nghìn tỷ")).toEqual(ok(9_999_999_000_000_000_000n));
  });
});

describe("parseAmount: rejected forms", () => {
  it.each<[string, Extract<ParseAmountResult, { ok: false }>["reason"]]>([
    ["", "empty"],
    ["   ", "empty"],
    ["-5 tỷ", "negative"],
    ["- 5 tỷ", "negative"],
    ["−5 tỷ", "negative"],
    ["âm 5 tỷ", "negative"],
    ["Âm 5 tỷ", "negative"],
    ["am 5 ty", "negative"],
    ["-750.000 đ", "negative"],
    ["-", "invalid"],
    ["-abc", "invalid"],
    ["âm", "invalid"],
    ["-12.500", "ambiguous"],
    ["12.500", "ambiguous"],
    ["1.500", "ambiguous"],
    ["3 tỷ 200", "ambiguous"],
    ["0,0000000001 tỷ", "too-precise"],
    ["12,5", "too-precise"],
    ["12.5", "too-precise"],
    ["1,5 đồng", "too-precise"],
    ["1,2345 k", "too-precise"],
    ["1,2,3", "invalid"],
    ["1.2.3", "invalid"],
    ["12.500.00", "invalid"],
    ["1234.500 triệu", "invalid"],
    ["12.5000 tỷ", "invalid"],
    ["12,500,00", "invalid"],
    ["1.234.5 tỷ", "invalid"],
    ["1.23,5 tỷ", "invalid"],
    ["12. tỷ", "invalid"],
    ["12, tỷ", "invalid"],
    [",5 tỷ", "invalid"],
    ["tỷ", "invalid"],
    ["đồng", "invalid"],
    ["abc", "invalid"],
    ["mười tỷ", "invalid"],
    ["12 tỷ abc", "invalid"],
    ["12 tỷ.", "invalid"],
    ["12 tyx", "invalid"],
    ["5e9", "invalid"],
    ["12 $", "invalid"],
    ["12 đồng đồng", "invalid"],
    ["12 tỷ triệu", "invalid"],
    ["200 triệu 3 tỷ", "invalid"],
    ["3 tỷ 3 tỷ", "invalid"],
    ["3 tỷ 2000 triệu", "invalid"],
    ["3,5 tỷ 200 triệu", "invalid"],
    ["3 tỷ 2,5 triệu", "invalid"],
    ["3 tỷ 12.500", "ambiguous"],
    // space groups: only groups of exactly three digits after a first group of one to three join
    ["12 500", "ambiguous"],
    ["12 5000", "invalid"],
    ["1234 500 000", "invalid"],
    ["12 50 000", "invalid"],
    ["12 500 000 000 nguồn NSTW 15/11/2026", "invalid"],
    ["12 500 000 000 15/11/2026", "invalid"],
    ["12 500 000 000 123/QĐ-UBND", "invalid"],
    // a round amount and then a bare number (a decision number, a count): two numbers, not one (issue #21)
    ["12 500 000 000 123", "ambiguous"],
    ["12 000 500", "ambiguous"],
    ["-12 500 000 000 123", "ambiguous"],
    ["12 500 000 000 123 hộ", "ambiguous"],
  ])("%j → %s", (input, reason) => {
    expect(parseAmount(input)).toEqual(err(reason));
  });
});

describe("formatNumberVi", () => {
  it.each<[number | bigint, string]>([
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1.000"],
    [1_234_567, "1.234.567"],
    [-1_234_567, "-1.234.567"],
    [100_000n, "100.000"],
    [12_500_000_000n, "12.500.000.000"],
    [-999n, "-999"],
    [123_456_789_123_456_789n, "123.456.789.123.456.789"],
  ])("%s → %j", (n, expected) => {
    expect(formatNumberVi(n)).toBe(expected);
  });

  it("rejects non-integers instead of guessing", () => {
    expect(() => formatNumberVi(1.5)).toThrow(RangeError);
    expect(() => formatNumberVi(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatVnd", () => {
  it.each<[bigint, string]>([
    [12_500_000_000n, "12.500.000.000 đ"],
    [750_000n, "750.000 đ"],
    [0n, "0 đ"],
    [999n, "999 đ"],
    [-5_000n, "-5.000 đ"],
  ])("%s → %j", (vnd, expected) => {
    expect(formatVnd(vnd)).toBe(expected);
  });
});

describe("formatBillions", () => {
  it.each<[bigint, number, string]>([
    [12_500_000_000n, 1, "12,5"],
    [45_000_000_000n, 1, "45,0"],
    [12_349_999_999n, 1, "12,3"],
    [12_350_000_000n, 1, "12,4"],
    [1_730_000_000_000n, 1, "1.730,0"],
    [0n, 1, "0,0"],
    [49_999_999n, 1, "0,0"],
    [50_000_000n, 1, "0,1"],
    [999_950_000n, 1, "1,0"],
    [12_345_678_901n, 2, "12,35"],
    [12_344_999_999n, 2, "12,34"],
    [12_500_000_000n, 0, "13"],
    [12_499_999_999n, 0, "12"],
    [1_234_567_890_123n, 3, "1.234,568"],
    [1n, 9, "0,000000001"],
    [1n, 11, "0,00000000100"],
    [-12_500_000_000n, 1, "-12,5"],
    [-12_350_000_000n, 1, "-12,4"],
    [-12_349_999_999n, 1, "-12,3"],
    [-1n, 1, "0,0"],
  ])("(%s, %d) → %j", (vnd, decimals, expected) => {
    expect(formatBillions(vnd, decimals)).toBe(expected);
  });

  it("defaults to one decimal", () => {
    expect(formatBillions(12_500_000_000n)).toBe("12,5");
  });

  it("rejects invalid decimals", () => {
    expect(() => formatBillions(1n, -1)).toThrow(RangeError);
    expect(() => formatBillions(1n, 1.5)).toThrow(RangeError);
  });
});

describe("formatAmountShort", () => {
  it.each<[bigint, string]>([
    [12_500_000_000n, "12,5 tỷ"],
    [45_000_000_000n, "45,0 tỷ"],
    [1_000_000_000n, "1,0 tỷ"],
    [1_730_000_000_000n, "1.730,0 tỷ"],
    [999_960_000n, "1,0 tỷ"],
    [999_940_000n, "999,9 triệu"],
    [850_000_000n, "850 triệu"],
    [850_500_000n, "850,5 triệu"],
    [850_040_000n, "850 triệu"],
    [850_050_000n, "850,1 triệu"],
    [1_000_000n, "1 triệu"],
    [12_500_000n, "12,5 triệu"],
    [999_999n, "999.999 đ"],
    [750_000n, "750.000 đ"],
    [0n, "0 đ"],
    [-12_500_000_000n, "-12,5 tỷ"],
    [-850_000_000n, "-850 triệu"],
    [-750_000n, "-750.000 đ"],
  ])("%s → %j", (vnd, expected) => {
    expect(formatAmountShort(vnd)).toBe(expected);
  });
});

describe("rateBp", () => {
  it.each<[bigint, bigint, number | null]>([
    [2_730_000_000n, 10_000_000_000n, 2730],
    [1n, 3n, 3333],
    [2n, 3n, 6667],
    [1n, 20_000n, 1],
    [1n, 20_001n, 0],
    [12_345n, 100_000_000n, 1],
    [5n, 100_000n, 1],
    [4n, 100_000n, 0],
    [0n, 5n, 0],
    [5n, 5n, 10_000],
    [15n, 10n, 15_000],
    [-1n, 3n, -3333],
    [-5n, 100_000n, -1],
    [1_730_000_000_000n, 3_000_000_000_000n, 5767],
    [5n, 0n, null],
    [5n, -10n, null],
    [0n, 0n, null],
  ])("(%s, %s) → %s", (part, whole, expected) => {
    expect(rateBp(part, whole)).toBe(expected);
  });
});

describe("formatPercentBp", () => {
  it.each<[number, number, string]>([
    [2730, 1, "27,3%"],
    [5274, 2, "52,74%"],
    [10_000, 1, "100,0%"],
    [2735, 1, "27,4%"],
    [2734, 1, "27,3%"],
    [2745, 1, "27,5%"],
    [0, 1, "0,0%"],
    [4, 1, "0,0%"],
    [5, 1, "0,1%"],
    [2750, 0, "28%"],
    [2749, 0, "27%"],
    [2730, 3, "27,300%"],
    [123_400, 1, "1.234,0%"],
    [-320, 1, "-3,2%"],
    [-325, 1, "-3,3%"],
    [-4, 1, "0,0%"],
  ])("(%d, %d) → %j", (bp, decimals, expected) => {
    expect(formatPercentBp(bp, decimals)).toBe(expected);
  });

  it("defaults to one decimal", () => {
    expect(formatPercentBp(2730)).toBe("27,3%");
  });

  it("rejects non-integer basis points", () => {
    expect(() => formatPercentBp(27.3)).toThrow(RangeError);
  });
});

describe("formatPoints", () => {
  it.each<[number, string]>([
    [3270, "32,7"],
    [0, "0,0"],
    [10_000, "100,0"],
    [3275, "32,8"],
    [-320, "-3,2"],
    [5, "0,1"],
  ])("%d → %j", (bp, expected) => {
    expect(formatPoints(bp)).toBe(expected);
  });
});

describe("english: the same figures for an English reader", () => {
  it.each([
    [english.vnd(12_500_000_000n), "12,500,000,000 VND"],
    [english.billions(1_730_000_000_000n), "1,730.0"],
    [english.billions(12_345_000_000n, 2), "12.35"],
    [english.billionsTrim(85_500_000_000n), "85.5"],
    [english.billionsTrim(5_000_000_000n), "5"],
    [english.amountShort(12_500_000_000n), "12.5 bn VND"],
    [english.amountShort(850_500_000n), "850.5 million VND"],
    [english.amountShort(750_000n), "750,000 VND"],
    [english.amountShort(-1_250_000_000_000n), "-1,250.0 bn VND"],
    [english.percentBp(5274, 2), "52.74%"],
    [english.percentBp(2730), "27.3%"],
    [english.percentBp(10000, 0), "100%"],
    [english.points(3270), "32.7"],
  ])("%s", (got, want) => {
    expect(got).toBe(want);
  });
});

describe("round trip", () => {
  it.each([["12,5 tỷ"], ["850 triệu"], ["1.730,0 tỷ"], ["750.000 đ"]])("parses the formatted %j back", (text) => {
    const parsed = parseAmount(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(formatAmountShort(parsed.vnd)).toBe(text);
  });
});

describe("amounts with space-separated thousands in command arguments", () => {
  it("/khongdat and /dieuchuyen take the whole grouped amount, and the words after it stay apart", async () => {
    const { argWords, leadingAmount, splitAmount, splitQualifiers } =
      await import("../../src/features/disbursement/arguments.ts");
    expect(leadingAmount(argWords("12 500 000 000 không giải ngân được do vướng mặt bằng"))).toEqual({
      vnd: 12_500_000_000n,
      rest: ["không", "giải", "ngân", "được", "do", "vướng", "mặt", "bằng"],
    });
    expect(leadingAmount(argWords("2 000 000 000 123/QĐ-UBND"))).toEqual({
      vnd: 2_000_000_000n,
      rest: ["123/QĐ-UBND"],
    });
    // a bare three-digit number after a round amount stays apart: a count opening the reason, a decision number
    expect(leadingAmount(argWords("2 500 000 000 150 hộ chưa bàn giao mặt bằng"))).toEqual({
      vnd: 2_500_000_000n,
      rest: ["150", "hộ", "chưa", "bàn", "giao", "mặt", "bằng"],
    });
    expect(leadingAmount(argWords("12 500 000 000 123"))).toEqual({ vnd: 12_500_000_000n, rest: ["123"] });
    expect(leadingAmount(argWords("12 534 217 123 vướng mặt bằng"))).toEqual({
      vnd: 12_534_217_123n,
      rest: ["vướng", "mặt", "bằng"],
    });
    // a check-in answer: one amount, or one per source with its word before or after it (ADR 016)
    const { readAnswer } = await import("../../src/features/disbursement/arguments.ts");
    expect(readAnswer("Dạ 35,5 tỷ ạ")).toEqual([{ qualifier: null, amountText: "35,5 tỷ" }]);
    expect(readAnswer("30 tỷ vốn TW; 5 tỷ vốn ĐP")).toEqual([
      { qualifier: "TW", amountText: "30 tỷ" },
      { qualifier: "ĐP", amountText: "5 tỷ" },
    ]);
    expect(readAnswer("TW/SN 3,5 tỷ và TW/ĐTPT 20 tỷ")).toEqual([
      { qualifier: "TW/SN", amountText: "3,5 tỷ" },
      { qualifier: "TW/ĐTPT", amountText: "20 tỷ" },
    ]);
    expect(readAnswer("dạ em gửi sau ạ")).toBeNull();
    expect(() => readAnswer("TW 30 tỷ, 5 tỷ")).toThrow();
    // /report: the date and the part of the plan come off the end, the amount is the rest
    const { words, q } = splitQualifiers(argWords("NTM 12 500 000 000 TW 15/11/2026"), "2026-11-24");
    expect(q).toMatchObject({ source: "CENTRAL", asOf: "2026-11-15" });
    const { head, amountText } = splitAmount(words);
    expect(head).toEqual(["NTM"]);
    expect(parseAmount(amountText)).toEqual(ok(12_500_000_000n));
  });
});
