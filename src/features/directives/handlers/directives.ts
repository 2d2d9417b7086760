// /ketluan (/chitieu) [số]: the directives followed and each one's progress by item and unit; and a
// directive's items sent as a file in the secretariat's chat (preview, ✅ by the sender only), told apart
// from a capital plan file by its header row (Mục, Nội dung, Đơn vị thực hiện).
import type { Telegraf } from "telegraf";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { uploaded } from "../../../platform/telegram/file-upload.ts";
import { isDirectiveTable } from "../directive-import.ts";

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
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    // the file is downloaded once for every kind (src/platform/telegram/file-upload.ts); a file too large or
    // unreadable is answered by the capital plan upload, which comes last
    const file = await uploaded(ctx);
    if (file === null || typeof file === "string" || !isDirectiveTable(file.table)) return next();
    const { fileName, table } = file;
    const t = ctx.t.directives.upload;
    const reply = { reply_parameters: { message_id: msg.message_id } };
    const r = await ctx.services.directiveUpload.stage({
      chatId: BigInt(ctx.chat.id),
      userId: BigInt(ctx.from.id),
      fileName,
      table,
      now: ctx.now,
    });
    if (!r.ok) return ctx.replyWithHTML(t.errors(fileName, r.errors), reply);
    return ctx.replyWithHTML(t.preview(r.preview), {
      ...reply,
      reply_markup: {
        inline_keyboard: [
          [
            { text: t.buttons.apply, callback_data: `dir:ok:${r.pendingId}` },
            { text: t.buttons.cancel, callback_data: `dir:no:${r.pendingId}` },
          ],
        ],
      },
    });
  });

  bot.action(/^dir:(ok|no):(\d+)$/, async (ctx) => {
    const t = ctx.t.directives.upload;
    const r = await ctx.services.directiveUpload.decide({
      pendingId: Number(ctx.match[2]),
      userId: BigInt(ctx.from.id),
      apply: ctx.match[1] === "ok",
      actorId: ctx.actor?.officialId ?? null,
      byName: ctx.actor?.fullName ?? "",
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
    if (r.status === "invalid") return ctx.replyWithHTML(t.errors("", r.errors));
    return ctx.replyWithHTML(r.status === "applied" ? t.applied(r.directiveId, r.items, r.tasks) : t.cancelled);
  });
}
