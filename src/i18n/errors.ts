// An expected problem (a UserError) as one line of the asker's catalogue.
import type { Catalogue } from "./index.ts";
import type { RefusalEntries } from "../features/refusals.ts";
import type { UserError } from "../platform/errors.ts";

/** The catalogue part of each refusal section (src/features/refusals.ts); the types keep both in step. */
const sections = (t: Catalogue): RefusalEntries => ({
  common: t.errors,
  done: t.done,
  onboarding: t.onboarding,
  tasks: t.tasks.errors,
  followup: t.followup.errors,
  disbursement: t.disbursement.errors,
  directives: t.directives.errors,
  extensions: t.extensions.errors,
  evidence: t.evidence.errors,
  confirmation: t.confirmation.errors,
  history: t.history.errors,
  absence: t.absence.errors,
});

export function userErrorText(t: Catalogue, e: UserError): string {
  const { section, key, args } = e.refusal;
  const part = sections(t)[section as keyof RefusalEntries] as Record<string, unknown> | undefined;
  const entry = part?.[key];
  if (typeof entry === "function") return (entry as (...a: readonly unknown[]) => string)(...args);
  if (typeof entry === "string") return entry;
  // a refusal is type-checked where it is made: reaching this means the catalogue lost an entry
  throw new Error(`no catalogue entry for the refusal ${section}.${key}`);
}
