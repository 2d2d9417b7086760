// `npm start`: reads the environment, starts dondoc, stops cleanly on SIGINT / SIGTERM.
import { existsSync } from "node:fs";
import { ConfigError, createConfig } from "./config.ts";
import { createLogger } from "./platform/logger.ts";
import { createApp } from "./app.ts";
import { isNotMigrated, NOT_MIGRATED_TEXT } from "./platform/db/not-migrated.ts";

if (existsSync(".env")) process.loadEnvFile(".env");

let config;
try {
  config = createConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(error.message + "\n");
    process.exit(2);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
const app = await createApp(config, logger);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    app.stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "error while stopping");
        process.exit(1);
      },
    );
  });
}
try {
  await app.start();
} catch (error) {
  if (!isNotMigrated(error)) throw error;
  process.stderr.write(NOT_MIGRATED_TEXT + "\n");
  await app.stop("database not migrated");
  process.exit(2);
}
