// Holidays and make-up working days from a file sent in the secretariat's group, through the real telegraf
// stack and the emulator and the one file flow: the preview of the days to add and to change (or the
// row-numbered errors), only the sender's ✅ writes, all days or none, each change audited with the sender as
// actor; the deadline calendar counts with the new days at once.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWorkCalendar } from "../../src/domain/calendar.ts";
import { isCalendarHeader } from "../../src/features/registry/calendar-file.ts";
import type { EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, startHarness, user, type Harness, mentionInGroup } from "../support/harness.ts";

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const office = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);
const secretariatEn = user(DEMO.secretariatEn, "en");
const chairman = user(DEMO.chairman);

async function xlsx(rows: (string | Date)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ngày nghỉ 2028");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(";")).join("\n"));

describeEachDatabase("holidays and make-up working days from a file in the secretariat's group", (provider) => {
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
  const buttons = (m: SentMessage) => (m.reply_markup as Keyboard).inline_keyboard[0]!.map((b) => b.callback_data);
  const days2028 = () =>
    h.db.db.calendarDay.findMany({
      where: { date: { gte: "2028-01-01" } },
      orderBy: { date: "asc" },
      select: { date: true, kind: true, name: true },
    });
  const calendar = async () => createWorkCalendar((await h.db.db.calendarDay.findMany()) as never);

  it("an XLSX file: preview, another's ✅ refused, the sender's ✅ writes every day, audited; the calendar counts them", async () => {
    const db = h.db.db;
    // a day already there (from /ngaynghi) that the file renames
    await h.say(secretariat, office, "/ngaynghi them 01/01/2028 Tết Dương lịch (dự kiến)");
    const audits = await db.auditLog.count();
    const file = await xlsx([
      ["Ngày", "Loại", "Tên"],
      ["01/01/2028", "Nghỉ", "Tết Dương lịch"],
      // a date cell, as Excel keeps a typed date: read as that day
      [new Date(Date.UTC(2028, 0, 24)), "nghỉ", "Tết Nguyên Đán"],
      ["25/01/2028", "Nghỉ", "Tết Nguyên Đán"],
      ["05/02/2028", "Làm bù", "Làm bù cho thứ Hai 31/01/2028"],
    ]);
    const [preview, ...more] = await sendFile(secretariat, office, "ngay-nghi-2028.xlsx", file);
    expect(more).toHaveLength(0);
    expect(preview!.text).toBe(
      [
        "📅 <b>Tệp ngày nghỉ, ngày làm việc bù «ngay-nghi-2028.xlsx»</b>: 4 dòng hợp lệ.",
        "Sẽ thêm 3, sửa 1; 0 ngày đã có, không đổi.",
        "<b>Thêm mới:</b>",
        "• 24/01/2028: nghỉ — Tết Nguyên Đán",
        "• 25/01/2028: nghỉ — Tết Nguyên Đán",
        "• 05/02/2028: làm việc bù — Làm bù cho thứ Hai 31/01/2028",
        "<b>Sửa:</b>",
        "• 01/01/2028: nghỉ — Tết Dương lịch (trước đây: nghỉ — Tết Dương lịch (dự kiến))",
        "Đề nghị đồng chí bấm «✅ Áp dụng» để ghi, hoặc «✖ Hủy» để bỏ. Bản xem trước hết hạn lúc 10:00.",
      ].join("\n"),
    );
    expect(await db.auditLog.count()).toBe(audits);
    expect(await db.calendarDay.count({ where: { date: { gte: "2028-01-02" } } })).toBe(0);
    const [ok] = buttons(preview!);

    // another secretariat official's ✅ is refused, nothing written
    await h.press(secretariatEn, office, preview!.message_id, ok!);
    expect(h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!.payload).toMatchObject({
      text: "Only the official who sent the file may apply or cancel it.",
      show_alert: true,
    });
    expect(await db.calendarDay.count({ where: { date: { gte: "2028-01-02" } } })).toBe(0);

    const sent = await h.press(secretariat, office, preview!.message_id, ok!);
    expect(sent.at(-1)!.text).toBe("✅ Đã cập nhật lịch làm việc: thêm 3, sửa 1 ngày, đã ghi nhật ký.");
    expect(await days2028()).toEqual([
      { date: "2028-01-01", kind: "HOLIDAY", name: "Tết Dương lịch" },
      { date: "2028-01-24", kind: "HOLIDAY", name: "Tết Nguyên Đán" },
      { date: "2028-01-25", kind: "HOLIDAY", name: "Tết Nguyên Đán" },
      { date: "2028-02-05", kind: "WORKDAY", name: "Làm bù cho thứ Hai 31/01/2028" },
    ]);
    const thu = await db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.secretariat.id) } });
    const entries = await db.auditLog.findMany({
      where: { entity: "CalendarDay", entityId: { startsWith: "2028" } },
      orderBy: { id: "asc" },
    });
    expect(entries.slice(1).map((e) => [e.action, e.entityId, e.actorId])).toEqual([
      ["calendarDay.update", "2028-01-01", thu.id],
      ["calendarDay.create", "2028-01-24", thu.id],
      ["calendarDay.create", "2028-01-25", thu.id],
      ["calendarDay.create", "2028-02-05", thu.id],
    ]);
    expect(JSON.parse(entries[1]!.before)).toMatchObject({ name: "Tết Dương lịch (dự kiến)" });
    expect(await db.pendingInput.count()).toBe(0);
    // the deadline calendar reads the table: Monday 24/01 is off, Saturday 05/02 is worked
    const c = await calendar();
    expect([c.isWorkingDay("2028-01-24"), c.isWorkingDay("2028-02-05")]).toEqual([false, true]);

    // the same file again changes nothing: said so, no buttons
    const [same] = await sendFile(secretariat, office, "ngay-nghi-2028.xlsx", file);
    expect(same!.text).toContain("Sẽ thêm 0, sửa 0; 4 ngày đã có, không đổi.");
    expect(same!.text).toContain("Tệp không có thay đổi nào so với lịch làm việc hiện có.");
    expect(same!.reply_markup).toBeUndefined();
  });

  it("bad rows: each named by its row, no buttons, nothing written; others' files and other groups not taken", async () => {
    const db = h.db.db;
    const before = await db.auditLog.count();
    const [errors, ...more] = await sendFile(
      secretariat,
      office,
      "ngay-nghi.csv",
      csv([
        ["Ngày", "Loại", "Tên"],
        ["01/01/2028", "Nghỉ", "Tết Dương lịch"],
        ["31/02/2028", "Nghỉ", "Sai ngày"],
        ["03/02/2028", "Làm bù", "Làm bù thứ Năm"],
        ["04/02/2028", "Nghỉ phép", "Không rõ loại"],
        ["01/01/2028", "Nghỉ", ""],
      ]),
    );
    expect(more).toHaveLength(0);
    expect(errors!.text).toBe(
      [
        "📄 Tệp «ngay-nghi.csv» có 4 lỗi, chưa ghi gì:",
        "• Dòng 3: ngày «31/02/2028» không hợp lệ (dd/mm/yyyy).",
        "• Dòng 4: 03/02/2028 là thứ Năm, vốn là ngày làm việc: «Làm bù» chỉ ghi cho thứ Bảy, Chủ nhật.",
        "• Dòng 5: loại «Nghỉ phép» không hiểu được: ghi «Nghỉ» hoặc «Làm bù».",
        "• Dòng 6: chưa ghi «Tên»; ngày 01/01/2028 trùng với dòng 2.",
        "Đề nghị sửa tệp rồi gửi lại.",
      ].join("\n"),
    );
    expect(errors!.reply_markup).toBeUndefined();
    expect(await db.pendingInput.count()).toBe(0);
    expect(await days2028()).toEqual([]);
    expect(await db.auditLog.count()).toBe(before);

    // a chairman's file in the secretariat's group, or the secretariat's in a unit's group: not taken
    const good = csv([
      ["Ngày", "Loại", "Tên"],
      ["01/01/2028", "Nghỉ", "Tết Dương lịch"],
    ]);
    expect(await sendFile(chairman, office, "ngay-nghi.csv", good)).toEqual([]);
    expect(await sendFile(secretariat, group(DEMO.groups.namTraMy), "ngay-nghi.csv", good)).toEqual([]);
    expect(await db.pendingInput.count()).toBe(0);

    // a CSV file applied; ✖ on a later one writes nothing
    const [preview] = await sendFile(secretariat, office, "ngay-nghi.csv", good);
    await h.press(secretariat, office, preview!.message_id, buttons(preview!)[0]!);
    expect(await days2028()).toEqual([{ date: "2028-01-01", kind: "HOLIDAY", name: "Tết Dương lịch" }]);
    const [next] = await sendFile(
      secretariat,
      office,
      "them.csv",
      csv([
        ["Ngày", "Loại", "Tên"],
        ["02/01/2028", "Nghỉ", "Nghỉ bù"],
      ]),
    );
    const cancelled = await h.press(secretariat, office, next!.message_id, buttons(next!)[1]!);
    expect(cancelled.at(-1)!.text).toBe("✖ Đã hủy, không ghi thay đổi nào.");
    expect(await days2028()).toHaveLength(1);
  });

  it("checked again on ✅: a day added meanwhile by /ngaynghi is updated, and the answer counts what was written", async () => {
    const file = csv([
      ["Ngày", "Loại", "Tên"],
      ["01/01/2028", "Nghỉ", "Tết Dương lịch"],
      ["08/01/2028", "Làm bù", "Làm bù"],
    ]);
    const [preview] = await sendFile(secretariat, office, "ngay-nghi.csv", file);
    expect(preview!.text).toContain("Sẽ thêm 2, sửa 0;");
    await h.say(secretariat, office, "/ngaynghi them 08/01/2028 lamviec Làm bù Tết");
    const sent = await h.press(secretariat, office, preview!.message_id, buttons(preview!)[0]!);
    // the file is written as it says, over the day set meanwhile (audited as an update)
    expect(sent.at(-1)!.text).toBe("✅ Đã cập nhật lịch làm việc: thêm 1, sửa 1 ngày, đã ghi nhật ký.");
    expect(await days2028()).toEqual([
      { date: "2028-01-01", kind: "HOLIDAY", name: "Tết Dương lịch" },
      { date: "2028-01-08", kind: "WORKDAY", name: "Làm bù" },
    ]);
  });
});

describe("a calendar file told apart from the other files by its header row", () => {
  it("«Ngày», «Loại», «Tên» (and STT, Thứ, Ghi chú) only", () => {
    expect(isCalendarHeader(["Ngày", "Loại", "Tên"])).toBe(true);
    expect(isCalendarHeader(["STT", "ngay (dd/mm/yyyy)", "loai", "Tên ngày", "Thứ", "Ghi chú", ""])).toBe(true);
    // a directive's file may name its issue date «Ngày» and its kind «Loại»; a unit sheet has «Loại»
    expect(isCalendarHeader(["Loại", "Số/ký hiệu", "Ngày", "Mục", "Nội dung", "Đơn vị thực hiện"])).toBe(false);
    expect(isCalendarHeader(["Mã đơn vị", "Tên đơn vị", "Loại"])).toBe(false);
    expect(isCalendarHeader(["Ngày", "Tên"])).toBe(false);
  });
});
