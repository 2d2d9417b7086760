// Who opens the dashboard, proven by Telegram: the Mini App's init data (a web_app button, private chats) or
// the Login Widget's fields (a login_url button, groups), both signed with the bot token as Telegram
// specifies (https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app,
// https://core.telegram.org/widgets/login#checking-authorization). Nothing is stored: every request carries
// its proof, and an old proof (auth_date older than the maximum age) is refused like a forged one.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface TelegramLogin {
  /** the Telegram user id */
  userId: bigint;
  firstName: string;
  /** seconds since the epoch, as signed */
  authDate: number;
}

export type ProofProblem = "missing" | "malformed" | "badHash" | "expired";

export type ProofResult = { ok: true; login: TelegramLogin } | { ok: false; problem: ProofProblem };

/** The fields sorted by key, "key=value" joined by "\n", without the hash: what Telegram signs. */
export function dataCheckString(fields: URLSearchParams): string {
  return [...fields.entries()]
    .filter(([k]) => k !== "hash")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}

/** Mini App: secret = HMAC_SHA256(key "WebAppData", bot token). */
const webAppSecret = (botToken: string) => createHmac("sha256", "WebAppData").update(botToken).digest();
/** Login Widget: secret = SHA256(bot token). */
const loginSecret = (botToken: string) => createHash("sha256").update(botToken).digest();

const sign = (secret: Buffer, fields: URLSearchParams) =>
  createHmac("sha256", secret).update(dataCheckString(fields)).digest("hex");

function hashMatches(given: string, expected: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), "hex"), Buffer.from(expected, "hex"));
}

function check(
  fields: URLSearchParams,
  secret: Buffer,
  user: (f: URLSearchParams) => { id: unknown; first_name?: unknown } | null,
  nowSeconds: number,
  maxAgeSeconds: number,
): ProofResult {
  const hash = fields.get("hash");
  if (!hash) return { ok: false, problem: "missing" };
  if (!hashMatches(hash, sign(secret, fields))) return { ok: false, problem: "badHash" };
  const authDate = Number(fields.get("auth_date"));
  if (!Number.isInteger(authDate) || authDate <= 0) return { ok: false, problem: "malformed" };
  // a proof dated in the future by more than a minute of clock skew is as suspect as an old one
  if (nowSeconds - authDate > maxAgeSeconds || authDate - nowSeconds > 60) return { ok: false, problem: "expired" };
  const u = user(fields);
  const id = u && (typeof u.id === "number" || typeof u.id === "string") ? String(u.id) : "";
  if (!/^\d{1,20}$/.test(id)) return { ok: false, problem: "malformed" };
  return {
    ok: true,
    login: { userId: BigInt(id), firstName: typeof u?.first_name === "string" ? u.first_name : "", authDate },
  };
}

function webAppUser(f: URLSearchParams) {
  try {
    const u: unknown = JSON.parse(f.get("user") ?? "");
    return typeof u === "object" && u !== null ? (u as { id: unknown; first_name?: unknown }) : null;
  } catch {
    return null;
  }
}

/** Validates a Mini App's init data (the raw query string Telegram gives the page). */
export function validateInitData(
  raw: string,
  botToken: string,
  opts: { nowSeconds: number; maxAgeSeconds: number },
): ProofResult {
  if (!raw) return { ok: false, problem: "missing" };
  return check(new URLSearchParams(raw), webAppSecret(botToken), webAppUser, opts.nowSeconds, opts.maxAgeSeconds);
}

/** Validates the Login Widget's fields (a login_url button adds them to the URL's query). */
export function validateLoginWidget(
  raw: string,
  botToken: string,
  opts: { nowSeconds: number; maxAgeSeconds: number },
): ProofResult {
  if (!raw) return { ok: false, problem: "missing" };
  const fields = new URLSearchParams(raw);
  return check(
    fields,
    loginSecret(botToken),
    (f) => ({ id: f.get("id"), first_name: f.get("first_name") ?? "" }),
    opts.nowSeconds,
    opts.maxAgeSeconds,
  );
}

/**
 * Init data signed with the bot token, as Telegram would give it: the development login of the offline demo
 * (only with the local Bot API emulator) and the tests.
 */
export function signInitData(
  user: { id: number | bigint; first_name: string },
  botToken: string,
  authDate: number,
): string {
  const fields = new URLSearchParams({
    auth_date: String(authDate),
    query_id: `dev-${authDate}`,
    user: JSON.stringify({ id: Number(user.id), first_name: user.first_name }),
  });
  fields.set("hash", sign(webAppSecret(botToken), fields));
  return fields.toString();
}
