// R4 after /khongdat: the reallocation proposal is due to UBND tỉnh by `proposalDueOn`. A report is closed
// when a reallocation decision takes capital from that unit and programme (recordDecision); one still open
// the working day after its due date is reported once to the secretariat (asked to act) and to UBND tỉnh and
// the unit's supervisor (informed), in one message per chat. Keyed once in the Reminder table.
import { isOfficeTime, type OfficeHours, type WorkCalendar } from "../../domain/calendar.ts";
import { localDate } from "../../domain/dates.ts";
import type { Messages } from "../../i18n/index.ts";
import type { Db, Tx } from "../../platform/db/client.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { claimKeys } from "../followup/audience.ts";
import { noticesFor } from "./cannot-meet.ts";
import type { CannotMeetView } from "./views.ts";

/** Closes the open cannot-meet reports of the unit and programme a decision took capital from. */
export async function closeCannotMeet(tx: Tx, q: { unitId: number; programmeId: number; year: number }, now: Date) {
  await tx.cannotMeetReport.updateMany({
    where: { ...q, status: "OPEN" },
    data: { status: "RESOLVED", resolvedAt: now },
  });
}

export function createProposalCheck(deps: {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  officeHours: OfficeHours;
  messages: Messages<"disbursement" | "absence">;
}) {
  async function runProposalCheck(now: Date) {
    const cal = await deps.calendar();
    if (!isOfficeTime(now, cal, deps.officeHours)) return { skipped: "outside-office-hours", messages: 0 };
    const today = localDate(now);
    const overdue = await deps.db.cannotMeetReport.findMany({
      where: { status: "OPEN", proposalDueOn: { lt: today } },
      orderBy: { id: "asc" },
    });
    let messages = 0;
    for (const r of overdue) {
      messages += await deps.db.$transaction(async (tx) => {
        const claimed = await claimKeys(tx, [`cannotmeet:${r.id}:overdue`], "cannotMeet.overdue", now);
        if (claimed.size === 0) return 0;
        // one after another: a transaction is one connection (pg warns of concurrent queries on it)
        const unit = await tx.unit.findUniqueOrThrow({ where: { id: r.unitId } });
        const programme = await tx.programme.findUniqueOrThrow({ where: { id: r.programmeId } });
        const by = r.reportedById ? await tx.official.findUnique({ where: { id: r.reportedById } }) : null;
        const view: CannotMeetView = {
          unitName: unit.name,
          programmeCode: programme.code,
          amountVnd: r.amountVnd,
          projects: r.projects,
          reason: r.reason,
          byName: by?.fullName ?? "",
          year: r.year,
          proposalDueOn: r.proposalDueOn!,
        };
        const out = await noticesFor(
          tx,
          view,
          r.unitId,
          now,
          {
            act: (t) => t.proposalOverdue(view),
            inform: (t) => t.proposalOverdueLeader(view),
            kind: "cannotMeet.overdue",
          },
          deps.messages,
        );
        await enqueue(tx, out, now);
        return out.length;
      });
    }
    return { overdue: overdue.length, messages };
  }
  return { runProposalCheck };
}
