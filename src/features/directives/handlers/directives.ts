// /ketluan (/chitieu) [số]: the directives followed and each one's progress by item and unit; and a
// directive's items sent as a file in the secretariat's chat (preview, ✅ by the sender only), told apart
// from a capital plan file by its header row (Mục, Nội dung, Đơn vị thực hiện).
import type { Telegraf } from "telegraf";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { registerFileUpload } from "../../../platform/telegram/file-upload.ts";
import { isDirectiveTable } from "../directive-file.ts";

export const directiveCommand: CommandSpec = {
  name: "ketluan",
  aliases: ["chitieu"],
  args: "[số]",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const t = ctx.t.directives;
    const s = ctx.services.directives;
    if (args) return ctx.replyWithHTML(t.progress(await s.progress(await s.find(args), ctx.now)));
    const all = await s.summaries(ctx.now);
    if (all.length === 1) return ctx.replyWithHTML(t.progress(await s.progress(all[0]!.id, ctx.now)));
    return ctx.replyWithHTML(t.list(all));
  },
};

export const directiveCommands: CommandSpec[] = [directiveCommand];

export function registerDirectiveUpload(bot: Telegraf<BotContext>) {
  registerFileUpload(bot, {
    prefix: "dir",
    recognises: (file) => isDirectiveTable(file.table),
    stage: (ctx, input) => ctx.services.directiveUpload.stage(input),
    decide: (ctx, input) => ctx.services.directiveUpload.decide(input),
    texts: (ctx) => {
      const t = ctx.t.directives.upload;
      // the file was checked again on ✅: the register may have changed since the preview
      return {
        ...t,
        applied: (r) => (r.errors.length > 0 ? t.errors("", r.errors) : t.applied(r.directiveId, r.items, r.tasks)),
      };
    },
  });
}
