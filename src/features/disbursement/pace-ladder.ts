// The pace check: the reminder ladder of tasks (ladder.ts) for disbursement milestones. For every unit ×
// programme with a capital plan whose actual rate is below a milestone's target (src/domain/pace-ladder.ts):
// before / due — the unit's responsible officials for the programme (in private) and the unit's groups;
// overdue1 — the chairman; overdue3 — the Party secretary, the supervisors following the unit and the
// secretariat chats. The rate and the milestones are those of services/status.ts (one computation). Each
// rung has a deterministic key pace:<unit>:<programme>:<milestone date>:<rung>, claimed in the transaction
// that writes its messages to the outbox: double ticks and restarts send nothing twice.
import type { Db, Tx } from "../../platform/db/client.ts";
import { isOfficeTime, type OfficeHours, type WorkCalendar } from "../../domain/calendar.ts";
import { localDate } from "../../domain/dates.ts";
import { overdueWorkingDays, type LadderConfig, type Rung } from "../../domain/ladder.ts";
import { paceRungs } from "../../domain/pace-ladder.ts";
import type { MilestonePoint } from "../../domain/pacing.ts";
import type { Messages } from "../../i18n/index.ts";
import type { PaceReminderView } from "./pace-messages.ts";
import {
  claimKeys,
  inForce,
  reachablePrivateChat,
  reachableRoleHolders,
  secretariatChats,
  unitGroups,
  unreachablePrivateChats,
  type Reachable,
} from "../followup/audience.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import { standInsOn, withBehalf, type OnBehalf } from "../absence/stand-ins.ts";
import { milestoneSets, type StatusService } from "./status.ts";

export interface PaceLadderDeps {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  ladder: LadderConfig;
  officeHours: OfficeHours;
  status: StatusService;
  /** renders the reminders written to the outbox (the composition root passes `catalogue`) */
  messages: Messages<"pace" | "absence">;
}

interface Due {
  key: string;
  rung: Rung;
  unitId: number;
  unitName: string;
  programmeId: number;
  programmeCode: string;
  central: boolean;
  actualBp: number;
  milestone: MilestonePoint;
}

export const paceKey = (unitId: number, programmeId: number, milestoneDate: string, rung: Rung) =>
  `pace:${unitId}:${programmeId}:${milestoneDate}:${rung}`;

