// `npm run demo`: one working day of dondoc, offline. Migrates and seeds a fresh SQLite database, starts
// the bot against a local Bot API emulator on loopback, plays the day and prints the conversation.
// Exits non-zero when the day did not go as it should (so CI notices).
// `npm run demo -- --dashboard`: afterwards the bot keeps running with the dashboard on http://127.0.0.1:8080/app/
// (PORT to change it) and a development login per person (it works only with this local Bot API emulator).
import { rmSync } from "node:fs";
import { createApp } from "../src/app.ts";
import { createConfig } from "../src/config.ts";
import { openDatabase } from "../src/platform/db/client.ts";
import { migrateDeploy } from "../src/platform/db/migrate.ts";
import { localInstant } from "../src/domain/dates.ts";
import { createLogger } from "../src/platform/logger.ts";
import { fixedClock } from "../src/platform/clock.ts";
import { DEMO, seedDemo, seedDirectiveDemo } from "../src/platform/db/seed/demo.ts";
import { startBotApiEmulator, type EmulatorChat, type EmulatorUser } from "../tools/emulator/bot-api-server.ts";
import { createTranscript } from "./lib/transcript.ts";

const DEMO_DAY = "2026-11-24"; // a Tuesday
const DB_FILE = "data/demo.db";
const at = (hh: number, mm: number) => localInstant(DEMO_DAY, hh * 60 + mm);

for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
const databaseUrl = `file:./${DB_FILE}`;
process.stdout.write("Chuẩn bị cơ sở dữ liệu demo (SQLite) / preparing the demo database…\n");
await migrateDeploy(databaseUrl);
const clock = fixedClock(at(7, 40));
{
  const { db, close } = await openDatabase(databaseUrl);
  await seedDemo(db, { today: DEMO_DAY, now: clock.now() });
  await seedDirectiveDemo(db, { today: DEMO_DAY, now: clock.now() });
  await close();
}

const dashboard = process.argv.includes("--dashboard");
const dashboardPort = process.env.PORT ?? "8080";
const emulator = await startBotApiEmulator({ botUsername: "dondoc_demo_bot" });
const config = createConfig({
  ...(dashboard ? { PORT: dashboardPort, DASHBOARD_URL: `http://127.0.0.1:${dashboardPort}` } : {}),
  BOT_TOKEN: emulator.token,
  TELEGRAM_API_ROOT: emulator.apiRoot,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});
const app = await createApp(config, createLogger(config.logLevel), { clock, cron: false, devLogin: dashboard });
await app.start();

const user = (p: { id: number; name: string }, lang = "vi"): EmulatorUser => ({
  id: p.id,
  first_name: p.name,
  language_code: lang,
});
const group = (g: { id: number; title: string }): EmulatorChat => ({ id: g.id, type: "supergroup", title: g.title });
const privateChat = (p: { id: number; name: string }): EmulatorChat => ({
  id: p.id,
  type: "private",
  first_name: p.name,
});
const chairman = user(DEMO.chairman);
const official = user(DEMO.official);
const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);

const people = [
  DEMO.secretariat,
  DEMO.secretariatEn,
  DEMO.supervisor,
  DEMO.chairman,
  DEMO.partySecretary,
  DEMO.official,
  DEMO.official2,
  DEMO.bacTraMyChairman,
  DEMO.bacTraMyOfficial,
];
const transcript = createTranscript({
  emulator,
  clock,
  chats: [
    namTraMy,
    secretariatGroup,
    group(DEMO.groups.bacTraMy),
    ...people.map((p) => ({ ...privateChat(p), title: `riêng: ${p.name}` })),
  ],
});
const problems: string[] = [];
const expect = (ok: boolean, what: string) => {
  if (!ok) problems.push(what);
};

