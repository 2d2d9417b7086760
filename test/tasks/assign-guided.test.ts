// /giao step by step (issue #18) through the real telegraf stack and the Bot API emulator with BotFather's
// privacy mode on: a chairman and the secretariat each assign with the buttons (the typed date and title are
// replies to the bot's questions), a bad date is asked again, ✖️ cancels, a press by anyone but the starter or
// on a form that ended is refused with a clear answer; ✅ assigns like the one-line form (same reply, same
// announcement).
import { afterEach, beforeEach, expect, it } from "vitest";
import type { EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { chats, collect, sorted } from "../support/collect.ts";
import { describeEachDatabase, describeOnSqlite, type Provider } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);
const secretariat2 = user(DEMO.secretariatEn, "en");
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);

type Button = { text: string; callback_data: string };
type Markup = { inline_keyboard?: Button[][]; force_reply?: boolean; selective?: boolean };
const markup = (m: SentMessage | undefined) => m?.reply_markup as Markup | undefined;
const buttons = (m: SentMessage | undefined) => markup(m)?.inline_keyboard?.flat() ?? [];
const labels = (m: SentMessage | undefined) => buttons(m).map((b) => b.text);
const data = (m: SentMessage | undefined, text: string) => {
  const b = buttons(m).find((x) => x.text === text);
  if (!b) throw new Error(`no button «${text}» in ${JSON.stringify(labels(m))}`);
  return b.callback_data;
};

/** The harness (privacy mode on, 09:00 on Tuesday 24/11/2026) and the helpers every test below uses. */
function formHarness(provider: Provider) {
  const t = { h: undefined as unknown as Harness };
  beforeEach(async () => {
    t.h = await startHarness(provider, { privacyMode: true });
    t.h.clock.set(at(9, 0));
  });
  afterEach(async () => {
    await t.h.close();
  });
  /** the form's message as it is now (its latest edit) */
  const latest = (id: number) => t.h.emulator.sent.filter((m) => m.message_id === id).at(-1);
  return {
    get h() {
      return t.h;
    },
    all: (action: () => Promise<unknown>) => collect(t.h, action),
    /** a user writes; the bot's new messages (not its edits of the form) */
    say: async (...args: Parameters<Harness["say"]>) => (await t.h.say(...args)).filter((m) => !m.edited),
    latest,
    /** presses a button of the form's message and returns the message after the press */
    press: async (who: EmulatorUser, chat: EmulatorChat, form: number, text: string) => {
      await t.h.press(who, chat, form, data(latest(form), text));
      return latest(form)!;
    },
    /** the text of the last answer to a button press, and whether it was an alert */
    lastAnswer: () => {
      const call = t.h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!;
      return { text: call.payload.text, alert: call.payload.show_alert === true };
    },
    pending: () => t.h.db.db.pendingInput.count({ where: { kind: "assign.guided" } }),
  };
}

