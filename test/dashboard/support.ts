// The dashboard's tests: the real app (HTTP server on a free port, telegraf, services) on a fresh database
// filled by small factories, the local Bot API emulator, and init data signed as Telegram signs it.
import { createApp, type App } from "../../src/app.ts";
import { createConfig } from "../../src/config.ts";
import { localInstant } from "../../src/domain/dates.ts";
import { foldVietnamese } from "../../src/domain/text.ts";
import { signInitData } from "../../src/features/dashboard/init-data.ts";
import type { Db, Role } from "../../src/platform/db/client.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { startBotApiEmulator, type BotApiEmulator } from "../../tools/emulator/bot-api-server.ts";
import { createTestDatabase, type Provider, type TestDatabase } from "../support/db.ts";
import { TEST_LIMITS } from "../support/harness.ts";

export const TODAY = "2026-11-24"; // a Tuesday
export const MAX_AGE = 3600;
const BILLION = 1_000_000_000n;

export interface DashboardHarness {
  db: TestDatabase;
  emulator: BotApiEmulator;
  clock: ReturnType<typeof fixedClock>;
  app: App;
  /** http://127.0.0.1:<port> */
  base: string;
  /** init data for a Telegram user, signed with the bot token, issued `ageSeconds` ago */
  initData(telegramUserId: number, ageSeconds?: number): string;
  close(): Promise<void>;
}

