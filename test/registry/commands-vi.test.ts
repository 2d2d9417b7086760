// Vietnamese command names first (issue #18): /help grouped by purpose, short enough for a phone screen,
// only the commands the asker may use, the English names named once; command names in any case.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

describeEachDatabase("Vietnamese commands", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  const help = async (who: { id: number; name: string }, chat = privateChat(who)) => {
    const replies = await h.say(user(who), chat, "/help");
    expect(replies).toHaveLength(1);
    return replies[0]!.text.split("\n");
  };

  it("lists a responsible official's commands by group, Vietnamese names first, on one screen", async () => {
    const lines = await help(DEMO.official);
    expect(lines.filter((l) => l.startsWith("<b>") && l.endsWith("</b>"))).toEqual([
      "<b>Theo dõi</b>",
      "<b>Báo cáo</b>",
      "<b>Quản trị</b>",
    ]);
    const commands = lines.filter((l) => l.startsWith("/")).map((l) => l.split(/[\s—]/)[0]);
    expect(commands).toContain("/tinhhinh");
    expect(commands).toContain("/baocao");
    expect(commands).toContain("/xong");
    expect(commands).not.toContain("/status");
    expect(commands).not.toContain("/giao"); // not his to use
    expect(commands).not.toContain("/gannhom");
    expect(lines.at(-1)).toMatch(/^Lệnh tiếng Anh vẫn dùng được \(\/status, \/report, \/done/);
    // a phone screen: about 20 short lines
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(Math.max(...lines.map((l) => l.replace(/<[^>]+>/g, "").length))).toBeLessThanOrEqual(160);
  });

  it("gives the secretariat the direction and administration groups, and English readers English names", async () => {
    const lines = await help(DEMO.secretariat, group(DEMO.groups.secretariat));
    expect(lines).toContain("<b>Điều hành</b>");
    expect(lines.some((l) => l.startsWith("/giao "))).toBe(true);
    expect(lines.some((l) => l.startsWith("/thongbao "))).toBe(true);
    expect(lines.some((l) => l.startsWith("/gannhom "))).toBe(true);
    const en = await help(DEMO.secretariatEn);
    expect(en.some((l) => l.startsWith("/status "))).toBe(true);
    expect(en.some((l) => l.startsWith("/tinhhinh"))).toBe(false);
    expect(en).toContain("<b>Follow-up</b>");
  });

  it("answers the Vietnamese names, the English ones, in any case", async () => {
    const chat = group(DEMO.groups.namTraMy);
    for (const typed of ["/tinhhinh", "/TinhHinh", "/STATUS", "/Status Nam Trà My"]) {
      const [reply, ...more] = await h.say(user(DEMO.chairman), chat, typed);
      expect(more).toHaveLength(0);
      expect(reply!.text).toMatch(/^<b>Nam Trà My<\/b> · tình hình giải ngân/);
    }
    const [tasks] = await h.say(user(DEMO.official), privateChat(DEMO.official), "/VIEC");
    expect(tasks!.text).not.toContain("không có");
  });
});
