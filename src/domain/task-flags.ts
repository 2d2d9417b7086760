// What a task requires before it counts as done (#19): evidence attached («cần minh chứng») and the
// assigner's confirmation («cần xác nhận»). Read from /giao's trailing parts and from file cells.
import { foldVietnamese } from "./text.ts";

export interface TaskFlags {
  requiresEvidence: boolean;
  requiresConfirmation: boolean;
}

const EVIDENCE = new Set(["can minh chung", "minh chung", "co minh chung", "evidence", "needs evidence"]);
const CONFIRMATION = new Set(["can xac nhan", "xac nhan", "confirm", "confirmation", "needs confirmation"]);

/**
 * A /giao part naming requirements: «cần minh chứng», «cần xác nhận», or both («cần minh chứng, xác nhận»,
 * «cần minh chứng và cần xác nhận»), any case, with or without diacritics. Null when the part says anything else
 * (it is then the document reference).
 */
export function parseTaskFlags(text: string): TaskFlags | null {
  const words = foldVietnamese(text)
    .split(/\s*(?:[,;+&]|\bva\b|\band\b)\s*/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0) return null;
  const flags: TaskFlags = { requiresEvidence: false, requiresConfirmation: false };
  for (const w of words) {
    if (EVIDENCE.has(w)) flags.requiresEvidence = true;
    else if (CONFIRMATION.has(w)) flags.requiresConfirmation = true;
    else return null;
  }
  return flags;
}

/** A «Cần minh chứng» / «Cần xác nhận» cell: Có (x, 1, yes, cần) / Không (0, no, -, empty); null otherwise. */
export function parseRequirementCell(text: string): boolean | null {
  const f = foldVietnamese(text);
  if (["co", "x", "1", "yes", "can", "true"].includes(f)) return true;
  if (["", "khong", "0", "no", "-", "false"].includes(f)) return false;
  return null;
}
