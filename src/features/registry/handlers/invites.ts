// /moi_hangloat (/invites): an activation link for every official not yet activated, as an XLSX list and
// printable pages of QR codes, to hand out in a meeting. Each link is single-use and expires (INVITE_TTL_DAYS).
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import { refuse } from "../../../platform/telegram/scope.ts";

export const invitesCommand: CommandSpec = {
  name: "moi_hangloat",
  aliases: ["invites"],
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx) {
    const t = ctx.t.onboarding.invites;
    // the links would be readable by everybody in a unit's group
    if (ctx.chat?.type !== "private" && !ctx.chatInfo?.isSecretariat)
      return refuse(ctx, ctx.t.onboarding.invite.onlySecretariatGroup);
    const r = await ctx.services.invitations.produce({
      actor: ctx.actor!,
      now: ctx.now,
      link: (code) => `https://t.me/${ctx.botInfo.username}?start=${code}`,
      labels: t.sheet,
    });
    if (r.xlsx === null) return ctx.replyWithHTML(t.none);
    await ctx.replyWithDocument(
      { source: r.xlsx, filename: t.files.xlsx },
      { caption: t.caption(r.count, r.expiresAt!) },
    );
    for (const [i, png] of r.pages.entries())
      await ctx.replyWithDocument({ source: png, filename: t.files.png(i + 1) });
  },
};
