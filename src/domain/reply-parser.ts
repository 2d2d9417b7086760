// Recognises an official's "done" reply to a reminder: "xong", "đã xong", "xong rồi", "hoàn thành",
// "đã hoàn thành", "done" … (optionally after "dạ", "vâng", "ok", "em" …), followed by an optional note.
// Diacritics and case are optional.
//
// Only an affirmative report completes a task. A question ("xong chưa?", "Xong chưa em", "đã xong chưa ạ",
// "xong rồi à"), a negation ("chưa xong", "không xong", "ko xong"), a promise or a part ("sắp xong",
// "mai xong", "xong một phần", "gần xong", "đang làm") is not done: parseCompletion returns null. When in
// doubt it returns null too: a task left open costs a ✅ press, a task closed on a question costs the
// chairman's escalation.
import { foldVietnamese } from "./text.ts";

/** Words that may come before the done-word ("Dạ em xong rồi ạ", "ok xong", "Báo cáo đồng chí, đã xong"). */
const LEAD_WORDS = ["da", "vang", "ok", "oke", "okay", "em", "toi", "anh", "chi", "bao cao", "dong chi", "thua"];
/** Longer spellings first, so the longest one is taken. */
const DONE_WORDS = [
  "da hoan thanh",
  "hoan thanh",
  "da hoan tat",
  "hoan tat",
  "da xong",
  "xong roi",
  "xong",
  "done",
  "completed",
  "finished",
];
/** A question or a negation right after the done-word: "xong chưa", "xong không", "xong hả" … */
const QUESTION_WORDS = new Set([
  "chua",
  "khong",
  "ko",
  "k",
  "kg",
  "khg",
  "hong",
  "hok",
  "hem",
  "ha",
  "ho",
  "chu",
  "nhi",
  "sao",
]);
/** Promises and parts right after the done-word: "xong mai", "xong tuần sau", "xong một phần", "xong 80%". */
const NOT_YET_AFTER =
  /^(?:mai|ngay mai|sau|tuan (?:sau|toi)|thang (?:sau|toi)|trong (?:tuan|thang|ngay|hom)|(?:mot|1) (?:phan|nua)|nua|phan|\d+ ?%|gan)(?![\p{L}\p{N}])/u;
/** A negation, a promise or "almost" before a done-word anywhere: "em chưa xong", "phần 2 sắp xong". */
const NOT_YET_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:chua|khong|ko|k|kg|khg|chang|sap|gan|dang|se|mai|van chua)\s+(?:xong|hoan thanh|hoan tat)(?![\p{L}\p{N}])/u;
/** Address and courtesy words that may end a sentence after its particle: "xong chưa em", "xong rồi ạ". */
const TRAILING_COURTESY = new Set(["em", "anh", "chi", "nhe", "nha", "vay", "the", "oi", "ban", "roi", "a:polite"]);

const SEP = String.raw`[\s,.:;!\-–—]`;
const LEAD_RE = LEAD_WORDS.map((w) => w.replace(" ", "\\s+")).join("|");
const DONE_RE = DONE_WORDS.map((w) => w.replace(" ", "\\s+")).join("|");
const OPENING = new RegExp(`^(?:(?:${LEAD_RE})${SEP}+)*?(?:${DONE_RE})(?![\\p{L}\\p{N}])`, "u");

/** Folds one character the way foldVietnamese folds text, keeping positions (one character in, one out). */
function foldChar(c: string): string {
  if (/\s/u.test(c)) return " ";
  const f = foldVietnamese(c);
  return f.length === 1 ? f : "_";
}

/** A word of the reply: folded, and "a" told apart by its tone ("ạ" polite, "à"/"a" a question). */
function wordKey(original: string, folded: string): string {
  if (folded !== "a") return folded;
  return original.toLowerCase() === "ạ" ? "a:polite" : "a";
}

/** The words of `folded` (with their originals), and whether punctuation came before each. */
function words(chars: string[], folded: string): { key: string; afterPunct: boolean }[] {
  const out: { key: string; afterPunct: boolean }[] = [];
  let punct = false;
  for (const m of folded.matchAll(/[\p{L}\p{N}%_]+|[^\s\p{L}\p{N}%_]+/gu)) {
    const text = m[0];
    if (!/[\p{L}\p{N}%_]/u.test(text)) {
      punct = true;
      continue;
    }
    const original = chars.slice(m.index, m.index + text.length).join("");
    out.push({ key: wordKey(original, text), afterPunct: punct });
    punct = false;
  }
  return out;
}

/** `{ note }` when the reply says the task is done; null for anything else (questions, negations, promises). */
export function parseCompletion(text: string): { note: string } | null {
  const trimmed = text.normalize("NFC").trim();
  if (trimmed === "" || /[?？]/u.test(trimmed)) return null;
  const chars = [...trimmed];
  const folded = chars.map(foldChar).join("");
  const opening = OPENING.exec(folded);
  if (!opening) return null;
  if (NOT_YET_BEFORE.test(folded)) return null;

  const restChars = chars.slice(opening[0].length);
  const restFolded = folded.slice(opening[0].length);
  const rest = words(restChars, restFolded);
  // right after the done-word, before any punctuation: "xong chưa", "xong không em", "xong mai", "xong 1 phần"
  const first = rest[0];
  if (first && !first.afterPunct) {
    if (QUESTION_WORDS.has(first.key) || first.key === "a") return null;
    if (NOT_YET_AFTER.test(restFolded.trimStart())) return null;
  }
  // a question particle ends the sentence: "… xong rồi chứ", "… xong chưa vậy em", "xong rồi à"
  const tail = [...rest];
  for (;;) {
    const key = tail[tail.length - 1]?.key;
    if (key === undefined || !TRAILING_COURTESY.has(key)) break;
    tail.pop();
    if (key === "chi" && tail[tail.length - 1]?.key === "dong") tail.pop(); // "đồng chí"
  }
  const last = tail[tail.length - 1];
  if (last && (QUESTION_WORDS.has(last.key) || last.key === "a")) return null;

  const note = restChars
    .join("")
    .replace(/^[\s,.:;!\-–—]+/u, "")
    .trim();
  const onlyCourtesy = rest.every((w) => TRAILING_COURTESY.has(w.key));
  return { note: onlyCourtesy ? "" : note };
}
