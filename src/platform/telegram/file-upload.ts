// Files the secretariat sends to the bot (capital plans, registry files, task files, calendars, directives):
// one flow for all of them. A SECRETARIAT official sends a .xlsx or .csv document in the secretariat's group
// or in his private chat with the bot; the bot downloads it once per update, each kind in turn looks at its
// header row and the first that knows it checks every row and answers with the preview of the changes (or
// the row errors) under ✅ Áp dụng / ✖ Hủy; only the sender's ✅ writes (the services keep the file as a
// PendingInput, src/platform/db/pending-upload.ts). Anybody else's file, or a file in another group, is not
// taken. With privacy mode on (BotFather's default, and the README's advice) a file in the group reaches the
// bot only with @the_bot in its caption or as a reply to one of its messages; in private every file does.
import type { Telegraf } from "telegraf";
import { tableFromBytes } from "../files/tables.ts";
import type { DecideInput, PendingDecision, StageInput } from "../db/pending-upload.ts";
import type { BotContext } from "./context.ts";

const MAX_BYTES = 5 * 1024 * 1024;

export interface UploadedFile {
  fileName: string;
  format: "csv" | "xlsx";
  bytes: Buffer;
  /** the cells of the CSV file or of the XLSX file's first worksheet */
  table: string[][];
}

/** What the common answers say; each kind words them, its preview and its result in its own catalogue. */
export interface UploadTexts<V, R> {
  unreadable(fileName: string): string;
  tooLarge(fileName: string): string;
  errors(fileName: string, errors: string[]): string;
  preview(v: V): string;
  applied(r: R): string;
  buttons: { apply: string; cancel: string };
  cancelled: string;
  gone: string;
  notYours: string;
}

/** A kind's check of a file: its row errors, or its preview (pendingId: what ✅ applies; null: nothing). */
export type StageResult<V> = { ok: false; errors: string[] } | { ok: true; pendingId: number | null; preview: V };

export interface UploadKind<V, R extends object> {
  /** the buttons' callback prefix, e.g. "plan" → plan:ok:<id> / plan:no:<id> */
  prefix: string;
  /** the file is of this kind (by its header row) */
  recognises(file: UploadedFile): boolean;
  texts(ctx: BotContext): UploadTexts<NoInfer<V>, NoInfer<R>>;
  stage(ctx: BotContext, input: StageInput & UploadedFile): Promise<StageResult<V>>;
  decide(ctx: BotContext, input: DecideInput): Promise<PendingDecision<R>>;
}

/** The document of this update, downloaded once whichever kind asks (null: not a secretariat's table file). */
async function uploaded(ctx: BotContext): Promise<UploadedFile | "tooLarge" | "unreadable" | null> {
  const state = ctx.state as { upload?: UploadedFile | "tooLarge" | "unreadable" | null };
  if (state.upload !== undefined) return state.upload;
  const msg = ctx.message;
  state.upload = null;
  if (!msg || !("document" in msg) || !(ctx.chatInfo?.isSecretariat || ctx.chat?.type === "private")) return null;
  if (!ctx.actor?.roles.some((r) => r.role === "SECRETARIAT")) return null;
  const fileName = msg.document.file_name ?? "";
  const format = /\.xlsx$/i.test(fileName) ? "xlsx" : /\.csv$/i.test(fileName) ? "csv" : null;
  if (!format) return null;
  if ((msg.document.file_size ?? 0) > MAX_BYTES) return (state.upload = "tooLarge");
  try {
    const link = await ctx.telegram.getFileLink(msg.document.file_id);
    const res = await fetch(link, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    state.upload = { fileName, format, bytes, table: await tableFromBytes(bytes, format) };
  } catch {
    state.upload = "unreadable";
  }
  return state.upload;
}

/**
 * «typing…» in the chat while a file is checked or applied: a province's registry takes seconds, and without
 * a sign the sender may send it again. Telegram shows the action for 5 s: it is sent again every 4 s.
 */
async function typingWhile<T>(ctx: BotContext, work: () => Promise<T>): Promise<T> {
  const show = () => void ctx.sendChatAction("typing").catch(() => undefined);
  show();
  const timer = setInterval(show, 4000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

const who = (ctx: BotContext) => ({
  chatId: BigInt(ctx.chat!.id),
  userId: BigInt(ctx.from!.id),
  actorId: ctx.actor?.officialId ?? null,
  actorName: ctx.actor?.fullName ?? "",
  now: ctx.now,
});

/**
 * Takes the secretariat's files of one kind. `fallback`: this kind answers the files no kind recognises
 * (registered last), with its own row errors.
 */
export function registerFileUpload<V, R extends object>(
  bot: Telegraf<BotContext>,
  kind: UploadKind<V, R>,
  opts: { fallback?: boolean } = {},
) {
  bot.on("message", async (ctx, next) => {
    const file = await uploaded(ctx);
    if (file === null) return next();
    const fileName = "document" in ctx.message ? (ctx.message.document.file_name ?? "") : "";
    const reply = { reply_parameters: { message_id: ctx.message.message_id } };
    const t = kind.texts(ctx);
    if (typeof file === "string") {
      if (!opts.fallback) return next();
      return ctx.replyWithHTML(file === "tooLarge" ? t.tooLarge(fileName) : t.unreadable(fileName), reply);
    }
    if (!opts.fallback && !kind.recognises(file)) return next();
    const r = await typingWhile(ctx, () => kind.stage(ctx, { ...who(ctx), ...file }));
    if (!r.ok) return ctx.replyWithHTML(t.errors(fileName, r.errors), reply);
    if (r.pendingId === null) return ctx.replyWithHTML(t.preview(r.preview), reply);
    return ctx.replyWithHTML(t.preview(r.preview), {
      ...reply,
      reply_markup: {
        inline_keyboard: [
          [
            { text: t.buttons.apply, callback_data: `${kind.prefix}:ok:${r.pendingId}` },
            { text: t.buttons.cancel, callback_data: `${kind.prefix}:no:${r.pendingId}` },
          ],
        ],
      },
    });
  });

  bot.action(new RegExp(`^${kind.prefix}:(ok|no):(\\d+)$`), async (ctx) => {
    const t = kind.texts(ctx);
    const r = await typingWhile(ctx, () =>
      kind.decide(ctx, {
        ...who(ctx),
        pendingId: Number(ctx.match[2]),
        apply: ctx.match[1] === "ok",
        updateId: BigInt(ctx.update.update_id),
      }),
    );
    if (r.status === "notYours") return ctx.answerCbQuery(t.notYours, { show_alert: true });
    if (r.status === "gone") {
      await ctx.answerCbQuery(t.gone, { show_alert: true });
      return ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    }
    await ctx.answerCbQuery(r.status === "applied" ? "✅" : "✖");
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    return ctx.replyWithHTML(r.status === "applied" ? t.applied(r) : t.cancelled);
  });
}
