// /ngaynghi [năm]: the year's holidays and make-up working days; /ngaynghi them dd/mm/yyyy [lamviec] <tên>:
// adds a holiday (or, with «lamviec», a make-up working day); /ngaynghi xoa dd/mm/yyyy: removes a day.
// Secretariat only.
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import { localDate } from "../../../domain/dates.ts";

export const holidaysCommand: CommandSpec = {
  name: "ngaynghi",
  aliases: ["holidays"],
  args: "[năm] | them <dd/mm/yyyy> [lamviec] <tên> | xoa <dd/mm/yyyy>",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const t = ctx.t.onboarding.holidays;
    const m = /^them\s+(\S+)\s*(lamviec|làm việc\b)?\s*(.*)$/i.exec(args.trim());
    if (m) {
      const r = await ctx.services.holidays.set({
        date: m[1]!,
        kind: m[2] ? "WORKDAY" : "HOLIDAY",
        name: m[3]!,
        actorId: ctx.actor!.officialId,
        now: ctx.now,
      });
      return ctx.replyWithHTML(t.added(r));
    }
    const x = /^(?:xoa|xóa)\s+(\S+)\s*$/i.exec(args.trim());
    if (x) {
      const r = await ctx.services.holidays.remove({ date: x[1]!, actorId: ctx.actor!.officialId, now: ctx.now });
      return ctx.replyWithHTML(t.removed(r));
    }
    const year = /^\d{4}$/.test(args.trim()) ? Number(args.trim()) : Number(localDate(ctx.now).slice(0, 4));
    if (args.trim() && !/^\d{4}$/.test(args.trim())) return ctx.replyWithHTML(t.usage);
    return ctx.replyWithHTML(t.list(year, await ctx.services.holidays.list(year)));
  },
};
