// Scorecards for leaders, per unit or per responsible official, over a period (month, quarter, year):
// task timeliness (Government Office categories), median days late, reminders needed before completion,
// disbursement against plan and pace (from the status service: the very figures /status shows that day),
// monthly working sessions held (R6) and written requests answered on time (R5).
import type { Db } from "../../platform/db/client.ts";
import { localDate } from "../../domain/dates.ts";
import { rateBp } from "../../domain/money-format.ts";
import {
  combineRates,
  monthsElapsed,
  tallyRequests,
  tallyTasks,
  type Period,
  type RequestTally,
  type TaskTally,
} from "../../domain/scorecard.ts";
import { matchByName } from "../../domain/text.ts";
import { refusal } from "../refusals.ts";
import type { StatusService } from "../disbursement/status.ts";

export interface DisbursementScore {
  planVnd: bigint;
  disbursedVnd: bigint;
  /** null without a plan */
  actualBp: number | null;
  expectedBp: number;
  /** expected − actual; positive = behind pace */
  gapBp: number | null;
}

export interface ScorecardView {
  subject: "unit" | "official";
  name: string;
  /** the official's unit, or the unit itself */
  unitName: string;
  period: Period;
  today: string;
  tasks: TaskTally;
  /** done tasks (on time + late), for the reminders-per-task average */
  doneTasks: number;
  disbursement: DisbursementScore | null;
  /** months with a working session / months of the period so far; null for an official */
  meetings: { held: number; expected: number } | null;
  requests: RequestTally;
}

