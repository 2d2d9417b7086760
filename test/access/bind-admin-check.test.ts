// /bind and /unbind by a chairman when Telegram's getChatMember fails: the answer says what happened
// (his administrator rights could not be checked), not «đã có lỗi … thử lại sau ít phút» (issue #21).
import { afterEach, beforeEach, expect, it } from "vitest";
import { catalogue } from "../../src/i18n/index.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, group, startHarness, user, type Harness } from "../support/harness.ts";

describeOnSqlite("/bind when getChatMember fails", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { failMethods: ["getChatMember"] });
  });
  afterEach(async () => {
    await h.close();
  });

  const newGroup = { id: -1005551234, type: "supergroup" as const, title: "UBND Nam Trà My (mới)" };
  const bound = async (id: number) =>
    (await h.db.db.chat.findUnique({ where: { telegramChatId: BigInt(id) } }))?.unitId ?? null;

  it("tells the chairman his administrator rights could not be checked, and binds nothing", async () => {
    h.emulator.setChatMember(newGroup.id, DEMO.chairman.id, { status: "administrator" });
    const auditBefore = await h.db.db.auditLog.count();
    const replies = await h.say(user(DEMO.chairman), newGroup, "/bind nam trà my");
    expect(replies.map((m) => m.text)).toEqual([catalogue("vi").onboarding.bind.adminCheckFailed]);
    expect(replies[0]!.text).toContain("không kiểm tra được quyền quản trị nhóm");
    expect(h.emulator.calls.some((c) => c.method === "getChatMember" && !c.ok)).toBe(true);
    expect(await bound(newGroup.id)).toBeNull();
    expect(await h.db.db.auditLog.count()).toBe(auditBefore);

    // /unbind in his unit's group: the same answer, and the group stays bound
    const namTraMy = group(DEMO.groups.namTraMy);
    const unitId = await bound(namTraMy.id);
    const [unbind] = await h.say(user(DEMO.chairman), namTraMy, "/unbind");
    expect(unbind!.text).toBe(catalogue("vi").onboarding.bind.adminCheckFailed);
    expect(await bound(namTraMy.id)).toBe(unitId);
  });

  it("still lets the secretariat bind: its /bind asks Telegram nothing", async () => {
    const [done] = await h.say(user(DEMO.secretariat), newGroup, "/bind nam trà my");
    expect(done!.text).toBe(catalogue("vi").bind.done("Nam Trà My"));
    expect(await bound(newGroup.id)).not.toBeNull();
  });
});
