// Reports for leaders on the demo data (24/11/2026): scorecards checked by hand, equal to /status; exports
// read back (XLSX with exceljs, CSV as text); /scorecard, /export and /chart through the emulator; the
// weekly report once a week.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { localInstant } from "../../src/domain/dates.ts";
import { formatPercentBp } from "../../src/domain/money-format.ts";
import { parsePeriod } from "../../src/domain/scorecard.ts";
import { PNG_MAGIC } from "../../src/features/reports/charts/render.ts";
import { sheetToCsv, toXlsx } from "../../src/features/reports/sheets.ts";
import { parseCsv } from "../../src/domain/csv.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, user, type Harness } from "../support/harness.ts";
import { chats, collect, runJob, sorted, startFollowupHarness } from "../followup/support.ts";

const secretariatGroup = group(DEMO.groups.secretariat);
const namTraMyGroup = group(DEMO.groups.namTraMy);

describeOnSqlite("reports for leaders", (provider) => {
  let h: Harness;
  let ids: { namTraMy: number; bacTraMy: number; an: number; binh: number };
  beforeEach(async () => {
    h = await startFollowupHarness(provider);
    const db = h.db.db;
    const unit = (code: string) => db.unit.findUniqueOrThrow({ where: { code } });
    const official = (id: number) => db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(id) } });
    ids = {
      namTraMy: (await unit("NAM_TRA_MY")).id,
      bacTraMy: (await unit("BAC_TRA_MY")).id,
      an: (await official(DEMO.official.id)).id,
      binh: (await official(DEMO.official2.id)).id,
    };
    // two tasks of Nam Trà My done this month: one 3 days late after 2 reminders (a third came after),
    // one on time after 1
    const late = await db.task.create({
      data: {
        title: "Báo cáo quý",
        unitId: ids.namTraMy,
        responsibleId: ids.an,
        dueDate: "2026-11-10",
        status: "DONE",
        completedAt: localInstant("2026-11-13", 600),
        completedById: ids.an,
      },
    });
    const onTime = await db.task.create({
      data: {
        title: "Rà soát hộ nghèo",
        unitId: ids.namTraMy,
        responsibleId: ids.binh,
        dueDate: "2026-11-20",
        status: "DONE",
        completedAt: localInstant("2026-11-19", 600),
        completedById: ids.binh,
      },
    });
    await db.reminder.createMany({
      data: [
        { key: "t:late:before", taskId: late.id, rung: "before", createdAt: localInstant("2026-11-06", 480) },
        { key: "t:late:due", taskId: late.id, rung: "due", createdAt: localInstant("2026-11-10", 480) },
        { key: "t:late:after", taskId: late.id, rung: "overdue1", createdAt: localInstant("2026-11-13", 900) },
        { key: "t:ontime:before", taskId: onTime.id, rung: "before", createdAt: localInstant("2026-11-18", 480) },
      ],
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it("unit scorecard on seeded data, checked by hand; disbursement equals /status the same day", async () => {
    const now = h.clock.now();
    const card = await h.app.services.scorecard.unitScorecard(ids.namTraMy, parsePeriod("11/2026")!, now);
    // #1 due 26/11 open, #2 due 23/11 open and 1 day overdue, the two done ones (3 days late, on time);
    // #4 is due in December
    expect(card.tasks).toEqual({
      doneOnTime: 1,
      doneLate: 1,
      openInTerm: 1,
      openOverdue: 1,
      awaitingConfirmation: 0,
      medianDaysLate: 2,
      remindersBeforeDone: 3,
    });
    expect(card.doneTasks).toBe(2);
    expect(card.meetings).toEqual({ held: 0, expected: 1 }); // October's session only; none yet in November
    expect(card.requests).toEqual({ answeredOnTime: 0, answeredLate: 0, openInTerm: 1, openOverdue: 0 }); // due 25/11
    const year = await h.app.services.scorecard.unitScorecard(ids.namTraMy, parsePeriod("2026")!, now);
    expect(year.tasks.openInTerm).toBe(2);
    expect(year.meetings).toEqual({ held: 1, expected: 11 });

    // the very figures /status shows on the same day: the league row and the sum of the unit's programme lines
    const province = await h.app.services.status.provinceStatus(now);
    const row = province.units.find((u) => u.unitName === "Nam Trà My")!;
    expect(card.disbursement).not.toBeNull();
    expect(card.disbursement!.actualBp).toBe(row.actualBp);
    expect(card.disbursement!.gapBp).toBe(row.gapBp);
    expect(card.disbursement!.planVnd).toBe(row.planVnd);
    expect(card.disbursement!.disbursedVnd).toBe(row.disbursedVnd);
    expect(formatPercentBp(card.disbursement!.actualBp!)).toBe("26,0%");
    const unit = await h.app.services.status.unitStatus(ids.namTraMy, now);
    expect(card.disbursement!.planVnd).toBe(unit.programmes.reduce((s, p) => s + p.planVnd, 0n));
    // and /status as a user sees it
    const [status] = await h.say(user(DEMO.secretariat), secretariatGroup, "/status");
    expect(status!.text).toContain(`Nam Trà My · ${formatPercentBp(row.actualBp!)}`);

    // an official: his tasks (#2 overdue, #4 in term, the one done on time) and his programmes (GNBV, DTTS)
    const binh = await h.app.services.scorecard.officialScorecard(ids.binh, parsePeriod("2026")!, now);
    expect(binh.tasks).toMatchObject({
      doneOnTime: 1,
      doneLate: 0,
      openInTerm: 1,
      openOverdue: 1,
      medianDaysLate: 1,
      remindersBeforeDone: 1,
    });
    const mine = unit.programmes.filter((p) => p.programmeCode === "GNBV" || p.programmeCode === "DTTS");
    expect(binh.disbursement!.planVnd).toBe(mine[0]!.planVnd + mine[1]!.planVnd);
    expect(binh.disbursement!.disbursedVnd).toBe(mine[0]!.disbursedVnd + mine[1]!.disbursedVnd);
    expect(binh.meetings).toBeNull();
  });

  it("/scorecard answers in a few lines, within each asker's scope", async () => {
    const [chairman] = await h.say(user(DEMO.chairman), privateChat(DEMO.chairman), "/diem 11/2026");
    const lines = chairman!.text.split("\n");
    expect(lines[0]).toBe("📋 <b>Kết quả thực hiện nhiệm vụ Nam Trà My</b> · tháng 11/2026 · đến 24/11/2026");
    expect(lines[1]).toBe(
      "Nhiệm vụ: 1 hoàn thành đúng hạn · 1 hoàn thành quá hạn · 1 đang thực hiện trong hạn · 1 quá hạn chưa hoàn thành · trễ trung vị 2 ngày",
    );
    expect(lines[2]).toBe("Số lần nhắc trước khi hoàn thành: 3 (bình quân 1,5 lần/việc)");
    expect(lines[3]).toMatch(/^Giải ngân: .* tỷ đồng = 26,0% kế hoạch; tiến độ cần đạt .*% \(chậm .* điểm\)$/);
    expect(lines[4]).toBe("Buổi làm việc định kỳ tháng: 0/1 tháng");
    expect(lines).toHaveLength(6);
    // a chairman: not another unit
    const [other] = await h.say(user(DEMO.chairman), privateChat(DEMO.chairman), "/scorecard Bắc Trà My");
    expect(other!.text).toContain("Đồng chí không dùng được lệnh này");
    // a supervisor: his units only
    const [followed] = await h.say(
      user(DEMO.supervisor),
      privateChat(DEMO.supervisor),
      "/scorecard Bắc Trà My q4/2026",
    );
    expect(followed!.text.split("\n")[0]).toBe(
      "📋 <b>Kết quả thực hiện nhiệm vụ Bắc Trà My</b> · quý 4/2026 · đến 24/11/2026",
    );
    const [notFollowed] = await h.say(user(DEMO.supervisor), privateChat(DEMO.supervisor), "/scorecard Tây Giang");
    expect(notFollowed!.text).toContain("Đồng chí không dùng được lệnh này");
    // an official: himself, not his colleague; the secretariat: anyone
    const [self] = await h.say(user(DEMO.official), privateChat(DEMO.official), "/scorecard");
    expect(self!.text.split("\n")[0]).toBe(
      "📋 <b>Kết quả thực hiện nhiệm vụ của đồng chí Nguyễn Văn An</b> (Nam Trà My) · năm 2026 · đến 24/11/2026",
    );
    const [colleague] = await h.say(user(DEMO.official), privateChat(DEMO.official), "/scorecard Trần Văn Bình");
    expect(colleague!.text).toContain("Đồng chí không dùng được lệnh này");
    const [secretariat] = await h.say(user(DEMO.secretariat), secretariatGroup, "/diem Trần Văn Bình 2026");
    expect(secretariat!.text.split("\n")[0]).toBe(
      "📋 <b>Kết quả thực hiện nhiệm vụ của đồng chí Trần Văn Bình</b> (Nam Trà My) · năm 2026 · đến 24/11/2026",
    );
  });

  it("status export as XLSX: Vietnamese headers, frozen header, VND and % formats, the /status numbers", async () => {
    const now = h.clock.now();
    const result = await h.app.services.exports.build("status", { now });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(result.sheets)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Tình hình")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect((ws.getRow(1).values as unknown[]).slice(1, 8)).toEqual([
      "Đơn vị",
      "Chương trình",
      "Kế hoạch vốn (đồng)",
      "Đã giải ngân (đồng)",
      "Tỷ lệ giải ngân",
      "Tiến độ cần đạt",
      "Chênh lệch (điểm %)",
    ]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.rowCount).toBe(1 + 9 * 3);
    const unit = await h.app.services.status.unitStatus(ids.namTraMy, now);
    const ntm = unit.programmes.find((p) => p.programmeCode === "NTM")!;
    let found = 0;
    ws.eachRow((row, n) => {
      if (n === 1 || row.getCell(1).value !== "Nam Trà My" || row.getCell(2).value !== "NTM") return;
      found++;
      expect(row.getCell(3).value).toBe(Number(ntm.planVnd));
      expect(row.getCell(3).numFmt).toBe("#,##0");
      expect(row.getCell(4).value).toBe(Number(ntm.disbursedVnd));
      expect(row.getCell(5).value).toBeCloseTo(ntm.actualBp! / 10000, 10);
      expect(row.getCell(5).numFmt).toBe("0.0%");
      expect(row.getCell(6).value).toBeCloseTo(ntm.expectedBp / 10000, 10);
      expect(row.getCell(10).value).toBe(ntm.overdueTasks);
    });
    expect(found).toBe(1);

    // the same as CSV: BOM, the headers separated by «;» (Excel on Vietnamese Windows), plain VND digits
    // and Vietnamese percentages
    const csv = sheetToCsv(result.sheets[0]!);
    expect(csv.startsWith("\uFEFFĐơn vị;Chương trình;Kế hoạch vốn (đồng);")).toBe(true);
    const rows = parseCsv(csv);
    const line = rows.find((r) => r[0] === "Nam Trà My" && r[1] === "NTM")!;
    expect(line[2]).toBe(ntm.planVnd.toString());
    expect(line[4]).toBe(formatPercentBp(ntm.actualBp!));
  });

  it("status export by capital source: the basis, vốn TW and vốn ĐP with their kinds, all sources (ADR 016)", async () => {
    const now = h.clock.now();
    const actor = (await h.app.services.registry.actorByTelegramId(BigInt(DEMO.official.id), now))!;
    const report = (args: string) => h.app.services.disbursement.report({ actor, chatUnitId: ids.namTraMy, args, now });
    await report("NTM 30 tỷ TW/ĐTPT");
    await report("NTM 12 tỷ TW/SN");
    const result = await h.app.services.exports.build("status", { now });
    const csv = parseCsv(sheetToCsv(result.sheets[0]!));
    expect(csv[0]!.slice(10)).toEqual([
      "Căn cứ đánh giá",
      "Kế hoạch vốn TW (đồng)",
      "Giải ngân vốn TW (đồng)",
      "Tỷ lệ vốn TW",
      "Kế hoạch vốn TW ĐTPT (đồng)",
      "Giải ngân vốn TW ĐTPT (đồng)",
      "Kế hoạch vốn TW SN (đồng)",
      "Giải ngân vốn TW SN (đồng)",
      "Kế hoạch vốn ĐP (đồng)",
      "Giải ngân vốn ĐP (đồng)",
      "Tỷ lệ vốn ĐP",
      "Kế hoạch vốn ĐP ĐTPT (đồng)",
      "Giải ngân vốn ĐP ĐTPT (đồng)",
      "Kế hoạch vốn ĐP SN (đồng)",
      "Giải ngân vốn ĐP SN (đồng)",
      "Kế hoạch tổng các nguồn (đồng)",
      "Giải ngân tổng các nguồn (đồng)",
      "Tỷ lệ tổng các nguồn",
    ]);
    const unit = await h.app.services.status.unitStatus(ids.namTraMy, now);
    const ntm = unit.programmes.find((p) => p.programmeCode === "NTM")!;
    const tw = ntm.sources.find((x) => x.source === "CENTRAL")!;
    const dp = ntm.sources.find((x) => x.source === "LOCAL")!;
    const line = csv.find((r) => r[0] === "Nam Trà My" && r[1] === "NTM")!;
    // judged on vốn TW: the first figures are vốn TW's
    expect([line[2], line[3], line[10]]).toEqual([tw.planVnd.toString(), "42000000000", "Vốn TW"]);
    expect(line.slice(11, 18)).toEqual([
      tw.planVnd.toString(),
      "42000000000",
      formatPercentBp(tw.actualBp!),
      tw.kinds[0]!.planVnd.toString(),
      "30000000000",
      tw.kinds[1]!.planVnd.toString(),
      "12000000000",
    ]);
    // vốn ĐP has a plan (ĐTPT only) and no figure of its own; all sources: at least the older whole figure
    expect(line.slice(18, 25)).toEqual([dp.planVnd.toString(), "", "", dp.planVnd.toString(), "", "", ""]);
    expect(line.slice(25, 27)).toEqual([ntm.total.planVnd.toString(), ntm.total.disbursedVnd!.toString()]);
    // a programme with only whole-programme figures: judged on all sources, no source has a figure
    const gnbv = csv.find((r) => r[0] === "Nam Trà My" && r[1] === "GNBV")!;
    expect([gnbv[10], gnbv[12], gnbv[26]]).toEqual(["Tổng các nguồn", "", gnbv[3]]);

    // the weekly report's rate of a past day is judged as the province table judges it (vốn TW for NTM)
    const table = await h.app.services.status.provinceStatus(now);
    const rates = await h.app.services.charts.ratesAsOf("2026-11-24", [ids.namTraMy]);
    expect(rates.get(ids.namTraMy)).toBe(table.units.find((u) => u.unitName === "Nam Trà My")!.actualBp);
    expect(table.units.find((u) => u.unitName === "Nam Trà My")!.basis).toBe("MIXED");

    // the disbursement history: each figure against its own part's plan
    const history = parseCsv(sheetToCsv((await h.app.services.exports.build("disbursement", { now })).sheets[0]!));
    const sn = history.find((r) => r[0] === "Nam Trà My" && r[2] === "Vốn TW SN")!;
    expect([sn[4], sn[5], sn[6]]).toEqual([
      "12000000000",
      tw.kinds[1]!.planVnd.toString(),
      formatPercentBp(Math.round((12e9 / Number(tw.kinds[1]!.planVnd)) * 10000)),
    ]);
  });

  it("tasks export with their history; disbursement history; scorecards", async () => {
    const now = at(9, 0);
    h.clock.set(now);
    const actor = (await h.app.services.registry.actorByTelegramId(BigInt(DEMO.official.id), now))!;
    await h.app.services.tasks.complete({
      taskId: 1,
      actor,
      note: "đã nộp",
      now,
      fromChatId: BigInt(DEMO.official.id),
    });
    const tasks = await h.app.services.exports.build("tasks", { now });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(tasks.sheets)) as unknown as ArrayBuffer);
    const main = wb.getWorksheet("Nhiệm vụ")!;
    expect(main.getRow(1).getCell(1).value).toBe("Mã việc");
    const first = main.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(6).value).toEqual(new Date(Date.UTC(2026, 10, 26)));
    expect(first.getCell(6).numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(7).value).toBe("Hoàn thành");
    expect(first.getCell(9).value).toBe("Hoàn thành đúng hạn");
    expect(String(first.getCell(12).value)).toBe("24/11/2026 09:00 task.complete (Nguyễn Văn An)");
    const history = wb.getWorksheet("Lịch sử")!;
    expect((history.getRow(2).values as unknown[]).slice(1)).toEqual([
      1,
      new Date(Date.UTC(2026, 10, 24, 9, 0)),
      "Nguyễn Văn An",
      "task.complete",
    ]);
    expect(tasks.rows).toBe(6);

    const disb = await h.app.services.exports.build("disbursement", { now });
    expect(disb.rows).toBe(9 * 3 * 2);
    const csv = parseCsv(sheetToCsv(disb.sheets[0]!));
    expect(csv[0]).toEqual([
      "Đơn vị",
      "Chương trình",
      "Nguồn vốn",
      "Số liệu đến ngày",
      "Lũy kế giải ngân (đồng)",
      "Kế hoạch vốn (đồng)",
      "Tỷ lệ giải ngân",
      "Người báo cáo",
      "Điều chỉnh",
      "Thời điểm báo cáo",
    ]);
    expect(csv[1]![2]).toBe("Toàn chương trình");
    expect(csv[1]![3]).toMatch(/^\d{2}\/\d{2}\/2026$/);

    const cards = await h.app.services.exports.build("scorecards", { now, period: parsePeriod("11/2026")! });
    const ntm = cards.sheets[0]!.rows.find((r) => r[0] === "Nam Trà My")!;
    // the task done today on time joins the one done on time before; #2 overdue; none awaiting confirmation
    expect(ntm.slice(1, 9)).toEqual(["tháng 11/2026", 2, 1, 0, 1, 0, 2, 3]);
  });

  it("/export in the secretariat group sends the file with a progress message; refused elsewhere", async () => {
    const sent = await h.say(user(DEMO.secretariat), secretariatGroup, "/export status");
    expect(sent[0]!.text).toBe("Đang xuất… 0%");
    const doc = h.emulator.calls.find((c) => c.method === "sendDocument")!;
    const file = doc.payload.document as { filename: string; size: number };
    expect(file.filename).toBe("dondoc-status-20261124.xlsx");
    expect(file.size).toBeGreaterThan(5000);
    expect(
      sent.some(
        (m) => m.method === "editMessageText" && m.text === "✅ Đã xuất dondoc-status-20261124.xlsx (27 dòng).",
      ),
    ).toBe(true);

    // the kinds by their Vietnamese names too, with or without diacritics
    await h.say(user(DEMO.secretariat), secretariatGroup, "/xuat Việc csv");
    const csv = h.emulator.calls.filter((c) => c.method === "sendDocument")[1]!.payload.document as {
      filename: string;
      size: number;
    };
    expect(csv.filename).toBe("dondoc-tasks-20261124.csv");
    expect(csv.size).toBeGreaterThan(300);

    const [usage] = await h.say(user(DEMO.secretariat), secretariatGroup, "/export");
    expect(usage!.text).toContain("Cú pháp: /xuat");
    expect(usage!.text).toContain("<code>tinhhinh</code> (tình hình giải ngân các đơn vị)");
    const [unknown] = await h.say(user(DEMO.secretariat), secretariatGroup, "/xuat baocao");
    expect(unknown!.text).toBe(usage!.text);
    const [refused] = await h.say(user(DEMO.chairman), namTraMyGroup, "/export status");
    expect(refused!.text).toContain("Đồng chí không dùng được lệnh này");
    expect(h.emulator.calls.filter((c) => c.method === "sendDocument")).toHaveLength(2);
    expect(h.emulator.calls.find((c) => c.method === "sendDocument")!.payload.caption).toBe(
      "Báo cáo tình hình giải ngân đến ngày 24/11/2026",
    );
  });

  it("/chart sends a PNG: all units in the secretariat group, one unit for its chairman", async () => {
    const charts = h.app.services.charts;
    const a = await charts.rateChart(h.clock.now());
    const b = (await charts.unitChart(ids.namTraMy, h.clock.now()))!;
    for (const c of [a, b]) expect(c.png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    expect(a.svg).toContain("Tỷ lệ giải ngân 03 Chương trình MTQG đến 24/11/2026");
    expect(a.svg).toContain(">Nam Trà My<");
    expect(b.svg).toContain("Nam Trà My: giải ngân lũy kế năm 2026");
    if (process.env.DONDOC_CHART_DIR) {
      writeFileSync(join(process.env.DONDOC_CHART_DIR, "chart-a.png"), a.png);
      writeFileSync(join(process.env.DONDOC_CHART_DIR, "chart-b.png"), b.png);
    }

    await h.say(user(DEMO.secretariat), secretariatGroup, "/chart");
    await h.say(user(DEMO.chairman), namTraMyGroup, "/bieudo");
    const photos = h.emulator.calls.filter((c) => c.method === "sendPhoto");
    expect(photos.map((p) => p.payload.chat_id)).toEqual([secretariatGroup.id, namTraMyGroup.id]);
    for (const p of photos) expect((p.payload.photo as { size: number }).size).toBeGreaterThan(10_000);
    const [refused] = await h.say(user(DEMO.chairman), privateChat(DEMO.chairman), "/chart Tây Giang");
    expect(refused!.text).toContain("Đồng chí không dùng được lệnh này");
  });

  it("weekly report: chart and five lines to the secretariat and each supervisor, once a week", async () => {
    const sent = await runJob(h, "weekly-report", at(8, 0));
    expect(chats(sent)).toEqual(
      sorted(secretariatGroup.id, DEMO.supervisor.id, secretariatGroup.id, DEMO.supervisor.id),
    );
    expect(
      sent
        .filter((m) => m.method === "sendPhoto")
        .map((m) => m.chat_id)
        .sort(),
    ).toEqual(sorted(secretariatGroup.id, DEMO.supervisor.id));
    // through the outbox, the chart above the five lines in each chat
    for (const chat of [secretariatGroup.id, DEMO.supervisor.id]) {
      expect(sent.filter((m) => m.chat_id === chat).map((m) => m.method)).toEqual(["sendPhoto", "sendMessage"]);
    }
    expect(sent.find((m) => m.method === "sendPhoto")!.text).toBe("Biểu đồ giải ngân đến ngày 24/11/2026");
    expect(await h.db.db.outboxMessage.count({ where: { kind: "report.weekly.chart", status: "SENT" } })).toBe(2);
    const text = sent.find((m) => m.method === "sendMessage" && m.chat_id === DEMO.supervisor.id)!.text.split("\n");
    expect(text).toHaveLength(5);
    expect(text[0]).toBe("📈 <b>Báo cáo tuần từ 23/11/2026</b> · đến 24/11/2026");
    expect(text[2]).toMatch(/^Chậm so với tiến độ: Nam Trà My \(chậm .* điểm\); Bắc Trà My \(chậm .* điểm\)$/);
    expect(text[3]).toBe("Việc quá hạn: Bắc Trà My 1; Nam Trà My 1");
    expect(text[4]).toBe("Văn bản xin ý kiến chưa trả lời: 1 (quá hạn 0)");
    const secretariat = sent
      .find((m) => m.method === "sendMessage" && m.chat_id === secretariatGroup.id)!
      .text.split("\n");
    expect(secretariat[2]!.split("; ")).toHaveLength(5); // the 5 furthest behind
    // once a week, also across a restart
    expect(await runJob(h, "weekly-report", at(10, 0))).toEqual([]);
    await h.restart();
    expect(await runJob(h, "weekly-report", at(9, 0, "2026-11-26"))).toEqual([]);
    // the next week: again, with the week's movers
    const db = h.db.db;
    await db.disbursementReport.create({
      data: {
        unitId: ids.namTraMy,
        programmeId: (await db.programme.findUniqueOrThrow({ where: { code: "NTM" } })).id,
        year: 2026,
        cumulativeVnd: 40_000_000_000n,
        asOf: "2026-11-30",
        createdAt: at(8, 0, "2026-11-30"),
      },
    });
    const next = await runJob(h, "weekly-report", at(8, 0, "2026-11-30"));
    expect(chats(next.filter((m) => m.method === "sendMessage"))).toEqual(
      sorted(secretariatGroup.id, DEMO.supervisor.id),
    );
    const moved = next.find((m) => m.method === "sendMessage" && m.chat_id === DEMO.supervisor.id)!.text.split("\n");
    expect(moved[1]).toMatch(/^Biến động giải ngân trong tuần: Nam Trà My \+\d+,\d điểm$/);
    expect(await collect(h, async () => undefined)).toEqual([]);
  });
});
