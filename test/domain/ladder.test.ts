// Tests for the reminder ladder, timeliness categories and overdue working days.
import { describe, expect, it } from "vitest";
import { createWorkCalendar } from "../../src/domain/calendar.ts";
import { VIETNAM_CALENDAR_2023_2027 } from "../../src/domain/holidays.ts";
import {
  DEFAULT_LADDER,
  RUNGS,
  currentRung,
  overdueWorkingDays,
  rungDate,
  timeliness,
  type LadderConfig,
  type Rung,
} from "../../src/domain/ladder.ts";

const cal = createWorkCalendar(VIETNAM_CALENDAR_2023_2027);

function ladder(due: string, cfg: LadderConfig = DEFAULT_LADDER): Record<Rung, string> {
  return {
    before: rungDate(due, "before", cal, cfg),
    due: rungDate(due, "due", cal, cfg),
    overdue1: rungDate(due, "overdue1", cal, cfg),
    overdue3: rungDate(due, "overdue3", cal, cfg),
  };
}

describe("DEFAULT_LADDER", () => {
  it("is 2 working days before, chairman after 1, escalation after 3", () => {
    expect(DEFAULT_LADDER).toEqual({ daysBefore: 2, chairmanAfter: 1, escalateAfter: 3 });
    expect(Object.isFrozen(DEFAULT_LADDER)).toBe(true);
    expect(RUNGS).toEqual(["before", "due", "overdue1", "overdue3"]);
  });
});

describe("rungDate", () => {
  it("uses working days around an ordinary Wednesday", () => {
    expect(ladder("2026-11-25")).toEqual({
      before: "2026-11-23",
      due: "2026-11-25",
      overdue1: "2026-11-26",
      overdue3: "2026-11-30", // Thu 26, Fri 27, Mon 30
    });
  });

  it("fires the due rung on the last working day before a due date on a holiday (Tết)", () => {
    expect(ladder("2026-02-17")).toEqual({
      before: "2026-02-12",
      due: "2026-02-13",
      overdue1: "2026-02-23",
      overdue3: "2026-02-25",
    });
  });

  it("handles a due date on a Sunday", () => {
    expect(ladder("2026-11-29")).toEqual({
      before: "2026-11-26",
      due: "2026-11-27",
      overdue1: "2026-11-30",
      overdue3: "2026-12-02",
    });
  });

  it("handles a due date on a swapped bridge day", () => {
    // 2/5/2025 was swapped with Saturday 26/4; 30/4 and 1/5 are holidays.
    expect(ladder("2025-05-02")).toEqual({
      before: "2025-04-28",
      due: "2025-04-29",
      overdue1: "2025-05-05",
      overdue3: "2025-05-07",
    });
  });

  it("counts make-up Saturdays as working days", () => {
    expect(ladder("2026-01-09")).toEqual({
      before: "2026-01-07",
      due: "2026-01-09",
      overdue1: "2026-01-10", // làm bù Saturday
      overdue3: "2026-01-13",
    });
    expect(ladder("2025-04-28").before).toBe("2025-04-25"); // −1 is the làm bù Saturday 26/4, −2 is Friday 25/4
  });

  it("follows a custom configuration", () => {
    expect(ladder("2026-11-25", { daysBefore: 5, chairmanAfter: 2, escalateAfter: 5 })).toEqual({
      before: "2026-11-18",
      due: "2026-11-25",
      overdue1: "2026-11-27",
      overdue3: "2026-12-02",
    });
  });
});

describe("currentRung", () => {
  const due = "2026-11-25"; // Wednesday
  const cases: Array<[string, Rung | null]> = [
    ["2026-11-01", null],
    ["2026-11-20", null],
    ["2026-11-22", null],
    ["2026-11-23", "before"],
    ["2026-11-24", "before"],
    ["2026-11-25", "due"],
    ["2026-11-26", "overdue1"],
    ["2026-11-27", "overdue1"],
    ["2026-11-28", "overdue1"],
    ["2026-11-29", "overdue1"],
    ["2026-11-30", "overdue3"],
    ["2027-03-01", "overdue3"],
  ];

  it.each(cases)("on %s is %s", (today, rung) => {
    expect(currentRung(due, today, cal, DEFAULT_LADDER)).toBe(rung);
  });

  it("on catch-up after downtime picks only the highest reached rung", () => {
    // The bot was down from 20/11 to 27/11: "before" and "due" were missed and are skipped.
    expect(currentRung(due, "2026-11-27", cal, DEFAULT_LADDER)).toBe("overdue1");
    // Down over the whole ladder: only the escalation fires.
    expect(currentRung(due, "2026-12-10", cal, DEFAULT_LADDER)).toBe("overdue3");
  });

  it("follows the Tết ladder for a due date inside Tết", () => {
    expect(currentRung("2026-02-17", "2026-02-11", cal, DEFAULT_LADDER)).toBeNull();
    expect(currentRung("2026-02-17", "2026-02-12", cal, DEFAULT_LADDER)).toBe("before");
    expect(currentRung("2026-02-17", "2026-02-13", cal, DEFAULT_LADDER)).toBe("due");
    expect(currentRung("2026-02-17", "2026-02-20", cal, DEFAULT_LADDER)).toBe("due");
    expect(currentRung("2026-02-17", "2026-02-23", cal, DEFAULT_LADDER)).toBe("overdue1");
    expect(currentRung("2026-02-17", "2026-02-24", cal, DEFAULT_LADDER)).toBe("overdue1");
    expect(currentRung("2026-02-17", "2026-02-25", cal, DEFAULT_LADDER)).toBe("overdue3");
  });
});

