// Reports for leaders: /scorecard (/diem) for a unit or an official over a period, /export (/xuat) of a
// report file in the secretariat's group (with a progress message), /chart (/bieudo) of disbursement.
import { localDate } from "../../../domain/dates.ts";
import { splitPeriod } from "../../../domain/scorecard.ts";
import { exportFilename, exportKindNamed } from "../exports.ts";
import { mayViewOfficialScorecard, mayViewUnitScorecard, type ScorecardSubject } from "../scorecard.ts";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { canSeeProvince, canSeeUnit, isSecretariat, refuse } from "../../../platform/telegram/scope.ts";

const LEADS = ["CHAIRMAN", "PARTY_SECRETARY"];

/** Without a subject: the group's unit, the unit one leads, else oneself. */
async function defaultSubject(ctx: BotContext): Promise<ScorecardSubject> {
  const actor = ctx.actor!;
  const unitId =
    ctx.chat?.type !== "private" && ctx.chatInfo?.unitId
      ? ctx.chatInfo.unitId
      : actor.roles.find((r) => LEADS.includes(r.role) && r.unitId !== null)?.unitId;
  if (unitId) {
    return { kind: "unit", id: unitId, name: await ctx.services.registry.unitName(unitId) };
  }
  return { kind: "official", id: actor.officialId, name: actor.fullName, unitId: actor.unitId };
}

export const scorecardCommand: CommandSpec = {
  name: "scorecard",
  vi: "ketqua",
  aliases: ["diem"],
  args: "[đơn vị | cán bộ] [kỳ]",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx, args) {
    const { subject: query, period } = splitPeriod(args, localDate(ctx.now));
    if (/^(help|\?)$/i.test(query)) return ctx.replyWithHTML(ctx.t.reports.scorecardUsage);
    const subject = query ? await ctx.services.scorecard.findSubject(query) : await defaultSubject(ctx);
    const actor = ctx.actor!;
    if (subject.kind === "unit") {
      if (!mayViewUnitScorecard(actor, subject.id)) return refuse(ctx, ctx.t.onboarding.scope.otherUnit);
      return ctx.replyWithHTML(
        ctx.t.reports.scorecard(await ctx.services.scorecard.unitScorecard(subject.id, period, ctx.now)),
      );
    }
    if (!mayViewOfficialScorecard(actor, subject)) return refuse(ctx, ctx.t.reports.scope.otherOfficial);
    return ctx.replyWithHTML(
      ctx.t.reports.scorecard(await ctx.services.scorecard.officialScorecard(subject.id, period, ctx.now)),
    );
  },
};

/**
 * Progress by editing one message: at most one edit per `minIntervalMs` (wall clock, a UI concern), never
 * the same text twice. The final state is always shown by the caller.
 */
export function progressReporter(opts: {
  minIntervalMs: number;
  clock: () => number;
  edit: (text: string) => Promise<unknown>;
  text: (percent: number) => string;
}) {
  let last = opts.clock();
  let shown = opts.text(0);
  return async (fraction: number) => {
    const t = opts.clock();
    const text = opts.text(Math.min(100, Math.max(0, Math.floor(fraction * 100))));
    if (t - last < opts.minIntervalMs || text === shown) return false;
    last = t;
    shown = text;
    try {
      await opts.edit(text);
    } catch {
      // a failed progress edit (flood limit, message gone) must not stop the export
    }
    return true;
  };
}

export const exportCommand: CommandSpec = {
  name: "export",
  vi: "xuat",
  args: "<loại> [kỳ] [csv]",
  // declared for private chats too, so that a private /export is told where it works (the secretariat's
  // group), not the guard's generic "only in a unit's group"
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const r = ctx.t.reports;
    if (ctx.chat?.type === "private" || !ctx.chatInfo?.isSecretariat) return refuse(ctx, r.scope.secretariatChat);
    const words = args.split(/\s+/).filter(Boolean);
    const format = words.some((w) => w.toLowerCase() === "csv") ? "csv" : "xlsx";
    const rest = words.filter((w) => !["csv", "xlsx"].includes(w.toLowerCase()));
    const [kind = "", ...periodWords] = rest;
    const k = exportKindNamed(kind);
    if (!k) return ctx.replyWithHTML(r.export.usage);
    const today = localDate(ctx.now);
    const p = periodWords.length ? splitPeriod(periodWords.join(" "), today) : null;
    if (p && (p.subject || !p.explicit)) return ctx.replyWithHTML(r.export.usage);

    const progress = await ctx.reply(r.export.progress(0));
    const report = progressReporter({
      minIntervalMs: 2000,
      clock: Date.now,
      edit: (text) => ctx.telegram.editMessageText(progress.chat.id, progress.message_id, undefined, text),
      text: r.export.progress,
    });
    const result = await ctx.services.exports.build(k, {
      now: ctx.now,
      ...(p ? { period: p.period } : {}),
      onProgress: report,
    });
    const buffer = await ctx.services.exports.file(result, format);
    const filename = exportFilename(k, today, format);
    await ctx.telegram
      .editMessageText(progress.chat.id, progress.message_id, undefined, r.export.done(filename, result.rows), {
        parse_mode: "HTML",
      })
      .catch(() => undefined);
    return ctx.replyWithDocument({ source: buffer, filename }, { caption: r.export.caption(k, today) });
  },
};

export const chartCommand: CommandSpec = {
  name: "chart",
  vi: "bieudo",
  args: "[đơn vị]",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx, args) {
    const r = ctx.t.reports;
    const actor = ctx.actor!;
    const caption = r.chart.caption(localDate(ctx.now));
    let unitId: number | null = null;
    if (args) unitId = (await ctx.services.registry.findUnit(args)).id;
    else if (!ctx.chatInfo?.isSecretariat && !canSeeProvince(actor)) {
      const followed = actor.roles.filter((x) => x.role === "SUPERVISOR" && x.unitId !== null).map((x) => x.unitId!);
      if (ctx.chat?.type === "private" && followed.length) {
        const chart = await ctx.services.charts.rateChart(ctx.now, followed);
        return ctx.replyWithPhoto({ source: chart.png, filename: "bieu-do-giai-ngan.png" }, { caption });
      }
      unitId =
        (ctx.chat?.type !== "private" ? ctx.chatInfo?.unitId : null) ??
        actor.roles.find((x) => x.unitId !== null)?.unitId ??
        actor.unitId;
      if (!unitId) return ctx.replyWithHTML(r.chart.usage);
    }
    if (unitId === null) {
      const chart = await ctx.services.charts.rateChart(ctx.now);
      return ctx.replyWithPhoto({ source: chart.png, filename: "bieu-do-giai-ngan.png" }, { caption });
    }
    if (ctx.chatInfo?.unitId !== unitId && !isSecretariat(actor) && !canSeeUnit(actor, unitId)) {
      return refuse(ctx, ctx.t.onboarding.scope.otherUnit);
    }
    const chart = await ctx.services.charts.unitChart(unitId, ctx.now);
    if (!chart) return ctx.replyWithHTML(r.chart.noData);
    return ctx.replyWithPhoto({ source: chart.png, filename: "bieu-do-don-vi.png" }, { caption });
  },
};

export const reportCommands: CommandSpec[] = [scorecardCommand, exportCommand, chartCommand];
