// /giao step by step (issue #18): the form's one message is edited as the starter presses its buttons (unit,
// programme, person, date); the date may be typed and the title is typed, each as a reply to the bot's
// question (with privacy mode on, a plain group message never reaches the bot: the title's question asks for a
// reply with force_reply); then the preview's ✅ Giao assigns. See src/features/tasks/assign-guided.ts.
import type { Telegraf } from "telegraf";
import type { InlineKeyboardButton } from "telegraf/types";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { refusal } from "../../refusals.ts";
import type { GuidedAction, GuidedView } from "../assign-guided.ts";

const cb = (v: GuidedView, action: GuidedAction, arg?: number | string) =>
  `ga:${v.pendingId}:${action}${arg !== undefined ? `:${arg}` : ""}`;

const pairs = <T>(xs: T[]): T[][] => xs.flatMap((x, i) => (i % 2 === 0 ? [xs.slice(i, i + 2)] : []));

/** The buttons of the form's current step. */
function keyboard(ctx: BotContext, v: GuidedView): InlineKeyboardButton[][] {
  const b = ctx.t.tasks.guided.buttons;
  const cancel = [{ text: b.cancel, callback_data: cb(v, "x") }];
  const paging = (action: GuidedAction) => {
    const row: InlineKeyboardButton[] = [];
    if (v.page > 0) row.push({ text: b.previous, callback_data: cb(v, action, v.page - 1) });
    if (v.page < v.pageCount - 1) row.push({ text: b.next, callback_data: cb(v, action, v.page + 1) });
    return row.length ? [row] : [];
  };
  switch (v.step) {
    case "unit":
      return [
        ...pairs(v.choices.map((c) => ({ text: c.label, callback_data: cb(v, "u", c.id) }))),
        ...paging("up"),
        cancel,
      ];
    case "programme":
      return [
        v.choices.map((c) => ({ text: c.label, callback_data: cb(v, "p", c.id) })),
        [{ text: b.noProgramme, callback_data: cb(v, "p", 0) }],
        cancel,
      ];
    case "person":
      return [
        ...pairs(
          v.choices.map((c) => ({
            text: c.responsible ? b.responsible(c.label) : c.label,
            callback_data: cb(v, "o", c.id),
          })),
        ),
        ...paging("op"),
        cancel,
      ];
    case "date":
      return [
        ...v.dateOptions.map((o) => [
          { text: b.date(o.kind, o.date), callback_data: cb(v, "d", o.date.replace(/-/g, "")) },
        ]),
        cancel,
      ];
    case "title":
      return [cancel];
    case "preview":
      return [
        [
          { text: b.evidence(v.requiresEvidence), callback_data: cb(v, "ev") },
          { text: b.confirmation(v.requiresConfirmation), callback_data: cb(v, "cf") },
        ],
        [{ text: b.confirm, callback_data: cb(v, "ok") }, ...cancel],
      ];
  }
}

const markup = (ctx: BotContext, v: GuidedView) => ({ reply_markup: { inline_keyboard: keyboard(ctx, v) } });

/** The title's question: a new message that opens the reply field (force_reply) for the starter. */
async function askTitle(ctx: BotContext, v: GuidedView, replyTo: number | null) {
  const t = ctx.t.tasks.guided;
  const sent = await ctx.replyWithHTML(t.titlePrompt, {
    reply_markup: { force_reply: true, selective: true, input_field_placeholder: t.titlePlaceholder },
    ...(replyTo !== null && { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }),
  });
  await ctx.services.guidedAssign.prompted(v.pendingId, sent.message_id);
}

/**
 * After a typed answer: the form's message shows what was chosen (with ✖️ Hủy while the title is awaited, no
 * button once the preview has its own), and the date questions sent after it lose their buttons.
 */
async function settleForm(ctx: BotContext, v: GuidedView) {
  const chatId = ctx.chat!.id;
  const [formId, ...questions] = v.messages;
  if (formId === undefined) return;
  const t = ctx.t.tasks.guided;
  const [text, keep] = v.step === "preview" ? [t.chosen(v), {}] : [t.form(v), markup(ctx, v)];
  await ctx.telegram
    .editMessageText(chatId, formId, undefined, text, { parse_mode: "HTML", ...keep })
    .catch(() => undefined);
  for (const id of questions)
    await ctx.telegram.editMessageReplyMarkup(chatId, id, undefined, undefined).catch(() => undefined);
}

