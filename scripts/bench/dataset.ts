// National-scale data set for the benchmarks: 3,321 communes × 3 programmes, 50,000 officials, five years
// of monthly disbursement reports, 200,000 tasks (most done, some open around "today", some overdue), and
// the reminders yesterday's deadline check wrote (so today's scan does one day's work, not a backlog).
// Databases are built with the real migrations (migrateDeploy), then filled with raw multi-row inserts.
// Built once per (scale, provider, generator parameters): a SQLite file under data/bench/, a PostgreSQL
// database named dondoc_bench_<scale>_<hash>. Benchmarks work on throw-away copies of them.
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { migrateDeploy } from "../../src/platform/db/migrate.ts";
import { createWorkCalendar } from "../../src/domain/calendar.ts";
import { addDays, localInstant } from "../../src/domain/dates.ts";
import { VIETNAM_CALENDAR_2023_2027 } from "../../src/domain/holidays.ts";
import { currentRung, DEFAULT_LADDER } from "../../src/domain/ladder.ts";
import { foldVietnamese } from "../../src/domain/text.ts";
import { PROGRAMMES } from "../../src/platform/db/seed/demo.ts";

export type Scale = "national" | "tenth" | "hundredth";
export type Provider = "sqlite" | "postgres";

export const SCALES: Record<Scale, number> = { national: 1, tenth: 0.1, hundredth: 0.01 };

/** The benchmark's "today": a Tuesday, a working day. */
export const BENCH_DAY = "2026-11-24";
export const at = (hh: number, mm: number, day = BENCH_DAY) => localInstant(day, hh * 60 + mm);

const ROOT = new URL("../..", import.meta.url).pathname;
export const BENCH_DIR = join(ROOT, "data", "bench");
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Bump when the generator's output changes in a way the parameters below do not capture. */
const GENERATOR_VERSION = 3;

export interface DatasetParams {
  units: number;
  programmes: number;
  officials: number;
  years: number;
  tasks: number;
  /** shares of the tasks */
  openNearToday: number;
  overdue: number;
  today: string;
}

export function paramsFor(scale: Scale): DatasetParams {
  const f = SCALES[scale];
  return {
    units: Math.max(10, Math.round(3321 * f)),
    programmes: 3,
    officials: Math.max(150, Math.round(50_000 * f)),
    years: 5,
    tasks: Math.max(500, Math.round(200_000 * f)),
    openNearToday: 0.1,
    overdue: 0.03,
    today: BENCH_DAY,
  };
}

export interface Dataset {
  scale: Scale;
  provider: Provider;
  params: DatasetParams;
  /** the cached, pristine database: copy it, do not write to it */
  url: string;
  counts: Record<string, number>;
  builtNow: boolean;
  buildMs: number;
  /** a chat (unit group) and a member who may ask /status there */
  probe: { unitGroups: { chatId: number; title: string; userId: number; name: string }[] };
}

function hashOf(params: DatasetParams, provider: Provider): string {
  const h = createHash("sha256");
  h.update(JSON.stringify({ params, GENERATOR_VERSION, provider }));
  const dir = join(ROOT, "prisma", provider, "migrations");
  for (const m of readdirSync(dir).sort()) {
    const f = join(dir, m, "migration.sql");
    if (existsSync(f)) h.update(readFileSync(f));
  }
  return h.digest("hex").slice(0, 10);
}

// --- deterministic generation --------------------------------------------------------------------

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = unknown[];
interface Table {
  name: string;
  columns: string[];
  rows: Iterable<Row>;
}

const FIRST = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
];
const MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Đức", "Thanh", "Ngọc", "Quang"];
const LAST = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hà",
  "Hải",
  "Hùng",
  "Lan",
  "Linh",
  "Mai",
  "Nam",
  "Phúc",
  "Sơn",
  "Tâm",
  "Thu",
  "Trang",
  "Tuấn",
  "Yến",
];
const TITLES = [
  "Nộp báo cáo tiến độ giải ngân tháng",
  "Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn",
  "Báo cáo vướng mắc dự án nước sinh hoạt",
  "Phê duyệt danh mục dự án",
  "Tổng hợp số liệu hộ nghèo",
  "Nghiệm thu công trình đường giao thông nông thôn",
];

