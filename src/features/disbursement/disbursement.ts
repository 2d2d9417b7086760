// Disbursement tracking: cumulative disbursement reports (/report), "cannot meet" reports (R4), the
// reallocation overview and decisions (R3) and per-year milestones. Money is bigint VND, rates basis points.
// Expected refusals are thrown with refuse() (src/features/refusals.ts, worded in the catalogue's errors); every
// write runs in one transaction with its audit entry and the update's dedupe record. The parts live in
// ./disbursement/; this file composes them into the service.
import type { WorkCalendar } from "../../domain/calendar.ts";
import type { Db } from "../../platform/db/client.ts";
import type { Messages } from "../../i18n/index.ts";
import { cannotMeet } from "./cannot-meet.ts";
import { createLookup, type Deps } from "./lookup.ts";
import { setMilestones } from "./milestones.ts";
import { reallocationOverview, recordDecision } from "./reallocation.ts";
import { recordReport } from "./report.ts";
import type { CommandInput } from "./views.ts";

export { leadingAmount, splitAmount, splitQualifiers, type Qualifiers } from "./arguments.ts";
export type {
  CannotMeetView,
  CommandInput,
  DecisionView,
  MilestoneInput,
  ReallocationRow,
  ReallocationView,
  ReportView,
} from "./views.ts";

export function createDisbursementService({
  db,
  overPlanMarginPercent = 0,
  messages,
  calendar,
}: {
  db: Db;
  overPlanMarginPercent?: number;
  calendar: () => Promise<WorkCalendar>;
  /** renders the notices written to the outbox (the composition root passes `catalogue`) */
  messages: Messages<"disbursement" | "absence">;
}) {
  const lookup = createLookup(db);
  const deps: Deps = { db, lookup };
  return {
    findProgramme: lookup.findProgramme,
    /** The programme a /status argument names, or null (then it names a unit). */
    programmeNamed: lookup.programmeNamed,
    /** /report: records a cumulative disbursement figure after every check; returns the one-line answer's data. */
    report: (input: CommandInput) => recordReport({ ...deps, overPlanMarginPercent }, input),
    /** R4 /khongdat: the secretariat, the unit's supervisor and UBND tỉnh hear of it at once, with a due date. */
    cannotMeet: (input: CommandInput) => cannotMeet({ ...deps, messages, calendar }, input),
    /** R3: each unit × programme projected to 31/12 from its trend; surpluses and needs, largest first. */
    reallocationOverview: (now: Date) => reallocationOverview(deps, now),
    /** /dieuchuyen ghi <từ đơn vị> <đến đơn vị> <chương trình> <số tiền> [số quyết định] */
    recordDecision: (input: CommandInput) => recordDecision({ ...deps, messages }, input),
    /** Replaces the milestones of one scope; see ./disbursement/milestones.ts. */
    setMilestones: (input: Parameters<typeof setMilestones>[1]) => setMilestones(db, input),
  };
}

export type DisbursementService = ReturnType<typeof createDisbursementService>;
