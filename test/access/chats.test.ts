// The bot's own membership and group upgrades: removed → LEFT and the secretariat told; blocked in
// private → UNREACHABLE; added back → ACTIVE; a group upgraded to a supergroup keeps its pending messages.
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, startHarness, type Harness } from "../support/harness.ts";
import { vi } from "../../src/i18n/vi.ts";

const chat = (c: { id: number; title: string }, type = "supergroup") => ({ id: c.id, type, title: c.title });

describeOnSqlite("chat life-cycle", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  const member = (c: object, status: string) => {
    h.emulator.pushUpdate({
      my_chat_member: {
        chat: c,
        from: { id: DEMO.chairman.id, is_bot: false, first_name: "Minh" },
        date: 0,
        old_chat_member: { user: h.emulator.botUser, status: status === "member" ? "left" : "member" },
        new_chat_member: { user: h.emulator.botUser, status },
      },
    });
    return h.emulator.waitIdle();
  };
  const status = async (id: number) =>
    (await h.db.db.chat.findUniqueOrThrow({ where: { telegramChatId: BigInt(id) } })).status;

  it("marks a group LEFT when the bot is removed, tells the secretariat, and ACTIVE when added back", async () => {
    const g = DEMO.groups.namTraMy;
    await member(chat(g), "kicked");
    expect(await status(g.id)).toBe("LEFT");
    await h.app.dispatcher.drain();
    expect(h.emulator.sent.filter((m) => m.chat_id === DEMO.groups.secretariat.id).map((m) => m.text)).toEqual([
      vi.onboarding.notices.removed(g.title),
    ]);
    expect(await h.db.db.auditLog.count({ where: { action: "chat.removed" } })).toBe(1);
    await member(chat(g), "member");
    expect(await status(g.id)).toBe("ACTIVE");
    await h.app.dispatcher.drain();
    expect(h.emulator.sent.filter((m) => m.chat_id === DEMO.groups.secretariat.id).map((m) => m.text)).toEqual([
      vi.onboarding.notices.removed(g.title),
      vi.onboarding.notices.readded(g.title),
    ]);
  });

  it("marks a private chat UNREACHABLE when the official blocks the bot", async () => {
    await member({ id: DEMO.official.id, type: "private", first_name: "An" }, "kicked");
    expect(await status(DEMO.official.id)).toBe("UNREACHABLE");
    await member({ id: DEMO.official.id, type: "private", first_name: "An" }, "member");
    expect(await status(DEMO.official.id)).toBe("ACTIVE");
  });

  it("moves a group and its pending messages to the new supergroup id", async () => {
    const oldId = -4105;
    const newId = -1004105;
    const ntm = await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    await h.db.db.chat.create({
      data: { telegramChatId: BigInt(oldId), kind: "GROUP", title: "Nhóm NTM", unitId: ntm.id },
    });
    await h.db.db.outboxMessage.create({
      data: { chatId: BigInt(oldId), text: "nhắc", kind: "test", notBefore: new Date(Date.UTC(2030, 0, 1)) },
    });
    h.emulator.pushUpdate({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: oldId, type: "group", title: "Nhóm NTM" },
        from: { id: DEMO.chairman.id, is_bot: false, first_name: "Minh" },
        migrate_to_chat_id: newId,
      },
    });
    await h.emulator.waitIdle();
    const moved = await h.db.db.chat.findUniqueOrThrow({ where: { telegramChatId: BigInt(newId) } });
    expect(moved.unitId).toBe(ntm.id);
    expect(moved.kind).toBe("SUPERGROUP");
    expect(await h.db.db.chat.count({ where: { telegramChatId: BigInt(oldId) } })).toBe(0);
    expect(
      await h.db.db.outboxMessage.count({ where: { chatId: BigInt(newId), text: "nhắc", status: "PENDING" } }),
    ).toBe(1);
    expect(await h.db.db.outboxMessage.count({ where: { chatId: BigInt(oldId) } })).toBe(0);
    expect(
      await h.db.db.outboxMessage.count({
        where: { kind: "chat.migrated", chatId: BigInt(DEMO.groups.secretariat.id) },
      }),
    ).toBe(1);
  });
});
