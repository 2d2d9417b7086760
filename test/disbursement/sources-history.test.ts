// Capital sources over time (#19, ADR 016): where a unit × programme is judged on vốn TW (split plans, vốn TW
// reported apart: the rule /tinhhinh uses), the R3 projection of /dieuchuyen and the unit chart's history line
// (/bieudo) use vốn TW and say so; unsplit or whole-programme figures stay on all sources as before. Through the
// real stack and the emulator, on SQLite and PostgreSQL (the projection reads the plans by part).
import { afterEach, beforeEach, expect, it } from "vitest";
import { formatBillionsTrim, formatPercentBp, rateBp } from "../../src/domain/money-format.ts";
import { projectYearEnd } from "../../src/domain/projection.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, group, startHarness, user, type Harness } from "../support/harness.ts";

const namTraMy = group(DEMO.groups.namTraMy);
const secretariatGroup = group(DEMO.groups.secretariat);
const official = user(DEMO.official);
const chairman = user(DEMO.chairman);
const secretariat = user(DEMO.secretariat);
const B = 1_000_000_000n;

describeEachDatabase("capital sources over time: /dieuchuyen and /bieudo", (provider) => {
  let h: Harness;
  let ids: { unit: number; ntm: number; gnbv: number };
  beforeEach(async () => {
    h = await startHarness(provider);
    const db = h.db.db;
    ids = {
      unit: (await db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } })).id,
      ntm: (await db.programme.findUniqueOrThrow({ where: { code: "NTM" } })).id,
      gnbv: (await db.programme.findUniqueOrThrow({ where: { code: "GNBV" } })).id,
    };
  });
  afterEach(async () => {
    await h.close();
  });

  const one = async (from: ReturnType<typeof user>, chat: ReturnType<typeof group>, text: string) => {
    const replies = (await h.say(from, chat, text)).filter((m) => m.chat_id === chat.id);
    expect(replies).toHaveLength(1);
    return replies[0]!.text;
  };
  const plan = async (programmeId: number, source?: "CENTRAL") =>
    (
      await h.db.db.capitalPlan.findMany({
        where: { unitId: ids.unit, programmeId, year: 2026, ...(source ? { source } : {}) },
      })
    ).reduce((s, p) => s + p.amountVnd, 0n);
  const ntmLine = (text: string) => text.split("\n").find((l) => l.startsWith("• Nam Trà My · NTM"));
  const svg = async () => (await h.app.services.charts.unitSvg(ids.unit, h.clock.now()))!;
  /** the reported points of chart B: one circle each */
  const points = (s: string) => (/<g id="reported">(.*?)<\/g>/s.exec(s)?.[1] ?? "").match(/<circle/g)?.length ?? 0;

  it("judged on vốn TW: the projection and the history line are vốn TW's, and say so", async () => {
    // the demo: plans split into vốn TW and vốn ĐP, whole-programme figures only → all sources, as before
    const before = await one(secretariat, secretariatGroup, "/dieuchuyen");
    const wholePlan = await plan(ids.ntm);
    expect(ntmLine(before)).toMatch(
      new RegExp(
        `^• Nam Trà My · NTM: (dư|cần thêm) .* \\(dự kiến giải ngân [\\d,]+/${formatBillionsTrim(wholePlan)} tỷ đồng\\)$`,
      ),
    );
    const chartBefore = await svg();
    expect(chartBefore).toContain(">Nam Trà My: giải ngân lũy kế năm 2026<");
    expect(points(chartBefore)).toBe(2); // the demo's two report dates

    // vốn TW reported apart twice: NTM is judged on vốn TW (as /tinhhinh shows it)
    await one(official, namTraMy, "/baocao NTM 20 tỷ vốn TW 13/11/2026");
    await one(official, namTraMy, "/baocao NTM 30 tỷ vốn TW 23/11/2026");
    expect((await one(chairman, namTraMy, "/tinhhinh")).split("\n")).toContainEqual(
      expect.stringContaining("<b>NTM</b> · vốn TW: 30/"),
    );

    // /dieuchuyen: projected from the vốn TW figures (13/11 → 23/11: 10 tỷ in 10 days, 38 days left) against
    // the vốn TW plan
    const twPlan = await plan(ids.ntm, "CENTRAL");
    const projected = projectYearEnd(
      [
        { asOf: "2026-11-13", cumulativeVnd: 20n * B },
        { asOf: "2026-11-23", cumulativeVnd: 30n * B },
      ],
      "2026-12-31",
    );
    expect(projected).toBe(68n * B);
    expect(twPlan - projected).toBeGreaterThan(0n);
    const after = await one(secretariat, secretariatGroup, "/dieuchuyen");
    expect(ntmLine(after)).toBe(
      `• Nam Trà My · NTM (vốn TW): dư ${formatBillionsTrim(twPlan - projected)} tỷ đồng (dự kiến giải ngân 68/${formatBillionsTrim(twPlan)} tỷ đồng)`,
    );
    // the other programmes of the unit: all sources, unchanged
    const gnbv = (t: string) => t.split("\n").find((l) => l.startsWith("• Nam Trà My · GNBV"));
    expect(gnbv(after)).toBe(gnbv(before));

    // /bieudo: NTM's line is vốn TW's, GNBV and DTTS all sources; the title says which
    const chart = await svg();
    expect(chart).toContain(">Nam Trà My: giải ngân lũy kế năm 2026 (NTM tính theo vốn TW)<");
    // points only where NTM's vốn TW has a figure of its own: not on 10/11 (a whole figure only), but on 13/11,
    // 17/11 (the vốn TW figure of 13/11 was reported after the whole one of 17/11: it is the newest) and 23/11
    expect(points(chart)).toBe(3);
    const others = await h.db.db.disbursementReport.findMany({
      where: { unitId: ids.unit, programmeId: { not: ids.ntm }, year: 2026 },
      orderBy: { id: "asc" },
    });
    const latestOf = (pid: number) => others.filter((r) => r.programmeId === pid).at(-1)!.cumulativeVnd;
    const dtts = others.find((r) => r.programmeId !== ids.gnbv)!.programmeId;
    const judgedPlan = twPlan + (await plan(ids.gnbv)) + (await plan(dtts));
    const last = rateBp(30n * B + latestOf(ids.gnbv) + latestOf(dtts), judgedPlan)!;
    expect(chart).toContain(`>${formatPercentBp(last)} (23/11)<`);
    const allSources = rateBp(
      (await h.app.services.status.unitStatus(ids.unit, h.clock.now())).programmes.reduce(
        (s, p) => s + (p.total.disbursedVnd ?? 0n),
        0n,
      ),
      wholePlan + (await plan(ids.gnbv)) + (await plan(dtts)),
    )!;
    expect(formatPercentBp(allSources)).not.toBe(formatPercentBp(last));

    // every programme on vốn TW: the title says «vốn TW» alone
    for (const code of ["GNBV", "DTTS"])
      expect(await one(chairman, namTraMy, `/baocao ${code} 10 tỷ vốn TW`)).toMatch(/^✅ Đã ghi nhận/);
    expect(await svg()).toContain(">Nam Trà My: giải ngân lũy kế vốn TW năm 2026<");

    // /bieudo through the bot: the chart goes to the unit's group
    await h.say(chairman, namTraMy, "/bieudo");
    expect(h.emulator.calls.filter((c) => c.method === "sendPhoto").map((c) => c.payload.chat_id)).toEqual([
      namTraMy.id,
    ]);
  });

  it("a whole-programme figure newer than vốn TW's: judged on all sources again, projected as before", async () => {
    await one(official, namTraMy, "/baocao NTM 20 tỷ vốn TW 18/11/2026");
    expect(ntmLine(await one(secretariat, secretariatGroup, "/dieuchuyen"))).toContain("NTM (vốn TW): ");
    await one(official, namTraMy, "/baocao NTM 40 tỷ");
    const text = await one(secretariat, secretariatGroup, "/dieuchuyen");
    expect(ntmLine(text)).toMatch(
      new RegExp(`^• Nam Trà My · NTM: .*/${formatBillionsTrim(await plan(ids.ntm))} tỷ đồng\\)$`),
    );
    expect(await svg()).toContain(">Nam Trà My: giải ngân lũy kế năm 2026<");
  });
});
