// /report (/baocao): cumulative disbursement; /khongdat (/cannotmeet): capital a unit expects not to disburse;
// /dieuchuyen: projected surplus and need per unit, and `ghi` to record a reallocation decision.
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import type { CommandInput } from "../disbursement.ts";
import { foldVietnamese } from "../../../domain/text.ts";
import { canSeeProvince, provinceChat, refuse } from "../../../platform/telegram/scope.ts";

function input(ctx: BotContext, args: string): CommandInput {
  return {
    actor: ctx.actor!,
    chatUnitId: ctx.chatInfo?.isSecretariat ? null : (ctx.chatInfo?.unitId ?? null),
    args,
    now: ctx.now,
    updateId: ctx.update?.update_id === undefined ? undefined : BigInt(ctx.update.update_id),
  };
}

export const reportCommand: CommandSpec = {
  name: "report",
  vi: "baocao",
  args: "<chương trình> <số tiền> [nguồn/loại] [ngày] [sửa]",
  chats: ["private", "group"],
  who: ["RESPONSIBLE", "CHAIRMAN", "SECRETARIAT"],
  async handler(ctx, args) {
    if (!args) return ctx.replyWithHTML(ctx.t.disbursement.errors.usage);
    return ctx.replyWithHTML(ctx.t.disbursement.reported(await ctx.services.disbursement.report(input(ctx, args))));
  },
};

export const cannotMeetCommand: CommandSpec = {
  name: "khongdat",
  aliases: ["cannotmeet"],
  args: "<chương trình> <số tiền> <lý do>",
  chats: ["private", "group"],
  who: ["RESPONSIBLE", "CHAIRMAN", "SECRETARIAT"],
  async handler(ctx, args) {
    if (!args) return ctx.replyWithHTML(ctx.t.disbursement.usageCannotMeet);
    const view = await ctx.services.disbursement.cannotMeet(input(ctx, args));
    return ctx.replyWithHTML(ctx.t.disbursement.cannotMeetAck(view));
  },
};

export const reallocationCommand: CommandSpec = {
  name: "dieuchuyen",
  args: "[ghi <từ đơn vị> sang <đến đơn vị> <chương trình> <số tiền> [số quyết định]]",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    if (!provinceChat(ctx)) return refuse(ctx, ctx.t.onboarding.scope.provinceData);
    const [first = "", ...rest] = args.split(/\s+/);
    if (args && foldVietnamese(first) !== "ghi") return ctx.replyWithHTML(ctx.t.disbursement.usageDecision);
    if (!args)
      return ctx.replyWithHTML(
        ctx.t.disbursement.reallocation(await ctx.services.disbursement.reallocationOverview(ctx.now)),
      );
    if (rest.length === 0) return ctx.replyWithHTML(ctx.t.disbursement.usageDecision);
    const view = await ctx.services.disbursement.recordDecision(input(ctx, rest.join(" ")));
    return ctx.replyWithHTML(ctx.t.disbursement.decisionRecorded(view));
  },
};

/**
 * /status <chương trình>, and /status in private for a supervisor who follows some units: the league table
 * of that programme, or of his units (the average stays the province's). Null when neither applies.
 */
export async function leagueReply(ctx: BotContext, args: string): Promise<string | null> {
  const programme = args ? await ctx.services.disbursement.programmeNamed(args) : null;
  if (args && !programme) return null;
  const actor = ctx.actor;
  const province = !!ctx.chatInfo?.isSecretariat || canSeeProvince(actor);
  const followed = (actor?.roles ?? [])
    .filter((r) => r.role === "SUPERVISOR" && r.unitId !== null)
    .map((r) => r.unitId!);
  if (!programme && (ctx.chat?.type !== "private" || province || followed.length === 0)) return null;
  if (!province && followed.length === 0) return ctx.t.errors.notAllowed(ctx.t.onboarding.scope.province);
  const view = await ctx.services.status.provinceStatus(ctx.now, {
    ...(programme ? { programmeId: programme.id } : {}),
    ...(province ? {} : { unitIds: followed }),
  });
  const d = ctx.t.disbursement;
  const header = programme
    ? d.programmeLeagueHeader(programme.code, view.asOf ?? null, view.year)
    : d.followedLeagueHeader(view.asOf ?? null, view.year);
  return [header, ...ctx.t.status.provinceRows(view)].join("\n");
}
