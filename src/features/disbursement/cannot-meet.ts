// R4 /khongdat: a unit declares an amount it cannot disburse this year; the secretariat group is told at once.
import { localDate } from "../../domain/dates.ts";
import { reportingYear } from "../../domain/disbursed.ts";
import type { Messages } from "../../i18n/index.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { argWords, leadingAmount, splitAmount } from "./arguments.ts";
import type { Deps } from "./lookup.ts";
import { refuse } from "./refusals.ts";
import type { CannotMeetView, CommandInput } from "./views.ts";

/**
 * R4 /khongdat: a unit expects not to disburse an amount; the secretariat group hears of it at once, in the
 * words `messages` renders (the composition root passes `catalogue`).
 */
export async function cannotMeet(
  { db, lookup, messages }: Deps & { messages: Messages<"disbursement"> },
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
    const chats = await tx.chat.findMany({
      where: { isSecretariat: true, status: "ACTIVE" },
      select: { telegramChatId: true },
    });
    const notice = messages("vi").disbursement.cannotMeetNotice(view);
    await enqueue(
      tx,
      chats.map((c) => ({ chatId: c.telegramChatId, text: notice, kind: "cannotMeet.notice" })),
      input.now,
    );
    return view;
  });
}
