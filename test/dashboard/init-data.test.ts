// Telegram's two signatures, checked against an independent construction written from Telegram's pages:
// Mini App: secret_key = HMAC_SHA256(<bot_token>, "WebAppData"),
//   hash = hex(HMAC_SHA256(data_check_string, secret_key));
// Login Widget: secret_key = SHA256(<bot_token>), the same hash. data_check_string: every field but hash,
// sorted by key, "key=value" joined by "\n".
import { createHash, createHmac } from "node:crypto";
import { expect, it } from "vitest";
import { signInitData, validateInitData, validateLoginWidget } from "../../src/features/dashboard/init-data.ts";

const TOKEN = "123456789:emulator-token";
const NOW = 1_795_000_000;
const opts = { nowSeconds: NOW, maxAgeSeconds: 3600 };

/** init data as Telegram's client would receive it, built by hand */
function telegramInitData(fields: Record<string, string>, token = TOKEN): string {
  const check = Object.keys(fields)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  const hash = createHmac("sha256", secret).update(check).digest("hex");
  return new URLSearchParams({ ...fields, hash }).toString();
}

const fields = {
  query_id: "AAHdF6IQAAAAAN0XohDhrOrc",
  user: JSON.stringify({ id: 279058397, first_name: "Vladislav", language_code: "ru", is_premium: true }),
  auth_date: String(NOW - 10),
  signature: "abc",
};

it("accepts init data signed as Telegram signs it, and reads the user", () => {
  const r = validateInitData(telegramInitData(fields), TOKEN, opts);
  expect(r).toEqual({ ok: true, login: { userId: 279058397n, firstName: "Vladislav", authDate: NOW - 10 } });
});

it("refuses a changed field, another token, an old or a future auth_date, a missing hash", () => {
  const good = telegramInitData(fields);
  const otherUser = good.replace("279058397", "279058398");
  expect(validateInitData(otherUser, TOKEN, opts)).toEqual({ ok: false, problem: "badHash" });
  expect(validateInitData(good, "123456789:other", opts)).toEqual({ ok: false, problem: "badHash" });
  expect(validateInitData(telegramInitData(fields, "987:x"), TOKEN, opts)).toEqual({ ok: false, problem: "badHash" });
  const old = telegramInitData({ ...fields, auth_date: String(NOW - 3601) });
  expect(validateInitData(old, TOKEN, opts)).toEqual({ ok: false, problem: "expired" });
  expect(validateInitData(telegramInitData({ ...fields, auth_date: String(NOW - 3600) }), TOKEN, opts).ok).toBe(true);
  const future = telegramInitData({ ...fields, auth_date: String(NOW + 3600) });
  expect(validateInitData(future, TOKEN, opts)).toEqual({ ok: false, problem: "expired" });
  expect(validateInitData(good.replace(/&?hash=[^&]+/, ""), TOKEN, opts)).toEqual({ ok: false, problem: "missing" });
  expect(validateInitData("", TOKEN, opts)).toEqual({ ok: false, problem: "missing" });
  const noUser = telegramInitData({ auth_date: String(NOW) });
  expect(validateInitData(noUser, TOKEN, opts)).toEqual({ ok: false, problem: "malformed" });
});

it("the development login signs what validation accepts (the same algorithm)", () => {
  const raw = signInitData({ id: 900001, first_name: "Thu" }, TOKEN, NOW);
  const r = validateInitData(raw, TOKEN, opts);
  expect(r.ok && r.login.userId).toBe(900001n);
});

it("the Login Widget's fields use SHA256(token) as the secret, not the Mini App's", () => {
  const f = { id: "279058397", first_name: "Vladislav", username: "vd", auth_date: String(NOW) };
  const check = Object.keys(f)
    .sort()
    .map((k) => `${k}=${f[k as keyof typeof f]}`)
    .join("\n");
  const hash = createHmac("sha256", createHash("sha256").update(TOKEN).digest()).update(check).digest("hex");
  const raw = new URLSearchParams({ ...f, hash }).toString();
  expect(validateLoginWidget(raw, TOKEN, opts)).toMatchObject({ ok: true, login: { userId: 279058397n } });
  expect(validateInitData(raw, TOKEN, opts).ok).toBe(false);
  expect(validateLoginWidget(raw.replace("vd", "ve"), TOKEN, opts)).toEqual({ ok: false, problem: "badHash" });
});
