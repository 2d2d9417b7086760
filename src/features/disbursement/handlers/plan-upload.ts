// Capital plans sent as a file: in the secretariat chat, a SECRETARIAT official sends a .xlsx or .csv
// document; the bot downloads it, checks every row (plan-import.ts) and answers with the preview of the
// changes (or the row errors) under ✅ Áp dụng / ✖ Hủy; only the sender's ✅ writes the plans.
import type { Telegraf } from "telegraf";
import { localDate } from "../../../domain/dates.ts";
import { tableFromBytes } from "../../../platform/files/tables.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";

const MAX_BYTES = 5 * 1024 * 1024;

async function download(ctx: BotContext, fileId: string): Promise<Buffer> {
  const link = await ctx.telegram.getFileLink(fileId);
  const res = await fetch(link, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export function registerPlanUpload(bot: Telegraf<BotContext>) {
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("document" in msg) || !ctx.chatInfo?.isSecretariat) return next();
    const fileName = msg.document.file_name ?? "";
    const format = /\.xlsx$/i.test(fileName) ? "xlsx" : /\.csv$/i.test(fileName) ? "csv" : null;
    if (!format || !ctx.actor?.roles.some((r) => r.role === "SECRETARIAT")) return next();
    const t = ctx.t.disbursement.planUpload;
    const reply = { reply_parameters: { message_id: msg.message_id } };
    if ((msg.document.file_size ?? 0) > MAX_BYTES) return ctx.replyWithHTML(t.tooLarge(fileName), reply);
    let table: string[][];
    try {
      table = await tableFromBytes(await download(ctx, msg.document.file_id), format);
    } catch {
      return ctx.replyWithHTML(t.unreadable(fileName), reply);
    }
    const r = await ctx.services.planUpload.stage({
      chatId: BigInt(ctx.chat.id),
      userId: BigInt(ctx.from.id),
      fileName,
      table,
      now: ctx.now,
    });
    if (!r.ok) return ctx.replyWithHTML(t.errors(fileName, r.errors), reply);
    if (r.pendingId === null) return ctx.replyWithHTML(t.preview(r.preview), reply);
    return ctx.replyWithHTML(t.preview(r.preview), {
      ...reply,
      reply_markup: {
        inline_keyboard: [
          [
            { text: t.buttons.apply, callback_data: `plan:ok:${r.pendingId}` },
            { text: t.buttons.cancel, callback_data: `plan:no:${r.pendingId}` },
          ],
        ],
      },
    });
  });

  bot.action(/^plan:(ok|no):(\d+)$/, async (ctx) => {
    const t = ctx.t.disbursement.planUpload;
    const r = await ctx.services.planUpload.decide({
      pendingId: Number(ctx.match[2]),
      userId: BigInt(ctx.from.id),
      apply: ctx.match[1] === "ok",
      actorId: ctx.actor?.officialId ?? null,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    if (r.status === "notYours") return ctx.answerCbQuery(t.notYours, { show_alert: true });
    if (r.status === "gone") {
      await ctx.answerCbQuery(t.gone, { show_alert: true });
      return ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    }
    await ctx.answerCbQuery(r.status === "applied" ? "✅" : "✖");
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    return ctx.replyWithHTML(
      r.status === "applied" ? t.applied(r.created, r.updated, localDate(ctx.now)) : t.cancelled,
    );
  });
}
