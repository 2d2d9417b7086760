// /status [unit]: one line per programme for a unit; the province league table in the secretariat's chat.
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { refusal } from "../../refusals.ts";
import { leagueReply } from "./disbursement.ts";
import { canSeeProvince, canSeeUnit, isSecretariat, refuse } from "../../../platform/telegram/scope.ts";

async function whichUnit(ctx: BotContext, args: string): Promise<number | "province"> {
  if (args) return (await ctx.services.registry.findUnit(args)).id;
  if (ctx.chatInfo?.isSecretariat) return "province";
  if (ctx.chatInfo?.unitId) return ctx.chatInfo.unitId;
  if (ctx.chat?.type !== "private") throw refusal("common", "chatNotBound");
  const actor = ctx.actor!;
  if (actor.roles.some((r) => r.role === "SECRETARIAT" || (r.role === "SUPERVISOR" && r.unitId === null)))
    return "province";
  const unitId = actor.roles.find((r) => r.unitId !== null)?.unitId ?? actor.unitId;
  if (!unitId) return "province";
  return unitId;
}

export const statusCommand: CommandSpec = {
  name: "status",
  vi: "tinhhinh",
  args: "[đơn vị]",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx, args) {
    const league = await leagueReply(ctx, args);
    if (league !== null) return ctx.replyWithHTML(league);
    const target = await whichUnit(ctx, args);
    // scope: the group's own unit, the units one is responsible for or follows; the province for the secretariat
    if (
      target === "province"
        ? !ctx.chatInfo?.isSecretariat && !canSeeProvince(ctx.actor)
        : ctx.chatInfo?.unitId !== target && !canSeeUnit(ctx.actor, target)
    ) {
      return refuse(ctx, target === "province" ? ctx.t.onboarding.scope.province : ctx.t.onboarding.scope.otherUnit);
    }
    if (target === "province") {
      const province = ctx.t.status.province(await ctx.services.status.provinceStatus(ctx.now));
      // the secretariat also sees the directives' progress (#19)
      if (!ctx.chatInfo?.isSecretariat && !isSecretariat(ctx.actor)) return ctx.replyWithHTML(province);
      const directives = ctx.t.directives.statusLines(await ctx.services.directives.summaries(ctx.now));
      return ctx.replyWithHTML([province, ...directives].join("\n"));
    }
    return ctx.replyWithHTML(ctx.t.status.unit(await ctx.services.status.unitStatus(target, ctx.now)));
  },
};
