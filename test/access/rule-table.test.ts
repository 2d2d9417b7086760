// The access rule table itself, every cell: each registered command (the list createBot registers, so a
// command added later fails here until its row is written) × role × chat kind, through the guard's own
// function (allowed, src/platform/telegram/commands.ts) and the line it answers (refusalText). No database,
// no telegraf: matrix-sample.test.ts sends a sample of these cells through the real stack, with the
// scope rules the handlers add past the guard.
import { describe, expect, it } from "vitest";
import { FEATURES } from "../../src/bot.ts";
import { vi } from "../../src/i18n/vi.ts";
import type { Role } from "../../src/platform/db/client.ts";
import { allowed, refusalText, type CommandSpec } from "../../src/platform/telegram/commands.ts";
import type { BotContext } from "../../src/platform/telegram/context.ts";
import type { Actor } from "../../src/features/registry/registry.ts";

/** the same list createTelegramBot builds (src/platform/telegram/bot.ts) */
const commands: CommandSpec[] = FEATURES.flatMap((f) => f.commands?.(() => commands) ?? []);

const ROLES: (Role | null)[] = [
  "SECRETARIAT",
  "SUPERVISOR",
  "CHAIRMAN",
  "PARTY_SECRETARY",
  "RESPONSIBLE",
  "DEPARTMENT_FOCAL",
  null, // an unknown user (no active official)
];

/**
 * One row per command: [private chat, group chat], one letter per role in the order of ROLES.
 * "+" allowed, "c" wrong kind of chat, "u" not registered, "r" role required.
 */
const TABLE: Record<string, [string, string]> = {
  //           SSCPRDu    SSCPRDu
  start: ["+++++++", "ccccccc"],
  help: ["+++++++", "+++++++"],
  status: ["++++++u", "++++++u"],
  bind: ["ccccccc", "+r+rrru"],
  invite: ["+rrrrru", "+rrrrru"],
  unbind: ["ccccccc", "+r+rrru"],
  report: ["+r+r+ru", "+r+r+ru"],
  khongdat: ["+r+r+ru", "+r+r+ru"],
  dieuchuyen: ["+rrrrru", "+rrrrru"],
  giao: ["+r+rrru", "+r+rrru"],
  done: ["++++++u", "++++++u"],
  tasks: ["++++++u", "++++++u"],
  overdue: ["++++++u", "++++++u"],
  vuongmac: ["+rrrrru", "+rrrrru"],
  broadcast: ["+rrrrru", "+rrrrru"],
  hop: ["+r++rru", "+r++rru"],
  yeucau: ["++++++u", "++++++u"],
  traloi: ["+rrrr+u", "+rrrr+u"],
  trunguong: ["+rrrrru", "+rrrrru"],
  scorecard: ["++++++u", "++++++u"],
  export: ["+rrrrru", "+rrrrru"],
  chart: ["++++++u", "++++++u"],
  bangtheodoi: ["++++++u", "++++++u"],
  ketluan: ["+rrrrru", "+rrrrru"],
  giahan: ["++++++u", "++++++u"],
  history: ["++++++u", "++++++u"],
  pending: ["+r+rrru", "+r+rrru"],
  moi_hangloat: ["+rrrrru", "+rrrrru"],
  ai: ["+rrrrru", "+rrrrru"],
  canbo: ["+rrrrru", "+rrrrru"],
  bangiao: ["+rrrrru", "+rrrrru"],
  ngaynghi: ["+rrrrru", "+rrrrru"],
  vangmat: ["++++++u", "++++++u"],
  phutrach: ["+rrrrru", "+rrrrru"],
  chuongtrinh: ["+rrrrru", "+rrrrru"],
};

const ALIASES: Record<string, string[]> = {
  moi_hangloat: ["invites"],
  ai: ["who"],
  bangiao: ["handover"],
  ngaynghi: ["holidays"],
  chuongtrinh: ["programmes"],
  khongdat: ["cannotmeet"],
  giao: ["assign"],
  hop: ["meeting"],
  yeucau: ["request"],
  traloi: ["answer"],
  trunguong: ["central", "trungương", "trung"],
  scorecard: ["diem"],
  bangtheodoi: ["dashboard"],
  ketluan: ["chitieu"],
  giahan: ["extend"],
  vangmat: ["away"],
  phutrach: ["deputy"],
};

