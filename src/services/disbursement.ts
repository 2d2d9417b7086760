// Disbursement tracking: cumulative disbursement reports (/report), "cannot meet" reports (R4), the
// reallocation overview and decisions (R3) and per-year milestones. Money is bigint VND, rates basis points.
// Expected refusals are DisbursementRefusal (rendered by the bot from the disbursement catalogue); every
// write runs in one transaction with its audit entry and the update's dedupe record.
import type { CapitalKind, CapitalSource, Db, Tx } from "../db/client.ts";
import { addDays, isValidDate, localDate, parseDmy } from "../domain/dates.ts";
import { currentDisbursed, reportingYear, type ReportPoint } from "../domain/disbursed.ts";
import { parseAmount, rateBp } from "../domain/money.ts";
import { projection } from "../domain/projection.ts";
import { foldVietnamese, matchByName } from "../domain/text.ts";
import { catalogue } from "../i18n/index.ts";
import { audit, recordUpdate } from "./audit.ts";
import { UserError } from "./errors.ts";
import { enqueue } from "./outbox.ts";
import type { Actor } from "./registry.ts";

export type RefusalCode =
  | "usage"
  | "amount"
  | "programmeNotFound"
  | "programmeAmbiguous"
  | "noPlan"
  | "overPlan"
  | "belowLast"
  | "notResponsible"
  | "unitRequired"
  | "futureDate"
  | "sameUnit"
  | "reasonRequired"
  | "milestones";

export interface RefusalParams {
  reason?: string;
  query?: string;
  names?: string[];
  programmeCode?: string;
  unitName?: string;
  year?: number;
  amountVnd?: bigint;
  planVnd?: bigint;
  lastVnd?: bigint;
  marginPercent?: number;
}

export class DisbursementRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly params: RefusalParams = {},
  ) {
    super(code);
    this.name = "DisbursementRefusal";
  }
}

const refuse = (code: RefusalCode, params: RefusalParams = {}): never => {
  throw new DisbursementRefusal(code, params);
};

// ---------------------------------------------------------------------------
// Argument parsing (pure)
// ---------------------------------------------------------------------------

export interface Qualifiers {
  source: CapitalSource | null;
  kind: CapitalKind | null;
  /** "YYYY-MM-DD" or null (today) */
  asOf: string | null;
  correction: boolean;
}

const SOURCE_WORDS: Record<string, CapitalSource> = { tw: "CENTRAL", dp: "LOCAL" };
const KIND_WORDS: Record<string, CapitalKind> = { dtpt: "INVESTMENT", sn: "RECURRENT" };
const DATE_RE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/;

function sourceKind(word: string): { source: CapitalSource | null; kind: CapitalKind | null } | null {
  const parts = foldVietnamese(word).split(/[/+-]/);
  let source: CapitalSource | null = null;
  let kind: CapitalKind | null = null;
  for (const p of parts) {
    if (SOURCE_WORDS[p] && !source) source = SOURCE_WORDS[p];
    else if (KIND_WORDS[p] && !kind) kind = KIND_WORDS[p];
    else return null;
  }
  return { source, kind };
}

/** Takes the optional trailing words (source/kind, date, "sửa") off a /report argument list. */
export function splitQualifiers(words: string[], today: string): { words: string[]; q: Qualifiers } {
  const q: Qualifiers = { source: null, kind: null, asOf: null, correction: false };
  const rest = [...words];
  for (;;) {
    const last = rest[rest.length - 1];
    if (last === undefined || rest.length <= 2) break;
    const folded = foldVietnamese(last);
    if (folded === "sua" && !q.correction) q.correction = true;
    else if (DATE_RE.test(last) && q.asOf === null) {
      const d = parseDmy(last, today);
      if (!d) refuse("usage");
      q.asOf = d;
    } else {
      const sk = sourceKind(last);
      if (!sk || (sk.source && q.source) || (sk.kind && q.kind)) break;
      q.source = sk.source ?? q.source;
      q.kind = sk.kind ?? q.kind;
    }
    rest.pop();
  }
  return { words: rest, q };
}

