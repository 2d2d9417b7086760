// Tests for disbursement pacing: milestones, interpolation, traffic light, pace summary.
import { describe, expect, it } from "vitest";
import {
  GREEN_MAX_GAP_BP,
  RED_MIN_GAP_BP,
  actualBpOf,
  defaultMilestones,
  expectedBp,
  nextMilestone,
  pace,
  trafficLight,
  type MilestonePoint,
} from "../../src/domain/pacing.ts";

const M2026 = defaultMilestones(2026);
const START = "2026-01-01";

describe("defaultMilestones", () => {
  it("is 50 % at 30/6, 75 % at 30/9, 100 % at 31/12 and 31/1 of the next year", () => {
    expect(M2026).toEqual([
      { date: "2026-06-30", targetBp: 5000 },
      { date: "2026-09-30", targetBp: 7500 },
      { date: "2026-12-31", targetBp: 10000 },
      { date: "2027-01-31", targetBp: 10000 },
    ]);
  });
});

describe("expectedBp", () => {
  // Hand-checked: 1/1 → 30/6 is 180 days for 5000 bp; 30/6 → 30/9 and 30/9 → 31/12 are 92 days for 2500 bp each.
  const cases: Array<[string, number]> = [
    ["2025-12-15", 0], // before the year starts
    ["2026-01-01", 0],
    ["2026-01-02", 28], // 5000 × 1/180 = 27.8
    ["2026-03-31", 2472], // 5000 × 89/180 = 2472.2
    ["2026-04-01", 2500], // 5000 × 90/180
    ["2026-06-30", 5000],
    ["2026-07-01", 5027], // 5000 + 2500 × 1/92 = 5027.2
    ["2026-08-15", 6250], // 5000 + 2500 × 46/92
    ["2026-09-30", 7500],
    ["2026-10-31", 8342], // 7500 + 2500 × 31/92 = 8342.4
    ["2026-12-31", 10000],
    ["2027-01-15", 10000], // flat until 31/1
    ["2027-01-31", 10000],
    ["2027-06-01", 10000], // after the last milestone
  ];

  it.each(cases)("on %s is %i bp", (today, bp) => {
    expect(expectedBp(M2026, today, START)).toBe(bp);
  });

  it("rounds half up", () => {
    const m: MilestonePoint[] = [{ date: "2026-01-05", targetBp: 5 }]; // 4 days for 5 bp
    expect(expectedBp(m, "2026-01-02", START)).toBe(1); // 1.25
    expect(expectedBp(m, "2026-01-03", START)).toBe(3); // 2.5
    expect(expectedBp(m, "2026-01-04", START)).toBe(4); // 3.75
    expect(expectedBp(m, "2026-01-06", START)).toBe(5);
  });

  it("rounds half up on a falling segment too", () => {
    const m: MilestonePoint[] = [
      { date: "2026-01-05", targetBp: 10 },
      { date: "2026-01-09", targetBp: 5 },
    ];
    expect(expectedBp(m, "2026-01-07", START)).toBe(8); // 10 − 2.5 = 7.5
  });

  it("sorts milestones given out of order", () => {
    const shuffled = [M2026[2], M2026[0], M2026[3], M2026[1]].filter((m): m is MilestonePoint => m !== undefined);
    expect(expectedBp(shuffled, "2026-08-15", START)).toBe(6250);
  });

  it("is 0 without milestones", () => {
    expect(expectedBp([], "2026-08-15", START)).toBe(0);
  });
});

describe("nextMilestone", () => {
  it("is the first milestone on or after today", () => {
    expect(nextMilestone(M2026, "2026-03-01")).toEqual({ date: "2026-06-30", targetBp: 5000 });
    expect(nextMilestone(M2026, "2026-06-30")).toEqual({ date: "2026-06-30", targetBp: 5000 });
    expect(nextMilestone(M2026, "2026-07-01")).toEqual({ date: "2026-09-30", targetBp: 7500 });
    expect(nextMilestone(M2026, "2027-01-31")).toEqual({ date: "2027-01-31", targetBp: 10000 });
    expect(nextMilestone(M2026, "2027-02-01")).toBeNull();
    expect(nextMilestone([], "2026-03-01")).toBeNull();
  });
});

