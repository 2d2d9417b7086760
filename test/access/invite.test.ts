// Activation links: /invite by the secretariat, /start <code> in private. Single use, expiry, wrong codes,
// deactivated officials, accounts linked elsewhere; only the code's hash is stored.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";
import { vi } from "../../src/i18n/vi.ts";

const o = vi.onboarding;
const secretariat = user(DEMO.secretariat);
const secretariatChat = privateChat(DEMO.secretariat);
const newcomer = { id: 777001, first_name: "Bình", username: "binh_tv", language_code: "vi" };
const newcomerChat = { id: 777001, type: "private" as const, first_name: "Bình" };

describeOnSqlite("activation links", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
    // Trần Văn Bình has no Telegram account yet
    await h.db.db.official.update({
      where: { telegramUserId: BigInt(DEMO.official2.id) },
      data: { telegramUserId: null, privateChatAt: null },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  async function invite(who = "Trần Văn Bình"): Promise<string> {
    const replies = await h.say(secretariat, secretariatChat, `/invite ${who}`);
    expect(replies).toHaveLength(1);
    const m = /https:\/\/t\.me\/dondoc_test_bot\?start=([A-Za-z0-9_-]+)/.exec(replies[0]!.text);
    expect(m).not.toBeNull();
    return m![1]!;
  }
  const snapshot = async () => ({
    audit: await h.db.db.auditLog.count(),
    officials: JSON.stringify(await h.db.db.official.findMany({ orderBy: { id: "asc" } }), (_k, v) =>
      typeof v === "bigint" ? v.toString() : v,
    ),
    chats: await h.db.db.chat.count(),
    used: await h.db.db.invite.count({ where: { usedAt: { not: null } } }),
  });

  it("issues a hashed single-use link that links the account and shows the official's responsibilities", async () => {
    const [reply] = await h.say(secretariat, secretariatChat, "/invite Trần Văn Bình");
    const code = /start=([^\s<]+)/.exec(reply!.text)![1]!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/); // 192 random bits
    expect(reply!.text).toBe(
      `Đường dẫn kích hoạt cho đồng chí <b>Trần Văn Bình</b> (dùng một lần, hiệu lực đến 01/12/2026):\nhttps://t.me/dondoc_test_bot?start=${code}\nĐề nghị gửi riêng đường dẫn này cho đồng chí Trần Văn Bình.`,
    );
    const stored = await h.db.db.invite.findFirstOrThrow();
    expect(stored.codeHash).toBe(createHash("sha256").update(code).digest("hex"));
    expect(JSON.stringify(stored, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(code);
    expect(stored.expiresAt.getTime() - at(7, 40).getTime()).toBe(7 * 86_400_000);
    expect(await h.db.db.auditLog.count({ where: { action: "invite.create" } })).toBe(1);

    h.clock.set(at(9, 0));
    const [welcome, ...more] = await h.say(newcomer, newcomerChat, `/start ${code}`);
    expect(more).toHaveLength(0);
    expect(welcome!.text).toBe(
      [
        "Kính chào đồng chí Trần Văn Bình. Tài khoản Telegram của đồng chí đã được kích hoạt; dondoc sẽ nhắc đồng chí các việc đến hạn.",
        "Vai trò: Cán bộ phụ trách (Nam Trà My).",
        "Phụ trách: GNBV · Nam Trà My; DTTS · Nam Trà My.",
        "Việc đang mở:",
        "• Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp — Nam Trà My, hạn 23/11/2026",
        "• Phê duyệt danh mục dự án năm sau — Nam Trà My, hạn 08/12/2026",
        "Gõ /help để xem các lệnh.",
      ].join("\n"),
    );
    const binh = await h.db.db.official.findFirstOrThrow({ where: { fullName: "Trần Văn Bình" } });
    expect(binh.telegramUserId).toBe(777001n);
    expect(binh.telegramUsername).toBe("binh_tv");
    expect(binh.language).toBe("vi");
    expect(binh.privateChatAt?.toISOString()).toBe(at(9, 0).toISOString());
    expect((await h.db.db.invite.findFirstOrThrow()).usedAt?.toISOString()).toBe(at(9, 0).toISOString());
    const link = await h.db.db.auditLog.findFirstOrThrow({ where: { action: "official.link" } });
    expect(link.entityId).toBe(String(binh.id));
    expect(link.actorTelegramId).toBe(777001n);
    expect((await h.db.db.chat.findUniqueOrThrow({ where: { telegramChatId: 777001n } })).status).toBe("ACTIVE");
    // now a registered official
    const [status] = await h.say(newcomer, newcomerChat, "/status");
    expect(status!.text).toContain("Nam Trà My");

    // single use: a second account with the same link is refused, nothing written
    const before = await snapshot();
    const other = { id: 777002, first_name: "Khách" };
    expect(
      (await h.say(other, { id: 777002, type: "private", first_name: "Khách" }, `/start ${code}`)).map((m) => m.text),
    ).toEqual([o.start.invalidCode]);
    expect(await snapshot()).toEqual(before);
  });

  it("takes the language from Telegram", async () => {
    const code = await invite();
    const [welcome] = await h.say({ ...newcomer, language_code: "en-US" }, newcomerChat, `/start ${code}`);
    expect(welcome!.text.split("\n")[0]).toBe(
      "Welcome, Trần Văn Bình. Your Telegram account is activated; dondoc will remind you of tasks that fall due.",
    );
    expect((await h.db.db.official.findFirstOrThrow({ where: { telegramUserId: 777001n } })).language).toBe("en");
  });

  it("refuses an expired link and writes nothing", async () => {
    const code = await invite();
    h.clock.set(new Date(at(7, 40).getTime() + 7 * 86_400_000));
    const before = await snapshot();
    expect((await h.say(newcomer, newcomerChat, `/start ${code}`)).map((m) => m.text)).toEqual([o.start.invalidCode]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses wrong codes with one line and writes nothing", async () => {
    const code = await invite();
    const before = await snapshot();
    for (const wrong of [
      "abc",
      code.slice(0, -1) + (code.endsWith("A") ? "B" : "A"),
      "x".repeat(65),
      "<b>tag</b>",
      code.toLowerCase() === code ? "Z" + code : code.toLowerCase(),
    ]) {
      expect((await h.say(newcomer, newcomerChat, `/start ${wrong}`)).map((m) => m.text)).toEqual([
        o.start.invalidCode,
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a link for an official deactivated since, and no link is issued for him", async () => {
    const code = await invite();
    await h.db.db.official.updateMany({ where: { fullName: "Trần Văn Bình" }, data: { active: false } });
    const before = await snapshot();
    expect((await h.say(newcomer, newcomerChat, `/start ${code}`)).map((m) => m.text)).toEqual([o.start.invalidCode]);
    expect(await snapshot()).toEqual(before);
    expect((await h.say(secretariat, secretariatChat, "/invite Trần Văn Bình")).map((m) => m.text)).toEqual([
      o.officialInactive("Trần Văn Bình"),
    ]);
    expect(await h.db.db.invite.count()).toBe(1);
  });

  it("refuses a Telegram account already linked to another official", async () => {
    const code = await invite();
    const before = await snapshot();
    const an = user(DEMO.official);
    expect((await h.say(an, privateChat(DEMO.official), `/start ${code}`)).map((m) => m.text)).toEqual([
      o.start.linkedElsewhere,
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("answers unknown people, unknown names and the wrong chat with one line", async () => {
    const stranger = { id: 555, first_name: "Khách" };
    expect(
      (await h.say(stranger, { id: 555, type: "private", first_name: "Khách" }, "/start")).map((m) => m.text),
    ).toEqual([vi.start.unknownUser]);
    expect((await h.say(secretariat, secretariatChat, "/invite Nguyễn Không Có")).map((m) => m.text)).toEqual([
      o.officialNotFound("Nguyễn Không Có"),
    ]);
    expect((await h.say(secretariat, secretariatChat, "/invite")).map((m) => m.text)).toEqual([o.invite.usage]);
    // a link posted in a unit's group would be readable by everybody there
    expect((await h.say(secretariat, group(DEMO.groups.namTraMy), "/invite Trần Văn Bình")).map((m) => m.text)).toEqual(
      [vi.errors.notAllowed(o.invite.onlySecretariatGroup)],
    );
    // in the secretariat's group it is fine
    expect((await h.say(secretariat, group(DEMO.groups.secretariat), "/invite Trần Văn Bình"))[0]!.text).toContain(
      "?start=",
    );
    expect(await h.db.db.invite.count()).toBe(1);
  });
});
