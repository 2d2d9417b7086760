// Acting from a digest through the real telegraf stack and the emulator (issue #18, ADR 009): a chat told of
// one task gets today's single reminder, unchanged; a chat told of several gets one digest whose every item
// keeps the single reminder's actions (✅ n, ⏰ n → the three snooze choices, ⚠️ n, 📅 n) and its document
// reference; replies under a digest are read as under a reminder — «xong 2» / «✅ 2» pick item 2, a plain
// «xong» the sender's only item, and when unsure (two items of his, «ok», 👍) the bot asks back with buttons;
// a file replying to a digest goes to the item its caption numbers; a digest with more items than fit lists
// the worst ten, with buttons, and says how many more and where to see them.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { collect } from "../support/collect.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official); // An: «Nộp báo cáo tiến độ giải ngân tháng», due 26/11
const official2 = user(DEMO.official2); // Bình: «Hoàn thiện hồ sơ điều chỉnh…», overdue since 23/11

const AN_TASK = "Nộp báo cáo tiến độ giải ngân tháng";
const BINH_OVERDUE = "Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp";

type Button = { text: string; callback_data: string };
type Keyboard = { inline_keyboard: Button[][] };
const rows = (m: SentMessage | undefined) => (m?.reply_markup as Keyboard | undefined)?.inline_keyboard ?? [];
const flat = (m: SentMessage | undefined) => rows(m).flat();

