// /bind <unit>: attaches a group to a unit (or to the secretariat) so reminders and /status know it.
// /unbind undoes it. The secretariat may do both anywhere; a unit's chairman only for his own unit, and
// only when he administers the group (asked of Telegram).
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { foldVietnamese } from "../../../domain/text.ts";
import { SECRETARIAT_ALIASES } from "../registry.ts";
import { refusal } from "../../refusals.ts";
import { isChairmanOf, isGroupAdmin, isSecretariat, refuse } from "../../../platform/telegram/scope.ts";

/** null when the speaker may (un)bind this group to `unitId`; else the refusal already sent. */
async function chairmanMay(ctx: BotContext, unitId: number | "secretariat"): Promise<unknown> {
  const o = ctx.t.onboarding.bind;
  if (unitId === "secretariat") return refuse(ctx, o.onlySecretariatFor);
  if (!isChairmanOf(ctx.actor, unitId)) return refuse(ctx, o.notOwnUnit);
  const current = ctx.chatInfo;
  if (current && (current.isSecretariat || (current.unitId !== null && current.unitId !== unitId))) {
    return refuse(ctx, o.boundElsewhere);
  }
  let admin: boolean;
  try {
    admin = await isGroupAdmin(ctx);
  } catch {
    // Telegram did not answer getChatMember (an error, a timeout): say so, rather than a generic error
    return ctx.replyWithHTML(o.adminCheckFailed);
  }
  if (!admin) return refuse(ctx, o.notAdmin);
  return null;
}

export const bindCommand: CommandSpec = {
  name: "bind",
  vi: "gannhom",
  args: "<đơn vị>",
  chats: ["group"],
  who: ["SECRETARIAT", "CHAIRMAN"],
  async handler(ctx, args) {
    if (!args) return ctx.replyWithHTML(ctx.t.bind.usage);
    const chat = ctx.chat!;
    if (!isSecretariat(ctx.actor)) {
      const target = SECRETARIAT_ALIASES.includes(foldVietnamese(args))
        ? ("secretariat" as const)
        : (await ctx.services.registry.findUnit(args)).id;
      const refused = await chairmanMay(ctx, target);
      if (refused) return refused;
    }
    const r = await ctx.services.registry.bindChat({
      telegramChatId: BigInt(chat.id),
      kind: chat.type === "supergroup" ? "SUPERGROUP" : "GROUP",
      title: "title" in chat ? chat.title : "",
      target: args,
      actor: ctx.actor!,
      now: ctx.now,
    });
    return ctx.replyWithHTML(r.unitName ? ctx.t.bind.done(r.unitName) : ctx.t.bind.secretariat);
  },
};

export const unbindCommand: CommandSpec = {
  name: "unbind",
  vi: "gonhom",
  chats: ["group"],
  who: ["SECRETARIAT", "CHAIRMAN"],
  async handler(ctx) {
    const current = ctx.chatInfo;
    if (!current || (current.unitId === null && !current.isSecretariat)) throw refusal("common", "chatNotBound");
    if (!isSecretariat(ctx.actor)) {
      const refused = await chairmanMay(ctx, current.isSecretariat ? "secretariat" : current.unitId!);
      if (refused) return refused;
    }
    const r = await ctx.services.chats.unbindChat({
      telegramChatId: BigInt(ctx.chat!.id),
      actor: ctx.actor!,
      now: ctx.now,
    });
    const o = ctx.t.onboarding.bind;
    return ctx.replyWithHTML(r.unitName ? o.unbound(r.unitName) : o.unboundSecretariat);
  },
};
