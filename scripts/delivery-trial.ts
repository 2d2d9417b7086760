// The full-size crash trial: 1,000 private chats and 100 groups, a dispatcher process killed with SIGKILL
// at 30 random moments and restarted each time, against the Bot API emulator enforcing Telegram's limits.
// Prints lost / duplicates (against the rows in flight at the kills) and the time against the ceiling
// (recipients / 30 per second).   npx tsx scripts/delivery-trial.ts [kills=30]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/platform/db/client.ts";
import { migrateDeploy } from "../src/platform/db/migrate.ts";
import { startBotApiEmulator } from "../tools/emulator/bot-api-server.ts";
import { inFlight, kill, remaining, startWorker, tally, waitUntil } from "../test/support/crash.ts";

const KILLS = Number(process.argv[2] ?? 30);
const PRIVATE = 1000;
const GROUPS = 100;
const limits = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

const dir = mkdtempSync(join(tmpdir(), "dondoc-trial-"));
const url = `file:${join(dir, "trial.db")}`;
await migrateDeploy(url);
const database = await openDatabase(url);
const db = database.db;
const emulator = await startBotApiEmulator({ limits });
const recipients = [
  ...Array.from({ length: PRIVATE }, (_, i) => 500_001 + i),
  ...Array.from({ length: GROUPS }, (_, i) => -1_005_001 - i),
];
const now = new Date();
await db.outboxMessage.createMany({
  data: recipients.map((chatId) => ({
    chatId: BigInt(chatId),
    text: `Thông báo cho ${chatId}`,
    kind: "trial",
    notBefore: now,
    createdAt: now,
  })),
});
const env = { DATABASE_URL: url, TELEGRAM_API_ROOT: emulator.apiRoot, BOT_TOKEN: emulator.token, LOG_LEVEL: "silent" };

// kill points: numbers of messages received, spread at random over the run
const points = Array.from({ length: KILLS }, () => Math.floor(Math.random() * recipients.length * 0.95)).sort(
  (a, b) => a - b,
);
const started = Date.now();
let inFlightAtKills = 0;
let restarts = 0;
for (const point of points) {
  const child = await startWorker(env);
  restarts++;
  await waitUntil(async () => emulator.sent.length >= point || (await remaining(db)) === 0, 600_000);
  await kill(child);
  inFlightAtKills += await inFlight(db);
}
const last = await startWorker(env);
await waitUntil(async () => (await remaining(db)) === 0, 600_000);
await kill(last);
const seconds = (Date.now() - started) / 1000;

const { lost, duplicates } = tally(emulator, recipients);
const refused = emulator.calls.filter((c) => c.method === "sendMessage" && c.errorCode === 429).length;
const ceiling = recipients.length / limits.globalPerSecond;
console.log(
  JSON.stringify(
    {
      recipients: recipients.length,
      kills: KILLS,
      starts: restarts + 1,
      lost,
      duplicates,
      inFlightAtKills,
      duplicatesWithinInFlight: duplicates <= inFlightAtKills,
      refused429: refused,
      seconds: Math.round(seconds * 10) / 10,
      ceilingSeconds: Math.round(ceiling * 10) / 10,
      ratio: Math.round((seconds / ceiling) * 100) / 100,
    },
    null,
    2,
  ),
);
await emulator.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
process.exit(lost === 0 && duplicates <= inFlightAtKills ? 0 : 1);
