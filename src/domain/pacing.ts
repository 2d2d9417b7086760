// Disbursement pacing: how far a unit's disbursement is behind the expected curve
// built from the year's milestones, and a traffic light for it.
// Amounts are in basis points (bp) of the year's plan: 10000 bp = 100 %.

import { diffDays } from "./dates.ts";

export interface MilestonePoint {
  date: string;
  /** Basis points of the year's plan, 10000 = 100 %. */
  targetBp: number;
}

export type Light = "green" | "yellow" | "red";

/** At or above the expected pace (gap ≤ this) is green. */
export const GREEN_MAX_GAP_BP = 0;
/** A gap of 10 percentage points (1000 bp) or more is red; in between is yellow. */
export const RED_MIN_GAP_BP = 1000;

export interface Pace {
  actualBp: number | null;
  expectedBp: number;
  /** expectedBp − actualBp; positive means behind. */
  gapBp: number | null;
  next: MilestonePoint | null;
  daysToNext: number | null;
  light: Light | null;
}

/**
 * 30/6 = 50 %, 30/9 = 75 %, 31/12 = 100 %, and 31/1 of the next year = 100 %
 * (a year's plan may still be disbursed until 31/1 of the following year).
 */
export function defaultMilestones(year: number): MilestonePoint[] {
  return [
    { date: `${year}-06-30`, targetBp: 5000 },
    { date: `${year}-09-30`, targetBp: 7500 },
    { date: `${year}-12-31`, targetBp: 10000 },
    { date: `${year + 1}-01-31`, targetBp: 10000 },
  ];
}

/** The milestones by date: as given when they already are (the usual case: no copy), else a sorted copy. */
export function byDate(milestones: readonly MilestonePoint[]): readonly MilestonePoint[] {
  for (let i = 1; i < milestones.length; i++) {
    if (milestones[i - 1]!.date > milestones[i]!.date)
      return [...milestones].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return milestones;
}

/** num / den rounded half up (towards +∞ on ties); den > 0. */
function roundHalfUpDiv(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

function roundHalfUpDivBig(num: bigint, den: bigint): bigint {
  const twiceNum = 2n * num + den;
  const twiceDen = 2n * den;
  const q = twiceNum / twiceDen; // truncates towards zero
  return twiceNum % twiceDen < 0n ? q - 1n : q; // floor
}

/**
 * Expected bp on `today`: linear interpolation by calendar days between (yearStart, 0)
 * and the successive milestones, rounded half up; 0 on or before yearStart; the last
 * milestone's target after it.
 */
export function expectedBp(milestones: MilestonePoint[], today: string, yearStart: string): number {
  if (today <= yearStart) return 0;
  let prev: MilestonePoint = { date: yearStart, targetBp: 0 };
  for (const m of byDate(milestones)) {
    if (today <= m.date) {
      const span = diffDays(prev.date, m.date);
      if (span <= 0) return m.targetBp;
      const elapsed = diffDays(prev.date, today);
      return prev.targetBp + roundHalfUpDiv((m.targetBp - prev.targetBp) * elapsed, span);
    }
    prev = m;
  }
  return prev.targetBp;
}

/** The first milestone dated on or after today, or null when all are past. */
export function nextMilestone(milestones: MilestonePoint[], today: string): MilestonePoint | null {
  return byDate(milestones).find((m) => m.date >= today) ?? null;
}

/** gap = expected − actual: ≤ 0 green; < 1000 bp yellow; otherwise red. */
export function trafficLight(actualBp: number, expectedBp: number): Light {
  const gap = expectedBp - actualBp;
  if (gap <= GREEN_MAX_GAP_BP) return "green";
  if (gap < RED_MIN_GAP_BP) return "yellow";
  return "red";
}

/** disbursed / plan in bp, rounded half up; null when the plan is 0 (or negative). */
export function actualBpOf(planVnd: bigint, disbursedVnd: bigint): number | null {
  if (planVnd <= 0n) return null;
  return Number(roundHalfUpDivBig(disbursedVnd * 10000n, planVnd));
}

export function pace(input: {
  planVnd: bigint;
  disbursedVnd: bigint;
  milestones: MilestonePoint[];
  today: string;
  year: number;
}): Pace {
  const actualBp = actualBpOf(input.planVnd, input.disbursedVnd);
  const expected = expectedBp(input.milestones, input.today, `${input.year}-01-01`);
  const next = nextMilestone(input.milestones, input.today);
  return {
    actualBp,
    expectedBp: expected,
    gapBp: actualBp === null ? null : expected - actualBp,
    next,
    daysToNext: next === null ? null : diffDays(input.today, next.date),
    light: actualBp === null ? null : trafficLight(actualBp, expected),
  };
}
