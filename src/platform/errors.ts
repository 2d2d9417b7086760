// Expected problems: a service throws a UserError and the bot turns it into one catalogue line.

/**
 * An expected refusal: which catalogue section renders it, which of its entries, and that entry's
 * arguments. Built only through the typed constructor `refusal` (src/features/refusals.ts), which checks the
 * key and the arguments against the catalogue; rendered by src/i18n/errors.ts. The platform knows no
 * catalogue, so here the three fields are plain.
 */
export interface RefusalData {
  section: string;
  key: string;
  args: readonly unknown[];
}

export class UserError extends Error {
  constructor(readonly refusal: RefusalData) {
    super(`${refusal.section}.${refusal.key}`);
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
