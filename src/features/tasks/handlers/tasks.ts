// Tasks by command: /giao (assign), /done <id> <note>, /tasks, /overdue, /vuongmac; the snooze and
// obstacle buttons under reminders, and the reason of an obstacle (the next message of that user there).
import type { Telegraf } from "telegraf";
import { localDate, parseDmy } from "../../../domain/dates.ts";
import { parseRecurrence } from "../../../domain/recurrence.ts";
import { parseTaskFlags } from "../../../domain/task-flags.ts";
import { refusal, refusalsOf } from "../../refusals.ts";
import type { ListScope } from "../assign.ts";
import { snoozeRows, type SnoozeKind } from "../notices.ts";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { askForAnswer, onAnswer } from "../../../platform/telegram/answers.ts";
import { provinceChat, refuse } from "../../../platform/telegram/scope.ts";
import { readCompletion, replyToOutcome } from "./completion.ts";
import { startGuidedAssign } from "./assign-guided.ts";

const taskError = refusalsOf("tasks");

/** "/giao <đơn vị> | <chương trình hoặc -> | <người phụ trách> | <dd/mm/yyyy> | <tiêu đề> [| <văn bản>] [| hằng tháng
 * ngày 5] [| cần minh chứng] [| cần xác nhận]": the parts after the title in any order */
export function parseAssign(args: string, today: string) {
  const parts = args.split("|").map((p) => p.trim());
  const [unit = "", programme = "", responsible = "", date = "", title = "", ...rest] = parts;
  if (!unit || !responsible || !date || !title) throw taskError("usage");
  const dueDate = parseDmy(date, today);
  if (!dueDate) throw taskError("badDate", date);
  let recurrence = "";
  let docRef = "";
  let requiresEvidence = false;
  let requiresConfirmation = false;
  for (const extra of rest.filter((x) => x !== "")) {
    const rule = parseRecurrence(extra);
    const flags = rule ? null : parseTaskFlags(extra);
    if (rule) recurrence = rule;
    else if (flags) {
      requiresEvidence ||= flags.requiresEvidence;
      requiresConfirmation ||= flags.requiresConfirmation;
    } else if (!docRef) docRef = extra;
    else throw taskError("usage");
  }
  return {
    unit,
    programme: programme === "" || programme === "-" ? null : programme,
    responsible,
    dueDate,
    title,
    docRef,
    recurrence,
    requiresEvidence,
    requiresConfirmation,
  };
}

