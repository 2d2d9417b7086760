// Profiling aid: the real app on a copy of a data set, N unit /status requests, sequential or as one burst.
//   node --import tsx --cpu-prof --cpu-prof-dir=bench-results/profiles scripts/bench/profile-status.ts [scale]
// [sqlite|postgres] [n] [sequential|burst]
import { copyDataset, ensureDataset, type Provider, type Scale } from "./dataset.ts";
import { burstThroughput, startRealApp, trackReplies, type Sender } from "./e2e.ts";

const scale = (process.argv[2] ?? "national") as Scale;
const provider = (process.argv[3] ?? "sqlite") as Provider;
const n = Number(process.argv[4] ?? 200);
const mode = process.argv[5] ?? "sequential";
const ds = await ensureDataset(scale, provider);
const copy = await copyDataset(ds, `prof_${provider}`);
const bot = await startRealApp(copy.url);
const senders: Sender[] = ds.probe.unitGroups.map((g) => ({
  chat: { id: g.chatId, type: "supergroup", title: g.title },
  from: { id: g.userId, first_name: g.name },
}));
try {
  if (mode === "burst") {
    await burstThroughput(bot, senders, 300); // warm-up
    console.log(JSON.stringify(await burstThroughput(bot, senders, n)));
  } else {
    const tracker = trackReplies(bot.emulator);
    const lat: number[] = [];
    for (let i = 0; i < n; i++) lat.push(await tracker.ask(senders[i % senders.length]!, "/status"));
    lat.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        n,
        p50: lat[Math.floor(n / 2)],
        p99: lat[Math.floor(n * 0.99)],
        sample: bot.emulator.sent.at(-1)?.text.slice(0, 300),
      }),
    );
  }
} finally {
  await bot.stop();
  await copy.drop();
}
