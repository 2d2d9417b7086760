// The only reader of process.env. createConfig(env) is pure: it validates every variable at once and
// reports each bad one by name, in Vietnamese and English.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import cron from "node-cron";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseUrlProblem } from "./platform/db/target.ts";

export const TELEGRAM_DEFAULT_API_ROOT = "https://api.telegram.org";

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM")
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)));

const intFrom = (def: number, min = 0, max = 1_000_000) => z.coerce.number().int().min(min).max(max).default(def);

/** Each variable on its own: every bad one is named, whatever else is wrong. */
const fields = {
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, "123456:ABC…")
    .optional(),
  TELEGRAM_API_ROOT: z.url().default(TELEGRAM_DEFAULT_API_ROOT),
  BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
  WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEBHOOK_PATH: z
    .string()
    .regex(/^\/[\w\-./~]*$/, "/path")
    .optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 of A-Z a-z 0-9 _ -")
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  INSTANCE_ID: z
    .string()
    .regex(/^[\w.:-]{1,100}$/, "1–100 of A-Z a-z 0-9 _ . : -")
    .optional(),
  LEASE_MS: intFrom(30_000, 200, 600_000),
  DATABASE_URL: z
    .string()
    .superRefine((url, ctx) => {
      const problem = databaseUrlProblem(url);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .default(DEFAULT_DATABASE_URL),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LANGUAGE: z.enum(["vi", "en"]).default("vi"),
  OFFICE_HOURS_START: hhmm.default(7 * 60 + 30),
  OFFICE_HOURS_END: hhmm.default(17 * 60),
  REMINDER_DAYS_BEFORE: intFrom(2, 0, 30),
  ESCALATE_CHAIRMAN_AFTER: intFrom(1, 1, 30),
  ESCALATE_LEADERS_AFTER: intFrom(3, 1, 60),
  DEADLINE_CHECK_CRON: z
    .string()
    .refine((s) => cron.validate(s), "cron expression")
    .default("*/15 * * * *"),
  DISPATCH_INTERVAL_MS: intFrom(500, 10, 60_000),
  RATE_GLOBAL_PER_SECOND: intFrom(30, 1, 1000),
  RATE_PER_CHAT_PER_SECOND: intFrom(1, 1, 100),
  RATE_PER_GROUP_PER_MINUTE: intFrom(20, 1, 6000),
  RATE_INTERACTIVE_RESERVE_PER_SECOND: intFrom(5, 0, 999),
  DISBURSEMENT_OVER_PLAN_MARGIN_PERCENT: intFrom(0, 0, 100),
  CHECKIN_WEEKDAY: intFrom(5, 1, 5),
  INVITE_TTL_DAYS: intFrom(7, 1, 365),
  SETUP_TELEGRAM_ID: z
    .string()
    .regex(/^\d{1,20}$/, "a Telegram user id (digits)")
    .transform((s) => BigInt(s))
    .optional(),
  MEETING_NUDGE_DAY: intFrom(20, 1, 28),
  REQUEST_ANSWER_DAYS: intFrom(7, 1, 60),
  DASHBOARD_URL: z.url({ protocol: /^https?$/ }).optional(),
  DASHBOARD_MAX_AGE_SECONDS: intFrom(86_400, 60, 30 * 86_400),
};

type Fields = typeof fields;

/** Every variable the configuration reads (.env.example documents each: test/config/env-example.test.ts). */
export const CONFIG_VARIABLES = Object.keys(fields) as (keyof Fields)[];
type Parsed = { [K in keyof Fields]: z.output<Fields[K]> };

/**
 * The checks between variables, on the variables that parsed (a bad PORT must not hide a missing
 * BOT_TOKEN). `raw` is the cleaned environment, for variables that failed their own check.
 */
function crossChecks(
  env: Partial<Parsed>,
  raw: Record<string, string>,
  problem: (name: string, message: string) => void,
): void {
  const apiRoot = env.TELEGRAM_API_ROOT ?? raw.TELEGRAM_API_ROOT;
  if (
    raw.BOT_TOKEN === undefined &&
    (apiRoot === undefined || apiRoot.replace(/\/+$/, "") === TELEGRAM_DEFAULT_API_ROOT)
  ) {
    problem("BOT_TOKEN", "required for api.telegram.org");
  }
  if ((env.BOT_MODE ?? raw.BOT_MODE) === "webhook") {
    for (const name of ["WEBHOOK_URL", "WEBHOOK_PATH", "WEBHOOK_SECRET"] as const) {
      if (raw[name] === undefined) problem(name, "required when BOT_MODE=webhook");
    }
  }
  if (
    env.OFFICE_HOURS_START !== undefined &&
    env.OFFICE_HOURS_END !== undefined &&
    env.OFFICE_HOURS_END <= env.OFFICE_HOURS_START
  ) {
    problem("OFFICE_HOURS_END", "must be after OFFICE_HOURS_START");
  }
  const global = env.RATE_GLOBAL_PER_SECOND;
  if (
    global !== undefined &&
    env.RATE_INTERACTIVE_RESERVE_PER_SECOND !== undefined &&
    env.RATE_INTERACTIVE_RESERVE_PER_SECOND >= global
  ) {
    problem("RATE_INTERACTIVE_RESERVE_PER_SECOND", "must be below RATE_GLOBAL_PER_SECOND");
  }
}

export type Env = { [K in keyof Fields]?: z.input<Fields[K]> };

export interface Config {
  botToken: string;
  apiRoot: string;
  mode: "polling" | "webhook";
  /** BOT_MODE=webhook: Telegram posts updates to url + path with the secret in a header */
  webhook: { url: string; path: string; secret: string } | null;
  /** the HTTP server (webhook, /healthz); null in polling mode without PORT */
  port: number | null;
  /** this process among several on one PostgreSQL database (leases, outbox claims) */
  instanceId: string;
  /** how long a lease (dispatcher, a job's fire time, an outbox claim) lasts without renewal */
  leaseMs: number;
  databaseUrl: string;
  logLevel: string;
  defaultLanguage: "vi" | "en";
  officeHours: { startMin: number; endMin: number };
  ladder: { daysBefore: number; chairmanAfter: number; escalateAfter: number };
  deadlineCheckCron: string;
  dispatchIntervalMs: number;
  /** Telegram's sending limits the dispatcher and the replies keep under; the replies' reserved share */
  rateLimits: {
    globalPerSecond: number;
    perChatPerSecond: number;
    perGroupPerMinute: number;
    interactiveReservePerSecond: number;
  };
  /** a disbursement report may exceed the plan by at most this many percent */
  disbursement: { overPlanMarginPercent: number; checkinWeekday: number };
  /** how long an activation link (/invite) stays valid */
  inviteTtlDays: number;
  /** the Telegram user who becomes the first secretariat official of an empty registry (his /start) */
  setupTelegramId: bigint | null;
  /** R6 / R5: the day of the month the meeting nudges start; working days a department has to answer */
  followup: { meetingNudgeDay: number; requestAnswerDays: number };
  /**
   * The Mini App (/app/ on the HTTP server): its public base URL (null: no button), and how long a Telegram
   * init data (or login) stays accepted after its auth_date
   */
  dashboard: { url: string | null; maxAgeSeconds: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        "Cấu hình không hợp lệ / Invalid configuration:",
        ...problems.map((p) => `  - ${p}`),
        "Xem .env.example / See .env.example",
      ].join("\n"),
    );
  }
}

