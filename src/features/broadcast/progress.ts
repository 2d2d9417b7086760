// Runs after each dispatcher pass: edits each broadcast's progress message ("đã gửi 120/350") when the
// count moved, and once nothing is left in flight writes the delivery report (through the outbox).
import type { Logger } from "../../platform/logger.ts";
import { systemTicker, type Clock, type Ticker } from "../../platform/clock.ts";
import type { BroadcastService } from "./broadcast.ts";
import type { Messages } from "../../i18n/index.ts";
import { classifySendError } from "../../platform/outbox/classify.ts";
import type { CallApi } from "../../platform/outbox/dispatcher.ts";
import type { Limiter } from "../../platform/outbox/limiter.ts";

export function createBroadcastProgress(deps: {
  broadcasts: BroadcastService;
  callApi: CallApi;
  limiter: Limiter;
  clock: Clock;
  /** the limiter's time (default: the system's) */
  ticker?: Ticker;
  logger: Logger;
  /** renders the progress line and the delivery report (the composition root passes `catalogue`) */
  messages: Messages<"broadcast">;
}) {
  const shown = new Map<number, number>();
  const ticks = deps.ticker ?? systemTicker;
  return async function afterPass(): Promise<void> {
    for (const b of await deps.broadcasts.progress()) {
      const t = deps.messages(b.language).broadcast;
      if (b.open === 0) {
        await deps.broadcasts.finish(b.id, deps.clock.now(), t.report);
        shown.delete(b.id);
      }
      if (b.progressMessageId === null || b.sent === 0 || shown.get(b.id) === b.sent) continue;
      // a progress edit is a request like any other: it waits its turn under the chat's limits
      if (deps.limiter.waitMs(b.chatId, ticks.now()) > 0) continue;
      const slot = deps.limiter.take(b.chatId, ticks.now());
      try {
        await deps.callApi(
          "editMessageText",
          {
            chat_id: b.chatId.toString(),
            message_id: Number(b.progressMessageId),
            text: t.progress(b.sent, b.total),
            parse_mode: "HTML",
          },
          AbortSignal.timeout(15_000),
        );
        shown.set(b.id, b.sent);
      } catch (error) {
        const outcome = classifySendError(error);
        if (outcome.kind === "retry-after") deps.limiter.tooMany(b.chatId, outcome.ms, ticks.now());
        deps.logger.warn({ err: error, broadcastId: b.id }, "could not edit the broadcast progress");
      } finally {
        slot.settle(ticks.now());
      }
    }
  };
}
