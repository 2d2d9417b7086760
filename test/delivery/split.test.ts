import { describe, expect, it } from "vitest";
import { splitMessage } from "../../src/platform/outbox/split.ts";

/** Every tag opened in a part is closed in that part, in order. */
function balanced(part: string): boolean {
  const stack: string[] = [];
  for (const m of part.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

describe("splitMessage", () => {
  it("leaves a short text alone", () => {
    expect(splitMessage("Kính gửi đồng chí <b>An</b>")).toEqual(["Kính gửi đồng chí <b>An</b>"]);
  });

  it("splits at line boundaries first", () => {
    const lines = Array.from({ length: 10 }, (_, i) => `Dòng số ${i} của thông báo`);
    const parts = splitMessage(lines.join("\n"), 60);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(60);
      for (const line of p.split("\n")) expect(lines).toContain(line);
    }
    expect(parts.join("\n")).toBe(lines.join("\n"));
  });

  it("splits a long line between words, then hard when a word is too long", () => {
    const words = Array.from({ length: 40 }, (_, i) => `tu${i}`).join(" ");
    const parts = splitMessage(words, 30);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(30);
      expect(p).toMatch(/^tu\d+( tu\d+)*$/);
    }
    expect(parts.join(" ")).toBe(words);
    const long = "x".repeat(100);
    const hard = splitMessage(long, 30);
    expect(hard.map((p) => p.length)).toEqual([30, 30, 30, 10]);
    expect(hard.join("")).toBe(long);
  });

  it("never cuts inside a tag or an entity, and closes and reopens open tags", () => {
    const text = `<b>${"Trà My &amp; Nam Giang ".repeat(20)}</b> <a href="https://example.org/x?a=1&amp;b=2">liên kết</a>`;
    for (const limit of [50, 57, 64, 100, 333]) {
      const parts = splitMessage(text, limit);
      for (const p of parts) {
        expect(p.length).toBeLessThanOrEqual(limit);
        expect(p).not.toMatch(/<[^>]*$/); // no tag cut at the end
        expect(p).not.toMatch(/^[^<]*>/); // nor at the start
        expect(p).not.toMatch(/&[a-z#0-9]*$/); // no entity cut
        expect(balanced(p)).toBe(true);
      }
      // no text lost (a word may be cut hard when a long tag leaves little room)
      const plain = parts
        .map((p) => p.replace(/<[^>]+>/g, ""))
        .join("")
        .replace(/\s+/g, "");
      expect(plain).toBe(text.replace(/<[^>]+>/g, "").replace(/\s+/g, ""));
    }
  });

  it("keeps every part within Telegram's 4096 by default and loses no text", () => {
    const line = "⚠️ Đồng chí Nguyễn Văn An — việc «Nộp báo cáo» quá hạn 3 ngày làm việc.";
    const text = Array.from({ length: 200 }, () => line).join("\n");
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join("\n")).toBe(text);
  });
});
