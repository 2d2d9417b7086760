// /lichsu <số việc> (/history): a task's history in one message, for those who follow the task (#19).
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import { refusal } from "../../refusals.ts";

export const historyCommand: CommandSpec = {
  name: "history",
  vi: "lichsu",
  args: "<số việc>",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx, args) {
    const m = /^#?(\d{1,9})$/.exec(args.trim());
    if (!m) throw refusal("history", "usage");
    if (ctx.chat?.type !== "private" && !ctx.chatInfo) throw refusal("common", "chatNotBound");
    const view = await ctx.services.history.history({
      taskId: Number(m[1]),
      actor: ctx.actor!,
      place:
        ctx.chat?.type === "private"
          ? { kind: "private" }
          : { kind: "group", unitId: ctx.chatInfo?.unitId ?? null, isSecretariat: !!ctx.chatInfo?.isSecretariat },
    });
    return ctx.replyWithHTML(ctx.t.history.view(view));
  },
};
