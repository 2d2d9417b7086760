// The full authorization matrix: EVERY registered command (from createBot's own list, so a command added
// later is covered without touching this file) × role × chat (private, the unit's group and supergroup, the
// secretariat's group, a channel post) × Telegram member status (for the commands that ask getChatMember)
// × anonymous admin. The expected outcome comes from the command's declaration (chats, who) and the
// documented scope rules (src/platform/telegram/scope.ts, the handlers' checks). A refused cell answers exactly one
// refusal line and writes nothing; an allowed cell answers, and not with a refusal.
// matrix.test.ts keeps the exact replies of the onboarding commands.
import { afterAll, expect, it } from "vitest";
import { createBot } from "../../src/bot.ts";
import type { CommandSpec } from "../../src/platform/telegram/commands.ts";
import type { EmulatorChat, EmulatorUser, MemberStatus, SentMessage } from "../../tools/emulator/types.ts";
import { vi } from "../../src/i18n/vi.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { seedFollowupDemo } from "../../src/platform/db/seed/demo.ts";
import { describeEachDatabase, type Provider } from "../support/db.ts";
import { DAY, DEMO, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

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
const PEOPLE: Record<RoleKey, { id: number; name: string; roles: string[] }> = {
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

/** The declaration's answer (the guard), computed here from `chats` and `who`: a refusal line, or null. */
function guardRefusal(spec: CommandSpec, role: RoleKey, chat: ChatKey, anonymous = false): string | null {
  if (anonymous && spec.who !== "anyone") return o.bind.anonymousAdmin;
  if (!spec.chats.includes(chat === "private" ? "private" : "group"))
    return e.notAllowed(spec.chats.includes("private") ? e.privateOnly : e.groupOnly);
  if (spec.who === "anyone") return null;
  if (role === "unknown") return e.notRegistered;
  if (spec.who === "registered") return null;
  const need = spec.who;
  return PEOPLE[role].roles.some((r) => (need as string[]).includes(r)) ? null : e.notAllowed(e.roleRequired(need));
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
  const h = await startHarness(provider);
  await seedFollowupDemo(h.db.db, { today: DAY, now: h.clock.now() });
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
    await restoreChats(chatsBefore);
  }
  return { h, commands, counts, cell, cells: () => cells };
}

const args = (spec: CommandSpec) => SAMPLE_ARGS[spec.name] ?? "";
const text = (spec: CommandSpec, word = spec.name) => `/${word}${args(spec) ? ` ${args(spec)}` : ""}`;

describeEachDatabase("authorization matrix: every command", (provider) => {
  const cells: number[] = [];
  afterAll(() => {
    console.info(`[${provider}] authorization matrix: ${cells.reduce((a, b) => a + b, 0)} cells`);
  });

  // one harness per role, the roles side by side (no state is shared between them)
  it.concurrent.each(ROLES)(
    "%s: every command × chat (× member status where it matters): only the allowed cells act",
    async (role) => {
      const b = await bench(provider);
      try {
        expect(b.commands.map((c) => c.name)).toEqual(
          expect.arrayContaining(["start", "help", "status", "bind", "unbind", "invite"]),
        );
        for (const spec of b.commands) {
          for (const chat of ["private", ...GROUP_CHATS] as const) {
            const c = chatFor(chat, role);
            const statuses: (MemberStatus | null)[] =
              chat !== "private" && STATUS_DEPENDENT.has(spec.name) ? STATUSES : [null];
            for (const status of statuses) {
              if (status) b.h.emulator.setChatMember(c.id, PEOPLE[role].id, { status });
              const refusal = guardRefusal(spec, role, chat) ?? scopeRefusal(spec.name, role, chat, status ?? "member");
              const label = `${text(spec)} · ${role} · ${chat}${status ? ` · ${status}` : ""}`;
              await b.cell(label, spec, c, () => b.h.say(user(PEOPLE[role]), c, text(spec)), refusal);
            }
          }
        }
        cells.push(b.cells());
      } finally {
        await b.h.close();
      }
    },
    600_000,
  );

  it.concurrent(
    "anonymous admins, channel posts and aliases",
    async () => {
      const b = await bench(provider);
      try {
        // an anonymous admin (GroupAnonymousBot, sender_chat = the group): refused unless the command is for anyone
        for (const spec of b.commands) {
          for (const chat of GROUP_CHATS) {
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
        }
        // a channel post (no sender): ignored, nothing written
        let channelCells = 0;
        for (const spec of b.commands) {
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
          channelCells++;
          expect(b.h.emulator.sent.slice(sent), t).toEqual([]);
          expect(await b.counts(), t).toEqual(before);
        }
        // every alias is registered with its command's guard
        for (const spec of b.commands) {
          for (const alias of spec.aliases ?? []) {
            const t = text(spec, alias);
            for (const chat of ["private", "unitSupergroup"] as const) {
              const refusal = guardRefusal(spec, "unknown", chat) ?? scopeRefusal(spec.name, "unknown", chat, "member");
              const c = chatFor(chat, "unknown");
              await b.cell(`${t} · unknown · ${chat}`, spec, c, () => b.h.say(user(PEOPLE.unknown), c, t), refusal);
            }
          }
        }
        cells.push(b.cells() + channelCells);
      } finally {
        await b.h.close();
      }
    },
    600_000,
  );
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
