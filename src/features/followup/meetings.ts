// R6: the monthly working session of a unit's Party secretary with its People's Committee.
// /hop logs it (one session per unit and month: a second /hop corrects it). The meeting check nudges the
// units without a session from MEETING_NUDGE_DAY on: once on that day and once every 7 calendar days
// after (each nudge goes out on the first office-time tick of its slot, so a slot missed while the bot was
// down is caught up, never doubled). Once the month is over, the secretariat and the unit's supervisors
// are told once of the units that held none.
import type { Db } from "../../platform/db/client.ts";
import { isOfficeTime, type OfficeHours, type WorkCalendar } from "../../domain/calendar.ts";
import { addDays, diffDays, localDate, monthKey } from "../../domain/dates.ts";
import type { Messages } from "../../i18n/index.ts";
import type { MeetingLoggedView } from "./messages.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { claimKeys, reachableRoleHolders, secretariatChats, unitGroups } from "./audience.ts";
import { refusalsOf } from "../refusals.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import { withBehalf, type OnBehalf } from "../absence/stand-ins.ts";
import { createRegistry, type Actor, type UnitRef } from "../registry/registry.ts";

export interface MeetingDeps {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  officeHours: OfficeHours;
  /** the day of the month from which units without a session are nudged */
  nudgeDay: number;
  /** renders the messages written to the outbox (the composition root passes `catalogue`) */
  messages: Messages<"followup" | "absence">;
}

const followupError = refusalsOf("followup");

/** "2026-11" → "2026-10" */
export function previousMonth(month: string): string {
  return monthKey(addDays(`${month}-01`, -1));
}

/** "2026-11" → "2026-11-30" */
export function lastDayOfMonth(month: string): string {
  const next = monthKey(addDays(`${month}-28`, 4));
  return addDays(`${next}-01`, -1);
}

/** The start of the nudge slot `today` falls in (nudge day + 7k), or null before the nudge day. */
export function nudgeSlot(today: string, nudgeDay: number): string | null {
  const start = `${monthKey(today)}-${String(nudgeDay).padStart(2, "0")}`;
  if (today < start) return null;
  return addDays(start, 7 * Math.floor(diffDays(start, today) / 7));
}

const LEADS = ["PARTY_SECRETARY", "CHAIRMAN"] as const;

