// R5, written requests to provincial departments: /yeucau records one (due = sent + 7 working days);
// the request check reminds the department's focal point each working day from 2 working days before
// the due date, tells the secretariat once when overdue; /traloi records the answer and tells the unit's
// group; /trunguong stops the reminders.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, user, type Harness } from "../support/harness.ts";
import { chats, collect, runJob, sorted, startFollowupHarness } from "./support.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const official = user(DEMO.official);
const focal = user(DEMO.departmentFocal);
const focalChat = privateChat(DEMO.departmentFocal);
const secretariat = user(DEMO.secretariat);

describeOnSqlite("written requests", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startFollowupHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });
  const check = (day: string, hh = 8) => runJob(h, "request-check", at(hh, 0, day));

  it("records, reminds the focal point daily, escalates once when overdue, and takes the answer", async () => {
    // the demo request #1: sent 16/11, due 25/11 (7 working days)
    // a new one from Nam Trà My's group
    h.clock.set(at(7, 45, "2026-11-24"));
    const [created] = await h.say(
      official,
      namTraMy,
      "/yeucau sở kế hoạch | 1601/UBND-KTTH | 24/11/2026 | Xin hướng dẫn <thủ tục> giao vốn",
    );
    expect(created?.text).toBe(
      "✅ Đã ghi nhận văn bản xin ý kiến #2 của Nam Trà My gửi Sở Kế hoạch và Đầu tư (văn bản 1601/UBND-KTTH ngày 24/11/2026), hạn trả lời 03/12/2026.",
    );
    expect(await h.db.db.auditLog.count({ where: { action: "request.create" } })).toBe(1);

    // 24/11: 1 working day before #1's due date → the focal point, in private; #2 is not due yet
    const day1 = await check("2026-11-24");
    expect(chats(day1)).toEqual([DEMO.departmentFocal.id]);
    expect(day1[0]!.text).toBe(
      [
        "⏰ <b>Văn bản xin ý kiến còn 1 ngày làm việc đến hạn trả lời</b>",
        "#1 · Nam Trà My gửi Sở Kế hoạch và Đầu tư",
        "Văn bản 1495/UBND-KTTH ngày 16/11/2026: «Xin ý kiến về điều chỉnh danh mục dự án đầu tư công năm 2026»",
        "Hạn trả lời: 25/11/2026",
        "Khi đã trả lời, đề nghị đồng chí gõ /traloi 1 &lt;nội dung trả lời&gt;.",
      ].join("\n"),
    );
    expect(await check("2026-11-24", 11)).toEqual([]);
    // due day: once more
    const day2 = await check("2026-11-25");
    expect(chats(day2)).toEqual([DEMO.departmentFocal.id]);
    expect(day2[0]!.text).toContain("đến hạn trả lời hôm nay");
    // overdue: the focal point again, and the secretariat once
    const day3 = await check("2026-11-26");
    expect(chats(day3)).toEqual(sorted(DEMO.departmentFocal.id, secretariatGroup.id));
    expect(day3.find((m) => m.chat_id === secretariatGroup.id)!.text).toContain(
      "Hạn trả lời: 25/11/2026 (quá 1 ngày làm việc).",
    );
    const day4 = await check("2026-11-27");
    expect(chats(day4)).toEqual([DEMO.departmentFocal.id]);
    expect(day4[0]!.text).toContain("quá hạn trả lời 2 ngày làm việc");
    // the weekend: nothing
    expect(await check("2026-11-28", 9)).toEqual([]);

    // the focal point lists what waits for his department, then answers #1
    h.clock.set(at(9, 0, "2026-11-27"));
    const [list] = await h.say(focal, focalChat, "/yeucau");
    expect(list?.text.split("\n")).toEqual([
      "<b>Văn bản xin ý kiến chưa có trả lời</b>",
      "#1 · Nam Trà My → Sở Kế hoạch và Đầu tư · Văn bản 1495/UBND-KTTH ngày 16/11/2026 · «Xin ý kiến về điều chỉnh danh mục dự án đầu tư công năm 2026» · hạn 25/11/2026 · đang chờ trả lời",
      "#2 · Nam Trà My → Sở Kế hoạch và Đầu tư · Văn bản 1601/UBND-KTTH ngày 24/11/2026 · «Xin hướng dẫn &lt;thủ tục&gt; giao vốn» · hạn 03/12/2026 · đang chờ trả lời",
    ]);
    const answered = await collect(h, () =>
      h.say(focal, focalChat, "/traloi 1 Đã có Công văn 2010/SKHĐT-KTN hướng dẫn"),
    );
    expect(chats(answered)).toEqual(sorted(DEMO.departmentFocal.id, namTraMy.id));
    expect(answered.find((m) => m.chat_id === DEMO.departmentFocal.id)!.text).toBe(
      "✅ Đã ghi nhận trả lời văn bản xin ý kiến #1 của Nam Trà My.",
    );
    expect(answered.find((m) => m.chat_id === namTraMy.id)!.text).toBe(
      [
        "📨 <b>Sở Kế hoạch và Đầu tư đã trả lời văn bản xin ý kiến #1</b>",
        "Văn bản 1495/UBND-KTTH ngày 16/11/2026: «Xin ý kiến về điều chỉnh danh mục dự án đầu tư công năm 2026»",
        "Nội dung trả lời: Đã có Công văn 2010/SKHĐT-KTN hướng dẫn",
      ].join("\n"),
    );
    const one = await h.db.db.writtenRequest.findUniqueOrThrow({ where: { id: 1 } });
    expect(one).toMatchObject({ status: "ANSWERED", answerNote: "Đã có Công văn 2010/SKHĐT-KTN hướng dẫn" });
    expect((await h.say(focal, focalChat, "/traloi 1 lần nữa"))[0]?.text).toBe(
      "Văn bản xin ý kiến #1 đã được trả lời.",
    );

    // answered: no more reminders for #1; #2 comes into its window on 01/12
    expect(await check("2026-11-30")).toEqual([]);
    const dec1 = await check("2026-12-01");
    expect(chats(dec1)).toEqual([DEMO.departmentFocal.id]);
    expect(dec1[0]!.text).toContain("#2 · Nam Trà My");
  });

  it("/trunguong (secretariat only) marks a request referred to central level and stops the reminders", async () => {
    h.clock.set(at(9, 0, "2026-11-24"));
    // not the secretariat: refused by the guard; a unit official cannot answer either
    expect((await h.say(official, namTraMy, "/trunguong 1"))[0]?.text).toBe(
      "Đồng chí không dùng được lệnh này: cần vai trò Văn phòng điều phối.",
    );
    expect((await h.say(official, namTraMy, "/traloi 1 xong"))[0]?.text).toContain("Đồng chí không dùng được lệnh này");
    const sent = await collect(h, () => h.say(secretariat, secretariatGroup, "/trungương 1"));
    expect(chats(sent)).toEqual(sorted(secretariatGroup.id, namTraMy.id));
    expect(sent.find((m) => m.chat_id === secretariatGroup.id)!.text).toBe(
      "✅ Đã ghi nhận văn bản xin ý kiến #1 đã chuyển xin ý kiến Trung ương; dondoc ngừng nhắc Sở Kế hoạch và Đầu tư.",
    );
    expect(sent.find((m) => m.chat_id === namTraMy.id)!.text).toContain("đã được chuyển xin ý kiến Trung ương");
    expect((await h.say(secretariat, secretariatGroup, "/central 1"))[0]?.text).toBe(
      "Văn bản xin ý kiến #1 không còn chờ trả lời.",
    );
    expect(await check("2026-11-24")).toEqual([]);
    expect(await check("2026-11-26")).toEqual([]);
    // still listed in the unit's group, with its state
    const [list] = await h.say(official, namTraMy, "/request");
    expect(list?.text).toContain("#1 · Nam Trà My → Sở Kế hoạch và Đầu tư");
    expect(list?.text).toContain("đã chuyển xin ý kiến Trung ương");
  });

  it("answers bad input with one line and writes nothing", async () => {
    h.clock.set(at(9, 0));
    const audit = await h.db.db.auditLog.count();
    const one = async (text: string) => {
      const replies = await h.say(official, namTraMy, text);
      expect(replies).toHaveLength(1);
      return replies[0]!.text;
    };
    expect(await one("/yeucau sở | 1/UBND | 24/11/2026 | x")).toBe(
      "«sở» trùng với nhiều sở, ngành: Sở Tài chính, Sở Kế hoạch và Đầu tư. Đề nghị ghi rõ hơn.",
    );
    expect(await one("/yeucau sở xây dựng | 1/UBND | 24/11/2026 | x")).toBe("Không tìm thấy sở, ngành «sở xây dựng».");
    expect(await one("/yeucau sở tài chính | 1/UBND | 30/11/2026 | x")).toBe(
      "Ngày 30/11/2026 chưa đến. Đề nghị kiểm tra lại.",
    );
    expect(await one("/yeucau sở tài chính | 1/UBND")).toContain("Cú pháp: /yeucau");
    expect((await h.say(focal, focalChat, "/traloi 99 x"))[0]?.text).toBe("Không tìm thấy văn bản xin ý kiến #99.");
    expect(await h.db.db.auditLog.count()).toBe(audit);
    expect(await h.db.db.writtenRequest.count()).toBe(1);
  });
});
