// The pace check: the reminder ladder of tasks (ladder.ts) for disbursement milestones. For every unit ×
// programme with a capital plan whose actual rate is below a milestone's target (src/domain/pace-ladder.ts):
// before / due — the unit's responsible officials for the programme (in private) and the unit's groups;
// overdue1 — the chairman; overdue3 — the Party secretary, the supervisors following the unit and the
// secretariat chats. The rate and the milestones are those of services/status.ts (one computation). Each
// rung has a deterministic key pace:<unit>:<programme>:<milestone date>:<rung>, claimed in the transaction
// that writes its messages to the outbox: double ticks and restarts send nothing twice.
// One message per chat per check (ADR 009): a chat told of several unit × programme rungs gets one digest,
// worst first; a leader's or the secretariat's digest ends with the units still behind that were already
// reported ("vẫn chậm: 6 đơn vị, như hôm qua") instead of repeating them. Only milestones of the current
// period escalate: one passed more than CURRENT_PERIOD_DAYS ago is no longer news.
import { yieldToIo, type Db, type Tx } from "../../platform/db/client.ts";
import { isOfficeTime, type OfficeHours, type WorkCalendar } from "../../domain/calendar.ts";
import { addDays, localDate } from "../../domain/dates.ts";
import { overdueWorkingDays, type LadderConfig, type Rung } from "../../domain/ladder.ts";
import { paceRungs } from "../../domain/pace-ladder.ts";
import type { MilestonePoint } from "../../domain/pacing.ts";
import type { Messages } from "../../i18n/index.ts";
import type { PaceReminderView } from "./pace-messages.ts";
import {
  claimKeys,
  inForce,
  reachableHolders,
  reachableRoleHolders,
  secretariatChats,
  unitGroups,
  type Reachable,
} from "../followup/audience.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import { withBehalf, type OnBehalf } from "../absence/stand-ins.ts";
import {
  foldByChat,
  isEscalation,
  MAX_ITEMS,
  PRIORITY,
  withBehalfNotes,
  worstFirst,
  type Delivery,
} from "../tasks/digest.ts";
import type { DigestAudience } from "../tasks/digest-messages.ts";
import { milestoneSets, type StatusService } from "./status.ts";

