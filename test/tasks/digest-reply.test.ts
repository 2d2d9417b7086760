// The numbered reply to a digest (ADR 009): the number picks the item, the completion parser decides "done".
import { describe, expect, it } from "vitest";
import { readDigestReply } from "../../src/features/tasks/digest-reply.ts";

describe("readDigestReply", () => {
  it.each([
    ["xong 2", { position: 2, note: "" }],
    ["2 xong", { position: 2, note: "" }],
    ["2. Dạ em xong rồi ạ", { position: 2, note: "" }],
    ["xong số 2, đã nộp", { position: 2, note: "đã nộp" }],
    ["Xong 3 đã gửi báo cáo", { position: 3, note: "đã gửi báo cáo" }],
    ["xong 2.", { position: 2, note: "" }],
    ["Dạ em xong rồi ạ", { position: null, note: "" }],
    ["✅ 2", { position: 2, note: "" }],
    ["Dạ xong 2 ạ", { position: 2, note: "" }],
    ["xong việc 3 rồi", { position: 3, note: "" }],
    ["xong 2, đã gửi báo cáo ạ", { position: 2, note: "đã gửi báo cáo ạ" }],
  ])("%s → %o", (text, expected) => {
    expect(readDigestReply(text)).toEqual(expected);
  });

  it.each(["chưa xong 2", "xong 2?", "xong chưa 2", "sắp xong 2", "2", "mai xong 2", "ok", "ok 2"])(
    "%s → nothing",
    (text) => {
      expect(readDigestReply(text)).toBeNull();
    },
  );
});
