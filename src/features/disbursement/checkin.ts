// The weekly disbursement check-in (public-investment practice): on a configured weekday each unit's
// responsible officials are asked, one message per programme, for the cumulative figure; they answer by
// replying with an amount or pressing «Không thay đổi». The next working day the secretariat gets the list of
// units that have not answered (any report since the question counts, /baocao too). On the first working day
// of a month the secretariat gets the units below the provincial average, per programme.
// Capital sources (ADR 016): still one question per unit × programme; where the plans are split into vốn TW and
// vốn ĐP it shows each source's last figure and asks for each («TW 30 tỷ, ĐP 5 tỷ»), all recorded in one
// transaction; one bare amount is the whole programme's, as in /baocao. «Không thay đổi» reports again the
// figures the current one is made of, part by part, so a figure given by source stays by source.
// Each step is keyed once in the Reminder table, so a restart or a second instance never repeats it.
import { isOfficeTime, type OfficeHours, type WorkCalendar } from "../../domain/calendar.ts";
import { addDays, localDate, monthKey, weekday } from "../../domain/dates.ts";
import { breakdown, reportingYear } from "../../domain/disbursed.ts";
import type { Messages } from "../../i18n/index.ts";
import type { Tx } from "../../platform/db/client.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import type { Actor } from "../registry/registry.ts";
import { standInsOn, withBehalf } from "../absence/stand-ins.ts";
import {
  claimKeys,
  inForce,
  reachablePrivateChat,
  secretariatChats,
  unreachablePrivateChats,
} from "../followup/audience.ts";
import type { Deps } from "./lookup.ts";
import { refuse } from "./refusals.ts";
import { readAnswer } from "./arguments.ts";
import { recordReports } from "./report.ts";
import type { StatusService } from "./status.ts";
import type { ReportView } from "./views.ts";

export interface CheckinDeps extends Deps {
  calendar: () => Promise<WorkCalendar>;
  officeHours: OfficeHours;
  /** 1 = Monday … 5 = Friday: the day of the question (the next working day when it is a holiday) */
  weekday: number;
  overPlanMarginPercent: number;
  status: StatusService;
  messages: Messages<"disbursement" | "absence">;
}

export interface CheckinQuestionView {
  unitName: string;
  programmeCode: string;
  year: number;
  today: string;
  lastVnd: bigint | null;
  lastAsOf: string | null;
  /** the plans are split into vốn TW and vốn ĐP: each source's last figure (null: none of its own) */
  sources: { source: "CENTRAL" | "LOCAL"; lastVnd: bigint | null; lastAsOf: string | null }[];
}

export interface CheckinMissingView {
  day: string;
  /** "unit · programme" pairs with no report since the question */
  missing: { unitName: string; programmeCode: string }[];
  asked: number;
}

export interface BelowAverageView {
  month: string;
  programmes: { programmeCode: string; averageBp: number | null; units: { unitName: string; actualBp: number }[] }[];
}

const QUESTION = "checkin.question";
const keyOf = (day: string, unitId: number, programmeId: number) => `checkin:${day}:${unitId}:${programmeId}`;

