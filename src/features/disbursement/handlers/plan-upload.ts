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
      texts: (ctx) => ctx.t.disbursement.planUpload,
      async stage(ctx, file) {
        const t = ctx.t.disbursement.planUpload;
        const r = await ctx.services.planUpload.stage({
          chatId: BigInt(ctx.chat!.id),
          userId: BigInt(ctx.from!.id),
          fileName: file.fileName,
          table: file.table,
          now: ctx.now,
        });
        if (!r.ok) return { text: t.errors(file.fileName, r.errors), pendingId: null };
        return { text: t.preview(r.preview), pendingId: r.pendingId };
      },
      decide: (ctx, input) =>
        ctx.services.planUpload.decide({
          ...input,
          userId: BigInt(ctx.from!.id),
          actorId: ctx.actor?.officialId ?? null,
          now: ctx.now,
          updateId: BigInt(ctx.update.update_id),
        }),
      applied: (ctx, r) => ctx.t.disbursement.planUpload.applied(r.created, r.updated, localDate(ctx.now)),
    },
    { fallback: true },
  );
}