try {
  transcript.heading(`Một ngày làm việc với dondoc — ${DEMO_DAY.split("-").reverse().join("/")}`);

  // 1. The chairman asks where his district stands.
  let replies = await transcript.say(chairman, namTraMy, "/tinhhinh");
  expect(
    replies.some((m) => m.text.includes("Nam Trà My") && m.text.includes("NTM")),
    "/status answers for Nam Trà My",
  );
  expect(
    replies.some((m) => /lũy kế đến \d\d\/\d\d/.test(m.text) && /cần đạt \d+%/.test(m.text)),
    "/status dates its figures and names the milestone's target",
  );
  expect(
    replies.some((m) => m.text.includes("ngày làm việc")),
    "/status counts working days left",
  );

  // 1b. The official reports the central budget's figure apart: /tinhhinh judges vốn TW and shows vốn ĐP beside it.
  replies = await transcript.say(official, namTraMy, "/baocao NTM 40 tỷ vốn TW");
  expect(
    replies.some((m) => m.text.includes("kế hoạch vốn TW")),
    "/baocao of vốn TW gives the rate of the vốn TW plan",
  );
  replies = await transcript.say(chairman, namTraMy, "/tinhhinh");
  expect(
    replies.some((m) => m.text.includes("NTM</b> · vốn TW:") && m.text.includes("vốn ĐP: chưa báo cáo riêng")),
    "/status keeps vốn TW and vốn ĐP apart once reported apart",
  );

  // 2. The morning deadline check.
  clock.set(at(8, 0));
  transcript.event("Kiểm tra hạn buổi sáng (deadline check)");
  const before = emulator.sent.length;
  await app.scheduler.runNow("deadline-check");
  await app.dispatcher.drain();
  const reminders = transcript.printSentSince(before);
  const groupReminder = reminders.find(
    (m) => m.chat_id === namTraMy.id && m.text.includes("Nộp báo cáo tiến độ giải ngân"),
  );
  expect(!!groupReminder, "a reminder is posted in the Nam Trà My group");
  expect(
    !!groupReminder?.text.includes("Tổng hợp nhắc việc") && !!groupReminder.text.includes("2. «"),
    "the group, told of two tasks, gets one digest (one message per chat per check)",
  );
  expect(
    new Set(reminders.map((m) => m.chat_id)).size === reminders.length,
    "no chat gets two messages from one check",
  );
  expect(
    reminders.some((m) => m.chat_id === DEMO.official.id),
    "the responsible official gets a private reminder",
  );
  expect(
    reminders.some((m) => m.chat_id === DEMO.chairman.id),
    "the chairman is told of an overdue task",
  );
  expect(
    reminders.some((m) => m.chat_id === secretariatGroup.id),
    "the secretariat is told of a task 3 working days overdue",
  );

  // 3. The official replies "xong" to the group's digest: his only item in it.
  clock.set(at(8, 25));
  if (groupReminder) {
    replies = await transcript.say(official, namTraMy, "xong, đã nộp báo cáo", groupReminder.message_id);
    expect(
      replies.some((m) => m.text.includes("Đã ghi nhận")),
      "the completion is confirmed",
    );
  }

  // 4. The chairman asks again: the task is done.
  clock.set(at(8, 40));
  replies = await transcript.say(chairman, namTraMy, "/status");
  expect(
    replies.some((m) => m.text.includes("Hôm nay đã hoàn thành")),
    "/status shows the completed task",
  );

  // 5. A second tick sends nothing twice.
  clock.set(at(9, 0));
  const beforeSecond = emulator.sent.length;
  await app.scheduler.runNow("deadline-check");
  await app.dispatcher.drain();
  expect(emulator.sent.length === beforeSecond, "a second deadline check sends nothing twice");
  transcript.event("Kiểm tra hạn lần hai: không gửi lặp (second check: nothing sent twice)");

  // 6. The secretariat looks at the province; an English-speaking colleague asks in private.
  replies = await transcript.say(user(DEMO.secretariat), secretariatGroup, "/tinhhinh");
  expect(
    replies.some((m) => m.text.includes("Toàn tỉnh") && m.text.includes("Bình quân toàn tỉnh")),
    "the secretariat gets the province table with the average",
  );
  replies = await transcript.say(user(DEMO.secretariat), secretariatGroup, "/ketluan");
  expect(
    replies.some((m) => m.text.includes("Mục 2") && m.text.includes("quá hạn chưa hoàn thành")),
    "/ketluan shows the conclusion's progress by item",
  );
  replies = await transcript.say(user(DEMO.secretariatEn, "en"), privateChat(DEMO.secretariatEn), "/status");
  expect(
    replies.some((m) => m.text.includes("Province")),
    "English replies for an English-speaking official",
  );
  if (dashboard && problems.length === 0) await serveDashboard();
} finally {
  await app.stop("demo finished");
  await emulator.close();
}

/** Keeps the bot running and prints a development login per person, until Ctrl-C. */
async function serveDashboard() {
  const base = `http://127.0.0.1:${app.httpPort()}`;
  const who = [DEMO.secretariat, DEMO.supervisor, DEMO.chairman, DEMO.bacTraMyChairman, DEMO.official];
  process.stdout.write(
    `\nBảng theo dõi / dashboard (đăng nhập thử, chỉ với Bot API giả lập / development login, local emulator only):\n` +
      who.map((p) => `  ${p.name.padEnd(18)} ${base}/app/dev?as=${p.id}`).join("\n") +
      "\nCtrl-C để dừng / to stop.\n",
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

if (problems.length) {
  process.stderr.write(`\nDemo KHÔNG đạt / demo FAILED:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
  process.exit(1);
}
process.stdout.write("\nDemo hoàn tất / demo complete.\n");
