// /lichsu <số việc> (#19) through the real telegraf stack and the emulator: a task given with «cần minh chứng,
// cần xác nhận», reminded, extended, evidenced, reported and confirmed reads back as one compact message, in
// time order, dd/mm/yyyy HH:mm in Vietnam time. Who may read it (the official, the unit's Party secretary, its
// supervisor, the secretariat) and who may not (another unit's official; another unit's group).
import { afterEach, beforeEach, expect, it } from "vitest";
import type { EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const secretariatGroup = group(DEMO.groups.secretariat);
const bacTraMy = group(DEMO.groups.bacTraMy);
const secretariat = user(DEMO.secretariat);
const official = user(DEMO.official);
const me = privateChat(DEMO.official);
const thu = privateChat(DEMO.secretariat);
type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const buttons = (m: SentMessage) => (m.reply_markup as Keyboard).inline_keyboard.flat().map((b) => b.callback_data);

describeOnSqlite("a task's history", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  const answer = async (from: EmulatorUser, chat: EmulatorChat, text: string) => {
    const replies = (await h.say(from, chat, text)).filter((m) => m.chat_id === chat.id);
    expect(replies).toHaveLength(1);
    return replies[0]!.text;
  };
  /** the latest message the outbox delivered to a chat that says this */
  const delivered = async (chatId: number, text: string) => {
    await h.app.dispatcher.drain();
    return h.emulator.sent.filter((m) => m.chat_id === chatId && m.text.includes(text)).at(-1)!;
  };

  it("given, reminded, extended, evidence, reported, confirmed: one message, in order; outsiders refused", async () => {
    await h.say(
      secretariat,
      secretariatGroup,
      "/giao Nam Trà My | NTM | Nguyễn Văn An | 26/11/2026 | Rà soát hồ sơ | cần minh chứng | cần xác nhận",
    );
    const { id } = await h.db.db.task.findFirstOrThrow({ where: { title: "Rà soát hồ sơ" } });
    await h.app.dispatcher.drain(); // the new task's announcement goes out first, not with the check
    h.clock.set(at(9, 30));
    const reminded = (await h.deadlineCheck()).filter(
      (m) => m.chat_id === DEMO.official.id && m.text.includes("Rà soát hồ sơ"),
    );
    // with the demo's other task due that week, in the check's one message to him (ADR 009)
    expect(reminded.map((m) => m.text.split("\n")[0])).toEqual([
      "📋 <b>Tổng hợp nhắc việc</b> ngày 24/11/2026 — 2 việc, xếp từ cấp bách nhất",
    ]);

    h.clock.set(at(10, 0));
    await answer(official, me, `/giahan ${id} 30/11/2026 chờ số liệu Kho bạc`);
    const ask = await delivered(DEMO.secretariat.id, `Đề nghị gia hạn việc #${id}`);
    h.clock.set(at(10, 30));
    await h.press(secretariat, thu, ask.message_id, buttons(ask)[0]!);

    h.clock.set(at(9, 0, "2026-11-25"));
    h.emulator.userSendsDocument({
      from: official,
      chat: me,
      filename: "bao-cao.pdf",
      bytes: new TextEncoder().encode("%PDF-1.4"),
      caption: `/xong ${id} đã nộp`,
    });
    await h.emulator.waitIdle();
    h.clock.set(at(14, 0, "2026-11-25"));
    const confirm = await delivered(DEMO.secretariat.id, `Đề nghị xác nhận hoàn thành việc #${id}`);
    await h.press(secretariat, thu, confirm.message_id, buttons(confirm)[0]!);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");

    // the official, in private
    h.clock.set(at(15, 0, "2026-11-25"));
    const history = await answer(official, me, `/lichsu ${id}`);
    expect(history.split("\n")).toEqual([
      `📜 <b>Lịch sử việc #${id}</b>: Rà soát hồ sơ`,
      "Đơn vị: Nam Trà My · Phụ trách: đồng chí Nguyễn Văn An · Hạn: 30/11/2026 (hạn ban đầu 26/11/2026) · hoàn thành",
      "Yêu cầu: cần minh chứng, cần xác nhận",
      "• 24/11/2026 09:00 — giao việc (đồng chí Trần Thị Thu)",
      "• 24/11/2026 09:30 — nhắc việc trước hạn",
      "• 24/11/2026 10:00 — đề nghị gia hạn đến 30/11/2026 (đồng chí Nguyễn Văn An): chờ số liệu Kho bạc",
      "• 24/11/2026 10:30 — đồng ý gia hạn đến 30/11/2026 (đồng chí Trần Thị Thu)",
      "• 25/11/2026 09:00 — gửi minh chứng «bao-cao.pdf» (đồng chí Nguyễn Văn An)",
      "• 25/11/2026 09:00 — báo hoàn thành (đồng chí Nguyễn Văn An): đã nộp — chờ xác nhận",
      "• 25/11/2026 14:00 — xác nhận hoàn thành (đồng chí Trần Thị Thu)",
    ]);
    // the English name, the unit's Party secretary, its supervisor, the secretariat in its group: the same
    expect(await answer(official, me, `/history ${id}`)).toBe(history);
    for (const [who, chat] of [
      [DEMO.partySecretary, privateChat(DEMO.partySecretary)],
      [DEMO.supervisor, privateChat(DEMO.supervisor)],
      [DEMO.secretariat, secretariatGroup],
    ] as const)
      expect(await answer(user(who), chat, `/lichsu #${id}`), who.name).toBe(history);

    // outsiders: another unit's official; the secretariat in another unit's group; no number
    expect(await answer(user(DEMO.bacTraMyOfficial), privateChat(DEMO.bacTraMyOfficial), `/lichsu ${id}`)).toBe(
      "Đồng chí không xem được lịch sử việc này: chỉ cán bộ phụ trách, người giao việc, Chủ tịch UBND, Bí thư cấp ủy đơn vị, đồng chí Ủy viên Ban Thường vụ theo dõi địa bàn và Văn phòng điều phối được xem.",
    );
    expect(await answer(secretariat, bacTraMy, `/lichsu ${id}`)).toBe(
      `Việc #${id} không thuộc đơn vị của nhóm này. Đề nghị xem trong trò chuyện riêng với bot.`,
    );
    expect(await answer(official, me, "/lichsu")).toBe("Cú pháp: /lichsu &lt;số việc&gt;, ví dụ: /lichsu 12.");
    expect(await answer(official, me, "/lichsu 9999")).toBe("Không tìm thấy việc #9999.");
  });

  it("a refused confirmation and the reminders after it; a task of the demo without an audit entry of its giving", async () => {
    const seeded = await h.db.db.task.findFirstOrThrow({ where: { title: "Nộp báo cáo tiến độ giải ngân tháng" } });
    await h.db.db.task.update({ where: { id: seeded.id }, data: { requiresConfirmation: true } });
    await answer(official, me, `/xong ${seeded.id}`);
    const ask = await delivered(DEMO.secretariat.id, `Đề nghị xác nhận hoàn thành việc #${seeded.id}`);
    h.clock.set(at(9, 20));
    await h.press(secretariat, thu, ask.message_id, buttons(ask)[1]!);
    await answer(secretariat, thu, "Thiếu số liệu của xã Trà Mai");
    h.clock.set(at(8, 0, "2026-11-26"));
    await h.deadlineCheck();
    const lines = (await answer(official, me, `/lichsu ${seeded.id}`)).split("\n");
    expect(lines[1]).toContain("· đang thực hiện");
    expect(lines.slice(2)).toEqual([
      "Yêu cầu: cần xác nhận",
      "• 04/11/2026 09:00 — giao việc (đồng chí Trần Thị Thu)",
      "• 24/11/2026 09:00 — báo hoàn thành (đồng chí Nguyễn Văn An) — chờ xác nhận",
      "• 24/11/2026 09:20 — không xác nhận, mở lại việc (đồng chí Trần Thị Thu): Thiếu số liệu của xã Trà Mai",
      "• 26/11/2026 08:00 — nhắc việc đến hạn",
    ]);
  });
});
