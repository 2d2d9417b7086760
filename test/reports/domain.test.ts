// Pure scorecard helpers: periods, tallies by the Government Office's categories, medians; the progress
// reporter of /export; the disbursement history of a unit.
import { describe, expect, it } from "vitest";
import {
  combineRates,
  median,
  monthsElapsed,
  parsePeriod,
  splitPeriod,
  tallyRequests,
  tallyTasks,
} from "../../src/domain/scorecard.ts";
import { cumulativeSeries, disbursedAsOf, judgedFigure, judgedSeries } from "../../src/domain/history.ts";
import { progressReporter } from "../../src/features/reports/handlers/reports.ts";

describe("periods", () => {
  it("reads months, quarters and years", () => {
    expect(parsePeriod("11/2026")).toMatchObject({ kind: "month", from: "2026-11-01", to: "2026-11-30" });
    expect(parsePeriod("2/2028")).toMatchObject({ from: "2028-02-01", to: "2028-02-29" });
    expect(parsePeriod("q4/2026")).toMatchObject({ kind: "quarter", index: 4, from: "2026-10-01", to: "2026-12-31" });
    expect(parsePeriod("Quý 1/2026")).toMatchObject({ kind: "quarter", from: "2026-01-01", to: "2026-03-31" });
    expect(parsePeriod("2026")).toMatchObject({ kind: "year", from: "2026-01-01", to: "2026-12-31" });
    expect(parsePeriod("13/2026")).toBeNull();
    expect(parsePeriod("Nam")).toBeNull();
  });

  it("splits a trailing period off the subject, this year by default", () => {
    expect(splitPeriod("Nam Trà My q4/2026", "2026-11-24")).toMatchObject({
      subject: "Nam Trà My",
      explicit: true,
      period: { kind: "quarter" },
    });
    expect(splitPeriod("Nam Trà My quý 4/2026", "2026-11-24")).toMatchObject({
      subject: "Nam Trà My",
      period: { index: 4 },
    });
    expect(splitPeriod("Nam Trà My", "2026-11-24")).toMatchObject({
      subject: "Nam Trà My",
      explicit: false,
      period: { kind: "year", year: 2026 },
    });
    expect(splitPeriod("", "2026-11-24").subject).toBe("");
  });

  it("counts the months of a period up to today's month", () => {
    expect(monthsElapsed(parsePeriod("2026")!, "2026-11-24")).toHaveLength(11);
    expect(monthsElapsed(parsePeriod("q4/2026")!, "2026-11-24")).toEqual(["2026-10", "2026-11"]);
    expect(monthsElapsed(parsePeriod("2025")!, "2026-11-24")).toHaveLength(12);
    expect(monthsElapsed(parsePeriod("2027")!, "2026-11-24")).toEqual([]);
  });
});

