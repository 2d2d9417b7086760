// Expected refusals of the disbursement commands, rendered by the bot from the disbursement catalogue.
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

export const refuse = (code: RefusalCode, params: RefusalParams = {}): never => {
  throw new DisbursementRefusal(code, params);
};
