// /choxacnhan (/pending, #19): the completions waiting for one's own confirmation, through the real telegraf
// stack and the emulator — the assigner sees the tasks he gave, the secretariat every one (in a unit's group only
// that unit's), and the service gives an absent assigner's stand-in his; each line with the number, title, unit,
// who reported when, and the question's own buttons: ✅ from the list confirms (the other rows stay), ✖️ asks the
// reason and reopens. On SQLite and PostgreSQL.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);
const son = user(DEMO.bacTraMyOfficial);

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const rows = (m: { reply_markup?: unknown }) =>
  ((m.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).map((r) => r.map((b) => [b.text, b.callback_data]));

describeEachDatabase("/choxacnhan: completions waiting for one's own confirmation", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(8, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  /** the bot's one answer in that chat (not what the outbox delivers there meanwhile) */
  async function answer(from: EmulatorUser, chat: EmulatorChat, text: string, replyTo?: number): Promise<SentMessage> {
    const here = (await h.say(from, chat, text, replyTo)).filter(
      (m) => m.chat_id === chat.id && m.method === "sendMessage",
    );
    await h.app.dispatcher.drain();
    const outbox = await h.db.db.outboxMessage.findMany({
      where: { chatId: BigInt(chat.id), sentMessageId: { in: here.map((m) => BigInt(m.message_id)) } },
      select: { sentMessageId: true },
    });
    const sent = here.filter((m) => !outbox.some((o) => o.sentMessageId === BigInt(m.message_id)));
    expect(sent).toHaveLength(1);
    return sent[0]!;
  }
  const taskId = async (title: string) => (await h.db.db.task.findFirstOrThrow({ where: { title } })).id;
  const stamp = async (id: number) =>
    (await h.db.db.task.findUniqueOrThrow({ where: { id } })).completedAt!.getTime().toString(36);
  const callbackAnswers = () =>
    h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);

  it("the assigner, the secretariat, a unit's group and a stand-in each see theirs, with the question's buttons", async () => {
    // the chairman gives one to An; the secretariat one to Sơn of Bắc Trà My; both need confirmation
    await answer(
      chairman,
      namTraMy,
      "/giao Nam Trà My | NTM | Nguyễn Văn An | 26/11/2026 | Báo cáo rà soát | cần xác nhận",
    );
    await answer(
      secretariat,
      secretariatGroup,
      "/giao Bắc Trà My | DTTS | Hồ Văn Sơn | 27/11/2026 | Kế hoạch vốn DTTS | cần xác nhận",
    );
    const [a, b] = [await taskId("Báo cáo rà soát"), await taskId("Kế hoạch vốn DTTS")];
    // nothing reported yet
    expect((await answer(chairman, privateChat(DEMO.chairman), "/choxacnhan")).text).toBe(
      "Không có việc nào đang chờ đồng chí xác nhận hoàn thành.",
    );

    h.clock.set(at(9, 0));
    await answer(official, privateChat(DEMO.official), `/xong ${a} đã nộp`);
    h.clock.set(at(9, 30));
    await answer(son, privateChat(DEMO.bacTraMyOfficial), `/xong ${b}`);
    const [sa, sb] = [await stamp(a), await stamp(b)];

    // the chairman: his task only, with the same buttons (callback data) as the question he was sent
    const ask = h.emulator.sent.find((m) => m.chat_id === DEMO.chairman.id && m.text.includes(`việc #${a}</b>`))!;
    const mine = await answer(chairman, privateChat(DEMO.chairman), "/choxacnhan");
    expect(mine.text.split("\n")).toEqual([
      "⏳ <b>Việc chờ đồng chí xác nhận hoàn thành</b>: 1 việc",
      `• #${a} Báo cáo rà soát · Nam Trà My — đồng chí Nguyễn Văn An báo hoàn thành lúc 09:00 ngày 24/11/2026 (đúng hạn)`,
      "Đề nghị đồng chí xem xét, xác nhận kết quả bằng các nút dưới đây (xem chi tiết: /lichsu &lt;số việc&gt;).",
    ]);
    expect(rows(mine)).toEqual([
      [
        [`✅ Xác nhận #${a}`, `cfy:${a}:${sa}`],
        [`✖️ Không xác nhận #${a}`, `cfn:${a}:${sa}`],
      ],
    ]);
    expect(rows(mine)[0]!.map((x) => x[1])).toEqual(rows(ask)[0]!.map((x) => x[1]));

    // the secretariat (English name too): every one, oldest report first, the assigner named when not her
    const all = await answer(secretariat, secretariatGroup, "/pending");
    expect(all.text.split("\n").slice(0, 3)).toEqual([
      "⏳ <b>Việc chờ đồng chí xác nhận hoàn thành</b>: 2 việc",
      `• #${a} Báo cáo rà soát · Nam Trà My — đồng chí Nguyễn Văn An báo hoàn thành lúc 09:00 ngày 24/11/2026 (đúng hạn); người giao: đồng chí Hồ Văn Minh`,
      `• #${b} Kế hoạch vốn DTTS · Bắc Trà My — đồng chí Hồ Văn Sơn báo hoàn thành lúc 09:30 ngày 24/11/2026 (đúng hạn)`,
    ]);
    expect(rows(all).map((r) => r.map((x) => x[1]))).toEqual([
      [`cfy:${a}:${sa}`, `cfn:${a}:${sa}`],
      [`cfy:${b}:${sb}`, `cfn:${b}:${sb}`],
    ]);
    // in Nam Trà My's group, the secretariat sees that unit's only; the official who reported may not ask
    expect(rows(await answer(secretariat, namTraMy, "/choxacnhan")).map((r) => r[0]![1])).toEqual([`cfy:${a}:${sa}`]);
    expect((await answer(official, privateChat(DEMO.official), "/choxacnhan")).text).toBe(
      "Đồng chí không dùng được lệnh này: cần vai trò Văn phòng điều phối hoặc Chủ tịch UBND.",
    );

    // ✅ #b from the list: confirmed, and the list keeps a's row
    h.clock.set(at(10, 0));
    await h.press(secretariat, secretariatGroup, all.message_id, `cfy:${b}:${sb}`);
    expect(callbackAnswers().at(-1)).toBe("✅");
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: b } })).status).toBe("DONE");
    const edit = h.emulator.calls.filter((c) => c.method === "editMessageReplyMarkup").at(-1)!;
    expect(edit.payload.message_id).toBe(all.message_id);
    expect((edit.payload.reply_markup as Keyboard).inline_keyboard.map((r) => r.map((x) => x.callback_data))).toEqual([
      [`cfy:${a}:${sa}`, `cfn:${a}:${sa}`],
    ]);

    // the chairman away with the Party secretary standing in: she may decide his task (mayConfirmNow), so the
    // list the service gives her has it (the command itself is the assigners' and the secretariat's)
    await answer(
      secretariat,
      secretariatGroup,
      "/vangmat Hồ Văn Minh 24/11/2026 25/11/2026 Đinh Thị Lan | đi công tác",
    );
    const lanActor = (await h.app.services.registry.actorByTelegramId(BigInt(DEMO.partySecretary.id), h.clock.now()))!;
    const hers = await h.app.services.awaiting.list({ actor: lanActor, unitId: null, now: h.clock.now() });
    expect(hers.items.map((i) => [i.taskId, i.assignerName, i.stamp])).toEqual([[a, "Hồ Văn Minh", sa]]);
    const nobody = (await h.app.services.registry.actorByTelegramId(BigInt(DEMO.official2.id), h.clock.now()))!;
    expect((await h.app.services.awaiting.list({ actor: nobody, unitId: null, now: h.clock.now() })).total).toBe(0);

    // ✖️ #a from the chairman's list: the reason is asked, the task reopens, the list is empty
    const prompt = (await h.press(chairman, privateChat(DEMO.chairman), mine.message_id, `cfn:${a}:${sa}`)).find(
      (m) => m.chat_id === DEMO.chairman.id && m.method === "sendMessage",
    )!;
    expect(prompt.text).toContain(`lý do không xác nhận việc #${a}`);
    await answer(chairman, privateChat(DEMO.chairman), "Thiếu biên bản", prompt.message_id);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: a } })).status).toBe("OPEN");
    expect((await answer(chairman, privateChat(DEMO.chairman), "/choxacnhan")).text).toBe(
      "Không có việc nào đang chờ đồng chí xác nhận hoàn thành.",
    );
    // a stale button of the list decides nothing
    await h.press(secretariat, secretariatGroup, all.message_id, `cfy:${a}:${sa}`);
    expect(callbackAnswers().at(-1)).toBe(`Báo cáo hoàn thành việc #${a} này đã được xem xét.`);
  });
});
