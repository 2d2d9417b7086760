// /invite <official>: the secretariat issues a single-use activation link (https://t.me/<bot>?start=<code>).
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import { refuse } from "../../../platform/telegram/scope.ts";

export const inviteCommand: CommandSpec = {
  name: "invite",
  vi: "kichhoat",
  args: "<cán bộ>",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const o = ctx.t.onboarding.invite;
    // a link sent in a unit's group would be readable by everybody there
    if (ctx.chat?.type !== "private" && !ctx.chatInfo?.isSecretariat) return refuse(ctx, o.onlySecretariatGroup);
    if (!args) return ctx.replyWithHTML(o.usage);
    const r = await ctx.services.onboarding.createInvite({ query: args, actor: ctx.actor!, now: ctx.now });
    const link = `https://t.me/${ctx.botInfo.username}?start=${r.code}`;
    return ctx.replyWithHTML(o.created(r.officialName, link, r.expiresAt));
  },
};
