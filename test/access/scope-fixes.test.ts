// Where the secretariat's and supervisors' views go, through the real bot: /export in a private chat is told
// where it works; a supervisor's private /overdue covers every unit he follows; the province-wide views
// /dieuchuyen and /vuongmac are refused in a unit's group (one line) and still answer in the secretariat's
// group and in private.
import { afterAll, beforeAll, expect, it } from "vitest";
import { vi } from "../../src/i18n/vi.ts";
import { collect } from "../support/collect.ts";
import { describeOnSqlite } from "../support/db.ts";
import type { EmulatorChat } from "../../tools/emulator/types.ts";
import { DEMO, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";

const e = vi.errors;
const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);

describeOnSqlite("scope of secretariat and supervisor views", (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(provider);
  });
  afterAll(async () => {
    await h.close();
  });

  /** what the asker's chat got back, after the outbox is delivered */
  const ask = async (who: { id: number; name: string }, chat: EmulatorChat, text: string) =>
    (await collect(h, () => h.say(user(who), chat, text))).filter((m) => m.chat_id === chat.id).map((m) => m.text);
  const rows = () => h.db.db.auditLog.count();

  it("/export in a private chat says it works in the coordination office's group", async () => {
    const before = await rows();
    expect(await ask(DEMO.secretariat, privateChat(DEMO.secretariat), "/export status")).toEqual([
      e.notAllowed(vi.reports.scope.secretariatChat),
    ]);
    expect(await ask(DEMO.secretariat, privateChat(DEMO.secretariat), "/xuat tasks csv")).toEqual([
      e.notAllowed(vi.reports.scope.secretariatChat),
    ]);
    // not the secretariat: still refused by role, in one line
    expect(await ask(DEMO.chairman, privateChat(DEMO.chairman), "/export status")).toEqual([
      e.notAllowed(e.roleRequired(["SECRETARIAT"])),
    ]);
    expect(h.emulator.calls.filter((c) => c.method === "sendDocument")).toHaveLength(0);
    expect(await rows()).toBe(before);
  });

  it("a supervisor's /overdue in private lists every unit he follows, the most overdue first", async () => {
    const overdue = await h.db.db.task.findMany({
      where: { status: "OPEN", dueDate: { lt: "2026-11-24" } },
      include: { unit: true },
      orderBy: { dueDate: "asc" },
    });
    expect(overdue.map((t) => t.unit.name)).toEqual(["Bắc Trà My", "Nam Trà My"]);
    const [reply, ...more] = await ask(DEMO.supervisor, privateChat(DEMO.supervisor), "/overdue");
    expect(more).toEqual([]);
    expect(reply!.split("\n")).toEqual([
      "<b>Việc quá hạn — các đơn vị đồng chí theo dõi: Bắc Trà My, Nam Trà My</b> (2), quá hạn lâu nhất trước",
      `#${overdue[0]!.id} · Bắc Trà My · Báo cáo vướng mắc dự án nước sinh hoạt tập trung · hạn 19/11/2026 · quá hạn 3 ngày làm việc · đồng chí Hồ Văn Sơn`,
      `#${overdue[1]!.id} · Nam Trà My · Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp · hạn 23/11/2026 · quá hạn 1 ngày làm việc · đồng chí Trần Văn Bình`,
    ]);
    // one unit's chairman: his unit only, as before
    const [own] = await ask(DEMO.chairman, privateChat(DEMO.chairman), "/quahan");
    expect(own!.split("\n")[0]).toBe("<b>Việc quá hạn — Nam Trà My</b> (1), quá hạn lâu nhất trước");
    // in a unit's group, the supervisor sees that unit
    const [inGroup] = await ask(DEMO.supervisor, namTraMy, "/overdue");
    expect(inGroup!.split("\n")[0]).toBe("<b>Việc quá hạn — Nam Trà My</b> (1), quá hạn lâu nhất trước");
  });

  it("/dieuchuyen and /vuongmac: refused in a unit's group in one line, answered in the secretariat's group and in private", async () => {
    const refusal = e.notAllowed(vi.onboarding.scope.provinceData);
    const before = await rows();
    const decisions = await h.db.db.reallocationDecision.count();
    for (const text of [
      "/dieuchuyen",
      "/vuongmac",
      "/dieuchuyen ghi Nam Trà My sang Tiên Phước NTM 5 tỷ 123/QĐ-UBND",
    ]) {
      expect(await ask(DEMO.secretariat, namTraMy, text), text).toEqual([refusal]);
    }
    expect(await h.db.db.reallocationDecision.count()).toBe(decisions);
    expect(await rows()).toBe(before);
    for (const chat of [secretariatGroup, privateChat(DEMO.secretariat)]) {
      const [overview] = await ask(DEMO.secretariat, chat, "/dieuchuyen");
      expect(overview).not.toBe(refusal);
      expect(overview!.startsWith(e.notAllowed("").slice(0, -1))).toBe(false);
      const [obstacles] = await ask(DEMO.secretariat, chat, "/vuongmac");
      expect(obstacles).toBe(vi.tasks.obstacle.listHeader(0) + "\n" + vi.tasks.obstacle.none);
    }
  });
});
