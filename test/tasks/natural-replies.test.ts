// Completion in the official's own words through the real telegraf stack and the Bot API emulator (issue #18):
// a natural reply closes the task and no leader is told it is overdue; a negation or a question closes nothing
// and the escalation still comes; an unsure reply is asked back once, with buttons; a plain message closes the
// sender's only open task, and with two the bot asks which; all of it with BotFather's privacy mode on as well.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { collect } from "../support/collect.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const bacTraMy = group(DEMO.groups.bacTraMy);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official); // An: one open task, "Nộp báo cáo tiến độ giải ngân tháng", due 26/11
const official2 = user(DEMO.official2); // Bình: two open tasks, one of them overdue
const son = user(DEMO.bacTraMyOfficial); // Sơn: one task, overdue 3 working days

const AN_TASK = "Nộp báo cáo tiến độ giải ngân tháng";
const BINH_OVERDUE = "Hoàn thiện hồ sơ điều chỉnh";
const BINH_LATER = "Phê duyệt danh mục";

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const buttons = (m: SentMessage | undefined) => (m?.reply_markup as Keyboard | undefined)?.inline_keyboard.flat() ?? [];

async function setUp(h: Harness) {
  const all = (action: () => Promise<unknown>) => collect(h, action);
  const task = (title: string) => h.db.db.task.findFirstOrThrow({ where: { title: { startsWith: title } } });
  h.clock.set(at(8, 0));
  const sent = await h.deadlineCheck();
  const reminder = (chatId: number, title: string) => sent.find((m) => m.chat_id === chatId && m.text.includes(title))!;
  h.clock.set(at(8, 30));
  return { all, task, reminder };
}

