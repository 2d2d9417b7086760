// Absence and deputies from the bot (#19): /vangmat sets, lists and cancels an official's absence (the holder
// for himself, the secretariat for anyone); /phutrach names the deputy (Phó Chủ tịch phụ trách) of a unit for
// a programme. Who then receives what is decided per message by stand-ins.ts. Every change is audited; the
// named stand-in (and the holder, when someone else set it) is told through the outbox.
import type { Db, Tx } from "../../platform/db/client.ts";
import { localDate, parseDmy } from "../../domain/dates.ts";
import { periodProblem } from "../../domain/absence.ts";
import { foldVietnamese, matchByName } from "../../domain/text.ts";
import type { Messages } from "../../i18n/index.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import { reachablePrivateChat, unreachablePrivateChats } from "../followup/audience.ts";
import { findActiveUnit, type Actor } from "../registry/registry.ts";
import { refusalsOf } from "../refusals.ts";

const absenceError = refusalsOf("absence");

export interface AbsenceView {
  id: number;
  officialName: string;
  unitName: string | null;
  from: string;
  to: string;
  reason: string;
  /** the stand-in the absence names, or null: the deputy, else the chairman, per message */
  standInName: string | null;
  /** set by someone else than the official (the secretariat): his name */
  setByName: string | null;
}

export interface DeputyView {
  unitName: string;
  programmeCode: string;
  officialName: string | null;
  /** the deputy this one replaced, if any */
  previousName: string | null;
}

/** What `/vangmat <…>` says, before any look-up: who (as typed), the period, the stand-in (as typed), why. */
export interface AbsenceRequest {
  who: string;
  from: string;
  to: string;
  standIn: string;
  reason: string;
}

const DATE = /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?$/;
/** words that may stand around the dates: «từ 08/12 đến 12/12», «ngày 08/12 - 12/12» */
const BEFORE = new Set(["tu", "ngay"]);
const BETWEEN = new Set(["den", "toi", "-", "–", "ngay"]);

/**
 * Reads `[<tên|mã>] <từ ngày> <đến ngày> [<người thay> |] <lý do>`; refuses what cannot be read. A second date
 * without a year that falls before the first is read in the next year (28/12 – 05/01).
 */
export function parseAbsence(args: string, today: string): AbsenceRequest {
  const words = args.trim().split(/\s+/u).filter(Boolean);
  const first = words.findIndex((w) => DATE.test(w));
  if (first < 0) throw absenceError("usage");
  const who = words.slice(0, first);
  while (who.length > 0 && BEFORE.has(foldVietnamese(who.at(-1)!))) who.pop();
  let i = first + 1;
  while (i < words.length && BETWEEN.has(foldVietnamese(words[i]!))) i++;
  const toWord = words[i];
  if (toWord === undefined || !DATE.test(toWord)) throw absenceError("usage");
  const rest = words.slice(i + 1).join(" ");
  const bar = rest.indexOf("|");
  const standIn = bar >= 0 ? rest.slice(0, bar).trim() : "";
  const reason = (bar >= 0 ? rest.slice(bar + 1) : rest).trim();
  if (!reason) throw absenceError("usage");
  const from = parseDmy(words[first]!, today);
  if (!from) throw absenceError("badDate", words[first]!);
  let to = parseDmy(toWord, today);
  if (!to) throw absenceError("badDate", toWord);
  if (to < from && toWord.split(/[/.-]/u).length === 2)
    to = parseDmy(`${toWord}/${Number(from.slice(0, 4)) + 1}`, today)!;
  return { who: who.join(" "), from, to, standIn, reason: reason.slice(0, 300) };
}

type OfficialRow = { id: number; fullName: string; unitId: number | null; active: boolean };

