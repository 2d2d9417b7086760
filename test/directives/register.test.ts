// The directive register end to end, through the real telegraf stack and the emulator: the secretariat
// sends a conclusion's items as a file in its group (preview, only the sender's ✅ writes), each item
// becomes one task per unit (announced to the unit), the official is reminded and answers «xong», and the
// secretariat reads the progress in the four categories in /ketluan, /status and the export.
import ExcelJS from "exceljs";
import { HEADER, xlsx } from "./support.ts";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, startHarness, user, type Harness, mentionInGroup } from "../support/harness.ts";

const HEAD = ["Kết luận", "12-KL/TU", "14/08/2023", "Ban Thường vụ Tỉnh ủy", "Về tiến độ 03 Chương trình MTQG"];
const NONE = ["", "", "", "", ""];

const secretariatGroup = group(DEMO.groups.secretariat);
const namTraMy = group(DEMO.groups.namTraMy);
const bacTraMy = group(DEMO.groups.bacTraMy);
const secretariat = user(DEMO.secretariat);
const secretariatEn = user(DEMO.secretariatEn, "en");
const official = user(DEMO.official);
const chairman = user(DEMO.chairman);

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

describeOnSqlite("the directive register", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  async function sendFile(from: EmulatorUser, chat: EmulatorChat, filename: string, bytes: Uint8Array) {
    const before = h.emulator.sent.length;
    // privacy mode: in a group the file reaches the bot with @the_bot in its caption
    h.emulator.userSendsDocument({ from, chat, filename, bytes, ...mentionInGroup(chat) });
    await h.emulator.waitIdle();
    return h.emulator.sent.slice(before);
  }
  const directiveTasks = () =>
    h.db.db.task.findMany({
      where: { directiveItemId: { not: null } },
      include: { unit: true, responsible: true, directiveItem: true },
      orderBy: { id: "asc" },
    });

  it("file → preview → the sender's ✅ → tasks announced → reminder → «xong» → /ketluan, /status and the export count it", async () => {
    const bytes = await xlsx([
      HEADER,
      [...HEAD, "1", "Đẩy nhanh tiến độ giải ngân vốn", "Nam Trà My", "Nguyễn Văn An", "26/11/2026"],
      [...NONE, "1", "", "Bắc Trà My", "", "30/11/2026"],
      [...NONE, "2", "Bí thư làm việc với UBND ít nhất 01 lần/tháng", "Nam Trà My", "", "15/12/2026"],
    ]);
    const [preview, ...more] = await sendFile(secretariat, secretariatGroup, "ket-luan.xlsx", bytes);
    expect(more).toEqual([]);
    expect(preview!.text).toBe(
      [
        "📄 <b>Tệp danh mục «ket-luan.xlsx»</b>: Kết luận số 12-KL/TU ngày 14/08/2023 của Ban Thường vụ Tỉnh ủy.",
        "Trích yếu: Về tiến độ 03 Chương trình MTQG",
        "Sẽ thêm 2 mục, giao 3 việc:",
        "• Mục 1: Đẩy nhanh tiến độ giải ngân vốn → Nam Trà My, Bắc Trà My",
        "• Mục 2: Bí thư làm việc với UBND ít nhất 01 lần/tháng → Nam Trà My",
        "Đề nghị đồng chí bấm «✅ Áp dụng» để ghi và giao việc, hoặc «✖ Hủy» để bỏ. Bản xem trước hết hạn lúc 10:00.",
      ].join("\n"),
    );
    const [ok] = (preview!.reply_markup as Keyboard).inline_keyboard[0]!.map((b) => b.callback_data);

    // another secretariat official cannot apply the file
    expect(await h.press(secretariatEn, secretariatGroup, preview!.message_id, ok!)).toEqual([]);
    expect(h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!.payload).toMatchObject({
      text: "Only the official who sent the file may apply or cancel it.",
      show_alert: true,
    });
    expect(await directiveTasks()).toEqual([]);

    const applied = await h.press(secretariat, secretariatGroup, preview!.message_id, ok!);
    expect(applied.filter((m) => m.chat_id === secretariatGroup.id).map((m) => m.text)).toContain(
      "✅ Đã ghi 2 mục, giao 3 việc. Tiến độ: /ketluan 1",
    );
    const tasks = await directiveTasks();
    expect(tasks.map((t) => [t.unit.name, t.responsible.fullName, t.directiveItem!.number, t.dueDate])).toEqual([
      ["Nam Trà My", "Nguyễn Văn An", "1", "2026-11-26"],
      // no official named: the unit's chairman answers for the item
      ["Bắc Trà My", "Võ Thị Hoa", "1", "2026-11-30"],
      ["Nam Trà My", "Hồ Văn Minh", "2", "2026-12-15"],
    ]);
    expect(tasks[0]!.docRef).toBe("12-KL/TU, mục 1");
    expect(await h.db.db.auditLog.count({ where: { action: "directive.upload" } })).toBe(3); // directive + 2 items
    expect(await h.db.db.auditLog.count({ where: { action: "task.directive" } })).toBe(3);

    // each unit's group is told of its task, like /giao
    await h.app.dispatcher.drain();
    const announced = (chat: EmulatorChat) =>
      h.emulator.sent.filter((m) => m.chat_id === chat.id && m.text.startsWith("📌 <b>Việc mới")).map((m) => m.text);
    expect(announced(namTraMy)).toHaveLength(2);
    expect(announced(bacTraMy)).toEqual([expect.stringContaining("Văn bản 12-KL/TU, mục 1")]);

    // the reminder two working days before, in the group; the official answers «xong» under it
    const reminders = (await h.deadlineCheck()).filter((m) => m.text.includes("Đẩy nhanh tiến độ giải ngân"));
    const groupReminder = reminders.find((m) => m.chat_id === namTraMy.id)!;
    expect(groupReminder.text).toContain("Văn bản 12-KL/TU, mục 1");
    // the group's digest (ADR 009) lists An's two tasks: a plain «xong» asks which; «xong <n>» picks the item
    const [which] = await h.say(official, namTraMy, "xong, đã gửi báo cáo", groupReminder.message_id);
    expect(which!.text).toBe("Đồng chí đã hoàn thành việc nào?");
    const n = /^(\d+)\. «Đẩy nhanh tiến độ giải ngân vốn» — Nam Trà My · Văn bản 12-KL\/TU, mục 1 ·/m.exec(
      groupReminder.text,
    )![1]!;
    const done = await h.say(official, namTraMy, `xong ${n}, đã gửi báo cáo`, groupReminder.message_id);
    expect(done[0]!.text).toContain(
      "✅ Đã ghi nhận: «Đẩy nhanh tiến độ giải ngân vốn» hoàn thành đúng hạn ngày 24/11/2026",
    );

    // the progress, item by item and unit by unit
    const [progress] = await h.say(secretariat, secretariatGroup, "/ketluan 1");
    const [a, b, c] = tasks.map((t) => t.id);
    expect(progress!.text).toBe(
      [
        "📑 <b>Kết luận số 12-KL/TU ngày 14/08/2023 của Ban Thường vụ Tỉnh ủy</b>",
        "Trích yếu: Về tiến độ 03 Chương trình MTQG",
        "Kết quả thực hiện đến ngày 24/11/2026: 1 hoàn thành đúng hạn · 0 hoàn thành quá hạn · 2 đang thực hiện trong hạn · 0 quá hạn chưa hoàn thành.",
        `<b>Mục 1</b> (2 đơn vị): ✅ Nam Trà My #${a}, 🔄 Bắc Trà My #${b}`,
        `<b>Mục 2</b> (1 đơn vị): 🔄 Nam Trà My #${c}`,
        "<b>Theo đơn vị</b>",
        "• Bắc Trà My: 0/1 việc hoàn thành",
        "• Nam Trà My: 1/2 việc hoàn thành",
        "✅ hoàn thành đúng hạn · ☑️ hoàn thành quá hạn · 🔄 đang thực hiện trong hạn · ⚠️ quá hạn chưa hoàn thành",
      ].join("\n"),
    );
    // /chitieu is the same command; with one directive, no number is needed
    expect((await h.say(secretariat, secretariatGroup, "/chitieu"))[0]!.text).toBe(progress!.text);

    // a week later: Bắc Trà My's task is overdue, in the secretariat's /status too
    h.clock.set(at(9, 0, "2026-12-02"));
    const [status] = await h.say(secretariat, secretariatGroup, "/status");
    expect(status!.text.split("\n").at(-1)).toBe(
      "📑 Kết luận số 12-KL/TU ngày 14/08/2023 của Ban Thường vụ Tỉnh ủy: 1/3 việc hoàn thành, 1 quá hạn chưa hoàn thành (/ketluan 1)",
    );
    // a chairman's /status of his unit has no such line; /ketluan is the secretariat's
    expect((await h.say(chairman, namTraMy, "/status"))[0]!.text).not.toContain("📑");
    expect((await h.say(chairman, namTraMy, "/ketluan"))[0]!.text).toContain("Văn phòng điều phối");

    // the export: items in the four categories, then one row per task
    const result = await h.app.services.exports.build("directives", { now: h.clock.now() });
    expect(result.sheets[0]!.columns.map((col) => col.header)).toEqual([
      "Văn bản",
      "Mục",
      "Nội dung",
      "Số đơn vị được giao",
      "Hoàn thành đúng hạn",
      "Hoàn thành quá hạn",
      "Đang thực hiện trong hạn",
      "Quá hạn chưa hoàn thành",
      "Chờ xác nhận",
      "Số minh chứng",
    ]);
    const ref = "Kết luận số 12-KL/TU ngày 14/08/2023 của Ban Thường vụ Tỉnh ủy";
    expect(result.sheets[0]!.rows).toEqual([
      [ref, "1", "Đẩy nhanh tiến độ giải ngân vốn", 2, 1, 0, 0, 1, 0, 0],
      [ref, "2", "Bí thư làm việc với UBND ít nhất 01 lần/tháng", 1, 0, 0, 1, 0, 0, 0],
    ]);
    expect(result.sheets[1]!.rows.map((r) => [r[2], r[6]])).toEqual([
      ["Nam Trà My", "hoàn thành đúng hạn"],
      ["Bắc Trà My", "quá hạn chưa hoàn thành"],
      ["Nam Trà My", "đang thực hiện trong hạn"],
    ]);
    const file = await h.app.services.exports.file(result, "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.rowCount)).toEqual([3, 4]);
  });

  it("a file with mistakes: every row's problem with its number, nothing written; a plan file still goes to the plans", async () => {
    const bytes = await xlsx([
      HEADER,
      [...HEAD, "1", "Đẩy nhanh giải ngân", "Nam Trà My", "Nguyễn Văn An", "31/02/2026"],
      ["Kết luận", "13-KL/TU", "", "", "", "2", "", "Huyện Không Có", "", "30/11/2026"],
      [...NONE, "1", "Nội dung khác", "Bắc Trà My", "", "01/12/2026"],
      [...NONE, "3", "Báo cáo", "Sở Tài chính", "", "01/12/2026"],
    ]);
    const [answer] = await sendFile(secretariat, secretariatGroup, "ket-luan.xlsx", bytes);
    expect(answer!.text.split("\n")).toEqual([
      "📄 Tệp «ket-luan.xlsx» có 6 lỗi, chưa ghi gì:",
      "• Dòng 3: «Số/ký hiệu» khác dòng 2 (một tệp chỉ ghi các mục của một văn bản).",
      "• Dòng 2: Hạn «31/02/2026» không phải ngày hợp lệ (dd/mm/yyyy).",
      "• Dòng 3: chưa ghi «Nội dung» của mục 2.",
      "• Dòng 3: Không tìm thấy đơn vị «Huyện Không Có». Đề nghị kiểm tra lại tên đơn vị.",
      "• Dòng 4: nội dung mục 1 khác dòng 2.",
      "• Dòng 5: đơn vị «Sở Tài chính» chưa có người đứng đầu trong danh sách; đề nghị ghi «Người phụ trách».",
      "Đề nghị sửa tệp rồi gửi lại.",
    ]);
    expect(answer!.reply_markup).toBeUndefined();
    expect(await directiveTasks()).toEqual([]);
    expect(await h.db.db.directive.count()).toBe(0);

    // a capital plan file is not a directive file: the plan upload answers it
    const plan = await xlsx([
      ["Đơn vị", "Chương trình", "Năm", "Nguồn (TW/ĐP)", "Loại (ĐTPT/SN)", "Số tiền"],
      ["Nam Trà My", "NTM", 2027, "TW", "ĐTPT", "12,5 tỷ"],
    ]);
    const [planPreview] = await sendFile(secretariat, secretariatGroup, "ke-hoach.xlsx", plan);
    expect(planPreview!.text).toContain("Tệp kế hoạch vốn «ke-hoach.xlsx»");
  });

  it("sent twice: the second ✅ is checked again and gives nothing twice", async () => {
    const bytes = await xlsx([HEADER, [...HEAD, "1", "Đẩy nhanh giải ngân", "Nam Trà My", "", "30/11/2026"]]);
    const first = (await sendFile(secretariat, secretariatGroup, "a.xlsx", bytes))[0]!;
    const second = (await sendFile(secretariatEn, secretariatGroup, "a.xlsx", bytes))[0]!;
    const okOf = (m: SentMessage) => (m.reply_markup as Keyboard).inline_keyboard[0]![0]!.callback_data;
    await h.press(secretariat, secretariatGroup, first.message_id, okOf(first));
    const again = await h.press(secretariatEn, secretariatGroup, second.message_id, okOf(second));
    expect(again.at(-1)!.text).toMatch(
      /^📄 «» has 1 errors; nothing was written:\n• Dòng 2: mục 1 đã giao cho Nam Trà My \(việc #\d+\)\./,
    );
    expect(await directiveTasks()).toHaveLength(1);
  });
});
