// The context every handler sees: the services, who is speaking, in which chat, in which language.
import type { Context } from "telegraf";
import type { Catalogue } from "../../i18n/index.ts";
import type { Actor, ChatInfo } from "../../features/registry/registry.ts";
import type { Services } from "../../services.ts";

export interface BotContext extends Context {
  services: Services;
  /** the registered official speaking, or null */
  actor: Actor | null;
  /** the chat's registry entry (bound unit / secretariat), or null */
  chatInfo: ChatInfo | null;
  t: Catalogue;
  now: Date;
}

export type ChatScope = "private" | "group";

export function chatScope(ctx: Context): ChatScope | "channel" | null {
  const type = ctx.chat?.type;
  if (type === "private") return "private";
  if (type === "group" || type === "supergroup") return "group";
  if (type === "channel") return "channel";
  return null;
}
