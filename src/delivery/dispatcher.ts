// The one path for everything the bot sends on its own: reads due outbox rows, respects Telegram's
// limits, sends, and records the outcome. Crash-safe: a row is SENDING only while in flight; on start
// rows left SENDING by a dead process go back to PENDING (at most the in-flight ones are duplicated).
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { Clock } from "../services/clock.ts";
import { catalogue } from "../i18n/index.ts";
import { classifySendError } from "./classify.ts";
import type { Limiter } from "./limiter.ts";

export type CallApi = (method: string, payload: Record<string, unknown>, signal: AbortSignal) => Promise<unknown>;

export interface DispatcherDeps {
  db: Db;
  callApi: CallApi;
  limiter: Limiter;
  clock: Clock;
  logger: Logger;
  intervalMs: number;
  maxAttempts?: number;
  sendTimeoutMs?: number;
}

const BATCH = 100;
const MAX_BACKOFF_MS = 5 * 60_000;

export function createDispatcher(deps: DispatcherDeps) {
  const { db, limiter, logger } = deps;
  const maxAttempts = deps.maxAttempts ?? 8;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;
  let sentTotal = 0;
  let lastPassAt: Date | null = null;

  async function recover(): Promise<number> {
    const r = await db.outboxMessage.updateMany({ where: { status: "SENDING" }, data: { status: "PENDING", claimedBy: null } });
    if (r.count) logger.warn({ count: r.count }, "outbox rows left in flight by a previous run: sending again");
    return r.count;
  }

  /** One pass over due rows; returns how many were sent. */
  async function pass(): Promise<number> {
    const now = deps.clock.now();
    const rows = await db.outboxMessage.findMany({
      where: { status: "PENDING", notBefore: { lte: now } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    let sent = 0;
    const skippedChats = new Set<bigint>();
    for (const row of rows) {
      if (skippedChats.has(row.chatId)) continue;
      const wait = limiter.waitMs(row.chatId, Date.now());
      if (wait > 0) {
        // this chat is at its limit: its later rows wait for the next pass, others go on
        skippedChats.add(row.chatId);
        if (limiter.globalWaitMs(Date.now()) > 0) await sleep(limiter.globalWaitMs(Date.now()));
        continue;
      }
      const claimed = await db.outboxMessage.updateMany({
        where: { id: row.id, status: "PENDING" },
        data: { status: "SENDING", claimedAt: now, attempts: { increment: 1 } },
      });
      if (claimed.count === 0) continue;
      limiter.take(row.chatId, Date.now());
      if (await sendOne(row)) sent++;
      else skippedChats.add(row.chatId);
    }
    sentTotal += sent;
    lastPassAt = now;
    return sent;
  }

  type Row = Awaited<ReturnType<typeof db.outboxMessage.findMany>>[number];

  async function sendOne(row: Row): Promise<boolean> {
    const payload: Record<string, unknown> = { chat_id: row.chatId.toString(), text: row.text };
    if (row.parseMode) payload.parse_mode = row.parseMode;
    if (row.replyMarkup) payload.reply_markup = JSON.parse(row.replyMarkup);
    payload.link_preview_options = { is_disabled: true };
    try {
      const result = (await deps.callApi("sendMessage", payload, AbortSignal.timeout(deps.sendTimeoutMs ?? 15_000))) as {
        message_id: number;
      };
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

  async function handleFailure(row: Row, error: unknown) {
    const outcome = classifySendError(error);
    const now = deps.clock.now();
    const attempts = row.attempts + 1;
    logger.warn({ outboxId: row.id, chatId: row.chatId.toString(), outcome }, "send failed");
    const later = (ms: number, reason: string) =>
      db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "PENDING", notBefore: new Date(now.getTime() + ms), lastError: reason },
      });
    const dead = (reason: string) => db.outboxMessage.update({ where: { id: row.id }, data: { status: "DEAD", lastError: reason } });
    switch (outcome.kind) {
      case "retry-after":
        await later(outcome.ms, "429");
        return;
      case "backoff":
        if (attempts >= maxAttempts) await dead(outcome.reason);
        else await later(Math.min(1000 * 2 ** attempts, MAX_BACKOFF_MS), outcome.reason);
        return;
      case "unknown":
        // the request may have reached Telegram: one more try at most, then it is recorded as unknown
        if (attempts >= 2) await db.outboxMessage.update({ where: { id: row.id }, data: { status: "UNKNOWN", lastError: outcome.reason } });
        else await later(2000, `unknown outcome: ${outcome.reason}`);
        return;
      case "rejected":
        await dead(outcome.reason);
        return;
      case "migrated":
        await migrateChat(row.chatId, outcome.newChatId);
        return;
      case "unreachable":
        await markUnreachable(row.chatId, outcome.reason, now);
        return;
    }
  }

  /** A group became a supergroup: the chat and every pending message follow the new id. */
  async function migrateChat(oldId: bigint, newId: bigint) {
    await db.$transaction(async (tx) => {
      const existing = await tx.chat.findUnique({ where: { telegramChatId: newId } });
      if (!existing) await tx.chat.updateMany({ where: { telegramChatId: oldId }, data: { telegramChatId: newId, kind: "SUPERGROUP" } });
      await tx.outboxMessage.updateMany({ where: { chatId: oldId, status: { in: ["PENDING", "SENDING"] } }, data: { chatId: newId, status: "PENDING" } });
    });
    logger.info({ oldId: oldId.toString(), newId: newId.toString() }, "chat migrated to supergroup");
  }

  /** Blocked or removed: stop sending there and tell the secretariat once. */
  async function markUnreachable(chatId: bigint, reason: string, now: Date) {
    await db.$transaction(async (tx) => {
      await tx.outboxMessage.updateMany({ where: { chatId, status: "SENDING" }, data: { status: "DEAD", lastError: reason } });
      await tx.outboxMessage.updateMany({ where: { chatId, status: "PENDING" }, data: { status: "SKIPPED", lastError: `unreachable: ${reason}` } });
      const chat = await tx.chat.findUnique({ where: { telegramChatId: chatId } });
      if (chat?.status === "UNREACHABLE") return;
      await tx.chat.upsert({
        where: { telegramChatId: chatId },
        create: { telegramChatId: chatId, kind: chatId < 0n ? "GROUP" : "PRIVATE", status: "UNREACHABLE" },
        update: { status: "UNREACHABLE" },
      });
      const who =
        chat?.title ||
        (await tx.official.findUnique({ where: { telegramUserId: chatId } }))?.fullName ||
        chatId.toString();
      const notice = catalogue("vi").delivery.unreachable(who, reason);
      const secretariat = await tx.chat.findMany({ where: { isSecretariat: true, status: "ACTIVE", telegramChatId: { not: chatId } } });
      if (secretariat.length) {
        await tx.outboxMessage.createMany({
          data: secretariat.map((s) => ({ chatId: s.telegramChatId, text: notice, parseMode: "HTML", kind: "delivery.unreachable", createdAt: now, notBefore: now })),
        });
      }
    });
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
      await recover();
      schedule(0);
    },
    /** Something was enqueued: look now instead of at the next interval. */
    wake() {
      if (stopped) return;
      if (timer) {
        clearTimeout(timer);
        timer = null;
        tick();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
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
    health: () => ({ running: !stopped, sentTotal, lastPassAt }),
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
