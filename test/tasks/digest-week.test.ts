// A working week of the demo registry (issue #18, ADR 009): every morning the deadline check, the pace check
// and the daily digest run; each chat gets at most one message per check, the worst item first; the
// escalation ladder still reaches the chairman (+1 working day) and the Party secretary, the supervisor and
// the secretariat (+3), each inside his one message; «xong 2» under a digest and ✅ 1 close the right tasks.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, user, type Harness } from "../support/harness.ts";
import { runJob, startFollowupHarness } from "../followup/support.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const official = user(DEMO.official);
const chairman = user(DEMO.chairman);
const WEEK = ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02"];
const CHECKS = ["deadline-check", "pace-check", "daily-digest"];

describeEachDatabase("a working week, one message per chat per check", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startFollowupHarness(provider);
    await h.db.db.milestone.createMany({
      data: [
        { year: 2026, dueDate: "2026-11-27", targetBp: 3000 },
        { year: 2026, dueDate: "2026-12-31", targetBp: 10000 },
      ],
    });
    // three more tasks of Nguyễn Văn An: the group and he get several items on the same morning
    const an = await h.db.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(DEMO.official.id) } });
    const unit = await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    for (const [title, dueDate] of [
      ["Rà soát danh mục dự án khởi công mới", "2026-11-25"],
      ["Tổng hợp vướng mắc mặt bằng", "2026-11-27"],
      ["Báo cáo giải ngân vốn sự nghiệp", "2026-11-30"],
    ] as const) {
      await h.db.db.task.create({
        data: { title, dueDate, unitId: unit.id, responsibleId: an.id, createdById: an.id, createdAt: h.clock.now() },
      });
    }
  });
  afterEach(async () => {
    await h.close();
  });

  const firstLine = (m: SentMessage) => (m.text ?? "").split("\n")[0];
  const to = (ms: SentMessage[], chatId: number) => ms.filter((m) => m.chat_id === chatId);

  it("sends each chat at most one message per check, escalations folded in, worst first", async () => {
    const week: Record<string, Record<string, SentMessage[]>> = {};
    for (const day of WEEK) {
      week[day] = {};
      for (const check of CHECKS) {
        const sent = (await runJob(h, check, at(7, 30, day))).filter((m) => m.method === "sendMessage");
        const perChat = new Map<number, number>();
        for (const m of sent) perChat.set(m.chat_id, (perChat.get(m.chat_id) ?? 0) + 1);
        expect(
          [...perChat].filter(([, n]) => n > 1),
          `${day} ${check}`,
        ).toEqual([]);
        week[day]![check] = sent;
      }
    }
    // Tuesday 24/11: «Hoàn thiện hồ sơ điều chỉnh» (due 23/11) is 1 working day overdue — the chairman is told,
    // inside his one message; the group's digest lists it first
    const tue = week["2026-11-24"]!["deadline-check"]!;
    expect(to(tue, DEMO.chairman.id)).toHaveLength(1);
    expect(to(tue, DEMO.chairman.id)[0]!.text).toContain("Hoàn thiện hồ sơ điều chỉnh");
    expect(to(tue, DEMO.partySecretary.id)).toEqual([]);
    const groupTue = to(tue, namTraMy.id)[0]!.text!;
    expect(firstLine(to(tue, namTraMy.id)[0]!)).toContain("Tổng hợp nhắc việc");
    expect(groupTue.indexOf("1. «Hoàn thiện hồ sơ điều chỉnh")).toBeGreaterThan(0);
    // Thursday 26/11: 3 working days overdue — the Party secretary, the supervisor and the secretariat,
    // each once, each with the task in it
    const thu = week["2026-11-26"]!["deadline-check"]!;
    for (const chat of [DEMO.partySecretary.id, DEMO.supervisor.id, secretariatGroup.id]) {
      expect(to(thu, chat), String(chat)).toHaveLength(1);
      expect(to(thu, chat)[0]!.text).toContain("Hoàn thiện hồ sơ điều chỉnh");
    }
    // the leaders are informed, not asked to act, and get no buttons
    expect(to(thu, DEMO.partySecretary.id)[0]!.text).not.toContain("xong 2");
    // the pace ladder in the same week: the chairman once on Monday 30/11, the leaders once on Wednesday 2/12
    expect(to(week["2026-11-30"]!["pace-check"]!, DEMO.chairman.id)).toHaveLength(1);
    const wed = week["2026-12-02"]!["pace-check"]!;
    for (const chat of [DEMO.partySecretary.id, DEMO.supervisor.id, secretariatGroup.id]) {
      expect(to(wed, chat), String(chat)).toHaveLength(1);
    }
    // the daily digest: the secretariat only, one message a day
    for (const day of WEEK) {
      const digest = week[day]!["daily-digest"]!;
      expect(digest.every((m) => m.chat_id === secretariatGroup.id)).toBe(true);
    }
  });

  it("closes item 2 on «xong 2» under a digest, item 1 on ✅ 1, and tells those escalated to", async () => {
    await runJob(h, "deadline-check", at(7, 30, "2026-11-24"));
    await runJob(h, "deadline-check", at(7, 30, "2026-11-25"));
    const thu = await runJob(h, "deadline-check", at(7, 30, "2026-11-26"));
    const digest = to(thu, namTraMy.id)[0]!;
    const lines = digest.text!.split("\n");
    const titleOf = (n: number) => /«(.+)»/.exec(lines.find((l) => l.startsWith(`${n}. `))!)![1]!;
    expect(titleOf(1)).toMatch(/^Hoàn thiện hồ sơ điều chỉnh/);
    const second = titleOf(2);
    h.clock.set(at(9, 0, "2026-11-26"));
    // a question does not complete anything
    expect((await h.say(official, namTraMy, "xong 2 chưa?", digest.message_id)).map((m) => m.text)).not.toContain(
      expect.stringContaining("Đã ghi nhận"),
    );
    const [confirm] = await h.say(official, namTraMy, "Dạ xong 2, đã nộp ạ", digest.message_id);
    expect(confirm?.text).toMatch(new RegExp(`^✅ Đã ghi nhận: «${second}» hoàn thành (đúng|quá) hạn ngày 26/11/2026`));
    expect((await h.db.db.task.findFirstOrThrow({ where: { title: second } })).status).toBe("DONE");
    // ✅ 1: the first item, the digest keeps the other items' buttons
    const keyboard = digest.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    const done1 = keyboard.inline_keyboard[0]![0]!;
    expect(done1.text).toBe("✅ 1");
    const before = h.emulator.sent.length;
    // the chairman may close a task of his unit
    await h.press(chairman, namTraMy, digest.message_id, done1.callback_data);
    await h.app.dispatcher.drain();
    await h.emulator.waitIdle();
    const first = await h.db.db.task.findFirstOrThrow({ where: { title: titleOf(1) } });
    expect(first.status).toBe("DONE");
    const after = h.emulator.sent.slice(before);
    const edit = after.find((m) => m.method === "editMessageReplyMarkup");
    expect(JSON.stringify(edit?.reply_markup ?? {})).not.toContain(`done:${first.id}"`);
    expect(JSON.stringify(edit?.reply_markup ?? {})).toContain("✅ 2");
    // the Party secretary and the supervisor, told of it inside their digests, hear that it is closed
    for (const chat of [DEMO.partySecretary.id, DEMO.supervisor.id]) {
      expect(
        after.some((m) => m.chat_id === chat && (m.text ?? "").includes("đã hoàn thành ngày 26/11/2026")),
        String(chat),
      ).toBe(true);
    }
  });
});
