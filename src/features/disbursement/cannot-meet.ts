// R4 /khongdat: a unit declares an amount it cannot disburse this year. The order says "report and propose at
// once to the provincial People's Committee": the secretariat's groups, the unit's supervising Standing
// Committee member(s) and the provincial People's Committee (the holders of a role in a unit of kind «Tỉnh»,
// and its group) are told at once, with the date by which the reallocation proposal is due.
import type { WorkCalendar } from "../../domain/calendar.ts";
import { localDate } from "../../domain/dates.ts";
import { reportingYear } from "../../domain/disbursed.ts";
import type { Messages } from "../../i18n/index.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import type { Tx } from "../../platform/db/client.ts";
import { reachableRoleHolders, secretariatChats, unitGroups } from "../followup/audience.ts";
import { withBehalf } from "../absence/stand-ins.ts";
import { argWords, leadingAmount, splitAmount } from "./arguments.ts";
import type { Deps } from "./lookup.ts";
import { refuse } from "./refusals.ts";
import type { CannotMeetView, CommandInput } from "./views.ts";

/** Working days the secretariat has to put a reallocation proposal before the provincial People's Committee. */
export const PROPOSAL_WORKING_DAYS = 5;

/**
 * R4 /khongdat: a unit expects not to disburse an amount; the secretariat, the unit's supervisor and the
 * provincial People's Committee hear of it at once, in the words `messages` renders.
 */
export async function cannotMeet(
  {
    db,
    lookup,
    messages,
    calendar,
  }: Deps & { messages: Messages<"disbursement" | "absence">; calendar: () => Promise<WorkCalendar> },
  input: CommandInput,
): Promise<CannotMeetView> {
  const today = localDate(input.now);
  const year = reportingYear(today);
  const words = argWords(input.args);
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
  const { unit, programme } = await lookup.target(input, head);
  const proposalDueOn = (await calendar()).addWorkingDays(today, PROPOSAL_WORKING_DAYS);

  return db.$transaction(async (tx) => {
    await recordUpdate(tx, input.updateId);
    await lookup.mayReport(tx, input.actor, unit, programme, input.now);
    await lookup.planWithin(tx, unit, programme, year, amountVnd);
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
        proposalDueOn,
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
      proposalDueOn,
    };
    const words: NoticeWords = {
      act: (t) => t.cannotMeetNotice(view),
      inform: (t) => t.cannotMeetLeader(view),
      kind: "cannotMeet.notice",
    };
    await enqueue(tx, await noticesFor(tx, view, unit.id, input.now, words, messages), input.now);
    return view;
  });
}

type DisbursementTexts = ReturnType<Messages<"disbursement">>["disbursement"];

/** What the secretariat is asked to do and what the leaders are told, under one outbox kind. */
export interface NoticeWords {
  act: (t: DisbursementTexts) => string;
  inform: (t: DisbursementTexts) => string;
  kind: string;
}

/**
 * One message per chat: the secretariat's groups are asked to act; the unit's supervising member(s) and the
 * provincial People's Committee (its officials in private, its group) are informed, each in his language.
 */
export async function noticesFor(
  tx: Tx,
  view: CannotMeetView,
  unitId: number,
  now: Date,
  words: NoticeWords,
  messages: Messages<"disbursement" | "absence">,
): Promise<OutgoingMessage[]> {
  const out: OutgoingMessage[] = [];
  const seen = new Set<bigint>();
  const add = (chatId: bigint, text: string) => {
    if (seen.has(chatId)) return;
    seen.add(chatId);
    out.push({ chatId, text, kind: words.kind });
  };
  const vi = messages("vi").disbursement;
  for (const c of await secretariatChats(tx)) add(c.telegramChatId, words.act(vi));
  const provinceUnits = await tx.unit.findMany({ where: { kind: "PROVINCE", active: true }, select: { id: true } });
  const provinceIds = provinceUnits.map((u) => u.id);
  const leaders = [
    ...(await reachableRoleHolders(tx, ["SUPERVISOR"], [unitId], now)),
    ...(await provinceHolders(tx, provinceIds, now)),
  ];
  for (const l of leaders) {
    const t = messages(l.language);
    add(l.chatId, withBehalf(t, l.onBehalf, words.inform(t.disbursement)));
  }
  for (const g of await unitGroups(tx, provinceIds)) add(g.telegramChatId, words.inform(vi));
  return out;
}

/** The Chairman and the officials in charge (RESPONSIBLE) in a unit of kind «Tỉnh» (UBND tỉnh), in private. */
async function provinceHolders(tx: Tx, provinceIds: number[], now: Date) {
  return provinceIds.length ? reachableRoleHolders(tx, ["CHAIRMAN", "RESPONSIBLE"], provinceIds, now) : [];
}
