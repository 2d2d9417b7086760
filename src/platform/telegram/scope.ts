// Scope checks beyond the declarations: which units a person may see or act on, and who is speaking in a
// group (an anonymous admin speaks as the group itself, so we cannot know who he is).
import type { Actor } from "../../features/registry/registry.ts";
import type { BotContext } from "./context.ts";

/** Telegram's "GroupAnonymousBot": the sender of messages of anonymous group admins. */
export const ANONYMOUS_ADMIN_ID = 1087968824;

export function isAnonymousAdmin(ctx: BotContext): boolean {
  const msg = ctx.message as { sender_chat?: { id: number } } | undefined;
  if (ctx.from?.id === ANONYMOUS_ADMIN_ID) return true;
  return msg?.sender_chat !== undefined && msg.sender_chat.id === ctx.chat?.id;
}

export const isSecretariat = (a: Actor | null) => !!a?.roles.some((r) => r.role === "SECRETARIAT");

/** The secretariat and province-wide supervisors see the whole province. */
export function canSeeProvince(a: Actor | null): boolean {
  return !!a?.roles.some((r) => r.role === "SECRETARIAT" || (r.role === "SUPERVISOR" && r.unitId === null));
}

/** Chairmen, Party secretaries and officials see their unit; supervisors the units they follow. */
export function canSeeUnit(a: Actor | null, unitId: number): boolean {
  if (!a) return false;
  if (canSeeProvince(a)) return true;
  return a.roles.some((r) => r.unitId === unitId) || a.unitId === unitId;
}

export function isChairmanOf(a: Actor | null, unitId: number): boolean {
  return !!a?.roles.some((r) => r.role === "CHAIRMAN" && r.unitId === unitId);
}

/** The speaker's status in the current group, asked of Telegram (getChatMember). */
export async function isGroupAdmin(ctx: BotContext): Promise<boolean> {
  if (!ctx.chat || !ctx.from) return false;
  const m = await ctx.telegram.getChatMember(ctx.chat.id, ctx.from.id);
  return m.status === "creator" || m.status === "administrator";
}

/** One refusal line: "Đồng chí không dùng được lệnh này: <why>." */
export function refuse(ctx: BotContext, why: string) {
  return ctx.replyWithHTML(ctx.t.errors.notAllowed(why));
}

/**
 * The secretariat's province-wide working views (/dieuchuyen, /vuongmac) are for its own group and private
 * chats: in a unit's group (or a group bound to nothing) they would show every unit's figures to one unit.
 */
export const provinceChat = (ctx: BotContext): boolean => ctx.chat?.type === "private" || !!ctx.chatInfo?.isSecretariat;
