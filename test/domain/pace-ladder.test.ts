// Tests for the disbursement-milestone ladder: which rung is due for a unit × programme on a given day.
import { describe, expect, it } from "vitest";
import { createWorkCalendar } from "../../src/domain/calendar.ts";
import { VIETNAM_CALENDAR_2023_2027 } from "../../src/domain/holidays.ts";
import { DEFAULT_LADDER } from "../../src/domain/ladder.ts";
import { paceRungs } from "../../src/domain/pace-ladder.ts";

const cal = createWorkCalendar(VIETNAM_CALENDAR_2023_2027);
// Friday 27/11/2026, then the year's end
const milestones = [
  { date: "2026-11-27", targetBp: 5000 },
  { date: "2026-12-31", targetBp: 10000 },
];
const rungs = (today: string, actualBp: number | null = 2730, ms = milestones) =>
  paceRungs({ actualBp, milestones: ms, today }, cal, DEFAULT_LADDER).map((r) => `${r.milestone.date}:${r.rung}`);

describe("paceRungs", () => {
  it("walks the ladder around a milestone, in working days", () => {
    expect(rungs("2026-11-24")).toEqual([]);
    expect(rungs("2026-11-25")).toEqual(["2026-11-27:before"]); // 2 working days before
    expect(rungs("2026-11-26")).toEqual(["2026-11-27:before"]);
    expect(rungs("2026-11-27")).toEqual(["2026-11-27:due"]);
    // passed on Friday: Monday is 1 working day after (chairman), Wednesday 3 (escalation)
    expect(rungs("2026-11-30")).toEqual(["2026-11-27:overdue1"]);
    expect(rungs("2026-12-01")).toEqual(["2026-11-27:overdue1"]);
    expect(rungs("2026-12-02")).toEqual(["2026-11-27:overdue3"]);
    // catch-up: only the current rung, however late
    expect(rungs("2026-12-20")).toEqual(["2026-11-27:overdue3"]);
  });

  it("chooses the passed milestone's escalation and the next milestone's reminder side by side", () => {
    expect(rungs("2026-12-29")).toEqual(["2026-11-27:overdue3", "2026-12-31:before"]);
    expect(rungs("2026-12-31")).toEqual(["2026-11-27:overdue3", "2026-12-31:due"]);
  });

  it("says nothing at or above the target, or without a capital plan", () => {
    expect(rungs("2026-11-25", 5000)).toEqual([]);
    expect(rungs("2026-12-03", 6000)).toEqual([]);
    expect(rungs("2026-12-29", 6000)).toEqual(["2026-12-31:before"]);
    expect(rungs("2026-11-27", null)).toEqual([]);
  });

  it("escalates only the latest passed milestone", () => {
    const ms = [{ date: "2026-06-30", targetBp: 5000 }, { date: "2026-09-30", targetBp: 7500 }, ...milestones];
    expect(rungs("2026-12-03", 6000, ms)).toEqual([]);
    expect(rungs("2026-10-15", 6000, ms)).toEqual(["2026-09-30:overdue3"]);
  });

  it("reminds on the last working day before a milestone on a day off", () => {
    // Sunday 29/11/2026: the reminder comes on Friday 27/11
    const sunday = [{ date: "2026-11-29", targetBp: 5000 }];
    expect(rungs("2026-11-26", 2730, sunday)).toEqual(["2026-11-29:before"]);
    expect(rungs("2026-11-27", 2730, sunday)).toEqual(["2026-11-29:due"]);
  });
});
