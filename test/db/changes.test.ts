// When the look-up cache must forget, on PostgreSQL (src/db/changes.ts, ADR 005): another process's commit
// to a watched table reaches the listener (the triggers of the change_notifications migration); this
// process's Prisma writes move the generation at once, after the commit and not before; writes elsewhere
// leave it; a listener cut off is down, then back. And through the real bot: a /status answered from
// memory, then the same /status after a change made by another process.
import { describe, expect, it } from "vitest";
import net from "node:net";
import pg from "pg";
import { catalogue } from "../../src/i18n/index.ts";
import { listenForChanges, type Changes } from "../../src/db/changes.ts";
import { pgPoolConfig } from "../../src/db/client.ts";
import { createTestDatabase } from "../support/db.ts";
import { DEMO, at, group, startHarness, user } from "../support/harness.ts";
import { testPgUrl } from "../support/paths.ts";

async function until(what: string, ok: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function outside(url: string, text: string) {
  const c = new pg.Client({ connectionString: pgPoolConfig(url).connectionString });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

describe.skipIf(!testPgUrl())("change notifications [postgres]", () => {
  it("moves the generation on another process's commit to a watched table, and on this process's writes after their commit", async () => {
    const t = await createTestDatabase("postgres");
    const changes: Changes = listenForChanges(pgPoolConfig(t.url).connectionString);
    try {
      await until("the listener is up", () => changes.live());
      let g = changes.generation();
      // another process (the CLI, another instance): a plain connection, no Prisma
      await outside(t.url, `INSERT INTO "Unit" ("code", "name", "nameKey", "kind") VALUES ('XT', 'Xã Thử', 'xa thu', 'COMMUNE')`);
      await until("the notification", () => changes.generation() !== g);

      // writes to tables the cache does not read: nothing to forget
      await new Promise((r) => setTimeout(r, 100));
      g = changes.generation();
      await outside(t.url, `INSERT INTO "ProcessedUpdate" ("updateId", "processedAt") VALUES (2, now())`);
      await new Promise((r) => setTimeout(r, 100));
      expect(changes.generation()).toBe(g);

      // this process, through Prisma, counted without the listener (closed: no notification can move it):
      // not before the commit, once after it; once per statement outside a transaction; not for other tables
      await changes.close();
      g = changes.generation();
      await t.db.$transaction(async (tx) => {
        await tx.unit.updateMany({ where: { name: "Xã Thử" }, data: { active: false } });
        await tx.unit.updateMany({ where: { name: "Xã Thử" }, data: { active: true } });
        expect(changes.generation()).toBe(g);
      });
      expect(changes.generation()).toBe(g + 1);
      await t.db.unit.updateMany({ where: { name: "Xã Thử" }, data: { active: true } });
      expect(changes.generation()).toBe(g + 2);
      await t.db.processedUpdate.create({ data: { updateId: 1n, processedAt: new Date() } });
      await t.db.$transaction(async (tx) => tx.processedUpdate.create({ data: { updateId: 3n, processedAt: new Date() } }));
      expect(changes.generation()).toBe(g + 2);
    } finally {
      await changes.close();
      await t.drop();
    }
  });

  it("is down while its connection is cut, and comes back by itself", async () => {
    const t = await createTestDatabase("postgres");
    const changes = listenForChanges(pgPoolConfig(t.url).connectionString);
    try {
      await until("the listener is up", () => changes.live());
      const g = changes.generation();
      await outside(t.url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN dondoc_changes' AND datname = current_database()`);
      await until("the listener is down", () => !changes.live());
      expect(changes.generation()).not.toBe(g);
      await until("the listener is back", () => changes.live(), 10_000);
      const back = changes.generation();
      await outside(t.url, `UPDATE "Unit" SET "active" = "active"`);
      await until("a notification after the reconnection", () => changes.generation() !== back);
    } finally {
      await changes.close();
      await t.drop();
    }
  });

  it("is down when its connection goes silent (no answer to a ping), and comes back by itself", async () => {
    const t = await createTestDatabase("postgres");
    // a proxy to the server that can stop passing bytes without closing anything
    const target = new URL(pgPoolConfig(t.url).connectionString);
    let frozen = false;
    const sockets: net.Socket[] = [];
    const proxy = net.createServer((inbound) => {
      const outbound = net.connect(Number(target.port || 5432), target.hostname);
      sockets.push(inbound, outbound);
      inbound.on("data", (d) => void (frozen || outbound.write(d)));
      outbound.on("data", (d) => void (frozen || inbound.write(d)));
      inbound.on("error", () => outbound.destroy());
      outbound.on("error", () => inbound.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    const via = new URL(target);
    via.hostname = "127.0.0.1";
    via.port = String((proxy.address() as net.AddressInfo).port);
    const changes = listenForChanges(via.toString(), undefined, { pingMs: 50, pingTimeoutMs: 200 });
    try {
      await until("the listener is up", () => changes.live());
      frozen = true;
      await until("the listener is down", () => !changes.live());
      frozen = false;
      await until("the listener is back", () => changes.live(), 10_000);
    } finally {
      await changes.close();
      for (const s of sockets) s.destroy();
      proxy.close();
      await t.drop();
    }
  });

  it("answers /status from memory, and a change made by another process shows in the next one", async () => {
    const h = await startHarness("postgres", { start: at(9, 0) });
    try {
      const chairman = user(DEMO.chairman);
      const namTraMy = group(DEMO.groups.namTraMy);
      await until("the listener is up", () => h.app.database.changes!.live());
      const [first] = await h.say(chairman, namTraMy, "/status");
      const reads: string[] = [];
      const all = h.app.database.reader.all.bind(h.app.database.reader);
      h.app.database.reader.all = (q) => (reads.push(q.sql), all(q));
      const [again] = await h.say(chairman, namTraMy, "/status");
      expect(again!.text).toBe(first!.text);
      expect(reads.filter((s) => s.includes("ProcessedUpdate") && s.includes("UNION"))).toHaveLength(0);

      // another process renames the unit
      const g = h.app.database.changes!.generation();
      const unitId = (await h.db.db.chat.findUniqueOrThrow({ where: { telegramChatId: BigInt(namTraMy.id) } })).unitId!;
      await outside(h.db.url, `UPDATE "Unit" SET "name" = 'Huyện Thử Nghiệm' WHERE "id" = ${unitId}`);
      await until("the notification", () => h.app.database.changes!.generation() !== g);
      const [after] = await h.say(chairman, namTraMy, "/status");
      expect(after!.text).toContain("Huyện Thử Nghiệm");
      expect(after!.text).toBe(catalogue("vi").status.unit(await h.app.services.status.unitStatus(unitId, h.clock.now())));
    } finally {
      await h.close();
    }
  });
});
