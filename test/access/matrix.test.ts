// The authorization matrix of the onboarding commands, with their exact replies: command × role × chat type
// (× member status for /bind and /unbind). Allowed cells act; every other cell answers exactly one refusal
// line and writes nothing. Every other command, anonymous admins and channel posts: matrix-all.test.ts.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";
import type { EmulatorChat, EmulatorUser, MemberStatus } from "../../tools/emulator/types.ts";
import { vi } from "../../src/i18n/vi.ts";

const e = vi.errors;
const o = vi.onboarding;
const R = {
  priv: e.notAllowed(e.privateOnly),
  group: e.notAllowed(e.groupOnly),
  unreg: e.notRegistered,
  role: (...roles: string[]) => e.notAllowed(e.roleRequired(roles)),
  anon: o.bind.anonymousAdmin,
};

type RoleKey = "secretariat" | "supervisor" | "chairman" | "partySecretary" | "official" | "unknown";
const PEOPLE: Record<RoleKey, { id: number; name: string }> = {
  secretariat: DEMO.secretariat,
  supervisor: DEMO.supervisor,
  chairman: DEMO.chairman,
  partySecretary: DEMO.partySecretary,
  official: DEMO.official,
  unknown: { id: 555, name: "Khách" },
};
const ROLES = Object.keys(PEOPLE) as RoleKey[];
type ChatKey = "private" | "group" | "supergroup";
const UNIT_GROUP: EmulatorChat = { id: -4105, type: "group", title: "Nhóm Nam Trà My (nhóm thường)" };
const chatFor = (c: ChatKey, who: { id: number; name: string }): EmulatorChat =>
  c === "private" ? privateChat(who) : c === "group" ? UNIT_GROUP : group(DEMO.groups.namTraMy);

/** What a cell must answer: an exact line, or a check of an action's reply. */
type Expect = { refuse: string } | { acts: (text: string) => boolean };
const acts = (prefix: string): Expect => ({ acts: (t) => t.startsWith(prefix) });
const refuse = (line: string): Expect => ({ refuse: line });

const unitStatus = acts("<b>Nam Trà My</b> · tình hình giải ngân");
const provinceStatus = acts("<b>Toàn tỉnh</b> · kế hoạch vốn 2026");

function expected(cmd: string, role: RoleKey, chat: ChatKey): Expect {
  const inGroup = chat !== "private";
  const registered = role !== "unknown";
  switch (cmd) {
    case "/start":
      if (inGroup) return refuse(R.priv);
      return registered ? acts("Kính chào đồng chí") : refuse(vi.start.unknownUser);
    case "/help":
      return acts(vi.help.header);
    case "/status":
      if (!registered) return refuse(R.unreg);
      if (inGroup) return unitStatus;
      if (role === "secretariat") return provinceStatus;
      // a supervisor sees the units he follows (one view or another, never a refusal)
      return role === "supervisor" ? { acts: (t) => t.startsWith("<b>") && !t.includes("Toàn tỉnh") } : unitStatus;
    case "/status bắc trà my":
      if (!registered) return refuse(R.unreg);
      return role === "secretariat" || role === "supervisor"
        ? acts("<b>Bắc Trà My</b>")
        : refuse(e.notAllowed(o.scope.otherUnit));
    case "/status toàn tỉnh":
      return registered ? refuse(e.unitNotFound("toàn tỉnh")) : refuse(R.unreg);
    case "/bind nam trà my":
    case "/unbind":
      if (!inGroup) return refuse(R.group);
      if (!registered) return refuse(R.unreg);
      if (role === "secretariat" || role === "chairman") {
        return cmd === "/unbind" ? refuse(o.bind.unbound("Nam Trà My")) : refuse(vi.bind.done("Nam Trà My"));
      }
      return refuse(R.role("SECRETARIAT", "CHAIRMAN"));
    case "/invite Trần Văn Bình":
      if (!registered) return refuse(R.unreg);
      if (role !== "secretariat") return refuse(R.role("SECRETARIAT"));
      return inGroup
        ? refuse(e.notAllowed(o.invite.onlySecretariatGroup))
        : acts("Đường dẫn kích hoạt cho đồng chí <b>Trần Văn Bình</b>");
  }
  throw new Error(`no expectation for ${cmd}`);
}
const KNOWN = [
  "/start",
  "/help",
  "/status",
  "/status bắc trà my",
  "/status toàn tỉnh",
  "/bind nam trà my",
  "/unbind",
  "/invite Trần Văn Bình",
];
/** cells that change the database when they act */
const WRITES = new Set(["/bind nam trà my", "/unbind", "/invite Trần Văn Bình"]);

