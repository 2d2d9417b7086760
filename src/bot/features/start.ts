// /start: greets a registered official (and notes that private reminders can now reach him).
import type { CommandSpec } from "../commands.ts";

export const startCommand: CommandSpec = {
  name: "start",
  chats: ["private"],
  who: "anyone",
  async handler(ctx) {
    if (!ctx.actor) return ctx.reply(ctx.t.start.unknownUser);
    await ctx.services.registry.notePrivateChat(ctx.actor.officialId, BigInt(ctx.chat!.id), ctx.now);
    const roles = ctx.actor.roles.map((r) => ctx.t.roleName(r.role));
    return ctx.replyWithHTML(ctx.t.start.welcome(ctx.actor.fullName, roles));
  },
};
