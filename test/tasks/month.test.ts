// A whole month of follow-up, day by day at 08:00 from Monday 07/12/2026 to Friday 08/01/2027: three tasks
// assigned by /giao (one monthly), snoozes, an obstacle, completions, weekends, the New Year holiday
// (01/01/2027, Friday, in src/domain/holidays.ts) and a restart in the middle. Each day asserts exactly
// which messages went to which chat.
import { afterEach, beforeEach, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates.ts";
import type { SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { collect } from "../support/collect.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const bacTraMy = group(DEMO.groups.bacTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);
const son = user(DEMO.bacTraMyOfficial);

const LABEL: Record<number, string> = {
  [namTraMy.id]: "NTM group",
  [bacTraMy.id]: "BTM group",
  [secretariatGroup.id]: "VPĐP group",
  [DEMO.secretariat.id]: "Thu",
  [DEMO.official.id]: "An",
  [DEMO.bacTraMyOfficial.id]: "Sơn",
  [DEMO.chairman.id]: "Minh (chủ tịch)",
  [DEMO.partySecretary.id]: "Lan (bí thư)",
  [DEMO.supervisor.id]: "Hùng (BTV)",
};
const TITLES = { A: "Báo cáo kết quả rà soát hộ nghèo", B: "Tổng kết năm 2026", C: "Báo cáo giải ngân tháng" };

/** "An: ⏰ Nhắc việc [A]": who got it, the first words of the message, and which task */
function label(m: SentMessage): string {
  const head = m.text
    .split("\n")[0]!
    .replace(/<[^>]+>/g, "")
    .split(/ — |: | #|«/)[0]!
    .trim();
  const task = Object.entries(TITLES).find(([, t]) => m.text.includes(t))?.[0] ?? "-";
  return `${LABEL[m.chat_id] ?? m.chat_id}: ${head} [${task}]`;
}

describeOnSqlite("a month of follow-up", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
    // the demo's own tasks belong to November: out of the way
    await h.db.db.task.updateMany({ data: { status: "CANCELLED" } });
  });
  afterEach(async () => {
    await h.close();
  });

  async function all(action: () => Promise<unknown>): Promise<string[]> {
    return (await collect(h, action)).map(label).sort();
  }
  const check = () => all(() => h.deadlineCheck());
  const idOf = async (key: keyof typeof TITLES) =>
    (await h.db.db.task.findFirstOrThrow({ where: { title: TITLES[key], status: "OPEN" }, orderBy: { id: "desc" } }))
      .id;
  const lastTo = (chatId: number) => [...h.emulator.sent].reverse().find((m) => m.chat_id === chatId)!;

  it("sends exactly the right messages to the right chats every day", async () => {
    const log: Record<string, string[]> = {};
    h.clock.set(at(7, 45, "2026-12-07"));
    log["assign"] = [
      ...(await all(() =>
        h.say(
          secretariat,
          privateChat(DEMO.secretariat),
          `/giao Nam Trà My | GNBV | Nguyễn Văn An | 11/12/2026 | ${TITLES.A}`,
        ),
      )),
      ...(await all(() =>
        h.say(
          secretariat,
          privateChat(DEMO.secretariat),
          `/giao Nam Trà My | - | Trần Văn Bình | 01/01/2027 | ${TITLES.B}`,
        ),
      )),
      ...(await all(() =>
        h.say(
          secretariat,
          privateChat(DEMO.secretariat),
          `/giao Bắc Trà My | DTTS | Sơn | 15/12/2026 | ${TITLES.C} | hằng tháng ngày 15`,
        ),
      )),
    ].sort();
    expect(log["assign"]).toEqual(
      [
        "Thu: ✅ Đã giao việc [A]",
        "Thu: ✅ Đã giao việc [B]",
        "Thu: ✅ Đã giao việc [C]",
        "NTM group: 📌 Việc mới [A]",
        "An: 📌 Việc mới [A]",
        "NTM group: 📌 Việc mới [B]", // Bình never opened a private chat
        "BTM group: 📌 Việc mới [C]",
        "Sơn: 📌 Việc mới [C]",
      ].sort(),
    );
    const [A, B, C] = [await idOf("A"), await idOf("B"), await idOf("C")];

    const expected: Record<string, string[]> = {
      "2026-12-09": ["An: ⏰ Nhắc việc [A]", "NTM group: ⏰ Nhắc việc [A]"],
      "2026-12-11": [
        "An: ⏰ Hôm nay đến hạn [A]",
        "NTM group: ⏰ Hôm nay đến hạn [A]",
        "Sơn: ⏰ Nhắc việc [C]",
        "BTM group: ⏰ Nhắc việc [C]",
      ],
      // A: 1 working day overdue, the chairman is told;
      // C: Sơn's snooze to "tomorrow morning" ended, the heads-up comes back
      "2026-12-14": [
        "An: ⚠️ Quá hạn 1 ngày làm việc [A]",
        "NTM group: ⚠️ Quá hạn 1 ngày làm việc [A]",
        "Minh (chủ tịch): ⚠️ Quá hạn 1 ngày làm việc [A]",
        "Sơn: ⏰ Nhắc việc [C]",
        "BTM group: ⏰ Nhắc việc [C]",
      ],
      "2026-12-15": ["Sơn: ⏰ Hôm nay đến hạn [C]", "BTM group: ⏰ Hôm nay đến hạn [C]"],
      "2026-12-16": [
        "An: 🚨 Quá hạn 3 ngày làm việc [A]",
        "NTM group: 🚨 Quá hạn 3 ngày làm việc [A]",
        "Lan (bí thư): 🚨 Quá hạn 3 ngày làm việc [A]",
        "Hùng (BTV): 🚨 Quá hạn 3 ngày làm việc [A]",
        "VPĐP group: 🚨 Quá hạn 3 ngày làm việc [A]",
      ],
      // B is due on the New Year holiday: heads-up two working days before it, "due" on the last working day before
      "2026-12-30": ["NTM group: ⏰ Nhắc việc [B]"],
      "2027-01-04": ["NTM group: ⚠️ Quá hạn 1 ngày làm việc [B]", "Minh (chủ tịch): ⚠️ Quá hạn 1 ngày làm việc [B]"],
      "2027-01-06": [
        "NTM group: 🚨 Quá hạn 3 ngày làm việc [B]",
        "Lan (bí thư): 🚨 Quá hạn 3 ngày làm việc [B]",
        "Hùng (BTV): 🚨 Quá hạn 3 ngày làm việc [B]",
        "VPĐP group: 🚨 Quá hạn 3 ngày làm việc [B]",
      ],
    };

    for (let day = "2026-12-07"; day <= "2027-01-08"; day = addDays(day, 1)) {
      h.clock.set(at(8, 0, day));
      const got = await check();
      // 31/12: B's due rung waits for the chairman's snooze (until 08:30), so 08:00 sends nothing
      expect({ day, got }).toEqual({ day, got: [...(expected[day] ?? [])].sort() });

      if (day === "2026-12-09") {
        h.clock.set(at(8, 5, day));
        expect(
          await all(() =>
            h.press(official, privateChat(DEMO.official), lastTo(DEMO.official.id).message_id, `snz:1h:${A}`),
          ),
        ).toEqual(["An: ⏰ Đã hẹn [A]"]);
        h.clock.set(at(9, 0, day));
        expect(await check()).toEqual([]);
        h.clock.set(at(9, 15, day));
        expect(await check()).toEqual(["An: ⏰ Nhắc việc [A]", "NTM group: ⏰ Nhắc việc [A]"]);
      }
      if (day === "2026-12-11") {
        h.clock.set(at(8, 10, day));
        const replies = await all(() => h.press(son, bacTraMy, lastTo(bacTraMy.id).message_id, `snz:am:${C}`));
        expect(replies).toEqual(["BTM group: ⏰ Đã hẹn [C]"]);
        expect(h.emulator.sent.at(-1)!.text).toContain("lúc 07:30 ngày 14/12/2026 (hạn 15/12/2026)");
      }
      if (day === "2026-12-15") {
        // the monthly task is done: the next one (15/01/2027) is created and announced
        h.clock.set(at(9, 0, day));
        expect(await all(() => h.say(son, bacTraMy, `/done ${C} đã gửi báo cáo`))).toEqual(
          ["BTM group: ✅ Đã ghi nhận [C]", "BTM group: 📌 Việc mới [C]", "Sơn: 📌 Việc mới [C]"].sort(),
        );
        const next = await h.db.db.task.findFirstOrThrow({ where: { seriesId: C, status: "OPEN" } });
        expect(next.dueDate).toBe("2027-01-15");
      }
      if (day === "2026-12-16") {
        // a restart in the middle of the month: nothing is sent twice
        await h.restart();
        expect(await check()).toEqual([]);
        h.clock.set(at(10, 0, day));
        expect(await all(() => h.say(official, privateChat(DEMO.official), `/done ${A} đã gửi báo cáo`))).toEqual(
          [
            "An: ✅ Đã ghi nhận [A]",
            "NTM group: ✅ Việc [A]",
            "Minh (chủ tịch): ✅ Việc [A]",
            "Lan (bí thư): ✅ Việc [A]",
            "Hùng (BTV): ✅ Việc [A]",
            "VPĐP group: ✅ Việc [A]",
          ].sort(),
        );
      }
      if (day === "2026-12-30") {
        h.clock.set(at(8, 30, day));
        expect(await all(() => h.press(chairman, namTraMy, lastTo(namTraMy.id).message_id, `snz:wd:${B}`))).toEqual([
          "NTM group: ⏰ Đã hẹn [B]",
        ]);
        expect(h.emulator.sent.at(-1)!.text).toContain("lúc 08:30 ngày 31/12/2026 (hạn 01/01/2027)");
      }
      if (day === "2026-12-31") {
        h.clock.set(at(8, 45, day));
        expect(await check()).toEqual(["NTM group: ⏰ Hôm nay đến hạn [B]"]);
      }
      if (day === "2027-01-04") {
        // the chairman raises an obstacle on B from the group
        h.clock.set(at(9, 0, day));
        expect(await all(() => h.press(chairman, namTraMy, lastTo(namTraMy.id).message_id, `obs:${B}`))).toEqual([
          `NTM group: Đồng chí ${DEMO.chairman.name}: [B]`, // asked by name: his reply field opens
        ]);
        expect(
          await all(() =>
            h.say(chairman, namTraMy, "Chờ số liệu quyết toán của Kho bạc", lastTo(namTraMy.id).message_id),
          ),
        ).toEqual(["NTM group: Đã ghi nhận vướng mắc [B]", "VPĐP group: ⚠️ Vướng mắc [B]"].sort());
      }
    }

    const [overdue] = await all(() => h.say(secretariat, secretariatGroup, "/overdue"));
    expect(overdue).toBe("VPĐP group: Việc quá hạn [B]");
    expect(lastTo(secretariatGroup.id).text).toContain(
      `#${B} · Nam Trà My · ${TITLES.B} · hạn 01/01/2027 · quá hạn 5 ngày làm việc`,
    );
    const [obstacles] = await all(() => h.say(secretariat, secretariatGroup, "/vuongmac"));
    expect(obstacles).toBe("VPĐP group: Vướng mắc đang chờ xử lý (1) [B]");
  }, 240_000);
});
