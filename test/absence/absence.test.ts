// Absence and stand-ins (#19) end to end through the real telegraf stack and the emulator, with the fake clock:
// the holder sets his absence → the day's reminder and the +1 escalation's copy go to the unit × programme
// deputy with the «thay» line, the holder gets none → after the period the holder again; the secretariat sets
// the chairman's absence → his escalation goes to the programme's deputy; a named stand-in completes the
// holder's task with ✅; the pace ladder's reminders follow the same rule; the refusals.
import { afterEach, beforeEach, expect, it } from "vitest";
import { foldVietnamese } from "../../src/domain/text.ts";
import type { EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { collect } from "../support/collect.ts";
import { describeEachDatabase, describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

/** Nam Trà My's deputy chairman, added to the demo registry by the tests */
const CUONG = { id: 910005, name: "Phạm Văn Cường", title: "Phó Chủ tịch UBND huyện Nam Trà My" };
const cuong = user(CUONG);
const secretariat = user(DEMO.secretariat);
const official = user(DEMO.official); // An: NTM in Nam Trà My; his task is due Thursday 26/11/2026
const official2 = user(DEMO.official2);
const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const AN_TASK = "Nộp báo cáo tiến độ giải ngân tháng";
const BINH_OVERDUE = "Hoàn thiện hồ sơ điều chỉnh"; // GNBV, due Monday 23/11: the chairman is told on 24/11

const thay = (holder: string, until: string, reason: string, standIn = CUONG.name) =>
  `Đồng chí ${holder} vắng mặt đến ${until} (${reason}); đề nghị đồng chí ${standIn} theo dõi, xử lý thay.\n`;

async function addDeputyOfficial(h: Harness) {
  const unit = await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
  await h.db.db.official.create({
    data: {
      fullName: CUONG.name,
      nameKey: foldVietnamese(CUONG.name),
      title: CUONG.title,
      unitId: unit.id,
      telegramUserId: BigInt(CUONG.id),
      privateChatAt: h.clock.now(),
    },
  });
  await h.db.db.chat.create({ data: { telegramChatId: BigInt(CUONG.id), kind: "PRIVATE", title: CUONG.name } });
}

describeEachDatabase("absence: stand-ins receive what is meant for those away", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(7, 40) });
    await addDeputyOfficial(h);
  });
  afterEach(async () => {
    await h.close();
  });

  /** what the bot answered in that chat */
  const answer = async (from: EmulatorUser, chat: EmulatorChat, text: string) =>
    (await h.say(from, chat, text)).filter((m) => m.chat_id === chat.id).map((m) => m.text);
  const check = async (day: string) => {
    h.clock.set(at(8, 0, day));
    return h.deadlineCheck();
  };
  const about = (sent: SentMessage[], title: string, chatId: number) =>
    sent.filter((m) => m.chat_id === chatId && m.text.includes(title)).map((m) => m.text);

  it("the holder's absence: the day's reminder and the +1 copy go to the deputy, saying «thay»; then the holder again", async () => {
    expect(await answer(secretariat, privateChat(DEMO.secretariat), "/phutrach Nam Trà My NTM Phạm Văn Cường")).toEqual(
      [
        "Đã phân công đồng chí Phạm Văn Cường là Phó Chủ tịch phụ trách chương trình NTM của Nam Trà My: khi cán bộ của đơn vị vắng mặt mà không chỉ định người thay, tin nhắc việc của chương trình chuyển cho đồng chí.",
      ],
    );
    const [recorded] = await answer(official, privateChat(DEMO.official), "/vangmat 26/11 27/11 nghỉ phép");
    const absence = await h.db.db.absence.findFirstOrThrow();
    expect(recorded).toBe(
      `🗓 Đã ghi nhận lịch vắng mặt #${absence.id}: đồng chí Nguyễn Văn An (Nam Trà My) vắng mặt từ 26/11/2026 đến 27/11/2026 (nghỉ phép).\n` +
        "Trong thời gian này, tin nhắc việc, báo cáo và thông báo gửi đồng chí Nguyễn Văn An được chuyển cho Phó Chủ tịch UBND phụ trách chương trình của việc (chưa phân công thì Chủ tịch UBND đơn vị); hết thời gian vắng mặt, tin gửi lại đồng chí Nguyễn Văn An.\n" +
        `Hủy: /vangmat huy ${absence.id}`,
    );
    expect([absence.fromDate, absence.toDate, absence.standInId, absence.reason]).toEqual([
      "2026-11-26",
      "2026-11-27",
      null,
      "nghỉ phép",
    ]);
    expect(await h.db.db.auditLog.count({ where: { action: "absence.set", entity: "Absence" } })).toBe(1);

    // Tuesday 24/11, before the period: the heads-up reaches An himself
    const before = await check("2026-11-24");
    expect(about(before, AN_TASK, DEMO.official.id)).toHaveLength(1);
    expect(about(before, AN_TASK, CUONG.id)).toEqual([]);

    // Thursday 26/11, the due day: the deputy, on An's behalf, with the buttons; An nothing; the group as ever
    const due = await check("2026-11-26");
    expect(about(due, AN_TASK, DEMO.official.id)).toEqual([]);
    const [toDeputy, ...more] = about(due, AN_TASK, CUONG.id);
    expect(more).toEqual([]);
    expect(toDeputy!.startsWith(thay("Nguyễn Văn An", "27/11", "nghỉ phép") + "⏰ <b>Hôm nay đến hạn</b>")).toBe(true);
    expect(toDeputy).toContain("Khi hoàn thành, đề nghị đồng chí trả lời tin này bằng «xong»");
    expect(due.find((m) => m.chat_id === CUONG.id)!.reply_markup).toBeDefined();
    const inGroup = about(due, AN_TASK, namTraMy.id);
    expect(inGroup).toHaveLength(1);
    expect(inGroup[0]).not.toContain("vắng mặt");

    // Friday 27/11, one working day overdue: the chairman is told as ever; An's own copy goes to the deputy
    const plus1 = await check("2026-11-27");
    expect(about(plus1, AN_TASK, DEMO.official.id)).toEqual([]);
    const copy = about(plus1, AN_TASK, CUONG.id);
    expect(copy).toHaveLength(1);
    expect(copy[0]!.startsWith(thay("Nguyễn Văn An", "27/11", "nghỉ phép") + "⚠️ <b>Quá hạn 1 ngày làm việc</b>")).toBe(
      true,
    );
    const toChairman = about(plus1, AN_TASK, DEMO.chairman.id);
    expect(toChairman).toHaveLength(1);
    expect(toChairman[0]).toContain("Kính báo cáo đồng chí để theo dõi, chỉ đạo.");
    expect(toChairman[0]).not.toContain("vắng mặt");

    // Tuesday 1/12, after the period: An again, without the line; the deputy nothing
    const plus3 = await check("2026-12-01");
    const back = about(plus3, AN_TASK, DEMO.official.id);
    expect(back).toHaveLength(1);
    expect(back[0]!.startsWith("🚨 <b>Quá hạn 3 ngày làm việc</b>")).toBe(true);
    expect(about(plus3, AN_TASK, CUONG.id)).toEqual([]);
  });

  it("the secretariat sets the chairman's absence; a named stand-in completes the holder's task with ✅", async () => {
    await answer(secretariat, secretariatGroup, "/phutrach Nam Trà My GNBV Phạm Văn Cường");
    const told = await collect(h, () =>
      h.say(secretariat, secretariatGroup, "/vangmat Hồ Văn Minh 24/11/2026 25/11/2026 đi công tác"),
    );
    const minh = await h.db.db.absence.findFirstOrThrow();
    expect(told.find((m) => m.chat_id === secretariatGroup.id)!.text).toContain(
      `🗓 Đã ghi nhận lịch vắng mặt #${minh.id}: đồng chí Hồ Văn Minh (Nam Trà My) vắng mặt từ 24/11/2026 đến 25/11/2026 (đi công tác).`,
    );
    // the chairman hears it was set for him
    expect(told.filter((m) => m.chat_id === DEMO.chairman.id).map((m) => m.text)).toEqual([
      "🗓 Đồng chí Hồ Văn Minh (Nam Trà My) vắng mặt từ 24/11/2026 đến 25/11/2026 (đi công tác), do đồng chí Trần Thị Thu ghi nhận. Trong thời gian này, tin nhắc việc, báo cáo và thông báo gửi đồng chí Hồ Văn Minh được chuyển cho Phó Chủ tịch UBND phụ trách chương trình của việc (chưa phân công thì Chủ tịch UBND đơn vị).",
    ]);
    // An names his stand-in (part of the name is enough); the stand-in is told
    const named = await collect(h, () =>
      h.say(official, privateChat(DEMO.official), "/vangmat 24/11 24/11 Cường | họp Huyện ủy"),
    );
    expect(named.filter((m) => m.chat_id === CUONG.id).map((m) => m.text)).toEqual([
      "🗓 Đồng chí Nguyễn Văn An (Nam Trà My) vắng mặt ngày 24/11/2026 (họp Huyện ủy). Trong thời gian này, tin nhắc việc, báo cáo và thông báo gửi đồng chí Nguyễn Văn An được chuyển cho đồng chí Phạm Văn Cường.",
    ]);
    // the list: the secretariat sees both, An his own
    const [all] = await answer(secretariat, privateChat(DEMO.secretariat), "/vangmat");
    expect(all).toContain("Hồ Văn Minh");
    expect(all).toContain("Nguyễn Văn An");
    expect(all).toContain("do đồng chí Trần Thị Thu ghi");
    const [mine] = await answer(official, privateChat(DEMO.official), "/vangmat");
    expect(mine).toContain("người thay: đồng chí Phạm Văn Cường");
    expect(mine).not.toContain("Hồ Văn Minh");

    // Tuesday 24/11: An's heads-up to Cường on An's behalf; Bình's task one day overdue: the chairman's
    // escalation to Cường (GNBV's deputy) on the chairman's behalf; neither An nor the chairman hear anything
    const sent = await check("2026-11-24");
    expect(sent.filter((m) => m.chat_id === DEMO.chairman.id || m.chat_id === DEMO.official.id)).toEqual([]);
    // both reach Cường in the check's one message (ADR 009), which says once for each holder on whose behalf
    const toCuong = sent.filter((m) => m.chat_id === CUONG.id);
    expect(toCuong).toHaveLength(1);
    const anTask = toCuong[0]!;
    expect(
      anTask.text.startsWith(
        thay("Hồ Văn Minh", "25/11", "đi công tác") +
          thay("Nguyễn Văn An", "24/11", "họp Huyện ủy") +
          "📋 <b>Tổng hợp nhắc việc</b>",
      ),
    ).toBe(true);
    expect(anTask.text).toContain(`🚨 <b>Quá hạn</b>\n1. «${BINH_OVERDUE}`);
    // he acts on An's task and is informed of Bình's: the register says which is which
    expect(anTask.text).toContain(
      "Đề nghị đồng chí hoàn thành các việc đồng chí phụ trách dưới đây; các việc ghi «để theo dõi, chỉ đạo» xin kính báo cáo đồng chí:",
    );
    expect(anTask.text).toMatch(/1\. «Hoàn thiện hồ sơ[^\n]*· <i>để theo dõi, chỉ đạo<\/i>\n/);
    expect(anTask.text).not.toMatch(/2\. «[^\n]*để theo dõi/);
    expect(anTask.text).toContain(`2. «${AN_TASK}»`);
    // buttons for An's task only: Bình's escalation informs, Cường acts for An
    const task0 = await h.db.db.task.findFirstOrThrow({ where: { title: AN_TASK } });
    expect(JSON.stringify(anTask.reply_markup)).toContain(`"done:${task0.id}"`);
    expect((anTask.reply_markup as { inline_keyboard: unknown[] }).inline_keyboard).toHaveLength(1);

    // the stand-in of the chairman is not the stand-in of Bình: he cannot close Bình's task
    const binhTask = await h.db.db.task.findFirstOrThrow({ where: { title: { startsWith: BINH_OVERDUE } } });
    expect(await answer(cuong, privateChat(CUONG), `/xong ${binhTask.id} đã xong`)).toEqual([
      "Đồng chí không phải người phụ trách việc này nên không thể báo hoàn thành thay.",
    ]);
    // An's stand-in presses ✅ under the reminder: it counts
    const task = await h.db.db.task.findFirstOrThrow({ where: { title: AN_TASK } });
    const done = await h.press(cuong, privateChat(CUONG), anTask.message_id, `done:${task.id}`);
    expect(done.map((m) => m.text)).toContain(`✅ Đã ghi nhận: «${AN_TASK}» hoàn thành đúng hạn ngày 24/11/2026.`);
    const after = await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect([after.status, after.completedById]).toEqual([
      "DONE",
      (await h.db.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(CUONG.id) } })).id,
    ]);
    const audit = await h.db.db.auditLog.findFirstOrThrow({
      where: { action: "task.complete", entityId: String(task.id) },
    });
    expect(JSON.parse(audit.after)).toMatchObject({ status: "DONE", responsibleId: task.responsibleId });
  });

  it("after the period the stand-in may no longer act for the holder; a cancelled absence sends to the holder", async () => {
    await answer(official, privateChat(DEMO.official), "/vangmat 24/11 24/11 Phạm Văn Cường | nghỉ phép");
    const reminder = (await check("2026-11-24")).find((m) => m.chat_id === CUONG.id && m.text.includes(AN_TASK))!;
    const task = await h.db.db.task.findFirstOrThrow({ where: { title: AN_TASK } });
    h.clock.set(at(9, 0, "2026-11-25"));
    await h.press(cuong, privateChat(CUONG), reminder.message_id, `done:${task.id}`);
    const refused = h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!.payload;
    expect(refused).toMatchObject({
      text: "Đồng chí không phải người phụ trách việc này nên không thể báo hoàn thành thay.",
    });
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("OPEN");

    // a second absence, cancelled before it starts: the due-day reminder reaches An
    await answer(official, privateChat(DEMO.official), "/vangmat 26/11 27/11 nghỉ phép");
    const second = await h.db.db.absence.findFirstOrThrow({ where: { fromDate: "2026-11-26" } });
    expect(await answer(official2, privateChat(DEMO.official2), `/vangmat huy ${second.id}`)).toEqual([
      `Chỉ người vắng mặt, người ghi lịch hoặc Văn phòng điều phối được hủy lịch vắng mặt #${second.id}.`,
    ]);
    expect(await answer(official, privateChat(DEMO.official), `/vangmat huy ${second.id}`)).toEqual([
      `Đã hủy lịch vắng mặt #${second.id} của đồng chí Nguyễn Văn An (Nam Trà My) (từ 26/11/2026 đến 27/11/2026). Tin nhắc việc gửi lại đồng chí Nguyễn Văn An.`,
    ]);
    const due = await check("2026-11-26");
    expect(about(due, AN_TASK, DEMO.official.id)).toHaveLength(1);
    expect(about(due, AN_TASK, DEMO.official.id)[0]).not.toContain("vắng mặt");
    expect(await h.db.db.auditLog.count({ where: { action: "absence.cancel" } })).toBe(1);
  });
});

