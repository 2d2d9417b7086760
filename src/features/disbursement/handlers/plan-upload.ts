// Capital plans sent as a file in the secretariat's chat (src/platform/telegram/file-upload.ts): the
// preview of the changes or the row errors (plan-import.ts), then the sender's ✅. Registered after the
// other kinds of file: a file nobody else recognises is read as capital plans and its problems are named.
import type { Telegraf } from "telegraf";
import { localDate } from "../../../domain/dates.ts";
import { registerFileUpload } from "../../../platform/telegram/file-upload.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";

export function registerPlanUpload(bot: Telegraf<BotContext>) {
  registerFileUpload(
    bot,
    {
      prefix: "plan",
      recognises: () => true,
      stage: (ctx, input) => ctx.services.planUpload.stage(input),
      decide: (ctx, input) => ctx.services.planUpload.decide(input),
      texts: (ctx) => {
        const t = ctx.t.disbursement.planUpload;
        return { ...t, applied: (r) => t.applied(r.created, r.updated, localDate(ctx.now)) };
      },
    },
    { fallback: true },
  );
}