describeEachDatabase("acting from a digest", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  const all = (action: () => Promise<unknown>) => collect(h, action);
  const task = (title: string) => h.db.db.task.findFirstOrThrow({ where: { title: { startsWith: title } } });
  /** one more task of An in Nam Trà My, due `due` */
  async function anTask(title: string, due: string, docRef = "") {
    const an = await h.db.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(DEMO.official.id) } });
    const unit = await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    return h.db.db.task.create({
      data: {
        title,
        dueDate: due,
        docRef,
        unitId: unit.id,
        responsibleId: an.id,
        createdById: an.id,
        createdAt: h.clock.now(),
      },
    });
  }
  async function morning() {
    h.clock.set(at(8, 0));
    const sent = await all(() => h.deadlineCheck());
    h.clock.set(at(8, 30));
    return sent;
  }
  const only = (sent: SentMessage[], chatId: number) => {
    const mine = sent.filter((m) => m.chat_id === chatId);
    expect(mine, String(chatId)).toHaveLength(1);
    return mine[0]!;
  };

  it("one item: today's single reminder, unchanged; two: one digest, each item with its own row of actions", async () => {
    const [anId, binhId] = [(await task(AN_TASK)).id, (await task(BINH_OVERDUE)).id];
    const sent = await morning();
    // An's private chat and the chairman are told of one task each: the single reminder, as before
    const own = only(sent, DEMO.official.id);
    expect(own.text.split("\n")).toEqual([
      "⏰ <b>Nhắc việc</b> — còn 2 ngày làm việc đến hạn",
      `Việc: <b>${AN_TASK}</b>`,
      "Đơn vị: Nam Trà My · Chương trình NTM · Văn bản 1523/UBND-KTTH",
      `Hạn: 26/11/2026 · Phụ trách: đồng chí <a href="tg://user?id=${DEMO.official.id}">Nguyễn Văn An</a>`,
      "Khi hoàn thành, đề nghị đồng chí trả lời tin này bằng «xong» kèm ghi chú, hoặc bấm ✅.",
    ]);
    expect(rows(own).map((r) => r.map((b) => [b.text, b.callback_data]))).toEqual([
      [["✅ Đã xong", `done:${anId}`]],
      [
        ["⏰ 1 giờ", `snz:1h:${anId}`],
        ["⏰ Sáng mai", `snz:am:${anId}`],
      ],
      [["⏰ Ngày làm việc tiếp theo", `snz:wd:${anId}`]],
      [
        ["⚠️ Vướng mắc", `obs:${anId}`],
        ["📅 Xin gia hạn", `ext:${anId}`],
      ],
    ]);
    expect(only(sent, DEMO.chairman.id).text).toMatch(/^⚠️ <b>Quá hạn 1 ngày làm việc<\/b>/);
    expect(only(sent, DEMO.chairman.id).reply_markup).toBeUndefined();
    // the group, told of both: one digest, the overdue one first, each line with its document reference
    const digest = only(sent, namTraMy.id);
    expect(digest.text.split("\n").slice(2, 6)).toEqual([
      "🚨 <b>Quá hạn</b>",
      `1. «${BINH_OVERDUE}» — Nam Trà My · GNBV · Văn bản 1480/SKHĐT-KTN · hạn 23/11 · quá 1 ngày làm việc · đồng chí Trần Văn Bình`,
      "🔔 <b>Sắp đến hạn</b>",
      `2. «${AN_TASK}» — Nam Trà My · NTM · Văn bản 1523/UBND-KTTH · hạn 26/11 · còn 2 ngày làm việc · đồng chí Nguyễn Văn An`,
    ]);
    expect(rows(digest).map((r) => r.map((b) => [b.text, b.callback_data]))).toEqual(
      [binhId, anId].map((id, k) => [
        [`✅ ${k + 1}`, `done:${id}`],
        [`⏰ ${k + 1}`, `snq:${id}`],
        [`⚠️ ${k + 1}`, `obs:${id}`],
        [`📅 ${k + 1}`, `ext:${id}`],
      ]),
    );
  });

  it("the buttons of a digest item do what the single reminder's do: ⚠️, 📅, ⏰ and ✅", async () => {
    const [anId, binhId] = [(await task(AN_TASK)).id, (await task(BINH_OVERDUE)).id];
    const digest = only(await morning(), namTraMy.id);
    const press = (who: typeof official, data: string) =>
      all(() => h.press(who, namTraMy, digest.message_id, data)).then((ms) => ms.filter((m) => !m.edited));

    // ⚠️ 1: Bình is asked the reason; his next message records the obstacle
    const [asked] = await press(official2, flat(digest).find((b) => b.text === "⚠️ 1")!.callback_data);
    // in a group the question names him and opens his reply field: privacy mode shows the bot replies only
    expect(asked!.text).toBe(
      `Đồng chí <a href="tg://user?id=${DEMO.official2.id}">${DEMO.official2.name}</a>:\n` +
        `⚠️ Đề nghị đồng chí trả lời tin này bằng lý do vướng mắc của việc «${BINH_OVERDUE}».`,
    );
    expect(asked!.reply_markup).toEqual({ force_reply: true, selective: true });
    const recorded = await all(() => h.say(official2, namTraMy, "Chờ Sở Tài chính thẩm định", asked!.message_id));
    expect(recorded.find((m) => m.chat_id === namTraMy.id)!.text).toContain("Đã ghi nhận vướng mắc");
    expect(await h.db.db.obstacle.findFirstOrThrow()).toMatchObject({ taskId: binhId, status: "OPEN" });

    // 📅 2: An is asked the date and the reason; his answer is the request
    const [prompt] = await press(official, flat(digest).find((b) => b.text === "📅 2")!.callback_data);
    expect(prompt!.text).toContain(`📅 Xin gia hạn việc #${anId}`);
    const requested = await all(() => h.say(official, namTraMy, "04/12/2026 chờ số liệu Kho bạc", prompt!.message_id));
    expect(requested.find((m) => m.chat_id === namTraMy.id)!.text).toContain(
      `📅 Đã gửi đề nghị gia hạn việc #${anId} đến ngày 04/12/2026`,
    );
    expect(await h.db.db.extensionRequest.count({ where: { taskId: anId } })).toBe(1);

    // ⏰ 2: the three snooze choices; «Sáng mai» snoozes
    const [menu] = await press(official, flat(digest).find((b) => b.text === "⏰ 2")!.callback_data);
    expect(flat(menu).map((b) => b.callback_data)).toEqual([`snz:1h:${anId}`, `snz:am:${anId}`, `snz:wd:${anId}`]);
    const [snoozed] = (await all(() => h.press(official, namTraMy, menu!.message_id, `snz:am:${anId}`))).filter(
      (m) => !m.edited,
    );
    expect(snoozed!.text).toContain(`⏰ Đã hẹn: dondoc sẽ nhắc lại việc «${AN_TASK}» lúc 07:30 ngày 25/11/2026`);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: anId } })).snoozedUntil).not.toBeNull();

    // ✅ 1 by the chairman: closed; the digest keeps item 2's row only
    const pressed = await all(() => h.press(chairman, namTraMy, digest.message_id, `done:${binhId}`));
    expect(pressed.find((m) => !m.edited && m.chat_id === namTraMy.id)!.text).toContain(
      `✅ Đã ghi nhận: «${BINH_OVERDUE}» hoàn thành quá hạn`,
    );
    const edit = pressed.find((m) => m.edited && m.message_id === digest.message_id)!;
    expect(flat(edit).map((b) => b.text)).toEqual(["✅ 2", "⏰ 2", "⚠️ 2", "📅 2"]);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: binhId } })).status).toBe("DONE");
  });

  it("unsure under a digest asks back with buttons; «xong» with two items asks which; «✅ 2» and «xong 2» pick the item", async () => {
    const third = await anTask("Tổng hợp vướng mắc mặt bằng", "2026-11-26", "12-KL/TU, mục 3");
    const sent = await morning();
    const digest = only(sent, namTraMy.id);
    const mine = only(sent, DEMO.official.id);
    // An has two items now: his private chat gets a digest too, with the directive's reference
    expect(mine.text).toContain("Tổng hợp nhắc việc");
    expect(mine.text).toMatch(
      /\d\. «Tổng hợp vướng mắc mặt bằng» — Nam Trà My · Văn bản 12-KL\/TU, mục 3 · hạn 26\/11/,
    );
    const me = privateChat(DEMO.official);
    const say = (who: typeof official, chat: typeof me, text: string, under: SentMessage) =>
      all(() => h.say(who, chat, text, under.message_id)).then((ms) => ms.filter((m) => m.chat_id === chat.id));

    // Bình's only item in the group's digest: «ok» asks «đã hoàn thành?» Có / Không, as under a reminder
    const binh = await task(BINH_OVERDUE);
    const [askDone] = await say(official2, namTraMy, "ok", digest);
    expect(askDone!.text).toBe(`Đồng chí đã hoàn thành việc #${binh.id} «${BINH_OVERDUE}» (hạn 23/11/2026) chưa?`);
    expect(flat(askDone).map((b) => b.callback_data)).toEqual([`cr:y:${binh.id}`, "cr:n"]);

    // the chairman (none of them his) says 👍: which one? a button per task he may close, and «none»
    const [askWhich] = await say(chairman, namTraMy, "👍", digest);
    expect(askWhich!.text).toBe("Đồng chí đã hoàn thành việc nào?");
    expect(flat(askWhich)).toHaveLength(4);
    expect(flat(askWhich).at(-1)!.callback_data).toBe("cr:n");

    // a question under his digest closes nothing and answers nothing
    expect(await say(official, me, "xong 2 chưa?", mine)).toEqual([]);
    // An: a plain «xong» under his own digest of two — which one?
    const an = await task(AN_TASK);
    const [which] = await say(official, me, "Dạ em xong rồi ạ", mine);
    expect(which!.text).toBe("Đồng chí đã hoàn thành việc nào?");
    expect(flat(which).map((b) => b.callback_data)).toEqual([`cr:y:${an.id}`, `cr:y:${third.id}`, "cr:n"]);
    expect((await task(AN_TASK)).status).toBe("OPEN");
    // a number not in the digest: which one, not a guess
    const [noSuch] = await say(official, me, "xong 7", mine);
    expect(noSuch!.text).toBe(
      "Tin này tổng hợp nhiều việc. Đề nghị đồng chí ghi số thứ tự của việc đã hoàn thành, ví dụ «xong 2», hoặc bấm ✅ 2.",
    );
    // «✅ 2» typed: item 2 of that digest
    const n = (title: string, m: SentMessage) => new RegExp(`^(\\d+)\\. «${title}`, "m").exec(m.text)![1]!;
    const [typed] = await say(official, me, `✅ ${n("Tổng hợp vướng mắc", mine)}`, mine);
    expect(typed!.text).toContain("✅ Đã ghi nhận: «Tổng hợp vướng mắc mặt bằng» hoàn thành đúng hạn");
    expect((await task("Tổng hợp vướng mắc")).status).toBe("DONE");
    // «xong 3, đã nộp» under the group's digest: item 3 there, with its note
    const [numbered] = await say(official, namTraMy, `xong ${n(AN_TASK, digest)}, đã nộp ạ`, digest);
    expect(numbered!.text).toBe(`✅ Đã ghi nhận: «${AN_TASK}» hoàn thành đúng hạn ngày 24/11/2026 — đã nộp ạ.`);
  });

  it("a file under a digest goes to the item its caption numbers, and «xong n» closes it", async () => {
    const an = await task(AN_TASK);
    const digest = only(await morning(), namTraMy.id);
    const before = h.emulator.sent.length;
    h.emulator.userSendsDocument({
      from: official,
      chat: namTraMy,
      filename: "bao-cao.pdf",
      bytes: new TextEncoder().encode("%PDF-1.4"),
      mimeType: "application/pdf",
      replyTo: digest.message_id,
      caption: "xong 2 đã nộp bản ký số",
    });
    await h.emulator.waitIdle();
    const [reply] = h.emulator.sent.slice(before).filter((m) => m.chat_id === namTraMy.id);
    expect(reply!.text.split("\n")).toEqual([
      `📎 Đã nhận minh chứng «bao-cao.pdf» cho việc #${an.id} «${AN_TASK}» (1 minh chứng).`,
      `✅ Đã ghi nhận: «${AN_TASK}» hoàn thành đúng hạn ngày 24/11/2026 — đã nộp bản ký số.`,
    ]);
    expect(await h.db.db.taskEvidence.count({ where: { taskId: an.id } })).toBe(1);
  });

  it("more items than fit: the worst ten with their buttons, and how many more and where to see them", async () => {
    for (let i = 1; i <= 12; i++) await anTask(`Báo cáo chuyên đề số ${i}`, "2026-11-26");
    const digest = only(await morning(), namTraMy.id);
    const lines = digest.text.split("\n");
    expect(lines[0]).toBe("📋 <b>Tổng hợp nhắc việc</b> ngày 24/11/2026 — 14 việc, xếp từ cấp bách nhất");
    expect(lines.filter((l) => /^\d+\. «/.test(l))).toHaveLength(10);
    expect(lines.find((l) => l.startsWith("1. "))).toContain(BINH_OVERDUE);
    expect(lines).toContain("… và 4 việc khác: gõ /viec (hoặc /quahan) để xem đủ.");
    expect(rows(digest)).toHaveLength(10);
    expect(flat(digest).length).toBeLessThanOrEqual(100);
    expect(rows(digest)[9]!.map((b) => b.text)).toEqual(["✅ 10", "⏰ 10", "⚠️ 10", "📅 10"]);
    expect(digest.text.length).toBeLessThanOrEqual(4096);
  });
});
