// Meetings and written requests by command: /hop (monthly working session, R6), /yeucau, /traloi and
// /trunguong (written requests to provincial departments, R5).
import { localDate, parseDmy } from "../../../domain/dates.ts";
import { refusalsOf } from "../../refusals.ts";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";

const followupError = refusalsOf("followup");
const DATE_TOKEN = /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?$/;
const MEETING_DAY = /^(?:(?:ngày|ngay)\s+)?(\S+)(?:\s+(?:lúc|luc|at)\s+(?:[01]?\d|2[0-3])[:hg][0-5]\d)?(?=\s|$)/i;

function date(s: string, today: string): string {
  const d = parseDmy(s, today);
  if (!d) throw followupError("badDate", s);
  return d;
}

/** "[<đơn vị> |] [dd/mm/yyyy] <ghi chú>" */
export function parseMeeting(args: string, today: string): { unit?: string; heldOn: string | null; note: string } {
  const bar = args.indexOf("|");
  const unit = bar >= 0 ? args.slice(0, bar).trim() : undefined;
  const rest = (bar >= 0 ? args.slice(bar + 1) : args).trim();
  // "ngày 20/11/2026 lúc 14h00 …" as written in minutes: the day is kept, the hour read and left (the log
  // records the day of the session); "at" reads as "lúc"
  const m = MEETING_DAY.exec(rest);
  if (m && DATE_TOKEN.test(m[1]!))
    return { ...(unit ? { unit } : {}), heldOn: date(m[1]!, today), note: rest.slice(m[0].length).trim() };
  return { ...(unit ? { unit } : {}), heldOn: null, note: rest };
}

const chatUnit = (ctx: BotContext) => (ctx.chat?.type === "private" ? null : (ctx.chatInfo?.unitId ?? null));

export const meetingCommand: CommandSpec = {
  name: "hop",
  aliases: ["meeting"],
  args: "[dd/mm/yyyy] <ghi chú>",
  chats: ["private", "group"],
  who: ["PARTY_SECRETARY", "CHAIRMAN", "SECRETARIAT"],
  async handler(ctx, args) {
    if (!args) return ctx.replyWithHTML(ctx.t.followup.meeting.usage);
    const input = parseMeeting(args, localDate(ctx.now));
    const view = await ctx.services.meetings.logMeeting({
      ...input,
      chatUnitId: chatUnit(ctx),
      actor: ctx.actor!,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML(ctx.t.followup.meeting.logged(view));
  },
};

export const requestCommand: CommandSpec = {
  name: "yeucau",
  aliases: ["request"],
  args: "<sở, ngành> | <số văn bản> | <dd/mm/yyyy> | <trích yếu>",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx, args) {
    const t = ctx.t.followup.request;
    if (!args) {
      const open = await ctx.services.requests.listOpen(ctx.actor!, chatUnit(ctx));
      return ctx.replyWithHTML(open.length ? t.list(open) : t.listEmpty);
    }
    const [department = "", docNo = "", sent = "", ...subject] = args.split("|").map((p) => p.trim());
    if (!department || !docNo || !sent || !subject.join("|").trim()) return ctx.replyWithHTML(t.usage);
    const view = await ctx.services.requests.create({
      department,
      docNo,
      sentOn: date(sent, localDate(ctx.now)),
      subject: subject.join(" | "),
      chatUnitId: chatUnit(ctx),
      actor: ctx.actor!,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML(t.created(view));
  },
};

export const answerCommand: CommandSpec = {
  name: "traloi",
  aliases: ["answer"],
  args: "<số> <nội dung trả lời>",
  chats: ["private", "group"],
  who: ["DEPARTMENT_FOCAL", "SECRETARIAT"],
  async handler(ctx, args) {
    const m = /^#?(\d{1,9})\s+([\s\S]+)$/.exec(args);
    if (!m) return ctx.replyWithHTML(ctx.t.followup.request.answerUsage);
    const view = await ctx.services.requests.answer({
      id: Number(m[1]),
      note: m[2]!,
      actor: ctx.actor!,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML(ctx.t.followup.request.answeredReply(view));
  },
};

export const centralCommand: CommandSpec = {
  name: "trunguong",
  // "/trungương" as typed in Vietnamese: Telegram's command entity stops at the first non-ASCII letter
  // ("/trung"); the emulator keeps the whole word
  aliases: ["central", "trungương", "trung"],
  args: "<số>",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const m = /^#?(\d{1,9})\s*$/.exec(args);
    if (!m) return ctx.replyWithHTML(ctx.t.followup.request.centralUsage);
    const view = await ctx.services.requests.sendToCentral({
      id: Number(m[1]),
      actor: ctx.actor!,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML(ctx.t.followup.request.centralReply(view));
  },
};

export const followupCommands: CommandSpec[] = [meetingCommand, requestCommand, answerCommand, centralCommand];
