// The one path for everything the bot sends on its own: reads due outbox rows, respects Telegram's
// limits, sends, and records the outcome. Crash-safe: a row is SENDING only while in flight; on start
// rows left SENDING by a dead process go back to PENDING (at most the in-flight ones are duplicated).
import type { Db } from "../db/client.ts";
import { followMigratedChat, markUnreachable } from "./chat-outcomes.ts";
import type { Logger } from "../logger.ts";
import { systemTicker, type Clock, type Ticker } from "../clock.ts";
import { classifySendError } from "./classify.ts";
import type { Limiter, Slot } from "./limiter.ts";
import type { Lease } from "../scheduler/coordinator.ts";
import { splitMessage, TELEGRAM_TEXT_LIMIT } from "./split.ts";
import type { SharedChatWindows } from "./shared-windows.ts";

export type CallApi = (method: string, payload: Record<string, unknown>, signal: AbortSignal) => Promise<unknown>;

export interface DispatcherDeps {
  db: Db;
  callApi: CallApi;
  /** the secretariat's notice that a chat can no longer be reached (from the catalogue: the outbox knows no text) */
  unreachableNotice: (who: string, reason: string) => string;
  limiter: Limiter;
  clock: Clock;
  /** the limiter's time and waits (default: the system's) */
  ticker?: Ticker;
  logger: Logger;
  intervalMs: number;
  maxAttempts?: number;
  sendTimeoutMs?: number;
  /** how many requests may be in flight at once (each chat still gets one at a time) */
  concurrency?: number;
  /** runs after every pass that touched something (e.g. broadcast progress) */
  afterPass?: () => Promise<void>;
  /**
   * Several instances on one PostgreSQL database (docs/decisions/003-production-and-scale-out.md): only the holder of
   * this lease sends, rows are claimed with FOR UPDATE SKIP LOCKED under `instanceId`, and other
   * instances' claims older than `claimTimeoutMs` (the lease: a claim expires with its holder's lease) are
   * taken back from SENDING. No request is kept in flight longer than that.
   */
  shared?: { lease: Lease; instanceId: string; claimTimeoutMs: number; windows?: SharedChatWindows };
}

const BATCH = 200;
const MAX_BACKOFF_MS = 5 * 60_000;