const giaoCommand: CommandSpec = {
  name: "giao",
  aliases: ["assign"],
  args: "<đơn vị> | <chương trình hoặc -> | <người phụ trách> | <dd/mm/yyyy> | <tiêu đề> [| <số/ký hiệu văn bản>] [| hằng tháng ngày 5] [| cần minh chứng] [| cần xác nhận]",
  chats: ["private", "group"],
  who: ["SECRETARIAT", "CHAIRMAN"],
  async handler(ctx, args) {
    if (!args) return startGuidedAssign(ctx);
    const input = parseAssign(args, localDate(ctx.now));
    const view = await ctx.services.assign.assign({
      ...input,
      actor: ctx.actor!,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML(ctx.t.tasks.assignedReply(view));
  },
};

const doneCommand: CommandSpec = {
  name: "done",
  vi: "xong",
  args: "<số việc> <ghi chú>",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx, args) {
    const m = /^#?(\d{1,9})\b\s*([\s\S]*)$/.exec(args);
    if (!m) {
      // no number: the task in question (a reply to a reminder or list, or the sender's only open task)
      const outcome = await readCompletion(ctx, args, true);
      if (outcome.kind === "ignored") return ctx.replyWithHTML(ctx.t.tasks.doneUsage);
      return replyToOutcome(ctx, outcome);
    }
    const taskId = Number(m[1]);
    if (!(await ctx.services.tasks.exists(taskId))) throw taskError("taskNotFound", taskId);
    const view = await ctx.services.tasks.complete({
      taskId,
      actor: ctx.actor!,
      note: m[2] ?? "",
      now: ctx.now,
      fromChatId: BigInt(ctx.chat!.id),
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML(ctx.t.done.confirmed(view));
  },
};

const unitName = (ctx: BotContext, unitId: number): Promise<string> => ctx.services.registry.unitName(unitId);

const tasksCommand: CommandSpec = {
  name: "tasks",
  vi: "viec",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx) {
    const t = ctx.t.tasks.list;
    const unitId = ctx.chat?.type !== "private" ? ctx.chatInfo?.unitId : null;
    if (ctx.chat?.type !== "private" && !ctx.chatInfo) throw refusal("common", "chatNotBound");
    const scope: ListScope = unitId ? { unitId } : { responsibleId: ctx.actor!.officialId };
    const lines = await ctx.services.assign.openTasks(scope, ctx.now);
    const header = unitId ? t.unit(await unitName(ctx, unitId), lines.length) : t.mine(lines.length);
    return ctx.replyWithHTML([header, ...(lines.length ? lines.map(t.line) : [t.none])].join("\n"));
  },
};

/** Where /overdue looks: the group's unit, the province, or in private the asker's unit(s). */
function overdueScope(ctx: BotContext): ListScope {
  if (ctx.chat?.type !== "private") {
    if (ctx.chatInfo?.isSecretariat) return "province";
    if (ctx.chatInfo?.unitId) return { unitId: ctx.chatInfo.unitId };
    throw refusal("common", "chatNotBound");
  }
  const actor = ctx.actor!;
  if (actor.roles.some((r) => r.role === "SECRETARIAT" || r.unitId === null)) return "province";
  // every unit one holds a role in: a supervisor following several units sees all of them (as in /status)
  const unitIds = [...new Set(actor.roles.flatMap((r) => (r.unitId !== null ? [r.unitId] : [])))];
  if (unitIds.length > 1) return { unitIds };
  const unitId = unitIds[0] ?? actor.unitId;
  return unitId ? { unitId } : "province";
}

const overdueCommand: CommandSpec = {
  name: "overdue",
  vi: "quahan",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx) {
    const t = ctx.t.tasks.list;
    const scope = overdueScope(ctx);
    const lines = await ctx.services.assign.overdueTasks(scope, ctx.now);
    if (typeof scope === "object" && "unitIds" in scope) {
      const names = (await Promise.all(scope.unitIds.map((id) => unitName(ctx, id)))).sort((a, b) =>
        a.localeCompare(b, "vi"),
      );
      const body = lines.length ? lines.map((l) => t.overdueLine(l, true)) : [t.noneOverdue];
      return ctx.replyWithHTML([t.overdueUnits(names, lines.length), ...body].join("\n"));
    }
    const header =
      scope === "province"
        ? t.overdueProvince(lines.length)
        : "unitId" in scope
          ? t.overdueUnit(await unitName(ctx, scope.unitId), lines.length)
          : "";
    const body = lines.length ? lines.map((l) => t.overdueLine(l, scope === "province")) : [t.noneOverdue];
    return ctx.replyWithHTML([header, ...body].join("\n"));
  },
};

const obstaclesCommand: CommandSpec = {
  name: "vuongmac",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx) {
    if (!provinceChat(ctx)) return refuse(ctx, ctx.t.onboarding.scope.provinceData);
    const o = ctx.t.tasks.obstacle;
    const rows = await ctx.services.assign.openObstacles();
    return ctx.replyWithHTML([o.listHeader(rows.length), ...(rows.length ? rows.map(o.line) : [o.none])].join("\n"));
  },
};

export const taskCommands: CommandSpec[] = [giaoCommand, doneCommand, tasksCommand, overdueCommand, obstaclesCommand];

export function registerTaskActions(bot: Telegraf<BotContext>) {
  bot.action(/^snz:(1h|am|wd):(\d+)$/, async (ctx) => {
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const view = await ctx.services.assign.snooze({
      taskId: Number(ctx.match[2]),
      kind: ctx.match[1] as SnoozeKind,
      actor: ctx.actor,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    await ctx.answerCbQuery("⏰");
    return ctx.replyWithHTML(ctx.t.tasks.snoozed(view));
  });

  // ⏰ n under a digest: the single reminder's three snooze buttons for that task
  bot.action(/^snq:(\d+)$/, async (ctx) => {
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const taskId = Number(ctx.match[1]);
    const task = await ctx.services.assign.snoozeChoices({ taskId, actor: ctx.actor, now: ctx.now });
    await ctx.answerCbQuery("⏰");
    return ctx.replyWithHTML(ctx.t.tasks.snoozeWhen(task.title, task.dueDate), {
      reply_markup: { inline_keyboard: snoozeRows(taskId, ctx.t) },
    });
  });

  bot.action(/^obs:(\d+)$/, async (ctx) => {
    if (!ctx.actor) throw refusal("common", "notRegistered");
    const title = await ctx.services.assign.askObstacle({
      taskId: Number(ctx.match[1]),
      chatId: BigInt(ctx.chat?.id ?? 0),
      userId: BigInt(ctx.from.id),
      actor: ctx.actor,
      now: ctx.now,
    });
    await ctx.answerCbQuery("⚠️");
    return askForAnswer(ctx, ctx.t.tasks.obstacle.ask(title));
  });

  // the reason of an obstacle: the next text of that user in that chat
  onAnswer(bot, async (ctx, a, replyTo) => {
    if (!(await ctx.services.assign.awaitsObstacle(a.chatId, a.userId, a.now))) return false;
    const view = await ctx.services.assign.recordObstacle({ ...a, reason: a.text });
    if (!view) return false;
    await ctx.replyWithHTML(ctx.t.tasks.obstacle.recorded(view), replyTo);
    return true;
  });
}
