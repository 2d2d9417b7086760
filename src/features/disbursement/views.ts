// What the disbursement commands take and give back: the command input and the views the bot renders.
import type { CapitalKind, CapitalSource } from "../../platform/db/client.ts";
import type { Actor } from "../registry/registry.ts";

export interface CommandInput {
  actor: Actor;
  /** the unit group the command was written in, or null (private, secretariat group) */
  chatUnitId: number | null;
  args: string;
  now: Date;
  updateId?: bigint;
}

export interface ReportView {
  unitName: string;
  programmeCode: string;
  amountVnd: bigint;
  source: CapitalSource | null;
  kind: CapitalKind | null;
  asOf: string;
  correction: boolean;
  /** the plan of the part reported (the whole programme's when no source or kind is named) */
  planVnd: bigint;
  rateBp: number | null;
  /** change of the part's rate since its last figure, null when it had none */
  deltaBp: number | null;
  /** a whole-programme figure while the plans are split by source (vốn TW and ĐP): the answer asks for both apart */
  unsplit: boolean;
}

export interface CannotMeetView {
  unitName: string;
  programmeCode: string;
  amountVnd: bigint;
  projects: string;
  reason: string;
  byName: string;
  year: number;
  /** "YYYY-MM-DD": the reallocation proposal is due by then */
  proposalDueOn: string;
}

export interface ReallocationRow {
  unitName: string;
  programmeCode: string;
  /** vốn TW where the unit × programme is judged on it (ADR 016): plan and projection are vốn TW's */
  basis: "CENTRAL" | "TOTAL";
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
  year: number;
  source: CapitalSource;
  kind: CapitalKind;
  /** "YYYY-MM-DD": the plans change from this date */
  effectiveOn: string;
  /** the two units' plans of the programme (all parts) before and after the move */
  fromBeforeVnd: bigint;
  fromAfterVnd: bigint;
  toBeforeVnd: bigint;
  toAfterVnd: bigint;
}

export interface MilestoneInput {
  date: string;
  targetBp: number;
  label?: string;
}