describe("trafficLight", () => {
  it("exports its thresholds", () => {
    expect(GREEN_MAX_GAP_BP).toBe(0);
    expect(RED_MIN_GAP_BP).toBe(1000);
  });

  it("is green at or above pace, yellow under 10 points behind, red otherwise", () => {
    expect(trafficLight(5000, 5000)).toBe("green");
    expect(trafficLight(5100, 5000)).toBe("green");
    expect(trafficLight(0, 0)).toBe("green");
    expect(trafficLight(4999, 5000)).toBe("yellow");
    expect(trafficLight(4001, 5000)).toBe("yellow");
    expect(trafficLight(4000, 5000)).toBe("red");
    expect(trafficLight(0, 5000)).toBe("red");
  });
});

describe("actualBpOf", () => {
  it("rounds half up in bigint", () => {
    expect(actualBpOf(3n, 1n)).toBe(3333); // 3333.3
    expect(actualBpOf(3n, 2n)).toBe(6667); // 6666.7
    expect(actualBpOf(20_000n, 1n)).toBe(1); // 0.5
    expect(actualBpOf(60_000n, 1n)).toBe(0); // 0.17
    expect(actualBpOf(1_000_000_000_000n, 999_999_999_999n)).toBe(10000);
    expect(actualBpOf(100n, 150n)).toBe(15000); // over-disbursed
  });

  it("is null when there is no plan", () => {
    expect(actualBpOf(0n, 0n)).toBeNull();
    expect(actualBpOf(0n, 5n)).toBeNull();
  });
});

describe("pace", () => {
  it("summarises a unit far behind", () => {
    expect(
      pace({
        planVnd: 200_000_000_000n,
        disbursedVnd: 50_000_000_000n,
        milestones: M2026,
        today: "2026-08-15",
        year: 2026,
      }),
    ).toEqual({
      actualBp: 2500,
      expectedBp: 6250,
      gapBp: 3750,
      next: { date: "2026-09-30", targetBp: 7500 },
      daysToNext: 46,
      light: "red",
    });
  });

  it("summarises a unit slightly behind", () => {
    expect(
      pace({
        planVnd: 10_000_000_000n,
        disbursedVnd: 8_000_000_000n,
        milestones: M2026,
        today: "2026-10-31",
        year: 2026,
      }),
    ).toEqual({
      actualBp: 8000,
      expectedBp: 8342,
      gapBp: 342,
      next: { date: "2026-12-31", targetBp: 10000 },
      daysToNext: 61,
      light: "yellow",
    });
  });

  it("is green exactly on a milestone day at its target", () => {
    expect(
      pace({
        planVnd: 123_456_000_000n,
        disbursedVnd: 61_728_000_000n,
        milestones: M2026,
        today: "2026-06-30",
        year: 2026,
      }),
    ).toEqual({
      actualBp: 5000,
      expectedBp: 5000,
      gapBp: 0,
      next: { date: "2026-06-30", targetBp: 5000 },
      daysToNext: 0,
      light: "green",
    });
  });

  it("has no next milestone after 31/1 of the next year", () => {
    const p = pace({ planVnd: 100n, disbursedVnd: 97n, milestones: M2026, today: "2027-02-10", year: 2026 });
    expect(p).toEqual({ actualBp: 9700, expectedBp: 10000, gapBp: 300, next: null, daysToNext: null, light: "yellow" });
  });

  it("has no actual, gap or light when the plan is 0", () => {
    expect(pace({ planVnd: 0n, disbursedVnd: 0n, milestones: M2026, today: "2026-03-31", year: 2026 })).toEqual({
      actualBp: null,
      expectedBp: 2472,
      gapBp: null,
      next: { date: "2026-06-30", targetBp: 5000 },
      daysToNext: 91,
      light: null,
    });
  });
});
