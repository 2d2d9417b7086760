// Profiling aid for A/B comparisons: only the /status latency and throughput part of the benchmark (the app
// and the echo bot side by side on a copy of the national data set, as `npm run bench` measures them), in
// about two minutes. Run it alternately in two checkouts (the code before and after a change) and compare
// the lines; one run is not enough on a shared machine (docs/benchmarks.md, "Noise").
//   node --import tsx scripts/bench/paired.ts [sqlite|postgres] [label]
import { copyDataset, ensureDataset, type Provider } from "./dataset.ts";
import { sideBySide, startEchoBot, startRealApp, type Sender } from "./e2e.ts";

const provider = (process.argv[2] ?? "postgres") as Provider;
const label = process.argv[3] ?? "run";
const ds = await ensureDataset("national", provider);
const copy = await copyDataset(ds, `paired_${provider}`);
const app = await startRealApp(copy.url);
const echo = await startEchoBot();
const senders: Sender[] = ds.probe.unitGroups.map((g) => ({
  chat: { id: g.chatId, type: "supergroup", title: g.title },
  from: { id: g.userId, first_name: g.name, language_code: "vi" },
}));
try {
  const r = await sideBySide({ app, echo }, senders, { rate: 20, seconds: 60, rounds: 10, warmup: 30, burst: 1500 });
  const [a, e] = [r.app.latency, r.echo.latency];
  const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100;
  console.log(
    label,
    provider,
    JSON.stringify({
      appP50: a.p50Ms,
      appP99: a.p99Ms,
      echoP50: e.p50Ms,
      echoP99: e.p99Ms,
      p99Ratio: ratio(a.p99Ms, e.p99Ms),
      throughputRatio: ratio(r.app.burst.perSecond, r.echo.burst.perSecond),
    }),
  );
} finally {
  await app.stop();
  await echo.stop();
  await copy.drop();
}
