// /bind <unit>: attaches a group to a unit (or to the secretariat) so reminders and /status know it.
import type { CommandSpec } from "../commands.ts";

export const bindCommand: CommandSpec = {
  name: "bind",
  args: "<đơn vị>",
  chats: ["group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    if (!args) return ctx.replyWithHTML(ctx.t.bind.usage);
    const chat = ctx.chat!;
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
