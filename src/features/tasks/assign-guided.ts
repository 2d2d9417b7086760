// /giao without arguments (issue #18): assigning step by step with buttons, unit → programme → person → date
// → title → preview, for those who do not want the one-line «|» form. The form being filled in is the
// starter's PendingInput of kind `assign.guided` in that chat (its id is in every button, so a button of an
// earlier or replaced form finds nothing); only the starter's presses count. ✅ hands the choices to the same
// `assign` the one-line form calls, so the checks and the announcement are the same.
import type { Db } from "../../platform/db/client.ts";
import { addDays, localDate, parseDmy } from "../../domain/dates.ts";
import type { WorkCalendar } from "../../domain/calendar.ts";
import { foldVietnamese } from "../../domain/text.ts";
import type { Actor } from "../registry/registry.ts";
import type { AssignService } from "./assign.ts";
import type { AssignedView } from "./messages.ts";

export const GUIDED_ASSIGN = "assign.guided";
/** A form left alone this long is dropped; every step gives it this long again. */
const FORM_TTL_MS = 3600_000;
/** Buttons of units or people per page (two to a row). */
export const PAGE_SIZE = 20;

export type GuidedStep = "unit" | "programme" | "person" | "date" | "title" | "preview";
/**
 * What a button does: choose (u, p, o, d), turn a page (up, op), at the preview require evidence (ev) or the
 * assigner's confirmation (cf) or not, assign (ok), cancel (x).
 */
export type GuidedAction = "u" | "up" | "p" | "o" | "op" | "d" | "ev" | "cf" | "ok" | "x";
const STEP_OF: Record<Exclude<GuidedAction, "x">, GuidedStep> = {
  u: "unit",
  up: "unit",
  p: "programme",
  o: "person",
  op: "person",
  d: "date",
  ev: "preview",
  cf: "preview",
  ok: "preview",
};

/** The form as kept in the PendingInput's payload. */
interface Form {
  step: GuidedStep;
  unitId?: number;
  unitCode?: string;
  unitName?: string;
  /** null: «Không thuộc chương trình» */
  programmeId?: number | null;
  programmeCode?: string | null;
  responsibleId?: number;
  responsibleName?: string;
  /** how `assign` finds him: his full name, or his Telegram username when another official shares the name */
  responsibleKey?: string;
  dueDate?: string;
  title?: string;
  /** «cần minh chứng» / «cần xác nhận», set at the preview (#19) */
  requiresEvidence?: boolean;
  requiresConfirmation?: boolean;
  page: number;
  /** the bot's messages of this form: a typed date or title answers one of them (privacy mode: a reply) */
  prompts: number[];
  /** the message that started the form (/giao), which the title's question replies to */
  commandMessageId: number | null;
}

export interface GuidedChoice {
  id: number;
  label: string;
  /** a programme's full name, in each language */
  detail?: { vi: string; en: string };
  /** a person responsible for the chosen programme in the unit (listed first) */
  responsible?: boolean;
}

export type DateOptionKind = "wd5" | "wd10" | "monthEnd";

/** The form and what its current step offers. */
export interface GuidedView {
  pendingId: number;
  step: GuidedStep;
  unitName: string | null;
  /** undefined: not chosen yet; null: none */
  programmeCode: string | null | undefined;
  responsibleName: string | null;
  dueDate: string | null;
  title: string | null;
  requiresEvidence: boolean;
  requiresConfirmation: boolean;
  /** units, programmes or people on this page (unit, programme, person steps) */
  choices: GuidedChoice[];
  page: number;
  pageCount: number;
  /** the date step's buttons */
  dateOptions: { kind: DateOptionKind; date: string }[];
  /** the message the title's question replies to */
  commandMessageId: number | null;
  /** the form's messages: the first one (edited step by step), then the questions sent after it */
  messages: number[];
}

export type DateProblem =
  | { kind: "invalid"; text: string }
  | { kind: "past"; date: string }
  | { kind: "holiday"; date: string; name: string | null };

export type PressResult =
  | { status: "gone" }
  | { status: "notYours" }
  /** a button of a step already passed */
  | { status: "stale" }
  | { status: "cancelled" }
  | { status: "view"; view: GuidedView }
  /** a date button that is no longer right (pressed another day): the step again, with today's options */
  | { status: "badDate"; problem: DateProblem; view: GuidedView }
  | { status: "assigned"; view: AssignedView };

export type TextResult =
  | { status: "expired" }
  /** text where buttons are expected */
  | { status: "useButtons"; view: GuidedView }
  | { status: "view"; view: GuidedView }
  | { status: "badDate"; problem: DateProblem; view: GuidedView };

