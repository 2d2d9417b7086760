// The command menus Telegram shows, per scope and language, derived from the same declarations the bot
// uses (CommandSpec: who may run a command, and where). Published by `npm run set-commands`.
import type { Role } from "../db/client.ts";
import { shownName, type CommandSpec } from "./commands.ts";
import { vi } from "../../i18n/vi.ts";
import { en } from "../../i18n/en.ts";

export type MenuScope =
  | { type: "default" }
  | { type: "all_private_chats" }
  | { type: "all_group_chats" }
  | { type: "all_chat_administrators" };

export interface CommandMenu {
  scope: MenuScope;
  /** undefined: the default (Vietnamese) menu; "en": users whose Telegram is in English */
  languageCode?: "en";
  commands: { command: string; description: string }[];
}

// roles an ordinary group member may hold; the secretariat's and supervisors' commands are for admins' menus
const MEMBER_ROLES: Role[] = ["CHAIRMAN", "PARTY_SECRETARY", "RESPONSIBLE", "DEPARTMENT_FOCAL"];
const forMembers = (c: CommandSpec) =>
  c.who === "anyone" || c.who === "registered" || c.who.some((r) => MEMBER_ROLES.includes(r));

export function commandMenus(commands: CommandSpec[]): CommandMenu[] {
  const scopes: [MenuScope, (c: CommandSpec) => boolean][] = [
    [{ type: "default" }, (c) => c.who === "anyone"],
    [{ type: "all_private_chats" }, (c) => c.chats.includes("private")],
    [{ type: "all_group_chats" }, (c) => c.chats.includes("group") && forMembers(c)],
    [{ type: "all_chat_administrators" }, (c) => c.chats.includes("group")],
  ];
  // the Vietnamese menu shows the Vietnamese names (/tinhhinh); the English one the English names (/status)
  const languages: [undefined | "en", Record<string, string>][] = [
    [undefined, vi.help.commands],
    ["en", en.help.commands],
  ];
  const menus: CommandMenu[] = [];
  for (const [scope, keep] of scopes) {
    for (const [languageCode, descriptions] of languages) {
      const list = commands.filter(keep).map((c) => ({
        command: shownName(c, languageCode ?? "vi"),
        description: (descriptions[c.name] ?? c.name).slice(0, 256),
      }));
      menus.push({ scope, ...(languageCode ? { languageCode } : {}), commands: list.slice(0, 100) });
    }
  }
  return menus;
}
