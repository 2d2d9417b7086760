// Evidence end to end through the real telegraf stack and the emulator: a task that requires evidence
// (from a directive file's «Cần minh chứng» column) refuses «xong» without it; a PDF replying to the
// reminder is attached (file_id, name, size, who, when) and audited on the task; «xong» then closes it; a
// photo captioned /xong attaches and closes in one message; the directives' export counts the files.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness, MENTION } from "../support/harness.ts";
import { HEADER, xlsx } from "./support.ts";

const secretariatGroup = group(DEMO.groups.secretariat);
const namTraMy = group(DEMO.groups.namTraMy);
const secretariat = user(DEMO.secretariat);
const official = user(DEMO.official);
const official2 = user(DEMO.official2);

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

describeEachDatabase("evidence", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  async function send(opts: Parameters<Harness["emulator"]["userSendsDocument"]>[0]) {
    const before = h.emulator.sent.length;
    h.emulator.userSendsDocument(opts);
    await h.emulator.waitIdle();
    return h.emulator.sent.slice(before);
  }

  it("required evidence: «xong» refused without it; a PDF under the reminder attaches; «xong» closes; a photo with /xong attaches and closes", async () => {
    const file = await xlsx([
      [...HEADER, "Cần minh chứng"],
      [
        "Kết luận",
        "12-KL/TU",
        "14/08/2023",
        "Ban Thường vụ Tỉnh ủy",
        "Về 03 Chương trình MTQG",
        "1",
        "Báo cáo kết quả rà soát dự án",
        "Nam Trà My",
        "Nguyễn Văn An",
        "26/11/2026",
        "Có",
      ],
      ["", "", "", "", "", "2", "Kế hoạch chi tiết có phân công", "Nam Trà My", "Trần Văn Bình", "30/11/2026", "Có"],
    ]);
    const [preview] = await send({
      from: secretariat,
      chat: secretariatGroup,
      filename: "kl.xlsx",
      bytes: file,
      caption: MENTION,
    });
    const ok = (preview!.reply_markup as Keyboard).inline_keyboard[0]![0]!.callback_data;
    await h.press(secretariat, secretariatGroup, preview!.message_id, ok);
    const [a, b] = await h.db.db.task.findMany({ where: { directiveItemId: { not: null } }, orderBy: { id: "asc" } });
    expect([a!.requiresEvidence, b!.requiresEvidence]).toEqual([true, true]);

    // An has two tasks coming up this morning: one digest in his private chat (ADR 009), the directive's item
    // numbered in it
    // (the file's announcements may still be going out with it: the digest is the one that lists it)
    const digests = (await h.deadlineCheck()).filter(
      (m) =>
        m.chat_id === DEMO.official.id &&
        m.text.includes("Tổng hợp nhắc việc") &&
        m.text.includes("Báo cáo kết quả rà soát"),
    );
    expect(digests).toHaveLength(1);
    const reminder = digests[0]!;
    const n = /^(\d+)\. «Báo cáo kết quả rà soát dự án»/m.exec(reminder.text)![1]!;
    const me = privateChat(DEMO.official);
    expect((await h.say(official, me, `xong ${n}`, reminder.message_id))[0]!.text).toBe(
      "Việc «Báo cáo kết quả rà soát dự án» cần có minh chứng (ảnh, tệp PDF hoặc văn bản) trước khi báo hoàn thành. Đề nghị đồng chí gửi tệp minh chứng bằng cách trả lời tin nhắc việc, rồi báo «xong».",
    );
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe("OPEN");

    const pdf = new TextEncoder().encode("%PDF-1.4 báo cáo");
    // under a digest of two of his tasks a file without the item's number is not guessed
    const [which] = await send({
      from: official,
      chat: me,
      filename: "bao-cao-ra-soat.pdf",
      bytes: pdf,
      mimeType: "application/pdf",
      replyTo: reminder.message_id,
    });
    expect(which!.text).toBe(
      "Tin này tổng hợp nhiều việc. Đề nghị đồng chí gửi lại tệp, ghi số thứ tự của việc trong phần chú thích, ví dụ «2» hoặc «xong 2».",
    );
    expect(await h.db.db.taskEvidence.count()).toBe(0);
    const [attached] = await send({
      from: official,
      chat: me,
      filename: "bao-cao-ra-soat.pdf",
      bytes: pdf,
      mimeType: "application/pdf",
      replyTo: reminder.message_id,
      caption: n,
    });
    expect(attached!.text).toBe(
      `📎 Đã nhận minh chứng «bao-cao-ra-soat.pdf» cho việc #${a!.id} «Báo cáo kết quả rà soát dự án» (1 minh chứng).`,
    );
    const [e] = await h.db.db.taskEvidence.findMany({ where: { taskId: a!.id } });
    const an = await h.db.db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(DEMO.official.id) } });
    expect(e).toMatchObject({
      kind: "DOCUMENT",
      fileName: "bao-cao-ra-soat.pdf",
      fileSize: pdf.length,
      byId: an.id,
      byTelegramId: BigInt(DEMO.official.id),
      createdAt: at(9, 0),
    });
    expect(e!.fileId).toMatch(/^user-file-/);
    // no download: the file stays on Telegram
    expect(h.emulator.calls.filter((c) => c.method === "getFile")).toHaveLength(1); // the directive file only

    const [closed] = await h.say(official, me, `xong ${n}, đã gửi báo cáo`, reminder.message_id);
    expect(closed!.text).toContain(
      "✅ Đã ghi nhận: «Báo cáo kết quả rà soát dự án» hoàn thành đúng hạn ngày 24/11/2026",
    );

    // a photo captioned /xong in the unit's group: attached and closed in one message
    const [both] = await send({
      from: official2,
      chat: namTraMy,
      filename: "anh.jpg",
      bytes: new Uint8Array([1, 2, 3]),
      asPhoto: true,
      caption: `/xong ${b!.id} đã ban hành kế hoạch`,
    });
    expect(both!.text.split("\n")).toEqual([
      `📎 Đã nhận minh chứng «ảnh» cho việc #${b!.id} «Kế hoạch chi tiết có phân công» (1 minh chứng).`,
      expect.stringContaining("✅ Đã ghi nhận: «Kế hoạch chi tiết có phân công» hoàn thành đúng hạn ngày 24/11/2026"),
    ]);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: b!.id } })).status).toBe("DONE");

    // someone else's task: refused, nothing attached
    const [refused] = await send({
      from: user(DEMO.bacTraMyOfficial),
      chat: privateChat(DEMO.bacTraMyOfficial),
      filename: "x.pdf",
      bytes: pdf,
      caption: `/xong ${b!.id}`,
    });
    expect(refused!.text).toBe(
      "Chỉ cán bộ phụ trách, Chủ tịch UBND đơn vị hoặc Văn phòng điều phối được gửi minh chứng cho việc này.",
    );
    expect(await h.db.db.taskEvidence.count()).toBe(2);

    // the task's history (audit) and the exports count the evidence
    expect(
      (await h.db.db.auditLog.findMany({ where: { entity: "Task", entityId: String(a!.id) }, orderBy: { id: "asc" } }))
        .map((x) => x.action)
        .filter((x) => x !== "task.directive"),
    ).toEqual(["evidence.attach", "task.complete"]);
    const tasks = await h.app.services.exports.build("tasks", { now: h.clock.now() });
    const row = tasks.sheets[0]!.rows.find((r) => r[0] === a!.id)!;
    expect(String(row.at(-1))).toContain("evidence.attach");
    const directives = await h.app.services.exports.build("directives", { now: h.clock.now() });
    expect(directives.sheets[0]!.rows.map((r) => [r[1], r.at(-1)])).toEqual([
      ["1", 1],
      ["2", 1],
    ]);
  });
});
