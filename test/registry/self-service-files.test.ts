// Registry and task files sent in the secretariat's group, through the real telegraf stack and the
// emulator: a preview of what will be added, changed and deactivated (or the row-numbered errors), then
// only the sender's ✅ applies, all rows or none.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, startHarness, user, type Harness, mentionInGroup } from "../support/harness.ts";

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const secretariatGroup = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);
const secretariatEn = user(DEMO.secretariatEn, "en");
const official = user(DEMO.official);
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(";")).join("\n"));
const OFFICIALS = ["Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Đang hoạt động"];

describeEachDatabase("registry and task files sent in the secretariat's group", (provider) => {
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
  const buttons = (m: SentMessage) => (m.reply_markup as Keyboard).inline_keyboard[0]!.map((b) => b.callback_data);
  const officials = () =>
    h.db.db.official.findMany({ orderBy: { id: "asc" }, select: { fullName: true, title: true, active: true } });

  it("a registry file: preview of added, changed, deactivated; another's ✅ refused; the sender's ✅ applies it, audited", async () => {
    const file = csv([
      OFFICIALS,
      ["Lê Thị Mới", "Chuyên viên", "Nam Trà My", "Phụ trách", ""],
      [DEMO.bacTraMyOfficial.name, "Chuyên viên chính Phòng Dân tộc", "Bắc Trà My", "Phụ trách", ""],
      [DEMO.official2.name, DEMO.official2.title, "Nam Trà My", "", "Không"],
    ]);
    const before = await officials();
    const [preview, ...more] = await sendFile(secretariat, secretariatGroup, "can-bo.csv", file);
    expect(more).toHaveLength(0);
    expect(preview!.text).toBe(
      [
        "📄 <b>Tệp danh sách «can-bo.csv»</b>: 3 dòng hợp lệ.",
        "Sẽ thêm 1, sửa 1, ngừng hoạt động 1.",
        "<b>Thêm mới:</b>",
        "• cán bộ Lê Thị Mới",
        "<b>Sửa:</b>",
        `• cán bộ ${DEMO.bacTraMyOfficial.name}`,
        "<b>Ngừng hoạt động:</b>",
        `• cán bộ ${DEMO.official2.name}`,
        "Đề nghị đồng chí bấm «✅ Áp dụng» để ghi, hoặc «✖ Hủy» để bỏ. Bản xem trước hết hạn lúc 10:00.",
      ].join("\n"),
    );
    // the preview wrote nothing (its audit entries were rolled back)
    expect(await officials()).toEqual(before);
    expect(await h.db.db.auditLog.count({ where: { action: "official.create" } })).toBe(0);
    const [ok] = buttons(preview!);

    // another secretariat official's ✅ is refused
    await h.press(secretariatEn, secretariatGroup, preview!.message_id, ok!);
    expect(h.emulator.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)!.payload).toMatchObject({
      text: "Only the official who sent the file may apply or cancel it.",
      show_alert: true,
    });
    expect(await officials()).toEqual(before);

    const sent = await h.press(secretariat, secretariatGroup, preview!.message_id, ok!);
    expect(sent.at(-1)!.text).toMatch(/^✅ Đã cập nhật danh sách: \d+ thay đổi, đã ghi nhật ký\.$/);
    const after = await officials();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((o) => o.fullName === "Lê Thị Mới")).toMatchObject({ title: "Chuyên viên", active: true });
    expect(after.find((o) => o.fullName === DEMO.bacTraMyOfficial.name)!.title).toBe("Chuyên viên chính Phòng Dân tộc");
    expect(after.find((o) => o.fullName === DEMO.official2.name)!.active).toBe(false);
    const thu = await h.db.db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.secretariat.id) } });
    expect(await h.db.db.auditLog.count({ where: { action: "official.create", actorId: thu.id } })).toBe(1);
    expect(await h.db.db.pendingInput.count()).toBe(0);
  });

  it("a bad row: every error named by its row, no buttons, nothing written; a non-secretariat sender's file is not taken", async () => {
    const before = await officials();
    const [errors, ...more] = await sendFile(
      secretariat,
      secretariatGroup,
      "sai.csv",
      csv([
        OFFICIALS,
        ["Lê Thị Mới", "Chuyên viên", "Nam Trà My", "Phụ trách", ""],
        ["Phan Văn Sai", "", "Huyện Không Có", "Phụ trách", ""],
        ["Đỗ Thị Hai", "", "Nam Trà My", "Thủ quỹ", ""],
      ]),
    );
    expect(more).toHaveLength(0);
    expect(errors!.text).toMatch(
      /^📄 Tệp «sai\.csv» có 2 lỗi, chưa ghi gì:\n• Dòng 3: .*Huyện Không Có.*\n• Dòng 4: .*Thủ quỹ.*\nĐề nghị sửa tệp rồi gửi lại\.$/s,
    );
    expect(errors!.reply_markup).toBeUndefined();
    expect(await h.db.db.pendingInput.count()).toBe(0);
    expect(await officials()).toEqual(before);

    const good = csv([OFFICIALS, ["Lê Thị Mới", "Chuyên viên", "Nam Trà My", "Phụ trách", ""]]);
    expect(await sendFile(official, secretariatGroup, "can-bo.csv", good)).toEqual([]);
    expect(await sendFile(secretariat, group(DEMO.groups.namTraMy), "can-bo.csv", good)).toEqual([]);
    expect(await h.db.db.pendingInput.count()).toBe(0);
    expect(await officials()).toEqual(before);
  });

  it("a task file: preview of the tasks, ✅ gives them all (audited, announced); a bad row gives none", async () => {
    const header = ["Đơn vị", "Chương trình", "Người phụ trách", "Hạn (dd/mm/yyyy)", "Tiêu đề"];
    const tasks = () => h.db.db.task.count();
    const before = await tasks();
    const bad = await sendFile(
      secretariat,
      secretariatGroup,
      "viec-sai.csv",
      csv([
        header,
        ["Nam Trà My", "NTM", DEMO.official.name, "15/12/2026", "Báo cáo tiến độ NTM"],
        ["Nam Trà My", "NTM", DEMO.official.name, "31/02/2026", "Báo cáo quý"],
      ]),
    );
    expect(bad[0]!.text).toContain("📄 Tệp «viec-sai.csv» có 1 lỗi, chưa ghi gì:\n• Dòng 3: Hạn «31/02/2026»");
    expect(await tasks()).toBe(before);

    const [preview] = await sendFile(
      secretariat,
      secretariatGroup,
      "viec.csv",
      csv([
        header,
        ["Nam Trà My", "NTM", DEMO.official.name, "15/12/2026", "Báo cáo tiến độ NTM"],
        ["Nam Trà My", "GNBV", DEMO.official2.name, "20/12/2026", "Rà soát hộ nghèo"],
      ]),
    );
    expect(preview!.text).toBe(
      [
        "📄 <b>Tệp giao việc «viec.csv»</b>: sẽ giao 2 việc.",
        `• Dòng 2: Báo cáo tiến độ NTM · Nam Trà My · đồng chí ${DEMO.official.name} · hạn 15/12/2026`,
        `• Dòng 3: Rà soát hộ nghèo · Nam Trà My · đồng chí ${DEMO.official2.name} · hạn 20/12/2026`,
        "Đề nghị đồng chí bấm «✅ Áp dụng» để ghi, hoặc «✖ Hủy» để bỏ. Bản xem trước hết hạn lúc 10:00.",
      ].join("\n"),
    );
    expect(await tasks()).toBe(before);
    const [ok] = buttons(preview!);
    await h.press(secretariatEn, secretariatGroup, preview!.message_id, ok!);
    expect(await tasks()).toBe(before);
    const sent = await h.press(secretariat, secretariatGroup, preview!.message_id, ok!);
    expect(sent.map((m) => m.text)).toContain(
      "✅ Đã giao 2 việc theo tệp; các đơn vị và cán bộ phụ trách đã được thông báo.",
    );
    expect(await tasks()).toBe(before + 2);
    expect(await h.db.db.auditLog.count({ where: { action: "task.import" } })).toBe(2);
  });
});
