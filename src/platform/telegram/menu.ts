// Publishes the command menu. Optional: a Bot API server that refuses it must not stop start-up.
import type { Telegram } from "telegraf";
import type { Logger } from "../logger.ts";
import { shownName, type CommandSpec } from "./commands.ts";
import { vi } from "../../i18n/vi.ts";
import { en } from "../../i18n/en.ts";

export async function publishCommands(telegram: Telegram, commands: CommandSpec[], logger: Logger): Promise<void> {
  const menu = (descriptions: Record<string, string>, lang: "vi" | "en") =>
    commands.map((c) => ({ command: shownName(c, lang), description: descriptions[c.name] ?? c.name }));
  try {
    await telegram.setMyCommands(menu(vi.help.commands, "vi"));
    await telegram.setMyCommands(menu(en.help.commands, "en"), { language_code: "en" });
  } catch (error) {
    logger.warn({ err: error }, "could not publish the command menu (optional): carrying on");
  }
}
