// The registry from the bot (secretariat): /canbo them|sua|ngung (add, edit — responsibilities too —,
// deactivate an official), /bangiao (hand an official's responsibilities, optionally one unit's, and open
// tasks over), /ai (who is responsible for what), /chuongtrinh (the programmes and the offices that answer
// their obstacles). Each change goes through the command line's services and is audited there.
import type { CommandSpec } from "../../../platform/telegram/commands.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import type { OfficialInput } from "../registry-admin.ts";
import { refusal } from "../../refusals.ts";

const FIELDS: Record<string, keyof OfficialInput> = {
  ten: "name",
  donvi: "unit",
  vaitro: "roles",
  chucvu: "title",
  telegram: "telegramId",
  chuongtrinh: "programmes",
  phutrach: "programmes",
  duan: "projects",
};
const LISTS = new Set<keyof OfficialInput>(["roles", "programmes", "projects"]);

/** «ten=…», «donvi=…» … as the fields of an edit; an unknown field is a usage error (null). */
function editFields(parts: string[]): OfficialInput | null {
  const input: Record<string, unknown> = {};
  for (const p of parts) {
    const m = /^([a-z]+)\s*=\s*(.*)$/i.exec(p);
    const field = m ? FIELDS[m[1]!.toLowerCase()] : undefined;
    if (!m || !field) return null;
    input[field] = LISTS.has(field) ? [m[2]!] : m[2]!;
  }
  return input as OfficialInput;
}

const change = (ctx: BotContext) => ({ now: ctx.now, actorId: ctx.actor!.officialId });

export const officialCommand: CommandSpec = {
  name: "canbo",
  args: "them|sua|ngung …",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const t = ctx.t.onboarding.admin;
    const [verb = "", ...rest] = args.split(/\s+/);
    const parts = rest
      .join(" ")
      .split("|")
      .map((p) => p.trim());
    const id = Number(parts[0]);
    const svc = ctx.services.registryChat;
    if (verb === "them" && parts.length >= 3) {
      const [name, unit, roles, title] = parts as [string, string, string, string | undefined];
      const r = await svc.addOfficial({ name, unit, roles: [roles], ...(title ? { title } : {}) }, change(ctx));
      return ctx.replyWithHTML(t.added(name, r.id));
    }
    if (verb === "sua" && Number.isInteger(id) && parts.length >= 2) {
      const input = editFields(parts.slice(1));
      if (!input) return ctx.replyWithHTML(t.usage);
      const r = await svc.updateOfficial(id, input, change(ctx));
      const updated = t.updated(id, r.changes);
      return ctx.replyWithHTML(r.responsibilities ? `${updated}\n${t.responsibilities(r.responsibilities)}` : updated);
    }
    if (verb === "ngung" && Number.isInteger(id) && id > 0) {
      const r = await svc.deactivateOfficial(id, change(ctx));
      return ctx.replyWithHTML(t.deactivated(id, r.endedRoles, r.endedResponsibilities));
    }
    return ctx.replyWithHTML(t.usage);
  },
};

export const handoverCommand: CommandSpec = {
  name: "bangiao",
  aliases: ["handover"],
  args: "<mã cũ> <mã mới> [đơn vị]",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const m = /^#?(\d+)\s+#?(\d+)(?:\s+(.+))?$/.exec(args.trim());
    if (!m) return ctx.replyWithHTML(ctx.t.onboarding.admin.usage);
    const r = await ctx.services.registryChat.handover(
      { fromId: Number(m[1]), toId: Number(m[2]), ...(m[3] ? { unit: m[3] } : {}) },
      change(ctx),
    );
    return ctx.replyWithHTML(ctx.t.onboarding.admin.handedOver(r.responsibilities, r.tasks));
  },
};

export const whoCommand: CommandSpec = {
  name: "ai",
  aliases: ["who"],
  args: "<tên|đơn vị>",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const t = ctx.t.onboarding.admin;
    if (!args.trim()) return ctx.replyWithHTML(t.whoUsage);
    const r = await ctx.services.registryChat.who(args.trim(), ctx.now);
    if (r.lines.length === 0) throw refusal("onboarding", "registryInput", t.whoNone(args.trim()));
    return ctx.replyWithHTML(t.who(args.trim(), r.lines));
  },
};

export const programmeCommand: CommandSpec = {
  name: "chuongtrinh",
  aliases: ["programmes"],
  args: "[<mã> coquan <sở, ban, văn phòng | không>]",
  chats: ["private", "group"],
  who: ["SECRETARIAT"],
  async handler(ctx, args) {
    const t = ctx.t.onboarding.admin.programmes;
    if (!args.trim()) return ctx.replyWithHTML(t.list(await ctx.services.registryChat.programmeOffices()));
    const m = /^(\S+)\s+(?:coquan|cơ\s*quan|co\s*quan)\s+(.+)$/iu.exec(args.trim());
    if (!m) return ctx.replyWithHTML(t.usage);
    const r = await ctx.services.registryChat.setProgrammeOffice({ code: m[1]!, unit: m[2]! }, change(ctx));
    return ctx.replyWithHTML(t.office(r.code, r.officeName));
  },
};
