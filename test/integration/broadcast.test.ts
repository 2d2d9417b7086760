// /thongbao end to end: audience buttons, preview, confirmation, delivery through the outbox, progress
// and the delivery report, through the real bot and the Bot API emulator.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const secretariatGroup = group(DEMO.groups.secretariat);
const secretary = user(DEMO.secretariat);
type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const buttons = (m: { reply_markup?: unknown }) => (m.reply_markup as Keyboard).inline_keyboard.flat();

describeOnSqlite("broadcast", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  it("asks the audience, previews, sends on ✅ and reports delivered, blocked and never-started by name", async () => {
    const [ask, ...more] = await h.say(secretary, secretariatGroup, "/thongbao Họp giao ban <b>8h</b> & báo cáo");
    expect(more).toHaveLength(0);
    expect(ask!.chat_id).toBe(secretariatGroup.id);
    expect(ask!.text).toContain("Họp giao ban &lt;b&gt;8h&lt;/b&gt; &amp; báo cáo");
    const labels = buttons(ask!).map((b) => b.text);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Nhóm của tất cả đơn vị",
        "Chủ tịch UBND các đơn vị",
        "Cán bộ phụ trách",
        "Ủy viên BTV theo dõi địa bàn",
      ]),
    );
    const responsible = buttons(ask!).find((b) => b.text === "Cán bộ phụ trách")!;

    const [preview] = await h.press(secretary, secretariatGroup, ask!.message_id, responsible.callback_data);
    expect(preview!.edited).toBe(true);
    // An and Sơn have a private chat with the bot; Bình never started one
    expect(preview!.text).toContain("<b>2</b> nơi nhận; 1 đồng chí chưa bắt đầu trò chuyện với bot");
    expect(buttons(preview!).map((b) => b.text)).toEqual(["✅ Gửi", "✖ Hủy"]);
    expect(await h.db.db.outboxMessage.count({ where: { kind: "broadcast" } })).toBe(0);

    h.emulator.injectFault({ kind: "403" }, { chatId: DEMO.bacTraMyOfficial.id, times: 5 });
    await h.press(secretary, secretariatGroup, ask!.message_id, buttons(preview!)[0]!.callback_data);
    const b = await h.db.db.broadcast.findFirstOrThrow();
    expect(["CONFIRMED", "DONE"]).toContain(b.status);
    expect(b.total).toBe(2);

    const sent = await h.emulator.waitFor((s) => s.some((m) => m.text.includes("Kết quả gửi thông báo")));
    const toAn = sent.filter((m) => m.chat_id === DEMO.official.id && !m.edited);
    expect(toAn.map((m) => m.text)).toEqual(["Họp giao ban &lt;b&gt;8h&lt;/b&gt; &amp; báo cáo"]);
    expect(sent.filter((m) => m.chat_id === DEMO.official2.id)).toHaveLength(0);
    const calls = h.emulator.calls.filter(
      (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === DEMO.bacTraMyOfficial.id,
    );
    expect(calls.map((c) => c.errorCode)).toEqual([403]);
    const progress = sent
      .filter((m) => m.edited && m.message_id === ask!.message_id && m.chat_id === secretariatGroup.id)
      .at(-1);
    expect(progress!.text).toBe("📤 Đang gửi thông báo: đã gửi 1/2.");
    const report = sent.find((m) => m.text.includes("Kết quả gửi thông báo"))!;
    expect(report.chat_id).toBe(secretariatGroup.id);
    expect(report.text).toContain("đã gửi 1/3");
    expect(report.text).toContain("không liên lạc được (1): Hồ Văn Sơn");
    expect(report.text).toContain("Chưa bắt đầu trò chuyện với bot (1): Trần Văn Bình");
    expect((await h.db.db.broadcast.findFirstOrThrow()).status).toBe("DONE");
    // pressing ✅ again sends nothing more
    const before = h.emulator.sent.filter((m) => !m.edited).length;
    await h.press(secretary, secretariatGroup, ask!.message_id, buttons(preview!)[0]!.callback_data);
    await h.app.dispatcher.drain();
    expect(h.emulator.sent.filter((m) => !m.edited).length).toBe(before);
  });

  it("an official away today: his stand-in gets it once, saying for whom, even when in the audience himself", async () => {
    // Bình has opened a private chat; An is away today and names Bình, who is a responsible official too
    await h.db.db.official.updateMany({
      where: { telegramUserId: DEMO.official2.id },
      data: { privateChatAt: at(7, 0) },
    });
    const [recorded] = await h.say(
      user(DEMO.official),
      privateChat(DEMO.official),
      "/vangmat 24/11 24/11 Bình | nghỉ phép",
    );
    expect(recorded!.text).toContain(
      "tin nhắc việc, báo cáo và thông báo gửi đồng chí Nguyễn Văn An được chuyển cho đồng chí Trần Văn Bình",
    );

    const [ask] = await h.say(secretary, secretariatGroup, "/thongbao Nộp báo cáo giải ngân trước 16h");
    const responsible = buttons(ask!).find((b) => b.text === "Cán bộ phụ trách")!;
    const [preview] = await h.press(secretary, secretariatGroup, ask!.message_id, responsible.callback_data);
    expect(preview!.text).toContain("<b>2</b> nơi nhận");
    expect(preview!.text).not.toContain("chưa bắt đầu");
    await h.press(secretary, secretariatGroup, ask!.message_id, buttons(preview!)[0]!.callback_data);
    await h.emulator.waitFor((s) => s.some((m) => m.text.includes("Kết quả gửi thông báo")));
    const to = (id: number) => h.emulator.sent.filter((m) => m.chat_id === id && !m.edited).map((m) => m.text);
    expect(to(DEMO.official2.id).filter((t) => t.includes("Nộp báo cáo"))).toEqual([
      "Đồng chí Nguyễn Văn An vắng mặt đến 24/11 (nghỉ phép); đề nghị đồng chí Trần Văn Bình theo dõi, xử lý thay.\n" +
        "Nộp báo cáo giải ngân trước 16h",
    ]);
    expect(to(DEMO.official.id).filter((t) => t.includes("Nộp báo cáo"))).toEqual([]);
    expect(to(DEMO.bacTraMyOfficial.id).filter((t) => t.includes("Nộp báo cáo"))).toEqual([
      "Nộp báo cáo giải ngân trước 16h",
    ]);
    expect((await h.db.db.broadcast.findFirstOrThrow()).total).toBe(2);
  });

  it("schedules '/broadcast at dd/mm/yyyy hh:mm' and sends only from then on", async () => {
    const chat = privateChat(DEMO.secretariat);
    const [ask] = await h.say(secretary, chat, "/broadcast at 25/11/2026 08:00 Lịch làm việc tuần");
    const chairmen = buttons(ask!).find((b) => b.text === "Chủ tịch UBND các đơn vị")!;
    const [preview] = await h.press(secretary, chat, ask!.message_id, chairmen.callback_data);
    expect(preview!.text).toContain("Hẹn gửi lúc 25/11/2026 08:00");
    const [confirmed] = await h.press(secretary, chat, ask!.message_id, buttons(preview!)[0]!.callback_data);
    expect(confirmed!.text).toBe("⏳ Đã hẹn gửi lúc 25/11/2026 08:00 tới 2 nơi nhận.");
    await h.app.dispatcher.drain();
    const chairmanIds: number[] = [DEMO.chairman.id, DEMO.bacTraMyChairman.id];
    expect(h.emulator.sent.filter((m) => chairmanIds.includes(m.chat_id))).toHaveLength(0);
    h.clock.set(at(8, 0, "2026-11-25"));
    await h.app.dispatcher.drain();
    const got = await h.emulator.waitFor((s) => s.filter((m) => chairmanIds.includes(m.chat_id)).length === 2);
    expect(
      got
        .filter((m) => chairmanIds.includes(m.chat_id))
        .map((m) => [m.chat_id, m.text])
        .sort(),
    ).toEqual(chairmanIds.map((id) => [id, "Lịch làm việc tuần"]).sort());
  });

  it("schedules with «lúc» as with «at», the time as 8h00 and before the date too (issue #18)", async () => {
    const chat = privateChat(DEMO.secretariat);
    const chairmenOf = (m: Parameters<typeof buttons>[0]) =>
      buttons(m).find((b) => b.text === "Chủ tịch UBND các đơn vị")!;
    for (const typed of [
      "/thongbao lúc 25/11/2026 8h00 Lịch làm việc tuần",
      "/ThongBao Lúc 8g00 ngày 25/11/2026 Lịch làm việc tuần",
      "/thongbao luc 25/11/2026 lúc 08:00 Lịch làm việc tuần",
    ]) {
      const [ask] = await h.say(secretary, chat, typed);
      expect(ask!.text).toContain("\nLịch làm việc tuần\n");
      const [preview] = await h.press(secretary, chat, ask!.message_id, chairmenOf(ask!).callback_data);
      expect(preview!.text).toContain("Hẹn gửi lúc 25/11/2026 08:00");
    }
  });

  it("refuses officials without the secretariat role, and unit groups", async () => {
    const [r1] = await h.say(user(DEMO.chairman), privateChat(DEMO.chairman), "/thongbao xin chào");
    expect(r1!.text).toContain("Đồng chí không dùng được lệnh này");
    const [r2] = await h.say(secretary, group(DEMO.groups.namTraMy), "/thongbao xin chào");
    expect(r2!.text).toBe("Lệnh này chỉ dùng trong nhóm Văn phòng điều phối hoặc trò chuyện riêng với bot.");
    expect(await h.db.db.broadcast.count()).toBe(0);
  });
});