describeOnSqlite("absence: the pace ladder and the refusals", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(7, 40) });
    await addDeputyOfficial(h);
  });
  afterEach(async () => {
    await h.close();
  });
  const answer = async (from: EmulatorUser, chat: EmulatorChat, text: string) =>
    (await h.say(from, chat, text)).filter((m) => m.chat_id === chat.id).map((m) => m.text);

  it("the pace check: An's heads-up and the chairman's escalation go to the programme's deputy", async () => {
    await h.db.db.milestone.create({ data: { year: 2026, dueDate: "2026-11-27", targetBp: 3000 } });
    await answer(secretariat, secretariatGroup, "/phutrach Nam Trà My NTM Phạm Văn Cường");
    await answer(official, privateChat(DEMO.official), "/vangmat 25/11 25/11 nghỉ phép");
    await answer(secretariat, secretariatGroup, "/vangmat Hồ Văn Minh 30/11 30/11 đi công tác");
    const pace = async (day: string) => {
      h.clock.set(at(8, 0, day));
      return collect(h, () => h.app.scheduler.runNow("pace-check"));
    };
    // Wednesday 25/11, two working days before the milestone: NTM's heads-up to Cường instead of An
    const before = await pace("2026-11-25");
    expect(before.filter((m) => m.chat_id === DEMO.official.id)).toEqual([]);
    const heads = before.filter((m) => m.chat_id === CUONG.id).map((m) => m.text);
    expect(heads).toHaveLength(1);
    expect(heads[0]!.startsWith(thay("Nguyễn Văn An", "25/11", "nghỉ phép") + "⏰ <b>Nhắc tiến độ giải ngân</b>")).toBe(
      true,
    );
    // Monday 30/11, the milestone passed: the chairman is away; NTM's escalation goes to NTM's deputy, the
    // programmes without a deputy (GNBV, DTTS) have nobody else: the chairman himself
    const escalated = await pace("2026-11-30");
    const toCuong = escalated.filter((m) => m.chat_id === CUONG.id).map((m) => m.text);
    expect(toCuong).toHaveLength(1);
    expect(
      toCuong[0]!.startsWith(thay("Hồ Văn Minh", "30/11", "đi công tác") + "⚠️ <b>Chưa đạt mốc giải ngân</b>"),
    ).toBe(true);
    expect(toCuong[0]).toContain("NTM: 27,3%");
    const toMinh = escalated.filter((m) => m.chat_id === DEMO.chairman.id).map((m) => m.text);
    // one message for his two programmes (ADR 009)
    expect(toMinh).toHaveLength(1);
    expect(toMinh[0]).toContain("GNBV");
    expect(toMinh[0]).toContain("DTTS");
    expect(toMinh[0]).not.toContain("NTM");
  });

  it("refuses bad dates, a period in the past, unknown people, people of another unit, and others' absences", async () => {
    const me = privateChat(DEMO.official);
    expect(await answer(official, me, "/vangmat")).toEqual(["Không có lịch vắng mặt nào đang diễn ra hoặc sắp tới."]);
    expect(await answer(official, me, "/vangmat nghỉ phép")).toEqual([expect.stringContaining("Cú pháp: /vangmat")]);
    expect(await answer(official, me, "/vangmat 26/11")).toEqual([expect.stringContaining("Cú pháp: /vangmat")]);
    expect(await answer(official, me, "/vangmat 26/11 27/11")).toEqual([expect.stringContaining("Cú pháp: /vangmat")]);
    expect(await answer(official, me, "/vangmat 31/11 02/12 nghỉ phép")).toEqual([
      "«31/11» không phải ngày hợp lệ. Đề nghị ghi ngày theo dạng dd/mm/yyyy.",
    ]);
    expect(await answer(official, me, "/vangmat 27/11/2026 26/11/2026 nghỉ phép")).toEqual([
      "Ngày kết thúc (26/11/2026) trước ngày bắt đầu (27/11/2026). Đề nghị kiểm tra lại.",
    ]);
    expect(await answer(official, me, "/vangmat 16/11 20/11 nghỉ phép")).toEqual([
      "Thời gian vắng mặt này đã qua (kết thúc ngày 20/11/2026). Chỉ ghi lịch vắng mặt đang diễn ra hoặc sắp tới.",
    ]);
    expect(await answer(official, me, "/vangmat 26/11 27/11 Lò Văn Không | nghỉ phép")).toEqual([
      "Không tìm thấy cán bộ «Lò Văn Không» đang hoạt động. Đề nghị ghi đúng họ tên hoặc mã cán bộ (xem /ai).",
    ]);
    expect(await answer(official, me, "/vangmat 26/11 27/11 Võ Thị Hoa | nghỉ phép")).toEqual([
      "Đồng chí Võ Thị Hoa không thuộc Nam Trà My nên không thể nhận thay việc của đơn vị. Đề nghị chọn cán bộ của Nam Trà My.",
    ]);
    expect(await answer(official, me, "/vangmat 26/11 27/11 Nguyễn Văn An | nghỉ phép")).toEqual([
      "Người thay phải là một cán bộ khác.",
    ]);
    expect(await answer(official, me, "/vangmat Trần Văn Bình 26/11 27/11 nghỉ phép")).toEqual([
      "Chỉ Văn phòng điều phối được ghi lịch vắng mặt cho cán bộ khác; đồng chí ghi cho mình: /vangmat &lt;từ ngày&gt; &lt;đến ngày&gt; &lt;lý do&gt;.",
    ]);
    // the Vietnamese way of writing a period, and one across the new year
    expect((await answer(official, me, "/vangmat từ 28/12 đến 05/01 nghỉ phép năm"))[0]).toContain(
      "vắng mặt từ 28/12/2026 đến 05/01/2027 (nghỉ phép năm)",
    );
    expect((await answer(official, me, "/vangmat 04/01/2027 06/01/2027 nghỉ phép"))[0]).toMatch(
      /^Đồng chí Nguyễn Văn An đã có lịch vắng mặt #\d+ từ 28\/12\/2026 đến 05\/01\/2027 trùng thời gian này/u,
    );
    expect(await h.db.db.absence.count()).toBe(1);

    // /phutrach: the secretariat only; the deputy must work in the unit
    expect(await answer(official, me, "/phutrach Nam Trà My NTM Phạm Văn Cường")).toEqual([
      "Đồng chí không dùng được lệnh này: cần vai trò Văn phòng điều phối.",
    ]);
    const office = privateChat(DEMO.secretariat);
    expect(await answer(secretariat, office, "/phutrach Nam Trà My NTM Võ Thị Hoa")).toEqual([
      "Đồng chí Võ Thị Hoa không thuộc Nam Trà My nên không thể nhận thay việc của đơn vị. Đề nghị chọn cán bộ của Nam Trà My.",
    ]);
    expect(await answer(secretariat, office, "/phutrach")).toEqual([
      "Chưa phân công Phó Chủ tịch phụ trách chương trình nào. Cú pháp: /phutrach &lt;đơn vị&gt; &lt;chương trình&gt; &lt;tên hoặc mã cán bộ&gt;.",
    ]);
    const cuongId = (await h.db.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(CUONG.id) } })).id;
    await answer(secretariat, office, `/phutrach Nam Trà My DTTS ${cuongId}`);
    expect(await answer(secretariat, office, "/phutrach nam tra my")).toEqual([
      "<b>Phó Chủ tịch phụ trách chương trình</b>:\nNam Trà My · DTTS: đồng chí Phạm Văn Cường",
    ]);
    expect(await answer(secretariat, office, "/phutrach Nam Trà My DTTS -")).toEqual([
      "Đã bỏ phân công Phó Chủ tịch phụ trách chương trình DTTS của Nam Trà My (đồng chí Phạm Văn Cường): cán bộ vắng mặt không chỉ định người thay thì Chủ tịch UBND đơn vị nhận thay.",
    ]);
    expect(
      (await h.db.db.auditLog.findMany({ where: { entity: "Deputy" }, orderBy: { id: "asc" } })).map((a) => a.action),
    ).toEqual(["deputy.set", "deputy.remove"]);
  });
});
