// Task files sent in the secretariat's chat (src/platform/telegram/file-upload.ts): a file whose header
// names «Người phụ trách» and «Tiêu đề» (docs/task-files.md) is previewed, then given on the sender's ✅.
import type { Telegraf } from "telegraf";
import { registerFileUpload } from "../../../platform/telegram/file-upload.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { isTaskHeader } from "../task-import.ts";

export function registerTaskUpload(bot: Telegraf<BotContext>) {
  registerFileUpload(bot, {
    prefix: "tfile",
    recognises: (file) => isTaskHeader(file.table[0] ?? []),
    stage: (ctx, input) => ctx.services.taskUpload.stage(input),
    decide: (ctx, input) => ctx.services.taskUpload.decide(input),
    texts: (ctx) => {
      const t = ctx.t.tasks.taskFile;
      return { ...t, applied: (r) => t.applied(r.created) };
    },
  });
}
