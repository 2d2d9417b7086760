// R3 reallocation: the overview of projected surpluses and needs to 31/12, and recording a decision.
import { localDate, parseDmy } from "../../domain/dates.ts";
import { reportingYear } from "../../domain/disbursed.ts";
import { judgedFigure, judgedLine } from "../../domain/history.ts";
import { projection } from "../../domain/projection.ts";
import { foldVietnamese } from "../../domain/text.ts";
import type { Messages } from "../../i18n/index.ts";
import type { CapitalKind, CapitalSource } from "../../platform/db/client.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { unitGroups } from "../followup/audience.ts";
import { argWords, DATE_RE, leadingAmount, sourceKind } from "./arguments.ts";
import { movePlan } from "./plan-change.ts";
import { closeCannotMeet } from "./proposal-check.ts";
import type { Deps, Unit } from "./lookup.ts";
import { refuse } from "./refusals.ts";
import type { CommandInput, DecisionView, ReallocationRow, ReallocationView } from "./views.ts";

/**
 * R3: each unit × programme projected to 31/12 from its trend; surpluses and needs, largest first. A unit ×
 * programme judged on vốn TW (as /tinhhinh judges it, ADR 016) is projected from its vốn TW figures against
 * its vốn TW plan; the others from all sources against the whole plan.
 */
export async function reallocationOverview({ db, lookup }: Deps, now: Date): Promise<ReallocationView> {
  const today = localDate(now);
  const year = reportingYear(today);
  const yearEnd = `${year}-12-31`;
  const [units, progs, plans, reports, declared] = await Promise.all([
    db.unit.findMany({ where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } }, orderBy: { name: "asc" } }),
    lookup.programmes(),
    db.capitalPlan.findMany({
      where: { year },
      select: { unitId: true, programmeId: true, source: true, kind: true, amountVnd: true },
    }),
    db.disbursementReport.findMany({ where: { year }, orderBy: { id: "asc" } }),
    db.cannotMeetReport.groupBy({
      by: ["unitId", "programmeId"],
      where: { year, status: "OPEN" },
      _sum: { amountVnd: true },
    }),
  ]);
  const k = (u: number, p: number) => `${u}:${p}`;
  const planBy = new Map<string, typeof plans>();
  for (const p of plans) planBy.set(k(p.unitId, p.programmeId), [...(planBy.get(k(p.unitId, p.programmeId)) ?? []), p]);
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
      const parts = planBy.get(k(u.id, p.id)) ?? [];
      const rows = (reportsBy.get(k(u.id, p.id)) ?? []).map((r) => ({
        asOf: r.asOf,
        source: r.source,
        kind: r.kind,
        cumulativeVnd: r.cumulativeVnd,
        seq: r.id,
      }));
      const { basis, planVnd } = judgedLine(parts, rows);
      if (planVnd <= 0n) continue;
      // the judged figure after each report, dated by that report (none while vốn TW has no figure of its own)
      const samples = rows.flatMap((r, i) => {
        const cumulativeVnd = judgedFigure(basis, parts, rows.slice(0, i + 1));
        return cumulativeVnd === null ? [] : [{ asOf: r.asOf, cumulativeVnd }];
      });
      const pr = projection(planVnd, samples, yearEnd);
      const declaredVnd = declaredBy.get(k(u.id, p.id)) ?? 0n;
      const base = {
        unitName: u.name,
        programmeCode: p.code,
        basis,
        planVnd,
        projectedVnd: pr.projectedVnd,
        declaredVnd,
      };
      const surplusVnd = pr.surplusVnd > declaredVnd ? pr.surplusVnd : declaredVnd;
      if (surplusVnd > 0n) surplus.push({ ...base, amountVnd: surplusVnd });
      else if (pr.needVnd > 0n) need.push({ ...base, amountVnd: pr.needVnd });
    }
  }
  const byAmount = (a: ReallocationRow, b: ReallocationRow) =>
    a.amountVnd === b.amountVnd ? a.unitName.localeCompare(b.unitName, "vi") : a.amountVnd > b.amountVnd ? -1 : 1;
  return { today, year, yearEnd, surplus: surplus.sort(byAmount), need: need.sort(byAmount) };
}

