// The one statement every update makes before it is handled (src/services/update-lookup.ts) answers what the
// separate look-ups answer (the registry's actor and chat, the ProcessedUpdate row), on both databases:
// every demo official and chat, unknown ones, a bot sender, a role that ended, an inactive official, a chat
// the bot left, ids beyond 2^53, and many updates asking at once.
import { afterEach, beforeEach, expect, it } from "vitest";
import { localInstant } from "../../src/domain/dates.ts";
import { DEMO, seedDemo } from "../../src/seed/demo.ts";
import { createRegistry } from "../../src/services/registry.ts";
import { createStatusService } from "../../src/services/status.ts";
import { READ_AHEAD_CHATS, createUpdateLookup, type UpdateQuestion } from "../../src/services/update-lookup.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/db.ts";

const NOW = localInstant("2026-11-24", 9 * 60);
const BIG = 9_007_199_254_740_993n; // 2^53 + 1

describeEachDatabase("update look-up", (provider) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(provider);
    await seedDemo(t.db, { today: "2026-11-24", now: NOW });
    await t.db.processedUpdate.createMany({ data: [{ updateId: 7n, processedAt: NOW }, { updateId: BIG, processedAt: NOW }] });
    // a role that ended yesterday, an official who left, a chat the bot left, a chat with a huge id
    const official = await t.db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.official.id) } });
    await t.db.roleAssignment.create({ data: { officialId: official.id, role: "SUPERVISOR", unitId: null, validFrom: new Date("2026-01-01T00:00:00Z"), validTo: new Date(NOW.getTime() - 86_400_000) } });
    await t.db.official.update({ where: { telegramUserId: BigInt(DEMO.official2.id) }, data: { active: false } });
    await t.db.chat.update({ where: { telegramChatId: BigInt(DEMO.groups.bacTraMy.id) }, data: { status: "LEFT" } });
    await t.db.chat.create({ data: { telegramChatId: -BIG, kind: "SUPERGROUP", title: "huge", isSecretariat: true } });
  });
  afterEach(async () => {
    await t.drop();
  });

  it("answers as the separate look-ups do, for one update at a time and for many at once", async () => {
    const users = [...Object.values(DEMO).flatMap((p) => ("id" in p && typeof p.id === "number" ? [BigInt(p.id)] : [])), 123n, null];
    const chats = [...Object.values(DEMO.groups).map((g) => BigInt(g.id)), -BIG, 456n, null];
    const questions: UpdateQuestion[] = [];
    let updateId = 1n;
    for (const u of users) for (const c of chats) questions.push({ updateId: updateId++ % 9n === 0n ? BIG : updateId, telegramUserId: u, telegramChatId: c });
    expect(questions.length).toBeGreaterThan(50);

    const registry = createRegistry({ db: t.db });
    const expected = await Promise.all(
      questions.map(async (q) => ({
        seen: (await t.db.processedUpdate.count({ where: { updateId: q.updateId } })) > 0,
        actor: q.telegramUserId === null ? null : await registry.actorByTelegramId(q.telegramUserId, NOW),
        chat: q.telegramChatId === null ? null : await registry.chatByTelegramId(q.telegramChatId),
      })),
    );
    const lookup = createUpdateLookup({ reader: t.reader });
    const together = await Promise.all(questions.map((q) => lookup.lookUp(q, NOW)));
    const oneByOne = [];
    for (const q of questions) oneByOne.push(await lookup.lookUp(q, NOW));
    expect(together).toEqual(expected);
    expect(oneByOne).toEqual(expected);

    // what the fixture set up is really in the answers
    const seenCount = expected.filter((e) => e.seen).length;
    expect(seenCount).toBeGreaterThan(1);
    const chairman = expected.find((e) => e.actor?.fullName === DEMO.chairman.name)!.actor!;
    expect(chairman.roles).toEqual([expect.objectContaining({ role: "CHAIRMAN" })]);
    expect(expected.some((e) => e.actor?.fullName === DEMO.official2.name)).toBe(false);
    expect(expected.find((e) => e.actor?.fullName === DEMO.official.name)!.actor!.roles.some((r) => r.role === "SUPERVISOR")).toBe(false);
    expect(expected.some((e) => e.chat?.telegramChatId === -BIG && e.chat.isSecretariat)).toBe(true);
    expect(expected.some((e) => e.chat?.telegramChatId === BigInt(DEMO.groups.bacTraMy.id))).toBe(false);
    expect(expected.find((e) => e.chat?.telegramChatId === BigInt(DEMO.groups.namTraMy.id))!.chat!.unitName).toContain("Nam Trà My");
  });

  it("filters roles by each caller's own time", async () => {
    const official = BigInt(DEMO.official.id);
    const lookup = createUpdateLookup({ reader: t.reader });
    const q = { updateId: 99n, telegramUserId: official, telegramChatId: null };
    const [before, after] = await Promise.all([lookup.lookUp(q, new Date(NOW.getTime() - 3 * 86_400_000)), lookup.lookUp(q, NOW)]);
    expect(before.actor!.roles.some((r) => r.role === "SUPERVISOR")).toBe(true);
    expect(after.actor!.roles.some((r) => r.role === "SUPERVISOR")).toBe(false);
  });

  it("reads a bare /status's unit rows in the same statement, giving the figures of the separate read", async () => {
    // a task done today, so the rows include today's completions
    const unit = await t.db.unit.findFirstOrThrow({ where: { name: { contains: "Nam Trà My" } } });
    const task = await t.db.task.findFirstOrThrow({ where: { unitId: unit.id, status: "OPEN" } });
    const by = await t.db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.chairman.id) } });
    await t.db.task.update({ where: { id: task.id }, data: { status: "DONE", completedAt: new Date(NOW.getTime() - 3600_000), completedById: by.id } });

    const statements: string[] = [];
    const reader = { ...t.reader, all: <T,>(q: Parameters<typeof t.reader.all>[0]) => (statements.push(q.sql), t.reader.all<T>(q)) };
    const lookup = createUpdateLookup({ reader });
    const statusReads: string[] = [];
    const status = createStatusService({ db: t.db, reader: { ...t.reader, all: <T,>(q: Parameters<typeof t.reader.all>[0]) => (statusReads.push(q.sql), t.reader.all<T>(q)) } });
    const chairman = BigInt(DEMO.chairman.id);
    const groups = Object.values(DEMO.groups).map((g) => BigInt(g.id));
    const answers = await Promise.all(groups.map((chat, i) => lookup.lookUp({ updateId: 1000n + BigInt(i), telegramUserId: chairman, telegramChatId: chat, unitStatus: true }, NOW)));
    expect(statements).toHaveLength(1);

    // the rows are those of the units the groups are bound to (the bot left Bắc Trà My's: still bound)
    const chats = await t.db.chat.findMany({ where: { telegramChatId: { in: groups } } });
    const bound = chats.flatMap((c) => (c.unitId === null ? [] : [c.unitId])).sort();
    expect(bound).toHaveLength(2);
    expect(answers.every((a) => a.ahead === answers[0]!.ahead)).toBe(true);
    expect(answers[0]!.ahead!.rows.units.map((u) => u.id).sort()).toEqual(bound);
    for (const unitId of bound) {
      const ahead = await status.unitStatus(unitId, NOW, answers[0]!.ahead);
      expect(statusReads).toHaveLength(0); // computed from the rows read ahead
      expect(ahead).toEqual(await status.unitStatus(unitId, NOW));
      statusReads.length = 0;
    }
    expect((await status.unitStatus(unit.id, NOW, answers[0]!.ahead)).doneToday).toEqual([{ title: task.title, by: by.fullName }]);

    // a batch of more chats (a burst): no rows read ahead
    const many = Array.from({ length: READ_AHEAD_CHATS + 1 }, (_, i) => (i === 0 ? groups[1]! : -5000n - BigInt(i)));
    const burst = await Promise.all(many.map((chat, i) => lookup.lookUp({ updateId: 3000n + BigInt(i), telegramUserId: chairman, telegramChatId: chat, unitStatus: true }, NOW)));
    expect(burst.map((a) => a.ahead)).toEqual(many.map(() => undefined));
    expect(burst[0]!.chat!.unitId).toBe(unit.id);
    statements.length = 1;

    // not asked: no rows, and the statement reads none
    const plain = await lookup.lookUp({ updateId: 2000n, telegramUserId: chairman, telegramChatId: groups[1]!, unitStatus: false }, NOW);
    expect(plain.ahead).toBeUndefined();
    expect(statements[1]).not.toContain("CapitalPlan");
  });

  it("reads the rows for the day of the batch: an update after midnight falls back to its own read", async () => {
    const unit = await t.db.unit.findFirstOrThrow({ where: { name: { contains: "Nam Trà My" } } });
    const lookup = createUpdateLookup({ reader: t.reader });
    const status = createStatusService({ db: t.db, reader: t.reader });
    const q = (updateId: bigint): UpdateQuestion => ({ updateId, telegramUserId: BigInt(DEMO.chairman.id), telegramChatId: BigInt(DEMO.groups.namTraMy.id), unitStatus: true });
    const before = localInstant("2026-11-24", 24 * 60 - 1);
    const after = localInstant("2026-11-25", 1);
    const [a, b] = await Promise.all([lookup.lookUp(q(1n), before), lookup.lookUp(q(2n), after)]);
    expect(a.ahead!.today).toBe("2026-11-24");
    expect(b.ahead!.today).toBe("2026-11-24");
    const late = await status.unitStatus(unit.id, after, b.ahead);
    expect(late).not.toEqual(await status.unitStatus(unit.id, before, a.ahead));
    expect(late.today).toBe("2026-11-25");
    expect(late).toEqual(await status.unitStatus(unit.id, after));
  });
});
