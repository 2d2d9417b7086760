// The corpus of real-style replies (reply-corpus.ts) against the one parser: no completion missed, none
// invented, every unsure one asked back (issue #18).
import { describe, expect, it } from "vitest";
import { readReply } from "../../src/domain/reply-parser.ts";
import { REPLY_CORPUS } from "./reply-corpus.ts";

describe("reply corpus", () => {
  it("holds at least 150 replies of each kind's share", () => {
    expect(REPLY_CORPUS.length).toBeGreaterThanOrEqual(150);
    for (const kind of ["DONE", "NOT", "ASK"])
      expect(REPLY_CORPUS.filter(([, k]) => k === kind).length).toBeGreaterThan(20);
    expect(new Set(REPLY_CORPUS.map(([t]) => t)).size).toBe(REPLY_CORPUS.length);
  });

  it.each(REPLY_CORPUS)("%j → %s", (text, expected) => {
    expect(readReply(text, { addressed: true }).kind).toBe(expected);
  });
});
