// R5: a unit's written request for guidance to a provincial department (Unit of kind DEPARTMENT).
// Due = sent date + REQUEST_ANSWER_DAYS working days. The request check reminds the department's focal
// officials in private each working day from 2 working days before the due date until it is answered or
// referred to central level; once overdue, the secretariat is told once. Keys: request:<id>:remind:<day>,
// request:<id>:overdue, request:<id>:answered, request:<id>:central.
import type { Db, Tx } from "../../platform/db/client.ts";
import { isOfficeTime, type OfficeHours, type WorkCalendar } from "../../domain/calendar.ts";
import { localDate } from "../../domain/dates.ts";
import { overdueWorkingDays } from "../../domain/ladder.ts";
import { matchByName } from "../../domain/text.ts";
import type { Messages } from "../../i18n/index.ts";
import type { RequestReminderView, RequestStatus, RequestView } from "./messages.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { claimKeys, reachableRoleHolders, secretariatChats, unitGroups } from "./audience.ts";
import { refusalsOf } from "../refusals.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import { standInsOn, withBehalf } from "../absence/stand-ins.ts";
import type { Actor } from "../registry/registry.ts";

export interface RequestDeps {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  officeHours: OfficeHours;
  /** working days a department has to answer */
  answerDays: number;
  /** renders the messages written to the outbox (the composition root passes `catalogue`) */
  messages: Messages<"followup" | "absence">;
}

/** Working days before the due date from which the focal officials are reminded. */
export const REQUEST_REMIND_BEFORE = 2;

const followupError = refusalsOf("followup");

export type RequestRow = {
  id: number;
  unitId: number;
  departmentUnitId: number;
  docNo: string;
  sentOn: string;
  subject: string;
  dueOn: string;
  status: string;
  answerNote: string;
};

/** A request as messages show it; `unitName` names both the requesting unit and the department. */
export function requestView(r: RequestRow, unitName: (unitId: number) => string): RequestView {
  return {
    id: r.id,
    unitName: unitName(r.unitId),
    departmentName: unitName(r.departmentUnitId),
    docNo: r.docNo,
    sentOn: r.sentOn,
    subject: r.subject,
    dueOn: r.dueOn,
    status: r.status as RequestStatus,
    answerNote: r.answerNote,
  };
}

/** The views of these requests, with the names of their units and departments read in one query. */
export async function requestViews(db: Db | Tx, rows: RequestRow[]): Promise<RequestView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.unitId, r.departmentUnitId]))];
  const units = await db.unit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const name = (id: number) => units.find((u) => u.id === id)?.name ?? "";
  return rows.map((r) => requestView(r, name));
}

