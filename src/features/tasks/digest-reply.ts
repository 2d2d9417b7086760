// A reply to a digest (ADR 009): "xong 2", "2 xong", "2. Dạ em xong rồi ạ", "xong số 2, đã nộp" completes
// item 2 of the digest replied to. The number picks the item; whether the words mean done is the completion
// parser's call alone (negations, questions and promises stay open), through the one import below.
import { readReply } from "../../domain/reply-parser.ts";

/** The completion parser's DONE reading (with its note), or null: negations, questions and unsure replies. */
const readCompletion = (text: string) => {
  const r = readReply(text);
  return r.kind === "DONE" ? r : null;
};

/** optional "số" / "việc" before the number; items are 1..MAX_ITEMS, so one or two digits */
const NUMBER = String.raw`(?:s[oố]|vi[eệ]c|item|#)?\s*(\d{1,2})(?!\d)`;
const LEADING = new RegExp(String.raw`^\s*${NUMBER}\s*[.:)\-–,]?\s+(.*)$`, "isu");
const AFTER = new RegExp(String.raw`^${NUMBER}(?:\s*[.,:;\-–]\s*|\s+|$)(.*)$`, "isu");

export interface DigestReply {
  /** null: a completion without a number ("Dạ em xong rồi ạ"): the sender's only item, if he has one */
  position: number | null;
  note: string;
}

/** The item number (if any) and the note of a completion reply to a digest, or null (not a completion). */
export function readDigestReply(text: string): DigestReply | null {
  const leading = LEADING.exec(text);
  if (leading) {
    const done = readCompletion(leading[2] ?? "");
    if (done) return { position: Number(leading[1]), note: done.note };
  }
  const done = readCompletion(text);
  if (!done) return null;
  const after = AFTER.exec(done.note.trim());
  if (!after) return { position: null, note: done.note };
  // what follows the number, read again so that particles («ạ», «rồi») do not become the note
  const rest = (after[2] ?? "").trim();
  return { position: Number(after[1]), note: readCompletion(`xong ${rest}`)?.note ?? rest };
}
