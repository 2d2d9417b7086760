// Unit tests for Vietnamese text folding, name matching and HTML escaping.

import { describe, expect, it } from "vitest";
import { escapeHtml, foldVietnamese, matchByName, type MatchResult } from "../../src/domain/text.ts";

describe("foldVietnamese", () => {
  it.each([
    ["Nam Trà My", "nam tra my"],
    ["Đông Giang", "dong giang"],
    ["đông giang", "dong giang"],
    ["ĐỒNG", "dong"],
    ["Xây dựng nông thôn mới", "xay dung nong thon moi"],
    ["  Bắc   Trà\tMy \n", "bac tra my"],
    ["Tây Giang\u00a0huyện", "tay giang huyen"],
    ["tỷ tỉ triệu nghìn ngàn", "ty ti trieu nghin ngan"],
    ["NGƯỜI ƯU TIÊN", "nguoi uu tien"],
    ["Phước Sơn", "phuoc son"],
    ["", ""],
    ["   ", ""],
    ["NTM", "ntm"],
    ["abc 123", "abc 123"],
  ])("%j → %j", (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it("treats precomposed and decomposed input the same", () => {
    const precomposed = "Trà My".normalize("NFC");
    const decomposed = "Trà My".normalize("NFD");
    expect(precomposed).not.toBe(decomposed);
    expect(foldVietnamese(precomposed)).toBe("tra my");
    expect(foldVietnamese(decomposed)).toBe("tra my");
  });
});

type Unit = { code: string; name: string };

const units: Unit[] = [
  { code: "NAM_TRA_MY", name: "Nam Trà My" },
  { code: "BAC_TRA_MY", name: "Bắc Trà My" },
  { code: "NAM_GIANG", name: "Nam Giang" },
  { code: "DONG_GIANG", name: "Đông Giang" },
];
const unitKeys = (u: Unit): string[] => [u.name, u.code];

type Programme = { code: string; name: string; aliases: string[] };

const programmes: Programme[] = [
  { code: "NTM", name: "Xây dựng nông thôn mới", aliases: ["nông thôn mới"] },
  { code: "GNBV", name: "Giảm nghèo bền vững", aliases: ["giảm nghèo"] },
  { code: "DTTS", name: "Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số", aliases: ["dân tộc thiểu số"] },
];
const programmeKeys = (p: Programme): string[] => [p.code, p.name, ...p.aliases];

/** Reduces a result to codes so expectations read clearly. */
function codes<T extends { code: string }>(result: MatchResult<T>): string | string[] | null {
  if (result.kind === "one") return result.item.code;
  if (result.kind === "many") return result.candidates.map((c) => c.code);
  return null;
}

describe("matchByName on units", () => {
  it.each([
    ["nam tra my", "NAM_TRA_MY"],
    ["Nam Trà My", "NAM_TRA_MY"],
    ["  NAM   TRÀ MY ", "NAM_TRA_MY"],
    ["bac tra my", "BAC_TRA_MY"],
    ["Bắc", "BAC_TRA_MY"],
    ["nam g", "NAM_GIANG"],
    ["dong", "DONG_GIANG"],
    ["Đông Giang", "DONG_GIANG"],
    ["nam_tra_my", "NAM_TRA_MY"],
    ["BAC_TRA_MY", "BAC_TRA_MY"],
  ])("%j → one %s", (query, code) => {
    expect(codes(matchByName(query, units, unitKeys))).toBe(code);
  });

  it.each([
    ["Trà My", ["NAM_TRA_MY", "BAC_TRA_MY"]],
    ["tra my", ["NAM_TRA_MY", "BAC_TRA_MY"]],
    ["nam", ["NAM_TRA_MY", "NAM_GIANG"]],
    ["Giang", ["NAM_GIANG", "DONG_GIANG"]],
    ["my", ["NAM_TRA_MY", "BAC_TRA_MY"]],
  ])("%j → many %j (never guesses)", (query, expected) => {
    expect(codes(matchByName(query, units, unitKeys))).toEqual(expected);
  });

  it.each([[""], ["   "], ["Hội An"], ["tra m"], ["giang nam"], ["xnam"]])("%j → none", (query) => {
    expect(matchByName(query, units, unitKeys)).toEqual({ kind: "none" });
  });

  it("returns the item itself", () => {
    const result = matchByName("nam tra my", units, unitKeys);
    expect(result).toEqual({ kind: "one", item: units[0] });
    expect(result.kind === "one" && result.item).toBe(units[0]);
  });

  it("returns none for an empty list", () => {
    expect(matchByName("nam", [], unitKeys)).toEqual({ kind: "none" });
  });
});

describe("matchByName levels", () => {
  it("prefers an exact match over prefix matches", () => {
    const items: Unit[] = [
      { code: "A", name: "Nam" },
      { code: "B", name: "Nam Giang" },
      { code: "C", name: "Nam Trà My" },
    ];
    expect(codes(matchByName("nam", items, (u) => [u.name]))).toBe("A");
  });

  it("prefers a prefix match over a whole-word match", () => {
    const items: Unit[] = [
      { code: "A", name: "Giang Nam" },
      { code: "B", name: "Nam Giang" },
    ];
    expect(codes(matchByName("giang", items, (u) => [u.name]))).toBe("A");
  });

  it("reports every exact match when several items match exactly", () => {
    const items: Unit[] = [
      { code: "A", name: "Trà My" },
      { code: "B", name: "Tra My" },
      { code: "C", name: "Trà My mới" },
    ];
    expect(codes(matchByName("tra my", items, (u) => [u.name]))).toEqual(["A", "B"]);
  });

  it("counts an item once even when several of its keys match", () => {
    const items: Unit[] = [{ code: "A", name: "Nam Giang" }];
    expect(codes(matchByName("nam giang", items, (u) => [u.name, "Nam Giang", "NAM GIANG"]))).toBe("A");
  });

  it("ignores empty keys", () => {
    const items: Unit[] = [
      { code: "A", name: "" },
      { code: "B", name: "Nam Giang" },
    ];
    expect(codes(matchByName("giang", items, (u) => [u.name, "  "]))).toBe("B");
  });

  it("keeps the input order of candidates", () => {
    const items: Unit[] = [
      { code: "Z", name: "Nam Z" },
      { code: "A", name: "Nam A" },
      { code: "M", name: "Nam M" },
    ];
    expect(codes(matchByName("nam", items, (u) => [u.name]))).toEqual(["Z", "A", "M"]);
  });
});

describe("matchByName on programmes", () => {
  it.each([
    ["NTM", "NTM"],
    ["ntm", "NTM"],
    ["nong thon moi", "NTM"],
    ["Nông thôn mới", "NTM"],
    ["xay dung nong thon moi", "NTM"],
    ["xây dựng", "NTM"],
    ["giảm nghèo", "GNBV"],
    ["giam ngheo ben vung", "GNBV"],
    ["dân tộc", "DTTS"],
    ["vung dong bao", "DTTS"],
    ["dtts", "DTTS"],
  ])("%j → one %s", (query, code) => {
    expect(codes(matchByName(query, programmes, programmeKeys))).toBe(code);
  });

  it.each([["ngheo nong thon"], ["chương trình"], ["N T M"]])("%j → none", (query) => {
    expect(matchByName(query, programmes, programmeKeys)).toEqual({ kind: "none" });
  });
});

describe("escapeHtml", () => {
  it.each([
    ["Nguyễn Văn A", "Nguyễn Văn A"],
    ["a & b", "a &amp; b"],
    ["<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"],
    ['say "hi"', "say &quot;hi&quot;"],
    ["&amp;", "&amp;amp;"],
    ['5 < 6 > 4 & "q"', "5 &lt; 6 &gt; 4 &amp; &quot;q&quot;"],
    ["it's", "it's"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