export interface PaceLadderDeps {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  ladder: LadderConfig;
  officeHours: OfficeHours;
  status: StatusService;
  /** renders the reminders written to the outbox (the composition root passes `catalogue`) */
  messages: Messages<"pace" | "absence" | "digest">;
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

/** calendar days after a milestone during which its miss still escalates (its period) */
export const CURRENT_PERIOD_DAYS = 31;

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
    await yieldToIo();
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
          if (isEscalation(r.rung) && r.milestone.date < addDays(today, -CURRENT_PERIOD_DAYS)) continue;
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
    // escalations of this period already reported on an earlier day: summarised, not repeated
    const reported = due.filter((d) => isEscalation(d.rung) && written.has(d.key));
    return db.$transaction((tx) => write(tx, fresh, reported, now, today, cal));
  }

  async function write(tx: Tx, fresh: Due[], reported: Due[], now: Date, today: string, cal: WorkCalendar) {
    const claimed = new Map<string, number>();
    for (const rung of ["before", "due", "overdue1", "overdue3"] as const) {
      const keys = fresh.filter((d) => d.rung === rung).map((d) => d.key);
      for (const [k, id] of await claimKeys(tx, keys, `pace.${rung}`, now)) claimed.set(k, id);
    }
    const rows = fresh.filter((d) => claimed.has(d.key));
    if (rows.length === 0) return { rungs: 0, messages: 0 };
    const unitIds = [...new Set([...rows, ...reported].map((d) => d.unitId))];
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

    type Recipient = { chatId: bigint; language: string; audience: DigestAudience; onBehalf: OnBehalf | null };
    /** who hears of a rung, and as what (a stand-in for an official away: for whom, #19) */
    function recipients(d: Due): Recipient[] {
      if (d.rung === "before" || d.rung === "due") {
        return [
          ...responsibles
            .filter((r) => r.unitId === d.unitId && r.programmeId === d.programmeId)
            .map((p) => ({
              chatId: p.chatId,
              language: p.language,
              audience: "responsible" as const,
              onBehalf: p.onBehalf,
            })),
          ...groups
            .filter((g) => g.unitId === d.unitId)
            .map((g) => ({ chatId: g.telegramChatId, language: "vi", audience: "group" as const, onBehalf: null })),
        ];
      }
      const leaders = (people: Reachable[]): Recipient[] =>
        people.map((p) => ({ chatId: p.chatId, language: p.language, audience: "leader", onBehalf: p.onBehalf }));
      // +1: the unit's chairman must act (the unit is behind), not be informed
      if (d.rung === "overdue1")
        return (chairmenOf.get(d.programmeId) ?? [])
          .filter((c) => c.unitId === d.unitId)
          .map((p) => ({ chatId: p.chatId, language: p.language, audience: "responsible", onBehalf: p.onBehalf }));
      return [
        ...leaders(secretaries.filter((s) => s.unitId === d.unitId)),
        ...leaders(supervisors.filter((s) => s.unitId === null || s.unitId === d.unitId)),
        ...secretariat.map((c) => ({
          chatId: c.telegramChatId,
          language: "vi",
          audience: "office" as const,
          onBehalf: null,
        })),
      ];
    }
    const itemOf = (d: Due, order: number) => ({
      ...d,
      order,
      dueDate: d.milestone.date,
      workingDaysLeft: d.milestone.date >= today ? cal.workingDaysBetween(today, d.milestone.date) : 0,
      workingDaysOverdue: overdueWorkingDays(d.milestone.date, today, cal),
    });
    type Item = ReturnType<typeof itemOf>;
    const deliveries: Delivery<Item>[] = rows.flatMap((d, i) =>
      recipients(d).map((r) => ({ ...r, item: itemOf(d, i) })),
    );
    // the units each chat was already told are behind (earlier days' escalations still unmet)
    const stillBehind = new Map<bigint, Set<number>>();
    for (const d of reported) {
      for (const r of recipients(d)) {
        const units = stillBehind.get(r.chatId) ?? new Set<number>();
        units.add(d.unitId);
        stillBehind.set(r.chatId, units);
      }
    }
    const view = (d: Item): PaceReminderView => ({
      rung: d.rung,
      unitName: d.unitName,
      programmeCode: d.programmeCode,
      ...(d.central ? { central: true } : {}),
      actualBp: d.actualBp,
      milestoneDate: d.milestone.date,
      targetBp: d.milestone.targetBp,
      workingDaysLeft: d.workingDaysLeft,
      workingDaysOverdue: d.workingDaysOverdue,
    });
    const out: OutgoingMessage[] = [];
    for (const f of foldByChat(deliveries, (d) => d.key, worstFirst)) {
      const t = deps.messages(f.language);
      const first = f.items[0]!.item;
      const priority = f.items.some((i) => isEscalation(i.item.rung)) ? PRIORITY.escalation : PRIORITY.reminder;
      const base = { chatId: f.chatId, reminderId: claimed.get(first.key), priority };
      const told = new Set(f.items.map((i) => i.item.unitId));
      const stillBehindUnits = [...(stillBehind.get(f.chatId) ?? [])].filter((u) => !told.has(u)).length;
      if (f.items.length === 1 && stillBehindUnits === 0) {
        const text = withBehalf(t, f.items[0]!.onBehalf ?? null, t.pace.reminder(view(first)));
        out.push({ ...base, kind: `pace.${first.rung}`, text });
        continue;
      }

      const audience =
        f.items.find((i) => i.audience === "responsible" || i.audience === "group")?.audience ?? f.items[0]!.audience;
      out.push({
        ...base,
        kind: "pace.digest",
        text: withBehalfNotes(
          t,
          f.items,
          t.digest.pace({
            today,
            audience,
            items: f.items.slice(0, MAX_ITEMS).map((i) => view(i.item)),
            more: Math.max(0, f.items.length - MAX_ITEMS),
            stillBehindUnits,
          }),
        ),
      });
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
  const reachable = await reachableHolders(tx, now, rows, (r) => r.programmeId);
  return reachable.map(({ row, to }) => ({ ...to, programmeId: row.programmeId }));
}

export type PaceLadderService = ReturnType<typeof createPaceLadderService>;
