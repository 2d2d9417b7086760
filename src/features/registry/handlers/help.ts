// /help: the commands this person may use here, from the same declarations the guard enforces.
import { allowed, type CommandSpec } from "../../../platform/telegram/commands.ts";
import { chatScope } from "../../../platform/telegram/context.ts";

export function helpCommand(all: () => CommandSpec[]): CommandSpec {
  return {
    name: "help",
    chats: ["private", "group"],
    who: "anyone",
    async handler(ctx) {
      const scope = chatScope(ctx);
      const lines = all()
        .filter((c) => allowed(c, ctx.actor, scope) === null)
        .map((c) => ctx.t.help.line({ command: c.name, args: c.args ?? "" }, ctx.t.help.commands[c.name] ?? ""));
      return ctx.replyWithHTML([ctx.t.help.header, ...lines, "", ctx.t.help.replyHint].join("\n"));
    },
  };
}
