// "Xin gia hạn" end to end through the real telegraf stack and the emulator: the reminder's 📅 button, the
// date and reason typed after it, the request to the assigner (private) and the secretariat (group) with
// buttons, the decision and what the official and the unit's group read; the ladder follows the new date,
// the results keep the original one. Refusals: not the assigner, twice, a date not later, the command form.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { EmulatorChat } from "../../tools/emulator/bot-api-server.ts";
import { seedDirectiveDemo } from "../../src/platform/db/seed/demo.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DAY, DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const secretariatGroup = group(DEMO.groups.secretariat);
const namTraMy = group(DEMO.groups.namTraMy);
const secretariat = user(DEMO.secretariat);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const buttons = (m: { reply_markup?: unknown }) =>
  (m.reply_markup as Keyboard).inline_keyboard.flat().map((b) => [b.text, b.callback_data]);

describeOnSqlite("asking for more time", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(7, 40) });
    await seedDirectiveDemo(h.db.db, { today: DAY, now: h.clock.now() });
  });
  afterEach(async () => {
    await h.close();
  });

  /** what the bot answered in that chat (the outbox may deliver to others meanwhile) */
  const answer = async (from: ReturnType<typeof user>, chat: EmulatorChat, text: string) =>
    (await h.say(from, chat, text)).filter((m) => m.chat_id === chat.id);
  const answers = () => h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload);

  it("📅 under the reminder → date and reason → the assigner approves → new date for reminders, the original for results", async () => {
    // item 2 of the 2023 conclusion, Nam Trà My's chairman, due 01/12/2026: reminded two working days before
    const task = await h.db.db.task.findFirstOrThrow({
      where: { directiveItem: { number: "2" }, unit: { code: "NAM_TRA_MY" } },
    });
    expect(task.dueDate).toBe("2026-12-01");
    h.clock.set(at(8, 0, "2026-11-27"));
    const reminder = (await h.deadlineCheck()).find(
      (m) => m.chat_id === DEMO.chairman.id && m.text.includes(task.title.slice(0, 30)),
    )!;
    // the chairman has more than this task this morning: one digest (ADR 009), the item's row keeps 📅
    expect(reminder.text).toContain("Tổng hợp nhắc việc");
    const n = new RegExp(`^(\\d+)\\. «${task.title.slice(0, 30)}`, "m").exec(reminder.text)![1]!;
    expect(buttons(reminder)).toContainEqual([`📅 ${n}`, `ext:${task.id}`]);

    const me = privateChat(DEMO.chairman);
    const [prompt] = await h.press(chairman, me, reminder.message_id, `ext:${task.id}`);
    expect(prompt!.text).toContain(`📅 Xin gia hạn việc #${task.id}`);
    expect(prompt!.text).toContain("đề nghị đồng chí trả lời tin này bằng ngày đề nghị gia hạn và lý do");
    // not a date: asked again, nothing recorded
    expect((await answer(chairman, me, "mai em gửi"))[0]!.text).toContain("Cú pháp: /giahan");
    const [sent] = await answer(chairman, me, "10/12/2026 chờ thẩm định hồ sơ của Sở");
    expect(sent!.text).toBe(
      `📅 Đã gửi đề nghị gia hạn việc #${task.id} đến ngày 10/12/2026 tới đồng chí Trần Thị Thu và Văn phòng điều phối. Trong khi chờ, hạn vẫn là 01/12/2026.`,
    );
    await h.app.dispatcher.drain();
    const asks = h.emulator.sent.filter((m) => m.text.startsWith(`📅 <b>Đề nghị gia hạn việc #${task.id}`));
    expect(asks.map((m) => m.chat_id).sort()).toEqual([secretariatGroup.id, DEMO.secretariat.id].sort());
    const toThu = asks.find((m) => m.chat_id === DEMO.secretariat.id)!;
    expect(toThu.text.split("\n").slice(1)).toEqual([
      "Đơn vị: Nam Trà My · Hạn hiện tại: 01/12/2026 · Đề nghị gia hạn đến: 10/12/2026",
      "Lý do: chờ thẩm định hồ sơ của Sở",
      "Người đề nghị: đồng chí Hồ Văn Minh. Đề nghị đồng chí Trần Thị Thu hoặc Văn phòng điều phối xem xét, quyết định.",
    ]);
    const [approve] = buttons(toThu).map((b) => b[1]!);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } })).dueDate).toBe("2026-12-01");

    // the official himself cannot approve; the assigner can
    await h.press(official, privateChat(DEMO.official), toThu.message_id, approve!);
    expect(answers().at(-1)).toMatchObject({
      text: "Chỉ người giao việc hoặc Văn phòng điều phối được quyết định gia hạn.",
    });
    const decided = await h.press(secretariat, privateChat(DEMO.secretariat), toThu.message_id, approve!);
    expect(decided.map((m) => m.text)).toContain(`✅ Đã đồng ý gia hạn việc #${task.id} đến ngày 10/12/2026.`);
    await h.app.dispatcher.drain();
    const told = h.emulator.sent.filter((m) => m.text.startsWith("✅ Đồng chí Trần Thị Thu đã đồng ý gia hạn"));
    expect(told.map((m) => m.chat_id).sort()).toEqual([namTraMy.id, DEMO.chairman.id].sort());
    expect(told[0]!.text).toContain("Kết quả thực hiện vẫn được đánh giá theo hạn ban đầu 01/12/2026.");
    const after = await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect([after.dueDate, after.originalDueDate]).toEqual(["2026-12-10", "2026-12-01"]);
    expect(
      (await h.db.db.auditLog.findMany({ where: { entity: "Task", entityId: String(task.id) } })).map((a) => a.action),
    ).toEqual(["extension.request", "extension.approve"]);
    // the secretariat's copy is now moot: pressing it says so
    const inGroup = asks.find((m) => m.chat_id === secretariatGroup.id)!;
    await h.press(secretariat, secretariatGroup, inGroup.message_id, approve!);
    expect(answers().at(-1)).toMatchObject({ text: "Đề nghị gia hạn này đã được đồng ý." });

    // 02/12: past the original date, but not overdue for the reminders; reminded again before 10/12
    h.clock.set(at(8, 0, "2026-12-02"));
    expect((await h.deadlineCheck()).filter((m) => m.text.includes(task.title.slice(0, 30)))).toEqual([]);
    h.clock.set(at(8, 0, "2026-12-08"));
    const again = (await h.deadlineCheck()).filter((m) => m.text.includes(task.title.slice(0, 30)));
    expect(again.map((m) => m.chat_id).sort()).toEqual([namTraMy.id, DEMO.chairman.id].sort());
    // his own reminder alone; the group's digest (with another task due that day) lists it with the new date
    expect(again.find((m) => m.chat_id === DEMO.chairman.id)!.text).toContain("Hạn: 10/12/2026");
    const groupReminder = again.find((m) => m.chat_id === namTraMy.id)!;
    expect(groupReminder.text).toMatch(/\d\. «Cấp ủy, chính quyền.* · hạn 10\/12 · còn 2 ngày làm việc/);

    // done on 09/12: within the extension, but late against the original date — so the results say; a plain
    // «xong» under the group's digest is his only item in it
    h.clock.set(at(9, 0, "2026-12-09"));
    const [done] = await h.say(chairman, namTraMy, "xong, đã làm việc với các phòng", groupReminder.message_id);
    expect(done!.text).toContain("hoàn thành quá hạn ngày");
    const [progress] = await h.say(secretariat, secretariatGroup, "/ketluan");
    expect(progress!.text).toContain(`☑️ Nam Trà My #${task.id}`);
  });

  it("/giahan: refused when the date is not later or a request waits; the refusal leaves the due date", async () => {
    const task = await h.db.db.task.findFirstOrThrow({ where: { title: "Nộp báo cáo tiến độ giải ngân tháng" } });
    const me = privateChat(DEMO.official);
    expect((await answer(official, me, `/giahan ${task.id} 20/11/2026 lý do`))[0]!.text).toBe(
      "Ngày đề nghị gia hạn phải sau hạn hiện tại (26/11/2026).",
    );
    expect((await answer(official, me, `/giahan ${task.id}`))[0]!.text).toContain("Cú pháp: /giahan");
    const [ok] = await answer(official, me, `/giahan ${task.id} 04/12/2026 chờ số liệu Kho bạc`);
    expect(ok!.text).toContain("đến ngày 04/12/2026");
    expect((await answer(official, me, `/giahan ${task.id} 05/12/2026 lý do khác`))[0]!.text).toBe(
      `Việc #${task.id} đã có đề nghị gia hạn đến ngày 04/12/2026 đang chờ xem xét.`,
    );
    // the Bắc Trà My chairman is no one to ask for Nam Trà My's task
    expect(
      (
        await answer(user(DEMO.bacTraMyChairman), privateChat(DEMO.bacTraMyChairman), `/giahan ${task.id} 04/12/2026 x`)
      )[0]!.text,
    ).toBe("Chỉ cán bộ phụ trách, Chủ tịch UBND đơn vị hoặc Văn phòng điều phối được đề nghị gia hạn việc này.");

    await h.app.dispatcher.drain();
    const ask = h.emulator.sent.find((m) => m.chat_id === secretariatGroup.id && m.text.includes("Đề nghị gia hạn"))!;
    const refuse = buttons(ask).find((b) => b[0] === "✖ Không đồng ý")![1]!;
    const r = await h.press(secretariat, secretariatGroup, ask.message_id, refuse);
    expect(r.map((m) => m.text)).toContain(`✖ Đã không đồng ý gia hạn việc #${task.id}.`);
    expect(answers().at(-1)).toMatchObject({ text: "✖" });
    await h.app.dispatcher.drain();
    const toOfficial = h.emulator.sent.filter((m) => m.chat_id === DEMO.official.id).at(-1)!;
    expect(toOfficial.text).toBe(
      `✖ Đồng chí Trần Thị Thu không đồng ý gia hạn việc #${task.id} «Nộp báo cáo tiến độ giải ngân tháng» (Nam Trà My): hạn vẫn là 26/11/2026. Đề nghị đồng chí Nguyễn Văn An khẩn trương hoàn thành.`,
    );
    const after = await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect([after.dueDate, after.originalDueDate]).toEqual(["2026-11-26", null]);
    expect(await h.db.db.auditLog.count({ where: { action: "extension.refuse" } })).toBe(1);
  });
});