export function createGuidedAssign({
  db,
  calendar,
  assign,
}: {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  assign: AssignService;
}) {
  const expiry = (now: Date) => new Date(now.getTime() + FORM_TTL_MS);
  const mayAll = (actor: Actor) => actor.roles.some((r) => r.role === "SECRETARIAT");

  /** The units the actor may assign to: any active unit for the secretariat, a chairman's own unit(s). */
  async function unitsOf(actor: Actor) {
    const own = actor.roles.flatMap((r) => (r.role === "CHAIRMAN" && r.unitId !== null ? [r.unitId] : []));
    const units = await db.unit.findMany({
      where: { active: true, ...(!mayAll(actor) && { id: { in: own } }) },
      select: { id: true, code: true, name: true, kind: true },
    });
    // districts and communes (those usually given tasks) before departments and offices, then by name
    const rank = (kind: string) => ["DISTRICT", "COMMUNE", "PROVINCE", "DEPARTMENT", "OFFICE"].indexOf(kind);
    return units.sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, "vi"));
  }

  /** The officials `assign` can find in the unit (as resolveAssignment reads them), responsible ones first. */
  async function peopleOf(unitId: number, programmeId: number | null, now: Date) {
    const officials = await db.official.findMany({
      where: { active: true, OR: [{ unitId }, { roles: { some: { unitId, role: "RESPONSIBLE" } } }] },
      select: { id: true, fullName: true, telegramUsername: true },
    });
    const responsible = new Set(
      programmeId === null
        ? []
        : (
            await db.responsibility.findMany({
              where: {
                unitId,
                programmeId,
                validFrom: { lte: now },
                OR: [{ validTo: null }, { validTo: { gt: now } }],
              },
              select: { officialId: true },
            })
          ).map((r) => r.officialId),
    );
    return officials
      .map((o) => ({ ...o, responsible: responsible.has(o.id) }))
      .sort(
        (a, b) =>
          Number(b.responsible) - Number(a.responsible) || a.fullName.localeCompare(b.fullName, "vi") || a.id - b.id,
      );
  }

  /** The last working day of the month of `date` (on or before it: the month's end). */
  function monthEnd(date: string, cal: WorkCalendar): string {
    const [y, m] = date.split("-").map(Number) as [number, number];
    const first = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    let d = addDays(first, -1);
    while (!cal.isWorkingDay(d)) d = addDays(d, -1);
    return d;
  }

  async function dateOptions(now: Date) {
    const cal = await calendar();
    const today = localDate(now);
    let end = monthEnd(today, cal);
    // the month is nearly over: the end of the next one
    if (end < cal.addWorkingDays(today, 5)) end = monthEnd(addDays(end, 10), cal);
    return [
      { kind: "wd5" as const, date: cal.addWorkingDays(today, 5) },
      { kind: "wd10" as const, date: cal.addWorkingDays(today, 10) },
      { kind: "monthEnd" as const, date: end },
    ];
  }

  /** A due date the form accepts: a working day, today or later. */
  async function checkDate(date: string, now: Date): Promise<DateProblem | null> {
    if (date < localDate(now)) return { kind: "past", date };
    const cal = await calendar();
    if (!cal.isWorkingDay(date)) return { kind: "holiday", date, name: cal.holidayName(date) };
    return null;
  }

  const paged = <T>(all: T[], page: number) => {
    const pageCount = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const p = Math.min(Math.max(0, page), pageCount - 1);
    return { items: all.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE), page: p, pageCount };
  };

  async function viewOf(pendingId: number, form: Form, actor: Actor, now: Date): Promise<GuidedView> {
    const base: GuidedView = {
      pendingId,
      step: form.step,
      unitName: form.unitName ?? null,
      programmeCode: form.programmeCode,
      responsibleName: form.responsibleName ?? null,
      dueDate: form.dueDate ?? null,
      title: form.title ?? null,
      requiresEvidence: form.requiresEvidence ?? false,
      requiresConfirmation: form.requiresConfirmation ?? false,
      choices: [],
      page: 0,
      pageCount: 1,
      dateOptions: [],
      commandMessageId: form.commandMessageId,
      messages: form.prompts,
    };
    if (form.step === "unit") {
      const p = paged(await unitsOf(actor), form.page);
      return { ...base, ...p, choices: p.items.map((u) => ({ id: u.id, label: u.name })) };
    }
    if (form.step === "programme") {
      const programmes = await db.programme.findMany({ orderBy: { sortOrder: "asc" } });
      return {
        ...base,
        choices: programmes.map((x) => ({ id: x.id, label: x.code, detail: { vi: x.name, en: x.nameEn } })),
      };
    }
    if (form.step === "person") {
      const p = paged(await peopleOf(form.unitId!, form.programmeId ?? null, now), form.page);
      return {
        ...base,
        ...p,
        choices: p.items.map((o) => ({ id: o.id, label: o.fullName, responsible: o.responsible })),
      };
    }
    if (form.step === "date") return { ...base, dateOptions: await dateOptions(now) };
    return base;
  }

  async function save(id: number, form: Form, now: Date) {
    await db.pendingInput.update({ where: { id }, data: { payload: JSON.stringify(form), expiresAt: expiry(now) } });
  }

  /** The unit chosen (or the only one): the next step is the programme. */
  const withUnit = (form: Form, u: { id: number; code: string; name: string }): Form => ({
    ...form,
    step: "programme",
    unitId: u.id,
    unitCode: u.code,
    unitName: u.name,
    page: 0,
  });

  /** /giao without arguments: a new form (an earlier one of the starter in this chat is dropped). */
  async function start(input: {
    chatId: bigint;
    userId: bigint;
    actor: Actor;
    now: Date;
    commandMessageId: number | null;
  }): Promise<GuidedView> {
    const units = await unitsOf(input.actor);
    let form: Form = { step: "unit", page: 0, prompts: [], commandMessageId: input.commandMessageId };
    if (!mayAll(input.actor) && units.length === 1) form = withUnit(form, units[0]!);
    const key = { chatId: input.chatId, userId: input.userId, kind: GUIDED_ASSIGN };
    const row = await db.$transaction(async (tx) => {
      // a new row (a new id): the buttons of the earlier form find nothing
      await tx.pendingInput.deleteMany({ where: key });
      return tx.pendingInput.create({
        data: { ...key, payload: JSON.stringify(form), expiresAt: expiry(input.now), createdAt: input.now },
      });
    });
    return viewOf(row.id, form, input.actor, input.now);
  }

  /** Remembers a message of the form, which a typed answer may reply to. */
  async function prompted(pendingId: number, messageId: number): Promise<void> {
    const row = await db.pendingInput.findUnique({ where: { id: pendingId } });
    if (!row || row.kind !== GUIDED_ASSIGN) return;
    const form = JSON.parse(row.payload) as Form;
    if (form.prompts.includes(messageId)) return;
    // the form's own message and the latest few questions: older questions are answered by the newer ones
    const [first, ...rest] = [...form.prompts, messageId];
    form.prompts = [first!, ...rest.slice(-4)];
    await db.pendingInput.update({ where: { id: row.id }, data: { payload: JSON.stringify(form) } });
  }

  /** Assigns through the same service as the one-line form; the form is claimed first (a double ✅ assigns once). */
  async function confirm(
    row: { id: number; chatId: bigint; userId: bigint; payload: string },
    form: Form,
    input: {
      actor: Actor;
      now: Date;
      updateId?: bigint;
    },
  ): Promise<PressResult> {
    const claimed = await db.pendingInput.deleteMany({ where: { id: row.id } });
    if (claimed.count === 0) return { status: "gone" };
    try {
      const view = await assign.assign({
        unit: form.unitCode!,
        programme: form.programmeCode ?? null,
        responsible: form.responsibleKey!,
        dueDate: form.dueDate!,
        title: form.title!,
        requiresEvidence: form.requiresEvidence ?? false,
        requiresConfirmation: form.requiresConfirmation ?? false,
        docRef: "",
        recurrence: "",
        actor: input.actor,
        now: input.now,
        ...(input.updateId !== undefined && { updateId: input.updateId }),
      });
      return { status: "assigned", view };
    } catch (error) {
      // refused (the date passed while the preview waited, a unit no longer his): the form stays, ✖️ still works
      await db.pendingInput
        .create({
          data: {
            id: row.id,
            chatId: row.chatId,
            userId: row.userId,
            kind: GUIDED_ASSIGN,
            payload: row.payload,
            expiresAt: expiry(input.now),
            createdAt: input.now,
          },
        })
        .catch(() => undefined);
      throw error;
    }
  }

  /** A button of the form: see PressResult. */
  async function press(input: {
    pendingId: number;
    userId: bigint;
    action: GuidedAction;
    arg: number | null;
    actor: Actor | null;
    now: Date;
    updateId?: bigint;
  }): Promise<PressResult> {
    const row = await db.pendingInput.findUnique({ where: { id: input.pendingId } });
    if (!row || row.kind !== GUIDED_ASSIGN || row.expiresAt <= input.now) return { status: "gone" };
    if (row.userId !== input.userId || !input.actor) return { status: "notYours" };
    const actor = input.actor;
    if (input.action === "x") {
      await db.pendingInput.deleteMany({ where: { id: row.id } });
      return { status: "cancelled" };
    }
    let form = JSON.parse(row.payload) as Form;
    if (STEP_OF[input.action] !== form.step) return { status: "stale" };
    const arg = input.arg ?? 0;
    switch (input.action) {
      case "up":
      case "op":
        form = { ...form, page: arg };
        break;
      case "u": {
        const unit = (await unitsOf(actor)).find((u) => u.id === arg);
        if (!unit) return { status: "stale" };
        form = withUnit(form, unit);
        break;
      }
      case "p": {
        const programme = arg === 0 ? null : await db.programme.findUnique({ where: { id: arg } });
        if (arg !== 0 && !programme) return { status: "stale" };
        form = { ...form, step: "person", programmeId: programme?.id ?? null, programmeCode: programme?.code ?? null };
        form.page = 0;
        break;
      }
      case "o": {
        const people = await peopleOf(form.unitId!, form.programmeId ?? null, input.now);
        const person = people.find((o) => o.id === arg);
        if (!person) return { status: "stale" };
        const namesake = people.some(
          (o) => o.id !== person.id && foldVietnamese(o.fullName) === foldVietnamese(person.fullName),
        );
        const key = namesake && person.telegramUsername ? person.telegramUsername : person.fullName;
        form = {
          ...form,
          step: "date",
          responsibleId: person.id,
          responsibleName: person.fullName,
          responsibleKey: key,
        };
        break;
      }
      case "d": {
        const date = String(arg).replace(/^(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3");
        const problem = await checkDate(date, input.now);
        if (problem) {
          await save(row.id, form, input.now);
          return { status: "badDate", problem, view: await viewOf(row.id, form, actor, input.now) };
        }
        form = { ...form, step: "title", dueDate: date };
        break;
      }
      case "ev":
        form = { ...form, requiresEvidence: !form.requiresEvidence };
        break;
      case "cf":
        form = { ...form, requiresConfirmation: !form.requiresConfirmation };
        break;
      case "ok":
        return confirm(row, form, { ...input, actor });
    }
    await save(row.id, form, input.now);
    return { status: "view", view: await viewOf(row.id, form, actor, input.now) };
  }

  /**
   * A text of the starter in the chat of his form: the date or the title when the form asks for it, as a reply
   * to one of its messages or as a plain message (a private chat, a group without privacy mode). null: not
   * for the form (a reply to another message, or no form).
   */
  async function answer(input: {
    chatId: bigint;
    userId: bigint;
    text: string;
    /** the bot's message it replies to; null: not a reply */
    replyTo: number | null;
    /** it replies to somebody else's message */
    replyToOther: boolean;
    actor: Actor;
    now: Date;
  }): Promise<TextResult | null> {
    if (input.replyToOther) return null;
    const row = await db.pendingInput.findUnique({
      where: { chatId_userId_kind: { chatId: input.chatId, userId: input.userId, kind: GUIDED_ASSIGN } },
    });
    if (!row) return null;
    let form = JSON.parse(row.payload) as Form;
    const underForm = input.replyTo !== null && form.prompts.includes(input.replyTo);
    if (input.replyTo !== null && !underForm) return null;
    if (row.expiresAt <= input.now) {
      if (!underForm) return null;
      await db.pendingInput.deleteMany({ where: { id: row.id } });
      return { status: "expired" };
    }
    const text = input.text.trim();
    if (form.step === "date") {
      const date = parseDmy(text, localDate(input.now));
      const problem: DateProblem | null = date ? await checkDate(date, input.now) : { kind: "invalid", text };
      if (problem || !date) {
        await save(row.id, form, input.now);
        return { status: "badDate", problem: problem!, view: await viewOf(row.id, form, input.actor, input.now) };
      }
      form = { ...form, step: "title", dueDate: date };
    } else if (form.step === "title") {
      form = { ...form, step: "preview", title: text.slice(0, 500) };
    } else {
      // a plain message while buttons are shown may be about something else; under the form it is a mistake
      if (!underForm) return null;
      return { status: "useButtons", view: await viewOf(row.id, form, input.actor, input.now) };
    }
    await save(row.id, form, input.now);
    return { status: "view", view: await viewOf(row.id, form, input.actor, input.now) };
  }

  return { start, prompted, press, answer };
}

export type GuidedAssignService = ReturnType<typeof createGuidedAssign>;