/** /giao without arguments. */
export async function startGuidedAssign(ctx: BotContext) {
  const messageId = ctx.message?.message_id ?? null;
  const view = await ctx.services.guidedAssign.start({
    chatId: BigInt(ctx.chat!.id),
    userId: BigInt(ctx.from!.id),
    actor: ctx.actor!,
    now: ctx.now,
    commandMessageId: messageId,
  });
  const sent = await ctx.replyWithHTML(ctx.t.tasks.guided.form(view), markup(ctx, view));
  await ctx.services.guidedAssign.prompted(view.pendingId, sent.message_id);
}

export function registerGuidedAssign(bot: Telegraf<BotContext>) {
  // the typed date or title: a reply to the form's question, or a plain message where one reaches the bot
  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("text" in msg) || msg.text.startsWith("/") || !ctx.actor) return next();
    const replied = msg.reply_to_message;
    const r = await ctx.services.guidedAssign.answer({
      chatId: BigInt(ctx.chat.id),
      userId: BigInt(ctx.from.id),
      text: msg.text,
      replyTo: replied && replied.from?.id === ctx.botInfo.id ? replied.message_id : null,
      replyToOther: replied !== undefined && replied.from?.id !== ctx.botInfo.id,
      actor: ctx.actor,
      now: ctx.now,
    });
    if (!r) return next();
    const t = ctx.t.tasks.guided;
    const under = { reply_parameters: { message_id: msg.message_id } };
    switch (r.status) {
      case "expired":
        return ctx.replyWithHTML(t.expired, under);
      case "useButtons":
        return ctx.replyWithHTML(t.useButtons, under);
      case "badDate": {
        const sent = await ctx.replyWithHTML(`${t.dateProblem(r.problem)}\n${t.form(r.view)}`, {
          ...under,
          ...markup(ctx, r.view),
        });
        return ctx.services.guidedAssign.prompted(r.view.pendingId, sent.message_id);
      }
      case "view":
        await settleForm(ctx, r.view);
        if (r.view.step === "title") return askTitle(ctx, r.view, msg.message_id);
        return ctx.replyWithHTML(t.preview(r.view), { ...under, ...markup(ctx, r.view) });
    }
  });

  bot.action(/^ga:(\d+):(up|u|p|op|o|d|ev|cf|ok|x)(?::(\d+))?$/, async (ctx) => {
    const t = ctx.t.tasks.guided;
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const r = await ctx.services.guidedAssign.press({
      pendingId: Number(ctx.match[1]),
      userId: BigInt(ctx.from.id),
      action: ctx.match[2] as GuidedAction,
      arg: ctx.match[3] !== undefined ? Number(ctx.match[3]) : null,
      actor: ctx.actor,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    const edit = (text: string, extra: object = {}) =>
      ctx.editMessageText(text, { parse_mode: "HTML", ...extra }).catch(() => undefined);
    switch (r.status) {
      case "notYours":
        return ctx.answerCbQuery(t.notYours, { show_alert: true });
      case "stale":
        return ctx.answerCbQuery(t.stale, { show_alert: true });
      case "gone":
        await ctx.answerCbQuery(t.gone, { show_alert: true });
        return ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
      case "cancelled":
        await ctx.answerCbQuery("✖️");
        return edit(t.cancelled);
      case "badDate":
        await ctx.answerCbQuery(t.dateProblem(r.problem).replace(/<[^>]+>/g, ""), { show_alert: true });
        return edit(t.form(r.view), markup(ctx, r.view));
      case "assigned":
        await ctx.answerCbQuery("✅");
        await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
        return ctx.replyWithHTML(ctx.t.tasks.assignedReply(r.view));
      case "view":
        await ctx.answerCbQuery();
        await edit(r.view.step === "preview" ? t.preview(r.view) : t.form(r.view), markup(ctx, r.view));
        if (r.view.step === "title") return askTitle(ctx, r.view, r.view.commandMessageId);
        return;
    }
  });
}