/** The check-in day of the week holding `date`: the configured weekday, or the first working day after it. */
function checkinDay(date: string, cal: WorkCalendar, wanted: number): string {
  const monday = addDays(date, -((weekday(date) + 6) % 7));
  let day = addDays(monday, wanted - 1);
  while (!cal.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

export function createCheckinService(deps: CheckinDeps) {
  const { db } = deps;

  /** The job: asks on the check-in day, lists the missing the next working day, the monthly list on the 1st. */
  async function runCheckin(now: Date) {
    const cal = await deps.calendar();
    if (!isOfficeTime(now, cal, deps.officeHours)) return { skipped: "outside-office-hours" };
    const today = localDate(now);
    let day = checkinDay(today, cal, deps.weekday);
    if (day > today) day = checkinDay(addDays(today, -7), cal, deps.weekday);
    const asked = day === today ? await ask(now, today) : 0;
    const listed = today > day && cal.nextWorkingDay(day) <= today ? await listMissing(now, day) : 0;
    const monthly = await belowAverage(now, today, cal);
    return { asked, listed, monthly };
  }

  async function ask(now: Date, today: string): Promise<number> {
    const year = reportingYear(today);
    return db.$transaction(async (tx) => {
      const pairs = await pairsWithPlans(tx, year);
      const keys = await claimKeys(
        tx,
        pairs.map((p) => keyOf(today, p.unitId, p.programmeId)),
        QUESTION,
        now,
      );
      if (keys.size === 0) return 0;
      const unreachable = await unreachablePrivateChats(tx);
      // an official away: his stand-in is asked, on his behalf (#19)
      const standIns = await standInsOn(
        tx,
        now,
        pairs.map((p) => p.unitId),
      );
      const out: OutgoingMessage[] = [];
      for (const p of pairs) {
        const reminderId = keys.get(keyOf(today, p.unitId, p.programmeId));
        if (reminderId === undefined) continue;
        const holders = await tx.responsibility.findMany({
          where: { unitId: p.unitId, programmeId: p.programmeId, ...inForce(now) },
          include: { official: true },
          orderBy: { id: "asc" },
        });
        const last = await standing(tx, p.unitId, p.programmeId, year);
        const view: CheckinQuestionView = {
          ...p,
          year,
          today,
          lastVnd: last.total?.vnd ?? null,
          lastAsOf: last.total?.asOf ?? null,
          sources: last.sources,
        };
        const seen = new Set<bigint>();
        for (const h of holders) {
          const to = standIns.recipientOf(h.official.id, h.official, { unitId: p.unitId, programmeId: p.programmeId });
          const chatId = reachablePrivateChat(to.person, unreachable);
          if (!chatId || seen.has(chatId)) continue;
          seen.add(chatId);
          const messages = deps.messages(to.person.language);
          const t = messages.disbursement.checkin;
          out.push({
            chatId,
            text: withBehalf(messages, to.onBehalf, t.question(view)),
            kind: QUESTION,
            reminderId,
            replyMarkup: { inline_keyboard: [[{ text: t.unchangedButton, callback_data: `ci:${reminderId}` }]] },
          });
        }
      }
      await enqueue(tx, out, now);
      return out.length;
    });
  }

  async function listMissing(now: Date, day: string): Promise<number> {
    return db.$transaction(async (tx) => {
      const questions = await tx.reminder.findMany({
        where: { key: { startsWith: `checkin:${day}:` }, rung: QUESTION },
      });
      if (questions.length === 0) return 0; // nobody was asked that day (the bot was not running yet)
      const claimed = await claimKeys(tx, [`checkin:missing:${day}`], "checkin.missing", now);
      if (claimed.size === 0) return 0;
      const missing: CheckinMissingView["missing"] = [];
      for (const q of questions) {
        const [, , unitId, programmeId] = q.key.split(":").map(Number);
        const answered = await tx.disbursementReport.count({
          where: { unitId, programmeId, createdAt: { gte: q.createdAt } },
        });
        if (answered) continue;
        // one after another: a transaction is one connection
        const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
        const programme = await tx.programme.findUniqueOrThrow({ where: { id: programmeId } });
        missing.push({ unitName: unit.name, programmeCode: programme.code });
      }
      missing.sort(
        (a, b) => a.unitName.localeCompare(b.unitName, "vi") || a.programmeCode.localeCompare(b.programmeCode),
      );
      const text = deps.messages("vi").disbursement.checkin.missing({ day, missing, asked: questions.length });
      const chats = await secretariatChats(tx);
      await enqueue(
        tx,
        chats.map((c) => ({ chatId: c.telegramChatId, text, kind: "checkin.missing" })),
        now,
      );
      return chats.length;
    });
  }

  async function belowAverage(now: Date, today: string, cal: WorkCalendar): Promise<number> {
    const month = monthKey(today);
    let first = `${month}-01`;
    while (!cal.isWorkingDay(first)) first = addDays(first, 1);
    if (today !== first) return 0;
    const programmes = await deps.lookup.programmes();
    const view: BelowAverageView = { month, programmes: [] };
    for (const p of programmes) {
      const s = await deps.status.provinceStatus(now, { programmeId: p.id });
      view.programmes.push({
        programmeCode: p.code,
        averageBp: s.averageBp ?? null,
        units: s.units
          .filter((u) => u.belowAverage && u.actualBp !== null)
          .map((u) => ({ unitName: u.unitName, actualBp: u.actualBp! })),
      });
    }
    return db.$transaction(async (tx) => {
      const claimed = await claimKeys(tx, [`checkin:below-average:${month}`], "checkin.belowAverage", now);
      if (claimed.size === 0) return 0;
      const text = deps.messages("vi").disbursement.checkin.belowAverage(view);
      const chats = await secretariatChats(tx);
      await enqueue(
        tx,
        chats.map((c) => ({ chatId: c.telegramChatId, text, kind: "checkin.belowAverage" })),
        now,
      );
      return chats.length;
    });
  }

  /** The unit × programme a check-in question asked about, from its reminder id. */
  async function questionOf(reminderId: number) {
    const r = await db.reminder.findUnique({ where: { id: reminderId } });
    if (!r || r.rung !== QUESTION) return null;
    const [, , unitId, programmeId] = r.key.split(":").map(Number);
    return { unitId: unitId!, programmeId: programmeId! };
  }

  /** Records the figures (each a /report argument after the programme code) for the question's pair, all or none. */
  async function report(
    q: { unitId: number; programmeId: number },
    figures: string[],
    input: { actor: Actor; now: Date; updateId?: bigint },
  ): Promise<ReportView[]> {
    const programme = await db.programme.findUniqueOrThrow({ where: { id: q.programmeId } });
    return recordReports(
      { db, lookup: deps.lookup, overPlanMarginPercent: deps.overPlanMarginPercent },
      { ...input, chatUnitId: q.unitId, args: programme.code },
      figures.map((f) => `${programme.code} ${f}`),
    );
  }

  /**
   * A reply to a check-in question: the amount in it is the cumulative figure, or one amount per source
   * («TW 30 tỷ, ĐP 5 tỷ»). Null when the message replied to is not a check-in question (the next handler reads it).
   */
  async function answer(input: {
    chatId: bigint;
    repliedToMessageId: number;
    text: string;
    actor: Actor | null;
    now: Date;
    updateId?: bigint;
  }): Promise<ReportView[] | null> {
    const sent = await db.outboxMessage.findFirst({
      where: { chatId: input.chatId, sentMessageId: BigInt(input.repliedToMessageId), kind: QUESTION },
      select: { reminderId: true },
    });
    const q = sent?.reminderId ? await questionOf(sent.reminderId) : null;
    if (!q) return null;
    if (!input.actor) return refuse("checkinNotRegistered");
    const parts = readAnswer(input.text);
    if (!parts) return refuse("checkinNoAmount");
    return report(
      q,
      parts.map((p) => `${p.amountText}${p.qualifier ? ` ${p.qualifier}` : ""}`),
      { actor: input.actor, now: input.now, updateId: input.updateId },
    );
  }

  /** «Không thay đổi»: the figures the current one is made of, reported again as of today, part by part. */
  async function unchanged(input: { reminderId: number; actor: Actor; now: Date; updateId?: bigint }) {
    const q = await questionOf(input.reminderId);
    if (!q) return refuse("checkinGone");
    const last = await db.$transaction((tx) =>
      standing(tx, q.unitId, q.programmeId, reportingYear(localDate(input.now))),
    );
    if (!last.total) return refuse("checkinNoLast");
    // oldest first, so that the newest stays the newest
    const figures = [...last.total.reports].reverse().map((r) => {
      const part = [r.source ? SOURCE_WORD[r.source] : "", r.kind ? KIND_WORD[r.kind] : ""].filter(Boolean).join("/");
      return `${r.cumulativeVnd}${part ? ` ${part}` : ""}`;
    });
    return report(q, figures, input);
  }

  return { runCheckin, answer, unchanged };
}

/** Units × programmes with a plan this year (districts and communes). */
async function pairsWithPlans(tx: Tx, year: number) {
  const plans = await tx.capitalPlan.groupBy({
    by: ["unitId", "programmeId"],
    where: { year, amountVnd: { gt: 0n }, unit: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } } },
  });
  // one after another: inside a transaction this is one connection
  const units = await tx.unit.findMany({ where: { id: { in: plans.map((p) => p.unitId) } } });
  const programmes = await tx.programme.findMany({ where: { id: { in: plans.map((p) => p.programmeId) } } });
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const code = new Map(programmes.map((p) => [p.id, { code: p.code, order: p.sortOrder }]));
  return plans
    .map((p) => ({
      unitId: p.unitId,
      programmeId: p.programmeId,
      unitName: unitName.get(p.unitId) ?? "",
      programmeCode: code.get(p.programmeId)?.code ?? "",
      order: code.get(p.programmeId)?.order ?? 0,
    }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, "vi") || a.order - b.order);
}

/** The /report words of a part: «TW», «ĐP», «ĐTPT», «SN» (sourceKind reads them back). */
const SOURCE_WORD: Record<string, string> = { CENTRAL: "TW", LOCAL: "ĐP" };
const KIND_WORD: Record<string, string> = { INVESTMENT: "ĐTPT", RECURRENT: "SN" };

/** A pair's current figure (and the reports it is made of) and, where the plans are split, each source's. */
async function standing(tx: Tx, unitId: number, programmeId: number, year: number) {
  const where = { unitId, programmeId, year };
  const plans = await tx.capitalPlan.findMany({ where, select: { source: true, kind: true, amountVnd: true } });
  const rows = await tx.disbursementReport.findMany({ where, orderBy: { id: "asc" } });
  const b = breakdown(
    plans,
    rows.map((r) => ({ source: r.source, kind: r.kind, cumulativeVnd: r.cumulativeVnd, seq: r.id, asOf: r.asOf })),
  );
  return {
    total: b.total.figure,
    sources: b.splitBySource
      ? b.sources.map((s) => ({
          source: s.source as "CENTRAL" | "LOCAL",
          lastVnd: s.figure?.vnd ?? null,
          lastAsOf: s.figure?.asOf ?? null,
        }))
      : [],
  };
}
