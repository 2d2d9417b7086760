// Shared by the follow-up tests: the demo harness plus the follow-up demo data, and a way to run a job
// (or a user action) and collect everything Telegram received meanwhile, the outbox delivered.
import type { SentMessage } from "../../src/emulator/bot-api-server.ts";
import { seedFollowupDemo } from "../../src/seed/demo.ts";
import type { Provider } from "../support/db.ts";
import { DAY, startHarness, type Harness } from "../support/harness.ts";

export async function startFollowupHarness(provider: Provider): Promise<Harness> {
  const h = await startHarness(provider);
  await seedFollowupDemo(h.db.db, { today: DAY, now: h.clock.now() });
  return h;
}

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

/** runs a scheduler job at `now` and returns what it sent */
export async function runJob(h: Harness, name: string, now: Date): Promise<SentMessage[]> {
  h.clock.set(now);
  return collect(h, () => h.app.scheduler.runNow(name));
}

export const chats = (ms: SentMessage[]) => ms.map((m) => m.chat_id).sort((a, b) => a - b);
export const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);