/** the Vietnamese name each command is shown by (menus, /help); the English name stays an alias */
const VI: Record<string, string> = {
  status: "tinhhinh",
  bind: "gannhom",
  invite: "kichhoat",
  unbind: "gonhom",
  report: "baocao",
  done: "xong",
  tasks: "viec",
  overdue: "quahan",
  broadcast: "thongbao",
  scorecard: "ketqua",
  export: "xuat",
  chart: "bieudo",
  history: "lichsu",
  pending: "choxacnhan",
};

/** an actor holding one role, scoped to a unit (the guard does not look at the unit: the handlers do) */
const actor = (role: Role | null, unitId: number | null = 7): Actor | null =>
  role && { officialId: 1, fullName: "Nguyễn Văn An", language: "vi", unitId, roles: [{ role, unitId }] };

const letter = (r: ReturnType<typeof allowed>) =>
  r === null ? "+" : r.reason === "chat" ? "c" : r.reason === "unregistered" ? "u" : "r";

const ctx = { t: vi } as unknown as BotContext;

describe("the access rule table (every command × role × chat kind)", () => {
  it("has a row for every registered command, and only those", () => {
    expect(commands.map((c) => c.name).sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(Object.keys(TABLE))("/%s: each role in a private chat and in a group", (name) => {
    const spec = commands.find((c) => c.name === name)!;
    const row = (["private", "group"] as const).map((scope) =>
      ROLES.map((role) => letter(allowed(spec, actor(role), scope))).join(""),
    );
    expect(row, name).toEqual(TABLE[name]);
    // a role scoped to no unit (province-wide) is judged the same by the guard
    const provinceWide = (["private", "group"] as const).map((scope) =>
      ROLES.map((role) => letter(allowed(spec, actor(role, null), scope))).join(""),
    );
    expect(provinceWide, `${name}, province-wide roles`).toEqual(TABLE[name]);
  });

  it("a channel post, or an update without a chat, is refused for every command and role", () => {
    let cells = 0;
    for (const spec of commands) {
      for (const role of ROLES) {
        for (const scope of ["channel", null] as const) {
          cells++;
          expect(allowed(spec, actor(role), scope), `${spec.name} · ${role} · ${scope}`).toEqual({
            reason: "chat",
            need: spec.chats,
          });
        }
      }
    }
    expect(cells).toBe(commands.length * ROLES.length * 2);
  });

  it("a person with several roles may use what any of them allows", () => {
    const chairmanAndFocal: Actor = {
      officialId: 2,
      fullName: "Trần Văn Bình",
      language: "vi",
      unitId: 7,
      roles: [
        { role: "CHAIRMAN", unitId: 7 },
        { role: "DEPARTMENT_FOCAL", unitId: null },
      ],
    };
    for (const spec of commands) {
      for (const scope of ["private", "group"] as const) {
        const i = scope === "private" ? 0 : 1;
        const either = [TABLE[spec.name]![i]![2], TABLE[spec.name]![i]![5]].includes("+");
        expect(allowed(spec, chairmanAndFocal, scope) === null, `${spec.name} · ${scope}`).toBe(either);
      }
    }
  });

  it("every alias belongs to its command", () => {
    expect(Object.fromEntries(commands.filter((c) => c.aliases?.length).map((c) => [c.name, c.aliases]))).toEqual(
      ALIASES,
    );
    expect(Object.fromEntries(commands.filter((c) => c.vi).map((c) => [c.name, c.vi]))).toEqual(VI);
    const words = commands.flatMap((c) => [c.name, ...(c.vi ? [c.vi] : []), ...(c.aliases ?? [])]);
    expect(new Set(words).size, "a word names one command").toBe(words.length);
  });

  it("each refusal is one line naming why", () => {
    const e = vi.errors;
    const bind = commands.find((c) => c.name === "bind")!;
    const start = commands.find((c) => c.name === "start")!;
    const invite = commands.find((c) => c.name === "invite")!;
    expect(refusalText(ctx, allowed(bind, actor("CHAIRMAN"), "private")!)).toBe(e.notAllowed(e.groupOnly));
    expect(refusalText(ctx, allowed(start, actor("CHAIRMAN"), "group")!)).toBe(e.notAllowed(e.privateOnly));
    expect(refusalText(ctx, allowed(invite, null, "private")!)).toBe(e.notRegistered);
    expect(refusalText(ctx, allowed(invite, actor("CHAIRMAN"), "private")!)).toBe(
      e.notAllowed(e.roleRequired(["SECRETARIAT"])),
    );
    for (const spec of commands) {
      for (const role of ROLES) {
        for (const scope of ["private", "group", "channel"] as const) {
          const r = allowed(spec, actor(role), scope);
          if (r) expect(refusalText(ctx, r)).not.toContain("\n");
        }
      }
    }
  });
});
