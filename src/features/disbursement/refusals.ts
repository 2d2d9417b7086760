// Expected refusals of the disbursement commands: thrown as the shared refusal (src/features/refusals.ts),
// worded in the disbursement catalogue's `errors`.
import { refusalsOf, type ArgsOf, type RefusalEntries } from "../refusals.ts";

type Entries = RefusalEntries["disbursement"];
export type RefusalCode = keyof Entries & string;

const disbursementRefusal = refusalsOf("disbursement");

/** Throws the refusal: for the parsing helpers that stop at the first problem. */
export const refuse = <K extends RefusalCode>(code: K, ...args: ArgsOf<Entries[K]>): never => {
  throw disbursementRefusal(code, ...args);
};
