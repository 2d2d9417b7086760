// «Cần minh chứng» and «cần xác nhận» (#19) set where tasks are given: /giao's trailing parts (read by the
// pure parser, table-tested here) and a task file's columns sent in the secretariat's group (row-numbered
// errors, nothing written; the preview and the announcement say what is required). A file's task has no
// assigner, so its confirmation goes to the secretariat's group; evidence is still needed before reporting.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { parseTaskFlags, parseRequirementCell } from "../../src/domain/task-flags.ts";
import { parseAssign } from "../../src/features/tasks/handlers/tasks.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness, mentionInGroup } from "../support/harness.ts";

const secretariatGroup = group(DEMO.groups.secretariat);
const namTraMy = group(DEMO.groups.namTraMy);
const secretariat = user(DEMO.secretariat);
const official = user(DEMO.official);
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(";")).join("\n"));
type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const buttons = (m: SentMessage) => (m.reply_markup as Keyboard).inline_keyboard.flat().map((b) => b.callback_data);

describe("requirements as officials type them", () => {
  const both = { requiresEvidence: true, requiresConfirmation: true };
  it.each([
    ["cần minh chứng", { requiresEvidence: true, requiresConfirmation: false }],
    ["Cần xác nhận", { requiresEvidence: false, requiresConfirmation: true }],
    ["can minh chung", { requiresEvidence: true, requiresConfirmation: false }],
    ["cần minh chứng, cần xác nhận", both],
    ["cần minh chứng và xác nhận", both],
    ["CAN XAC NHAN + can minh chung", both],
    ["evidence, confirm", both],
    ["1600/UBND-KTTH", null],
    ["minh chứng là biên bản", null],
    ["văn bản xác nhận số 12", null],
    ["", null],
  ])("«%s»", (text, flags) => {
    expect(parseTaskFlags(text)).toEqual(flags);
  });

  it("/giao: after the title, in any order, with the document and the monthly rule", () => {
    const today = "2026-11-24";
    expect(
      parseAssign("Nam Trà My | NTM | An | 10/12/2026 | Rà soát | cần xác nhận | 1600/UBND | cần minh chứng", today),
    ).toMatchObject({ docRef: "1600/UBND", recurrence: "", ...both });
    expect(parseAssign("Nam Trà My | NTM | An | 10/12/2026 | Rà soát | hằng tháng ngày 5", today)).toMatchObject({
      recurrence: "monthly:5",
      requiresEvidence: false,
      requiresConfirmation: false,
    });
    // a title that says «xác nhận» is a title
    expect(parseAssign("Nam Trà My | - | An | 10/12/2026 | Cần xác nhận số liệu", today)).toMatchObject({
      title: "Cần xác nhận số liệu",
      requiresConfirmation: false,
    });
  });

  it("file cells: Có / Không and their usual spellings; anything else is a mistake", () => {
    expect(["Có", "co", "x", "1", "Yes", "cần"].map(parseRequirementCell)).toEqual(Array(6).fill(true));
    expect(["Không", "khong", "", "-", "0", "no"].map(parseRequirementCell)).toEqual(Array(6).fill(false));
    expect(parseRequirementCell("có lẽ")).toBeNull();
  });
});

