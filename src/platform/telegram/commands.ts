// Every command declares who may run it and where. The guard applies the declaration before the handler
// runs, and /help lists exactly the commands the asker may use.

import type { Role } from "../db/client.ts";
import type { Actor } from "../../features/registry/registry.ts";
import type { BotContext, ChatScope } from "./context.ts";
import type { chatScope } from "./context.ts";

export interface CommandSpec {
  /** the key of the command's description and access rules; typed as an alias when `vi` is set */
  name: string;
  /**
   * the Vietnamese name officials type: the Vietnamese menus and /help show it first ("/tinhhinh"), the
   * English name stays an alias (and is what the English menu shows)
   */
  vi?: string;
  aliases?: string[];
  /** argument hint shown in /help */
  args?: string;
  chats: ChatScope[];
  /** "anyone": also unknown users; "registered": any active official; else one of these roles */
  who: "anyone" | "registered" | Role[];
  /** when true, a role scoped to a unit counts only in that unit's group (and in private) */
  handler: (ctx: BotContext, args: string) => Promise<unknown>;
}

export type Refusal =
  { reason: "chat"; need: ChatScope[] } | { reason: "unregistered" } | { reason: "role"; need: Role[] };

export function allowed(spec: CommandSpec, actor: Actor | null, scope: ReturnType<typeof chatScope>): Refusal | null {
  if (scope === null || scope === "channel" || !spec.chats.includes(scope)) return { reason: "chat", need: spec.chats };
  if (spec.who === "anyone") return null;
  if (!actor) return { reason: "unregistered" };
  if (spec.who === "registered") return null;
  const need = spec.who;
  return actor.roles.some((r) => need.includes(r.role)) ? null : { reason: "role", need };
}

export function refusalText(ctx: BotContext, r: Refusal): string {
  const e = ctx.t.errors;
  if (r.reason === "unregistered") return e.notRegistered;
  if (r.reason === "chat") return e.notAllowed(r.need.includes("private") ? e.privateOnly : e.groupOnly);
  return e.notAllowed(e.roleRequired(r.need));
}

/**
 * The command a text message starts with, as telegraf's `bot.command` matches it: a bot_command entity at
 * offset 0, "/name" or "/name@bot" when the bot is this one (its username in any case). Null otherwise.
 */
export function commandName(
  msg: { text: string; entities?: { type: string; offset: number; length: number }[] },
  me: string,
): string | null {
  const e = msg.entities?.[0];
  if (e?.type !== "bot_command" || e.offset > 0) return null;
  const [word = "", to] = msg.text.slice(1, e.length).split("@");
  if (to && to.toLowerCase() !== me.toLowerCase()) return null;
  return word || null;
}

/** Every name a command answers to. */
export const namesOf = (spec: CommandSpec): string[] => [
  ...(spec.vi ? [spec.vi] : []),
  spec.name,
  ...(spec.aliases ?? []),
];

/** The name shown to a Vietnamese reader (the Vietnamese name first), or to an English one. */
export const shownName = (spec: CommandSpec, lang: "vi" | "en"): string => (lang === "vi" && spec.vi) || spec.name;

/** The text after the command word: "/status@dondoc_bot nam tra my" → "nam tra my". */
export function commandArgs(text: string): string {
  const m = /^\/\S+\s*([\s\S]*)$/.exec(text.trim());
  return (m?.[1] ?? "").trim();
}