describe("timeliness", () => {
  it("classifies completed tasks by the completion day", () => {
    expect(timeliness("2026-11-25", "2026-11-20", "2026-12-01")).toBe("done_on_time");
    expect(timeliness("2026-11-25", "2026-11-25", "2026-12-01")).toBe("done_on_time");
    expect(timeliness("2026-11-25", "2026-11-26", "2026-11-26")).toBe("done_late");
    expect(timeliness("2026-11-29", "2026-11-30", "2026-11-30")).toBe("done_late"); // due on Sunday
  });

  it("classifies open tasks by today", () => {
    expect(timeliness("2026-11-25", null, "2026-11-20")).toBe("open_in_term");
    expect(timeliness("2026-11-25", null, "2026-11-25")).toBe("open_in_term");
    expect(timeliness("2026-11-25", null, "2026-11-26")).toBe("open_overdue");
  });
});

describe("overdueWorkingDays", () => {
  it("is 0 until the due date has passed", () => {
    expect(overdueWorkingDays("2026-11-25", "2026-11-20", cal)).toBe(0);
    expect(overdueWorkingDays("2026-11-25", "2026-11-25", cal)).toBe(0);
  });

  it("counts working days after the due date", () => {
    expect(overdueWorkingDays("2026-11-25", "2026-11-26", cal)).toBe(1);
    expect(overdueWorkingDays("2026-11-25", "2026-11-28", cal)).toBe(2);
    expect(overdueWorkingDays("2026-11-25", "2026-11-30", cal)).toBe(3);
  });

  it("does not count Tết and counts make-up Saturdays", () => {
    expect(overdueWorkingDays("2026-02-17", "2026-02-22", cal)).toBe(0);
    expect(overdueWorkingDays("2026-02-17", "2026-02-23", cal)).toBe(1);
    expect(overdueWorkingDays("2026-02-13", "2026-02-27", cal)).toBe(5);
    expect(overdueWorkingDays("2026-01-09", "2026-01-10", cal)).toBe(1);
    expect(overdueWorkingDays("2026-01-09", "2026-01-12", cal)).toBe(2);
  });

  it("agrees with the ladder: chairmanAfter on overdue1, escalateAfter on overdue3", () => {
    for (const due of ["2026-11-25", "2026-02-17", "2026-11-29", "2025-05-02"]) {
      expect(overdueWorkingDays(due, rungDate(due, "overdue1", cal, DEFAULT_LADDER), cal)).toBe(1);
      expect(overdueWorkingDays(due, rungDate(due, "overdue3", cal, DEFAULT_LADDER), cal)).toBe(3);
    }
  });
});

describe("rungsReached", () => {
  it("lists every rung reached by today, lowest first, so a task first seen late misses none (issue #21)", async () => {
    const { rungsReached } = await import("../../src/domain/ladder.ts");
    // due Wednesday 25/11/2026: before 23/11, due 25/11, overdue1 26/11, overdue3 30/11
    expect(rungsReached("2026-11-25", "2026-11-20", cal, DEFAULT_LADDER)).toEqual([]);
    expect(rungsReached("2026-11-25", "2026-11-23", cal, DEFAULT_LADDER)).toEqual(["before"]);
    expect(rungsReached("2026-11-25", "2026-11-26", cal, DEFAULT_LADDER)).toEqual(["before", "due", "overdue1"]);
    expect(rungsReached("2026-11-25", "2026-12-02", cal, DEFAULT_LADDER)).toEqual([
      "before",
      "due",
      "overdue1",
      "overdue3",
    ]);
    expect(rungsReached("2026-11-25", "2026-12-02", cal, DEFAULT_LADDER).at(-1)).toBe(
      currentRung("2026-11-25", "2026-12-02", cal, DEFAULT_LADDER),
    );
  });
});
