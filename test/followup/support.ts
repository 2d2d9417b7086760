// Shared by the follow-up tests: the demo harness plus the follow-up demo data, and a way to run a job
// (or a user action) and collect everything Telegram received meanwhile, the outbox delivered.
import type { SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { collect } from "../support/collect.ts";
import type { Provider } from "../support/db.ts";
import { startHarness, type Harness } from "../support/harness.ts";

export async function startFollowupHarness(provider: Provider): Promise<Harness> {
  return startHarness(provider, { followup: true });
}

export { chats, collect, sorted } from "../support/collect.ts";

/** runs a scheduler job at `now` and returns what it sent */
export async function runJob(h: Harness, name: string, now: Date): Promise<SentMessage[]> {
  h.clock.set(now);
  return collect(h, () => h.app.scheduler.runNow(name));
}
