// Which replies to a reminder complete the task: only an affirmative report. Questions, negations,
// promises and parts never do, with or without diacritics, in any case (issues #21, #18). The note is
// what else was said. The wide corpus is test/tasks/reply-corpus.ts.
import { describe, expect, it } from "vitest";
import { readAnswer, readReply } from "../../src/domain/reply-parser.ts";

const parseCompletion = (text: string) => {
  const r = readReply(text);
  return r.kind === "DONE" ? { note: r.note } : null;
};

describe("parseCompletion: done", () => {
  it.each<[string, string]>([
    ["xong", ""],
    ["Xong", ""],
    ["XONG", ""],
    ["xong.", ""],
    ["xong!", ""],
    ["đã xong", ""],
    ["Đã xong", ""],
    ["da xong", ""],
    ["xong rồi", ""],
    ["xong roi", ""],
    ["Xong rồi ạ", ""],
    ["Dạ em xong rồi ạ", ""],
    ["dạ, xong rồi", ""],
    ["Vâng, đã hoàn thành", ""],
    ["ok xong", ""],
    ["hoàn thành", ""],
    ["Hoàn thành rồi", ""],
    ["hoan thanh", ""],
    ["đã hoàn thành", ""],
    ["ĐÃ HOÀN THÀNH", ""],
    ["Báo cáo đồng chí, đã hoàn thành", ""],
    ["done", ""],
    ["Done, submitted", "submitted"],
    ["xong, đã nộp báo cáo", "đã nộp báo cáo"],
    ["xong - đã gửi Sở Tài chính", "đã gửi Sở Tài chính"],
    ["Xong: văn bản số 123/UBND", "văn bản số 123/UBND"],
    ["xong rồi, đã trình ký", "đã trình ký"],
    ["đã xong, không có vướng mắc", "không có vướng mắc"],
    ["Đã hoàn thành trước hạn", "trước hạn"],
    ["xong rồi nhé", ""],
  ])("%j → done (note %j)", (reply, note) => {
    expect(parseCompletion(reply)).toEqual({ note });
  });
});

describe("parseCompletion: not done", () => {
  it.each<string>([
    // questions
    "Xong chưa em?",
    "Xong chưa em",
    "xong chưa?",
    "xong chưa",
    "xong chua",
    "XONG CHƯA",
    "đã xong chưa ạ",
    "Đã xong chưa ạ?",
    "da xong chua a",
    "xong không?",
    "xong không em",
    "xong ko",
    "xong k",
    "xong hả",
    "xong rồi à",
    "xong rồi chứ",
    "Hoàn thành chưa đồng chí",
    "hoàn thành chưa vậy anh",
    "đã hoàn thành chưa?",
    "done?",
    "xong, đã nộp báo cáo chưa",
    "Em xong chưa",
    // negations
    "chưa xong",
    "chua xong",
    "Chưa xong ạ",
    "không xong",
    "ko xong",
    "k xong",
    "em chưa xong",
    "chưa hoàn thành",
    "xong phần 1, phần 2 chưa xong",
    // promises and parts
    "sắp xong",
    "sap xong",
    "mai xong",
    "ngày mai xong",
    "gần xong rồi",
    "đang làm",
    "đang hoàn thành hồ sơ",
    "sẽ xong trong tuần",
    "xong mai",
    "xong tuần sau",
    "xong một phần",
    "xong 80%",
    // not a report at all
    "",
    "ok",
    "cảm ơn",
  ])("%j → not done", (reply) => {
    expect(parseCompletion(reply)).toBeNull();
  });
});

describe("readReply: the rest", () => {
  it("reads a bare «a» as «ạ» only after a courteous opening; otherwise asks", () => {
    expect(readReply("Da em xong roi a").kind).toBe("DONE");
    expect(readReply("xong roi a").kind).toBe("ASK");
    expect(readReply("xong rồi à").kind).toBe("NOT");
  });

  it("reads /xong and ✅ as done, with their note", () => {
    expect(readReply("/xong")).toEqual({ kind: "DONE", note: "" });
    expect(readReply("/xong@dondoc_bot đã nộp báo cáo")).toEqual({ kind: "DONE", note: "đã nộp báo cáo" });
    expect(readReply("✅")).toEqual({ kind: "DONE", note: "" });
    expect(readReply("Đã nộp BC số 123/BC-UBND ạ")).toEqual({ kind: "DONE", note: "Đã nộp BC số 123/BC-UBND ạ" });
  });

  it("leaves an unsure word alone when the message was not addressed to the bot", () => {
    for (const t of ["ok", "vâng", "👍", "rồi", "Đã làm"]) {
      expect(readReply(t, { addressed: true }).kind).toBe("ASK");
      expect(readReply(t, { addressed: false }).kind).toBe("NOT");
    }
    expect(readReply("xong", { addressed: false }).kind).toBe("DONE");
    expect(readReply("Chắc xong rồi", { addressed: false }).kind).toBe("ASK");
  });
});

describe("readAnswer: the answer to «Đồng chí đã hoàn thành … chưa?»", () => {
  it.each<[string, "YES" | "NO" | "UNSURE"]>([
    ["có", "YES"],
    ["Dạ có ạ", "YES"],
    ["rồi", "YES"],
    ["Rồi anh ạ", "YES"],
    ["đã", "YES"],
    ["xong rồi", "YES"],
    ["yes", "YES"],
    ["chưa", "NO"],
    ["Chưa ạ", "NO"],
    ["không", "NO"],
    ["ko", "NO"],
    ["chưa xong", "NO"],
    ["ok", "UNSURE"],
    ["vâng", "UNSURE"],
    ["👍", "UNSURE"],
    ["để em xem lại", "UNSURE"],
    ["có chưa nhỉ?", "UNSURE"],
  ])("%j → %s", (text, expected) => {
    expect(readAnswer(text)).toBe(expected);
  });
});