/** The decision's number, and the date and capital part written among its words (TW/ĐP, ĐTPT/SN, dd/mm/yyyy). */
function decisionWords(words: string[], today: string) {
  let source: CapitalSource = "CENTRAL";
  let kind: CapitalKind = "INVESTMENT";
  let effectiveOn = today;
  const number: string[] = [];
  for (const w of words) {
    const sk = sourceKind(w);
    const date = DATE_RE.test(w) ? parseDmy(w, today) : null;
    if (sk) [source, kind] = [sk.source ?? source, sk.kind ?? kind];
    else if (date) effectiveOn = date;
    else if (!["ngay", "ngày"].includes(w.toLowerCase())) number.push(w);
  }
  return { source, kind, effectiveOn, decisionNo: number.join(" ").slice(0, 200) };
}

/**
 * /dieuchuyen ghi <từ đơn vị> sang <đến đơn vị> <chương trình> <số tiền> [số quyết định] [ngày] [TW/ĐP ĐTPT/SN]:
 * records the decision, moves the amount between the two plans (central-budget investment capital unless
 * another part is named) and announces it to both units' groups.
 */
export async function recordDecision(
  { db, lookup, messages }: Deps & { messages: Messages<"disbursement"> },
  input: CommandInput,
): Promise<DecisionView> {
  const today = localDate(input.now);
  const year = reportingYear(today);
  const words = argWords(input.args);
  const all = await lookup.programmes();
  const pi = words.findIndex(
    (w, i) => i >= 2 && lookup.matchProgramme(all, w) !== null && /^\d/.test(words[i + 1] ?? ""),
  );
  if (pi < 0) return refuse("usage");
  const programme = lookup.matchProgramme(all, words[pi] ?? "")!;
  const { vnd: amountVnd, rest } = leadingAmount(words.slice(pi + 1));
  if (amountVnd <= 0n) return refuse("amount", { reason: "invalid" });
  const { decisionNo, source, kind, effectiveOn } = decisionWords(rest, today);
  const units = words.slice(0, pi).filter((w) => foldVietnamese(w) !== "tu");
  const sep = words.slice(0, pi).findIndex((w) => ["sang", "den", "->", "→"].includes(foldVietnamese(w)));
  let from: Unit | null = null;
  let to: Unit | null = null;
  if (sep > 0) {
    from = await lookup.findUnit(
      words
        .slice(0, sep)
        .filter((w) => foldVietnamese(w) !== "tu")
        .join(" "),
    );
    to = await lookup.findUnit(words.slice(sep + 1, pi).join(" "));
  } else {
    let firstError: unknown = null;
    for (let n = 1; n < units.length && !from; n++) {
      try {
        const a = await lookup.findUnit(units.slice(0, n).join(" "));
        const b = await lookup.findUnit(units.slice(n).join(" "));
        [from, to] = [a, b];
      } catch (e) {
        firstError ??= e;
      }
    }
    if (!from || !to) {
      if (firstError) throw firstError;
      return refuse("usage");
    }
  }
  if (from.id === to!.id) return refuse("sameUnit");
  const toUnit = to!;
  const fromUnit = from;

  return db.$transaction(async (tx) => {
    await recordUpdate(tx, input.updateId);
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
        effectiveOn,
        source,
        kind,
      },
    });
    // the capital the unit declared it cannot disburse has a decision now (R4 closed)
    await closeCannotMeet(tx, { unitId: fromUnit.id, programmeId: programme.id, year }, input.now);
    const move = await movePlan(
      tx,
      {
        decisionId: row.id,
        decisionNo,
        year,
        programme,
        from: fromUnit,
        to: toUnit,
        source,
        kind,
        amountVnd,
        effectiveOn,
      },
      input.now,
    );
    await audit(tx, {
      at: input.now,
      actorId: input.actor.officialId,
      action: "reallocation.record",
      entity: "ReallocationDecision",
      entityId: row.id,
      after: { ...row, ...move },
    });
    const view: DecisionView = {
      fromUnit: fromUnit.name,
      toUnit: toUnit.name,
      programmeCode: programme.code,
      amountVnd,
      decisionNo,
      year,
      source,
      kind,
      effectiveOn,
      ...move,
    };
    const notice = messages("vi").disbursement.reallocationNotice(view);
    const groups = await unitGroups(tx, [fromUnit.id, toUnit.id]);
    await enqueue(
      tx,
      groups.map((g) => ({ chatId: g.telegramChatId, text: notice, kind: "reallocation.notice" })),
      input.now,
    );
    return view;
  });
}
