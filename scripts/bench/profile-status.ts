// Profiling aid: the real app on a copy of a data set, N sequential unit /status requests.
//   node --import tsx --cpu-prof --cpu-prof-dir=bench-results/profiles scripts/bench/profile-status.ts [scale] [sqlite|postgres] [n]
import { copyDataset, ensureDataset, type Provider, type Scale } from "./dataset.ts";
import { startRealApp, trackReplies } from "./e2e.ts";

const scale = (process.argv[2] ?? "national") as Scale;
const provider = (process.argv[3] ?? "sqlite") as Provider;
const n = Number(process.argv[4] ?? 200);
const ds = await ensureDataset(scale, provider);
const copy = await copyDataset(ds, `prof_${provider}`);
const bot = await startRealApp(copy.url);
const tracker = trackReplies(bot.emulator);
const lat: number[] = [];
try {
  for (let i = 0; i < n; i++) {
    const g = ds.probe.unitGroups[i % ds.probe.unitGroups.length]!;
    lat.push(await tracker.ask({ chat: { id: g.chatId, type: "supergroup", title: g.title }, from: { id: g.userId, first_name: g.name } }, "/status"));
  }
} finally {
  await bot.stop();
  await copy.drop();
}
lat.sort((a, b) => a - b);
console.log(JSON.stringify({ n, p50: lat[Math.floor(n / 2)], p99: lat[Math.floor(n * 0.99)], sample: bot.emulator.sent.at(-1)?.text.slice(0, 300) }));
