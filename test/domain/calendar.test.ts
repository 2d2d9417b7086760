// Tests for the working-day calendar, the 2023–2027 holiday data and office hours.
import { afterEach, describe, expect, it } from "vitest";
import { createWorkCalendar, isOfficeTime, nextOfficeStart } from "../../src/domain/calendar.ts";
import { addDays, isValidDate, weekday } from "../../src/domain/dates.ts";
import { VIETNAM_CALENDAR_2023_2027, type CalendarEntry } from "../../src/domain/holidays.ts";

const cal = createWorkCalendar(VIETNAM_CALENDAR_2023_2027);
const plain = createWorkCalendar([]);
const HOURS = { startMin: 7 * 60 + 30, endMin: 17 * 60 + 30 }; // 07:30–17:30

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function workingDaysIn(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) days.push(d);
  return days;
}

describe("holiday data", () => {
  it("has valid, unique dates and Vietnamese names", () => {
    const dates = VIETNAM_CALENDAR_2023_2027.map((e) => e.date);
    expect(dates.every(isValidDate)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    const known =
      /^(Tết Dương lịch|Tết Nguyên Đán|Giỗ Tổ Hùng Vương|Ngày Giải phóng miền Nam|Quốc tế Lao động|Quốc khánh|Nghỉ bù|Làm bù)/;
    expect(VIETNAM_CALENDAR_2023_2027.every((e) => known.test(e.name))).toBe(true);
  });

  it("puts make-up working days only on weekends", () => {
    const workdays = VIETNAM_CALENDAR_2023_2027.filter((e) => e.kind === "WORKDAY");
    expect(workdays.map((e) => e.date)).toEqual(["2024-05-04", "2025-04-26", "2026-01-10", "2026-08-22"]);
    expect(workdays.every((e) => weekday(e.date) === 6)).toBe(true);
  });

  it.each([2023, 2024, 2025, 2026, 2027])(
    "gives the 11 statutory days off in %i (weekday holidays minus make-up days)",
    (year) => {
      const inYear = VIETNAM_CALENDAR_2023_2027.filter((e) => e.date.startsWith(`${year}-`));
      const weekdayHolidays = inYear.filter(
        (e) => e.kind === "HOLIDAY" && weekday(e.date) >= 1 && weekday(e.date) <= 5,
      );
      const makeUps = inYear.filter((e) => e.kind === "WORKDAY");
      expect(weekdayHolidays.length - makeUps.length).toBe(11);
    },
  );

  it("counts 250 working days in 2026 (261 weekdays − 13 days off + 2 make-up Saturdays)", () => {
    expect(cal.workingDaysBetween("2025-12-31", "2026-12-31")).toBe(250);
    expect(plain.workingDaysBetween("2025-12-31", "2026-12-31")).toBe(261);
  });
});

describe("isWorkingDay", () => {
  it("is Monday–Friday on an empty calendar", () => {
    expect(plain.isWorkingDay("2026-11-27")).toBe(true); // Friday
    expect(plain.isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(plain.isWorkingDay("2026-11-29")).toBe(false); // Sunday
    expect(plain.isWorkingDay("2026-11-30")).toBe(true); // Monday
  });

  it("knows the Tết weeks", () => {
    expect(workingDaysIn("2023-01-16", "2023-01-31")).toEqual([
      "2023-01-16",
      "2023-01-17",
      "2023-01-18",
      "2023-01-19",
      "2023-01-27",
      "2023-01-30",
      "2023-01-31",
    ]);
    expect(workingDaysIn("2024-02-05", "2024-02-16")).toEqual([
      "2024-02-05",
      "2024-02-06",
      "2024-02-07",
      "2024-02-15",
      "2024-02-16",
    ]);
    expect(workingDaysIn("2025-01-20", "2025-02-04")).toEqual([
      "2025-01-20",
      "2025-01-21",
      "2025-01-22",
      "2025-01-23",
      "2025-01-24",
      "2025-02-03",
      "2025-02-04",
    ]);
    expect(workingDaysIn("2026-02-09", "2026-02-24")).toEqual([
      "2026-02-09",
      "2026-02-10",
      "2026-02-11",
      "2026-02-12",
      "2026-02-13",
      "2026-02-23",
      "2026-02-24",
    ]);
  });

  it("works make-up Saturdays and rests on the swapped days", () => {
    expect(cal.isWorkingDay("2025-04-26")).toBe(true); // Saturday, làm bù
    expect(cal.isWorkingDay("2025-05-02")).toBe(false); // Friday, swapped
    expect(cal.isWorkingDay("2024-05-04")).toBe(true);
    expect(cal.isWorkingDay("2024-04-29")).toBe(false);
    expect(cal.isWorkingDay("2026-01-10")).toBe(true);
    expect(cal.isWorkingDay("2026-01-02")).toBe(false);
    expect(cal.isWorkingDay("2026-08-22")).toBe(true);
    expect(cal.isWorkingDay("2026-08-31")).toBe(false);
    expect(cal.isWorkingDay("2026-01-03")).toBe(false); // an ordinary Saturday
  });

  it("rests on substitute days for holidays that fall on a weekend", () => {
    expect(cal.isWorkingDay("2023-01-02")).toBe(false); // 1/1/2023 was a Sunday
    expect(cal.isWorkingDay("2023-05-02")).toBe(false);
    expect(cal.isWorkingDay("2023-05-03")).toBe(false);
    expect(cal.isWorkingDay("2023-05-04")).toBe(true);
    expect(cal.isWorkingDay("2023-09-04")).toBe(false);
    expect(cal.isWorkingDay("2026-04-27")).toBe(false); // Hùng Vương 2026 is a Sunday
    expect(cal.isWorkingDay("2026-04-28")).toBe(true);
  });

  it("throws on an invalid date", () => {
    expect(() => cal.isWorkingDay("2026-02-30")).toThrow(RangeError);
  });
});

describe("addWorkingDays / nextWorkingDay", () => {
  it("returns the date itself for n = 0, even on a holiday", () => {
    expect(cal.addWorkingDays("2026-02-17", 0)).toBe("2026-02-17");
    expect(cal.addWorkingDays("2026-11-28", 0)).toBe("2026-11-28");
  });

  it("skips weekends", () => {
    expect(plain.addWorkingDays("2026-11-27", 1)).toBe("2026-11-30");
    expect(plain.addWorkingDays("2026-11-27", 5)).toBe("2026-12-04");
    expect(plain.addWorkingDays("2026-11-30", -1)).toBe("2026-11-27");
    expect(plain.addWorkingDays("2026-11-29", -2)).toBe("2026-11-26");
  });

  it("jumps over Tết", () => {
    expect(cal.addWorkingDays("2026-02-13", 1)).toBe("2026-02-23");
    expect(cal.addWorkingDays("2026-02-12", 3)).toBe("2026-02-24");
    expect(cal.addWorkingDays("2026-02-23", -1)).toBe("2026-02-13");
    expect(cal.addWorkingDays("2025-01-24", 1)).toBe("2025-02-03");
    expect(cal.addWorkingDays("2026-02-17", 1)).toBe("2026-02-23");
    expect(cal.addWorkingDays("2026-02-17", -1)).toBe("2026-02-13");
  });

  it("counts make-up Saturdays", () => {
    expect(cal.nextWorkingDay("2025-04-25")).toBe("2025-04-26");
    expect(cal.addWorkingDays("2025-04-25", 4)).toBe("2025-05-05"); // 26/4, 28/4, 29/4, then 5/5
    expect(cal.addWorkingDays("2026-01-12", -1)).toBe("2026-01-10");
    expect(cal.nextWorkingDay("2026-08-28")).toBe("2026-09-03");
  });

  it("nextWorkingDay is strictly after", () => {
    expect(cal.nextWorkingDay("2026-11-26")).toBe("2026-11-27");
    expect(cal.nextWorkingDay("2026-11-27")).toBe("2026-11-30");
    expect(cal.nextWorkingDay("2025-12-31")).toBe("2026-01-05");
    expect(cal.nextWorkingDay("2026-04-24")).toBe("2026-04-28");
  });

  it("rejects a fractional count", () => {
    expect(() => cal.addWorkingDays("2026-11-27", 1.5)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts d with from < d ≤ to", () => {
    expect(plain.workingDaysBetween("2026-11-27", "2026-11-27")).toBe(0);
    expect(plain.workingDaysBetween("2026-11-27", "2026-11-30")).toBe(1);
    expect(plain.workingDaysBetween("2026-11-28", "2026-11-29")).toBe(0);
    expect(plain.workingDaysBetween("2026-11-23", "2026-11-30")).toBe(5);
  });

  it("is negative and symmetric backwards", () => {
    expect(plain.workingDaysBetween("2026-11-30", "2026-11-23")).toBe(-5);
    expect(cal.workingDaysBetween("2026-02-23", "2026-02-13")).toBe(-1);
  });

  it("skips Tết and counts make-up Saturdays", () => {
    expect(cal.workingDaysBetween("2026-02-13", "2026-02-23")).toBe(1);
    expect(cal.workingDaysBetween("2026-02-01", "2026-02-28")).toBe(15); // 20 weekdays (2–6, 9–13, 16–20, 23–27) minus Tết 16–20
    expect(cal.workingDaysBetween("2025-04-25", "2025-05-05")).toBe(4);
  });

  it("is the inverse of addWorkingDays from a working day", () => {
    for (const n of [-7, -1, 1, 3, 10, 40]) {
      const to = cal.addWorkingDays("2026-02-11", n);
      expect(cal.workingDaysBetween("2026-02-11", to)).toBe(n);
    }
  });
});

describe("holidayName", () => {
  it("names holidays and nothing else", () => {
    expect(cal.holidayName("2026-02-17")).toBe("Tết Nguyên Đán");
    expect(cal.holidayName("2026-02-14")).toBe("Tết Nguyên Đán"); // weekend inside the break
    expect(cal.holidayName("2025-09-02")).toBe("Quốc khánh");
    expect(cal.holidayName("2025-04-30")).toBe("Ngày Giải phóng miền Nam");
    expect(cal.holidayName("2025-05-01")).toBe("Quốc tế Lao động");
    expect(cal.holidayName("2025-04-07")).toBe("Giỗ Tổ Hùng Vương");
    expect(cal.holidayName("2026-04-27")).toBe("Nghỉ bù Giỗ Tổ Hùng Vương");
    expect(cal.holidayName("2026-01-01")).toBe("Tết Dương lịch");
    expect(cal.holidayName("2026-01-10")).toBeNull(); // a make-up working day
    expect(cal.holidayName("2026-11-28")).toBeNull(); // an ordinary Saturday
  });
});

describe("createWorkCalendar", () => {
  it("lets a later entry override an earlier one", () => {
    const entries: CalendarEntry[] = [
      { date: "2026-11-24", kind: "HOLIDAY", name: "Ngày Văn hóa Việt Nam" },
      { date: "2026-11-24", kind: "WORKDAY", name: "Làm bù" },
    ];
    expect(createWorkCalendar(entries).isWorkingDay("2026-11-24")).toBe(true);
    expect(createWorkCalendar(entries.slice(0, 1)).isWorkingDay("2026-11-24")).toBe(false);
    expect(createWorkCalendar(entries.slice(0, 1)).holidayName("2026-11-24")).toBe("Ngày Văn hóa Việt Nam");
  });

  it("rejects invalid entry dates", () => {
    expect(() => createWorkCalendar([{ date: "24/11/2026", kind: "HOLIDAY", name: "x" }])).toThrow(RangeError);
  });
});

describe("isOfficeTime", () => {
  it("is open from startMin inclusive to endMin exclusive on a working day", () => {
    expect(isOfficeTime(new Date("2026-11-27T00:29:59Z"), cal, HOURS)).toBe(false); // 07:29:59
    expect(isOfficeTime(new Date("2026-11-27T00:30:00Z"), cal, HOURS)).toBe(true); // 07:30
    expect(isOfficeTime(new Date("2026-11-27T10:29:59Z"), cal, HOURS)).toBe(true); // 17:29:59
    expect(isOfficeTime(new Date("2026-11-27T10:30:00Z"), cal, HOURS)).toBe(false); // 17:30
  });

  it("is closed on weekends and holidays, open on make-up Saturdays", () => {
    expect(isOfficeTime(new Date("2026-11-28T02:00:00Z"), cal, HOURS)).toBe(false); // Saturday 09:00
    expect(isOfficeTime(new Date("2026-02-17T02:00:00Z"), cal, HOURS)).toBe(false); // Tết
    expect(isOfficeTime(new Date("2026-01-10T02:00:00Z"), cal, HOURS)).toBe(true); // làm bù
  });

  it.each(["UTC", "America/Los_Angeles", "Asia/Tokyo"])("uses Vietnamese time whatever the server TZ (%s)", (tz) => {
    process.env.TZ = tz;
    // Monday 30/11 08:00 in Vietnam is still Sunday 29/11 in UTC and Los Angeles.
    expect(isOfficeTime(new Date("2026-11-30T01:00:00Z"), cal, HOURS)).toBe(true);
    // Saturday 28/11 00:00 in Vietnam is Friday 27/11 17:00 UTC.
    expect(isOfficeTime(new Date("2026-11-27T17:00:00Z"), cal, HOURS)).toBe(false);
  });
});

describe("nextOfficeStart", () => {
  it("returns now during office time", () => {
    const now = new Date("2026-11-27T03:00:00Z");
    expect(nextOfficeStart(now, cal, HOURS).toISOString()).toBe("2026-11-27T03:00:00.000Z");
  });

  it("returns today's opening before opening on a working day", () => {
    // Monday 30/11 06:00 local = Sunday 29/11 23:00 UTC.
    expect(nextOfficeStart(new Date("2026-11-29T23:00:00Z"), cal, HOURS).toISOString()).toBe(
      "2026-11-30T00:30:00.000Z",
    );
  });

  it("returns the next working day's opening after closing or over a weekend", () => {
    expect(nextOfficeStart(new Date("2026-11-27T11:00:00Z"), cal, HOURS).toISOString()).toBe(
      "2026-11-30T00:30:00.000Z",
    );
    expect(nextOfficeStart(new Date("2026-11-27T16:59:59Z"), cal, HOURS).toISOString()).toBe(
      "2026-11-30T00:30:00.000Z",
    );
    expect(nextOfficeStart(new Date("2026-11-27T17:00:00Z"), cal, HOURS).toISOString()).toBe(
      "2026-11-30T00:30:00.000Z",
    );
    expect(nextOfficeStart(new Date("2026-11-26T12:00:00Z"), cal, HOURS).toISOString()).toBe(
      "2026-11-27T00:30:00.000Z",
    );
  });

  it("skips Tết and swapped days, and opens on make-up Saturdays", () => {
    expect(nextOfficeStart(new Date("2026-02-13T11:00:00Z"), cal, HOURS).toISOString()).toBe(
      "2026-02-23T00:30:00.000Z",
    );
    expect(nextOfficeStart(new Date("2026-02-18T02:00:00Z"), cal, HOURS).toISOString()).toBe(
      "2026-02-23T00:30:00.000Z",
    );
    expect(nextOfficeStart(new Date("2025-12-31T13:00:00Z"), cal, HOURS).toISOString()).toBe(
      "2026-01-05T00:30:00.000Z",
    );
    expect(nextOfficeStart(new Date("2026-01-09T11:00:00Z"), cal, HOURS).toISOString()).toBe(
      "2026-01-10T00:30:00.000Z",
    );
  });
});
