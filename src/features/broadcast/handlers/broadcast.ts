// /thongbao (/broadcast) <text>, or /thongbao lúc (at) dd/mm/yyyy hh:mm <text>: the secretariat's announcements.
// The bot asks for the audience, shows a preview with the recipient count, and on ✅ confirms it (the
// outbox rows are written in that transaction; the dispatcher sends them, never this handler).
import type { Telegraf } from "telegraf";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { formatDmy, localDate, localInstant, localMinutes, parseDmy } from "../../../domain/dates.ts";
import { isAudienceKey, type AudienceKey } from "../broadcast.ts";
import { isSecretariat } from "../../../platform/telegram/scope.ts";

// "at" or "lúc" (with or without its accent), the date then the time or the time then the date
// ("lúc 8h00 ngày 25/11/2026"), the time as 8:00, 8h00 or 8g00
const WORD = "(?:at|lúc|luc)";
const DAY = "(\\d{1,2}\\/\\d{1,2}\\/\\d{4})";
const TIME = "([01]?\\d|2[0-3])[:hg]([0-5]\\d)";
const DATE_FIRST = new RegExp(`^${WORD}\\s+(?:ngày\\s+)?${DAY}\\s+(?:${WORD}\\s+)?${TIME}\\s+([\\s\\S]+)$`, "i");
const TIME_FIRST = new RegExp(`^${WORD}\\s+${TIME}\\s+(?:ngày\\s+)?${DAY}\\s+([\\s\\S]+)$`, "i");

/** The date, hours, minutes and text of a scheduled broadcast, or null when the text is not scheduled. */
function scheduled(args: string): { day: string; hh: string; mm: string; text: string } | null {
  const d = DATE_FIRST.exec(args);
  if (d) return { day: d[1]!, hh: d[2]!, mm: d[3]!, text: d[4]! };
  const t = TIME_FIRST.exec(args);
  return t ? { day: t[3]!, hh: t[1]!, mm: t[2]!, text: t[4]! } : null;
}

const service = (ctx: BotContext) => ctx.services.broadcast;

const pad = (n: number) => String(n).padStart(2, "0");
const formatAt = (d: Date) =>
  `${formatDmy(localDate(d))} ${pad(Math.floor(localMinutes(d) / 60))}:${pad(localMinutes(d) % 60)}`;

export const broadcastCommand: CommandSpec = {
  name: "broadcast",
  vi: "thongbao",
  args: "[lúc dd/mm/yyyy hh:mm] <nội dung>",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const t = ctx.t.broadcast;
    if (ctx.chat?.type !== "private" && !ctx.chatInfo?.isSecretariat) return ctx.replyWithHTML(t.onlySecretariatChat);
    if (!args) return ctx.replyWithHTML(t.usage);
    let text = args;
    let scheduledAt: Date | null = null;
    const m = scheduled(args);
    if (m) {
      const day = parseDmy(m.day, localDate(ctx.now));
      if (!day) return ctx.replyWithHTML(t.badTime);
      scheduledAt = localInstant(day, Number(m.hh) * 60 + Number(m.mm));
      if (scheduledAt <= ctx.now) return ctx.replyWithHTML(t.badTime);
      text = m.text.trim();
    }
    const s = service(ctx);
    const id = await s.draft({
      text,
      chatId: BigInt(ctx.chat!.id),
      officialId: ctx.actor!.officialId,
      scheduledAt,
      now: ctx.now,
    });
    const programmes = await s.programmes();
    const button = (label: string, key: AudienceKey) => [{ text: label, callback_data: `bc:a:${id}:${key}` }];
    return ctx.replyWithHTML(t.chooseAudience(text), {
      reply_markup: {
        inline_keyboard: [
          button(t.audience.units, "units"),
          button(t.audience.chairmen, "chairmen"),
          button(t.audience.responsible, "responsible"),
          button(t.audience.supervisors, "supervisors"),
          ...programmes.map((p) => button(t.audience.programme(p.code), `prog:${p.id}`)),
          [{ text: t.cancel, callback_data: `bc:no:${id}` }],
        ],
      },
    });
  },
};

export function registerBroadcastActions(bot: Telegraf<BotContext>) {
  const mayAct = (ctx: BotContext) => isSecretariat(ctx.actor);

  bot.action(/^bc:a:(\d+):(.+)$/, async (ctx) => {
    const t = ctx.t.broadcast;
    if (!mayAct(ctx))
      return ctx.answerCbQuery(
        ctx.t.errors.notAllowed(ctx.t.errors.roleRequired(["SECRETARIAT"])).replace(/<[^>]+>/g, ""),
      );
    const id = Number(ctx.match[1]);
    const key = ctx.match[2] as string;
    if (!isAudienceKey(key)) return ctx.answerCbQuery();
    const s = service(ctx);
    const chosen = await s.choose(id, key, ctx.now);
    await ctx.answerCbQuery();
    if (!chosen) return ctx.editMessageText(t.alreadyHandled, { parse_mode: "HTML" });
    const label = key.startsWith("prog:")
      ? t.audience.programme((await s.programmes()).find((p) => p.id === Number(key.slice(5)))?.code ?? "")
      : t.audience[key as "units" | "chairmen" | "responsible" | "supervisors"];
    if (chosen.count === 0) {
      return ctx.editMessageText(t.preview(chosen.text, label, 0, chosen.notStarted, null) + `\n${t.nobody}`, {
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: [[{ text: t.cancel, callback_data: `bc:no:${id}` }]] },
      });
    }
    return ctx.editMessageText(
      t.preview(
        chosen.text,
        label,
        chosen.count,
        chosen.notStarted,
        chosen.scheduledAt ? formatAt(chosen.scheduledAt) : null,
      ),
      {
        parse_mode: "HTML",
        reply_markup: {
          inline_keyboard: [
            [
              { text: t.send, callback_data: `bc:ok:${id}` },
              { text: t.cancel, callback_data: `bc:no:${id}` },
            ],
          ],
        },
      },
    );
  });

  bot.action(/^bc:ok:(\d+)$/, async (ctx) => {
    const t = ctx.t.broadcast;
    if (!mayAct(ctx)) return ctx.answerCbQuery();
    const id = Number(ctx.match[1]);
    const s = service(ctx);
    const done = await s.confirm(id, ctx.now);
    await ctx.answerCbQuery();
    if (!done) return ctx.editMessageText(t.alreadyHandled, { parse_mode: "HTML" });
    const messageId = ctx.callbackQuery.message?.message_id;
    if (messageId !== undefined) await s.setProgressMessage(id, messageId);
    return ctx.editMessageText(
      done.scheduledAt ? t.scheduled(formatAt(done.scheduledAt), done.total) : t.progress(0, done.total),
      {
        parse_mode: "HTML",
      },
    );
  });

  bot.action(/^bc:no:(\d+)$/, async (ctx) => {
    const t = ctx.t.broadcast;
    if (!mayAct(ctx)) return ctx.answerCbQuery();
    const cancelled = await service(ctx).cancel(Number(ctx.match[1]));
    await ctx.answerCbQuery();
    return ctx.editMessageText(cancelled ? t.cancelled : t.alreadyHandled, { parse_mode: "HTML" });
  });
}
