// `npm run set-commands` ("set-commands": "tsx scripts/set-commands.ts"): publishes the command menus per
// scope (default, private chats, group chats, group administrators) and language (vi default, en) with
// setMyCommands, from the command declarations of the bot itself (src/platform/telegram/command-menus.ts).
import { createBot } from "../src/bot.ts";
import { commandMenus } from "../src/platform/telegram/command-menus.ts";
import { openDatabase } from "../src/platform/db/client.ts";
import { createLogger, redactSecrets } from "../src/platform/logger.ts";
import { createServices } from "../src/services.ts";
import { systemClock } from "../src/platform/clock.ts";
import { createInteractiveGate } from "../src/platform/outbox/interactive.ts";
import { createLimiter, TELEGRAM_LIMITS } from "../src/platform/outbox/limiter.ts";
import { loadConfig } from "./env.ts";

const config = loadConfig();
redactSecrets(config.botToken);
const logger = createLogger(config.logLevel);
const database = await openDatabase(config.databaseUrl);
try {
  const services = createServices({ db: database.db, config });
  const { bot, commands } = createBot({
    token: config.botToken,
    apiRoot: config.apiRoot,
    services,
    clock: systemClock,
    logger,
    defaultLanguage: config.defaultLanguage,
  });
  // a 429 (Telegram may answer it to any call) is waited out, as in the bot
  createInteractiveGate({ limiter: createLimiter(TELEGRAM_LIMITS), logger }).wrap(bot.telegram);
  for (const menu of commandMenus(commands)) {
    await bot.telegram.setMyCommands(menu.commands, {
      scope: menu.scope,
      ...(menu.languageCode ? { language_code: menu.languageCode } : {}),
    });
    process.stdout.write(
      `${menu.scope.type}${menu.languageCode ? ` [${menu.languageCode}]` : ""}: ${menu.commands.map((c) => "/" + c.command).join(" ")}\n`,
    );
  }
} finally {
  await database.close();
}