export function createDispatcher(deps: DispatcherDeps) {
  const { db, limiter, logger } = deps;
  const ticks = deps.ticker ?? systemTicker;
  const sleep = (ms: number) => ticks.sleep(ms);
  const maxAttempts = deps.maxAttempts ?? 8;
  const concurrency = deps.concurrency ?? 16;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;
  let sentTotal = 0;
  let lastPassAt: Date | null = null;
  const shared = deps.shared;
  // a claim is valid for claimTimeoutMs: its request may not stay in flight longer than that, or another
  // instance could take the row back while it is still being sent
  const sendTimeoutMs = Math.min(deps.sendTimeoutMs ?? 15_000, shared?.claimTimeoutMs ?? Infinity);
  const NOW = `(now() AT TIME ZONE 'UTC')`;

  /**
   * Rows left SENDING go back to PENDING. Alone: all of them (at start nothing is in flight). Shared: other
   * instances' claims older than the claim timeout (their holder stopped sending when its lease may have
   * expired, and no request outlives the claim), and at start this instance's own from a previous run.
   */
  async function recover(atStart = false): Promise<number> {
    let count: number;
    if (shared) {
      count = await db.$executeRawUnsafe(
        `UPDATE "OutboxMessage" SET "status" = 'PENDING', "claimedBy" = NULL
         WHERE "status" = 'SENDING' AND (($2 AND "claimedBy" = $3) OR ("claimedBy" IS DISTINCT FROM $3
           AND ("claimedAt" IS NULL OR "claimedAt" < ${NOW} - $1 * interval '1 millisecond')))`,
        shared.claimTimeoutMs,
        atStart,
        shared.instanceId,
      );
    } else {
      count = (
        await db.outboxMessage.updateMany({
          where: { status: "SENDING" },
          data: { status: "PENDING", claimedBy: null },
        })
      ).count;
    }
    if (count) logger.warn({ count }, "outbox rows left in flight by a previous run: sending again");
    return count;
  }

  // ---- the dispatcher lease (shared mode): only its holder sends ----
  let leader = !shared;
  let renewedAt = -Infinity;
  let recoveredAt = -Infinity;
  let renewing: Promise<boolean> | null = null;

  /** true when this instance may send now; renews the lease every third of it, takes it over when free */
  function keepLease(): Promise<boolean> {
    if (!shared) return Promise.resolve(true);
    const ttl = shared.lease.ttlMs;
    if (leader && shared.lease.held() && performance.now() - renewedAt < ttl / 3) return Promise.resolve(true);
    renewing ??= (async () => {
      const t = performance.now();
      const ok = await shared.lease.acquire();
      if (ok && !leader) {
        logger.info({ instance: shared.instanceId }, "dispatcher lease taken: this instance sends");
        await seedLimiter().catch((error: unknown) => logger.error({ err: error }, "could not count the recent sends"));
      } else if (!ok && leader) logger.warn({ instance: shared.instanceId }, "dispatcher lease lost: standing by");
      leader = ok;
      if (ok) renewedAt = t;
      // at every renewal (a third of the lease): a dead holder's claims go back one lease after they were made
      if (ok && t - recoveredAt >= ttl / 3) {
        recoveredAt = t;
        await recover().catch((error: unknown) => logger.error({ err: error }, "outbox recovery failed"));
      }
      return ok;
    })().finally(() => {
      renewing = null;
    });
    return renewing;
  }

  /**
   * What was sent in the last minute before this process (or this leader) started sending: the outbox
   * claims, counted as if each send was answered at the latest possible moment, so Telegram's windows hold
   * across a restart (kill -9 included) and a hand-over. The first time in a process every claim counts;
   * later (the lease taken back) only other instances' claims, this process's own are in the limiter.
   * Direct replies are not written anywhere: those of the last minute before a restart are not known
   * (docs/decisions/006-interactive-rate.md).
   */
  let seeded = false;
  async function seedLimiter() {
    let rows: { chatId: bigint; ageMs: number }[];
    if (shared) {
      rows = await db.$queryRawUnsafe<{ chatId: bigint; ageMs: number }[]>(
        `SELECT "chatId", (EXTRACT(EPOCH FROM (${NOW} - "claimedAt")) * 1000)::float8 AS "ageMs" FROM "OutboxMessage"
         WHERE "claimedAt" >= ${NOW} - interval '61 seconds' AND ("claimedBy" IS DISTINCT FROM $1 OR NOT $2)`,
        shared.instanceId,
        seeded,
      );
    } else {
      // SQLite: claims are stamped with the dispatcher's clock (claim())
      const now = deps.clock.now().getTime();
      const claims = await db.outboxMessage.findMany({
        where: { claimedAt: { gte: new Date(now - 61_000) } },
        select: { chatId: true, claimedAt: true },
      });
      rows = claims.map((c) => ({ chatId: c.chatId, ageMs: now - c.claimedAt!.getTime() }));
    }
    seeded = true;
    const t = ticks.now();
    for (const r of rows) {
      const at = t - Math.max(0, Number(r.ageMs));
      limiter.take(BigInt(r.chatId), at).settle(Math.min(t, at + sendTimeoutMs));
    }
  }

  /**
   * Several instances: 0 when the chat's windows, counted across them, leave room for the slot just taken
   * (the send is then recorded for the others), else how long to wait. Always 0 alone.
   */
  async function othersWaitMs(chatId: bigint): Promise<number> {
    if (!shared?.windows) return 0;
    const own = limiter.chatCounts(chatId, ticks.now());
    return shared.windows.reserve(chatId, { second: own.second - 1, minute: own.minute - 1 });
  }

  /** Claims one row for sending; on PostgreSQL a row locked by another instance's claim is skipped, not waited for. */
  async function claim(id: number): Promise<boolean> {
    if (!shared) {
      // stamped when the request goes (not when the pass began): a restart counts it from then (seedLimiter)
      const claimed = await db.outboxMessage.updateMany({
        where: { id, status: "PENDING" },
        data: { status: "SENDING", claimedAt: deps.clock.now(), attempts: { increment: 1 } },
      });
      return claimed.count === 1;
    }
    const rows = await db.$queryRawUnsafe<{ id: number }[]>(
      `WITH c AS (SELECT "id" FROM "OutboxMessage" WHERE "id" = $1 AND "status" = 'PENDING' FOR UPDATE SKIP LOCKED)
       UPDATE "OutboxMessage" o SET "status" = 'SENDING', "claimedBy" = $2, "claimedAt" = ${NOW}, "attempts" = o."attempts" + 1
       FROM c WHERE o."id" = c."id" RETURNING o."id"`,
      id,
      shared.instanceId,
    );
    return rows.length === 1;
  }

  /** One pass over due rows; returns how many were sent. Chats at their limit wait for a later pass. */
  async function pass(): Promise<number> {
    const now = deps.clock.now();
    if (!(await keepLease())) {
      lastPassAt = now;
      return 0;
    }
    // most passes find nothing: one small look-up first
    const due = await db.outboxMessage.findFirst({
      where: { status: "PENDING", notBefore: { lte: now } },
      select: { id: true },
    });
    if (!due) {
      lastPassAt = now;
      return 0;
    }
    const blocked = limiter.blockedChats(ticks.now());
    const rows = await db.outboxMessage.findMany({
      where: { status: "PENDING", notBefore: { lte: now }, ...(blocked.length ? { chatId: { notIn: blocked } } : {}) },
      // escalations before reminders before the rest, each oldest first (ADR 009)
      orderBy: [{ priority: "desc" }, { id: "asc" }],
      take: BATCH,
    });
    if (rows.length === 0) {
      lastPassAt = now;
      return 0;
    }
    const queue = await dropUnreachable(rows);
    const busy = new Set<bigint>();
    const done = new Set<bigint>(); // chats left for a later pass (limit reached, or a failure)
    let sent = 0;

    // the next row that may go now: oldest first, one request per chat at a time
    const next = (): Row | null => {
      const t = ticks.now();
      for (let i = 0; i < queue.length; i++) {
        const row = queue[i] as Row;
        if (done.has(row.chatId)) {
          queue.splice(i--, 1);
          continue;
        }
        if (busy.has(row.chatId)) continue;
        if (limiter.chatWaitMs(row.chatId, t) > 0) {
          done.add(row.chatId);
          queue.splice(i--, 1);
          continue;
        }
        queue.splice(i, 1);
        return row;
      }
      return null;
    };

    const worker = async () => {
      for (;;) {
        // the lease must still be ours (renewed when due) before anything more goes out; checked first:
        // from the global check to take() there must be no await, or workers would overrun the limit
        if (shared && !(await keepLease())) return;
        const globalWait = limiter.globalWaitMs(ticks.now());
        if (globalWait > 0) {
          await sleep(globalWait);
          continue;
        }
        const row = next();
        if (!row) return;
        busy.add(row.chatId);
        const held: HeldSlot = { slot: limiter.take(row.chatId, ticks.now()), settled: false };
        let ok = false;
        try {
          if ((await othersWaitMs(row.chatId)) > 0) {
            // another instance is answering in this chat: the slot is given back, the chat waits a pass
            held.slot.release();
            held.settled = true;
          } else if (await claim(row.id)) ok = await sendOne(row, held);
        } finally {
          // sendOne settles at Telegram's answer; here only when it never got that far (claim lost, error)
          if (!held.settled) held.slot.settle(ticks.now());
          busy.delete(row.chatId);
        }
        if (ok) sent++;
        else done.add(row.chatId);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    sentTotal += sent;
    lastPassAt = now;
    if (deps.afterPass) {
      await deps.afterPass().catch((error: unknown) => logger.error({ err: error }, "after-pass hook failed"));
    }
    return sent;
  }

  type Row = Awaited<ReturnType<typeof db.outboxMessage.findMany>>[number];
  interface HeldSlot {
    slot: Slot;
    settled: boolean;
  }

  /** Rows addressed to a chat already known unreachable are skipped, not sent. */
  async function dropUnreachable(rows: Row[]): Promise<Row[]> {
    const ids = [...new Set(rows.map((r) => r.chatId))];
    const dead = await db.chat.findMany({
      where: { telegramChatId: { in: ids }, status: "UNREACHABLE" },
      select: { telegramChatId: true },
    });
    if (dead.length === 0) return rows;
    const deadIds = new Set(dead.map((c) => c.telegramChatId));
    const skip = rows.filter((r) => deadIds.has(r.chatId)).map((r) => r.id);
    await db.outboxMessage.updateMany({
      where: { id: { in: skip }, status: "PENDING" },
      data: { status: "SKIPPED", lastError: "unreachable chat" },
    });
    return rows.filter((r) => !deadIds.has(r.chatId));
  }

  /**
   * The slot is settled the moment Telegram answers (or fails), never later: the sliding window then frees
   * exactly when Telegram's does, not after our database write and event-loop lag (docs/benchmarks.md).
   */
  async function sendOne(row: Row, held: HeldSlot): Promise<boolean> {
    const answered = () => {
      held.slot.settle(ticks.now());
      held.settled = true;
    };
    // over Telegram's 4096: sent as several messages, the buttons on the last one; a photo row is one
    // sendPhoto (multipart), its text the caption
    const requests = row.photo ? [photoRequest(row)] : textRequests(row);
    try {
      let result = { message_id: 0 };
      for (const [i, [method, payload]] of requests.entries()) {
        if (i > 0) {
          for (;;) {
            for (let w = limiter.waitMs(row.chatId, ticks.now()); w > 0; w = limiter.waitMs(row.chatId, ticks.now()))
              await sleep(w);
            held.slot = limiter.take(row.chatId, ticks.now());
            held.settled = false;
            const others = await othersWaitMs(row.chatId);
            if (others === 0) break;
            held.slot.release();
            held.settled = true;
            await sleep(others);
          }
        }
        try {
          result = (await deps.callApi(method, payload, AbortSignal.timeout(sendTimeoutMs))) as { message_id: number };
        } finally {
          answered();
        }
      }
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "SENT", sentAt: deps.clock.now(), sentMessageId: BigInt(result.message_id), lastError: "" },
      });
      return true;
    } catch (error) {
      await handleFailure(row, error);
      return false;
    }
  }

  function textRequests(row: Row): [string, Record<string, unknown>][] {
    const base: Record<string, unknown> = {
      chat_id: row.chatId.toString(),
      link_preview_options: { is_disabled: true },
    };
    if (row.parseMode) base.parse_mode = row.parseMode;
    const parts = row.text.length > TELEGRAM_TEXT_LIMIT ? splitMessage(row.text) : [row.text];
    return parts.map((text, i) => {
      const payload: Record<string, unknown> = { ...base, text };
      if (row.replyMarkup && i === parts.length - 1) payload.reply_markup = JSON.parse(row.replyMarkup);
      return ["sendMessage", payload];
    });
  }

  function photoRequest(row: Row): [string, Record<string, unknown>] {
    const payload: Record<string, unknown> = {
      chat_id: row.chatId.toString(),
      photo: { source: Buffer.from(row.photo!), filename: `${row.kind}.png` },
      caption: row.text,
    };
    if (row.parseMode) payload.parse_mode = row.parseMode;
    if (row.replyMarkup) payload.reply_markup = JSON.parse(row.replyMarkup);
    return ["sendPhoto", payload];
  }

  async function handleFailure(row: Row, error: unknown) {
    const outcome = classifySendError(error);
    const now = deps.clock.now();
    const attempts = row.attempts + 1;
    logger.warn({ outboxId: row.id, chatId: row.chatId.toString(), outcome }, "send failed");
    const later = (ms: number, reason: string, countAttempt = true) =>
      db.outboxMessage.update({
        where: { id: row.id },
        data: {
          status: "PENDING",
          notBefore: new Date(now.getTime() + ms),
          lastError: reason,
          // a 429 is Telegram pacing us, not a failed attempt
          ...(countAttempt ? {} : { attempts: { decrement: 1 } }),
        },
      });
    const dead = (reason: string) =>
      db.outboxMessage.update({ where: { id: row.id }, data: { status: "DEAD", lastError: reason } });
    switch (outcome.kind) {
      case "retry-after":
        // this chat only, or everything when it was the bot-wide rate (limiter.tooMany)
        limiter.tooMany(row.chatId, outcome.ms, ticks.now());
        await later(outcome.ms, `429 retry after ${outcome.ms / 1000} s`, false);
        return;
      case "backoff":
        if (attempts >= maxAttempts) await dead(outcome.reason);
        else await later(Math.min(1000 * 2 ** attempts, MAX_BACKOFF_MS), outcome.reason);
        return;
      case "unknown":
        // the request may have reached Telegram: one more try at most, then it is recorded as unknown
        if (attempts >= 2)
          await db.outboxMessage.update({
            where: { id: row.id },
            data: { status: "UNKNOWN", lastError: outcome.reason },
          });
        else await later(2000, `unknown outcome: ${outcome.reason}`);
        return;
      case "rejected":
        await dead(outcome.reason);
        return;
      case "migrated":
        await followMigratedChat(db, row.chatId, outcome.newChatId);
        logger.info(
          { oldId: row.chatId.toString(), newId: outcome.newChatId.toString() },
          "chat migrated to supergroup",
        );
        return;
      case "unreachable":
        await markUnreachable(db, { chatId: row.chatId, reason: outcome.reason, now, notice: deps.unreachableNotice });
        return;
    }
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(tick, ms);
  }

  function tick() {
    timer = null;
    running = pass().catch((error) => {
      logger.error({ err: error }, "dispatcher pass failed");
      return 0;
    });
    void running.then((sent) => schedule(sent > 0 ? 0 : deps.intervalMs));
  }

  return {
    recover,
    pass,
    async start() {
      stopped = false;
      await recover(true);
      // alone (SQLite): what this bot sent in the last minute before the restart; shared: when the lease is taken
      if (!shared)
        await seedLimiter().catch((error: unknown) => logger.error({ err: error }, "could not count the recent sends"));
      schedule(0);
    },
    /** shared mode: whether this instance holds the dispatcher lease (always true alone) */
    isLeader: () => (shared ? leader && shared.lease.held() : true),
    /** Something was enqueued: look now instead of at the next interval. */
    wake() {
      if (stopped) return;
      if (timer) {
        clearTimeout(timer);
        timer = null;
        tick();
      }
    },
    /** releaseLease: false leaves the lease to expire, as a killed instance would (tests) */
    async stop(opts: { releaseLease?: boolean } = {}) {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      await renewing;
      if (shared && opts.releaseLease !== false && leader) await shared.lease.release();
      leader = !shared;
    },
    /** Sends until nothing is due (demo, tests, scripts). */
    async drain(maxPasses = 1000) {
      for (let i = 0; i < maxPasses; i++) {
        // rows in flight count too: the background loop may be sending them right now
        const due = await db.outboxMessage.count({
          where: { OR: [{ status: "PENDING", notBefore: { lte: deps.clock.now() } }, { status: "SENDING" }] },
        });
        if (due === 0) return;
        const sent = await pass();
        if (sent === 0) await sleep(50);
      }
    },
    health: () => ({ running: !stopped, sentTotal, lastPassAt, leader: shared ? leader && shared.lease.held() : true }),
    /** rows waiting to be sent now (for /healthz) */
    pendingCount: () => db.outboxMessage.count({ where: { status: "PENDING", notBefore: { lte: deps.clock.now() } } }),
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
