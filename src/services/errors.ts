// Expected problems: a service throws one of these and the bot turns it into one catalogue line.
export type UserErrorCode =
  | "notRegistered"
  | "chatNotBound"
  | "unitNotFound"
  | "unitAmbiguous"
  | "notAReminder"
  | "notAllowed"
  | "taskGone"
  | "alreadyDone";

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "UserError";
  }
}

/** The update was already handled (a redelivery, or another instance got it first). */
export class DuplicateUpdate extends Error {
  constructor(readonly updateId: bigint) {
    super(`update ${updateId} already processed`);
    this.name = "DuplicateUpdate";
  }
}
