// The authorization matrix through the real stack (telegraf, services, database), on a sample of its cells:
// every registered command (from createBot's own list, so a command added later is sampled without touching
// this file) at least once refused and once allowed, with every role, in every kind of chat (private, the
// unit's group and supergroup, the secretariat's group), every member status for the commands that ask
// getChatMember, every scope refusal the handlers add past the guard, anonymous admins, channel posts and
// aliases. A refused cell answers exactly one refusal line and writes nothing; an allowed cell answers, and
// not with a refusal. The guard's part of the expectation is the rule table (allowed, refusalText), whose
// every cell rule-table.test.ts checks without the stack; the scope rules past it are written out here.
// matrix.test.ts keeps the exact replies of the onboarding commands.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { createBot, FEATURES } from "../../src/bot.ts";
import { allowed, refusalText, type CommandSpec } from "../../src/platform/telegram/commands.ts";
import type { BotContext } from "../../src/platform/telegram/context.ts";
import type { Actor } from "../../src/features/registry/registry.ts";
import type { Role } from "../../src/platform/db/client.ts";
import type { EmulatorChat, EmulatorUser, MemberStatus, SentMessage } from "../../tools/emulator/types.ts";
import { vi } from "../../src/i18n/vi.ts";
import { createLogger } from "../../src/platform/logger.ts";
import type { Provider } from "../support/db.ts";
import { DEMO, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const e = vi.errors;
const o = vi.onboarding;
const REFUSAL_PREFIX = e.notAllowed("").slice(0, -1); // "Đồng chí không dùng được lệnh này: "
/** refusal lines that do not start with REFUSAL_PREFIX */
const OTHER_REFUSALS = [e.notRegistered, o.bind.anonymousAdmin, vi.broadcast.onlySecretariatChat, vi.start.unknownUser];
const isRefusal = (text: string) => text.startsWith(REFUSAL_PREFIX) || OTHER_REFUSALS.includes(text);

/**
 * Sample arguments: harmless, valid-looking, so that an allowed cell really acts or answers a usage line.
 * A command missing here is still exercised, without arguments.
 */
const SAMPLE_ARGS: Record<string, string> = {
  start: "",
  help: "",
  status: "",
  bind: "nam trà my",
  unbind: "",
  invite: "Trần Văn Bình",
  report: "NTM 1 tỷ",
  khongdat: "NTM 1 tỷ Đường ĐH2: chưa giải phóng mặt bằng",
  dieuchuyen: "",
  giao: "nam trà my | NTM | Nguyễn Văn An | 30/12/2026 | Rà soát ma trận quyền",
  done: "99999 xong",
  tasks: "",
  overdue: "",
  vuongmac: "",
  broadcast: "Thông báo thử",
  hop: "Họp giao ban thử",
  yeucau: "",
  traloi: "99999 đã trả lời",
  trunguong: "99999",
  scorecard: "",
  export: "",
  chart: "",
};

type RoleKey =
  "secretariat" | "supervisor" | "chairman" | "partySecretary" | "official" | "departmentFocal" | "unknown";
const PEOPLE: Record<RoleKey, { id: number; name: string; roles: Role[] }> = {
  secretariat: { ...DEMO.secretariat, roles: ["SECRETARIAT"] },
  supervisor: { ...DEMO.supervisor, roles: ["SUPERVISOR"] },
  chairman: { ...DEMO.chairman, roles: ["CHAIRMAN"] },
  partySecretary: { ...DEMO.partySecretary, roles: ["PARTY_SECRETARY"] },
  official: { ...DEMO.official, roles: ["RESPONSIBLE"] },
  departmentFocal: { ...DEMO.departmentFocal, roles: ["DEPARTMENT_FOCAL"] },
  unknown: { id: 555, name: "Khách", roles: [] },
};
const ROLES = Object.keys(PEOPLE) as RoleKey[];

type ChatKey = "private" | "unitGroup" | "unitSupergroup" | "secretariatGroup";
const GROUP_CHATS = ["unitGroup", "unitSupergroup", "secretariatGroup"] as const;
const UNIT_GROUP: EmulatorChat = { id: -4105, type: "group", title: "Nhóm Nam Trà My (nhóm thường)" };
const CHANNEL: EmulatorChat = { id: -1008888, type: "channel", title: "Kênh thông tin" };
const chatFor = (c: ChatKey, role: RoleKey): EmulatorChat =>
  c === "private"
    ? privateChat(PEOPLE[role])
    : c === "unitGroup"
      ? UNIT_GROUP
      : group(c === "unitSupergroup" ? DEMO.groups.namTraMy : DEMO.groups.secretariat);

const STATUSES: MemberStatus[] = ["creator", "administrator", "member", "restricted", "left", "kicked"];
/** the commands whose outcome depends on the speaker's member status (they ask getChatMember) */
const STATUS_DEPENDENT = new Set(["bind", "unbind"]);

const ctx = { t: vi } as unknown as BotContext;
/** The guard's answer, from the rule table itself (rule-table.test.ts checks every cell): a line, or null. */
function guardRefusal(spec: CommandSpec, role: RoleKey, chat: ChatKey, anonymous = false): string | null {
  if (anonymous && spec.who !== "anyone") return o.bind.anonymousAdmin;
  const roles = PEOPLE[role].roles;
  const actor: Actor | null = roles.length
    ? {
        officialId: 0,
        fullName: PEOPLE[role].name,
        language: "vi",
        unitId: null,
        roles: roles.map((r) => ({ role: r, unitId: null })),
      }
    : null;
  const r = allowed(spec, anonymous ? null : actor, chat === "private" ? "private" : "group");
  return r && refusalText(ctx, r);
}

/**
 * The documented scope rules past the guard, for the sample arguments: the one refusal line of a cell the
 * declaration allows, or null when the cell acts. (Nam Trà My's people; both unit chats are Nam Trà My's.)
 */
function scopeRefusal(name: string, role: RoleKey, chat: ChatKey, status: MemberStatus): string | null {
  const unitChat = chat === "unitGroup" || chat === "unitSupergroup";
  const admin = status === "creator" || status === "administrator";
  switch (name) {
    case "start": // an unknown user is told so (not a refusal of the guard: /start is for anyone)
      return role === "unknown" ? vi.start.unknownUser : null;
    case "bind": // a chairman: only his own unit, only as an admin, never over a group bound elsewhere
      if (role !== "chairman") return null;
      if (chat === "secretariatGroup") return e.notAllowed(o.bind.boundElsewhere);
      return admin ? null : e.notAllowed(o.bind.notAdmin);
    case "unbind":
      if (role !== "chairman") return null;
      if (chat === "secretariatGroup") return e.notAllowed(o.bind.onlySecretariatFor);
      return admin ? null : e.notAllowed(o.bind.notAdmin);
    case "invite": // an activation link is never posted in a unit's group
    case "moi_hangloat":
      return unitChat ? e.notAllowed(o.invite.onlySecretariatGroup) : null;
    case "broadcast":
      return unitChat ? vi.broadcast.onlySecretariatChat : null;
    case "export": // the secretariat's group only; elsewhere (a private chat too) the refusal says so
      return chat !== "secretariatGroup" ? e.notAllowed(vi.reports.scope.secretariatChat) : null;
    case "dieuchuyen": // province-wide figures never go to a unit's group
    case "vuongmac":
      return unitChat ? e.notAllowed(o.scope.provinceData) : null;
    case "scorecard": // a unit's scorecard: its leaders, its supervisors, the province-wide
      return unitChat && (role === "official" || role === "departmentFocal") ? e.notAllowed(o.scope.otherUnit) : null;
  }
  return null;
}

const TABLES = [
  "AuditLog",
  "Chat",
  "Invite",
  "Task",
  "DisbursementReport",
  "CannotMeetReport",
  "ReallocationDecision",
  "Meeting",
  "WrittenRequest",
  "Broadcast",
  "PendingInput",
  "Obstacle",
  "OutboxMessage",
  "Reminder",
  "Official",
] as const;

/** One harness (its own database and emulator): the demo, the follow-up demo and a plain unit group. */
async function bench(provider: Provider) {
  const h = await startHarness(provider, { followup: true });
  const ntm = await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
  await h.db.db.chat.create({
    data: { telegramChatId: BigInt(UNIT_GROUP.id), kind: "GROUP", title: UNIT_GROUP.title!, unitId: ntm.id },
  });
  // the list the bot registers: createBot builds the same stack without starting anything
  const commands = createBot({
    token: "0:matrix",
    apiRoot: "http://127.0.0.1:9",
    services: h.app.services,
    clock: h.clock,
    logger: createLogger("silent"),
    defaultLanguage: "vi",
  }).commands;

  const counts = async (): Promise<Record<string, number>> => {
    const sql = `SELECT ${TABLES.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(", ")}`;
    const [row] = await h.db.db.$queryRawUnsafe<Record<string, bigint | number>[]>(sql);
    return Object.fromEntries(TABLES.map((t) => [t, Number(row![t])]));
  };
  const chatRows = async () =>
    (await h.db.db.chat.findMany({ orderBy: { id: "asc" } })).map(({ updatedAt: _u, ...c }) => ({
      ...c,
      telegramChatId: c.telegramChatId.toString(),
    }));
  /** an allowed /bind or /unbind moved a chat: put it back, so the next cell meets the same registry */
  async function restoreChats(rows: Awaited<ReturnType<typeof chatRows>>) {
    for (const r of rows) {
      await h.db.db.chat.update({
        where: { id: r.id },
        data: {
          unitId: r.unitId,
          isSecretariat: r.isSecretariat,
          status: r.status,
          boundAt: r.boundAt,
          boundByOfficialId: r.boundByOfficialId,
        },
      });
    }
  }
  const memberLookups = () => h.emulator.calls.filter((c) => c.method === "getChatMember").length;
  let cells = 0;

  /** The one assertion helper: send, then check the reply against the expectation and the tables. */
  async function cell(
    label: string,
    spec: CommandSpec,
    chat: EmulatorChat,
    send: () => Promise<SentMessage[]>,
    refusal: string | null,
  ) {
    cells++;
    const before = await counts();
    const chatsBefore = await chatRows();
    const lookups = memberLookups();
    const replies = (await send()).filter((m) => m.chat_id === chat.id).map((m) => m.text);
    if (memberLookups() > lookups)
      expect(STATUS_DEPENDENT.has(spec.name), `${label}: asks getChatMember, add it to STATUS_DEPENDENT`).toBe(true);
    if (refusal !== null) {
      expect(replies, label).toEqual([refusal]);
      expect(await counts(), `${label}: a refused cell writes nothing`).toEqual(before);
      expect(await chatRows(), label).toEqual(chatsBefore);
      return;
    }
    expect(replies.length, `${label}: ${JSON.stringify(replies)}`).toBeGreaterThanOrEqual(1);
    for (const text of replies) {
      expect(isRefusal(text), `${label}: refused: ${text}`).toBe(false);
      expect(text, label).not.toBe(e.generic);
    }
    // MATRIX_DUMP=1 lists what every allowed cell answered, to review the acting cells by eye
    if (process.env.MATRIX_DUMP)
      console.info(`${label} => ${replies.map((r) => r.slice(0, 100).replace(/\n/g, " ")).join(" || ")}`);
    // what the cell queued for others (notices, reminders) is delivered now, not during the next cell
    await h.app.dispatcher.drain();
    if (!isDeepStrictEqual(await chatRows(), chatsBefore)) await restoreChats(chatsBefore);
  }
  return { h, commands, counts, cell, cells: () => cells };
}

const args = (spec: CommandSpec) => SAMPLE_ARGS[spec.name] ?? "";
const text = (spec: CommandSpec, word = spec.name) => `/${word}${args(spec) ? ` ${args(spec)}` : ""}`;

/** the list createTelegramBot registers (src/platform/telegram/bot.ts), known before any bot is built */
const COMMANDS: CommandSpec[] = FEATURES.flatMap((f) => f.commands?.(() => COMMANDS) ?? []);
const CHATS: ChatKey[] = ["private", ...GROUP_CHATS];

interface Cell {
  spec: CommandSpec;
  role: RoleKey;
  chat: ChatKey;
  status: MemberStatus | null;
  refusal: string | null;
}

/** every cell of the full matrix, with its expected answer */
function everyCell(): Cell[] {
  const cells: Cell[] = [];
  for (const role of ROLES) {
    for (const spec of COMMANDS) {
      for (const chat of CHATS) {
        const statuses = chat !== "private" && STATUS_DEPENDENT.has(spec.name) ? STATUSES : [null];
        for (const status of statuses) {
          const refusal = guardRefusal(spec, role, chat) ?? scopeRefusal(spec.name, role, chat, status ?? "member");
          cells.push({ spec, role, chat, status, refusal });
        }
      }
    }
  }
  return cells;
}

/**
 * The sample: cells picked greedily until each of these is met at least once — every command in every kind of
 * chat, with every role, with each of its answers (allowed, and every distinct refusal line), every role in
 * every kind of chat, every member status of the status-dependent commands.
 */
function sampleCells(cells: Cell[]): Cell[] {
  const keys = (c: Cell) => [
    `${c.spec.name}|${c.chat}`,
    `${c.spec.name}|${c.role}`,
    `${c.spec.name}|${c.refusal ?? "allowed"}`,
    `${c.role}|${c.chat}`,
    ...(c.status ? [`${c.spec.name}|${c.status}`] : []),
  ];
  const covered = new Set<string>();
  const picked: Cell[] = [];
  for (;;) {
    let best: Cell | null = null;
    let gain = 0;
    for (const c of cells) {
      const g = keys(c).filter((k) => !covered.has(k)).length;
      if (g > gain) [best, gain] = [c, g];
    }
    if (!best) break;
    picked.push(best);
    for (const k of keys(best)) covered.add(k);
  }
  // in the order the full matrix ran them: by role, then command, then chat
  const at = (c: Cell) => [ROLES.indexOf(c.role), COMMANDS.indexOf(c.spec), CHATS.indexOf(c.chat)];
  return picked.sort((a, b) => {
    const [x, y] = [at(a), at(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
}

const SAMPLE = sampleCells(everyCell());

describe("authorization matrix: a sample of every command's cells through the real stack [sqlite]", () => {
  it("the sample holds every command refused and allowed, every role and chat, every scope refusal", () => {
    const all = everyCell();
    for (const spec of COMMANDS) {
      const mine = SAMPLE.filter((c) => c.spec === spec);
      // refused at least once (every command but /help, which is for anyone anywhere)
      expect(
        mine.some((c) => c.refusal !== null),
        `/${spec.name} refused`,
      ).toBe(all.some((c) => c.spec === spec && c.refusal !== null));
      expect(
        mine.some((c) => c.refusal === null),
        `/${spec.name} allowed`,
      ).toBe(true);
      expect(new Set(mine.map((c) => c.role)).size, `/${spec.name}: every role`).toBe(ROLES.length);
      expect(new Set(mine.map((c) => c.chat)).size, `/${spec.name}: every chat`).toBe(CHATS.length);
    }
    const lines = (cells: Cell[]) => new Set(cells.map((c) => `${c.spec.name}|${c.refusal}`));
    expect(lines(SAMPLE)).toEqual(lines(all));
    expect(
      COMMANDS.filter((spec) => all.every((c) => c.spec !== spec || c.refusal === null)).map((c) => c.name),
    ).toEqual(["help"]);
    // about seven cells a command (every role, every chat, some twice): the bound grows with the commands only
    expect(SAMPLE.length).toBeLessThan(7.5 * COMMANDS.length);
  });

  it("the sampled cells: only the allowed ones act, a refused one answers one line and writes nothing", async () => {
    const b = await bench("sqlite");
    try {
      expect(b.commands.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
      for (const { spec, role, chat, status, refusal } of SAMPLE) {
        const c = chatFor(chat, role);
        if (status) b.h.emulator.setChatMember(c.id, PEOPLE[role].id, { status });
        const label = `${text(spec)} · ${role} · ${chat}${status ? ` · ${status}` : ""}`;
        await b.cell(label, spec, c, () => b.h.say(user(PEOPLE[role]), c, text(spec)), refusal);
      }
      console.info(`authorization matrix: ${b.cells()} sampled cells through the stack`);
    } finally {
      await b.h.close();
    }
  }, 300_000);

  it("anonymous admins, channel posts and aliases", async () => {
    const b = await bench("sqlite");
    try {
      // an anonymous admin (GroupAnonymousBot, sender_chat = the group): refused unless the command is for
      // anyone; every command once, the group chats in turn
      for (const [i, spec] of COMMANDS.entries()) {
        const chat = GROUP_CHATS[i % GROUP_CHATS.length]!;
        const refusal =
          guardRefusal(spec, "unknown", chat, true) ?? scopeRefusal(spec.name, "unknown", chat, "administrator");
        const c = chatFor(chat, "unknown");
        await b.cell(
          `${text(spec)} · anonymous admin · ${chat}`,
          spec,
          c,
          () => anonymous(b.h, c, text(spec)),
          refusal,
        );
      }
      // a channel post (no sender): ignored, nothing written
      for (const spec of COMMANDS) {
        const before = await b.counts();
        const sent = b.h.emulator.sent.length;
        const t = text(spec);
        b.h.emulator.pushUpdate({
          channel_post: {
            message_id: ++anonMessageId,
            date: 0,
            chat: CHANNEL,
            sender_chat: CHANNEL,
            text: t,
            entities: [{ type: "bot_command", offset: 0, length: t.split(" ")[0]!.length }],
          },
        });
        await b.h.emulator.waitIdle();
        expect(b.h.emulator.sent.slice(sent), t).toEqual([]);
        expect(await b.counts(), t).toEqual(before);
      }
      // every alias is registered with its command's guard (an unknown user: refused, or /help's answer)
      let n = 0;
      for (const spec of COMMANDS) {
        for (const alias of spec.aliases ?? []) {
          const t = text(spec, alias);
          const chat = (["private", "unitSupergroup"] as const)[n++ % 2]!;
          const refusal = guardRefusal(spec, "unknown", chat) ?? scopeRefusal(spec.name, "unknown", chat, "member");
          const c = chatFor(chat, "unknown");
          await b.cell(`${t} · unknown · ${chat}`, spec, c, () => b.h.say(user(PEOPLE.unknown), c, t), refusal);
        }
      }
    } finally {
      await b.h.close();
    }
  }, 300_000);
});

let anonMessageId = 200_000;
async function anonymous(h: Harness, chat: EmulatorChat, text: string): Promise<SentMessage[]> {
  const before = h.emulator.sent.length;
  const from: Omit<EmulatorUser, "is_bot"> & { is_bot: true } = {
    id: 1087968824,
    is_bot: true,
    first_name: "Group",
    username: "GroupAnonymousBot",
  };
  h.emulator.pushUpdate({
    message: {
      message_id: ++anonMessageId,
      date: 0,
      chat,
      from,
      sender_chat: chat,
      text,
      entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }],
    },
  });
  await h.emulator.waitIdle();
  return h.emulator.sent.slice(before);
}