export async function startDashboard(
  provider: Provider,
  opts: { devLogin?: boolean; failMethods?: string[] } = {},
): Promise<DashboardHarness> {
  const db = await createTestDatabase(provider);
  const clock = fixedClock(localInstant(TODAY, 9 * 60));
  const emulator = await startBotApiEmulator({ botUsername: "dondoc_test_bot", failMethods: opts.failMethods ?? [] });
  const config = createConfig({
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: db.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    PORT: "0",
    DASHBOARD_URL: "https://dondoc.example.vn",
    DASHBOARD_MAX_AGE_SECONDS: String(MAX_AGE),
  });
  const app = await createApp(config, createLogger(config.logLevel), {
    clock,
    cron: false,
    limits: TEST_LIMITS,
    devLogin: opts.devLogin ?? false,
  });
  await app.start();
  return {
    db,
    emulator,
    clock,
    app,
    base: `http://127.0.0.1:${app.httpPort()}`,
    initData: (id, ageSeconds = 0) =>
      signInitData({ id, first_name: "Test" }, emulator.token, Math.floor(clock.now().getTime() / 1000) - ageSeconds),
    async close() {
      await app.stop("test end");
      await emulator.close();
      await db.drop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Factories: just what a test needs

export async function createUnit(db: Db, name: string, kind: "DISTRICT" | "COMMUNE" | "DEPARTMENT" = "DISTRICT") {
  const code = foldVietnamese(name).toUpperCase().replace(/\W+/g, "_");
  return db.unit.create({ data: { code, name, nameKey: foldVietnamese(name), kind } });
}

export async function createOfficial(
  db: Db,
  p: { name: string; telegramUserId: number; unitId?: number | null; roles: { role: Role; unitId: number | null }[] },
) {
  return db.official.create({
    data: {
      fullName: p.name,
      nameKey: foldVietnamese(p.name),
      telegramUserId: BigInt(p.telegramUserId),
      unitId: p.unitId ?? null,
      roles: { create: p.roles.map((r) => ({ ...r, validFrom: new Date("2026-01-01T00:00:00Z") })) },
    },
  });
}

export async function programmeId(db: Db, code: string): Promise<number> {
  return (await db.programme.findUniqueOrThrow({ where: { code } })).id;
}

/** a capital plan (central investment) and, when given, a cumulative report, both in tỷ (tenths allowed) */
export async function createFigures(db: Db, unitId: number, code: string, planTy: number, disbursedTy?: number) {
  const pid = await programmeId(db, code);
  const vnd = (ty: number) => (BigInt(Math.round(ty * 10)) * BILLION) / 10n;
  await db.capitalPlan.create({
    data: { unitId, programmeId: pid, year: 2026, source: "CENTRAL", kind: "INVESTMENT", amountVnd: vnd(planTy) },
  });
  if (disbursedTy !== undefined) {
    await db.disbursementReport.create({
      data: { unitId, programmeId: pid, year: 2026, cumulativeVnd: vnd(disbursedTy), asOf: "2026-11-20" },
    });
  }
}

export async function createTask(
  db: Db,
  t: { unitId: number; responsibleId: number; title: string; dueDate: string; doneOn?: string; programme?: string },
) {
  return db.task.create({
    data: {
      title: t.title,
      unitId: t.unitId,
      responsibleId: t.responsibleId,
      dueDate: t.dueDate,
      ...(t.programme ? { programmeId: await programmeId(db, t.programme) } : {}),
      ...(t.doneOn
        ? { status: "DONE", completedAt: localInstant(t.doneOn, 10 * 60), completedById: t.responsibleId }
        : {}),
    },
  });
}

/**
 * The province of the dashboard tests (24/11/2026):
 *   An Lão: NTM 15,0/20,0 tỷ, GNBV 2,0/10,0 tỷ → 17,0/30,0 = 56,7 %; tasks: 1 overdue (with an obstacle),
 *           1 in term, 1 done late, 1 done on time; a written request past its answer date
 *   Ba Tơ: NTM 9,0/10,0 tỷ → 90,0 %; no task
 *   Cẩm Lệ: no plan
 * People: the secretariat (700001), An Lão's chairman (700002), a supervisor of Ba Tơ and Cẩm Lệ (700003).
 */
export async function seedProvince(db: Db) {
  const anLao = await createUnit(db, "Huyện An Lão");
  const baTo = await createUnit(db, "Huyện Ba Tơ");
  const camLe = await createUnit(db, "Huyện Cẩm Lệ");
  const department = await createUnit(db, "Sở Tài chính", "DEPARTMENT");
  const secretariat = await createOfficial(db, {
    name: "Trần Thị Thu",
    telegramUserId: 700001,
    roles: [{ role: "SECRETARIAT", unitId: null }],
  });
  const chairman = await createOfficial(db, {
    name: "Đinh Văn Hòa",
    telegramUserId: 700002,
    unitId: anLao.id,
    roles: [{ role: "CHAIRMAN", unitId: anLao.id }],
  });
  const supervisor = await createOfficial(db, {
    name: "Lê Văn Hùng",
    telegramUserId: 700003,
    roles: [
      { role: "SUPERVISOR", unitId: baTo.id },
      { role: "SUPERVISOR", unitId: camLe.id },
    ],
  });
  await createFigures(db, anLao.id, "NTM", 20, 15);
  await createFigures(db, anLao.id, "GNBV", 10, 2);
  await createFigures(db, baTo.id, "NTM", 10, 9);
  const base = { unitId: anLao.id, responsibleId: chairman.id };
  const overdue = await createTask(db, {
    ...base,
    title: "Giải phóng mặt bằng đường ĐH2",
    dueDate: "2026-11-20",
    programme: "NTM",
  });
  await createTask(db, { ...base, title: "Báo cáo quý IV", dueDate: "2026-12-01" });
  await createTask(db, { ...base, title: "Rà soát hộ nghèo", dueDate: "2026-11-10", doneOn: "2026-11-12" });
  await createTask(db, { ...base, title: "Kế hoạch vốn 2027", dueDate: "2026-11-15", doneOn: "2026-11-14" });
  await db.obstacle.create({
    data: {
      taskId: overdue.id,
      reason: "Chưa thống nhất giá đền bù",
      openedById: chairman.id,
      createdAt: localInstant("2026-11-21", 600),
    },
  });
  await db.writtenRequest.create({
    data: {
      unitId: anLao.id,
      departmentUnitId: department.id,
      docNo: "123/UBND",
      sentOn: "2026-11-05",
      subject: "Xin ý kiến điều chỉnh dự án",
      dueOn: "2026-11-16",
    },
  });
  return { anLao, baTo, camLe, secretariat, chairman, supervisor, overdueTaskId: overdue.id };
}
