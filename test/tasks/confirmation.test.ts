// Confirmation by the assigner (#19) end to end through the real telegraf stack and the emulator: a task given
// by /giao «| cần xác nhận» is reported done → «chờ xác nhận» (not done, no reminders, counted apart) → the
// assigner refuses with a reason → reopened, the official and the unit's group told → reported again →
// confirmed a day later, done as of the report (on time). What each person reads, on both databases.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { EmulatorChat, EmulatorUser } from "../../tools/emulator/bot-api-server.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness, MENTION } from "../support/harness.ts";
import { HEADER, xlsx } from "../directives/support.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);
const official2 = user(DEMO.official2);

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const buttons = (m: { reply_markup?: unknown }) =>
  (m.reply_markup as Keyboard).inline_keyboard.flat().map((b) => [b.text, b.callback_data]);

const TITLE = "Báo cáo rà soát hồ sơ dự án";

describeEachDatabase("confirmation by the assigner", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  /** the bot's answers in that chat, and what the outbox delivered (anywhere) meanwhile */
  async function split(before: number, chat: EmulatorChat) {
    await h.app.dispatcher.drain();
    const sent = h.emulator.sent.slice(before).filter((m) => m.method !== "editMessageReplyMarkup");
    const outbox = await h.db.db.outboxMessage.findMany({
      where: { sentMessageId: { in: sent.map((m) => BigInt(m.message_id)) } },
      select: { chatId: true, sentMessageId: true },
    });
    const fromOutbox = (m: (typeof sent)[number]) =>
      outbox.some((o) => o.chatId === BigInt(m.chat_id) && o.sentMessageId === BigInt(m.message_id));
    return {
      answers: sent.filter((m) => m.chat_id === chat.id && !fromOutbox(m)),
      delivered: sent.filter(fromOutbox),
    };
  }
  async function say(from: EmulatorUser, chat: EmulatorChat, text: string, replyTo?: number) {
    const before = h.emulator.sent.length;
    await h.say(from, chat, text, replyTo);
    return split(before, chat);
  }
  async function press(from: EmulatorUser, chat: EmulatorChat, messageId: number, data: string) {
    const before = h.emulator.sent.length;
    await h.press(from, chat, messageId, data);
    return split(before, chat);
  }
  const callbackAnswers = () =>
    h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);
  const task = (id: number) => h.db.db.task.findUniqueOrThrow({ where: { id } });

  it("reported → chờ xác nhận → refused with a reason → reopened → reported again → confirmed as of the report", async () => {
    // the chairman gives the task in his unit's group, to be confirmed by him
    const given = await say(
      chairman,
      namTraMy,
      `/giao Nam Trà My | NTM | Nguyễn Văn An | 26/11/2026 | ${TITLE} | cần xác nhận`,
    );
    const { id } = await h.db.db.task.findFirstOrThrow({ where: { title: TITLE } });
    expect(given.answers.map((m) => m.text)).toEqual([
      `✅ Đã giao việc #${id} «${TITLE}» cho đồng chí Nguyễn Văn An (Nam Trà My), hạn 26/11/2026, cần xác nhận.`,
    ]);
    const announced = h.emulator.sent.filter((m) => m.text.startsWith(`📌 <b>Việc mới #${id}</b>`));
    expect(announced.map((m) => m.chat_id).sort()).toEqual([namTraMy.id, DEMO.official.id].sort());
    expect(announced[0]!.text).toContain("\nYêu cầu: kết quả được người giao việc xác nhận.\n");
    expect((await task(id)).requiresConfirmation).toBe(true);

    // 24/11 09:00: An reports it done in the group; the chairman is asked in private
    const reported = await say(official, namTraMy, `/xong ${id} đã gửi báo cáo rà soát`);
    expect(reported.answers.map((m) => m.text)).toEqual([
      `⏳ Đã ghi nhận báo cáo hoàn thành việc #${id} «${TITLE}» ngày 24/11/2026. Việc đang chờ đồng chí Hồ Văn Minh (người giao việc) xác nhận. Ghi chú: đã gửi báo cáo rà soát.`,
    ]);
    const [ask] = reported.delivered;
    expect(reported.delivered).toHaveLength(1);
    expect(ask!.chat_id).toBe(DEMO.chairman.id);
    expect(ask!.text.split("\n")).toEqual([
      `🔎 <b>Đề nghị xác nhận hoàn thành việc #${id}</b>: ${TITLE}`,
      "Đơn vị: Nam Trà My · Hạn: 26/11/2026 · Phụ trách: đồng chí Nguyễn Văn An",
      "Đồng chí Nguyễn Văn An báo hoàn thành lúc 09:00 ngày 24/11/2026 (đúng hạn): đã gửi báo cáo rà soát",
      "Đề nghị đồng chí xem xét, xác nhận kết quả.",
    ]);
    const stamp = (await task(id)).completedAt!.getTime().toString(36);
    expect(buttons(ask!)).toEqual([
      ["✅ Xác nhận", `cfy:${id}:${stamp}`],
      ["✖️ Không xác nhận", `cfn:${id}:${stamp}`],
    ]);
    const [confirmData, refuseData] = buttons(ask!).map((b) => b[1]!);
    expect(await task(id)).toMatchObject({
      status: "AWAITING_CONFIRMATION",
      completedAt: at(9, 0),
      completionNote: "đã gửi báo cáo rà soát",
    });

    // waiting: not done for anyone, out of the reminders, counted apart
    expect((await say(official, namTraMy, `/xong ${id} lần nữa`)).answers[0]!.text).toBe(
      `Việc «${TITLE}» đã được báo hoàn thành ngày 24/11/2026 và đang chờ xác nhận.`,
    );
    const me = privateChat(DEMO.official);
    const list = (await say(official, me, "/viec")).answers[0]!.text.split("\n");
    expect(list).toContain(
      `#${id} · ${TITLE} · hạn 26/11/2026 · Đang thực hiện trong hạn · ⏳ đã báo hoàn thành, chờ xác nhận`,
    );
    const card = (await say(official, me, "/ketqua 11/2026")).answers[0]!.text;
    expect(card).toContain("(trong đó 1 đã báo hoàn thành, chờ xác nhận)");
    const exported = await h.app.services.exports.build("tasks", { now: h.clock.now() });
    const row = exported.sheets[0]!.rows.find((r) => r[0] === id)!;
    expect([row[6], row[7], row[8]]).toEqual(["Chờ xác nhận", null, "Đang thực hiện trong hạn"]);
    // someone who did not assign it cannot confirm it
    await press(official2, namTraMy, ask!.message_id, confirmData!);
    expect(callbackAnswers().at(-1)).toBe(
      "Chỉ người giao việc hoặc Văn phòng điều phối được xác nhận kết quả việc này.",
    );
    expect((await task(id)).status).toBe("AWAITING_CONFIRMATION");
    h.clock.set(at(8, 0, "2026-11-26"));
    expect((await h.deadlineCheck()).filter((m) => m.text.includes(TITLE))).toEqual([]);

    // 26/11 08:30: the chairman does not confirm it, and says why
    h.clock.set(at(8, 30, "2026-11-26"));
    const minh = privateChat(DEMO.chairman);
    const prompt = await press(chairman, minh, ask!.message_id, refuseData!);
    expect(prompt.answers.map((m) => m.text)).toEqual([
      `✖️ Đề nghị đồng chí trả lời tin này bằng lý do không xác nhận việc #${id} «${TITLE}». Việc sẽ được mở lại để đồng chí Nguyễn Văn An tiếp tục thực hiện.`,
    ]);
    expect((await task(id)).status).toBe("AWAITING_CONFIRMATION");
    const refused = await say(chairman, minh, "Chưa có biên bản rà soát của các xã", prompt.answers[0]!.message_id);
    expect(refused.answers.map((m) => m.text)).toEqual([
      `✖️ Đã không xác nhận việc #${id}. Việc được mở lại; đồng chí Nguyễn Văn An đã được thông báo lý do.`,
    ]);
    // An in private and the group he reported in
    expect(refused.delivered.map((m) => m.chat_id).sort()).toEqual([DEMO.official.id, namTraMy.id].sort());
    const reopened = refused.delivered.find((m) => m.chat_id === namTraMy.id)!;
    expect(reopened.text.split("\n")).toEqual([
      `✖️ <b>Việc #${id} chưa được xác nhận hoàn thành</b>: ${TITLE}`,
      "Đơn vị: Nam Trà My · Hạn: 26/11/2026",
      "Đồng chí Hồ Văn Minh không xác nhận báo cáo hoàn thành ngày 24/11/2026. Lý do: Chưa có biên bản rà soát của các xã",
      "Việc được mở lại. Đề nghị đồng chí Nguyễn Văn An tiếp tục thực hiện, khi hoàn thành trả lời tin này bằng «xong» kèm ghi chú hoặc bấm ✅.",
    ]);
    expect(buttons(reopened)).toEqual([["✅ Đã xong", `done:${id}`]]);
    expect(await task(id)).toMatchObject({ status: "OPEN", completedAt: null, completedById: null });
    // open again: reminded on its due day like any other
    h.clock.set(at(9, 0, "2026-11-26"));
    const due = (await h.deadlineCheck()).filter((m) => m.text.includes(TITLE));
    expect(due.map((m) => m.chat_id).sort()).toEqual([DEMO.official.id, namTraMy.id].sort());
    expect(due[0]!.text).toContain("Hôm nay đến hạn");

    // 26/11 10:00: reported again by a reply to the reopening message; the chairman is asked again
    h.clock.set(at(10, 0, "2026-11-26"));
    const again = await say(official, namTraMy, "xong, đã bổ sung biên bản", reopened.message_id);
    expect(again.answers[0]!.text).toBe(
      `⏳ Đã ghi nhận báo cáo hoàn thành việc #${id} «${TITLE}» ngày 26/11/2026. Việc đang chờ đồng chí Hồ Văn Minh (người giao việc) xác nhận. Ghi chú: đã bổ sung biên bản.`,
    );
    const ask2 = again.delivered.find((m) => m.chat_id === DEMO.chairman.id)!;
    expect(ask2.text).toContain("báo hoàn thành lúc 10:00 ngày 26/11/2026 (đúng hạn): đã bổ sung biên bản");
    // the first question's button is stale: it decides nothing
    await press(chairman, minh, ask!.message_id, confirmData!);
    expect(callbackAnswers().at(-1)).toBe(`Báo cáo hoàn thành việc #${id} này đã được xem xét.`);
    expect((await task(id)).status).toBe("AWAITING_CONFIRMATION");

    // 27/11, after the due date: confirmed — done on time, as of the report
    h.clock.set(at(8, 15, "2026-11-27"));
    const confirm2 = buttons(ask2)[0]![1]!;
    const confirmed = await press(chairman, minh, ask2.message_id, confirm2!);
    expect(confirmed.answers.map((m) => m.text)).toEqual([
      `✅ Đã xác nhận việc #${id} «${TITLE}» hoàn thành đúng hạn ngày 26/11/2026.`,
    ]);
    expect(callbackAnswers().at(-1)).toBe("✅");
    const told = confirmed.delivered.filter((m) => m.text.startsWith("✅ Đồng chí Hồ Văn Minh đã xác nhận"));
    expect(told.map((m) => m.chat_id).sort()).toEqual([DEMO.official.id, namTraMy.id].sort());
    expect(told[0]!.text).toBe(
      `✅ Đồng chí Hồ Văn Minh đã xác nhận việc #${id} «${TITLE}» (Nam Trà My) hoàn thành đúng hạn ngày 26/11/2026.`,
    );
    const done = await task(id);
    const minhId = (await h.db.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(DEMO.chairman.id) } }))
      .id;
    expect(done).toMatchObject({
      status: "DONE",
      completedAt: at(10, 0, "2026-11-26"),
      confirmedAt: at(8, 15, "2026-11-27"),
      confirmedById: minhId,
    });
    // done on time in the results; no longer listed
    const after = (await say(official, me, "/ketqua 11/2026")).answers[0]!.text;
    expect(after).not.toContain("chờ xác nhận");
    expect((await say(official, me, "/viec")).answers[0]!.text).not.toContain(TITLE);
    const final = (await h.app.services.exports.build("tasks", { now: h.clock.now() })).sheets[0]!.rows.find(
      (r) => r[0] === id,
    )!;
    expect([final[6], final[7], final[8]]).toEqual(["Hoàn thành", "2026-11-26", "Hoàn thành đúng hạn"]);
    // pressed again: already decided
    await press(chairman, minh, ask2.message_id, confirm2!);
    expect(callbackAnswers().at(-1)).toBe(`Báo cáo hoàn thành việc #${id} này đã được xem xét.`);

    // everything audited, in order
    const log = await h.db.db.auditLog.findMany({
      where: { entity: "Task", entityId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(log.map((a) => a.action)).toEqual([
      "task.assign",
      "task.report",
      "task.refuse",
      "task.report",
      "task.confirm",
    ]);
    expect(JSON.parse(log[2]!.after)).toEqual({ status: "OPEN", reason: "Chưa có biên bản rà soát của các xã" });
  });

  it("a directive file's «Cần xác nhận»: waiting, the item counts it apart in /ketluan, the export, the dashboard and /tinhhinh", async () => {
    const file = await xlsx([
      [...HEADER, "Cần xác nhận"],
      [
        "Kết luận",
        "12-KL/TU",
        "14/08/2023",
        "Ban Thường vụ Tỉnh ủy",
        "Về 03 Chương trình MTQG",
        "1",
        "Báo cáo kết quả rà soát dự án",
        "Nam Trà My",
        "Nguyễn Văn An",
        "26/11/2026",
        "Có",
      ],
      ["", "", "", "", "", "2", "Kế hoạch chi tiết có phân công", "Bắc Trà My", "Hồ Văn Sơn", "30/11/2026", ""],
    ]);
    const before = h.emulator.sent.length;
    h.emulator.userSendsDocument({
      from: secretariat,
      chat: secretariatGroup,
      filename: "kl.xlsx",
      bytes: file,
      caption: MENTION,
    });
    await h.emulator.waitIdle();
    const preview = h.emulator.sent.slice(before).find((m) => m.chat_id === secretariatGroup.id)!;
    await press(secretariat, secretariatGroup, preview.message_id, buttons(preview)[0]![1]!);
    const [a, b] = await h.db.db.task.findMany({ where: { directiveItemId: { not: null } }, orderBy: { id: "asc" } });
    expect([a!.requiresConfirmation, b!.requiresConfirmation]).toEqual([true, false]);
    const namTraMyId = a!.unitId;
    const openNtm = async () =>
      (await h.app.services.status.unitStatus(namTraMyId, h.clock.now())).programmes.reduce(
        (n, p) => n + p.openTasks,
        0,
      );
    const open = await openNtm();

    // reported: the uploader (the assigner) is asked in private
    const reported = await say(official, privateChat(DEMO.official), `/xong ${a!.id}`);
    expect(reported.answers[0]!.text).toContain("Việc đang chờ đồng chí Trần Thị Thu (người giao việc) xác nhận.");
    expect(reported.delivered.map((m) => m.chat_id)).toEqual([DEMO.secretariat.id]);

    // not completed anywhere, and counted apart
    const directive = await h.db.db.directive.findFirstOrThrow({ where: { number: "12-KL/TU" } });
    const progress = (await say(secretariat, secretariatGroup, `/ketluan ${directive.id}`)).answers[0]!.text;
    expect(progress).toContain(
      "0 hoàn thành đúng hạn · 0 hoàn thành quá hạn · 2 đang thực hiện trong hạn · 0 quá hạn chưa hoàn thành (trong đó 1 chờ xác nhận).",
    );
    expect(progress).toContain(`🔄⏳ Nam Trà My #${a!.id}`);
    expect(progress.split("\n").at(-1)).toContain("· ⏳ đã báo hoàn thành, chờ xác nhận");
    const exported = await h.app.services.exports.build("directives", { now: h.clock.now() });
    expect(exported.sheets[0]!.rows.map((r) => r.slice(3))).toEqual([
      [1, 0, 0, 1, 0, 1, 0],
      [1, 0, 0, 1, 0, 0, 0],
    ]);
    const cards = await h.app.services.exports.build("scorecards", { now: h.clock.now() });
    const ntmCard = cards.sheets[0]!.rows.find((r) => r[0] === "Nam Trà My")!;
    expect(cards.sheets[0]!.columns[6]!.header).toBe("Trong đó chờ xác nhận");
    expect(ntmCard[6]).toBe(1);
    const board = (await h.app.services.dashboard.unit(namTraMyId, h.clock.now()))!;
    expect(board.tasks.open_in_term.find((t) => t.id === a!.id)).toMatchObject({ awaiting: true, completedOn: null });
    expect(board.tasks.done_on_time.some((t) => t.id === a!.id)).toBe(false);
    expect(await openNtm()).toBe(open);

    // confirmed: done on time in the register
    const ask = reported.delivered[0]!;
    await press(secretariat, privateChat(DEMO.secretariat), ask.message_id, buttons(ask)[0]![1]!);
    const after = (await say(secretariat, secretariatGroup, `/ketluan ${directive.id}`)).answers[0]!.text;
    expect(after).toContain(
      "1 hoàn thành đúng hạn · 0 hoàn thành quá hạn · 1 đang thực hiện trong hạn · 0 quá hạn chưa hoàn thành.",
    );
    expect(after).not.toContain("⏳");
    expect(await openNtm()).toBe(open - 1);
  });
});