/** An amount starts with a digit, a minus sign, or "âm" followed by a number. */
const startsAmount = (w: string, next: string | undefined) =>
  /^[-−]?\d/.test(w) || (foldVietnamese(w) === "am" && /^\d/.test(next ?? ""));

/** Splits "<head words> <amount words>" where the amount starts at the first word beginning with a digit. */
export function splitAmount(words: string[]): { head: string[]; amountText: string } {
  const i = words.findIndex((w, idx) => idx > 0 && startsAmount(w, words[idx + 1]));
  if (i < 0) return refuse("usage");
  return { head: words.slice(0, i), amountText: words.slice(i).join(" ") };
}

/** The longest run of words from the start that reads as an amount, and the words after it. */
export function leadingAmount(words: string[]): { vnd: bigint; rest: string[] } {
  let best: { vnd: bigint; n: number } | null = null;
  let firstFailure: string | null = null;
  for (let n = 1; n <= Math.min(words.length, 6); n++) {
    const r = parseAmount(words.slice(0, n).join(" "));
    if (r.ok) best = { vnd: r.vnd, n };
    else if (firstFailure === null) firstFailure = r.reason;
  }
  if (!best) return refuse("amount", { reason: firstFailure ?? "invalid" });
  return { vnd: best.vnd, rest: words.slice(best.n) };
}

function checkAmount(text: string): bigint {
  const r = parseAmount(text);
  if (!r.ok) return refuse("amount", { reason: r.reason });
  return r.vnd;
}

// ---------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------

export interface ReportView {
  unitName: string;
  programmeCode: string;
  amountVnd: bigint;
  source: CapitalSource | null;
  kind: CapitalKind | null;
  asOf: string;
  correction: boolean;
  /** the programme's whole plan for the year */
  planVnd: bigint;
  rateBp: number | null;
  /** change of the rate since the last report, null for the first one */
  deltaBp: number | null;
}

export interface CannotMeetView {
  unitName: string;
  programmeCode: string;
  amountVnd: bigint;
  projects: string;
  reason: string;
  byName: string;
  year: number;
}

export interface ReallocationRow {
  unitName: string;
  programmeCode: string;
  planVnd: bigint;
  projectedVnd: bigint;
  amountVnd: bigint;
  /** open "cannot meet" amounts the unit declared */
  declaredVnd: bigint;
}

export interface ReallocationView {
  today: string;
  year: number;
  yearEnd: string;
  surplus: ReallocationRow[];
  need: ReallocationRow[];
}

export interface DecisionView {
  fromUnit: string;
  toUnit: string;
  programmeCode: string;
  amountVnd: bigint;
  decisionNo: string;
}

export interface MilestoneInput {
  date: string;
  targetBp: number;
  label?: string;
}

// ---------------------------------------------------------------------------
// Service
// ---------------------------------------------------------------------------