export function createMeetingService(deps: MeetingDeps) {
  const { db } = deps;
  const registry = createRegistry({ db });

  async function resolveUnit(input: { unit?: string; chatUnitId: number | null; actor: Actor }): Promise<UnitRef> {
    if (input.unit) return registry.findUnit(input.unit);
    if (input.chatUnitId !== null) {
      return db.unit.findUniqueOrThrow({
        where: { id: input.chatUnitId },
        select: { id: true, code: true, name: true },
      });
    }
    const led = [
      ...new Set(
        input.actor.roles
          .filter((r) => (LEADS as readonly string[]).includes(r.role) && r.unitId !== null)
          .map((r) => r.unitId as number),
      ),
    ];
    if (led.length !== 1) throw followupError("whichUnit");
    return db.unit.findUniqueOrThrow({ where: { id: led[0] }, select: { id: true, code: true, name: true } });
  }

  /** /hop: logs (or corrects) the month's working session of a unit. */
  async function logMeeting(input: {
    unit?: string;
    chatUnitId: number | null;
    heldOn: string | null;
    note: string;
    actor: Actor;
    now: Date;
    updateId?: bigint;
  }): Promise<MeetingLoggedView> {
    const unit = await resolveUnit(input);
    const may = input.actor.roles.some(
      (r) => r.role === "SECRETARIAT" || ((LEADS as readonly string[]).includes(r.role) && r.unitId === unit.id),
    );
    if (!may) throw followupError("notYourUnit", unit.name);
    const today = localDate(input.now);
    const heldOn = input.heldOn ?? today;
    if (heldOn > today) throw followupError("futureDate", heldOn);
    const month = monthKey(heldOn);
    const note = input.note.trim().slice(0, 1000);
    return db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      const before = await tx.meeting.findFirst({ where: { unitId: unit.id, month }, orderBy: { id: "asc" } });
      const after = before
        ? await tx.meeting.update({
            where: { id: before.id },
            data: { heldOn, note, loggedById: input.actor.officialId },
          })
        : await tx.meeting.create({
            data: { unitId: unit.id, month, heldOn, note, loggedById: input.actor.officialId, createdAt: input.now },
          });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: before ? "meeting.update" : "meeting.log",
        entity: "Meeting",
        entityId: after.id,
        before: before ?? undefined,
        after,
      });
      return { unitName: unit.name, month, heldOn, note, updated: before !== null };
    });
  }

  /** The meeting-check job. */
  async function runMeetingCheck(
    now: Date,
  ): Promise<{ skipped?: string; nudged: number; missed: number; messages: number }> {
    const cal = await deps.calendar();
    if (!isOfficeTime(now, cal, deps.officeHours))
      return { skipped: "outside-office-hours", nudged: 0, missed: 0, messages: 0 };
    const today = localDate(now);
    const month = monthKey(today);
    const prev = previousMonth(month);
    const units = await db.unit.findMany({
      where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    const meetings = await db.meeting.findMany({
      where: { month: { in: [month, prev] } },
      select: { unitId: true, month: true },
    });
    const held = (unitId: number, m: string) => meetings.some((x) => x.unitId === unitId && x.month === m);

    const slot = nudgeSlot(today, deps.nudgeDay);
    const nudgeKey = (unitId: number) => `meeting:${unitId}:${month}:nudge:${slot}`;
    const toNudge = slot ? units.filter((u) => !held(u.id, month)) : [];
    const missedKey = (unitId: number) => `meeting:${unitId}:${prev}:missed`;
    const missedUnits = units.filter((u) => !held(u.id, prev));

    return db.$transaction(async (tx) => {
      const nudged = await claimKeys(
        tx,
        toNudge.map((u) => nudgeKey(u.id)),
        "meeting.nudge",
        now,
      );
      const missed = await claimKeys(
        tx,
        missedUnits.map((u) => missedKey(u.id)),
        "meeting.missed",
        now,
      );
      const out: OutgoingMessage[] = [];

      const nudgedUnits = toNudge.filter((u) => nudged.has(nudgeKey(u.id)));
      if (nudgedUnits.length > 0) {
        const ids = nudgedUnits.map((u) => u.id);
        const groups = await unitGroups(tx, ids);
        const secretaries = await reachableRoleHolders(tx, ["PARTY_SECRETARY"], ids, now);
        for (const u of nudgedUnits) {
          const base = { kind: "meeting.nudge", reminderId: nudged.get(nudgeKey(u.id)) };
          const view = { unitName: u.name, month, lastDay: lastDayOfMonth(month) };
          for (const g of groups.filter((c) => c.unitId === u.id)) {
            out.push({ ...base, chatId: g.telegramChatId, text: deps.messages("vi").followup.meeting.nudge(view) });
          }
          const told = new Set<bigint>();
          for (const s of secretaries.filter((x) => x.unitId === u.id)) {
            if (told.has(s.chatId)) continue;
            told.add(s.chatId);
            const t = deps.messages(s.language);
            out.push({ ...base, chatId: s.chatId, text: withBehalf(t, s.onBehalf, t.followup.meeting.nudge(view)) });
          }
        }
      }

      const missedNow = missedUnits.filter((u) => missed.has(missedKey(u.id)));
      if (missedNow.length > 0) {
        const text = deps
          .messages("vi")
          .followup.meeting.missed({ month: prev, unitNames: missedNow.map((u) => u.name), to: "office" });
        for (const s of await secretariatChats(tx))
          out.push({ kind: "meeting.missed", chatId: s.telegramChatId, text });
        const ids = new Set(missedNow.map((u) => u.id));
        const supervisors = (await reachableRoleHolders(tx, ["SUPERVISOR"], undefined, now)).filter(
          (s) => s.unitId === null || ids.has(s.unitId),
        );
        const byChat = new Map<bigint, { language: string; unitIds: Set<number>; onBehalf: OnBehalf | null }>();
        for (const s of supervisors) {
          const entry = byChat.get(s.chatId) ?? { language: s.language, unitIds: new Set<number>(), onBehalf: null };
          for (const id of s.unitId === null ? ids : [s.unitId]) entry.unitIds.add(id);
          entry.onBehalf ??= s.onBehalf;
          byChat.set(s.chatId, entry);
        }
        for (const [chatId, e] of byChat) {
          const unitNames = missedNow.filter((u) => e.unitIds.has(u.id)).map((u) => u.name);
          const t = deps.messages(e.language);
          out.push({
            kind: "meeting.missed",
            chatId,
            text: withBehalf(t, e.onBehalf, t.followup.meeting.missed({ month: prev, unitNames, to: "leader" })),
          });
        }
      }
      await enqueue(tx, out, now);
      return { nudged: nudgedUnits.length, missed: missedNow.length, messages: out.length };
    });
  }

  return { logMeeting, runMeetingCheck };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