export function createPaceLadderService(deps: PaceLadderDeps) {
  const { db } = deps;

  async function runPaceCheck(now: Date): Promise<{ skipped?: string; rungs: number; messages: number }> {
    const cal = await deps.calendar();
    if (!isOfficeTime(now, cal, deps.officeHours)) return { skipped: "outside-office-hours", rungs: 0, messages: 0 };
    const today = localDate(now);
    const units = await db.unit.findMany({
      where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    if (units.length === 0) return { rungs: 0, messages: 0 };
    const programmes = await db.programme.findMany({ select: { id: true, code: true } });
    const programmeIdOf = new Map(programmes.map((p) => [p.code, p.id]));
    // the status service's own figures, for every unit at once
    const byUnit = await deps.status.unitStatuses(
      units.map((u) => u.id),
      now,
    );
    const views = units.map((u) => byUnit.get(u.id)!);
    const year = views[0]!.year;
    const milestoneRows = await db.milestone.findMany({
      where: { year },
      select: { programmeId: true, unitId: true, dueDate: true, targetBp: true },
    });

    const milestonesOf = milestoneSets(milestoneRows, year);
    const due: Due[] = [];
    units.forEach((u, i) => {
      for (const p of views[i]!.programmes) {
        const programmeId = programmeIdOf.get(p.programmeCode);
        if (programmeId === undefined || p.actualBp === null) continue;
        const milestones = milestonesOf(u.id, programmeId);
        for (const r of paceRungs({ actualBp: p.actualBp, milestones, today }, cal, deps.ladder)) {
          due.push({
            key: paceKey(u.id, programmeId, r.milestone.date, r.rung),
            rung: r.rung,
            unitId: u.id,
            unitName: u.name,
            programmeId,
            programmeCode: p.programmeCode,
            central: p.basis === "CENTRAL",
            actualBp: p.actualBp,
            milestone: r.milestone,
          });
        }
      }
    });
    if (due.length === 0) return { rungs: 0, messages: 0 };
    // rungs written by an earlier tick are left out before the transaction (claimKeys checks again inside)
    const written = new Set(
      (await db.reminder.findMany({ where: { key: { in: due.map((d) => d.key) } }, select: { key: true } })).map(
        (r) => r.key,
      ),
    );
    const fresh = due.filter((d) => !written.has(d.key));
    if (fresh.length === 0) return { rungs: 0, messages: 0 };
    return db.$transaction((tx) => write(tx, fresh, now, today, cal));
  }

  async function write(tx: Tx, fresh: Due[], now: Date, today: string, cal: WorkCalendar) {
    const claimed = new Map<string, number>();
    for (const rung of ["before", "due", "overdue1", "overdue3"] as const) {
      const keys = fresh.filter((d) => d.rung === rung).map((d) => d.key);
      for (const [k, id] of await claimKeys(tx, keys, `pace.${rung}`, now)) claimed.set(k, id);
    }
    const rows = fresh.filter((d) => claimed.has(d.key));
    if (rows.length === 0) return { rungs: 0, messages: 0 };
    const unitIds = [...new Set(rows.map((d) => d.unitId))];
    // one connection inside a transaction: queries one after another
    const groups = await unitGroups(tx, unitIds);
    const responsibles = await reachableResponsibles(tx, unitIds, now);
    // a chairman away: the deputy in charge of the programme behind stands in (#19), so one read per programme
    const chairmenOf = new Map<number, Reachable[]>();
    for (const programmeId of new Set(rows.filter((d) => d.rung === "overdue1").map((d) => d.programmeId)))
      chairmenOf.set(programmeId, await reachableRoleHolders(tx, ["CHAIRMAN"], unitIds, now, programmeId));
    const secretaries = await reachableRoleHolders(tx, ["PARTY_SECRETARY"], unitIds, now);
    const supervisors = await reachableRoleHolders(tx, ["SUPERVISOR"], undefined, now);
    const secretariat = await secretariatChats(tx);

    const out: OutgoingMessage[] = [];
    for (const d of rows) {
      const view: PaceReminderView = {
        rung: d.rung,
        unitName: d.unitName,
        programmeCode: d.programmeCode,
        ...(d.central ? { central: true } : {}),
        actualBp: d.actualBp,
        milestoneDate: d.milestone.date,
        targetBp: d.milestone.targetBp,
        workingDaysLeft: d.milestone.date >= today ? cal.workingDaysBetween(today, d.milestone.date) : 0,
        workingDaysOverdue: overdueWorkingDays(d.milestone.date, today, cal),
      };
      const base = { kind: `pace.${d.rung}`, reminderId: claimed.get(d.key) };
      const told = new Set<bigint>();
      const toPerson = (people: { chatId: bigint; language: string; onBehalf: OnBehalf | null }[]) => {
        for (const p of people) {
          if (told.has(p.chatId)) continue;
          told.add(p.chatId);
          const t = deps.messages(p.language);
          out.push({ ...base, chatId: p.chatId, text: withBehalf(t, p.onBehalf, t.pace.reminder(view)) });
        }
      };
      const toChats = (chats: { telegramChatId: bigint }[]) => {
        for (const c of chats) {
          if (told.has(c.telegramChatId)) continue;
          told.add(c.telegramChatId);
          out.push({ ...base, chatId: c.telegramChatId, text: deps.messages("vi").pace.reminder(view) });
        }
      };
      if (d.rung === "before" || d.rung === "due") {
        toPerson(responsibles.filter((r) => r.unitId === d.unitId && r.programmeId === d.programmeId));
        toChats(groups.filter((g) => g.unitId === d.unitId));
      } else if (d.rung === "overdue1") {
        toPerson((chairmenOf.get(d.programmeId) ?? []).filter((c) => c.unitId === d.unitId));
      } else {
        toPerson(secretaries.filter((s) => s.unitId === d.unitId));
        toPerson(supervisors.filter((s) => s.unitId === null || s.unitId === d.unitId));
        toChats(secretariat);
      }
    }
    await enqueue(tx, out, now);
    return { rungs: rows.length, messages: out.length };
  }

  return { runPaceCheck };
}

/**
 * The officials responsible for a programme in these units (Responsibility rows in force), reachable in
 * private — or their stand-ins, for those away today (#19).
 */
async function reachableResponsibles(
  tx: Tx,
  unitIds: number[],
  now: Date,
): Promise<(Reachable & { programmeId: number })[]> {
  const rows = await tx.responsibility.findMany({
    where: {
      unitId: { in: unitIds },
      ...inForce(now),
    },
    include: { official: true },
    orderBy: { id: "asc" },
  });
  const unreachable = await unreachablePrivateChats(tx);
  const standIns = await standInsOn(tx, now, unitIds);
  const out: (Reachable & { programmeId: number })[] = [];
  for (const r of rows) {
    const to = standIns.recipientOf(r.official.id, r.official, { unitId: r.unitId, programmeId: r.programmeId });
    const chatId = reachablePrivateChat(to.person, unreachable);
    if (chatId)
      out.push({
        officialId: r.official.id,
        chatId,
        language: to.person.language,
        unitId: r.unitId,
        programmeId: r.programmeId,
        onBehalf: to.onBehalf,
      });
  }
  return out;
}

export type PaceLadderService = ReturnType<typeof createPaceLadderService>;
