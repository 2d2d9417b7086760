// Structured JSON logs (pino). Secrets are redacted wherever they appear as fields.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "dondoc" },
      redact: { paths: ["token", "botToken", "config.botToken", "*.token", "secret", "*.secret"], censor: "[redacted]" },
    },
    destination,
  );
}