export function createScorecardService({ db, status }: { db: Db; status: StatusService }) {
  /** Task facts of some tasks (not cancelled) due in the period. */
  async function taskFacts(where: { unitId?: number; responsibleId?: number }, period: Period, today: string) {
    const tasks = await db.task.findMany({
      // judged by the due date before any extension (#19)
      where: {
        ...where,
        status: { in: ["OPEN", "AWAITING_CONFIRMATION", "DONE"] },
        OR: [
          { originalDueDate: null, dueDate: { gte: period.from, lte: period.to } },
          { originalDueDate: { gte: period.from, lte: period.to } },
        ],
      },
      select: { id: true, dueDate: true, originalDueDate: true, status: true, completedAt: true },
      orderBy: { id: "asc" },
    });
    const reminders = tasks.length
      ? await db.reminder.findMany({
          where: { taskId: { in: tasks.map((t) => t.id) } },
          select: { taskId: true, createdAt: true },
        })
      : [];
    const facts = tasks.map((t) => {
      const done = t.status === "DONE" && t.completedAt !== null;
      return {
        dueDate: t.originalDueDate ?? t.dueDate,
        completedOn: done ? localDate(t.completedAt!) : null,
        remindersBeforeDone: done
          ? reminders.filter((r) => r.taskId === t.id && r.createdAt < t.completedAt!).length
          : 0,
        awaiting: t.status === "AWAITING_CONFIRMATION",
      };
    });
    const tally = tallyTasks(facts, today);
    return { tally, doneTasks: tally.doneOnTime + tally.doneLate };
  }

  async function requestTally(where: object, period: Period, today: string): Promise<RequestTally> {
    const rows = await db.writtenRequest.findMany({
      where: { ...where, dueOn: { gte: period.from, lte: period.to } },
      select: { dueOn: true, answeredAt: true, status: true },
    });
    return tallyRequests(
      rows.map((r) => ({
        dueOn: r.dueOn,
        answeredOn: r.status === "ANSWERED" && r.answeredAt ? localDate(r.answeredAt) : null,
      })),
      today,
    );
  }

  function score(parts: { planVnd: bigint; disbursedVnd: bigint; expectedBp: number }[]): DisbursementScore | null {
    const c = combineRates(parts);
    if (c.planVnd <= 0n) return null;
    const actualBp = rateBp(c.disbursedVnd, c.planVnd);
    return { ...c, actualBp, gapBp: actualBp === null ? null : c.expectedBp - actualBp };
  }

  /** A unit's scorecard. Disbursement is the unit's standing today (as /status shows it), whatever the period. */
  async function unitScorecard(unitId: number, period: Period, now: Date): Promise<ScorecardView> {
    const today = localDate(now);
    const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId } });
    const { tally, doneTasks } = await taskFacts({ unitId }, period, today);
    const st = await status.unitStatus(unitId, now);
    const months = monthsElapsed(period, today);
    const held = await db.meeting.findMany({
      where: { unitId, month: { in: months } },
      select: { month: true },
      distinct: ["month"],
    });
    return {
      subject: "unit",
      name: unit.name,
      unitName: unit.name,
      period,
      today,
      tasks: tally,
      doneTasks,
      disbursement: score(st.programmes),
      meetings: { held: held.length, expected: months.length },
      // its own requests to departments, and (for a department) those addressed to it
      requests: await requestTally({ OR: [{ unitId }, { departmentUnitId: unitId }] }, period, today),
    };
  }

  /**
   * An official's scorecard: the tasks he is responsible for, the disbursement of the unit × programme
   * pairs he is responsible for today, the written requests he registered.
   */
  async function officialScorecard(officialId: number, period: Period, now: Date): Promise<ScorecardView> {
    const today = localDate(now);
    const official = await db.official.findUniqueOrThrow({ where: { id: officialId }, include: { unit: true } });
    const { tally, doneTasks } = await taskFacts({ responsibleId: officialId }, period, today);
    const resp = await db.responsibility.findMany({
      where: { officialId, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
      include: { programme: true },
    });
    const parts: { planVnd: bigint; disbursedVnd: bigint; expectedBp: number }[] = [];
    const seen = new Set<string>();
    for (const unitId of [...new Set(resp.map((r) => r.unitId))]) {
      const st = await status.unitStatus(unitId, now);
      for (const r of resp.filter((x) => x.unitId === unitId)) {
        const k = `${unitId}:${r.programmeId}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const p = st.programmes.find((x) => x.programmeCode === r.programme.code);
        if (p) parts.push(p);
      }
    }
    return {
      subject: "official",
      name: official.fullName,
      unitName: official.unit?.name ?? "",
      period,
      today,
      tasks: tally,
      doneTasks,
      disbursement: score(parts),
      meetings: null,
      requests: await requestTally({ createdById: officialId }, period, today),
    };
  }

  /** Every active district and commune, by name. */
  async function allUnitScorecards(
    period: Period,
    now: Date,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ScorecardView[]> {
    const units = await db.unit.findMany({
      where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } },
      orderBy: { name: "asc" },
      select: { id: true },
    });
    const out: ScorecardView[] = [];
    for (const [i, u] of units.entries()) {
      out.push(await unitScorecard(u.id, period, now));
      onProgress?.(i + 1, units.length);
    }
    return out;
  }

  return {
    unitScorecard,
    officialScorecard,
    allUnitScorecards,
    findSubject: (query: string) => findSubject(db, query),
  };
}

export type ScorecardService = ReturnType<typeof createScorecardService>;

// ---------------------------------------------------------------------------
// Who may see which scorecard, and what a /scorecard argument names
// ---------------------------------------------------------------------------

interface ActorLike {
  officialId: number;
  unitId: number | null;
  roles: { role: string; unitId: number | null }[];
}

const provinceWide = (a: ActorLike) =>
  a.roles.some((r) => r.role === "SECRETARIAT" || (r.role === "SUPERVISOR" && r.unitId === null));

/** The secretariat and province-wide supervisors: any unit; supervisors: their units; chairmen (and Party
 * secretaries): theirs. */
export function mayViewUnitScorecard(a: ActorLike, unitId: number): boolean {
  if (provinceWide(a)) return true;
  return a.roles.some(
    (r) => r.unitId === unitId && (r.role === "SUPERVISOR" || r.role === "CHAIRMAN" || r.role === "PARTY_SECRETARY"),
  );
}

/** An official: himself; otherwise whoever may see his unit's scorecard. */
export function mayViewOfficialScorecard(a: ActorLike, official: { id: number; unitId: number | null }): boolean {
  if (a.officialId === official.id) return true;
  return official.unitId === null ? provinceWide(a) : mayViewUnitScorecard(a, official.unitId);
}

export type ScorecardSubject =
  { kind: "unit"; id: number; name: string } | { kind: "official"; id: number; name: string; unitId: number | null };

/** A unit by name or code, else an active official by name; unitNotFound / ambiguity errors otherwise. */
export async function findSubject(db: Db, query: string): Promise<ScorecardSubject> {
  const units = await db.unit.findMany({ where: { active: true }, select: { id: true, code: true, name: true } });
  const u = matchByName(query, units, (x) => [x.code, x.name]);
  if (u.kind === "one") return { kind: "unit", id: u.item.id, name: u.item.name };
  if (u.kind === "many")
    throw refusal(
      "common",
      "unitAmbiguous",
      query,
      u.candidates.map((x) => x.name),
    );
  const officials = await db.official.findMany({
    where: { active: true },
    select: { id: true, fullName: true, unitId: true },
  });
  const o = matchByName(query, officials, (x) => [x.fullName]);
  if (o.kind === "one") return { kind: "official", id: o.item.id, name: o.item.fullName, unitId: o.item.unitId };
  if (o.kind === "many")
    throw refusal(
      "onboarding",
      "officialAmbiguous",
      query,
      o.candidates.map((x) => x.fullName),
    );
  throw refusal("common", "unitNotFound", query);
}
