// Which replies to a reminder complete the task: only an affirmative report. Questions, negations,
// promises and parts never do, with or without diacritics, in any case (issue #21).
import { describe, expect, it } from "vitest";
import { parseCompletion } from "../../src/domain/reply-parser.ts";

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
    "xong roi a",
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
    "đã nộp",
    "cảm ơn",
  ])("%j → not done", (reply) => {
    expect(parseCompletion(reply)).toBeNull();
  });
});
