// Tasks by command through the real stack: /giao, /done, /tasks, /overdue, the snooze buttons under a
// reminder (and the re-reminder once the snooze ends), and an obstacle raised from a reminder.
import { afterEach, beforeEach, expect, it } from "vitest";
import { chats, collect, sorted } from "../support/collect.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const bacTraMy = group(DEMO.groups.bacTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);
const official2 = user(DEMO.official2);

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

describeOnSqlite("tasks by command", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  /** runs an action, delivers the outbox, and returns everything Telegram received meanwhile */
  const all = (action: () => Promise<unknown>) => collect(h, action);
  const taskId = async (title: string) =>
    (await h.db.db.task.findFirstOrThrow({ where: { title: { startsWith: title } } })).id;

  it("/giao: the secretariat assigns; the group and the official are told; ambiguous names come back", async () => {
    h.clock.set(at(9, 0));
    const sent = await all(() =>
      h.say(
        secretariat,
        privateChat(DEMO.secretariat),
        "/giao nam tra my | NTM | An | 10/12/2026 | Rà soát hồ sơ <dự án> | 1600/UBND-KTTH",
      ),
    );
    const id = await taskId("Rà soát hồ sơ");
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatchObject({ chat_id: DEMO.secretariat.id });
    expect(sent[0]!.text).toBe(
      `✅ Đã giao việc #${id} «Rà soát hồ sơ &lt;dự án&gt;» cho đồng chí Nguyễn Văn An (Nam Trà My), hạn 10/12/2026.`,
    );
    expect(chats(sent.slice(1))).toEqual(sorted(namTraMy.id, DEMO.official.id));
    for (const m of sent.slice(1)) {
      expect(m.text).toContain(`📌 <b>Việc mới #${id}</b>: <b>Rà soát hồ sơ &lt;dự án&gt;</b>`);
      expect(m.text).toContain("Chương trình NTM · Văn bản 1600/UBND-KTTH");
      expect(m.text).toContain("Hạn: 10/12/2026");
    }
    const task = await h.db.db.task.findUniqueOrThrow({ where: { id }, include: { responsible: true } });
    expect(task.responsible.fullName).toBe("Nguyễn Văn An");
    expect(task.recurrence).toBe("");
    expect(task.seriesId).toBeNull();

    // ambiguous: the candidates come back, nothing is written
    const count = await h.db.db.task.count();
    const [amb, ...more] = await all(() =>
      h.say(secretariat, secretariatGroup, "/giao Nam Trà My | - | Văn | 10/12/2026 | Việc X"),
    );
    expect(more).toHaveLength(0);
    expect(amb!.text).toBe(
      "«Văn» trùng với nhiều cán bộ: Hồ Văn Minh, Nguyễn Văn An, Trần Văn Bình. Đề nghị ghi rõ họ tên.",
    );
    expect(await h.db.db.task.count()).toBe(count);
  });

  it("/giao: a chairman assigns only in his unit; officials cannot; bad input gets one line", async () => {
    h.clock.set(at(9, 0));
    const one = async (from: ReturnType<typeof user>, chat: typeof namTraMy, text: string) => {
      const r = await all(() => h.say(from, chat, text));
      expect(r).toHaveLength(1);
      return r[0]!.text;
    };
    expect(await one(chairman, namTraMy, "/giao Bắc Trà My | DTTS | Sơn | 10/12/2026 | Việc A")).toBe(
      "Đồng chí chỉ giao việc được cho đơn vị mình phụ trách, không phải Bắc Trà My.",
    );
    expect(await one(official, namTraMy, "/giao Nam Trà My | NTM | Bình | 10/12/2026 | Việc A")).toContain(
      "Đồng chí không dùng được lệnh này",
    );
    expect(await one(chairman, namTraMy, "/giao Nam Trà My | NTM | Bình | 31/02/2026 | Việc A")).toContain(
      "«31/02/2026» không phải ngày hợp lệ",
    );
    expect(await one(chairman, namTraMy, "/giao Nam Trà My | NTM | Bình | 20/11/2026 | Việc A")).toContain(
      "Hạn 20/11/2026 đã qua",
    );
    expect(await one(chairman, namTraMy, "/giao Nam Trà My | XYZ | Bình | 10/12/2026 | Việc A")).toContain(
      "Không tìm thấy chương trình «XYZ»",
    );
    expect(await one(chairman, namTraMy, "/giao Nam Trà My | NTM | Sơn | 10/12/2026 | Việc A")).toBe(
      "Không tìm thấy cán bộ «Sơn» của Nam Trà My.",
    );
    expect(await one(chairman, namTraMy, "/giao Nam Trà My | NTM")).toContain("Cú pháp: /giao");
    expect(await h.db.db.task.count({ where: { title: "Việc A" } })).toBe(0);

    // his own unit, from his group, monthly: the group gets the announcement (Bình never opened a private chat)
    const sent = await all(() =>
      h.say(
        chairman,
        namTraMy,
        "/assign Nam Trà My | GNBV | Trần Văn Bình | 03/12/2026 | Báo cáo tháng | hằng tháng ngày 3",
      ),
    );
    const id = await taskId("Báo cáo tháng");
    expect(sent.map((m) => [m.chat_id, m.text.split("\n")[0]])).toEqual([
      [
        namTraMy.id,
        `✅ Đã giao việc #${id} «Báo cáo tháng» cho đồng chí Trần Văn Bình (Nam Trà My), hạn 03/12/2026, lặp lại hằng tháng ngày 3.`,
      ],
      [namTraMy.id, `📌 <b>Việc mới #${id}</b>: <b>Báo cáo tháng</b>`],
    ]);
    const task = await h.db.db.task.findUniqueOrThrow({ where: { id } });
    expect(task).toMatchObject({ recurrence: "monthly:3", seriesId: id, dueDate: "2026-12-03" });
  });

  it("/done completes by id; a recurring task makes the next one of its series on the next working day", async () => {
    h.clock.set(at(9, 0));
    await all(() =>
      h.say(
        chairman,
        namTraMy,
        "/giao Nam Trà My | GNBV | Trần Văn Bình | 03/12/2026 | Báo cáo tháng | hằng tháng ngày 3",
      ),
    );
    const id = await taskId("Báo cáo tháng");
    const anTask = await taskId("Nộp báo cáo");
    expect((await all(() => h.say(official2, namTraMy, `/done ${anTask} xong rồi`))).map((m) => m.text)).toEqual([
      "Đồng chí không phải người phụ trách việc này nên không thể báo hoàn thành thay.",
    ]);
    expect((await all(() => h.say(official, namTraMy, "/done 999 abc"))).map((m) => m.text)).toEqual([
      "Không tìm thấy việc #999.",
    ]);
    // without a number, /done means the sender's task in question (test/tasks/natural-replies.test.ts): the
    // chairman has none of his own, so he gets the usage
    expect((await all(() => h.say(chairman, namTraMy, "/done"))).map((m) => m.text)[0]).toContain("Cú pháp: /xong");
    expect((await all(() => h.say(official, namTraMy, `/xong ${anTask} đã nộp`))).map((m) => m.text)).toEqual([
      "✅ Đã ghi nhận: «Nộp báo cáo tiến độ giải ngân tháng» hoàn thành đúng hạn ngày 24/11/2026 — đã nộp.",
    ]);

    h.clock.set(at(10, 0));
    const sent = await all(() => h.say(official2, namTraMy, `/done ${id} đã gửi báo cáo`));
    const next = await h.db.db.task.findFirstOrThrow({ where: { seriesId: id, id: { not: id } } });
    // 3/1/2027 is a Sunday: the next one is due on Monday 4/1/2027
    expect(next).toMatchObject({
      dueDate: "2027-01-04",
      status: "OPEN",
      recurrence: "monthly:3",
      title: "Báo cáo tháng",
    });
    expect(sent.map((m) => [m.chat_id, m.text.split("\n")[0]])).toEqual([
      [namTraMy.id, "✅ Đã ghi nhận: «Báo cáo tháng» hoàn thành đúng hạn ngày 24/11/2026 — đã gửi báo cáo."],
      [namTraMy.id, `📌 <b>Việc mới #${next.id}</b>: <b>Báo cáo tháng</b>`],
    ]);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");
  });

  it("/tasks lists the asker's or the unit's open tasks; /overdue the worst first", async () => {
    const [a, b, d, c] = [
      await taskId("Nộp báo cáo"),
      await taskId("Hoàn thiện"),
      await taskId("Báo cáo vướng mắc"),
      await taskId("Phê duyệt"),
    ];
    const [unit] = await all(() => h.say(chairman, namTraMy, "/tasks"));
    expect(unit!.text).toBe(
      [
        "<b>Việc đang mở — Nam Trà My</b> (3)",
        `#${b} · Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp · hạn 23/11/2026 · Quá hạn chưa hoàn thành`,
        `#${a} · Nộp báo cáo tiến độ giải ngân tháng · hạn 26/11/2026 · Đang thực hiện trong hạn`,
        `#${c} · Phê duyệt danh mục dự án năm sau · hạn 08/12/2026 · Đang thực hiện trong hạn`,
      ].join("\n"),
    );
    const mine = await all(() => h.say(official, privateChat(DEMO.official), "/viec"));
    expect(mine.map((m) => [m.chat_id, m.text])).toEqual([
      [
        DEMO.official.id,
        `<b>Việc đang mở của đồng chí</b> (1)\n#${a} · Nộp báo cáo tiến độ giải ngân tháng · hạn 26/11/2026 · Đang thực hiện trong hạn`,
      ],
    ]);
    const [province] = await all(() => h.say(secretariat, secretariatGroup, "/overdue"));
    expect(province!.text).toBe(
      [
        "<b>Việc quá hạn — toàn tỉnh</b> (2), quá hạn lâu nhất trước",
        `#${d} · Bắc Trà My · Báo cáo vướng mắc dự án nước sinh hoạt tập trung · hạn 19/11/2026 · quá hạn 3 ngày làm việc · đồng chí Hồ Văn Sơn`,
        `#${b} · Nam Trà My · Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp · hạn 23/11/2026 · quá hạn 1 ngày làm việc · đồng chí Trần Văn Bình`,
      ].join("\n"),
    );
    const [own] = await all(() => h.say(chairman, namTraMy, "/quahan"));
    expect(own!.text.split("\n")).toEqual([
      "<b>Việc quá hạn — Nam Trà My</b> (1), quá hạn lâu nhất trước",
      `#${b} · Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp · hạn 23/11/2026 · quá hạn 1 ngày làm việc · đồng chí Trần Văn Bình`,
    ]);
    const [none] = await all(() => h.say(user(DEMO.bacTraMyChairman), privateChat(DEMO.bacTraMyChairman), "/tasks"));
    expect(none!.text).toBe("<b>Việc đang mở của đồng chí</b> (0)\nKhông có việc đang mở.");
  });

  it("snooze buttons: only those allowed; the reminder comes back once after the snooze; past the due date it says so", async () => {
    h.clock.set(at(8, 0));
    const sent = await all(() => h.deadlineCheck());
    const reminder = sent.find((m) => m.chat_id === DEMO.official.id)!;
    const id = await taskId("Nộp báo cáo");
    const kb = reminder.reply_markup as Keyboard;
    expect(kb.inline_keyboard.map((row) => row.map((b) => [b.text, b.callback_data]))).toEqual([
      [["✅ Đã xong", `done:${id}`]],
      [
        ["⏰ 1 giờ", `snz:1h:${id}`],
        ["⏰ Sáng mai", `snz:am:${id}`],
      ],
      [["⏰ Ngày làm việc tiếp theo", `snz:wd:${id}`]],
      [
        ["⚠️ Vướng mắc", `obs:${id}`],
        ["📅 Xin gia hạn", `ext:${id}`],
      ],
    ]);
    // the group has two tasks this morning: one digest (ADR 009), each item with the reminder's actions in its
    // row — ✅ n, ⏰ n (the three snooze choices on press), ⚠️ n, 📅 n
    const groupReminder = sent.find((m) => m.chat_id === namTraMy.id && m.text.includes("Nộp báo cáo"))!;
    const overdueId = await taskId("Hoàn thiện");
    expect(groupReminder.text).toContain("Tổng hợp nhắc việc");
    expect(
      (groupReminder.reply_markup as Keyboard).inline_keyboard.map((row) => row.map((b) => [b.text, b.callback_data])),
    ).toEqual(
      [overdueId, id].map((task, k) => [
        [`✅ ${k + 1}`, `done:${task}`],
        [`⏰ ${k + 1}`, `snq:${task}`],
        [`⚠️ ${k + 1}`, `obs:${task}`],
        [`📅 ${k + 1}`, `ext:${task}`],
      ]),
    );
    const [menu, ...rest] = await all(() => h.press(official, namTraMy, groupReminder.message_id, `snq:${id}`));
    expect(rest).toEqual([]);
    expect(menu!.text).toBe(
      "⏰ Đề nghị đồng chí chọn thời điểm nhắc lại việc «Nộp báo cáo tiến độ giải ngân tháng» (hạn 26/11/2026):",
    );
    // the same snooze choices as under the single reminder
    expect((menu!.reply_markup as Keyboard).inline_keyboard).toEqual(kb.inline_keyboard.slice(1, 3));
    // someone else may not snooze it, from the digest or its menu
    for (const [messageId, data] of [
      [groupReminder.message_id, `snq:${id}`],
      [menu!.message_id, `snz:1h:${id}`],
    ] as const) {
      const refused = await all(() => h.press(official2, namTraMy, messageId, data));
      expect(refused.map((m) => [m.chat_id, m.text])).toEqual([]);
      expect(h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)?.payload.text).toContain(
        "Chỉ cán bộ phụ trách",
      );
    }

    h.clock.set(at(8, 5));
    const snoozed = await all(() => h.press(official, privateChat(DEMO.official), reminder.message_id, `snz:1h:${id}`));
    expect(snoozed.map((m) => [m.chat_id, m.text])).toEqual([
      [
        DEMO.official.id,
        "⏰ Đã hẹn: dondoc sẽ nhắc lại việc «Nộp báo cáo tiến độ giải ngân tháng» lúc 09:05 ngày 24/11/2026 (hạn 26/11/2026).",
      ],
    ]);
    h.clock.set(at(9, 0));
    expect(await all(() => h.deadlineCheck())).toHaveLength(0);
    h.clock.set(at(9, 15));
    const again = await all(() => h.deadlineCheck());
    expect(chats(again)).toEqual(sorted(namTraMy.id, DEMO.official.id));
    expect(again.every((m) => m.text.includes("Nộp báo cáo") && m.text.startsWith("⏰ <b>Nhắc việc</b>"))).toBe(true);
    h.clock.set(at(9, 30));
    expect(await all(() => h.deadlineCheck())).toHaveLength(0);
    // the next day (still the "before" rung): nothing; the due day: the due rung as usual
    h.clock.set(at(8, 0, "2026-11-25"));
    expect(await all(() => h.deadlineCheck())).toHaveLength(0);

    // the chairman snoozes the overdue task (⏰ 1 of the digest) to the next working day: past its due date,
    // and the reply says so
    const [chairmanMenu] = await all(() => h.press(chairman, namTraMy, groupReminder.message_id, `snq:${overdueId}`));
    const nextDay = (chairmanMenu!.reply_markup as Keyboard).inline_keyboard
      .flat()
      .find((b) => b.text.includes("Ngày"))!;
    expect(nextDay.callback_data).toBe(`snz:wd:${overdueId}`);
    const pressed = await all(() => h.press(chairman, namTraMy, chairmanMenu!.message_id, nextDay.callback_data));
    expect(pressed.map((m) => [m.chat_id, m.text])).toEqual([
      [
        namTraMy.id,
        "⏰ Lưu ý: việc «Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp» đến hạn ngày 23/11/2026; nhắc lại lúc 08:00 ngày 26/11/2026, sau hạn.",
      ],
    ]);
    // "tomorrow morning" on a Friday is Monday's office start
    h.clock.set(at(10, 0, "2026-11-27"));
    const friday = await all(() => h.press(official, privateChat(DEMO.official), reminder.message_id, `snz:am:${id}`));
    expect(friday[0]!.text).toContain("lúc 07:30 ngày 30/11/2026, sau hạn");
  });

  it("⚠️ Vướng mắc: asks the reason, records the next message, tells the secretariat; /vuongmac lists it", async () => {
    h.clock.set(at(8, 0));
    const sent = await all(() => h.deadlineCheck());
    const reminder = sent.find((m) => m.chat_id === DEMO.official.id)!;
    const id = await taskId("Nộp báo cáo");
    const asked = await all(() => h.press(official, privateChat(DEMO.official), reminder.message_id, `obs:${id}`));
    expect(asked.map((m) => [m.chat_id, m.text])).toEqual([
      [
        DEMO.official.id,
        "⚠️ Đề nghị đồng chí trả lời tin này bằng lý do vướng mắc của việc «Nộp báo cáo tiến độ giải ngân tháng».",
      ],
    ]);
    h.clock.set(at(8, 10));
    const recorded = await all(() =>
      h.say(official, privateChat(DEMO.official), "Chưa có số liệu của xã Trà Mai <gấp>", asked[0]!.message_id),
    );
    const obstacle = await h.db.db.obstacle.findFirstOrThrow();
    expect(obstacle).toMatchObject({ taskId: id, reason: "Chưa có số liệu của xã Trà Mai <gấp>", status: "OPEN" });
    expect(recorded.map((m) => [m.chat_id, m.text])).toEqual([
      [
        DEMO.official.id,
        `Đã ghi nhận vướng mắc #${obstacle.id} của việc «Nộp báo cáo tiến độ giải ngân tháng» và báo Văn phòng điều phối.`,
      ],
      [
        secretariatGroup.id,
        [
          `⚠️ <b>Vướng mắc #${obstacle.id}</b> — Nam Trà My`,
          `Việc #${id}: <b>Nộp báo cáo tiến độ giải ngân tháng</b>`,
          "Đồng chí Nguyễn Văn An báo: Chưa có số liệu của xã Trà Mai &lt;gấp&gt;",
          "Đề nghị Văn phòng điều phối xem xét, hướng dẫn xử lý.",
        ].join("\n"),
      ],
    ]);
    expect(await h.db.db.pendingInput.count()).toBe(0);
    // the next message is just a message again
    expect(await all(() => h.say(official, privateChat(DEMO.official), "cảm ơn"))).toHaveLength(0);

    const [list] = await all(() => h.say(secretariat, secretariatGroup, "/vuongmac"));
    expect(list!.text).toBe(
      `<b>Vướng mắc đang chờ xử lý</b> (1)\n#${obstacle.id} · Nam Trà My · việc #${id} «Nộp báo cáo tiến độ giải ngân tháng» · 24/11/2026 · đồng chí Nguyễn Văn An: Chưa có số liệu của xã Trà Mai &lt;gấp&gt; · mới`,
    );
    const [refusal] = await all(() => h.say(chairman, namTraMy, "/vuongmac"));
    expect(refusal!.text).toContain("Đồng chí không dùng được lệnh này");
    // another official may not raise an obstacle on An's task
    await all(() => h.press(official2, namTraMy, reminder.message_id, `obs:${id}`));
    expect(await h.db.db.pendingInput.count()).toBe(0);
    void bacTraMy;
  });
});
