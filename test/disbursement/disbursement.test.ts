// Disbursement tracking through the real bot: /report, /khongdat, /dieuchuyen, /status by programme and
// the supervisor's league table, and the milestone and over-plan-margin settings of the service.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";
import { createDisbursementService } from "../../src/features/disbursement/disbursement.ts";
import { catalogue } from "../../src/i18n/index.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const official = user(DEMO.official);
const chairman = user(DEMO.chairman);
const secretariat = user(DEMO.secretariat);
/** the line under a whole-programme figure when the plans have vốn TW and vốn ĐP (ADR 016) */
const apart = (code: string) =>
  `\nKế hoạch vốn ${code} có vốn TW và vốn ĐP: đề nghị báo cáo riêng từng nguồn, ví dụ /baocao ${code} &lt;số tiền&gt; vốn TW; tiến độ và mốc giải ngân được đánh giá theo vốn TW.`;

describeOnSqlite("disbursement", (provider) => {
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
    return replies[0]!.text;
  };

  it("records /report with the parsed amount, the new rate and the change, keeps history and audits", async () => {
    const reportsBefore = await h.db.db.disbursementReport.count();
    expect(await one(official, namTraMy, "/report NTM 30 tỷ")).toBe(
      "✅ Đã ghi nhận giải ngân NTM của Nam Trà My đến 24/11/2026: 30.000.000.000 đ (30 tỷ đồng) — đạt 32,5% kế hoạch 92,3 tỷ đồng (+5,2 điểm so với lần báo cáo trước)." +
        apart("NTM"),
    );
    expect(await one(official, namTraMy, "/report NTM 20 tỷ sửa")).toBe(
      "✏️ Đã sửa giải ngân NTM của Nam Trà My đến 24/11/2026: 20.000.000.000 đ (20 tỷ đồng) — đạt 21,7% kế hoạch 92,3 tỷ đồng (-10,8 điểm so với lần báo cáo trước)." +
        apart("NTM"),
    );
    expect(await h.db.db.disbursementReport.count()).toBe(reportsBefore + 2);
    const last = await h.db.db.disbursementReport.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last.isCorrection).toBe(true);
    expect(last.cumulativeVnd).toBe(20_000_000_000n);
    expect(await h.db.db.auditLog.count({ where: { entity: "DisbursementReport" } })).toBe(2);
    // the latest report wins in /status
    const status = await one(chairman, namTraMy, "/status");
    expect(status.split("\n")[1]).toContain("20/92,3 tỷ đồng (21,7%)");
  });

  it("answers an English-speaking official in English, figures written the English way (ADR 018)", async () => {
    await h.db.db.official.updateMany({
      where: { telegramUserId: BigInt(DEMO.official.id) },
      data: { language: "en" },
    });
    const an = user(DEMO.official, "en");
    expect(await one(an, namTraMy, "/report NTM 1.250,5 tỷ")).toMatch(/^Not recorded: 1,250\.5 bn VND exceeds /);
    expect((await one(an, namTraMy, "/report NTM 45,5 tỷ")).split("\n")[0]).toMatch(
      /^✅ Recorded NTM disbursement of Nam Trà My as of 24\/11\/2026: 45,500,000,000 VND \(45\.5 bn VND\) — 49\.3% of /,
    );
  });

  it("accepts amounts as officials write them, a part of the plan and a date, from the chairman", async () => {
    expect(await one(chairman, namTraMy, "/baocao GNBV 9.500 triệu TW/SN 20/11/2026")).toBe(
      // the part's own rate, against its own plan; the whole-programme figures before it were no figure of it
      "✅ Đã ghi nhận giải ngân GNBV (vốn TW SN) của Nam Trà My đến 20/11/2026: 9.500.000.000 đ (9,5 tỷ đồng) — đạt 87,5% kế hoạch vốn TW SN 10,9 tỷ đồng (lần đầu báo cáo riêng phần vốn này).",
    );
    const r = await h.db.db.disbursementReport.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect([r.source, r.kind, r.asOf]).toEqual(["CENTRAL", "RECURRENT", "2026-11-20"]);
  });

  it("reads the capital source written after the amount: «vốn TW», «vốn NSTW», «vốn ĐP» (issue #18)", async () => {
    const sources: (string | null)[] = [];
    for (const typed of [
      "/baocao NTM 26,5 tỷ vốn TW",
      "/BaoCao NTM 27 tỷ vốn NSTW 20/11/2026",
      "/baocao NTM 3 tỷ vốn ĐP ĐTPT",
    ]) {
      expect(await one(official, namTraMy, typed)).toMatch(/^✅ Đã ghi nhận giải ngân NTM \(vốn (TW|ĐP)/);
      sources.push((await h.db.db.disbursementReport.findFirstOrThrow({ orderBy: { id: "desc" } })).source);
    }
    expect(sources).toEqual(["CENTRAL", "CENTRAL", "LOCAL"]);
    const kind = (await h.db.db.disbursementReport.findFirstOrThrow({ orderBy: { id: "desc" } })).kind;
    expect(kind).toBe("INVESTMENT");
  });

  it("reads amounts with thousands separated by spaces, like the dotted form (issue #21)", async () => {
    expect(await one(official, namTraMy, "/report NTM 30 000 000 000")).toBe(
      "✅ Đã ghi nhận giải ngân NTM của Nam Trà My đến 24/11/2026: 30.000.000.000 đ (30 tỷ đồng) — đạt 32,5% kế hoạch 92,3 tỷ đồng (+5,2 điểm so với lần báo cáo trước)." +
        apart("NTM"),
    );
    expect(await one(official, namTraMy, "/baocao NTM 32 500 000 000 24/11/2026")).toBe(
      "✅ Đã ghi nhận giải ngân NTM của Nam Trà My đến 24/11/2026: 32.500.000.000 đ (32,5 tỷ đồng) — đạt 35,2% kế hoạch 92,3 tỷ đồng (+2,7 điểm so với lần báo cáo trước)." +
        apart("NTM"),
    );
    const r = await h.db.db.disbursementReport.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect([r.cumulativeVnd, r.asOf]).toEqual([32_500_000_000n, "2026-11-24"]);
  });

  it("lets the secretariat report for a unit it names", async () => {
    expect(await one(secretariat, secretariatGroup, "/report Bắc Trà My DTTS 40 tỷ")).toBe(
      "✅ Đã ghi nhận giải ngân DTTS của Bắc Trà My đến 24/11/2026: 40.000.000.000 đ (40 tỷ đồng) — đạt 53,4% kế hoạch 75 tỷ đồng (+14,3 điểm so với lần báo cáo trước)." +
        apart("DTTS"),
    );
    expect(await one(secretariat, secretariatGroup, "/report DTTS 40 tỷ")).toBe(
      "Chưa ghi nhận: đề nghị ghi tên đơn vị trước tên chương trình, ví dụ: /baocao Nam Trà My NTM 12,5 tỷ.",
    );
  });

  it("refuses bad reports with the reason and writes nothing", async () => {
    const before = { reports: await h.db.db.disbursementReport.count(), audit: await h.db.db.auditLog.count() };
    expect(await one(official, namTraMy, "/report NTM 12.500")).toBe(
      "Chưa ghi nhận: số tiền chưa rõ (đề nghị ghi đơn vị, ví dụ «12.500 triệu», hoặc ghi đủ số có dấu chấm: «12.500.000.000»).",
    );
    // a round amount and a bare number after it is not one amount (issue #21)
    expect(await one(official, namTraMy, "/baocao NTM 12 500 000 000 123")).toBe(
      "Chưa ghi nhận: số tiền chưa rõ (đề nghị ghi đơn vị, ví dụ «12.500 triệu», hoặc ghi đủ số có dấu chấm: «12.500.000.000»).",
    );
    expect(await one(official, namTraMy, "/report NTM -5 tỷ")).toBe("Chưa ghi nhận: số tiền không được âm.");
    expect(await one(official, namTraMy, "/report NTM 1,2 nghìn tỷ")).toBe(
      "Chưa ghi nhận: 1.200 tỷ đồng vượt kế hoạch vốn 92,3 tỷ đồng. Đề nghị kiểm tra lại số liệu.",
    );
    expect(await one(official, namTraMy, "/report NTM 20 tỷ")).toBe(
      "Chưa ghi nhận: 20 tỷ đồng thấp hơn số đã báo cáo lần trước 25,2 tỷ đồng (số lũy kế). Nếu cần điều chỉnh giảm, đề nghị ghi thêm «sửa» ở cuối lệnh.",
    );
    expect(await one(official, namTraMy, "/report GNBV 30 tỷ")).toBe(
      "Chưa ghi nhận: đồng chí không được phân công phụ trách chương trình GNBV của Nam Trà My.",
    );
    expect(await one(official, namTraMy, "/report XYZ 30 tỷ")).toBe(
      "Chưa ghi nhận: không tìm thấy chương trình «XYZ» (NTM, GNBV, DTTS).",
    );
    await h.db.db.capitalPlan.deleteMany({ where: { unit: { code: "NAM_TRA_MY" }, programme: { code: "DTTS" } } });
    expect(await one(chairman, namTraMy, "/report DTTS 3 tỷ")).toBe(
      "Chưa ghi nhận: Nam Trà My chưa có kế hoạch vốn DTTS năm 2026 (hoặc của nguồn/loại vốn đã ghi).",
    );
    expect(await h.db.db.disbursementReport.count()).toBe(before.reports);
    expect(await h.db.db.auditLog.count()).toBe(before.audit);
  });

  it("handles the same /report update delivered twice once", async () => {
    const { update_id } = h.emulator.userSends({ from: official, chat: namTraMy, text: "/report NTM 30 tỷ" });
    await h.emulator.waitIdle();
    const count = await h.db.db.disbursementReport.count();
    const update = {
      update_id,
      message: {
        message_id: 998,
        date: 0,
        chat: namTraMy,
        from: official,
        text: "/report NTM 30 tỷ",
        entities: [{ type: "bot_command", offset: 0, length: 7 }],
      },
    };
    const sent = h.emulator.sent.length;
    await h.app.bot.handleUpdate(update as never);
    expect(await h.db.db.disbursementReport.count()).toBe(count);
    expect(h.emulator.sent.length).toBe(sent);
  });

  it("records /khongdat and tells the secretariat, the unit's supervisor and UBND tỉnh at once (R4)", async () => {
    // the provincial People's Committee: a unit of kind «Tỉnh» with its Chairman, who has opened a private chat
    const province = await h.db.db.unit.create({
      data: { code: "UBND_TINH", name: "UBND tỉnh", nameKey: "ubnd tinh", kind: "PROVINCE" },
    });
    const provincialChairman = await h.db.db.official.create({
      data: {
        fullName: "Phan Văn Tỉnh",
        nameKey: "phan van tinh",
        telegramUserId: 940001n,
        privateChatAt: h.clock.now(),
      },
    });
    await h.db.db.roleAssignment.create({
      data: { officialId: provincialChairman.id, role: "CHAIRMAN", unitId: province.id, validFrom: new Date(0) },
    });
    const replies = await h.say(
      official,
      namTraMy,
      "/khongdat NTM 5 tỷ Đường ĐH2, cầu Tắc Pỏ: chưa giải phóng mặt bằng",
    );
    expect(replies.filter((m) => m.chat_id === namTraMy.id).map((m) => m.text)).toEqual([
      "✅ Đã ghi nhận báo cáo không giải ngân được 5 tỷ đồng vốn NTM năm 2026 của Nam Trà My. Đã báo cáo Văn phòng điều phối, đồng chí Ủy viên Ban Thường vụ theo dõi địa bàn và UBND tỉnh; phương án điều chuyển vốn trình trước ngày 01/12/2026.",
    ]);
    await h.app.dispatcher.drain();
    const details =
      "Dự án: Đường ĐH2, cầu Tắc Pỏ\nLý do: chưa giải phóng mặt bằng\nNgười báo cáo: đồng chí Nguyễn Văn An";
    const sentTo = (chatId: number) => h.emulator.sent.filter((m) => m.chat_id === chatId).map((m) => m.text);
    expect(sentTo(secretariatGroup.id)).toEqual([
      "Kính gửi Văn phòng điều phối.\n⚠️ <b>Nam Trà My</b> báo cáo dự kiến không giải ngân được <b>5 tỷ đồng</b> (5.000.000.000 đ) vốn NTM năm 2026.\n" +
        details +
        "\nĐề nghị Văn phòng điều phối tham mưu phương án điều chuyển vốn, trình UBND tỉnh trước ngày <b>01/12/2026</b>.",
    ]);
    const informed =
      "Kính báo cáo đồng chí: <b>Nam Trà My</b> báo cáo dự kiến không giải ngân được <b>5 tỷ đồng</b> vốn NTM năm 2026.\n" +
      details +
      "\nVăn phòng điều phối tham mưu phương án điều chuyển vốn trước ngày 01/12/2026. Kính báo cáo để đồng chí theo dõi, chỉ đạo.";
    // the member who follows Nam Trà My, and the provincial Chairman: one message each
    expect(sentTo(DEMO.supervisor.id)).toEqual([informed]);
    expect(sentTo(940001)).toEqual([informed]);
    // the Bắc Trà My chairman is not concerned
    expect(sentTo(DEMO.bacTraMyChairman.id)).toEqual([]);
    const row = await h.db.db.cannotMeetReport.findFirstOrThrow();
    expect([row.amountVnd, row.projects, row.reason, row.status, row.proposalDueOn]).toEqual([
      5_000_000_000n,
      "Đường ĐH2, cầu Tắc Pỏ",
      "chưa giải phóng mặt bằng",
      "OPEN",
      "2026-12-01",
    ]);
    expect(await one(official, namTraMy, "/khongdat NTM 5 tỷ")).toContain("đề nghị ghi lý do");
    expect(await h.db.db.cannotMeetReport.count()).toBe(1);

    // no decision by the due date (01/12): the next working day, once, the secretariat is asked to act and
    // the leaders are informed
    const check = async (day: string) => {
      h.clock.set(at(8, 0, day));
      const before = h.emulator.sent.length;
      await h.app.scheduler.runNow("proposal-check");
      await h.app.dispatcher.drain();
      await h.emulator.waitIdle();
      return h.emulator.sent.slice(before);
    };
    expect(await check("2026-12-01")).toEqual([]);
    const overdue = await check("2026-12-02");
    expect(overdue.map((m) => m.chat_id).sort()).toEqual([secretariatGroup.id, DEMO.supervisor.id, 940001].sort());
    expect(overdue.find((m) => m.chat_id === secretariatGroup.id)!.text).toContain(
      "hạn trình 01/12/2026 đã qua, chưa có quyết định điều chuyển",
    );
    expect(overdue.find((m) => m.chat_id === DEMO.supervisor.id)!.text).toMatch(/^Kính báo cáo đồng chí: /);
    expect(await check("2026-12-03")).toEqual([]);
  });

  it("lists projected surplus and need for the secretariat and records a reallocation decision", async () => {
    await h.say(official, namTraMy, "/khongdat NTM 5 tỷ chưa giải phóng mặt bằng");
    await h.app.dispatcher.drain(); // the notice to the secretariat group is out before /dieuchuyen
    const text = await one(secretariat, secretariatGroup, "/dieuchuyen");
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "<b>Điều chuyển vốn</b> · 24/11/2026 · kế hoạch vốn 2026 · dự kiến đến 31/12/2026 theo tốc độ 2 kỳ báo cáo gần nhất",
    );
    expect(lines[1]).toBe("<b>Dự kiến dư vốn:</b>");
    expect(lines).toContain("• Nam Trà My · DTTS: dư 29,5 tỷ đồng (dự kiến giải ngân 35,9/65,4 tỷ đồng)");
    expect(lines.find((l) => l.startsWith("• Nam Trà My · NTM"))).toContain(
      "; đã báo cáo không giải ngân được 5 tỷ đồng)",
    );
    expect(lines).toContain("• Tiên Phước · DTTS: cần thêm 77,7 tỷ đồng (dự kiến giải ngân 162,2/84,5 tỷ đồng)");
    const sentBefore = h.emulator.sent.length;
    expect(
      await one(secretariat, secretariatGroup, "/dieuchuyen ghi Nam Trà My sang Tiên Phước NTM 5 tỷ 123/QĐ-UBND"),
    ).toBe(
      "✅ Đã ghi quyết định điều chuyển 5 tỷ đồng (5.000.000.000 đ) vốn NTM từ Nam Trà My sang Tiên Phước (Quyết định số 123/QĐ-UBND).\n" +
        "Kế hoạch vốn NTM năm 2026 từ ngày 24/11/2026 (vốn TW ĐTPT): Nam Trà My 92,3 tỷ đồng → 87,3 tỷ đồng; Tiên Phước 71 tỷ đồng → 76 tỷ đồng. Đã thông báo đến nhóm của hai đơn vị.",
    );
    // the plans changed, with their history; both units' groups are told (Tiên Phước has none bound)
    const ntm = await h.db.db.programme.findFirstOrThrow({ where: { code: "NTM" } });
    const [ntmNamTraMy, tienPhuoc] = await Promise.all(
      ["NAM_TRA_MY", "TIEN_PHUOC"].map((code) => h.db.db.unit.findFirstOrThrow({ where: { code } })),
    );
    const part = (unitId: number, kind: "INVESTMENT" | "RECURRENT") =>
      h.db.db.capitalPlan.findFirstOrThrow({
        where: { unitId, programmeId: ntm.id, year: 2026, source: "CENTRAL", kind },
      });
    const changes = await h.db.db.planChange.findMany({ orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.planId, c.deltaVnd, c.afterVnd - c.beforeVnd, c.effectiveOn])).toEqual([
      [(await part(ntmNamTraMy!.id, "INVESTMENT")).id, -5_000_000_000n, -5_000_000_000n, "2026-11-24"],
      [(await part(tienPhuoc!.id, "INVESTMENT")).id, 5_000_000_000n, 5_000_000_000n, "2026-11-24"],
    ]);
    await h.app.dispatcher.drain();
    const notices = h.emulator.sent.slice(sentBefore).filter((m) => m.chat_id === namTraMy.id);
    expect(notices.map((m) => m.text.split("\n")[0])).toEqual([
      "📢 <b>Thông báo điều chuyển vốn</b> theo Quyết định số 123/QĐ-UBND: 5 tỷ đồng vốn NTM từ Nam Trà My sang Tiên Phước.",
    ]);
    // a part, a date, no «sang»
    const recurrentBefore = (await part(ntmNamTraMy!.id, "RECURRENT")).amountVnd;
    expect(
      await one(
        secretariat,
        secretariatGroup,
        "/dieuchuyen ghi Nam Trà My Tiên Phước NTM 1,5 tỷ 45/QĐ-UBND ngày 20/11/2026 TW/SN",
      ),
    ).toContain("Kế hoạch vốn NTM năm 2026 từ ngày 20/11/2026 (vốn TW SN): Nam Trà My 87,3 tỷ đồng → 85,8 tỷ đồng");
    expect((await part(ntmNamTraMy!.id, "RECURRENT")).amountVnd).toBe(recurrentBefore - 1_500_000_000n);
    // more than the part holds: refused, nothing written
    expect(
      await one(secretariat, secretariatGroup, "/dieuchuyen ghi Nam Trà My sang Tiên Phước NTM 50 tỷ ĐP"),
    ).toContain("vượt kế hoạch vốn");
    expect(await h.db.db.reallocationDecision.count()).toBe(2);
    expect(await h.db.db.planChange.count()).toBe(4);
    // the decision closed the cannot-meet report of Nam Trà My's NTM capital (R4)
    expect((await h.db.db.cannotMeetReport.findFirstOrThrow()).status).toBe("RESOLVED");
    // /tinhhinh of the giving unit says its plan was changed, and by which decisions
    expect(await one(chairman, namTraMy, "/tinhhinh")).toContain(
      "đã điều chỉnh kế hoạch: −6,5 tỷ đồng theo Quyết định số 123/QĐ-UBND, 45/QĐ-UBND",
    );
    expect(await h.db.db.auditLog.count({ where: { entity: "ReallocationDecision" } })).toBe(2);
    expect(await one(chairman, namTraMy, "/dieuchuyen")).toContain("Đồng chí không dùng được lệnh này");
  });

  it("shows one programme's league table with the provincial average, and a supervisor his units", async () => {
    expect((await one(secretariat, secretariatGroup, "/status NTM")).split("\n")).toEqual([
      "<b>Chương trình NTM</b> · kế hoạch vốn 2026 · số liệu lũy kế đến 17/11/2026 · xếp từ chậm nhất",
      "1. 🔴 Nam Trà My · 27,3% (chậm 62,7 điểm) · ↓ dưới bình quân · 1 việc đang mở",
      "2. 🔴 Bắc Trà My · 42,1% (chậm 47,9 điểm) · ↓ dưới bình quân · không có việc tồn",
      "3. 🔴 Nông Sơn · 59,0% (chậm 31,0 điểm) · ↓ dưới bình quân · không có việc tồn",
      "4. 🔴 Phước Sơn · 65,5% (chậm 24,5 điểm) · không có việc tồn",
      "5. 🔴 Nam Giang · 69,8% (chậm 20,2 điểm) · không có việc tồn",
      "6. 🔴 Tây Giang · 74,5% (chậm 15,5 điểm) · không có việc tồn",
      "7. 🔴 Hiệp Đức · 76,0% (chậm 14,0 điểm) · không có việc tồn",
      "8. 🟡 Đông Giang · 81,2% (chậm 8,8 điểm) · không có việc tồn",
      "9. 🟡 Tiên Phước · 88,0% (chậm 2,0 điểm) · không có việc tồn",
      "Bình quân toàn tỉnh: 63,5%.",
    ]);
    const supervisorChat = privateChat(DEMO.supervisor);
    const replies = await h.say(user(DEMO.supervisor), supervisorChat, "/status");
    expect(replies.map((m) => m.text.split("\n"))).toEqual([
      [
        "<b>Các đơn vị đồng chí theo dõi</b> · kế hoạch vốn 2026 · số liệu lũy kế đến 17/11/2026 · xếp từ chậm nhất",
        "1. 🔴 Nam Trà My · 26,0% (chậm 64,0 điểm) · ↓ dưới bình quân · 3 việc đang mở, 1 quá hạn",
        "2. 🔴 Bắc Trà My · 40,5% (chậm 49,5 điểm) · ↓ dưới bình quân · 1 việc đang mở, 1 quá hạn",
        "Bình quân toàn tỉnh: 63,7%.",
      ],
    ]);
    // the province table marks units below the average too; /status <unit> still works
    expect((await one(secretariat, secretariatGroup, "/status")).split("\n")[1]).toContain("· ↓ dưới bình quân ·");
    expect(await one(secretariat, secretariatGroup, "/status nam tra my")).toContain("<b>Nam Trà My</b>");
  });

  it("sets milestones per year and unit, and /status paces against them", async () => {
    const services = h.app.services;
    const unit = await h.db.db.unit.findFirstOrThrow({ where: { code: "NAM_TRA_MY" } });
    const n = await services.disbursement.setMilestones({
      year: 2026,
      unitId: unit.id,
      programmeId: null,
      points: [
        { date: "2026-12-31", targetBp: 5000 },
        { date: "2026-06-30", targetBp: 2000 },
      ],
      now: h.clock.now(),
    });
    expect(n).toBe(2);
    const view = await services.status.unitStatus(unit.id, h.clock.now());
    // 24/11: between 20 % at 30/6 and 50 % at 31/12: 20 + 30 × 147/184 = 43,97 → 4397 bp
    expect(view.programmes[0]?.expectedBp).toBe(4397);
    expect(view.programmes[0]?.next).toEqual({ date: "2026-12-31", targetBp: 5000 });
    await expect(
      services.disbursement.setMilestones({
        year: 2026,
        unitId: unit.id,
        programmeId: null,
        points: [
          { date: "2026-06-30", targetBp: 6000 },
          { date: "2026-09-30", targetBp: 5000 },
        ],
        now: h.clock.now(),
      }),
    ).rejects.toMatchObject({ refusal: { section: "disbursement", key: "milestones" } });
    expect(await h.db.db.milestone.count({ where: { unitId: unit.id } })).toBe(2);
    expect(await h.db.db.auditLog.count({ where: { entity: "Milestone" } })).toBe(1);
  });

  it("allows a report above the plan within the configured margin only", async () => {
    const service = createDisbursementService({
      db: h.db.db,
      overPlanMarginPercent: 10,
      messages: catalogue,
      calendar: h.app.services.calendar,
    });
    const actor = (await h.app.services.registry.actorByTelegramId(BigInt(DEMO.chairman.id), h.clock.now()))!;
    const unit = await h.db.db.unit.findFirstOrThrow({ where: { code: "NAM_TRA_MY" } });
    const base = { actor, chatUnitId: unit.id, now: h.clock.now() };
    // NTM plan 92,3 tỷ: 100 tỷ is within 10 %, 102 tỷ is not
    const ok = await service.report({ ...base, args: "NTM 100 tỷ" });
    expect(catalogue("vi").disbursement.reported(ok)).toContain("đạt 108,3% kế hoạch 92,3 tỷ");
    await expect(service.report({ ...base, args: "NTM 102 tỷ" })).rejects.toMatchObject({
      refusal: { section: "disbursement", key: "overPlan" },
    });
  });
});
