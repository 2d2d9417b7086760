// `npm run db:migrate`: applies the committed migrations to the database DATABASE_URL names
// (SQLite by default, PostgreSQL for postgresql:// URLs).
import { migrateDeploy } from "../src/platform/db/migrate.ts";
import { databaseTarget } from "../src/platform/db/target.ts";
import { loadConfig } from "./env.ts";

const config = loadConfig({ BOT_TOKEN: process.env.BOT_TOKEN || "0:migrate" });
const target = databaseTarget(config.databaseUrl);
process.stdout.write(`Áp dụng migration cho ${target.provider} / applying migrations (${target.provider})…\n`);
process.stdout.write(await migrateDeploy(config.databaseUrl));
