// /start: greets a registered official (and notes that private reminders can now reach him).
// /start <code> (the activation link from /invite): links this Telegram account to the invited official.
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import { catalogue, langFromTelegram } from "../../../i18n/index.ts";

export const startCommand: CommandSpec = {
  name: "start",
  chats: ["private"],
  who: "anyone",
  async handler(ctx, args) {
    if (args) {
      const from = ctx.from!;
      const language = langFromTelegram(from.language_code);
      const r = await ctx.services.onboarding.redeemInvite({
        code: args,
        telegramUserId: BigInt(from.id),
        username: from.username ?? null,
        language,
        now: ctx.now,
        updateId: BigInt(ctx.update.update_id),
      });
      if (!r.ok)
        return ctx.replyWithHTML(
          r.reason === "invalid" ? ctx.t.onboarding.start.invalidCode : ctx.t.onboarding.start.linkedElsewhere,
        );
      return ctx.replyWithHTML(catalogue(language).onboarding.start.linked(r.view));
    }
    if (!ctx.actor) {
      // a new deployment: the configured first secretariat member becomes an official by his /start
      const from = ctx.from!;
      const language = langFromTelegram(from.language_code);
      const view = await ctx.services.onboarding.bootstrapSecretariat({
        telegramUserId: BigInt(from.id),
        fullName: [from.first_name, from.last_name].filter(Boolean).join(" "),
        language,
        now: ctx.now,
      });
      if (!view) return ctx.reply(ctx.t.start.unknownUser);
      return ctx.replyWithHTML(catalogue(language).onboarding.start.linked(view));
    }
    await ctx.services.registry.notePrivateChat(ctx.actor.officialId, BigInt(ctx.chat!.id), ctx.now);
    const roles = ctx.actor.roles.map((r) => ctx.t.roleName(r.role));
    return ctx.replyWithHTML(ctx.t.start.welcome(ctx.actor.fullName, roles));
  },
};
