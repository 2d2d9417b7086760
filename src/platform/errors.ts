// Expected problems: a service throws one of these and the bot turns it into one catalogue line.
export type UserErrorCode =
  | "notRegistered"
  | "chatNotBound"
  | "unitNotFound"
  | "unitAmbiguous"
  | "notAReminder"
  | "notAllowed"
  | "taskGone"
  | "alreadyDone"
  // tasks by command (/giao, /done, snooze, obstacle): params { key: keyof tasksVi.errors, args }
  | "task"
  | "officialNotFound"
  | "officialAmbiguous"
  | "officialInactive"
  // meetings, written requests (/hop, /yeucau, /traloi, /trunguong): params { key: keyof followupVi.errors, args }
  | "followup";

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