/** A token that only a local Bot API accepts, for offline runs without BOT_TOKEN. */
export const OFFLINE_TOKEN = "1000000001:offline-demo-token";

export function createConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""),
  );
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const parsed = (field as z.ZodType).safeParse(cleaned[name]);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(...parsed.error.issues.map((i) => `${name}: ${i.message}`));
  }
  crossChecks(values as Partial<Parsed>, cleaned, (name, message) => problems.push(`${name}: ${message}`));
  if (problems.length > 0) throw new ConfigError(problems);
  const e = values as Parsed;
  return {
    botToken: e.BOT_TOKEN ?? OFFLINE_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    mode: e.BOT_MODE,
    webhook:
      e.BOT_MODE === "webhook" && e.WEBHOOK_URL && e.WEBHOOK_PATH && e.WEBHOOK_SECRET
        ? { url: e.WEBHOOK_URL.replace(/\/+$/, ""), path: e.WEBHOOK_PATH, secret: e.WEBHOOK_SECRET }
        : null,
    port: e.PORT ?? (e.BOT_MODE === "webhook" ? 8080 : null),
    instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`,
    leaseMs: e.LEASE_MS,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    officeHours: { startMin: e.OFFICE_HOURS_START, endMin: e.OFFICE_HOURS_END },
    ladder: {
      daysBefore: e.REMINDER_DAYS_BEFORE,
      chairmanAfter: e.ESCALATE_CHAIRMAN_AFTER,
      escalateAfter: e.ESCALATE_LEADERS_AFTER,
    },
    deadlineCheckCron: e.DEADLINE_CHECK_CRON,
    dispatchIntervalMs: e.DISPATCH_INTERVAL_MS,
    rateLimits: {
      globalPerSecond: e.RATE_GLOBAL_PER_SECOND,
      perChatPerSecond: e.RATE_PER_CHAT_PER_SECOND,
      perGroupPerMinute: e.RATE_PER_GROUP_PER_MINUTE,
      interactiveReservePerSecond: e.RATE_INTERACTIVE_RESERVE_PER_SECOND,
    },
    disbursement: {
      overPlanMarginPercent: e.DISBURSEMENT_OVER_PLAN_MARGIN_PERCENT,
      checkinWeekday: e.CHECKIN_WEEKDAY,
    },
    inviteTtlDays: e.INVITE_TTL_DAYS,
    setupTelegramId: e.SETUP_TELEGRAM_ID ?? null,
    followup: { meetingNudgeDay: e.MEETING_NUDGE_DAY, requestAnswerDays: e.REQUEST_ANSWER_DAYS },
    dashboard: { url: e.DASHBOARD_URL?.replace(/\/+$/, "") ?? null, maxAgeSeconds: e.DASHBOARD_MAX_AGE_SECONDS },
  };
}
