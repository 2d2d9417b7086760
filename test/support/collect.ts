// Runs an action against the harness, delivers the outbox, and collects what Telegram received meanwhile.
import type { SentMessage } from "../../tools/emulator/bot-api-server.ts";
import type { Harness } from "./harness.ts";

/** runs an action, delivers the outbox, and returns everything Telegram received meanwhile */
export async function collect(h: Harness, action: () => Promise<unknown>): Promise<SentMessage[]> {
  const before = h.emulator.sent.length;
  await action();
  await h.emulator.waitIdle();
  // the dispatcher's own loop may hold a row in flight (SENDING) while drain() sees nothing due: wait for it
  for (let i = 0; i < 400; i++) {
    await h.app.dispatcher.drain();
    const busy = await h.db.db.outboxMessage.count({
      where: { OR: [{ status: "SENDING" }, { status: "PENDING", notBefore: { lte: h.clock.now() } }] },
    });
    if (busy === 0) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  await h.emulator.waitIdle();
  return h.emulator.sent.slice(before);
}

/** the chat ids of the messages, sorted */
export const chats = (ms: SentMessage[]) => ms.map((m) => m.chat_id).sort((a, b) => a - b);
export const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);
