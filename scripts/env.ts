// Shared by the operator scripts: load .env (without overriding the environment) and build the config.
import { existsSync } from "node:fs";
import { ConfigError, createConfig, type Config } from "../src/config.ts";

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