interface Programme {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

interface Unit {
  id: number;
  name: string;
}

export interface CommandInput {
  actor: Actor;
  /** the unit group the command was written in, or null (private, secretariat group) */
  chatUnitId: number | null;
  args: string;
  now: Date;
  updateId?: bigint;
}

const isSecretariat = (a: Actor) => a.roles.some((r) => r.role === "SECRETARIAT");

export function createDisbursementService({ db, overPlanMarginPercent = 0 }: { db: Db; overPlanMarginPercent?: number }) {
  async function programmes(): Promise<Programme[]> {
    return db.programme.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  }

  function matchProgramme(all: Programme[], query: string): Programme | null {
    const m = matchByName(query, all, (p) => [p.code, p.name, p.nameEn]);
    return m.kind === "one" ? m.item : null;
  }

  async function findProgramme(query: string): Promise<Programme> {
    const m = matchByName(query, await programmes(), (p) => [p.code, p.name, p.nameEn]);
    if (m.kind === "one") return m.item;
    if (m.kind === "many") return refuse("programmeAmbiguous", { query, names: m.candidates.map((p) => p.code) });
    return refuse("programmeNotFound", { query });
  }

  async function findUnit(query: string): Promise<Unit> {
    const units = await db.unit.findMany({ where: { active: true }, select: { id: true, code: true, name: true } });
    const m = matchByName(query, units, (u) => [u.code, u.name]);
    if (m.kind === "one") return m.item;
    if (m.kind === "many") throw new UserError("unitAmbiguous", { query, names: m.candidates.map((u) => u.name) });
    throw new UserError("unitNotFound", { query });
  }

  /** "<unit words> <programme words>": the shortest programme suffix that names one programme, and the unit before it. */
  async function unitAndProgramme(head: string[]): Promise<{ unit: Unit; programme: Programme }> {
    if (head.length < 2) return refuse("unitRequired");
    const all = await programmes();
    for (let n = 1; n < head.length; n++) {
      const programme = matchProgramme(all, head.slice(head.length - n).join(" "));
      if (programme) return { unit: await findUnit(head.slice(0, head.length - n).join(" ")), programme };
    }
    return findProgramme(head[head.length - 1] ?? "").then(() => refuse("unitRequired"));
  }

  /** The unit a command is about and its programme: named by the secretariat, else the group's or the actor's unit. */
  async function target(input: CommandInput, head: string[]): Promise<{ unit: Unit; programme: Programme }> {
    if (isSecretariat(input.actor) && input.chatUnitId === null) return unitAndProgramme(head);
    const unitId =
      input.chatUnitId ??
      input.actor.roles.find((r) => (r.role === "CHAIRMAN" || r.role === "RESPONSIBLE") && r.unitId !== null)?.unitId ??
      input.actor.unitId;
    if (!unitId) return refuse("unitRequired");
    const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { id: true, name: true } });
    return { unit, programme: await findProgramme(head.join(" ")) };
  }

  async function mayReport(tx: Tx, actor: Actor, unit: Unit, programme: Programme, now: Date): Promise<void> {
    if (actor.roles.some((r) => r.role === "SECRETARIAT" || (r.role === "CHAIRMAN" && r.unitId === unit.id))) return;
    const resp = await tx.responsibility.findFirst({
      where: {
        officialId: actor.officialId,
        unitId: unit.id,
        programmeId: programme.id,
        validFrom: { lte: now },
        OR: [{ validTo: null }, { validTo: { gt: now } }],
      },
    });
    if (!resp) refuse("notResponsible", { unitName: unit.name, programmeCode: programme.code });
  }

  /** /report: records a cumulative disbursement figure after every check; returns the one-line answer's data. */
  async function report(input: CommandInput): Promise<ReportView> {
    const today = localDate(input.now);
    const words = input.args.split(/\s+/).filter(Boolean);
    if (words.length < 2) return refuse("usage");
    const { words: main, q } = splitQualifiers(words, today);
    const { head, amountText } = splitAmount(main);
    const amountVnd = checkAmount(amountText);
    const asOf = q.asOf ?? today;
    if (asOf > today) return refuse("futureDate");
    const year = reportingYear(asOf);
    const { unit, programme } = await target(input, head);

    return db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      await mayReport(tx, input.actor, unit, programme, input.now);
      const where = { unitId: unit.id, programmeId: programme.id, year };
      const plans = await tx.capitalPlan.findMany({ where, select: { source: true, kind: true, amountVnd: true } });
      if (plans.length === 0) return refuse("noPlan", { programmeCode: programme.code, unitName: unit.name, year });
      const planVnd = plans.reduce((s, p) => s + p.amountVnd, 0n);
      const slotPlan = plans
        .filter((p) => (q.source === null || p.source === q.source) && (q.kind === null || p.kind === q.kind))
        .reduce((s, p) => s + p.amountVnd, 0n);
      if (slotPlan <= 0n) return refuse("noPlan", { programmeCode: programme.code, unitName: unit.name, year });
      if (amountVnd * 100n > slotPlan * BigInt(100 + overPlanMarginPercent)) {
        return refuse("overPlan", { amountVnd, planVnd: slotPlan, marginPercent: overPlanMarginPercent });
      }
      const rows = await tx.disbursementReport.findMany({ where, orderBy: { id: "asc" } });
      const points: ReportPoint[] = rows.map((r) => ({ source: r.source, kind: r.kind, cumulativeVnd: r.cumulativeVnd, seq: r.id }));
      const whole = q.source === null && q.kind === null;
      const sameSlot = rows.filter((r) => r.source === q.source && r.kind === q.kind);
      const lastVnd = whole ? (rows.length ? currentDisbursed(points) : null) : (sameSlot[sameSlot.length - 1]?.cumulativeVnd ?? null);
      if (lastVnd !== null && amountVnd < lastVnd && !q.correction) return refuse("belowLast", { amountVnd, lastVnd });

      const created = await tx.disbursementReport.create({
        data: {
          ...where,
          source: q.source,
          kind: q.kind,
          cumulativeVnd: amountVnd,
          asOf,
          reportedById: input.actor.officialId,
          isCorrection: q.correction,
          createdAt: input.now,
        },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: q.correction ? "disbursement.correct" : "disbursement.report",
        entity: "DisbursementReport",
        entityId: created.id,
        before: lastVnd === null ? undefined : { cumulativeVnd: lastVnd },
        after: created,
      });
      const before = rows.length ? rateBp(currentDisbursed(points), planVnd) : null;
      const after = rateBp(
        currentDisbursed([...points, { source: q.source, kind: q.kind, cumulativeVnd: amountVnd, seq: created.id }]),
        planVnd,
      );
      return {
        unitName: unit.name,
        programmeCode: programme.code,
        amountVnd,
        source: q.source,
        kind: q.kind,
        asOf,
        correction: q.correction,
        planVnd,
        rateBp: after,
        deltaBp: before === null || after === null ? null : after - before,
      };
    });
  }

  /** R4 /khongdat: a unit expects not to disburse an amount; the secretariat group hears of it at once. */
  async function cannotMeet(input: CommandInput): Promise<CannotMeetView> {
    const today = localDate(input.now);
    const year = reportingYear(today);
    const words = input.args.split(/\s+/).filter(Boolean);
    if (words.length < 3) return refuse("usage");
    const { head } = splitAmount(words);
    const { vnd: amountVnd, rest } = leadingAmount(words.slice(head.length));
    if (amountVnd <= 0n) return refuse("amount", { reason: "invalid" });
    const text = rest.join(" ").trim();
    if (!text) return refuse("reasonRequired");
    const colon = text.indexOf(":");
    const projects = colon > 0 ? text.slice(0, colon).trim() : "";
    const reason = (colon > 0 ? text.slice(colon + 1) : text).trim().slice(0, 1000);
    if (!reason) return refuse("reasonRequired");
    const { unit, programme } = await target(input, head);

    return db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      await mayReport(tx, input.actor, unit, programme, input.now);
      const plan = await tx.capitalPlan.aggregate({
        where: { unitId: unit.id, programmeId: programme.id, year },
        _sum: { amountVnd: true },
      });
      const planVnd = plan._sum.amountVnd ?? 0n;
      if (planVnd <= 0n) return refuse("noPlan", { programmeCode: programme.code, unitName: unit.name, year });
      if (amountVnd > planVnd) return refuse("overPlan", { amountVnd, planVnd, marginPercent: 0 });
      const row = await tx.cannotMeetReport.create({
        data: {
          unitId: unit.id,
          programmeId: programme.id,
          year,
          amountVnd,
          projects: projects.slice(0, 1000),
          reason,
          reportedById: input.actor.officialId,
          createdAt: input.now,
        },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "cannotMeet.report",
        entity: "CannotMeetReport",
        entityId: row.id,
        after: row,
      });
      const view: CannotMeetView = {
        unitName: unit.name,
        programmeCode: programme.code,
        amountVnd,
        projects: row.projects,
        reason,
        byName: input.actor.fullName,
        year,
      };
      const chats = await tx.chat.findMany({ where: { isSecretariat: true, status: "ACTIVE" }, select: { telegramChatId: true } });
      const notice = catalogue("vi").disbursement.cannotMeetNotice(view);
      await enqueue(
        tx,
        chats.map((c) => ({ chatId: c.telegramChatId, text: notice, kind: "cannotMeet.notice" })),
        input.now,
      );
      return view;
    });
  }

  /** R3: each unit × programme projected to 31/12 from its trend; surpluses and needs, largest first. */
  async function reallocationOverview(now: Date): Promise<ReallocationView> {
    const today = localDate(now);
    const year = reportingYear(today);
    const yearEnd = `${year}-12-31`;
    const [units, progs, plans, reports, declared] = await Promise.all([
      db.unit.findMany({ where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } }, orderBy: { name: "asc" } }),
      programmes(),
      db.capitalPlan.groupBy({ by: ["unitId", "programmeId"], where: { year }, _sum: { amountVnd: true } }),
      db.disbursementReport.findMany({ where: { year }, orderBy: { id: "asc" } }),
      db.cannotMeetReport.groupBy({ by: ["unitId", "programmeId"], where: { year, status: "OPEN" }, _sum: { amountVnd: true } }),
    ]);
    const k = (u: number, p: number) => `${u}:${p}`;
    const planBy = new Map(plans.map((p) => [k(p.unitId, p.programmeId), p._sum.amountVnd ?? 0n]));
    const declaredBy = new Map(declared.map((d) => [k(d.unitId, d.programmeId), d._sum.amountVnd ?? 0n]));
    const reportsBy = new Map<string, typeof reports>();
    for (const r of reports) {
      const list = reportsBy.get(k(r.unitId, r.programmeId)) ?? [];
      list.push(r);
      reportsBy.set(k(r.unitId, r.programmeId), list);
    }
    const surplus: ReallocationRow[] = [];
    const need: ReallocationRow[] = [];
    for (const u of units) {
      for (const p of progs) {
        const planVnd = planBy.get(k(u.id, p.id)) ?? 0n;
        if (planVnd <= 0n) continue;
        // the unit's current total after each report, dated by that report
        const rows = reportsBy.get(k(u.id, p.id)) ?? [];
        const samples = rows.map((r, i) => ({
          asOf: r.asOf,
          cumulativeVnd: currentDisbursed(
            rows.slice(0, i + 1).map((x) => ({ source: x.source, kind: x.kind, cumulativeVnd: x.cumulativeVnd, seq: x.id })),
          ),
        }));
        const pr = projection(planVnd, samples, yearEnd);
        const declaredVnd = declaredBy.get(k(u.id, p.id)) ?? 0n;
        const base = { unitName: u.name, programmeCode: p.code, planVnd, projectedVnd: pr.projectedVnd, declaredVnd };
        const surplusVnd = pr.surplusVnd > declaredVnd ? pr.surplusVnd : declaredVnd;
        if (surplusVnd > 0n) surplus.push({ ...base, amountVnd: surplusVnd });
        else if (pr.needVnd > 0n) need.push({ ...base, amountVnd: pr.needVnd });
      }
    }
    const byAmount = (a: ReallocationRow, b: ReallocationRow) =>
      a.amountVnd === b.amountVnd ? a.unitName.localeCompare(b.unitName, "vi") : a.amountVnd > b.amountVnd ? -1 : 1;
    return { today, year, yearEnd, surplus: surplus.sort(byAmount), need: need.sort(byAmount) };
  }

  /** /dieuchuyen ghi <từ đơn vị> <đến đơn vị> <chương trình> <số tiền> [số quyết định] */
  async function recordDecision(input: CommandInput): Promise<DecisionView> {
    const year = reportingYear(localDate(input.now));
    const words = input.args.split(/\s+/).filter(Boolean);
    const all = await programmes();
    const pi = words.findIndex((w, i) => i >= 2 && matchProgramme(all, w) !== null && /^\d/.test(words[i + 1] ?? ""));
    if (pi < 0) return refuse("usage");
    const programme = matchProgramme(all, words[pi] ?? "")!;
    const { vnd: amountVnd, rest } = leadingAmount(words.slice(pi + 1));
    if (amountVnd <= 0n) return refuse("amount", { reason: "invalid" });
    const decisionNo = rest.join(" ").slice(0, 200);
    const units = words.slice(0, pi).filter((w) => foldVietnamese(w) !== "tu");
    const sep = words.slice(0, pi).findIndex((w) => ["sang", "den", "->", "→"].includes(foldVietnamese(w)));
    let from: Unit | null = null;
    let to: Unit | null = null;
    if (sep > 0) {
      from = await findUnit(words.slice(0, sep).filter((w) => foldVietnamese(w) !== "tu").join(" "));
      to = await findUnit(words.slice(sep + 1, pi).join(" "));
    } else {
      let firstError: unknown = null;
      for (let n = 1; n < units.length && !from; n++) {
        try {
          const a = await findUnit(units.slice(0, n).join(" "));
          const b = await findUnit(units.slice(n).join(" "));
          [from, to] = [a, b];
        } catch (e) {
          firstError ??= e;
        }
      }
      if (!from || !to) throw firstError ?? new DisbursementRefusal("usage");
    }
    if (from.id === to!.id) return refuse("sameUnit");
    const toUnit = to!;
    const fromUnit = from;

    return db.$transaction(async (tx) => {
      await recordUpdate(tx, input.updateId);
      const plan = await tx.capitalPlan.aggregate({
        where: { unitId: fromUnit.id, programmeId: programme.id, year },
        _sum: { amountVnd: true },
      });
      const planVnd = plan._sum.amountVnd ?? 0n;
      if (planVnd <= 0n) return refuse("noPlan", { programmeCode: programme.code, unitName: fromUnit.name, year });
      if (amountVnd > planVnd) return refuse("overPlan", { amountVnd, planVnd, marginPercent: 0 });
      const row = await tx.reallocationDecision.create({
        data: {
          year,
          programmeId: programme.id,
          fromUnitId: fromUnit.id,
          toUnitId: toUnit.id,
          amountVnd,
          decisionNo,
          decidedById: input.actor.officialId,
          createdAt: input.now,
        },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "reallocation.record",
        entity: "ReallocationDecision",
        entityId: row.id,
        after: row,
      });
      return { fromUnit: fromUnit.name, toUnit: toUnit.name, programmeCode: programme.code, amountVnd, decisionNo };
    });
  }

  /**
   * Replaces the milestones of one scope (year × unit? × programme?; null = all) by `points`: real dates
   * in increasing order, targets 0..10000 bp never decreasing. An empty list removes the scope's own set.
   */
  async function setMilestones(input: {
    year: number;
    unitId: number | null;
    programmeId: number | null;
    points: MilestoneInput[];
    actorId?: number | null;
    now: Date;
  }): Promise<number> {
    const pts = [...input.points].sort((a, b) => a.date.localeCompare(b.date));
    pts.forEach((p, i) => {
      const prev = pts[i - 1];
      const bad =
        !isValidDate(p.date) ||
        !Number.isInteger(p.targetBp) ||
        p.targetBp < 0 ||
        p.targetBp > 10000 ||
        p.date < `${input.year}-01-01` ||
        p.date > addDays(`${input.year + 1}-01-01`, 30) ||
        (prev !== undefined && (prev.date === p.date || prev.targetBp > p.targetBp));
      if (bad) refuse("milestones");
    });
    const scope = { year: input.year, unitId: input.unitId, programmeId: input.programmeId };
    return db.$transaction(async (tx) => {
      const before = await tx.milestone.findMany({ where: scope, orderBy: { dueDate: "asc" } });
      await tx.milestone.deleteMany({ where: scope });
      if (pts.length) {
        await tx.milestone.createMany({
          data: pts.map((p) => ({ ...scope, dueDate: p.date, targetBp: p.targetBp, label: p.label ?? "" })),
        });
      }
      await audit(tx, {
        at: input.now,
        actorId: input.actorId ?? null,
        action: "milestone.set",
        entity: "Milestone",
        entityId: `${input.year}:${input.unitId ?? "*"}:${input.programmeId ?? "*"}`,
        before: before.map((m) => ({ date: m.dueDate, targetBp: m.targetBp })),
        after: pts.map((p) => ({ date: p.date, targetBp: p.targetBp })),
      });
      return pts.length;
    });
  }

  /** The programme a /status argument names, or null (then it names a unit). */
  async function programmeNamed(query: string): Promise<Programme | null> {
    return matchProgramme(await programmes(), query);
  }

  return { findProgramme, programmeNamed, report, cannotMeet, reallocationOverview, recordDecision, setMilestones };
}

export type DisbursementService = ReturnType<typeof createDisbursementService>;
