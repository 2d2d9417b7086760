// Shared by the operator scripts: load .env (without overriding the environment) and build the config.
import { existsSync } from "node:fs";
import { ConfigError, createConfig, type Config } from "../src/config.ts";
import { openDatabase, type Db } from "../src/platform/db/client.ts";
import { isNotMigrated, NOT_MIGRATED_TEXT } from "../src/platform/db/not-migrated.ts";

export function loadConfig(overrides: Record<string, string> = {}): Config {
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    return createConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + "\n");
      process.exit(2);
    }
    throw error;
  }
}

/** Runs `use` on the configured database and closes it; a database without the migrations ends the script
 * with one line (exit code 2) instead of Prisma's stack trace. */
export async function withDatabase<T>(config: Config, use: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = await openDatabase(config.databaseUrl);
  try {
    return await use(db);
  } catch (error) {
    if (!isNotMigrated(error)) throw error;
  } finally {
    await close();
  }
  process.stderr.write(`Lỗi: ${NOT_MIGRATED_TEXT}\n`);
  process.exit(2);
}