export function createRequestService(deps: RequestDeps) {
  const { db } = deps;
  const views = (rows: RequestRow[]) => requestViews(db, rows);

  async function findDepartment(query: string) {
    const departments = await db.unit.findMany({ where: { active: true, kind: "DEPARTMENT" }, orderBy: { id: "asc" } });
    const m = matchByName(query, departments, (d) => [d.code, d.name]);
    if (m.kind === "none") throw followupError("departmentNotFound", query);
    if (m.kind === "many")
      throw followupError(
        "departmentAmbiguous",
        query,
        m.candidates.map((d) => d.name),
      );
    return m.item;
  }

  /** The requesting unit: the group's unit, else the one unit the speaker works for. */
  async function requestingUnit(actor: Actor, chatUnitId: number | null) {
    const candidates =
      chatUnitId !== null
        ? [chatUnitId]
        : [...new Set([...actor.roles.map((r) => r.unitId), actor.unitId].filter((x): x is number => x !== null))];
    const units = await db.unit.findMany({ where: { id: { in: candidates }, kind: { in: ["DISTRICT", "COMMUNE"] } } });
    if (units.length !== 1) throw followupError("requestUnit");
    const unit = units[0]!;
    const may = actor.unitId === unit.id || actor.roles.some((r) => r.role === "SECRETARIAT" || r.unitId === unit.id);
    if (!may) throw followupError("notYourUnit", unit.name);
    return unit;
  }

  /** /yeucau <sở> | <số văn bản> | <dd/mm/yyyy> | <trích yếu> */
  async function create(input: {
    department: string;
    docNo: string;
    sentOn: string;
    subject: string;
    chatUnitId: number | null;
    actor: Actor;
    now: Date;
    updateId?: bigint;
  }): Promise<RequestView> {
    const unit = await requestingUnit(input.actor, input.chatUnitId);
    const department = await findDepartment(input.department);
    if (input.sentOn > localDate(input.now)) throw followupError("futureDate", input.sentOn);
    const cal = await deps.calendar();
    const dueOn = cal.addWorkingDays(input.sentOn, deps.answerDays);
    const row = await db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      const r = await tx.writtenRequest.create({
        data: {
          unitId: unit.id,
          departmentUnitId: department.id,
          docNo: input.docNo.slice(0, 100),
          sentOn: input.sentOn,
          subject: input.subject.slice(0, 1000),
          dueOn,
          createdById: input.actor.officialId,
          createdAt: input.now,
        },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "request.create",
        entity: "WrittenRequest",
        entityId: r.id,
        after: r,
      });
      return r;
    });
    return (await views([row]))[0]!;
  }

  async function load(id: number) {
    const r = await db.writtenRequest.findUnique({ where: { id } });
    if (!r) throw followupError("requestNotFound", id);
    return r;
  }

  /** /traloi <id> <nội dung>: the department's focal point (or the secretariat) records the answer. */
  async function answer(input: {
    id: number;
    note: string;
    actor: Actor;
    now: Date;
    updateId?: bigint;
  }): Promise<RequestView> {
    const before = await load(input.id);
    const may = input.actor.roles.some(
      (r) => r.role === "SECRETARIAT" || (r.role === "DEPARTMENT_FOCAL" && r.unitId === before.departmentUnitId),
    );
    if (!may) throw followupError("notFocal");
    if (before.status === "ANSWERED") throw followupError("requestClosed", input.id);
    const note = input.note.trim().slice(0, 2000);
    return db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      const { count } = await tx.writtenRequest.updateMany({
        where: { id: before.id, status: { in: ["OPEN", "CENTRAL"] } },
        data: { status: "ANSWERED", answeredAt: input.now, answerNote: note },
      });
      if (count === 0) throw followupError("requestClosed", input.id);
      const after = await tx.writtenRequest.findUniqueOrThrow({ where: { id: before.id } });
      // an obstacle carried by this request is resolved with the answer
      await tx.obstacle.updateMany({
        where: { requestId: before.id, status: { not: "RESOLVED" } },
        data: { status: "RESOLVED", resolvedAt: input.now, resolution: note },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "request.answer",
        entity: "WrittenRequest",
        entityId: before.id,
        before,
        after,
      });
      const [view] = await views([after]);
      const key = `request:${before.id}:answered`;
      const claimed = await claimKeys(tx, [key], "request.answered", input.now);
      if (claimed.has(key))
        await tellUnit(
          tx,
          after,
          deps.messages("vi").followup.request.answered(view!),
          "request.answered",
          claimed.get(key)!,
          input.now,
        );
      return view!;
    });
  }

  /** /trunguong <id>: referred to central level; reminders stop. */
  async function sendToCentral(input: {
    id: number;
    actor: Actor;
    now: Date;
    updateId?: bigint;
  }): Promise<RequestView> {
    const before = await load(input.id);
    if (before.status !== "OPEN") throw followupError("requestNotOpen", input.id);
    return db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      const { count } = await tx.writtenRequest.updateMany({
        where: { id: before.id, status: "OPEN" },
        data: { status: "CENTRAL", sentToCentralAt: input.now },
      });
      if (count === 0) throw followupError("requestNotOpen", input.id);
      const after = await tx.writtenRequest.findUniqueOrThrow({ where: { id: before.id } });
      await tx.obstacle.updateMany({ where: { requestId: before.id, status: "OPEN" }, data: { status: "CENTRAL" } });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "request.central",
        entity: "WrittenRequest",
        entityId: before.id,
        before,
        after,
      });
      const [view] = await views([after]);
      const key = `request:${before.id}:central`;
      const claimed = await claimKeys(tx, [key], "request.central", input.now);
      if (claimed.has(key))
        await tellUnit(
          tx,
          after,
          deps.messages("vi").followup.request.central(view!),
          "request.central",
          claimed.get(key)!,
          input.now,
        );
      return view!;
    });
  }

  /** The requesting unit's groups; without one, the official who recorded the request, in private. */
  async function tellUnit(
    tx: Tx,
    r: { unitId: number; createdById: number | null },
    text: string,
    kind: string,
    reminderId: number,
    now: Date,
  ) {
    const groups = await unitGroups(tx, [r.unitId]);
    const out: OutgoingMessage[] = groups.map((g) => ({ kind, reminderId, chatId: g.telegramChatId, text }));
    const holder =
      out.length === 0 && r.createdById !== null
        ? await tx.official.findUnique({ where: { id: r.createdById } })
        : null;
    if (holder) {
      // the one who recorded it, or his stand-in while he is away (#19)
      const to = (await standInsOn(tx, now, [r.unitId])).recipientOf(holder.id, holder, {
        unitId: r.unitId,
        programmeId: null,
      });
      const o = to.person;
      const blocked = o.telegramUserId
        ? await tx.chat.findFirst({ where: { telegramChatId: o.telegramUserId, status: { not: "ACTIVE" } } })
        : null;
      if (o.active && o.telegramUserId && o.privateChatAt && !blocked)
        out.push({
          kind,
          reminderId,
          chatId: o.telegramUserId,
          text: withBehalf(deps.messages(o.language), to.onBehalf, text),
        });
    }
    await enqueue(tx, out, now);
  }

  /** /yeucau alone: the requests awaiting an answer that concern the asker (or this group's unit). */
  async function listOpen(actor: Actor, chatUnitId: number | null): Promise<RequestView[]> {
    const mine = [
      ...new Set([...actor.roles.map((r) => r.unitId), actor.unitId].filter((x): x is number => x !== null)),
    ];
    const where =
      chatUnitId !== null
        ? { OR: [{ unitId: chatUnitId }, { departmentUnitId: chatUnitId }] }
        : actor.roles.some((r) => r.role === "SECRETARIAT" || (r.role === "SUPERVISOR" && r.unitId === null))
          ? {}
          : { OR: [{ unitId: { in: mine } }, { departmentUnitId: { in: mine } }] };
    const rows = await db.writtenRequest.findMany({
      where: { status: { in: ["OPEN", "CENTRAL"] }, ...where },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    });
    return views(rows);
  }

  /** The request-check job. */
  async function runRequestCheck(
    now: Date,
  ): Promise<{ skipped?: string; reminded: number; overdue: number; messages: number }> {
    const cal = await deps.calendar();
    if (!isOfficeTime(now, cal, deps.officeHours))
      return { skipped: "outside-office-hours", reminded: 0, overdue: 0, messages: 0 };
    const today = localDate(now);
    const open = await db.writtenRequest.findMany({ where: { status: "OPEN" }, orderBy: { id: "asc" } });
    const remindKey = (id: number) => `request:${id}:remind:${today}`;
    const overdueKey = (id: number) => `request:${id}:overdue`;
    const toRemind = open.filter((r) => cal.addWorkingDays(r.dueOn, -REQUEST_REMIND_BEFORE) <= today);
    const late = open.filter((r) => r.dueOn < today);
    if (toRemind.length === 0 && late.length === 0) return { reminded: 0, overdue: 0, messages: 0 };
    const all = await views(open);
    const view = (id: number): RequestReminderView => {
      const v = all.find((x) => x.id === id)!;
      return {
        ...v,
        workingDaysLeft: v.dueOn >= today ? cal.workingDaysBetween(today, v.dueOn) : 0,
        workingDaysOverdue: overdueWorkingDays(v.dueOn, today, cal),
      };
    };
    return db.$transaction(async (tx) => {
      const reminded = await claimKeys(
        tx,
        toRemind.map((r) => remindKey(r.id)),
        "request.remind",
        now,
      );
      const overdue = await claimKeys(
        tx,
        late.map((r) => overdueKey(r.id)),
        "request.overdue",
        now,
      );
      const out: OutgoingMessage[] = [];
      const fresh = toRemind.filter((r) => reminded.has(remindKey(r.id)));
      if (fresh.length > 0) {
        const focal = await reachableRoleHolders(
          tx,
          ["DEPARTMENT_FOCAL"],
          [...new Set(fresh.map((r) => r.departmentUnitId))],
          now,
        );
        for (const r of fresh) {
          const told = new Set<bigint>();
          for (const f of focal.filter((x) => x.unitId === r.departmentUnitId)) {
            if (told.has(f.chatId)) continue;
            told.add(f.chatId);
            const t = deps.messages(f.language);
            out.push({
              kind: "request.remind",
              reminderId: reminded.get(remindKey(r.id)),
              chatId: f.chatId,
              text: withBehalf(t, f.onBehalf, t.followup.request.reminder(view(r.id))),
            });
          }
        }
      }
      const freshLate = late.filter((r) => overdue.has(overdueKey(r.id)));
      if (freshLate.length > 0) {
        const secretariat = await secretariatChats(tx);
        for (const r of freshLate) {
          const text = deps.messages("vi").followup.request.overdue(view(r.id));
          for (const s of secretariat)
            out.push({
              kind: "request.overdue",
              reminderId: overdue.get(overdueKey(r.id)),
              chatId: s.telegramChatId,
              text,
            });
        }
      }
      await enqueue(tx, out, now);
      return { reminded: fresh.length, overdue: freshLate.length, messages: out.length };
    });
  }

  return { create, answer, sendToCentral, listOpen, runRequestCheck };
}

export type RequestService = ReturnType<typeof createRequestService>;
