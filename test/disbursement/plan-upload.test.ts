// Capital plans sent to the bot as a file, through the emulator: the secretariat sends an .xlsx/.csv in its
// chat, gets a preview (or the row errors) under ✅ Áp dụng / ✖ Hủy, and only the sender's ✅ writes.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { formatAmountShort } from "../../src/domain/money-format.ts";
import type { EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, mentionInGroup, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const HEADER = [
  "Đơn vị",
  "Chương trình",
  "Năm",
  "Nguồn (TW/ĐP)",
  "Loại (ĐTPT/SN)",
  "Số tiền",
  "Số quyết định",
  "Ngày quyết định",
];
const secretariatGroup = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);
const secretariatEn = user(DEMO.secretariatEn, "en");
const official = user(DEMO.official);

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

describeOnSqlite("capital plans sent as a file", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  async function sendFile(
    from: EmulatorUser,
    chat: EmulatorChat,
    filename: string,
    bytes: Uint8Array,
  ): Promise<SentMessage[]> {
    const before = h.emulator.sent.length;
    // privacy mode: in a group the file reaches the bot with @the_bot in its caption
    h.emulator.userSendsDocument({ from, chat, filename, bytes, ...mentionInGroup(chat) });
    await h.emulator.waitIdle();
    return h.emulator.sent.slice(before);
  }
  const plans = () =>
    h.db.db.capitalPlan.findMany({
      orderBy: { id: "asc" },
      select: { id: true, amountVnd: true, decisionNo: true, year: true },
    });
  const ids = async () => {
    const unit = await h.db.db.unit.findFirstOrThrow({ where: { name: "Nam Trà My" } });
    const ntm = await h.db.db.programme.findFirstOrThrow({ where: { code: "NTM" } });
    const gnbv = await h.db.db.programme.findFirstOrThrow({ where: { code: "GNBV" } });
    return { unit, ntm, gnbv };
  };

  it("an XLSX: preview of new and changed plans; another official cannot apply; the sender's ✅ writes all rows", async () => {
    const { unit, ntm, gnbv } = await ids();
    const current = await h.db.db.capitalPlan.findFirstOrThrow({
      where: { unitId: unit.id, programmeId: ntm.id, source: "CENTRAL", kind: "INVESTMENT" },
    });
    const same = await h.db.db.capitalPlan.findFirstOrThrow({
      where: { unitId: unit.id, programmeId: gnbv.id, source: "CENTRAL", kind: "INVESTMENT" },
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Kế hoạch vốn");
    ws.addRow(HEADER);
    ws.addRow(["Nam Trà My", "NTM", 2027, "TW", "ĐTPT", "12,5 tỷ", "15/QĐ-UBND", "10/01/2027"]);
    ws.addRow(["Nam Trà My", "NTM", current.year, "TW", "ĐTPT", "99 tỷ", current.decisionNo, ""]);
    ws.addRow([
      "Nam Trà My",
      "GNBV",
      same.year,
      "TW",
      "ĐTPT",
      `${same.amountVnd} đồng`,
      same.decisionNo,
      same.decisionDate ? same.decisionDate.split("-").reverse().join("/") : "",
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = await plans();

    const [preview, ...more] = await sendFile(secretariat, secretariatGroup, "ke-hoach-2027.xlsx", bytes);
    expect(more).toHaveLength(0);
    expect(preview!.chat_id).toBe(secretariatGroup.id);
    expect(preview!.text).toBe(
      [
        "📄 <b>Tệp kế hoạch vốn «ke-hoach-2027.xlsx»</b>: 3 dòng hợp lệ.",
        "Sẽ thêm 1 kế hoạch mới, sửa 1 kế hoạch, 1 kế hoạch không đổi.",
        `• Nam Trà My · NTM · ${current.year} · vốn TW ĐTPT: ${formatAmountShort(current.amountVnd).replace(/,0 tỷ$/, " tỷ")} đồng → 99 tỷ đồng`,
        "• Nam Trà My · NTM · 2027 · vốn TW ĐTPT: mới 12,5 tỷ đồng",
        "Đề nghị đồng chí bấm «✅ Áp dụng» để ghi, hoặc «✖ Hủy» để bỏ. Bản xem trước hết hạn lúc 10:00.",
      ].join("\n"),
    );
    const keyboard = preview!.reply_markup as Keyboard;
    expect(keyboard.inline_keyboard[0]!.map((b) => b.text)).toEqual(["✅ Áp dụng", "✖ Hủy"]);
    const [ok, cancel] = keyboard.inline_keyboard[0]!.map((b) => b.callback_data);
    expect(await plans()).toEqual(before);

    // another secretariat official presses ✅: refused, nothing written
    expect(await h.press(secretariatEn, secretariatGroup, preview!.message_id, ok!)).toEqual([]);
    const refusal = h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!;
    expect(refusal.payload).toMatchObject({
      text: "Only the official who sent the file may apply or cancel it.",
      show_alert: true,
    });
    expect(await plans()).toEqual(before);

    // the sender's ✅: one transaction, audited, the keyboard removed
    const sent = await h.press(secretariat, secretariatGroup, preview!.message_id, ok!);
    expect(sent.map((m) => m.method)).toEqual(["editMessageReplyMarkup", "sendMessage"]);
    expect(sent[1]!.text).toBe("✅ Đã áp dụng tệp kế hoạch vốn ngày 24/11/2026: 1 kế hoạch mới, 1 kế hoạch cập nhật.");
    const after = await plans();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((p) => p.id === current.id)!.amountVnd).toBe(99_000_000_000n);
    expect(after.find((p) => p.year === 2027)).toMatchObject({ amountVnd: 12_500_000_000n, decisionNo: "15/QĐ-UBND" });
    const thu = await h.db.db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.secretariat.id) } });
    expect(await h.db.db.auditLog.count({ where: { action: "capitalPlan.import", actorId: thu.id } })).toBe(2);
    expect(await h.db.db.pendingInput.count()).toBe(0);

    // pressing again (or the ✖ under it) finds nothing left to do
    expect(await h.press(secretariat, secretariatGroup, preview!.message_id, cancel!)).toEqual([]);
    expect(h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!.payload).toMatchObject({
      text: "Bản xem trước này đã hết hạn hoặc đã được xử lý. Đề nghị gửi lại tệp.",
    });
    expect(await plans()).toEqual(after);
  });

  it("a second file replaces the first preview: the first preview's ✅ applies nothing, the second's applies the second file", async () => {
    const csv = (lines: string[]) => new TextEncoder().encode([HEADER.join(","), ...lines].join("\n"));
    const before = await plans();
    const [first] = await sendFile(
      secretariat,
      secretariatGroup,
      "kh1.csv",
      csv(["Nam Trà My,NTM,2027,TW,ĐTPT,5 tỷ,,"]),
    );
    const [second] = await sendFile(
      secretariat,
      secretariatGroup,
      "kh2.csv",
      csv(["Nam Trà My,NTM,2027,TW,ĐTPT,7 tỷ,,"]),
    );
    const okOf = (m: SentMessage) => (m.reply_markup as Keyboard).inline_keyboard[0]![0]!.callback_data;
    expect(okOf(first!)).not.toBe(okOf(second!));

    // the first preview's ✅: told it is gone, its buttons removed, nothing written
    expect(
      (await h.press(secretariat, secretariatGroup, first!.message_id, okOf(first!))).map((m) => m.method),
    ).toEqual(["editMessageReplyMarkup"]);
    expect(h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!.payload).toMatchObject({
      text: "Bản xem trước này đã hết hạn hoặc đã được xử lý. Đề nghị gửi lại tệp.",
    });
    expect(await plans()).toEqual(before);

    const sent = await h.press(secretariat, secretariatGroup, second!.message_id, okOf(second!));
    expect(sent.at(-1)!.text).toContain("1 kế hoạch mới");
    expect((await plans()).find((p) => p.year === 2027)).toMatchObject({ amountVnd: 7_000_000_000n });
    expect(await h.db.db.pendingInput.count()).toBe(0);
  });

  it("a CSV: ✖ drops it, an expired preview cannot be applied, bad rows are named and nothing is kept", async () => {
    const csv = (lines: string[]) => new TextEncoder().encode([HEADER.join(","), ...lines].join("\n"));
    const before = await plans();

    // ✖ Hủy
    const [p1] = await sendFile(secretariat, secretariatGroup, "kh.csv", csv(["Nam Trà My,NTM,2027,TW,ĐTPT,5 tỷ,,"]));
    expect(p1!.text).toContain("Sẽ thêm 1 kế hoạch mới, sửa 0 kế hoạch, 0 kế hoạch không đổi.");
    const cancel = (p1!.reply_markup as Keyboard).inline_keyboard[0]![1]!.callback_data;
    const sent = await h.press(secretariat, secretariatGroup, p1!.message_id, cancel);
    expect(sent.at(-1)!.text).toBe("✖ Đã hủy, không ghi thay đổi nào.");
    expect(await plans()).toEqual(before);
    expect(await h.db.db.pendingInput.count()).toBe(0);

    // after an hour the preview has expired
    const [p2] = await sendFile(secretariat, secretariatGroup, "kh.csv", csv(["Nam Trà My,NTM,2027,TW,ĐTPT,5 tỷ,,"]));
    h.clock.set(at(10, 1));
    const ok = (p2!.reply_markup as Keyboard).inline_keyboard[0]![0]!.callback_data;
    await h.press(secretariat, secretariatGroup, p2!.message_id, ok);
    expect(await plans()).toEqual(before);

    // bad rows: every one named, no buttons, nothing kept
    await h.db.db.pendingInput.deleteMany();
    const [errors, ...more] = await sendFile(
      secretariat,
      secretariatGroup,
      "sai.csv",
      csv(["Nam Trà My,NTM,2027,TW,ĐTPT,5 tỷ,,", "Huyện XYZ,NTM,2027,TW,SN,1 tỷ,,", "Nam Trà My,NTM,27,XX,SN,1 tỷ,,"]),
    );
    expect(more).toHaveLength(0);
    expect(errors!.text).toBe(
      [
        "📄 Tệp «sai.csv» có 3 lỗi, chưa ghi gì:",
        "• Dòng 3: Đơn vị «Huyện XYZ» không có.",
        "• Dòng 4: Năm phải là năm 4 chữ số.",
        "• Dòng 4: Nguồn (TW/ĐP) phải là TW hoặc ĐP.",
        "Đề nghị sửa tệp rồi gửi lại.",
      ].join("\n"),
    );
    expect(errors!.reply_markup).toBeUndefined();
    expect(await h.db.db.pendingInput.count()).toBe(0);

    // not the secretariat, or not its chat: the file is not taken
    expect(await sendFile(official, secretariatGroup, "kh.csv", csv(["Nam Trà My,NTM,2027,TW,ĐTPT,5 tỷ,,"]))).toEqual(
      [],
    );
    expect(
      await sendFile(secretariat, group(DEMO.groups.namTraMy), "kh.csv", csv(["Nam Trà My,NTM,2027,TW,ĐTPT,5 tỷ,,"])),
    ).toEqual([]);
    expect(await h.db.db.pendingInput.count()).toBe(0);
    expect(await plans()).toEqual(before);
  });
  it("privacy mode: a file in the group without @the_bot never reaches it; sent in private, it is taken there", async () => {
    const csv = new TextEncoder().encode([HEADER.join(","), "Nam Trà My,NTM,2027,TW,ĐTPT,5 tỷ,,"].join("\n"));
    // what Telegram does with privacy mode on (the README asks to leave it on): the bot is not told
    expect(
      h.emulator.userSendsDocument({ from: secretariat, chat: secretariatGroup, filename: "kh.csv", bytes: csv })
        .delivered,
    ).toBe(false);

    // in the secretariat official's private chat with the bot every file reaches it: preview, his ✅ writes
    const me = privateChat(DEMO.secretariat);
    const [preview, ...more] = await sendFile(secretariat, me, "kh.csv", csv);
    expect(more).toHaveLength(0);
    expect(preview!.chat_id).toBe(DEMO.secretariat.id);
    // «typing…» while the file is checked, before the preview
    const calls = h.emulator.calls.filter((c) => Number(c.payload.chat_id) === DEMO.secretariat.id);
    const typing = calls.findIndex((c) => c.method === "sendChatAction" && c.payload.action === "typing");
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(typing).toBeLessThan(calls.findIndex((c) => c.method === "sendMessage"));
    expect(preview!.text).toContain("Sẽ thêm 1 kế hoạch mới");
    const ok = (preview!.reply_markup as Keyboard).inline_keyboard[0]![0]!.callback_data;
    expect((await h.press(secretariat, me, preview!.message_id, ok)).at(-1)!.text).toContain("1 kế hoạch mới");
    expect((await plans()).find((p) => p.year === 2027)).toMatchObject({ amountVnd: 5_000_000_000n });

    // another official's file in his private chat is not taken: nothing is written, no preview
    const before = await plans();
    const replies = await sendFile(official, privateChat(DEMO.official), "kh.csv", csv);
    expect(replies.filter((m) => m.reply_markup)).toHaveLength(0);
    expect(await plans()).toEqual(before);
    expect(await h.db.db.pendingInput.count()).toBe(0);
  });
});
