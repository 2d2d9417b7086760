// How updates come in: our own long-polling loop, or the webhook (src/platform/http/server.ts), both through
// handle(). An update that failed because the database was unavailable (NotHandled, src/platform/telegram/errors.ts) is
// tried again a few times in place; if the database is still away it is left unconfirmed, and Telegram
// delivers it again: polling keeps its offset, a webhook answers 500. Nothing is confirmed unhandled, and
// the once-record (src/platform/telegram/update-log.ts) keeps a repeat from having a second effect.
//
// Our loop rather than telegraf's launch(): telegraf confirms a batch whatever happened to its updates, and
// its loop ends for good when an error escapes a handler, while the process stays up.
import type { Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import type { Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";
import { NotHandled } from "./errors.ts";

/** Pauses before an update is tried again in place (about 3.5 s in all). */
const RETRY_DELAYS_MS = [500, 1000, 2000];
/** Long-poll timeout (s) of getUpdates: Telegram answers at the latest after it. */
const POLL_TIMEOUT_S = 50;
/** Polling is healthy while a batch was fetched and all of it handled within this; a webhook while no
 * update has been failing for longer. */
export const STALL_MS = (POLL_TIMEOUT_S + 40) * 1000;
const MAX_BACKOFF_MS = 30_000;

export interface ReceiverHealth {
  ok: boolean;
  mode: "polling" | "webhook";
  lastPollAt: string | null;
  failingSince: string | null;
}

export interface ReceiverOptions {
  retryDelaysMs?: number[];
  allowedUpdates: readonly string[];
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

export function createUpdateReceiver(bot: Telegraf<BotContext>, logger: Logger, options: ReceiverOptions) {
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let failingSince: number | null = null;
  let lastPollAt: number | null = null;
  let mode: "polling" | "webhook" = "webhook";
  let loop: { abort: AbortController; done: Promise<void> } | null = null;

  /** Handles one update; rejects with NotHandled when it must be delivered again. */
  async function handle(update: Update): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await bot.handleUpdate(update);
        failingSince = null;
        return;
      } catch (error) {
        if (!(error instanceof NotHandled) || attempt >= delays.length) {
          failingSince ??= Date.now();
          throw error;
        }
        await sleep(delays[attempt]!);
      }
    }
  }

  async function poll(signal: AbortSignal): Promise<void> {
    let offset = 0;
    let backoff = 0;
    const pause = async () => {
      backoff = Math.min(MAX_BACKOFF_MS, Math.max(1000, backoff * 2));
      await sleep(backoff, signal);
    };
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = (await bot.telegram.callApi(
          "getUpdates",
          { offset, timeout: POLL_TIMEOUT_S, allowed_updates: [...options.allowedUpdates] as never },
          { signal: signal as never },
        )) as Update[];
      } catch (error) {
        if (signal.aborted) break;
        logger.error({ err: error }, "getUpdates failed: polling again shortly");
        await pause();
        continue;
      }
      const results = await Promise.allSettled(updates.map(handle));
      // confirm up to the first update not handled: it and those after it come again (the handled ones
      // are then skipped by their once-record)
      const failed = results.findIndex((r) => r.status === "rejected");
      if (failed === -1) {
        if (updates.length > 0) offset = updates[updates.length - 1]!.update_id + 1;
        lastPollAt = Date.now();
        backoff = 0;
        continue;
      }
      offset = updates[failed]!.update_id;
      logger.warn(
        { updateId: offset, err: (results[failed] as PromiseRejectedResult).reason },
        "update not handled: asking for it again",
      );
      await pause();
    }
  }

  return {
    handle,
    /** Starts long polling (after removing any webhook, which would make getUpdates fail). */
    async startPolling(): Promise<void> {
      mode = "polling";
      await bot.telegram.deleteWebhook({ drop_pending_updates: false });
      lastPollAt = Date.now();
      const abort = new AbortController();
      loop = { abort, done: poll(abort.signal) };
    },
    async stopPolling(): Promise<void> {
      loop?.abort.abort();
      await loop?.done;
      loop = null;
    },
    health(now = Date.now()): ReceiverHealth {
      const polling = mode === "polling";
      const stalled = polling
        ? lastPollAt === null || now - lastPollAt > STALL_MS
        : failingSince !== null && now - failingSince > STALL_MS;
      return {
        ok: !stalled,
        mode,
        lastPollAt: lastPollAt === null ? null : new Date(lastPollAt).toISOString(),
        failingSince: failingSince === null ? null : new Date(failingSince).toISOString(),
      };
    },
  };
}

export type UpdateReceiver = ReturnType<typeof createUpdateReceiver>;
