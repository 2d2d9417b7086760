// /vangmat: an official's absence (set for himself, or by the secretariat for anyone; listed; cancelled) and
// /phutrach: the deputy chairman in charge of a unit's programme (secretariat). Absence.ts reads the words.
import { foldVietnamese } from "../../../domain/text.ts";
import type { CommandSpec } from "../../../platform/telegram/commands.ts";

const CANCEL = /^(\S+)\s+#?(\d{1,9})$/u;

export const absenceCommand: CommandSpec = {
  name: "vangmat",
  aliases: ["away"],
  args: "[<từ ngày> <đến ngày> <lý do> | huy <số>]",
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx, args) {
    const t = ctx.t.absence;
    const base = { actor: ctx.actor!, now: ctx.now, updateId: BigInt(ctx.update.update_id) };
    if (!args.trim()) return ctx.replyWithHTML(t.list(await ctx.services.absence.list(ctx.actor!, ctx.now)));
    const cancel = CANCEL.exec(args.trim());
    if (cancel && ["huy", "cancel"].includes(foldVietnamese(cancel[1]!)))
      return ctx.replyWithHTML(t.cancelled(await ctx.services.absence.cancel({ id: Number(cancel[2]), ...base })));
    return ctx.replyWithHTML(t.recorded(await ctx.services.absence.set({ args, ...base })));
  },
};

export const deputyCommand: CommandSpec = {
  name: "phutrach",
  aliases: ["deputy"],
  args: "[<đơn vị> <chương trình> <tên | mã | ->]",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const r = await ctx.services.deputies.deputy({
      args,
      actor: ctx.actor!,
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
    });
    return ctx.replyWithHTML("set" in r ? ctx.t.absence.deputySet(r.set) : ctx.t.absence.deputies(r.list));
  },
};

export const absenceCommands: CommandSpec[] = [absenceCommand, deputyCommand];