/** Telegram ids of the data set: officials are 5,000,000 + id, unit groups −(2,000,000,000 + unit id). */
export const officialTelegramId = (officialId: number) => 5_000_000 + officialId;
export const unitGroupId = (unitId: number) => -(2_000_000_000 + unitId);
export const SECRETARIAT_GROUP_ID = -1_999_999_999;

function generate(p: DatasetParams): { tables: Table[]; counts: Record<string, number>; probe: Dataset["probe"] } {
  const rand = prng(20261124);
  const now = at(7, 0);
  const created = at(7, 0, "2021-01-04");
  const cal = createWorkCalendar(VIETNAM_CALENDAR_2023_2027);
  const year = Number(p.today.slice(0, 4));
  const name = (i: number) =>
    `${FIRST[i % FIRST.length]} ${MIDDLE[(i >> 4) % MIDDLE.length]} ${LAST[(i * 7) % LAST.length]}`;

  // units: the coordination office (id 1), then the communes (ids 2..)
  const unitIds = Array.from({ length: p.units }, (_, i) => i + 2);
  const units: Row[] = [[1, "VPDP", "Văn phòng Điều phối", "van phong dieu phoi", "OFFICE", null, true, created]];
  for (const id of unitIds) {
    const n = `Xã Số ${id - 1}`;
    units.push([id, `XA_${id - 1}`, n, foldVietnamese(n), "COMMUNE", null, true, created]);
  }
  const programmes: Row[] = PROGRAMMES.slice(0, p.programmes).map(([code, n, en], i) => [
    i + 1,
    code,
    n,
    en,
    foldVietnamese(n),
    i,
  ]);
  const programmeIds = programmes.map((r) => r[0] as number);

  // officials: three secretariat officials in the office, the rest spread over the communes
  const officials: Row[] = [];
  const roles: Row[] = [];
  const chats: Row[] = [];
  const membersOf = new Map<number, number[]>();
  let roleId = 0;
  for (let id = 1; id <= p.officials; id++) {
    const unitId = id <= 3 ? 1 : (unitIds[(id - 4) % unitIds.length] as number);
    const started = id <= 3 || rand() < 0.9;
    const fullName = name(id);
    officials.push([
      id,
      fullName,
      foldVietnamese(fullName),
      "Chuyên viên",
      unitId,
      officialTelegramId(id),
      "vi",
      true,
      started ? now : null,
      created,
      created,
    ]);
    if (started)
      chats.push([officialTelegramId(id), "PRIVATE", fullName, null, false, "ACTIVE", null, created, created]);
    const members = membersOf.get(unitId) ?? [];
    members.push(id);
    membersOf.set(unitId, members);
    let role: string;
    if (unitId === 1) role = "SECRETARIAT";
    else if (members.length === 1) role = "CHAIRMAN";
    else if (members.length === 2) role = "PARTY_SECRETARY";
    else role = "RESPONSIBLE";
    roles.push([++roleId, id, role, unitId === 1 ? null : unitId, new Date(0), null]);
  }
  // supervisors: provincial leaders each following ten communes (officials of the office)
  for (let i = 0; i < unitIds.length; i += 10) {
    for (const u of unitIds.slice(i, i + 10))
      roles.push([++roleId, 1 + ((i / 10) % 3), "SUPERVISOR", u, new Date(0), null]);
  }
  chats.push([SECRETARIAT_GROUP_ID, "SUPERGROUP", "Văn phòng điều phối", null, true, "ACTIVE", now, created, created]);
  for (const u of unitIds)
    chats.push([unitGroupId(u), "SUPERGROUP", `UBND Xã Số ${u - 1}`, u, false, "ACTIVE", now, created, created]);
  const chatRows: Row[] = chats.map((c, i) => [i + 1, ...c]);

  const responsibilities: Row[] = [];
  for (const u of unitIds) {
    const members = membersOf.get(u) ?? [];
    programmeIds.forEach((pid, k) => {
      const who = members[2 + (k % Math.max(1, members.length - 2))] ?? members[0];
      if (who !== undefined) responsibilities.push([responsibilities.length + 1, who, u, pid, "", new Date(0), null]);
    });
  }

  // capital plans and monthly cumulative disbursement reports, five years
  const plans: Row[] = [];
  const reports: Row[] = [];
  const currentMonth = Number(p.today.slice(5, 7));
  for (let y = year - p.years + 1; y <= year; y++) {
    for (const u of unitIds) {
      for (const pid of programmeIds) {
        const central = BigInt(2 + Math.floor(rand() * 30)) * 1_000_000_000n;
        const lines: [string, string, bigint][] = [
          ["CENTRAL", "INVESTMENT", central],
          ["CENTRAL", "RECURRENT", central / 4n],
          ["LOCAL", "INVESTMENT", central / 10n],
        ];
        let total = 0n;
        for (const [source, kind, amount] of lines) {
          total += amount;
          plans.push([plans.length + 1, u, pid, y, source, kind, amount, `${100 + u}/QĐ-UBND`, `${y}-01-15`, created]);
        }
        const share = 0.3 + rand() * 0.7;
        const months = y === year ? currentMonth - 1 : 12;
        for (let m = 1; m <= months; m++) {
          const asOf = `${y}-${String(m).padStart(2, "0")}-25`;
          const cumulative =
            ((BigInt(Math.round(((share * m) / 12) * 1000)) * total) / 1000n / 1_000_000n) * 1_000_000n;
          reports.push([
            reports.length + 1,
            u,
            pid,
            y,
            null,
            null,
            cumulative,
            asOf,
            null,
            false,
            "",
            localInstant(asOf, 9 * 60),
          ]);
        }
      }
    }
  }
  const milestones: Row[] = [
    [1, year, null, null, `${year}-06-30`, 3000, "30/6"],
    [2, year, null, null, `${year}-09-30`, 6000, "30/9"],
    [3, year, null, null, `${year}-12-31`, 9500, "31/12"],
  ];

  // tasks: most done over five years, some open with due dates around today, some overdue
  const tasks: Row[] = [];
  const reminders: Row[] = [];
  const yesterday = cal.addWorkingDays(p.today, -1);
  const yesterdayAt = at(8, 0, yesterday);
  const counts = { open: 0, overdue: 0, done: 0 };
  for (let id = 1; id <= p.tasks; id++) {
    const u = unitIds[Math.floor(rand() * unitIds.length)] as number;
    const members = membersOf.get(u) ?? [];
    const responsible = members[Math.floor(rand() * members.length)] ?? 1;
    const programmeId = rand() < 0.1 ? null : (programmeIds[Math.floor(rand() * programmeIds.length)] as number);
    const r = rand();
    let due: string;
    let status = "DONE";
    if (r < p.openNearToday) {
      due = addDays(p.today, -5 + Math.floor(rand() * 36)); // from 5 days ago to a month ahead
      status = "OPEN";
    } else if (r < p.openNearToday + p.overdue) {
      due = addDays(p.today, -60 + Math.floor(rand() * 54)); // 6 to 60 days overdue
      status = "OPEN";
    } else {
      due = addDays(p.today, -5 * 365 + Math.floor(rand() * (5 * 365 - 7)));
    }
    const createdAt = localInstant(addDays(due, -20), 8 * 60);
    const completedAt = status === "DONE" ? localInstant(addDays(due, Math.floor(rand() * 6) - 3), 10 * 60) : null;
    if (status === "OPEN") {
      if (due < p.today) counts.overdue++;
      else counts.open++;
    } else counts.done++;
    tasks.push([
      id,
      TITLES[id % TITLES.length],
      u,
      programmeId,
      responsible,
      due,
      `${1000 + (id % 900)}/UBND`,
      status,
      completedAt,
      completedAt ? responsible : null,
      "",
      null,
      1,
      createdAt,
      completedAt ?? createdAt,
    ]);
    if (status === "OPEN") {
      // what yesterday's deadline check recorded
      const rung = currentRung(due, yesterday, cal, DEFAULT_LADDER);
      if (rung) reminders.push([reminders.length + 1, `task:${id}:${rung}`, id, rung, yesterdayAt]);
    }
  }

  const unitGroups = unitIds.slice(0, 200).map((u) => {
    const who = (membersOf.get(u) ?? [])[0] ?? 1;
    return { chatId: unitGroupId(u), title: `UBND Xã Số ${u - 1}`, userId: officialTelegramId(who), name: name(who) };
  });

  const tables: Table[] = [
    {
      name: "CalendarDay",
      columns: ["date", "kind", "name"],
      rows: VIETNAM_CALENDAR_2023_2027.map((e) => [e.date, e.kind, e.name]),
    },
    {
      name: "Unit",
      columns: ["id", "code", "name", "nameKey", "kind", "parentId", "active", "createdAt"],
      rows: units,
    },
    { name: "Programme", columns: ["id", "code", "name", "nameEn", "nameKey", "sortOrder"], rows: programmes },
    {
      name: "Official",
      columns: [
        "id",
        "fullName",
        "nameKey",
        "title",
        "unitId",
        "telegramUserId",
        "language",
        "active",
        "privateChatAt",
        "createdAt",
        "updatedAt",
      ],
      rows: officials,
    },
    { name: "RoleAssignment", columns: ["id", "officialId", "role", "unitId", "validFrom", "validTo"], rows: roles },
    {
      name: "Responsibility",
      columns: ["id", "officialId", "unitId", "programmeId", "project", "validFrom", "validTo"],
      rows: responsibilities,
    },
    {
      name: "Chat",
      columns: [
        "id",
        "telegramChatId",
        "kind",
        "title",
        "unitId",
        "isSecretariat",
        "status",
        "boundAt",
        "updatedAt",
        "createdAt",
      ],
      rows: chatRows,
    },
    {
      name: "CapitalPlan",
      columns: [
        "id",
        "unitId",
        "programmeId",
        "year",
        "source",
        "kind",
        "amountVnd",
        "decisionNo",
        "decisionDate",
        "updatedAt",
      ],
      rows: plans,
    },
    {
      name: "DisbursementReport",
      columns: [
        "id",
        "unitId",
        "programmeId",
        "year",
        "source",
        "kind",
        "cumulativeVnd",
        "asOf",
        "reportedById",
        "isCorrection",
        "note",
        "createdAt",
      ],
      rows: reports,
    },
    {
      name: "Milestone",
      columns: ["id", "year", "programmeId", "unitId", "dueDate", "targetBp", "label"],
      rows: milestones,
    },
    {
      name: "Task",
      columns: [
        "id",
        "title",
        "unitId",
        "programmeId",
        "responsibleId",
        "dueDate",
        "docRef",
        "status",
        "completedAt",
        "completedById",
        "completionNote",
        "snoozedUntil",
        "createdById",
        "createdAt",
        "updatedAt",
      ],
      rows: tasks,
    },
    { name: "Reminder", columns: ["id", "key", "taskId", "rung", "createdAt"], rows: reminders },
  ];
  const tableCounts = Object.fromEntries(tables.map((t) => [t.name, (t.rows as Row[]).length]));
  return {
    tables,
    counts: { ...tableCounts, tasksOpen: counts.open, tasksOverdue: counts.overdue, tasksDone: counts.done },
    probe: { unitGroups },
  };
}

