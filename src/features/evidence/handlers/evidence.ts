// Evidence: a photo or document replying to a task's message (reminder, announcement, an item of a digest
// picked by its number in the caption), or captioned
// "/xong <số việc> [ghi chú]" (or /done), is attached to the task; with a «xong» caption or /xong it also
// reports the task done. Anything else (a plan or directive file in the secretariat's chat) goes on.
import type { Telegraf } from "telegraf";
import type { BotContext } from "../../../platform/telegram/context.ts";
import type { EvidenceFile, EvidenceTarget } from "../evidence.ts";

function fileOf(msg: object): EvidenceFile | null {
  if ("document" in msg) {
    const d = (msg as { document: { file_id: string; file_unique_id: string; file_name?: string; file_size?: number } })
      .document;
    return {
      kind: "DOCUMENT",
      fileId: d.file_id,
      fileUniqueId: d.file_unique_id,
      fileName: d.file_name ?? "",
      fileSize: d.file_size ?? 0,
    };
  }
  if ("photo" in msg) {
    const sizes = (msg as { photo: { file_id: string; file_unique_id: string; file_size?: number }[] }).photo;
    const p = sizes.at(-1);
    if (!p) return null;
    return {
      kind: "PHOTO",
      fileId: p.file_id,
      fileUniqueId: p.file_unique_id,
      fileName: "ảnh",
      fileSize: p.file_size ?? 0,
    };
  }
  return null;
}

export function registerEvidence(bot: Telegraf<BotContext>) {
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    const file = fileOf(msg);
    if (!file || !ctx.actor) return next();
    const caption = ("caption" in msg ? msg.caption : undefined)?.trim() ?? "";
    const command = /^\/(?:xong|done)(?:@\w+)?\s+#?(\d+)\s*([\s\S]*)$/i.exec(caption);
    const repliedTo = "reply_to_message" in msg ? msg.reply_to_message : undefined;
    const chatId = BigInt(ctx.chat.id);
    let target: EvidenceTarget | null = command
      ? { taskId: Number(command[1]), done: { note: command[2]!.trim() } }
      : null;
    if (target === null && repliedTo?.from?.id === ctx.botInfo.id)
      target = await ctx.services.evidence.taskOfReply({
        chatId,
        messageId: repliedTo.message_id,
        caption,
        actor: ctx.actor,
      });
    if (target === null) return next();
    const taskId = target.taskId;
    const view = await ctx.services.evidence.attach({
      taskId,
      file,
      actor: ctx.actor,
      telegramUserId: BigInt(ctx.from.id),
      chatId,
      messageId: msg.message_id,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    const reply = { reply_parameters: { message_id: msg.message_id } };
    const completion = target.done;
    if (!completion) return ctx.replyWithHTML(ctx.t.evidence.attached(view), reply);
    // the once-record was taken by the attachment, in its own transaction
    const done = await ctx.services.tasks.complete({
      taskId,
      actor: ctx.actor,
      note: completion.note,
      now: ctx.now,
      fromChatId: chatId,
    });
    return ctx.replyWithHTML(`${ctx.t.evidence.attached(view)}\n${ctx.t.done.confirmed(done)}`, reply);
  });
}
