// /ketluan (/chitieu) [số]: the directives followed and each one's progress by item and unit; and a
// directive's items sent as a file in the secretariat's chat (preview, ✅ by the sender only), told apart
// from a capital plan file by its header row (Mục, Nội dung, Đơn vị thực hiện).
import type { Telegraf } from "telegraf";
import { tableFromBytes } from "../../../platform/files/tables.ts";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { isDirectiveTable } from "../directive-import.ts";

const MAX_BYTES = 5 * 1024 * 1024;

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

async function download(ctx: BotContext, fileId: string): Promise<Buffer> {
  const link = await ctx.telegram.getFileLink(fileId);
  const res = await fetch(link, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export function registerDirectiveUpload(bot: Telegraf<BotContext>) {
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("document" in msg) || !ctx.chatInfo?.isSecretariat) return next();
    const fileName = msg.document.file_name ?? "";
    const format = /\.xlsx$/i.test(fileName) ? "xlsx" : /\.csv$/i.test(fileName) ? "csv" : null;
    if (!format || !ctx.actor?.roles.some((r) => r.role === "SECRETARIAT")) return next();
    // a file too large or unreadable is answered by the capital plan upload, which comes next
    if ((msg.document.file_size ?? 0) > MAX_BYTES) return next();
    let table: string[][];
    try {
      table = await tableFromBytes(await download(ctx, msg.document.file_id), format);
    } catch {
      return next();
    }
    if (!isDirectiveTable(table)) return next();
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
