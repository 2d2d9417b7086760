// The update look-up from memory (src/services/lookup-cache.ts, ADR 005): what a statement answered is
// answered again without one, for updates above the highest id looked up, and forgotten whenever the
// changes say so (a write, a notification, the listener down). On both databases with changes the
// test controls; the real PostgreSQL listener and triggers in test/db/changes.test.ts.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Sql } from "../../src/db/client.ts";
import type { Reader } from "../../src/db/reader.ts";
import { localInstant } from "../../src/domain/dates.ts";
import { DEMO, seedDemo } from "../../src/seed/demo.ts";
import { createLookupCache } from "../../src/services/lookup-cache.ts";
import { createStatusService } from "../../src/services/status.ts";
import { createUpdateLookup, type UpdateQuestion } from "../../src/services/update-lookup.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/db.ts";

const NOW = localInstant("2026-11-24", 9 * 60);

describeEachDatabase("update look-up from memory", (provider) => {
  let t: TestDatabase;
  let statements: string[];
  let reader: Reader;
  let changes: { gen: number; up: boolean; generation(): number; live(): boolean };
  const cache = () => createLookupCache(changes);
  const chairman = BigInt(DEMO.chairman.id);
  const group = BigInt(DEMO.groups.namTraMy.id);
  const status = (updateId: bigint, telegramUserId: bigint | null = chairman, telegramChatId: bigint | null = group): UpdateQuestion => ({ updateId, telegramUserId, telegramChatId, unitStatus: true });

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    await seedDemo(t.db, { today: "2026-11-24", now: NOW });
    statements = [];
    reader = { ...t.reader, all: <T,>(q: Sql) => (statements.push(q.sql), t.reader.all<T>(q)) };
    changes = { gen: 0, up: true, generation: () => changes.gen, live: () => changes.up };
  });
  afterEach(async () => {
    await t.drop();
  });

  it("answers a later update as the statement did, without one: the official, the chat, the unit's /status", async () => {
    const lookup = createUpdateLookup({ reader, cache: cache() });
    const first = await lookup.lookUp(status(100n), NOW);
    expect(statements).toHaveLength(1);
    const later = await lookup.lookUp(status(101n), NOW);
    expect(statements).toHaveLength(1);
    expect(later.seen).toBe(false);
    expect(later.actor).toEqual(first.actor);
    expect(later.actor!.fullName).toBe(DEMO.chairman.name);
    expect(later.chat).toEqual(first.chat);
    expect(later.ahead).toBe(first.ahead);
    // the reply computed from the remembered rows is the one read afresh
    const statusService = createStatusService({ db: t.db, reader: t.reader });
    expect(await statusService.unitStatus(later.chat!.unitId!, NOW, later.ahead)).toEqual(await statusService.unitStatus(later.chat!.unitId!, NOW));

    // nobody registered, and a chat not bound: remembered as such
    await lookup.lookUp(status(102n, 123n, 456n), NOW);
    expect(statements).toHaveLength(2);
    const stranger = await lookup.lookUp(status(103n, 123n, 456n), NOW);
    expect(statements).toHaveLength(2);
    expect(stranger).toEqual({ seen: false, actor: null, chat: null });

    // another official: asked of the database; the next day's /status rows too
    await lookup.lookUp(status(104n, BigInt(DEMO.official.id)), NOW);
    expect(statements).toHaveLength(3);
    const tomorrow = await lookup.lookUp(status(105n), localInstant("2026-11-25", 9 * 60));
    expect(statements).toHaveLength(4);
    expect(tomorrow.ahead!.today).toBe("2026-11-25");
  });

  it("asks the database whether an update was handled: the first after a start, and any id not above the highest", async () => {
    const shared = cache();
    const lookup = createUpdateLookup({ reader, cache: shared });
    await lookup.lookUp(status(100n), NOW);
    // a process that just started asks, though memory holds the answers (Telegram redelivers what a crash did not confirm)
    await t.db.processedUpdate.create({ data: { updateId: 200n, processedAt: NOW } });
    const restarted = createUpdateLookup({ reader, cache: shared });
    expect((await restarted.lookUp(status(200n), NOW)).seen).toBe(true);
    expect(statements).toHaveLength(2);
    // redelivered, or older: asked again
    expect((await lookup.lookUp(status(100n), NOW)).seen).toBe(false);
    await t.db.processedUpdate.create({ data: { updateId: 100n, processedAt: NOW } });
    expect((await lookup.lookUp(status(100n), NOW)).seen).toBe(true);
    expect(statements).toHaveLength(4);
    expect((await lookup.lookUp(status(300n), NOW)).seen).toBe(false);
    expect(statements).toHaveLength(4);
  });

  it("forgets everything when something changed, and keeps nothing while nobody listens", async () => {
    const lookup = createUpdateLookup({ reader, cache: cache() });
    let id = 100n;
    const ask = async () => {
      const before = statements.length;
      await lookup.lookUp(status(id++), NOW);
      return statements.length - before;
    };
    expect(await ask()).toBe(1);
    expect(await ask()).toBe(0);
    changes.gen++;
    expect(await ask()).toBe(1);
    expect(await ask()).toBe(0);
    changes.up = false;
    expect(await ask()).toBe(1);
    expect(await ask()).toBe(1);
    changes.up = true;
    expect(await ask()).toBe(1);
    expect(await ask()).toBe(0);
  });

  it("does not keep an answer read while something changed: it may be the old one", async () => {
    const slow: Reader = { ...reader, all: async <T,>(q: Sql) => {
      const rows = await reader.all<T>(q);
      changes.gen++; // a commit lands while the statement runs
      return rows;
    } };
    const lookup = createUpdateLookup({ reader: slow, cache: cache() });
    await lookup.lookUp(status(100n), NOW);
    await lookup.lookUp(status(101n), NOW);
    expect(statements).toHaveLength(2);
  });

  it("reads as before when there is no memory (SQLite, a webhook): every update asks", async () => {
    const lookup = createUpdateLookup({ reader });
    await lookup.lookUp(status(100n), NOW);
    await lookup.lookUp(status(101n), NOW);
    expect(statements).toHaveLength(2);
  });
});
