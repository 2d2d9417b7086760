// The one way to express an expected refusal, for every feature: `throw refusal(section, key, ...args)`.
// The section names a catalogue part, the key one of its entries, and the arguments are that entry's own
// parameters, so a refusal that the catalogue cannot render does not compile. The bot's error boundary
// renders it in the reader's language (src/i18n/errors.ts).
import type { Catalogue } from "../i18n/index.ts";
import { UserError } from "../platform/errors.ts";

/** Where each family of refusals is worded. */
export interface RefusalEntries {
  common: Catalogue["errors"];
  done: Catalogue["done"];
  onboarding: Catalogue["onboarding"];
  tasks: Catalogue["tasks"]["errors"];
  followup: Catalogue["followup"]["errors"];
  disbursement: Catalogue["disbursement"]["errors"];
  directives: Catalogue["directives"]["errors"];
  extensions: Catalogue["extensions"]["errors"];
  evidence: Catalogue["evidence"]["errors"];
  confirmation: Catalogue["confirmation"]["errors"];
  history: Catalogue["history"]["errors"];
  absence: Catalogue["absence"]["errors"];
}
export type RefusalSection = keyof RefusalEntries;

/** A catalogue entry's arguments: none for a fixed line. */
export type ArgsOf<Entry> = Entry extends (...args: infer A) => string ? A : [];

/** Every refusal the catalogues can render, as a union of { section, key, args }. */
export type Refusal = {
  [S in RefusalSection]: {
    [K in keyof RefusalEntries[S] & string]: { section: S; key: K; args: ArgsOf<RefusalEntries[S][K]> };
  }[keyof RefusalEntries[S] & string];
}[RefusalSection];

export function refusal<S extends RefusalSection, K extends keyof RefusalEntries[S] & string>(
  section: S,
  key: K,
  ...args: ArgsOf<RefusalEntries[S][K]>
): UserError {
  return new UserError({ section, key, args });
}

/** `refusal` for one section, for the files that refuse in one family only. */
export const refusalsOf =
  <S extends RefusalSection>(section: S) =>
  <K extends keyof RefusalEntries[S] & string>(key: K, ...args: ArgsOf<RefusalEntries[S][K]>): UserError =>
    new UserError({ section, key, args });
