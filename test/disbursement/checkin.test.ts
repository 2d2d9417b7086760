// The weekly disbursement check-in (issue #19): the question on the configured weekday (Friday by default) to
// each responsible official, one message per programme; answers by reply or «Không thay đổi»; the list of
// pairs that did not answer to the secretariat the next working day; the monthly below-average list.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";
import { chats, collect } from "../support/collect.ts";

const secretariatGroup = group(DEMO.groups.secretariat);
const an = user(DEMO.official);
const son = user(DEMO.bacTraMyOfficial);

describeEachDatabase("weekly disbursement check-in", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  const run = (now: Date) => {
    h.clock.set(now);
    return collect(h, () => h.app.scheduler.runNow("disbursement-checkin"));
  };

  it("asks on Friday, once; reads a reply and «Không thay đổi»; lists the rest to the secretariat on Monday", async () => {
    expect(await run(at(8, 0, "2026-11-26"))).toEqual([]); // Thursday: not the day, nobody asked last week
    const asked = await run(at(8, 0, "2026-11-27"));
    // only officials who opened a private chat: Nguyễn Văn An (NTM Nam Trà My), Hồ Văn Sơn (DTTS Bắc Trà My)
    expect(chats(asked)).toEqual([DEMO.official.id, DEMO.bacTraMyOfficial.id]);
    const question = asked.find((m) => m.chat_id === DEMO.official.id)!;
    expect(question.text.split("\n")[0]).toBe(
      "📋 Đề nghị đồng chí báo cáo số giải ngân lũy kế vốn NTM năm 2026 của Nam Trà My đến ngày 27/11/2026.",
    );
    // the plans have vốn TW and vốn ĐP (ADR 016): the whole figure, and that no source was reported apart
    expect(question.text).toMatch(
      /Số đã báo cáo gần nhất: tổng [\d,]+ tỷ đồng \(đến \d\d\/\d\d\/2026\); vốn TW chưa báo cáo riêng; vốn ĐP chưa báo cáo riêng\./,
    );
    expect(question.text).toContain(
      "đề nghị đồng chí trả lời tin này bằng số lũy kế từng nguồn (ví dụ: TW 30 tỷ, ĐP 5 tỷ)",
    );
    expect(JSON.stringify(question.reply_markup)).toContain("Không thay đổi");
    expect(await run(at(9, 0, "2026-11-27"))).toEqual([]); // once

    // a reply the way officials write it
    const reply = await h.say(an, privateChat(DEMO.official), "Dạ 35,5 tỷ ạ", question.message_id);
    expect(reply.map((m) => m.text)).toEqual([
      expect.stringMatching(/^✅ Đã ghi nhận giải ngân NTM của Nam Trà My đến 27\/11\/2026: 35\.500\.000\.000 đ/),
    ]);
    // no amount: a clear refusal, nothing written
    const reports = await h.db.db.disbursementReport.count();
    const noAmount = await h.say(an, privateChat(DEMO.official), "dạ em gửi sau ạ", question.message_id);
    expect(noAmount.map((m) => m.text)).toEqual([
      "Chưa ghi nhận: đề nghị trả lời bằng số giải ngân lũy kế, ví dụ: 30 tỷ, hoặc bấm «Không thay đổi».",
    ]);
    expect(await h.db.db.disbursementReport.count()).toBe(reports);

    // «Không thay đổi»: the last figure again, as of today
    const sonQuestion = asked.find((m) => m.chat_id === DEMO.bacTraMyOfficial.id)!;
    const data = (sonQuestion.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard[0]![0]!.callback_data;
    const pressed = await h.press(son, privateChat(DEMO.bacTraMyOfficial), sonQuestion.message_id, data);
    expect(pressed.filter((m) => m.method === "sendMessage").map((m) => m.text)).toEqual([
      expect.stringMatching(
        /^✅ Đã ghi nhận giải ngân DTTS của Bắc Trà My đến 27\/11\/2026: .* \(không đổi so với lần báo cáo trước\)\.\nKế hoạch vốn DTTS có vốn TW và vốn ĐP/,
      ),
    ]);
    expect(await h.db.db.disbursementReport.count()).toBe(reports + 1);

    // Monday: the secretariat hears which unit × programme pairs did not answer — not the two that did
    const monday = await run(at(8, 0, "2026-11-30"));
    expect(chats(monday)).toEqual([secretariatGroup.id]);
    const lines = monday[0]!.text.split("\n");
    expect(lines[0]).toMatch(/^Kính gửi Văn phòng điều phối: (\d+)\/(\d+) đơn vị × chương trình chưa báo cáo/);
    const [, missing, total] = /(\d+)\/(\d+)/.exec(lines[0]!)!;
    expect(Number(total) - Number(missing)).toBe(2);
    expect(lines).toContain("• Nam Trà My · GNBV");
    expect(lines).not.toContain("• Nam Trà My · NTM");
    expect(lines).not.toContain("• Bắc Trà My · DTTS");
    expect(await run(at(9, 0, "2026-11-30"))).toEqual([]); // once
  });

  it("reads one figure per source in one answer, all or none; «Không thay đổi» keeps them apart (ADR 016)", async () => {
    const db = h.db.db;
    const asked = await run(at(8, 0, "2026-11-27"));
    const question = asked.find((m) => m.chat_id === DEMO.official.id)!;
    const before = await db.disbursementReport.count();
    // a source on one figure and not on the other: unclear, nothing written
    const unclear = await h.say(an, privateChat(DEMO.official), "TW 40 tỷ, 5 tỷ", question.message_id);
    expect(unclear.map((m) => m.text)).toEqual([
      "Chưa ghi nhận: đề nghị ghi nguồn vốn trước mỗi số tiền, ví dụ: TW 30 tỷ, ĐP 5 tỷ (hoặc chỉ một số tổng).",
    ]);
    // one figure too high: neither is written
    const over = await h.say(an, privateChat(DEMO.official), "TW 40 tỷ; ĐP 50 tỷ", question.message_id);
    expect(over[0]!.text).toMatch(/^Chưa ghi nhận: 50 tỷ đồng vượt kế hoạch vốn 6,8 tỷ đồng/);
    expect(await db.disbursementReport.count()).toBe(before);

    const reply = await h.say(an, privateChat(DEMO.official), "Dạ vốn TW: 40 tỷ, vốn ĐP 5 tỷ ạ", question.message_id);
    expect(reply.map((m) => m.text.split("\n"))).toEqual([
      [
        "✅ Đã ghi nhận giải ngân NTM (vốn TW) của Nam Trà My đến 27/11/2026: 40.000.000.000 đ (40 tỷ đồng) — đạt 46,8% kế hoạch vốn TW 85,5 tỷ đồng (lần đầu báo cáo riêng phần vốn này).",
        "✅ Đã ghi nhận giải ngân NTM (vốn ĐP) của Nam Trà My đến 27/11/2026: 5.000.000.000 đ (5 tỷ đồng) — đạt 73,1% kế hoạch vốn ĐP 6,8 tỷ đồng (lần đầu báo cáo riêng phần vốn này).",
      ],
    ]);
    const written = await db.disbursementReport.findMany({
      where: { id: { gt: 0 } },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(written.map((r) => [r.source, r.cumulativeVnd])).toEqual([
      ["LOCAL", 5_000_000_000n],
      ["CENTRAL", 40_000_000_000n],
    ]);

    // the next Friday: each source's figure in the question; «Không thay đổi» reports both again, apart
    const next = await run(at(8, 0, "2026-12-04"));
    const q2 = next.find((m) => m.chat_id === DEMO.official.id)!;
    expect(q2.text.split("\n")[1]).toBe(
      "Số đã báo cáo gần nhất: tổng 45 tỷ đồng (đến 27/11/2026); vốn TW 40 tỷ đồng (đến 27/11/2026); vốn ĐP 5 tỷ đồng (đến 27/11/2026).",
    );
    const data = (q2.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!
      .callback_data;
    const pressed = await h.press(an, privateChat(DEMO.official), q2.message_id, data);
    expect(pressed.filter((m) => m.method === "sendMessage").map((m) => m.text.split("\n").length)).toEqual([2]);
    const again = await db.disbursementReport.findMany({ orderBy: { id: "desc" }, take: 2 });
    expect(again.map((r) => [r.source, r.cumulativeVnd, r.asOf])).toEqual([
      ["LOCAL", 5_000_000_000n, "2026-12-04"],
      ["CENTRAL", 40_000_000_000n, "2026-12-04"],
    ]);
  });

  it("a reply to another bot message is not a check-in answer; the monthly list goes out on the first working day", async () => {
    const monthly = await run(at(8, 0, "2026-12-01"));
    expect(chats(monthly)).toEqual([secretariatGroup.id]);
    const lines = monthly[0]!.text.split("\n");
    expect(lines[0]).toBe("<b>Danh sách đơn vị giải ngân dưới mức bình quân toàn tỉnh</b> · tháng 12/2026");
    expect(lines[1]).toMatch(/^NTM \(bình quân [\d,]+%\): .*Nam Trà My [\d,]+%/);
    expect(await run(at(9, 0, "2026-12-01"))).toEqual([]);
    // "35 tỷ" written as a reply to /status's answer is not a report
    const status = await h.say(an, privateChat(DEMO.official), "/status");
    const before = await h.db.db.disbursementReport.count();
    await h.say(an, privateChat(DEMO.official), "35 tỷ", status[0]!.message_id);
    expect(await h.db.db.disbursementReport.count()).toBe(before);
  });
});