describeOnSqlite("natural completion replies", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  it("a natural reply under the reminder completes the task, and no leader is told it is overdue", async () => {
    const { all, task, reminder } = await setUp(h);
    const replies = await all(() =>
      h.say(official, namTraMy, "dạ e xong r ạ", reminder(namTraMy.id, AN_TASK).message_id),
    );
    expect(replies.map((m) => m.text)).toEqual([`✅ Đã ghi nhận: «${AN_TASK}» hoàn thành đúng hạn ngày 24/11/2026.`]);
    expect((await task(AN_TASK)).status).toBe("DONE");
    // the days the chairman and then the Party secretary, the supervisor and the secretariat would have been told
    for (const day of ["2026-11-27", "2026-12-02"]) {
      h.clock.set(at(8, 0, day));
      expect((await h.deadlineCheck()).filter((m) => m.text.includes(AN_TASK))).toEqual([]);
    }
  });

  it("a negation or a question under the reminder closes nothing and answers nothing; the escalation still comes", async () => {
    const { all, task, reminder } = await setUp(h);
    const under = reminder(namTraMy.id, AN_TASK).message_id;
    for (const [who, text] of [
      [official, "ko xong đc"],
      [official, "Em chưa xong ạ"],
      [official, "sắp xong rồi ạ"],
      [chairman, "xong chưa a?"],
      [chairman, "Xong chưa em"],
    ] as const) {
      expect(await all(() => h.say(who, namTraMy, text, under))).toEqual([]);
    }
    expect((await task(AN_TASK)).status).toBe("OPEN");
    h.clock.set(at(8, 0, "2026-11-27"));
    const escalation = (await h.deadlineCheck()).filter((m) => m.text.includes(AN_TASK));
    expect(escalation.map((m) => m.chat_id)).toContain(DEMO.chairman.id);
  });

  it("an unsure reply is asked back once with Có / Không; a second unsure answer does not loop; Có completes", async () => {
    const { all, task, reminder } = await setUp(h);
    const overdue = await task(BINH_OVERDUE);
    const [question, ...more] = await all(() =>
      h.say(official2, namTraMy, "ok", reminder(namTraMy.id, BINH_OVERDUE).message_id),
    );
    expect(more).toEqual([]);
    expect(question!.text).toBe(
      `Đồng chí đã hoàn thành việc #${overdue.id} «Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp» (hạn 23/11/2026) chưa?`,
    );
    expect(buttons(question).map((b) => [b.text, b.callback_data])).toEqual([
      ["✅ Có, đã hoàn thành", `cr:y:${overdue.id}`],
      ["Không, chưa xong", "cr:n"],
    ]);
    // unsure again, under the question: a hint, no second question; and then nothing more
    const [hint, ...none] = await all(() => h.say(official2, namTraMy, "vâng", question!.message_id));
    expect(none).toEqual([]);
    expect(hint!.text).toContain("Chưa ghi nhận hoàn thành");
    expect(hint!.reply_markup).toBeUndefined();
    expect(await all(() => h.say(official2, namTraMy, "👍", question!.message_id))).toEqual([]);
    expect((await task(BINH_OVERDUE)).status).toBe("OPEN");

    const pressed = await all(() => h.press(official2, namTraMy, question!.message_id, `cr:y:${overdue.id}`));
    expect(pressed.find((m) => m.chat_id === namTraMy.id && !m.edited)?.text).toBe(
      "✅ Đã ghi nhận: «Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp» hoàn thành quá hạn ngày 24/11/2026 (hạn 23/11/2026).",
    );
    expect(pressed.some((m) => m.edited && m.message_id === question!.message_id && !m.reply_markup)).toBe(true);
    expect((await task(BINH_OVERDUE)).status).toBe("DONE");
  });

  it("Không keeps the task open; a typed «chưa» to the question does too, and «rồi» completes", async () => {
    const { all, task, reminder } = await setUp(h);
    const under = reminder(bacTraMy.id, "nước sinh hoạt").message_id;
    const [q1] = await all(() => h.say(son, bacTraMy, "👍", under));
    expect(buttons(q1).map((b) => b.callback_data)).toContain("cr:n");
    const [kept] = (await all(() => h.press(son, bacTraMy, q1!.message_id, "cr:n"))).filter((m) => !m.edited);
    expect(kept!.text).toBe("Đã rõ: việc vẫn đang thực hiện, dondoc tiếp tục nhắc theo hạn.");
    expect((await task("Báo cáo vướng mắc dự án nước")).status).toBe("OPEN");

    const [q2] = await all(() => h.say(son, bacTraMy, "Dạ rồi ạ", under));
    expect(q2!.text).toContain("chưa?");
    expect((await all(() => h.say(son, bacTraMy, "chưa anh ạ", q2!.message_id))).map((m) => m.text)).toEqual([
      "Đã rõ: việc vẫn đang thực hiện, dondoc tiếp tục nhắc theo hạn.",
    ]);
    const [q3] = await all(() => h.say(son, bacTraMy, "vâng", under));
    const [done] = await all(() => h.say(son, bacTraMy, "rồi", q3!.message_id));
    expect(done!.text).toContain("✅ Đã ghi nhận: «Báo cáo vướng mắc dự án nước sinh hoạt tập trung»");
  });

  it("a plain message in private closes the sender's only open task; with two the bot asks which", async () => {
    const { all, task } = await setUp(h);
    const [confirm, ...rest] = await all(() =>
      h.say(official, privateChat(DEMO.official), "Đã nộp BC số 123/BC-UBND ạ"),
    );
    expect(rest).toEqual([]);
    expect(confirm!.text).toBe(
      `✅ Đã ghi nhận: «${AN_TASK}» hoàn thành đúng hạn ngày 24/11/2026 — Đã nộp BC số 123/BC-UBND ạ.`,
    );
    expect((await task(AN_TASK)).completionNote).toBe("Đã nộp BC số 123/BC-UBND ạ");

    const later = await task(BINH_LATER);
    const [which] = await all(() => h.say(official2, privateChat(DEMO.official2), "xong rồi"));
    expect(which!.text).toBe("Đồng chí đã hoàn thành việc nào?");
    expect(buttons(which).map((b) => b.callback_data)).toEqual([
      `cr:y:${(await task(BINH_OVERDUE)).id}`,
      `cr:y:${later.id}`,
      "cr:n",
    ]);
    const pressed = await all(() =>
      h.press(official2, privateChat(DEMO.official2), which!.message_id, `cr:y:${later.id}`),
    );
    expect(pressed.find((m) => !m.edited)?.text).toContain(`«${later.title}» hoàn thành đúng hạn ngày 24/11/2026`);
    expect((await task(BINH_LATER)).status).toBe("DONE");
    expect((await task(BINH_OVERDUE)).status).toBe("OPEN");

    // an unsure plain message is people talking: nothing is asked
    expect(await all(() => h.say(son, privateChat(DEMO.bacTraMyOfficial), "ok"))).toEqual([]);
  });

  it("a reply under the bot's task list closes the sender's listed task; /xong without a number the only one", async () => {
    const { all, task } = await setUp(h);
    const [list] = await all(() => h.say(chairman, namTraMy, "/tasks"));
    const [which] = await all(() => h.say(official2, namTraMy, "Xong rồi ạ", list!.message_id));
    expect(which!.text).toBe("Đồng chí đã hoàn thành việc nào?");
    const [confirm] = await all(() => h.say(official, namTraMy, "xong", list!.message_id));
    expect(confirm!.text).toContain(`«${AN_TASK}» hoàn thành`);
    expect((await task(BINH_OVERDUE)).status).toBe("OPEN");

    const [viaCommand] = await all(() => h.say(son, bacTraMy, "/xong đã gửi báo cáo"));
    expect(viaCommand!.text).toContain("— đã gửi báo cáo.");
    expect((await task("Báo cáo vướng mắc dự án nước")).status).toBe("DONE");
  });
});

describe("with BotFather's privacy mode on", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness("sqlite", { privacyMode: true });
  });
  afterEach(async () => {
    await h.close();
  });

  it("a plain group message never reaches the bot; replies to it, /xong and the buttons complete", async () => {
    const { all, task, reminder } = await setUp(h);
    expect(h.emulator.userSends({ from: official, chat: namTraMy, text: "xong" }).delivered).toBe(false);
    expect(await all(() => h.say(official, namTraMy, "Dạ em xong rồi ạ"))).toEqual([]);
    expect((await task(AN_TASK)).status).toBe("OPEN");

    const [confirm] = await all(() =>
      h.say(official, namTraMy, "Dạ em xong rồi ạ", reminder(namTraMy.id, AN_TASK).message_id),
    );
    expect(confirm!.text).toContain(`«${AN_TASK}» hoàn thành`);

    const [question] = await all(() =>
      h.say(official2, namTraMy, "ok", reminder(namTraMy.id, BINH_OVERDUE).message_id),
    );
    const yes = buttons(question).find((b) => b.callback_data.startsWith("cr:y:"))!;
    await all(() => h.press(official2, namTraMy, question!.message_id, yes.callback_data));
    expect((await task(BINH_OVERDUE)).status).toBe("DONE");

    const [viaCommand] = await all(() => h.say(son, bacTraMy, "/xong"));
    expect(viaCommand!.text).toContain("✅ Đã ghi nhận");
    expect((await task("Báo cáo vướng mắc dự án nước")).status).toBe("DONE");
  });
});
