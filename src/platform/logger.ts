// Structured JSON logs (pino). Secrets are redacted wherever they appear: as fields (redact paths), and as
// text anywhere in a line — inside error messages, stacks and URLs (telegraf's errors carry the request
// URL, which contains the bot token). Secrets are registered once (createApp does it for the bot token and
// the webhook secret) and every logger created here replaces them, also URL-encoded, with "[redacted]".
import { pino, type Logger } from "pino";

export type { Logger };

const CENSOR = "[redacted]";
const secrets = new Set<string>();
let pattern: RegExp | null = null;

/** Registers strings that must never appear in a log line (the bot token, the webhook secret). */
export function redactSecrets(...values: (string | null | undefined)[]): void {
  for (const v of values) {
    if (!v) continue;
    secrets.add(v);
    secrets.add(encodeURIComponent(v));
  }
  const escaped = [...secrets].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  pattern = escaped.length ? new RegExp(escaped.join("|"), "g") : null;
}

/** The text with every registered secret replaced. */
export function scrub(text: string): string {
  return pattern ? text.replace(pattern, CENSOR) : text;
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrub(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1);
  return out;
}

const errSerializer = (error: unknown) => scrubDeep(error instanceof Error ? pino.stdSerializers.err(error) : error);

export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  opts: { secrets?: string[] } = {},
): Logger {
  if (opts.secrets) redactSecrets(...opts.secrets);
  return pino(
    {
      level,
      base: { app: "dondoc" },
      redact: { paths: ["token", "botToken", "config.botToken", "*.token", "secret", "*.secret"], censor: CENSOR },
      serializers: { err: errSerializer, error: errSerializer },
      // the last word: whatever a line contains, no registered secret leaves the process
      hooks: { streamWrite: (line: string) => scrub(line) },
    },
    destination,
  );
}
