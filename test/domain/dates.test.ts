// Tests for the Vietnam calendar-day helpers, including independence from the server's TZ.
import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  diffDays,
  formatDm,
  formatDmy,
  isValidDate,
  localDate,
  localInstant,
  localMinutes,
  monthKey,
  parseDmy,
  weekday,
} from "../../src/domain/dates.ts";

const SERVER_ZONES = ["UTC", "America/Los_Angeles", "Asia/Ho_Chi_Minh", "Pacific/Kiritimati", "Europe/London"];
const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("localDate / localMinutes", () => {
  it.each(SERVER_ZONES)("does not depend on the server time zone (TZ=%s)", (tz) => {
    process.env.TZ = tz;
    const lastSecond = new Date("2026-11-27T16:59:59Z");
    const midnight = new Date("2026-11-27T17:00:00Z");
    expect(localDate(lastSecond)).toBe("2026-11-27");
    expect(localMinutes(lastSecond)).toBe(23 * 60 + 59);
    expect(localDate(midnight)).toBe("2026-11-28");
    expect(localMinutes(midnight)).toBe(0);
    expect(localInstant("2026-11-28", 0).toISOString()).toBe("2026-11-27T17:00:00.000Z");
    expect(weekday("2026-11-27")).toBe(5);
  });

  it("maps UTC morning to the same local day and afternoon hours", () => {
    const now = new Date("2026-03-02T01:30:00Z"); // 08:30 in Vietnam
    expect(localDate(now)).toBe("2026-03-02");
    expect(localMinutes(now)).toBe(8 * 60 + 30);
  });

  it("crosses year and month ends at local midnight", () => {
    expect(localDate(new Date("2025-12-31T16:59:59.999Z"))).toBe("2025-12-31");
    expect(localDate(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
    expect(localDate(new Date("2024-02-28T17:00:00Z"))).toBe("2024-02-29");
  });

  it("handles instants before 1970", () => {
    const now = new Date("1969-12-31T18:15:00Z"); // 01:15 on 1 January 1970 in Vietnam
    expect(localDate(now)).toBe("1970-01-01");
    expect(localMinutes(now)).toBe(75);
  });
});

describe("localInstant", () => {
  it("gives the instant of a local day and time", () => {
    expect(localInstant("2026-11-30", 7 * 60 + 30).toISOString()).toBe("2026-11-30T00:30:00.000Z");
    expect(localInstant("2026-11-30", 6 * 60).toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(localInstant("2026-11-30", 17 * 60).toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });

  it("round-trips with localDate and localMinutes", () => {
    const at = localInstant("2026-02-17", 23 * 60 + 59);
    expect(localDate(at)).toBe("2026-02-17");
    expect(localMinutes(at)).toBe(1439);
  });

  it("rejects an invalid date", () => {
    expect(() => localInstant("2026-02-30", 0)).toThrow(RangeError);
  });
});

describe("addDays / diffDays / weekday", () => {
  it("adds across month, year and leap days", () => {
    expect(addDays("2026-11-27", 4)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-05-05", 0)).toBe("2026-05-05");
  });

  it("diffDays is b - a", () => {
    expect(diffDays("2026-01-01", "2026-06-30")).toBe(180);
    expect(diffDays("2026-06-30", "2026-01-01")).toBe(-180);
    expect(diffDays("2024-01-01", "2025-01-01")).toBe(366);
    expect(diffDays("2026-11-27", "2026-11-27")).toBe(0);
  });

  it("weekday is 0 for Sunday", () => {
    expect(weekday("2026-11-29")).toBe(0); // Sunday
    expect(weekday("2026-11-30")).toBe(1); // Monday
    expect(weekday("2025-04-26")).toBe(6); // the make-up Saturday
    expect(weekday("2026-02-17")).toBe(2); // Tết Bính Ngọ, a Tuesday
    expect(weekday("1970-01-01")).toBe(4);
    expect(weekday("1969-12-28")).toBe(0);
  });

  it("throws on malformed dates", () => {
    expect(() => addDays("2026-13-01", 1)).toThrow(RangeError);
    expect(() => diffDays("26-01-01", "2026-01-02")).toThrow(RangeError);
    expect(() => weekday("2026-1-1")).toThrow(RangeError);
  });
});

describe("isValidDate", () => {
  it("accepts real days only", () => {
    expect(isValidDate("2024-02-29")).toBe(true);
    expect(isValidDate("2026-12-31")).toBe(true);
    expect(isValidDate("2025-02-29")).toBe(false);
    expect(isValidDate("2026-04-31")).toBe(false);
    expect(isValidDate("2026-00-10")).toBe(false);
    expect(isValidDate("2026-1-10")).toBe(false);
    expect(isValidDate("2026-01-10T00:00")).toBe(false);
    expect(isValidDate("")).toBe(false);
    expect(isValidDate("0099-01-01")).toBe(false);
    expect(isValidDate("1900-02-29")).toBe(false);
    expect(isValidDate("2000-02-29")).toBe(true);
    expect(isValidDate("2026-0a-10")).toBe(false);
    expect(isValidDate("2026/01/10")).toBe(false);
    expect(isValidDate(" 2026-01-1")).toBe(false);
    expect(isValidDate("２０２６-01-10")).toBe(false); // digits other than ASCII
  });

  it("agrees with the calendar of JavaScript's Date on every day and non-day of years around each leap rule", () => {
    const real = (y: number, m: number, d: number) => {
      const t = new Date(Date.UTC(y, m - 1, d));
      return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
    };
    const p2 = (n: number) => String(n).padStart(2, "0");
    let checked = 0;
    const years = [1899, 1900, 1904, 1999, 2000, 2023, 2024, 2025, 2026, 2027, 2028, 2100, 2400];
    for (const y of years)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${y}-${p2(m)}-${p2(d)}`;
          expect(isValidDate(s), s).toBe(m >= 1 && m <= 12 && d >= 1 && real(y, m, d));
          checked++;
        }
    expect(checked).toBe(years.length * 14 * 33);
  });
});

describe("parseDmy", () => {
  const today = "2026-11-27";

  it("accepts the usual Vietnamese forms", () => {
    expect(parseDmy("30/11/2026", today)).toBe("2026-11-30");
    expect(parseDmy("30-11-2026", today)).toBe("2026-11-30");
    expect(parseDmy("30.11.2026", today)).toBe("2026-11-30");
    expect(parseDmy("5/1/2027", today)).toBe("2027-01-05");
    expect(parseDmy("  05/01/2027 ", today)).toBe("2027-01-05");
  });

  it("takes the year from today when omitted", () => {
    expect(parseDmy("30/11", today)).toBe("2026-11-30");
    expect(parseDmy("1.2", today)).toBe("2026-02-01");
    expect(parseDmy("29/2", "2024-06-01")).toBe("2024-02-29");
    expect(parseDmy("29/2", "2025-06-01")).toBeNull();
  });

  it("rejects impossible dates and other text", () => {
    expect(parseDmy("31/11/2026", today)).toBeNull();
    expect(parseDmy("29/02/2026", today)).toBeNull();
    expect(parseDmy("0/11/2026", today)).toBeNull();
    expect(parseDmy("12/13/2026", today)).toBeNull();
    expect(parseDmy("30/11/26", today)).toBeNull();
    expect(parseDmy("30/11-2026", today)).toBeNull();
    expect(parseDmy("2026-11-30", today)).toBeNull();
    expect(parseDmy("ngày 30/11", today)).toBeNull();
    expect(parseDmy("", today)).toBeNull();
  });
});

describe("formatting", () => {
  it("formats day/month/year with zero padding", () => {
    expect(formatDmy("2026-11-30")).toBe("30/11/2026");
    expect(formatDmy("2027-01-05")).toBe("05/01/2027");
    expect(formatDm("2027-01-05")).toBe("05/01");
    expect(formatDm("2026-11-30")).toBe("30/11");
    expect(monthKey("2026-11-30")).toBe("2026-11");
    expect(monthKey("2027-01-05")).toBe("2027-01");
  });

  it("round-trips with parseDmy", () => {
    expect(parseDmy(formatDmy("2026-02-17"), "2000-01-01")).toBe("2026-02-17");
  });

  it("throws on invalid dates", () => {
    expect(() => formatDmy("2026-02-30")).toThrow(RangeError);
  });
});