describeOnSqlite("authorization matrix", (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(provider);
    const ntm = await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    await h.db.db.chat.create({
      data: { telegramChatId: BigInt(UNIT_GROUP.id), kind: "GROUP", title: UNIT_GROUP.title!, unitId: ntm.id },
    });
    for (const c of [UNIT_GROUP.id, DEMO.groups.namTraMy.id])
      h.emulator.setChatMember(c, DEMO.chairman.id, { status: "administrator" });
  });
  afterAll(async () => {
    await h.close();
  });

  const chatRows = async () =>
    (await h.db.db.chat.findMany({ orderBy: { id: "asc" } })).map(({ updatedAt: _u, ...c }) => ({
      ...c,
      telegramChatId: c.telegramChatId.toString(),
    }));
  const state = async () => ({
    audit: await h.db.db.auditLog.count(),
    chats: await chatRows(),
    invites: await h.db.db.invite.count(),
  });
  async function restore(rows: Awaited<ReturnType<typeof chatRows>>) {
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
  async function cell(from: EmulatorUser, chat: EmulatorChat, text: string, want: Expect, label: string) {
    const before = await state();
    const replies = await h.say(from, chat, text);
    expect(
      replies.map((m) => m.text),
      label,
    ).toHaveLength(1);
    const got = replies[0]!.text;
    const writes =
      WRITES.has(text) &&
      ("acts" in want || want.refuse === vi.bind.done("Nam Trà My") || want.refuse === o.bind.unbound("Nam Trà My"));
    if ("refuse" in want) expect(got, label).toBe(want.refuse);
    else expect(want.acts(got), `${label}: ${got}`).toBe(true);
    if (!writes) expect(await state(), label).toEqual(before);
    else {
      expect((await state()).audit, label).toBeGreaterThan(before.audit);
      await restore(before.chats);
    }
  }

  it("every known command × role × chat type: only the allowed cells act", async () => {
    for (const cmd of KNOWN) {
      for (const role of ROLES) {
        for (const chat of ["private", "group", "supergroup"] as const) {
          const who = PEOPLE[role];
          await cell(user(who), chatFor(chat, who), cmd, expected(cmd, role, chat), `${cmd} · ${role} · ${chat}`);
        }
      }
    }
  });

  it("/bind and /unbind by a chairman depend on his member status and on the unit", async () => {
    const statuses: MemberStatus[] = ["creator", "administrator", "member", "restricted", "left", "kicked"];
    for (const chat of ["group", "supergroup"] as const) {
      const c = chatFor(chat, DEMO.chairman);
      for (const status of statuses) {
        h.emulator.setChatMember(c.id, DEMO.chairman.id, { status });
        const admin = status === "creator" || status === "administrator";
        for (const cmd of ["/bind nam trà my", "/unbind"]) {
          const ok = cmd === "/unbind" ? o.bind.unbound("Nam Trà My") : vi.bind.done("Nam Trà My");
          await cell(
            user(DEMO.chairman),
            c,
            cmd,
            refuse(admin ? ok : e.notAllowed(o.bind.notAdmin)),
            `${cmd} · chairman ${status} · ${chat}`,
          );
        }
        // never another unit, nor the secretariat's group, whatever his status
        await cell(
          user(DEMO.chairman),
          c,
          "/bind bắc trà my",
          refuse(e.notAllowed(o.bind.notOwnUnit)),
          `other unit · ${status}`,
        );
        await cell(
          user(DEMO.chairman),
          c,
          "/bind vpdp",
          refuse(e.notAllowed(o.bind.onlySecretariatFor)),
          `vpdp · ${status}`,
        );
        // the secretariat does not depend on its member status
        h.emulator.setChatMember(c.id, DEMO.secretariat.id, { status });
        await cell(
          user(DEMO.secretariat),
          c,
          "/bind nam trà my",
          refuse(vi.bind.done("Nam Trà My")),
          `secretariat ${status}`,
        );
      }
      // another unit's chairman, even as creator, cannot take over a bound group
      h.emulator.setChatMember(c.id, DEMO.bacTraMyChairman.id, { status: "creator" });
      await cell(
        user(DEMO.bacTraMyChairman),
        c,
        "/bind bắc trà my",
        refuse(e.notAllowed(o.bind.boundElsewhere)),
        `Bắc Trà My chairman · ${chat}`,
      );
      await cell(
        user(DEMO.bacTraMyChairman),
        c,
        "/unbind",
        refuse(e.notAllowed(o.bind.notOwnUnit)),
        `Bắc Trà My chairman unbind · ${chat}`,
      );
      h.emulator.setChatMember(c.id, DEMO.chairman.id, { status: "administrator" });
    }
  });
});
