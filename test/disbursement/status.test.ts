// /status read on its own (issue #18): each programme's figure with its date, the milestone's target, today's
// pace and the gap, working days left by the working calendar; a unit silent this month says so; the province
// table slowest first with the average and the date of its figures. Through the real bot.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, group, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);
const secretariat = user(DEMO.secretariat);

describeEachDatabase("status", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  const one = async (from: ReturnType<typeof user>, chat: ReturnType<typeof group>, text: string) => {
    const replies = (await h.say(from, chat, text)).filter((m) => m.chat_id === chat.id);
    expect(replies).toHaveLength(1);
    return replies[0]!.text.split("\n");
  };

  it("shows per programme the figure and its date, the target, the gap and working days left", async () => {
    expect(await one(chairman, namTraMy, "/status")).toEqual([
      "<b>Nam Trà My</b> · tình hình giải ngân kế hoạch vốn 2026 · ngày 24/11/2026",
      "🔴 <b>NTM</b>: 25,2/92,3 tỷ đồng (27,3%), lũy kế đến 17/11 · tổng các nguồn, chưa báo cáo riêng vốn TW",
      // 25/11 → 31/12/2026: 4 working days of November and 23 of December (37 calendar days)
      "   mốc 31/12 cần đạt 100% · tiến độ đến hôm nay 90,0%, chậm 62,7 điểm · còn 27 ngày làm việc",
      "   1 việc đang mở",
      "🔴 <b>GNBV</b>: 15,1/58,6 tỷ đồng (25,8%), lũy kế đến 17/11 · tổng các nguồn, chưa báo cáo riêng vốn TW",
      "   mốc 31/12 cần đạt 100% · tiến độ đến hôm nay 90,0%, chậm 64,2 điểm · còn 27 ngày làm việc",
      "   1 việc đang mở, 1 quá hạn",
      "🔴 <b>DTTS</b>: 15,9/65,4 tỷ đồng (24,3%), lũy kế đến 17/11 · tổng các nguồn, chưa báo cáo riêng vốn TW",
      "   mốc 31/12 cần đạt 100% · tiến độ đến hôm nay 90,0%, chậm 65,7 điểm · còn 27 ngày làm việc",
      "   1 việc đang mở",
    ]);
  });

  it("counts working days by the calendar in the database, read at each /status", async () => {
    await h.db.db.calendarDay.create({ data: { date: "2026-12-01", kind: "HOLIDAY", name: "nghỉ bù (thử)" } });
    expect((await one(chairman, namTraMy, "/status"))[2]).toContain("còn 26 ngày làm việc");
    // removed again (/ngaynghi xoa): the next /status counts without it
    await h.say(secretariat, secretariatGroup, "/ngaynghi xoa 01/12/2026");
    expect((await one(chairman, namTraMy, "/status"))[2]).toContain("còn 27 ngày làm việc");
  });

  it("gives a whole amount as «30 tỷ» and the new report's date", async () => {
    await h.say(official, namTraMy, "/baocao NTM 30 tỷ");
    expect((await one(chairman, namTraMy, "/status"))[1]).toBe(
      "🔴 <b>NTM</b>: 30/92,3 tỷ đồng (32,5%), lũy kế đến 24/11 · tổng các nguồn, chưa báo cáo riêng vốn TW",
    );
  });

  it("says when a unit has not reported this month, in its status and in the province table", async () => {
    const unit = await h.db.db.unit.findFirstOrThrow({ where: { code: "NAM_TRA_MY" } });
    await h.db.db.disbursementReport.updateMany({ where: { unitId: unit.id }, data: { asOf: "2026-10-20" } });
    expect((await one(chairman, namTraMy, "/status"))[1]).toBe(
      "🔴 <b>NTM</b>: 25,2/92,3 tỷ đồng (27,3%), lũy kế đến 20/10, tháng 11/2026 chưa báo cáo · tổng các nguồn, chưa báo cáo riêng vốn TW",
    );
    const table = await one(secretariat, secretariatGroup, "/status");
    expect(table[1]).toBe(
      "1. 🔴 Nam Trà My · 26,0% (chậm 64,0 điểm) · ↓ dưới bình quân · tháng 11/2026 chưa báo cáo · 3 việc đang mở, 1 quá hạn",
    );
    expect(table.filter((l) => l.includes("chưa báo cáo"))).toHaveLength(1);
  });

  it("ranks the province slowest first, marks units below the average and dates the figures", async () => {
    expect(await one(secretariat, secretariatGroup, "/status")).toEqual([
      "<b>Toàn tỉnh</b> · kế hoạch vốn 2026 · số liệu lũy kế đến 17/11/2026 · xếp từ chậm nhất",
      "1. 🔴 Nam Trà My · 26,0% (chậm 64,0 điểm) · ↓ dưới bình quân · 3 việc đang mở, 1 quá hạn",
      "2. 🔴 Bắc Trà My · 40,5% (chậm 49,5 điểm) · ↓ dưới bình quân · 1 việc đang mở, 1 quá hạn",
      "3. 🔴 Nông Sơn · 57,7% (chậm 32,3 điểm) · ↓ dưới bình quân · không có việc tồn",
      "4. 🔴 Phước Sơn · 64,2% (chậm 25,8 điểm) · không có việc tồn",
      "5. 🔴 Nam Giang · 68,2% (chậm 21,7 điểm) · không có việc tồn",
      "6. 🔴 Tây Giang · 72,9% (chậm 17,1 điểm) · không có việc tồn",
      "7. 🔴 Hiệp Đức · 74,4% (chậm 15,5 điểm) · không có việc tồn",
      "8. 🔴 Đông Giang · 79,6% (chậm 10,4 điểm) · không có việc tồn",
      "9. 🟡 Tiên Phước · 86,4% (chậm 3,5 điểm) · không có việc tồn",
      "Bình quân toàn tỉnh: 63,7%.",
    ]);
  });

  it("keeps vốn TW and vốn ĐP apart once reported apart, and judges vốn TW (ADR 016)", async () => {
    const say = async (text: string) => (await one(official, namTraMy, text)).join("\n");
    expect(await say("/baocao NTM 40 tỷ vốn TW")).toBe(
      "✅ Đã ghi nhận giải ngân NTM (vốn TW) của Nam Trà My đến 24/11/2026: 40.000.000.000 đ (40 tỷ đồng) — đạt 46,8% kế hoạch vốn TW 85,5 tỷ đồng (lần đầu báo cáo riêng phần vốn này).",
    );
    // the programme's first line and its pace are vốn TW's; vốn ĐP has no figure of its own yet
    expect((await one(chairman, namTraMy, "/status")).slice(1, 5)).toEqual([
      "🔴 <b>NTM</b> · vốn TW: 40/85,5 tỷ đồng (46,8%), lũy kế đến 24/11",
      "   mốc 31/12 cần đạt 100% · tiến độ đến hôm nay 90,0%, chậm 43,2 điểm · còn 27 ngày làm việc",
      "   vốn ĐP: chưa báo cáo riêng (kế hoạch 6,8 tỷ đồng)",
      "   1 việc đang mở",
    ]);
    await say("/baocao NTM 5 tỷ vốn ĐP");
    await say("/baocao NTM 30 tỷ TW/ĐTPT");
    await say("/baocao NTM 12 tỷ TW SN");
    // by kind under vốn TW; vốn ĐP with its own figure and date
    expect((await one(chairman, namTraMy, "/status")).slice(1, 6)).toEqual([
      "🔴 <b>NTM</b> · vốn TW: 42/85,5 tỷ đồng (49,1%), lũy kế đến 24/11",
      "   ĐTPT 30/68,4 · SN 12/17,1 tỷ đồng",
      "   mốc 31/12 cần đạt 100% · tiến độ đến hôm nay 90,0%, chậm 40,8 điểm · còn 27 ngày làm việc",
      "   vốn ĐP: 5/6,8 tỷ đồng (73,1%), lũy kế đến 24/11",
      "   1 việc đang mở",
    ]);
    // the province table: vốn TW for NTM, the whole for GNBV and DTTS (plan-weighted)
    expect((await one(secretariat, secretariatGroup, "/status"))[1]).toBe(
      "1. 🔴 Nam Trà My · 34,9% (một phần vốn TW, chậm 55,1 điểm) · ↓ dưới bình quân · 3 việc đang mở, 1 quá hạn",
    );
  });

  // the status reads are plain SQL written by hand (ADR 017): the plan changes and their decisions, on both databases
  it("shows a plan changed by reallocation decisions, with their numbers, only in the units concerned", async () => {
    await one(secretariat, secretariatGroup, "/dieuchuyen ghi Nam Trà My sang Tiên Phước NTM 5 tỷ 123/QĐ-UBND");
    await one(secretariat, secretariatGroup, "/dieuchuyen ghi Nam Trà My Tiên Phước NTM 1,5 tỷ 45/QĐ-UBND TW/SN");
    const lines = await one(chairman, namTraMy, "/status");
    expect(lines[1]).toBe(
      "🔴 <b>NTM</b>: 25,2/85,8 tỷ đồng (29,4%), lũy kế đến 17/11 · tổng các nguồn, chưa báo cáo riêng vốn TW",
    );
    expect(lines.filter((l) => l.includes("điều chỉnh"))).toEqual([
      "   đã điều chỉnh kế hoạch: −6,5 tỷ đồng theo Quyết định số 123/QĐ-UBND, 45/QĐ-UBND",
    ]);
    const bacTraMy = group(DEMO.groups.bacTraMy);
    const other = (await h.say(user(DEMO.bacTraMyChairman), bacTraMy, "/status")).map((m) => m.text).join("\n");
    expect(other).not.toContain("điều chỉnh");
  });

  it("counts as done today a task confirmed today that was reported yesterday (#19), not one done yesterday", async () => {
    const unit = await h.db.db.unit.findFirstOrThrow({ where: { code: "NAM_TRA_MY" } });
    const an = await h.db.db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.official.id) } });
    const now = h.clock.now();
    const yesterday = new Date(now.getTime() - 24 * 3600_000);
    const task = (title: string, confirmedAt: Date | null) => ({
      title,
      unitId: unit.id,
      responsibleId: an.id,
      dueDate: "2026-11-30",
      status: "DONE" as const,
      completedAt: yesterday,
      completedById: an.id,
      ...(confirmedAt && { requiresConfirmation: true, confirmedAt }),
    });
    await h.db.db.task.createMany({
      data: [task("Báo cáo đã xác nhận hôm nay", now), task("Báo cáo xong từ hôm qua", null)],
    });
    const done = (await one(chairman, namTraMy, "/status")).filter((l) => l.startsWith("✅"));
    expect(done).toEqual(["✅ Hôm nay đã hoàn thành: Báo cáo đã xác nhận hôm nay (đồng chí Nguyễn Văn An)"]);
  });

  it("speaks English to an English-speaking user, figures written the English way (ADR 018)", async () => {
    await h.db.db.official.updateMany({
      where: { telegramUserId: BigInt(DEMO.chairman.id) },
      data: { language: "en" },
    });
    const lines = await one(user(DEMO.chairman, "en"), namTraMy, "/status");
    expect(lines[1]).toBe(
      "🔴 <b>NTM</b>: 25.2/92.3 bn VND (27.3%), cumulative to 17/11 · all sources, central capital not reported apart",
    );
    expect(lines[2]).toBe(
      "   milestone 31/12 requires 100% · pace to date 90.0%, 62.7 points behind · 27 working days left",
    );
  });
});
