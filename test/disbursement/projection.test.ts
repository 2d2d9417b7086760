import { describe, expect, it } from "vitest";
import { projectYearEnd, projection } from "../../src/domain/projection.ts";

const B = 1_000_000_000n;

describe("projectYearEnd", () => {
  it("extends the pace of the two latest reports to the year end", () => {
    // 10 tỷ more in 30 days; 31 days left → +10,33 tỷ (rounded down to the đồng)
    const reports = [
      { asOf: "2026-10-01", cumulativeVnd: 20n * B },
      { asOf: "2026-10-31", cumulativeVnd: 30n * B },
      { asOf: "2026-11-30", cumulativeVnd: 40n * B },
    ];
    expect(projectYearEnd(reports, "2026-12-31")).toBe(40n * B + (10n * B * 31n) / 30n);
  });

  it("orders reports by date, whatever the list order", () => {
    const reports = [
      { asOf: "2026-11-30", cumulativeVnd: 40n * B },
      { asOf: "2026-10-31", cumulativeVnd: 30n * B },
    ];
    expect(projectYearEnd(reports, "2026-12-30")).toBe(50n * B);
  });

  it("keeps the latest figure with one report, a falling trend or two reports on one day", () => {
    expect(projectYearEnd([], "2026-12-31")).toBe(0n);
    expect(projectYearEnd([{ asOf: "2026-11-01", cumulativeVnd: 7n * B }], "2026-12-31")).toBe(7n * B);
    expect(
      projectYearEnd(
        [
          { asOf: "2026-10-01", cumulativeVnd: 9n * B },
          { asOf: "2026-11-01", cumulativeVnd: 7n * B },
        ],
        "2026-12-31",
      ),
    ).toBe(7n * B);
    expect(
      projectYearEnd(
        [
          { asOf: "2026-11-01", cumulativeVnd: 5n * B },
          { asOf: "2026-11-01", cumulativeVnd: 6n * B },
        ],
        "2026-12-31",
      ),
    ).toBe(6n * B);
  });
});

describe("projection", () => {
  const reports = [
    { asOf: "2026-11-01", cumulativeVnd: 40n * B },
    { asOf: "2026-12-01", cumulativeVnd: 50n * B },
  ];
  it("gives a surplus when the projection falls short of the plan", () => {
    expect(projection(100n * B, reports, "2026-12-31")).toEqual({
      projectedVnd: 60n * B,
      surplusVnd: 40n * B,
      needVnd: 0n,
    });
  });
  it("gives a need when the projection passes the plan", () => {
    expect(projection(55n * B, reports, "2026-12-31")).toEqual({
      projectedVnd: 60n * B,
      surplusVnd: 0n,
      needVnd: 5n * B,
    });
  });
  it("gives neither when the projection meets the plan exactly", () => {
    expect(projection(60n * B, reports, "2026-12-31")).toEqual({ projectedVnd: 60n * B, surplusVnd: 0n, needVnd: 0n });
  });
});