describe("tallies", () => {
  it("median of odd and even counts", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it("classes tasks by timeliness; days late over done-late and open-overdue tasks", () => {
    const t = tallyTasks(
      [
        { dueDate: "2026-11-10", completedOn: "2026-11-10", remindersBeforeDone: 1 }, // on time (on the day)
        { dueDate: "2026-11-10", completedOn: "2026-11-13", remindersBeforeDone: 3 }, // 3 days late
        { dueDate: "2026-11-30", completedOn: null, remindersBeforeDone: 0 }, // open in term
        { dueDate: "2026-11-24", completedOn: null, remindersBeforeDone: 0 }, // due today: in term
        { dueDate: "2026-11-20", completedOn: null, remindersBeforeDone: 0 }, // 4 days overdue
        // reported done, not yet confirmed: still open (overdue here), counted apart too
        { dueDate: "2026-11-21", completedOn: null, remindersBeforeDone: 2, awaiting: true },
      ],
      "2026-11-24",
    );
    expect(t).toEqual({
      doneOnTime: 1,
      doneLate: 1,
      openInTerm: 2,
      openOverdue: 2,
      awaitingConfirmation: 1,
      medianDaysLate: 3, // of 3 (done late), 4 and 3 (open, overdue)
      remindersBeforeDone: 4,
    });
  });

  it("classes written requests", () => {
    expect(
      tallyRequests(
        [
          { dueOn: "2026-11-20", answeredOn: "2026-11-19" },
          { dueOn: "2026-11-20", answeredOn: "2026-11-21" },
          { dueOn: "2026-11-20", answeredOn: null },
          { dueOn: "2026-11-25", answeredOn: null },
        ],
        "2026-11-24",
      ),
    ).toEqual({ answeredOnTime: 1, answeredLate: 1, openInTerm: 1, openOverdue: 1 });
  });

  it("combines programmes as provinceStatus does (plan-weighted expected rate)", () => {
    expect(
      combineRates([
        { planVnd: 300n, disbursedVnd: 150n, expectedBp: 8000 },
        { planVnd: 100n, disbursedVnd: 100n, expectedBp: 4000 },
      ]),
    ).toEqual({ planVnd: 400n, disbursedVnd: 250n, expectedBp: 7000 });
    expect(combineRates([]).expectedBp).toBe(0);
  });
});

describe("disbursement history", () => {
  const r = (programmeId: number, asOf: string, vnd: bigint, seq: number, source: string | null = null) => ({
    programmeId,
    asOf,
    source,
    kind: source ? "INVESTMENT" : null,
    cumulativeVnd: vnd,
    seq,
  });
  it("sums each programme's current figure as of a day", () => {
    const reports = [
      r(1, "2026-03-31", 10n, 1),
      r(2, "2026-04-30", 5n, 2),
      r(1, "2026-06-30", 30n, 3),
      r(2, "2026-06-30", 7n, 4, "CENTRAL"),
    ];
    expect(disbursedAsOf(reports, "2026-03-31")).toBe(10n);
    expect(disbursedAsOf(reports, "2026-05-01")).toBe(15n);
    expect(disbursedAsOf(reports, "2026-02-01")).toBe(0n);
    expect(cumulativeSeries(reports)).toEqual([
      { date: "2026-03-31", disbursedVnd: 10n },
      { date: "2026-04-30", disbursedVnd: 15n },
      { date: "2026-06-30", disbursedVnd: 37n },
    ]);
  });
});

describe("judged history (ADR 016: vốn TW where it is judged)", () => {
  const plan = (programmeId: number, source: string, kind: string, amountVnd: bigint) => ({
    programmeId,
    source,
    kind,
    amountVnd,
  });
  const r = (programmeId: number, asOf: string, vnd: bigint, seq: number, source: string | null = null) => ({
    programmeId,
    asOf,
    source,
    kind: null,
    cumulativeVnd: vnd,
    seq,
  });
  // programme 1 split (TW 80 + ĐP 20), programme 2 not (TW 50 only)
  const plans = [
    plan(1, "CENTRAL", "INVESTMENT", 80n),
    plan(1, "LOCAL", "INVESTMENT", 20n),
    plan(2, "CENTRAL", "INVESTMENT", 50n),
  ];

  it("unsplit or whole figures only: all sources, exactly cumulativeSeries", () => {
    const reports = [r(1, "2026-03-31", 10n, 1), r(2, "2026-04-30", 5n, 2), r(1, "2026-06-30", 30n, 3)];
    const h = judgedSeries(plans, reports);
    expect(h.programmes.map((p) => p.basis)).toEqual(["TOTAL", "TOTAL"]);
    expect(h.planVnd).toBe(150n);
    expect(h.points).toEqual(cumulativeSeries(reports));
  });

  it("split and vốn TW reported apart: vốn TW against its plan; dates without a vốn TW figure of its own left out", () => {
    const reports = [
      r(1, "2026-03-31", 10n, 1),
      r(2, "2026-04-30", 5n, 2),
      r(1, "2026-05-31", 12n, 3, "CENTRAL"),
      r(1, "2026-06-30", 30n, 4, "CENTRAL"),
    ];
    const h = judgedSeries(plans, reports);
    expect(h.programmes).toEqual([
      { programmeId: 1, basis: "CENTRAL", planVnd: 80n },
      { programmeId: 2, basis: "TOTAL", planVnd: 50n },
    ]);
    expect(h.planVnd).toBe(130n);
    // 31/3 and 30/4: programme 1 has only a whole figure, no vốn TW figure → not drawn
    expect(h.points).toEqual([
      { date: "2026-05-31", disbursedVnd: 17n },
      { date: "2026-06-30", disbursedVnd: 35n },
    ]);
    expect(judgedFigure("CENTRAL", plans.slice(0, 2), [])).toBe(0n);
    expect(judgedFigure("CENTRAL", plans.slice(0, 2), reports.slice(0, 1))).toBeNull();
    expect(judgedFigure("TOTAL", plans.slice(0, 2), reports.slice(0, 1))).toBe(10n);
  });
});

describe("export progress", () => {
  it("edits at most once per interval and never with the same text", async () => {
    let now = 0;
    const edits: string[] = [];
    const report = progressReporter({
      minIntervalMs: 2000,
      clock: () => now,
      edit: async (t) => void edits.push(t),
      text: (p) => `Đang xuất… ${p}%`,
    });
    expect(await report(0.1)).toBe(false); // too soon
    now = 2000;
    expect(await report(0.4)).toBe(true);
    now = 3000;
    expect(await report(0.6)).toBe(false);
    now = 4500;
    expect(await report(0.4)).toBe(false); // same text
    expect(await report(0.8)).toBe(true);
    expect(edits).toEqual(["Đang xuất… 40%", "Đang xuất… 80%"]);
    const failing = progressReporter({
      minIntervalMs: 0,
      clock: () => 1,
      edit: async () => Promise.reject(new Error("429")),
      text: String,
    });
    expect(await failing(0.5)).toBe(true); // a failed edit does not throw
  });
});