// --- writing ------------------------------------------------------------------------------------

const sqliteValue = (v: unknown) =>
  v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : v;
const pgValue = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 23) : typeof v === "bigint" ? v.toString() : v;

function fillSqlite(file: string, tables: Table[]): void {
  const db = new Sqlite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  for (const t of tables) {
    const stmt = db.prepare(
      `INSERT INTO "${t.name}" (${t.columns.map((c) => `"${c}"`).join(", ")}) VALUES (${t.columns.map(() => "?").join(", ")})`,
    );
    db.transaction(() => {
      for (const row of t.rows) stmt.run(row.map(sqliteValue));
    })();
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

async function fillPostgres(url: string, tables: Table[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const t of tables) {
      const rows = t.rows as Row[];
      const per = Math.floor(60_000 / t.columns.length);
      const cols = t.columns.map((c) => `"${c}"`).join(", ");
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => {
          const start = values.length;
          for (const v of row) values.push(pgValue(v));
          return `(${row.map((_, j) => `$${start + j + 1}`).join(", ")})`;
        });
        await client.query(`INSERT INTO "${t.name}" (${cols}) VALUES ${tuples.join(", ")}`, values);
      }
      if (t.columns[0] === "id") {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('"${t.name}"', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM "${t.name}")))`,
        );
      }
    }
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

export function pgUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Builds (or finds in the cache) the data set of a scale on a provider. */
export async function ensureDataset(
  scale: Scale,
  provider: Provider,
  log: (s: string) => void = () => {},
): Promise<Dataset> {
  const params = paramsFor(scale);
  const hash = hashOf(params, provider);
  const started = Date.now();
  mkdirSync(BENCH_DIR, { recursive: true });
  const metaFile = join(BENCH_DIR, `${scale}-${provider}-${hash}.json`);
  let generatedMeta: Pick<ReturnType<typeof generate>, "counts" | "probe"> | undefined;
  const generated = () => {
    const g = generate(params);
    generatedMeta = { counts: g.counts, probe: g.probe };
    return g;
  };
  let builtNow = false;
  let url: string;
  if (provider === "sqlite") {
    const file = join(BENCH_DIR, `${scale}-${hash}.db`);
    url = `file:${file}`;
    if (!existsSync(file)) {
      for (const f of readdirSync(BENCH_DIR))
        if (f.startsWith(`${scale}-`) && (/\.db(-wal|-shm|-journal)?$/.test(f) || f.startsWith(`${scale}-sqlite-`)))
          rmSync(join(BENCH_DIR, f), { force: true });
      log(`building the ${scale} data set on SQLite (first run, cached afterwards)…`);
      const tmp = `${file}.building`;
      for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(tmp + s, { force: true });
      await migrateDeploy(`file:${tmp}`);
      fillSqlite(tmp, generated().tables);
      for (const s of ["-wal", "-shm"]) rmSync(tmp + s, { force: true });
      renameSync(tmp, file);
      builtNow = true;
    }
  } else {
    const name = `dondoc_bench_${scale}_${hash}`;
    url = pgUrl(name);
    const exists = await pgAdmin(
      async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1,
    );
    if (!exists) {
      log(`building the ${scale} data set on PostgreSQL (first run, cached afterwards)…`);
      const building = `${name}_building`;
      await pgAdmin(async (c) => {
        const stale = await c.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [
          `dondoc_bench_${scale}_%`,
        ]);
        for (const r of stale.rows as { datname: string }[])
          await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
        await c.query(`CREATE DATABASE "${building}"`);
      });
      await migrateDeploy(pgUrl(building));
      await fillPostgres(pgUrl(building), generated().tables);
      await pgAdmin((c) => c.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`));
      builtNow = true;
    }
  }
  if (!generatedMeta && !existsSync(metaFile)) generated();
  if (generatedMeta) writeFileSync(metaFile, JSON.stringify(generatedMeta));
  const meta =
    generatedMeta ??
    (JSON.parse(readFileSync(metaFile, "utf8")) as Pick<ReturnType<typeof generate>, "counts" | "probe">);
  return {
    scale,
    provider,
    params,
    url,
    counts: meta.counts,
    builtNow,
    buildMs: Date.now() - started,
    probe: meta.probe,
  };
}