describeOnSqlite("/giao step by step", (provider) => {
  const f = formHarness(provider);
  const { all, say, latest, press, lastAnswer, pending } = f;

  it("a chairman: his unit is skipped, the programme's officials first, a bad date asked again, ✅ assigns", async () => {
    const [form, ...more] = await say(chairman, namTraMy, "/giao");
    expect(more).toEqual([]);
    expect(form!.text).toBe(
      [
        "📝 <b>Giao việc</b>",
        "Đơn vị: <b>Nam Trà My</b>",
        "Đề nghị đồng chí chọn chương trình:",
        "• NTM: Xây dựng nông thôn mới",
        "• GNBV: Giảm nghèo bền vững",
        "• DTTS: Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
      ].join("\n"),
    );
    expect(labels(form)).toEqual(["NTM", "GNBV", "DTTS", "Không thuộc chương trình", "✖️ Hủy"]);

    const people = await press(chairman, namTraMy, form!.message_id, "NTM");
    expect(people.text).toContain("Chương trình: NTM\nĐề nghị đồng chí chọn cán bộ phụ trách (⭐: cán bộ phụ trách");
    expect(labels(people)).toEqual(["⭐ Nguyễn Văn An", "Đinh Thị Lan", "Hồ Văn Minh", "Trần Văn Bình", "✖️ Hủy"]);

    const dates = await press(chairman, namTraMy, form!.message_id, "⭐ Nguyễn Văn An");
    expect(dates.text).toContain("Cán bộ phụ trách: đồng chí Nguyễn Văn An\nĐề nghị đồng chí chọn hạn hoàn thành");
    // +5 and +10 working days; the month ends before +5, so the end of December
    expect(labels(dates)).toEqual([
      "+5 ngày làm việc (01/12)",
      "+10 ngày làm việc (08/12)",
      "Cuối tháng (31/12)",
      "✖️ Hủy",
    ]);

    // privacy mode: a plain group message never reaches the bot; a reply to the form does
    expect(f.h.emulator.userSends({ from: chairman, chat: namTraMy, text: "04/12/2026" }).delivered).toBe(false);
    const [bad] = await say(chairman, namTraMy, "32/13/2026", form!.message_id);
    expect(bad!.text.split("\n")[0]).toBe(
      "«32/13/2026» không phải ngày hợp lệ. Đề nghị ghi ngày theo dạng dd/mm/yyyy.",
    );
    expect(labels(bad)).toContain("+5 ngày làm việc (01/12)");
    const [saturday] = await say(chairman, namTraMy, "28/11/2026", bad!.message_id);
    expect(saturday!.text.split("\n")[0]).toBe("Ngày 28/11/2026 là ngày nghỉ (Thứ Bảy). Đề nghị chọn ngày làm việc.");
    const [past] = await say(chairman, namTraMy, "20/11", saturday!.message_id);
    expect(past!.text.split("\n")[0]).toBe("Ngày 20/11/2026 đã qua. Đề nghị chọn ngày từ hôm nay trở đi.");
    expect(await f.h.db.db.task.count({ where: { title: "Rà soát danh mục công trình NTM" } })).toBe(0);

    // a good date, typed under the latest question: the title's question asks for a reply
    const [ask] = await say(chairman, namTraMy, "04/12/2026", past!.message_id);
    expect(ask!.text).toBe("✍️ Đề nghị đồng chí trả lời tin này bằng nội dung (tiêu đề) việc giao.");
    expect(markup(ask)).toMatchObject({ force_reply: true, selective: true });
    // the form shows the date; the questions sent after it lose their buttons
    expect(latest(form!.message_id)!.text).toContain("Hạn hoàn thành: 04/12/2026");
    expect(labels(latest(form!.message_id))).toEqual(["✖️ Hủy"]);
    for (const q of [bad, saturday, past]) expect(latest(q!.message_id)!.reply_markup).toBeUndefined();

    const [preview] = await say(chairman, namTraMy, "Rà soát danh mục công trình NTM", ask!.message_id);
    expect(preview!.text).toBe(
      [
        "📋 <b>Giao việc: xem lại trước khi giao</b>",
        "Đơn vị: <b>Nam Trà My</b>",
        "Chương trình: NTM",
        "Cán bộ phụ trách: đồng chí Nguyễn Văn An",
        "Hạn hoàn thành: 04/12/2026",
        "Nội dung: <b>Rà soát danh mục công trình NTM</b>",
        "Đề nghị đồng chí kiểm tra lại (có thể yêu cầu minh chứng hoặc xác nhận khi hoàn thành), bấm ✅ Giao để giao việc hoặc ✖️ Hủy để bỏ.",
      ].join("\n"),
    );
    expect(labels(preview)).toEqual(["⬜ Cần minh chứng", "⬜ Cần xác nhận", "✅ Giao", "✖️ Hủy"]);

    // someone else's ✅ is refused and changes nothing
    await f.h.press(official, namTraMy, preview!.message_id, data(preview, "✅ Giao"));
    expect(lastAnswer()).toEqual({ text: "Chỉ đồng chí bắt đầu giao việc này được bấm các nút.", alert: true });
    expect(await f.h.db.db.task.count({ where: { title: "Rà soát danh mục công trình NTM" } })).toBe(0);

    const sent = await all(() => f.h.press(chairman, namTraMy, preview!.message_id, data(preview, "✅ Giao")));
    const task = await f.h.db.db.task.findFirstOrThrow({
      where: { title: "Rà soát danh mục công trình NTM" },
      include: { responsible: true, unit: true, programme: true },
    });
    expect([task.unit.name, task.programme?.code, task.responsible.fullName, task.dueDate]).toEqual([
      "Nam Trà My",
      "NTM",
      "Nguyễn Văn An",
      "2026-12-04",
    ]);
    expect(task.createdById).not.toBeNull();
    const fresh = sent.filter((m) => !m.edited);
    // the same reply and announcement as the one-line form
    const reply = fresh.filter((m) => m.text.startsWith("✅"));
    expect(reply.map((m) => [m.chat_id, m.text])).toEqual([
      [
        namTraMy.id,
        `✅ Đã giao việc #${task.id} «Rà soát danh mục công trình NTM» cho đồng chí Nguyễn Văn An (Nam Trà My), hạn 04/12/2026.`,
      ],
    ]);
    const announced = fresh.filter((m) => m.text.startsWith(`📌 <b>Việc mới #${task.id}</b>`));
    expect(chats(announced)).toEqual(sorted(namTraMy.id, DEMO.official.id));
    expect(fresh).toHaveLength(3);
    expect(sent.some((m) => m.edited && m.message_id === preview!.message_id && !m.reply_markup)).toBe(true);
    expect(await pending()).toBe(0);

    // the preview's ✅ again: the form has ended
    await f.h.press(chairman, namTraMy, preview!.message_id, data(preview, "✅ Giao"));
    expect(lastAnswer()).toEqual({
      text: "Phiên giao việc này đã kết thúc hoặc hết hạn. Đề nghị gõ /giao để bắt đầu lại.",
      alert: true,
    });
    expect(await f.h.db.db.task.count({ where: { title: "Rà soát danh mục công trình NTM" } })).toBe(1);
  });

  it("the secretariat: any unit, a date button, the title as a reply; another member's press is refused", async () => {
    const [form] = await say(secretariat, secretariatGroup, "/giao");
    expect(form!.text).toBe("📝 <b>Giao việc</b>\nĐề nghị đồng chí chọn đơn vị được giao việc:");
    // the nine districts first (by name), then the departments and the office
    expect(labels(form).slice(0, 3)).toEqual(["Bắc Trà My", "Đông Giang", "Hiệp Đức"]);
    expect(labels(form)).toContain("Sở Tài chính");
    expect(labels(form)).toHaveLength(13 + 1);

    await f.h.press(secretariat2, secretariatGroup, form!.message_id, data(form, "Bắc Trà My"));
    expect(lastAnswer()).toEqual({
      text: "Only the official who started this assignment may press its buttons.",
      alert: true,
    });
    expect(latest(form!.message_id)!.text).toBe(form!.text);

    await press(secretariat, secretariatGroup, form!.message_id, "Bắc Trà My");
    const people = await press(secretariat, secretariatGroup, form!.message_id, "DTTS");
    expect(labels(people)).toEqual(["⭐ Hồ Văn Sơn", "Võ Thị Hoa", "✖️ Hủy"]);
    // a button of a step already passed
    await f.h.press(secretariat, secretariatGroup, form!.message_id, data(form, "Đông Giang"));
    expect(lastAnswer()).toEqual({
      text: "Bước này đã qua. Đề nghị dùng các nút ở tin giao việc mới nhất.",
      alert: true,
    });

    await press(secretariat, secretariatGroup, form!.message_id, "⭐ Hồ Văn Sơn");
    const before = f.h.emulator.sent.length;
    await press(secretariat, secretariatGroup, form!.message_id, "+10 ngày làm việc (08/12)");
    const ask = f.h.emulator.sent.slice(before).find((m) => !m.edited)!;
    expect(markup(ask)).toMatchObject({ force_reply: true });
    expect(ask.reply_to_message_id).toBe(form!.message_id - 1); // under the /giao command
    expect(latest(form!.message_id)!.text).toContain("Chương trình: DTTS\nCán bộ phụ trách: đồng chí Hồ Văn Sơn");

    const [preview] = await say(secretariat, secretariatGroup, "Báo cáo tiến độ nước sinh hoạt", ask.message_id);
    // the preview's toggles: evidence on, confirmation on, off, on again
    await f.h.press(secretariat, secretariatGroup, preview!.message_id, data(preview, "⬜ Cần minh chứng"));
    for (const label of ["⬜ Cần xác nhận", "☑️ Cần xác nhận", "⬜ Cần xác nhận"])
      await f.h.press(secretariat, secretariatGroup, preview!.message_id, data(latest(preview!.message_id), label));
    const toggled = latest(preview!.message_id)!;
    expect(labels(toggled)).toEqual(["☑️ Cần minh chứng", "☑️ Cần xác nhận", "✅ Giao", "✖️ Hủy"]);
    expect(toggled.text).toContain("Yêu cầu: cần minh chứng, cần xác nhận của người giao");
    const sent = await all(() =>
      f.h.press(secretariat, secretariatGroup, preview!.message_id, data(preview, "✅ Giao")),
    );
    const task = await f.h.db.db.task.findFirstOrThrow({
      where: { title: "Báo cáo tiến độ nước sinh hoạt" },
      include: { responsible: true, unit: true, programme: true },
    });
    expect([task.unit.name, task.programme?.code, task.responsible.fullName, task.dueDate]).toEqual([
      "Bắc Trà My",
      "DTTS",
      "Hồ Văn Sơn",
      "2026-12-08",
    ]);
    expect([task.requiresEvidence, task.requiresConfirmation]).toEqual([true, true]);
    expect(sent.find((m) => m.chat_id === secretariatGroup.id && !m.edited)!.text).toBe(
      `✅ Đã giao việc #${task.id} «Báo cáo tiến độ nước sinh hoạt» cho đồng chí Hồ Văn Sơn (Bắc Trà My), hạn 08/12/2026, cần minh chứng, cần xác nhận.`,
    );
  });

  it("✖️ cancels; a button of the cancelled form, or of one replaced by a new /giao, finds nothing", async () => {
    const [form] = await say(chairman, namTraMy, "/giao");
    await press(chairman, namTraMy, form!.message_id, "Không thuộc chương trình");
    const cancelled = await press(chairman, namTraMy, form!.message_id, "✖️ Hủy");
    expect(cancelled.text).toBe("✖️ Đã hủy giao việc.");
    expect(cancelled.reply_markup).toBeUndefined();
    expect(await pending()).toBe(0);
    await f.h.press(chairman, namTraMy, form!.message_id, data(form, "NTM"));
    expect(lastAnswer().text).toBe("Phiên giao việc này đã kết thúc hoặc hết hạn. Đề nghị gõ /giao để bắt đầu lại.");

    // a second /giao replaces the first form: its buttons are gone, the new ones work
    const [first] = await say(chairman, namTraMy, "/giao");
    const [second] = await say(chairman, namTraMy, "/giao");
    await f.h.press(chairman, namTraMy, first!.message_id, data(first, "GNBV"));
    expect(lastAnswer().alert).toBe(true);
    expect(latest(first!.message_id)!.reply_markup).toBeUndefined();
    const people = await press(chairman, namTraMy, second!.message_id, "GNBV");
    expect(labels(people)[0]).toBe("⭐ Trần Văn Bình");
    expect(await pending()).toBe(1);
  });

  it("in private: the date and the title are plain messages; a form left an hour has expired", async () => {
    const me = privateChat(DEMO.chairman);
    const [form] = await say(chairman, me, "/giao");
    await press(chairman, me, form!.message_id, "DTTS");
    await press(chairman, me, form!.message_id, "⭐ Trần Văn Bình");
    const [ask] = await say(chairman, me, "7/12");
    expect(ask!.text).toContain("✍️");
    f.h.clock.set(at(10, 1));
    const [expired] = await say(chairman, me, "Rà soát hộ nghèo", ask!.message_id);
    expect(expired!.text).toBe(
      "Phiên giao việc đã hết hạn (quá 60 phút không thao tác). Đề nghị gõ /giao để bắt đầu lại.",
    );
    expect(await f.h.db.db.task.count({ where: { title: "Rà soát hộ nghèo" } })).toBe(0);
  });
});