export function createAbsenceService({ db, messages }: { db: Db; messages: Messages<"absence"> }) {
  const isSecretariat = (actor: Actor) => actor.roles.some((r) => r.role === "SECRETARIAT");

  /** An active official by «mã» (his number) or name; among namesakes, the one in `preferUnit`. */
  async function findOfficial(tx: Db | Tx, query: string, preferUnit: number | null = null): Promise<OfficialRow> {
    const select = { id: true, fullName: true, unitId: true, active: true };
    const code = /^#?(\d{1,9})$/u.exec(query.trim());
    if (code) {
      const o = await tx.official.findUnique({ where: { id: Number(code[1]) }, select });
      if (!o?.active) throw absenceError("unknownPerson", query);
      return o;
    }
    const key = foldVietnamese(query);
    if (!key) throw absenceError("unknownPerson", query);
    // the stored folded name narrows the look-up; matchByName decides as everywhere else
    const rows = await tx.official.findMany({ where: { active: true, nameKey: { contains: key } }, select });
    const m = matchByName(query, rows, (o) => [o.fullName]);
    if (m.kind === "one") return m.item;
    if (m.kind === "many") {
      const here = m.candidates.filter((o) => preferUnit !== null && o.unitId === preferUnit);
      if (here.length === 1) return here[0]!;
      throw absenceError(
        "ambiguousPerson",
        query,
        m.candidates.map((o) => o.fullName),
      );
    }
    throw absenceError("unknownPerson", query);
  }

  /** Works in the unit: his own unit, or a role, a programme or a deputyship there. */
  async function worksIn(tx: Db | Tx, o: OfficialRow, unitId: number, now: Date): Promise<boolean> {
    if (o.unitId === unitId) return true;
    const inForce = { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] };
    const where = { officialId: o.id, unitId, ...inForce };
    return (
      (await tx.roleAssignment.count({ where })) > 0 ||
      (await tx.responsibility.count({ where })) > 0 ||
      (await tx.deputy.count({ where })) > 0
    );
  }

  async function unitName(tx: Db | Tx, unitId: number | null): Promise<string | null> {
    return unitId === null ? null : ((await tx.unit.findUnique({ where: { id: unitId } }))?.name ?? null);
  }

  async function viewOf(tx: Db | Tx, id: number): Promise<AbsenceView> {
    const row = await tx.absence.findUniqueOrThrow({ where: { id } });
    const ids = [row.officialId, row.standInId, row.createdById].filter((x): x is number => x !== null);
    const people = await tx.official.findMany({ where: { id: { in: ids } } });
    const name = (id: number | null) => (id === null ? null : (people.find((p) => p.id === id)?.fullName ?? null));
    const official = people.find((p) => p.id === row.officialId);
    return {
      id: row.id,
      officialName: official?.fullName ?? "",
      unitName: await unitName(tx, official?.unitId ?? null),
      from: row.fromDate,
      to: row.toDate,
      reason: row.reason,
      standInName: name(row.standInId),
      setByName: row.createdById !== null && row.createdById !== row.officialId ? name(row.createdById) : null,
    };
  }

  /** The named stand-in, and the official himself when someone else set it, are told in private. */
  async function tell(tx: Tx, view: AbsenceView, ids: number[], kind: "set" | "cancelled", now: Date) {
    const unreachable = await unreachablePrivateChats(tx);
    const people = await tx.official.findMany({ where: { id: { in: ids } } });
    const out: OutgoingMessage[] = [];
    for (const p of people) {
      const chatId = reachablePrivateChat(p, unreachable);
      if (!chatId || out.some((m) => m.chatId === chatId)) continue;
      const t = messages(p.language).absence;
      out.push({ chatId, kind: `absence.${kind}`, text: kind === "set" ? t.told(view) : t.cancelledTold(view) });
    }
    await enqueue(tx, out, now);
  }

  /** /vangmat <…>: records an absence (audited), tells the named stand-in. */
  async function set(input: { args: string; actor: Actor; now: Date; updateId?: bigint }): Promise<AbsenceView> {
    const today = localDate(input.now);
    const req = parseAbsence(input.args, today);
    const problem = periodProblem(req.from, req.to, today);
    if (problem === "order") throw absenceError("order", req.from, req.to);
    if (problem === "past") throw absenceError("past", req.to);
    return db.$transaction(async (tx) => {
      const official: OfficialRow = req.who
        ? await findOfficial(tx, req.who)
        : { id: input.actor.officialId, fullName: input.actor.fullName, unitId: input.actor.unitId, active: true };
      if (official.id !== input.actor.officialId && !isSecretariat(input.actor)) throw absenceError("onlySecretariat");
      let standInId: number | null = null;
      if (req.standIn) {
        const s = await findOfficial(tx, req.standIn, official.unitId);
        if (s.id === official.id) throw absenceError("self");
        if (official.unitId !== null && !(await worksIn(tx, s, official.unitId, input.now)))
          throw absenceError("notInUnit", s.fullName, (await unitName(tx, official.unitId)) ?? "");
        standInId = s.id;
      }
      const overlap = await tx.absence.findFirst({
        where: { officialId: official.id, cancelledAt: null, fromDate: { lte: req.to }, toDate: { gte: req.from } },
      });
      if (overlap) throw absenceError("overlap", official.fullName, overlap.id, overlap.fromDate, overlap.toDate);
      await recordUpdate(tx, input.updateId);
      const row = await tx.absence.create({
        data: {
          officialId: official.id,
          fromDate: req.from,
          toDate: req.to,
          standInId,
          reason: req.reason,
          createdById: input.actor.officialId,
          createdAt: input.now,
        },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "absence.set",
        entity: "Absence",
        entityId: row.id,
        after: row,
      });
      const view = await viewOf(tx, row.id);
      const told = [standInId, official.id !== input.actor.officialId ? official.id : null];
      await tell(
        tx,
        view,
        told.filter((x): x is number => x !== null),
        "set",
        input.now,
      );
      return view;
    });
  }

  /** /vangmat alone: the absences not yet over that the asker may see, soonest first. */
  async function list(actor: Actor, now: Date): Promise<AbsenceView[]> {
    const today = localDate(now);
    const chaired = actor.roles.filter((r) => r.role === "CHAIRMAN" && r.unitId !== null).map((r) => r.unitId!);
    const mine = isSecretariat(actor)
      ? {}
      : {
          OR: [
            { officialId: actor.officialId },
            { standInId: actor.officialId },
            { createdById: actor.officialId },
            ...(chaired.length
              ? [
                  {
                    officialId: {
                      in: (
                        await db.official.findMany({ where: { unitId: { in: chaired } }, select: { id: true } })
                      ).map((o) => o.id),
                    },
                  },
                ]
              : []),
          ],
        };
    const rows = await db.absence.findMany({
      where: { cancelledAt: null, toDate: { gte: today }, ...mine },
      orderBy: [{ fromDate: "asc" }, { id: "asc" }],
      take: 50,
    });
    const views: AbsenceView[] = [];
    for (const r of rows) views.push(await viewOf(db, r.id));
    return views;
  }

  /** /vangmat huy <số>: the official, whoever set it, or the secretariat cancels an absence not yet over. */
  async function cancel(input: { id: number; actor: Actor; now: Date; updateId?: bigint }): Promise<AbsenceView> {
    return db.$transaction(async (tx) => {
      const row = await tx.absence.findUnique({ where: { id: input.id } });
      if (!row || row.cancelledAt) throw absenceError("notFound", input.id);
      const may =
        row.officialId === input.actor.officialId ||
        row.createdById === input.actor.officialId ||
        isSecretariat(input.actor);
      if (!may) throw absenceError("notYours", input.id);
      if (row.toDate < localDate(input.now)) throw absenceError("over", input.id);
      await recordUpdate(tx, input.updateId);
      const after = await tx.absence.update({
        where: { id: row.id },
        data: { cancelledAt: input.now, cancelledById: input.actor.officialId },
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "absence.cancel",
        entity: "Absence",
        entityId: row.id,
        before: row,
        after,
      });
      const view = await viewOf(tx, row.id);
      const told = [row.standInId, row.officialId !== input.actor.officialId ? row.officialId : null];
      await tell(
        tx,
        view,
        told.filter((x): x is number => x !== null),
        "cancelled",
        input.now,
      );
      return view;
    });
  }

  /** The programme a word names (its code), or null. */
  async function programmeNamed(word: string) {
    const programmes = await db.programme.findMany({ orderBy: { sortOrder: "asc" } });
    return programmes.find((p) => foldVietnamese(p.code) === foldVietnamese(word)) ?? null;
  }

  /**
   * /phutrach <đơn vị> <chương trình> <tên|mã> names the deputy (the previous one's row is closed, history
   * kept); «-» in place of the name removes him. /phutrach [đơn vị] lists.
   */
  async function deputy(input: {
    args: string;
    actor: Actor;
    now: Date;
    updateId?: bigint;
  }): Promise<{ set: DeputyView } | { list: DeputyView[] }> {
    const words = input.args.trim().split(/\s+/u).filter(Boolean);
    let at = -1;
    for (let i = 1; i < words.length - 1 && at < 0; i++) if (await programmeNamed(words[i]!)) at = i;
    if (at < 0) return { list: await deputies(words.join(" "), input.now) };
    const unit = await findActiveUnit(db, words.slice(0, at).join(" "));
    const programme = (await programmeNamed(words[at]!))!;
    const who = words.slice(at + 1).join(" ");
    const removing = who === "-" || foldVietnamese(who) === "bo";
    return db.$transaction(async (tx) => {
      const official = removing ? null : await findOfficial(tx, who, unit.id);
      if (official && !(await worksIn(tx, official, unit.id, input.now)))
        throw absenceError("notInUnit", official.fullName, unit.name);
      await recordUpdate(tx, input.updateId);
      const before = await tx.deputy.findMany({
        where: {
          unitId: unit.id,
          programmeId: programme.id,
          validFrom: { lte: input.now },
          OR: [{ validTo: null }, { validTo: { gt: input.now } }],
        },
      });
      await tx.deputy.updateMany({
        where: { id: { in: before.map((d) => d.id) } },
        data: { validTo: input.now },
      });
      const after = official
        ? await tx.deputy.create({
            data: {
              unitId: unit.id,
              programmeId: programme.id,
              officialId: official.id,
              validFrom: input.now,
              createdById: input.actor.officialId,
            },
          })
        : null;
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: official ? "deputy.set" : "deputy.remove",
        entity: "Deputy",
        entityId: `${unit.id}:${programme.id}`,
        before,
        after,
      });
      const previous = before.at(-1);
      const previousName = previous
        ? ((await tx.official.findUnique({ where: { id: previous.officialId } }))?.fullName ?? null)
        : null;
      return {
        set: {
          unitName: unit.name,
          programmeCode: programme.code,
          officialName: official?.fullName ?? null,
          previousName,
        },
      };
    });
  }

  /** The deputies in force, of one unit or all, by unit then programme. */
  async function deputies(unitQuery: string, now: Date): Promise<DeputyView[]> {
    const unit = unitQuery ? await findActiveUnit(db, unitQuery) : null;
    const rows = await db.deputy.findMany({
      where: {
        ...(unit ? { unitId: unit.id } : {}),
        validFrom: { lte: now },
        OR: [{ validTo: null }, { validTo: { gt: now } }],
      },
      orderBy: { id: "asc" },
    });
    const units = await db.unit.findMany({ where: { id: { in: rows.map((r) => r.unitId) } } });
    const programmes = await db.programme.findMany();
    const people = await db.official.findMany({ where: { id: { in: rows.map((r) => r.officialId) } } });
    return rows
      .map((r) => ({
        unitName: units.find((u) => u.id === r.unitId)?.name ?? "",
        programmeCode: programmes.find((p) => p.id === r.programmeId)?.code ?? "",
        sort: programmes.find((p) => p.id === r.programmeId)?.sortOrder ?? 0,
        officialName: people.find((p) => p.id === r.officialId)?.fullName ?? "",
        previousName: null,
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, "vi") || a.sort - b.sort)
      .map(({ sort: _sort, ...v }) => v);
  }

  return { set, list, cancel, deputy };
}

export type AbsenceService = ReturnType<typeof createAbsenceService>;
