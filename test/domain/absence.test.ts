// The one decision of who receives what is meant for an official on a day (src/domain/absence.ts), as a
// table: the holder present or away, a named stand-in, the unit × programme deputy, the chairman, stand-ins
// away in turn, loops, inactive officials, messages about no programme or no unit.
import { describe, expect, it } from "vitest";
import { absenceOn, periodProblem, recipientOn, type Absence, type StandInWorld } from "../../src/domain/absence.ts";

// Nam Trà My (unit 1): chairman 10, NTM (programme 1) deputy 20, GNBV (programme 2) deputy 21, officials 30, 31.
// Bắc Trà My (unit 2): chairman 40, no deputy; official 50. Official 60 has no unit; 99 is inactive.
const UNIT: Record<number, number | null> = { 10: 1, 20: 1, 21: 1, 30: 1, 31: 1, 40: 2, 50: 2, 60: null, 99: 1 };
const DEPUTY: Record<string, number> = { "1:1": 20, "1:2": 21 };

let nextId = 1;
const away = (officialId: number, from: string, to: string, standInId: number | null = null): Absence => ({
  id: nextId++,
  officialId,
  from,
  to,
  standInId,
  reason: "nghỉ phép",
});

const world = (absences: Absence[], deputies: Record<string, number> = DEPUTY): StandInWorld => ({
  absences,
  deputyOf: (unitId, programmeId) => {
    if (programmeId !== null) return deputies[`${unitId}:${programmeId}`] ?? null;
    const all = new Set(
      Object.entries(deputies)
        .filter(([k]) => k.startsWith(`${unitId}:`))
        .map(([, v]) => v),
    );
    return all.size === 1 ? [...all][0]! : null;
  },
  chairmenOf: (unitId) => (unitId === 1 ? [10] : unitId === 2 ? [40] : []),
  unitOf: (id) => UNIT[id] ?? null,
  canStandIn: (id) => id !== 99,
});

const NTM = { unitId: 1, programmeId: 1 };
const GNBV = { unitId: 1, programmeId: 2 };
const NONE = { unitId: 1, programmeId: null };
const NO_UNIT = { unitId: null, programmeId: null };
const DAY = "2026-11-26";

type Row = [string, number, { unitId: number | null; programmeId: number | null }, Absence[], number, boolean];
// [case, holder, subject, absences, who receives, on someone's behalf]
const TABLE: Row[] = [
  ["present: the holder himself", 30, NTM, [], 30, false],
  ["away another time: the holder", 30, NTM, [away(30, "2026-11-27", "2026-11-30")], 30, false],
  ["away, the period's first day", 30, NTM, [away(30, DAY, "2026-11-30")], 20, true],
  ["away, the period's last day", 30, NTM, [away(30, "2026-11-20", DAY)], 20, true],
  ["away, a named stand-in wins", 30, NTM, [away(30, DAY, DAY, 31)], 31, true],
  ["away, the programme's deputy (GNBV)", 30, GNBV, [away(30, DAY, DAY)], 21, true],
  ["away, no programme, two deputies: the chairman", 30, NONE, [away(30, DAY, DAY)], 10, true],
  ["away, no programme, one deputy: him", 30, NONE, [away(30, DAY, DAY)], 20, true],
  ["no deputy in the unit: the chairman", 50, { unitId: 2, programmeId: 1 }, [away(50, DAY, DAY)], 40, true],
  ["the chairman away: the deputy", 10, NTM, [away(10, DAY, DAY)], 20, true],
  ["the deputy away too: the chairman", 30, NTM, [away(30, DAY, DAY), away(20, DAY, DAY)], 10, true],
  ["the named stand-in away: his stand-in", 30, NTM, [away(30, DAY, DAY, 31), away(31, DAY, DAY, 21)], 21, true],
  ["the named stand-in away, none named: the deputy", 30, NTM, [away(30, DAY, DAY, 31), away(31, DAY, DAY)], 20, true],
  ["two name each other: the next one, no loop", 30, NTM, [away(30, DAY, DAY, 31), away(31, DAY, DAY, 30)], 20, true],
  [
    "everyone away: the holder himself",
    30,
    NTM,
    [away(30, DAY, DAY, 31), away(31, DAY, DAY, 30), away(20, DAY, DAY), away(10, DAY, DAY)],
    30,
    false,
  ],
  [
    "the deputy is the one away, chairman away: nobody, so the holder",
    20,
    NTM,
    [away(20, DAY, DAY), away(10, DAY, DAY)],
    20,
    false,
  ],
  ["an inactive stand-in is passed over", 30, NTM, [away(30, DAY, DAY, 99)], 20, true],
  [
    "a message about another unit: that unit's chairman",
    30,
    { unitId: 2, programmeId: null },
    [away(30, DAY, DAY)],
    40,
    true,
  ],
  ["a message about no unit: the holder's own unit", 31, NO_UNIT, [away(31, DAY, DAY)], 10, true],
  ["no unit at all and nobody named: the holder", 60, NO_UNIT, [away(60, DAY, DAY)], 60, false],
  ["no unit, a named stand-in", 60, NO_UNIT, [away(60, DAY, DAY, 40)], 40, true],
];

describe("recipientOn: who receives what is meant for an official on a day", () => {
  it.each(TABLE)("%s", (name, holder, subject, absences, expected, onBehalf) => {
    const deputies = name.includes("one deputy") ? { "1:1": 20 } : DEPUTY;
    const r = recipientOn(holder, DAY, subject, world(absences, deputies));
    expect(r.officialId).toBe(expected);
    expect(r.absence !== null).toBe(onBehalf);
    // the absence told is the holder's own, whoever stands in at the end of the chain
    if (r.absence) expect(r.absence.officialId).toBe(holder);
  });

  it("a cancelled or ended absence is not one: the holder again the day after", () => {
    const a = [away(30, "2026-11-24", "2026-11-25")];
    expect(recipientOn(30, "2026-11-25", NTM, world(a)).officialId).toBe(20);
    expect(recipientOn(30, "2026-11-26", NTM, world(a)).officialId).toBe(30);
  });

  it("absenceOn: of overlapping absences the latest set counts", () => {
    const first = away(30, "2026-11-20", "2026-11-30", 31);
    const second = away(30, DAY, DAY, 21);
    expect(absenceOn(30, DAY, [first, second])).toBe(second);
    expect(absenceOn(30, "2026-11-27", [first, second])).toBe(first);
    expect(absenceOn(31, DAY, [first, second])).toBeNull();
  });

  it("periodProblem: the end before the start, or a period already over", () => {
    expect(periodProblem("2026-11-26", "2026-11-25", "2026-11-20")).toBe("order");
    expect(periodProblem("2026-11-10", "2026-11-19", "2026-11-20")).toBe("past");
    expect(periodProblem("2026-11-10", "2026-11-20", "2026-11-20")).toBeNull();
    expect(periodProblem("2026-11-26", "2026-11-26", "2026-11-20")).toBeNull();
  });
});