// the form is claimed before ✅ assigns and put back (with its id) when assigning is refused: both databases
describeEachDatabase("/giao step by step, a refused ✅", (provider) => {
  const f = formHarness(provider);
  const { say, latest, press, lastAnswer, pending } = f;

  it("a ✅ refused by the assign service (the date passed while the preview waited) keeps the form: ✖️ still works", async () => {
    const me = privateChat(DEMO.chairman);
    f.h.clock.set(at(23, 30));
    const [form] = await say(chairman, me, "/giao");
    await press(chairman, me, form!.message_id, "NTM");
    await press(chairman, me, form!.message_id, "⭐ Nguyễn Văn An");
    const [ask] = await say(chairman, me, "24/11/2026");
    const [preview] = await say(chairman, me, "Báo cáo nhanh", ask!.message_id);
    f.h.clock.set(at(0, 10, "2026-11-25"));
    await f.h.press(chairman, me, preview!.message_id, data(preview, "✅ Giao"));
    expect(lastAnswer()).toEqual({ text: "Hạn 24/11/2026 đã qua. Đề nghị ghi hạn từ hôm nay trở đi.", alert: true });
    expect(await f.h.db.db.task.count({ where: { title: "Báo cáo nhanh" } })).toBe(0);
    expect(await pending()).toBe(1);
    await f.h.press(chairman, me, preview!.message_id, data(preview, "✖️ Hủy"));
    expect(latest(preview!.message_id)!.text).toBe("✖️ Đã hủy giao việc.");
    expect(await pending()).toBe(0);
  });
});
