// The reminder ladder for disbursement milestones (the task ladder of ladder.ts, applied to a unit ×
// programme that is behind a milestone's target): a heads-up `daysBefore` working days before the NEXT
// milestone and a reminder on it while the actual rate is below its target; once the milestone has passed
// with the rate still below its target, the chairman after `chairmanAfter` working days and the Party
// secretary, supervisors and secretariat after `escalateAfter`. Only the latest passed milestone escalates
// (an older one is superseded by it). Pure: the rate and the milestones come from services/status.ts.
import type { WorkCalendar } from "./calendar.ts";
import { currentRung, rungDate, type LadderConfig, type Rung } from "./ladder.ts";
import { byDate, type MilestonePoint } from "./pacing.ts";

export interface PaceRung {
  milestone: MilestonePoint;
  rung: Rung;
}

/**
 * The rungs due today for a unit × programme (at most one for the next milestone and one for the latest
 * passed one), each the highest rung reached: after downtime only that rung fires, like tasks.
 * Nothing when the rate is unknown (no capital plan) or at or above the milestone's target.
 */
export function paceRungs(
  input: { actualBp: number | null; milestones: readonly MilestonePoint[]; today: string },
  cal: WorkCalendar,
  cfg: LadderConfig,
): PaceRung[] {
  const { actualBp, today } = input;
  if (actualBp === null) return [];
  const sorted = byDate(input.milestones);
  const out: PaceRung[] = [];
  const passed = sorted.filter((m) => m.date < today).at(-1);
  if (passed && actualBp < passed.targetBp) {
    const rung = currentRung(passed.date, today, cal, cfg);
    if (rung === "overdue1" || rung === "overdue3") out.push({ milestone: passed, rung });
  }
  const next = sorted.find((m) => m.date >= today);
  if (next && actualBp < next.targetBp) {
    const rung: Rung | null =
      rungDate(next.date, "due", cal, cfg) <= today
        ? "due"
        : rungDate(next.date, "before", cal, cfg) <= today
          ? "before"
          : null;
    if (rung) out.push({ milestone: next, rung });
  }
  return out;
}