/** Runs `use` on a throw-away copy of a data set, dropped afterwards whatever happened. */
export async function onCopy<T>(ds: Dataset, label: string, use: (url: string) => Promise<T>): Promise<T> {
  const copy = await copyDataset(ds, label);
  try {
    return await use(copy.url);
  } finally {
    await copy.drop();
  }
}

/** A throw-away copy of a data set, to write to. */
export async function copyDataset(ds: Dataset, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (ds.provider === "sqlite") {
    const src = ds.url.slice("file:".length);
    const file = join(BENCH_DIR, `run-${label}-${process.pid}.db`);
    for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
    copyFileSync(src, file);
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(file + s, { force: true });
      },
    };
  }
  const template = new URL(ds.url).pathname.slice(1);
  const name = `dondoc_benchrun_${label}_${process.pid}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  await pgAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
  return {
    url: pgUrl(name),
    drop: () => pgAdmin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

/** An empty database built by the migrations (broadcast benchmark). */
export async function emptyDatabase(
  provider: Provider,
  label: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === "sqlite") {
    mkdirSync(BENCH_DIR, { recursive: true });
    const file = join(BENCH_DIR, `empty-${label}-${process.pid}.db`);
    for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
    await migrateDeploy(`file:${file}`);
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(file + s, { force: true });
      },
    };
  }
  const name = `dondoc_benchrun_empty_${label}_${process.pid}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  await pgAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  await migrateDeploy(pgUrl(name));
  return {
    url: pgUrl(name),
    drop: () => pgAdmin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

export function fileSizeMb(url: string): number | null {
  if (!url.startsWith("file:")) return null;
  return Math.round(statSync(url.slice(5)).size / 1e5) / 10;
}
