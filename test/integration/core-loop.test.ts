// The core loop through the real telegraf stack, a real database and the Bot API emulator:
// /status → deadline check → reminder → "xong" → /status, plus the edges.
import { afterEach, beforeEach, expect, it } from "vitest";
import { catalogue } from "../../src/i18n/index.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const bacTraMy = group(DEMO.groups.bacTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);

describeEachDatabase("core loop", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers /status in a unit's group with one line per programme", async () => {
    const [reply, ...more] = await h.say(chairman, namTraMy, "/status");
    expect(more).toHaveLength(0);
    expect(reply?.chat_id).toBe(namTraMy.id);
    const lines = reply!.text.split("\n");
    expect(lines[0]).toContain("Nam Trà My");
    expect(lines[0]).toContain("24/11/2026");
    // three lines per programme: the figure and its date, the pace, the tasks
    const heads = lines.filter((l) => !l.startsWith(" ")).slice(1);
    expect(heads.map((l) => l.replace(/<[^>]+>/g, "").split(":")[0])).toEqual(["🔴 NTM", "🔴 GNBV", "🔴 DTTS"]);
    // 25,2 of 92,3 billion: 27,3 % against 90 % expected on 24/11 (between 75 % at 30/9 and 100 % at 31/12)
    expect(lines[1]).toContain("25,2/92,3 tỷ đồng (27,3%)");
    expect(lines[2]).toContain("chậm 62,7 điểm");
    expect(lines[3]).toContain("1 việc đang mở");
    expect(lines[6]).toContain("1 việc đang mở, 1 quá hạn");
  });

  it("answers a bare /status in a unit group, in private and with the unit named with the same figures", async () => {
    const [inGroup] = await h.say(chairman, namTraMy, "/status");
    const unitId = (await h.db.db.chat.findUniqueOrThrow({ where: { telegramChatId: BigInt(namTraMy.id) } })).unitId!;
    const view = await h.app.services.status.unitStatus(unitId, h.clock.now());
    expect(inGroup!.text).toBe(catalogue("vi").status.unit(view));
    const [inPrivate] = await h.say(chairman, privateChat(DEMO.chairman), "/status");
    expect(inPrivate!.text).toBe(inGroup!.text);
    const [named] = await h.say(chairman, namTraMy, "/status Nam Trà My");
    expect(named!.text).toBe(inGroup!.text);
  });

  it("answers a command addressed to it (any case of its name) or by alias, and leaves others' commands alone", async () => {
    const firstLine = async (text: string) => (await h.say(chairman, namTraMy, text)).map((m) => m.text.split("\n")[0]);
    expect(await firstLine("/status@DonDoc_Test_Bot")).toEqual([expect.stringContaining("Nam Trà My")]);
    expect(await firstLine("/tinhhinh")).toEqual([expect.stringContaining("Nam Trà My")]);
    expect(await firstLine("/status@another_bot")).toEqual([]);
    // names are matched in any case (issue #18): people type them, menus are not always at hand
    for (const typed of ["/Status", "/STATUS", "/TinhHinh", "/TINHHINH@DONDOC_TEST_BOT"])
      expect(await firstLine(typed)).toEqual([expect.stringContaining("Nam Trà My")]);
    expect(await firstLine("/unknown@dondoc_test_bot")).toEqual([expect.stringContaining("/unknown")]);
  });

  it("posts each rung of the ladder to exactly the right chats, once", async () => {
    h.clock.set(at(8, 0));
    const sent = await h.deadlineCheck();
    const to = (fragment: string) =>
      sent
        .filter((m) => m.text.includes(fragment))
        .map((m) => m.chat_id)
        .sort((a, b) => a - b);
    // 2 working days before: the official in private and his unit's group
    expect(to("Nộp báo cáo tiến độ giải ngân")).toEqual([namTraMy.id, DEMO.official.id].sort((a, b) => a - b));
    // 1 working day overdue: the group and the chairman (the responsible official never opened a private chat)
    expect(to("Hoàn thiện hồ sơ điều chỉnh")).toEqual([namTraMy.id, DEMO.chairman.id].sort((a, b) => a - b));
    // 3 working days overdue, first seen today: the official, the group, the supervisor and the
    // secretariat, and the chairman, whose rung (overdue by 1) never fired — each once (issue #21)
    expect(to("nước sinh hoạt")).toEqual(
      [secretariatGroup.id, bacTraMy.id, DEMO.supervisor.id, DEMO.bacTraMyOfficial.id, DEMO.bacTraMyChairman.id].sort(
        (a, b) => a - b,
      ),
    );
    const toChairman = sent.find((m) => m.chat_id === DEMO.bacTraMyChairman.id)!;
    expect(toChairman.text.split("\n")[0]).toBe(
      "🚨 <b>Quá hạn 3 ngày làm việc</b> — đã báo cáo đồng chí Chủ tịch UBND, đồng chí Bí thư cấp ủy Bắc Trà My, đồng chí Ủy viên Ban Thường vụ theo dõi địa bàn và Văn phòng điều phối",
    );
    // due in 10 working days: nothing yet
    expect(to("Phê duyệt danh mục")).toEqual([]);
    // one message per chat (ADR 009): the Nam Trà My group gets its two tasks in one digest, the overdue one first
    expect(sent).toHaveLength(8);
    expect(new Set(sent.map((m) => m.chat_id)).size).toBe(sent.length);
    const digest = sent.find((m) => m.chat_id === namTraMy.id)!.text;
    expect(digest.indexOf("1. «Hoàn thiện hồ sơ điều chỉnh")).toBeGreaterThan(0);
    expect(digest.indexOf("1. «Hoàn thiện")).toBeLessThan(digest.indexOf("2. «Nộp báo cáo tiến độ giải ngân"));

    // a second tick, and a restart, send nothing twice
    h.clock.set(at(8, 15));
    expect(await h.deadlineCheck()).toHaveLength(0);
    await h.restart();
    expect(await h.deadlineCheck()).toHaveLength(0);
  });

  it("after an outage, sends each missed rung once, one message per recipient, and records every key (issue #21)", async () => {
    // the heads-up goes out on 24/11 (due 26/11); then no check runs until Wednesday 2/12
    h.clock.set(at(8, 0));
    const first = await h.deadlineCheck();
    const title = "Nộp báo cáo tiến độ giải ngân";
    expect(
      first
        .filter((m) => m.text.includes(title))
        .map((m) => m.chat_id)
        .sort((a, b) => a - b),
    ).toEqual([namTraMy.id, DEMO.official.id].sort((a, b) => a - b));
    h.clock.set(at(8, 0, "2026-12-02"));
    const after = (await h.deadlineCheck()).filter((m) => m.text.includes(title));
    // the due-date and chairman rungs (26/11, 27/11) were missed, the leaders' rung (1/12) is current:
    // everyone on any of them hears it once — the official and the group are on all three
    expect(after.map((m) => m.chat_id).sort((a, b) => a - b)).toEqual(
      [
        namTraMy.id,
        DEMO.official.id,
        DEMO.chairman.id,
        DEMO.partySecretary.id,
        DEMO.supervisor.id,
        secretariatGroup.id,
      ].sort((a, b) => a - b),
    );
    expect(after.find((m) => m.chat_id === DEMO.chairman.id)!.text.split("\n")[0]).toBe(
      "🚨 <b>Quá hạn 4 ngày làm việc</b> — đã báo cáo đồng chí Chủ tịch UBND, đồng chí Bí thư cấp ủy Nam Trà My, đồng chí Ủy viên Ban Thường vụ theo dõi địa bàn và Văn phòng điều phối",
    );
    const task = await h.db.db.task.findFirstOrThrow({ where: { title: { startsWith: title } } });
    const keys = await h.db.db.reminder.findMany({
      where: { key: { startsWith: `task:${task.id}:` } },
      orderBy: { key: "asc" },
    });
    expect(keys.map((k) => [k.key, k.taskId])).toEqual([
      [`task:${task.id}:before`, task.id],
      [`task:${task.id}:due`, null], // sent within the overdue3 message: one reminder, not three
      [`task:${task.id}:overdue1`, null],
      [`task:${task.id}:overdue3`, task.id],
    ]);
    // nothing repeats: another tick, a restart
    h.clock.set(at(9, 0, "2026-12-02"));
    expect((await h.deadlineCheck()).filter((m) => m.text.includes(title))).toEqual([]);
    await h.restart();
    expect((await h.deadlineCheck()).filter((m) => m.text.includes(title))).toEqual([]);
    // the chairman told this way hears that it is closed
    const reminder = after.find((m) => m.chat_id === namTraMy.id)!;
    await h.say(official, namTraMy, "xong", reminder.message_id);
    await h.app.dispatcher.drain();
    expect(
      h.emulator.sent.some((m) => m.chat_id === DEMO.chairman.id && m.text.includes("đã hoàn thành ngày 02/12/2026")),
    ).toBe(true);
  });

  it("escalates to no one whose role has ended, or who has left", async () => {
    const chairman = await h.db.db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.chairman.id) } });
    await h.db.db.roleAssignment.updateMany({ where: { officialId: chairman.id }, data: { validTo: at(7, 0) } });
    await h.db.db.official.update({ where: { telegramUserId: BigInt(DEMO.supervisor.id) }, data: { active: false } });
    h.clock.set(at(8, 0));
    const sent = await h.deadlineCheck();
    const to = (fragment: string) =>
      sent
        .filter((m) => m.text.includes(fragment))
        .map((m) => m.chat_id)
        .sort((a, b) => a - b);
    expect(to("Hoàn thiện hồ sơ điều chỉnh")).toEqual([namTraMy.id]);
    expect(to("nước sinh hoạt")).toEqual(
      [secretariatGroup.id, bacTraMy.id, DEMO.bacTraMyOfficial.id, DEMO.bacTraMyChairman.id].sort((a, b) => a - b),
    );
  });

  it("sends nothing outside office hours and catches up when the office opens", async () => {
    h.clock.set(at(6, 0));
    expect(await h.deadlineCheck()).toHaveLength(0);
    h.clock.set(at(7, 30));
    expect(await h.deadlineCheck()).toHaveLength(8);
  });

  it("records 'xong' replied to a reminder, confirms it, and /status shows it", async () => {
    h.clock.set(at(8, 0));
    const sent = await h.deadlineCheck();
    const reminder = sent.find((m) => m.chat_id === namTraMy.id && m.text.includes("Nộp báo cáo"))!;
    h.clock.set(at(8, 30));
    const [confirm] = await h.say(official, namTraMy, "xong, đã nộp báo cáo", reminder.message_id);
    expect(confirm?.text).toBe(
      "✅ Đã ghi nhận: «Nộp báo cáo tiến độ giải ngân tháng» hoàn thành đúng hạn ngày 24/11/2026 — đã nộp báo cáo.",
    );
    const task = await h.db.db.task.findFirstOrThrow({ where: { title: { startsWith: "Nộp báo cáo" } } });
    expect(task.status).toBe("DONE");
    expect(task.completionNote).toBe("đã nộp báo cáo");
    expect(task.completedAt?.toISOString()).toBe(at(8, 30).toISOString());
    const [status] = await h.say(chairman, namTraMy, "/status");
    expect(status?.text).toContain(
      "✅ Hôm nay đã hoàn thành: Nộp báo cáo tiến độ giải ngân tháng (đồng chí Nguyễn Văn An)",
    );
    expect(status?.text.split("\n")[3]).toContain("không có việc tồn");
    // the completed task gets no more reminders
    h.clock.set(at(8, 0, "2026-11-26"));
    const later = await h.deadlineCheck();
    expect(later.filter((m) => m.text.includes("Nộp báo cáo tiến độ"))).toHaveLength(0);
  });

  it("leaves the task open when the chairman asks «Xong chưa em?» under the reminder (issue #21)", async () => {
    h.clock.set(at(8, 0));
    const sent = await h.deadlineCheck();
    const reminder = sent.find((m) => m.chat_id === namTraMy.id && m.text.includes("Nộp báo cáo"))!;
    h.clock.set(at(8, 30));
    for (const question of ["Xong chưa em?", "xong chưa", "Đã xong chưa ạ"]) {
      const replies = await h.say(chairman, namTraMy, question, reminder.message_id);
      expect(replies.filter((m) => m.text.includes("Đã ghi nhận"))).toEqual([]);
    }
    const task = await h.db.db.task.findFirstOrThrow({ where: { title: { startsWith: "Nộp báo cáo" } } });
    expect(task.status).toBe("OPEN");
    expect(task.completedAt).toBeNull();
    const [tasks] = await h.say(chairman, namTraMy, "/tasks");
    expect(tasks?.text).toContain("Nộp báo cáo tiến độ giải ngân tháng");
    // the official's answer still closes it
    const [confirm] = await h.say(official, namTraMy, "Dạ em xong rồi ạ", reminder.message_id);
    expect(confirm?.text).toBe(
      "✅ Đã ghi nhận: «Nộp báo cáo tiến độ giải ngân tháng» hoàn thành đúng hạn ngày 24/11/2026.",
    );
  });

  it("records the ✅ button and tells those escalated to that the task is closed", async () => {
    h.clock.set(at(8, 0));
    const sent = await h.deadlineCheck();
    const reminder = sent.find((m) => m.chat_id === bacTraMy.id)!;
    const button = (reminder.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard[0]![0]!;
    expect(button.callback_data).toMatch(/^done:\d+$/);
    const replies = await h.press(user(DEMO.bacTraMyOfficial), bacTraMy, reminder.message_id, button.callback_data);
    const confirm = replies.find((m) => !m.edited && m.text.startsWith("✅ Đã ghi nhận"));
    expect(confirm?.chat_id).toBe(bacTraMy.id);
    expect(confirm?.text).toContain("hoàn thành quá hạn ngày 24/11/2026 (hạn 19/11/2026)");
    // the button is taken away from the reminder
    expect(replies.some((m) => m.edited && m.message_id === reminder.message_id && !m.reply_markup)).toBe(true);
    await h.app.dispatcher.drain();
    const notices = h.emulator.sent.filter((m) => m.text.includes("đã hoàn thành ngày 24/11/2026"));
    expect(notices.map((m) => m.chat_id).sort((a, b) => a - b)).toEqual(
      [secretariatGroup.id, DEMO.supervisor.id, DEMO.bacTraMyOfficial.id, DEMO.bacTraMyChairman.id].sort(
        (a, b) => a - b,
      ),
    );
    expect(h.emulator.calls.some((c) => c.method === "answerCallbackQuery" && c.ok)).toBe(true);
  });

  it("handles the same update delivered twice once", async () => {
    h.clock.set(at(8, 0));
    const sent = await h.deadlineCheck();
    const reminder = sent.find((m) => m.chat_id === namTraMy.id && m.text.includes("Nộp báo cáo"))!;
    const { update_id } = h.emulator.userSends({
      from: official,
      chat: namTraMy,
      text: "xong",
      replyTo: reminder.message_id,
    });
    await h.emulator.waitIdle();
    const update = {
      update_id,
      message: {
        message_id: 999,
        date: 0,
        chat: namTraMy,
        from: official,
        text: "xong",
        reply_to_message: {
          message_id: reminder.message_id,
          date: 0,
          chat: namTraMy,
          from: h.emulator.botUser,
          text: reminder.text,
        },
      },
    };
    const auditBefore = await h.db.db.auditLog.count();
    const before = h.emulator.sent.length;
    await h.app.bot.handleUpdate(update as never);
    expect(await h.db.db.auditLog.count()).toBe(auditBefore);
    expect(h.emulator.sent.length).toBe(before);
  });

  it("answers bad input with one clear line and writes nothing", async () => {
    const auditBefore = await h.db.db.auditLog.count();
    const one = async (from: ReturnType<typeof user>, chat: typeof namTraMy, text: string, replyTo?: number) => {
      const replies = await h.say(from, chat, text, replyTo);
      expect(replies).toHaveLength(1);
      return replies[0]!.text;
    };
    expect(await one(chairman, privateChat(DEMO.chairman), "/khongco")).toBe(
      "Không có lệnh /khongco. Gõ /help để xem các lệnh.",
    );
    expect(await one(chairman, namTraMy, "/status huyện xyz")).toContain("Không tìm thấy đơn vị «huyện xyz»");
    expect(await one(chairman, namTraMy, "/status trà my")).toContain("trùng với nhiều đơn vị: Nam Trà My, Bắc Trà My");
    expect(await one(chairman, namTraMy, "/status nam tra my")).toContain("Nam Trà My");
    const stranger = { id: 555, first_name: "Khách" };
    expect(await one(stranger, privateChat({ id: 555, name: "Khách" }), "/status")).toContain(
      "chưa có trong danh sách cán bộ",
    );
    expect(await one(stranger, privateChat({ id: 555, name: "Khách" }), "/start")).toContain("đường dẫn kích hoạt");
    // a reply to a message that is not a reminder
    const [statusMsg] = await h.say(chairman, namTraMy, "/status");
    expect(await one(official, namTraMy, "xong", statusMsg!.message_id)).toContain("không phải tin nhắc việc");
    // an unbound group
    const other = { id: -1007777, type: "supergroup" as const, title: "Nhóm khác" };
    expect(await one(chairman, other, "/status")).toContain("chưa được gắn với đơn vị");
    expect(await h.db.db.auditLog.count()).toBe(auditBefore);
    expect(await h.db.db.task.count({ where: { status: "DONE" } })).toBe(0);
  });

  it("replies in English to an English-speaking official and lists role-aware help", async () => {
    const [status] = await h.say(user(DEMO.secretariatEn, "en"), privateChat(DEMO.secretariatEn), "/status");
    expect(status?.text.split("\n")[0]).toContain(
      "<b>Province</b> · 2026 capital plan · figures cumulative to 17/11/2026",
    );
    expect(status?.text.split("\n")[1]).toMatch(/^1\. 🔴 Nam Trà My · 26\.0% \(64\.0 points behind\)/);
    const [help] = await h.say(official, privateChat(DEMO.official), "/help");
    expect(help?.text).toContain("/status");
    expect(help?.text).not.toContain("/bind");
    expect(help?.text).not.toContain("(.xlsx, .csv)");
    const [secHelp] = await h.say(user(DEMO.secretariat), secretariatGroup, "/help");
    expect(secHelp?.text).toContain("/bind");
    // privacy mode: the secretariat is told how a file reaches the bot
    expect(secHelp?.text).toContain(
      "gửi cho bot trong tin nhắn riêng, hoặc trong nhóm Văn phòng điều phối kèm @dondoc_test_bot ở phần chú thích",
    );
  });
});