describeOnSqlite("requirements set from /giao and from a task file", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  async function sendFile(from: EmulatorUser, chat: EmulatorChat, filename: string, bytes: Uint8Array) {
    const before = h.emulator.sent.length;
    // privacy mode: in a group the file reaches the bot with @the_bot in its caption
    h.emulator.userSendsDocument({ from, chat, filename, bytes, ...mentionInGroup(chat) });
    await h.emulator.waitIdle();
    return h.emulator.sent.slice(before);
  }
  const byTitle = (title: string) => h.db.db.task.findFirstOrThrow({ where: { title } });

  it("/giao «| cần minh chứng, cần xác nhận»: stored, said in the answer and the announcement", async () => {
    const [reply] = await h.say(
      secretariat,
      secretariatGroup,
      "/giao Nam Trà My | NTM | Nguyễn Văn An | 10/12/2026 | Rà soát hồ sơ | 1600/UBND-KTTH | cần minh chứng, cần xác nhận",
    );
    const t = await byTitle("Rà soát hồ sơ");
    expect(t).toMatchObject({ docRef: "1600/UBND-KTTH", requiresEvidence: true, requiresConfirmation: true });
    expect(reply!.text).toBe(
      `✅ Đã giao việc #${t.id} «Rà soát hồ sơ» cho đồng chí Nguyễn Văn An (Nam Trà My), hạn 10/12/2026, cần minh chứng, cần xác nhận.`,
    );
    await h.app.dispatcher.drain();
    const announced = h.emulator.sent.find((m) => m.chat_id === namTraMy.id && m.text.includes(`#${t.id}`))!;
    expect(announced.text.split("\n")[3]).toBe(
      "Yêu cầu: khi báo hoàn thành, gửi kèm minh chứng (ảnh, tệp PDF hoặc văn bản); kết quả được người giao việc xác nhận.",
    );
    // without any: no line, nothing required
    await h.say(secretariat, secretariatGroup, "/giao Nam Trà My | NTM | Nguyễn Văn An | 10/12/2026 | Việc thường");
    expect(await byTitle("Việc thường")).toMatchObject({ requiresEvidence: false, requiresConfirmation: false });
  });

  it("a task file's «Cần minh chứng» / «Cần xác nhận»: a bad cell gives none; the secretariat's group confirms", async () => {
    const header = ["Đơn vị", "Chương trình", "Người phụ trách", "Hạn (dd/mm/yyyy)", "Tiêu đề"];
    const head = [...header, "Cần minh chứng", "Cần xác nhận"];
    const before = await h.db.db.task.count();
    const [bad] = await sendFile(
      secretariat,
      secretariatGroup,
      "viec-sai.csv",
      csv([
        head,
        ["Nam Trà My", "NTM", DEMO.official.name, "15/12/2026", "Báo cáo tiến độ NTM", "Có", "Có"],
        ["Nam Trà My", "GNBV", DEMO.official2.name, "20/12/2026", "Rà soát hộ nghèo", "", "có lẽ"],
      ]),
    );
    expect(bad!.text).toBe(
      [
        "📄 Tệp «viec-sai.csv» có 1 lỗi, chưa ghi gì:",
        "• Dòng 3: «Cần xác nhận» «có lẽ» không hiểu được (Có hoặc Không).",
        "Đề nghị sửa tệp rồi gửi lại.",
      ].join("\n"),
    );
    expect(await h.db.db.task.count()).toBe(before);

    const [preview] = await sendFile(
      secretariat,
      secretariatGroup,
      "viec.csv",
      csv([
        head,
        ["Nam Trà My", "NTM", DEMO.official.name, "15/12/2026", "Báo cáo tiến độ NTM", "Có", "Có"],
        ["Nam Trà My", "GNBV", DEMO.official2.name, "20/12/2026", "Rà soát hộ nghèo", "", "x"],
      ]),
    );
    expect(preview!.text.split("\n").slice(1, 3)).toEqual([
      `• Dòng 2: Báo cáo tiến độ NTM · Nam Trà My · đồng chí ${DEMO.official.name} · hạn 15/12/2026 · cần minh chứng · cần xác nhận`,
      `• Dòng 3: Rà soát hộ nghèo · Nam Trà My · đồng chí ${DEMO.official2.name} · hạn 20/12/2026 · cần xác nhận`,
    ]);
    await h.press(secretariat, secretariatGroup, preview!.message_id, buttons(preview!)[0]!);
    const ntm = await byTitle("Báo cáo tiến độ NTM");
    expect(ntm).toMatchObject({ requiresEvidence: true, requiresConfirmation: true });
    expect(await byTitle("Rà soát hộ nghèo")).toMatchObject({ requiresEvidence: false, requiresConfirmation: true });

    // the same rows from the command line (no assigner): the secretariat's groups are asked to confirm
    const cli = await h.app.services.taskImport.parse(
      [
        ["Đơn vị", "Người phụ trách", "Hạn", "Tiêu đề", "Cần xác nhận"],
        ["Nam Trà My", DEMO.official.name, "12/12/2026", "Tổng hợp kiến nghị cử tri", "Có"],
      ],
      { now: h.clock.now() },
    );
    if (!cli.ok) throw new Error(cli.errors.join("\n"));
    await h.app.services.taskImport.apply(cli.rows, { now: h.clock.now() });
    await h.app.dispatcher.drain();
    const fromCli = await byTitle("Tổng hợp kiến nghị cử tri");
    expect(fromCli.createdById).toBeNull();
    const me = privateChat(DEMO.official);
    const [waiting] = await h.say(official, me, `/xong ${fromCli.id} đã tổng hợp`);
    expect(waiting!.text).toBe(
      `⏳ Đã ghi nhận báo cáo hoàn thành việc #${fromCli.id} «Tổng hợp kiến nghị cử tri» ngày 24/11/2026. Việc đang chờ Văn phòng điều phối xác nhận. Ghi chú: đã tổng hợp.`,
    );
    await h.app.dispatcher.drain();
    const ask = h.emulator.sent.find((m) => m.text.includes(`Đề nghị xác nhận hoàn thành việc #${fromCli.id}`))!;
    expect(ask.chat_id).toBe(secretariatGroup.id);
    expect(ask.text.split("\n").at(-1)).toBe("Đề nghị Văn phòng điều phối xem xét, xác nhận kết quả.");
    const done = await h.press(secretariat, secretariatGroup, ask.message_id, buttons(ask)[0]!);
    expect(done.map((m) => m.text)).toContain(
      `✅ Đã xác nhận việc #${fromCli.id} «Tổng hợp kiến nghị cử tri» hoàn thành đúng hạn ngày 24/11/2026.`,
    );
    expect((await byTitle("Tổng hợp kiến nghị cử tri")).status).toBe("DONE");

    // evidence first: «xong» without it is refused, and nothing waits for confirmation (the confirmation's
    // notice to him goes out first, not among the answer)
    await h.app.dispatcher.drain();
    const [needs] = await h.say(official, me, `/xong ${ntm.id}`);
    expect(needs!.text).toContain("cần có minh chứng (ảnh, tệp PDF hoặc văn bản) trước khi báo hoàn thành");
    expect((await byTitle("Báo cáo tiến độ NTM")).status).toBe("OPEN");
  });
});
