// Everything telegraf sends while handling an update (replies, answers to buttons, documents, photos,
// edits, the error boundary's apology) goes through the process's one limiter, like the outbox: it waits
// for a slot under the bot-wide, per-chat and per-group limits, and a 429 is waited out (retry_after) and
// retried, a bounded number of times, never dropped silently (docs/decisions/006-interactive-rate.md).
// The bot's own client (start-up, polling, the command menu) goes through it too (src/app.ts): a 429 on a
// call that sends nothing is waited out as well. Only the outbox's dispatcher, which paces itself with the
// same limiter and reschedules its rows on a 429, calls Telegram directly.
import { Context, type Telegram } from "telegraf";
import { systemTicker, type Ticker } from "../clock.ts";
import type { Logger } from "../logger.ts";
import { classifySendError } from "./classify.ts";
import type { Limiter, Slot } from "./limiter.ts";
import type { SharedChatWindows } from "./shared-windows.ts";

/** Calls Telegram counts against its sending limits; answers to buttons and inline queries have no chat. */
const COUNTED =
  /^(send(?!ChatAction$)|copyMessages?$|forwardMessages?$|editMessage|stopPoll$|answerCallbackQuery$|answerInlineQuery$)/;

export interface InteractiveDeps {
  limiter: Limiter;
  logger: Logger;
  /** retries after a 429 before the error is thrown (default 3) */
  maxRetries?: number;
  /** at most this much waiting for retry_after in all, per call (default 60 s, telegraf's handler timeout) */
  maxRetryWaitMs?: number;
  /** the limiter's time and waits (default: the system's) */
  ticker?: Ticker;
  /** several instances: the chat's windows counted across them (src/platform/outbox/shared-windows.ts) */
  sharedWindows?: SharedChatWindows;
}

type CallApi = Telegram["callApi"];

export function createInteractiveGate(deps: InteractiveDeps) {
  const { limiter, logger } = deps;
  const maxRetries = deps.maxRetries ?? 3;
  const maxRetryWaitMs = deps.maxRetryWaitMs ?? 60_000;
  const ticks = deps.ticker ?? systemTicker;
  const sleep = (ms: number) => ticks.sleep(ms);

  /** waits for a slot (marked as interactive traffic meanwhile, so the background leaves it the reserve) */
  async function slot(chatId: bigint | null): Promise<Slot> {
    const done = limiter.interactiveWaits();
    try {
      for (;;) {
        for (
          let w = limiter.waitMs(chatId, ticks.now(), "interactive");
          w > 0;
          w = limiter.waitMs(chatId, ticks.now(), "interactive")
        ) {
          await sleep(w);
        }
        // no await between the last check and take(): no other caller can slip in between
        const taken = limiter.take(chatId, ticks.now(), "interactive");
        if (!deps.sharedWindows || chatId === null) return taken;
        // the other instances' sends to this chat: the slot is given back while they fill its window
        const own = limiter.chatCounts(chatId, ticks.now());
        const wait = await deps.sharedWindows.reserve(chatId, { second: own.second - 1, minute: own.minute - 1 });
        if (wait === 0) return taken;
        taken.release();
        await sleep(wait);
      }
    } finally {
      done();
    }
  }

  async function call<T>(method: string, payload: unknown, send: () => Promise<T>): Promise<T> {
    // a call that sends nothing (getUpdates, getChatMember, getFile, setMyCommands) takes no slot, but a 429
    // on it is waited out like any other: Telegram may answer 429 to any call
    const counted = COUNTED.test(method);
    const chatId = counted ? chatOf(payload) : null;
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      const s = counted ? await slot(chatId) : null;
      try {
        const result = await send();
        s?.settle(ticks.now());
        return result;
      } catch (error) {
        s?.settle(ticks.now());
        const outcome = classifySendError(error);
        if (outcome.kind !== "retry-after") throw error;
        const scope = counted ? limiter.tooMany(chatId, outcome.ms, ticks.now()) : "call";
        if (attempt >= maxRetries || waited + outcome.ms > maxRetryWaitMs) {
          logger.warn(
            { method, chatId: chatId?.toString(), attempt, retryAfterMs: outcome.ms },
            "429 from Telegram: giving up after the retries",
          );
          throw error;
        }
        waited += outcome.ms;
        logger.info(
          { method, chatId: chatId?.toString(), retryAfterMs: outcome.ms, scope },
          "429 from Telegram: retrying after retry_after",
        );
        // a counted call's next slot() waits for the pause tooMany() set (this chat's, or everyone's)
        if (!counted) await sleep(outcome.ms);
      }
    }
  }

  /** Routes a Telegram client's calls through the gate (the instance is changed and returned). */
  function wrap<T extends Telegram>(telegram: T): T {
    const original: CallApi = telegram.callApi.bind(telegram);
    telegram.callApi = ((method: string, payload: unknown, opts?: unknown) =>
      call(method, payload, () => original(method as never, payload as never, opts as never))) as CallApi;
    return telegram;
  }

  /**
   * telegraf makes a new Telegram client for every update (Telegraf.handleUpdate): this context class
   * routes that client through the gate, for the handlers and for the error boundary alike.
   */
  function contextType<C extends Context>(): new (...args: ConstructorParameters<typeof Context>) => C {
    return class LimitedContext extends Context {
      constructor(...[update, telegram, botInfo]: ConstructorParameters<typeof Context>) {
        super(update, wrap(telegram), botInfo);
      }
    } as unknown as new (...args: ConstructorParameters<typeof Context>) => C;
  }

  return { call, wrap, contextType };
}

export type InteractiveGate = ReturnType<typeof createInteractiveGate>;

function chatOf(payload: unknown): bigint | null {
  const id = (payload as { chat_id?: unknown } | null)?.chat_id;
  if (typeof id === "number" && Number.isInteger(id)) return BigInt(id);
  if (typeof id === "string" && /^-?\d+$/.test(id)) return BigInt(id);
  return null; // @channelusername, inline messages, answers to buttons: the global limit only
}
