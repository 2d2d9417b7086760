// The unit /status reads only the latest report of each part in one statement (src/services/status-rows.ts);
// the province view reads every report of the year through Prisma. Both must give the same figures, however
// whole-programme and part reports, and corrections, interleave.
import { afterEach, beforeEach, expect, it } from "vitest";
import { localInstant } from "../../src/domain/dates.ts";
import { seedDemo } from "../../src/seed/demo.ts";
import { createStatusService } from "../../src/services/status.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/db.ts";

const DAY = "2026-11-24";
const now = localInstant(DAY, 10 * 60);
const B = 1_000_000_000n;

describeEachDatabase("unit /status rows", (provider) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(provider);
    await seedDemo(t.db, { today: DAY, now });
  });
  afterEach(async () => {
    await t.drop();
  });

  async function report(unitId: number, programmeId: number, vnd: bigint, part?: ["CENTRAL" | "LOCAL", "INVESTMENT" | "RECURRENT"]) {
    await t.db.disbursementReport.create({
      data: { unitId, programmeId, year: 2026, cumulativeVnd: vnd * B, asOf: DAY, ...(part ? { source: part[0], kind: part[1] } : {}) },
    });
  }

  it("gives the figures of the computation over every row (reports interleaved, plans, open and overdue tasks)", async () => {
    const status = createStatusService({ db: t.db, reader: t.reader });
    const unit = await t.db.unit.findFirstOrThrow({ where: { name: { contains: "Nam Trà My" } } });
    const other = await t.db.unit.findFirstOrThrow({ where: { name: { contains: "Bắc Trà My" } } });
    const [ntm, gnbv, dtts] = await t.db.programme.findMany({ orderBy: { sortOrder: "asc" } });
    // NTM: parts, then a newer whole report: the whole wins
    await report(unit.id, ntm!.id, 5n, ["CENTRAL", "INVESTMENT"]);
    await report(unit.id, ntm!.id, 2n, ["LOCAL", "INVESTMENT"]);
    await report(unit.id, ntm!.id, 11n);
    // GNBV: a whole report, then newer parts (one corrected downwards): the latest of each part, summed
    await report(unit.id, gnbv!.id, 30n);
    await report(unit.id, gnbv!.id, 7n, ["CENTRAL", "INVESTMENT"]);
    await report(unit.id, gnbv!.id, 3n, ["CENTRAL", "RECURRENT"]);
    await report(unit.id, gnbv!.id, 6n, ["CENTRAL", "INVESTMENT"]);
    // DTTS, another unit: corrections of the whole
    await report(other.id, dtts!.id, 9n);
    await report(other.id, dtts!.id, 8n);

    // tasks: one overdue, one due later, for NTM of the unit (beside the demo's own)
    const responsible = await t.db.official.findFirstOrThrow();
    for (const dueDate of ["2026-11-10", "2026-12-10"]) {
      await t.db.task.create({ data: { title: `Việc ${dueDate}`, unitId: unit.id, programmeId: ntm!.id, responsibleId: responsible.id, dueDate } });
    }

    const unitView = await status.unitStatus(unit.id, now);
    const otherView = await status.unitStatus(other.id, now);
    const figure = (v: typeof unitView, code: string) => v.programmes.find((p) => p.programmeCode === code)!.disbursedVnd;
    expect(figure(unitView, ntm!.code)).toBe(11n * B);
    expect(figure(unitView, gnbv!.code)).toBe(9n * B);
    expect(figure(otherView, dtts!.code)).toBe(8n * B);

    // every unit and programme agrees with the province view (all reports, read through Prisma)
    for (const p of [ntm!, gnbv!, dtts!]) {
      const province = await status.provinceStatus(now, { programmeId: p.id });
      for (const row of province.units) {
        const u = await t.db.unit.findFirstOrThrow({ where: { name: row.unitName } });
        const view = (await status.unitStatus(u.id, now)).programmes.find((x) => x.programmeCode === p.code)!;
        expect([view.disbursedVnd, view.planVnd, view.openTasks, view.overdueTasks], `${row.unitName} ${p.code}`).toEqual([
          row.disbursedVnd,
          row.planVnd,
          row.openTasks,
          row.overdueTasks,
        ]);
      }
    }
  });
});
