// Absence from the bot (#19): /vangmat sets, lists and cancels an official's absence (the holder for himself,
// the secretariat for anyone); /phutrach (deputies.ts) names the deputies. Who then receives what is decided
// per message by stand-ins.ts. Every change is audited; the named stand-in (and the holder, when someone else
// set it) is told through the outbox.
import type { Db, Tx } from "../../platform/db/client.ts";
import { localDate, parseDmy } from "../../domain/dates.ts";
import { periodProblem } from "../../domain/absence.ts";
import { foldVietnamese } from "../../domain/text.ts";
import type { Messages } from "../../i18n/index.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import { reachablePrivateChat, unreachablePrivateChats } from "../followup/audience.ts";
import type { Actor } from "../registry/registry.ts";
import { findOfficial, worksIn, type OfficialRow } from "./people.ts";
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

export function createAbsenceService({ db, messages }: { db: Db; messages: Messages<"absence"> }) {
  const isSecretariat = (actor: Actor) => actor.roles.some((r) => r.role === "SECRETARIAT");

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

  return { set, list, cancel };
}

export type AbsenceService = ReturnType<typeof createAbsenceService>;
