// Reads an official's answer about a task the way officials write it (issue #18): "Dạ em xong rồi ạ",
// "da e xong r a", "Đã nộp BC số 123/BC-UBND ạ", "✅" … — polite particles and pronouns, with or without
// diacritics, any case, punctuation and emoji. Three answers:
//   DONE — the task is reported done (the note is what else was said);
//   NOT  — a negation, a question, a promise, a part, an acknowledgement or unrelated talk;
//   ASK  — it might mean done but does not say it ("ok", "vâng", 👍, "rồi", "chắc xong rồi"): the caller asks
//          back once instead of guessing. A task closed on a question costs the chairman's escalation; a task
//          left open on a real "xong" costs a false one. Asking costs one tap.
// The words are read on folded text (no diacritics), so "đã" and "dạ" both read "da": the original spelling
// tells them apart where it has one ("da nop" is "đã nộp"; "dạ" alone is a courtesy), and a bare "a" at the end
// is "ạ" only after a courtesy opening ("Da em xong roi a"), otherwise it may be "à" (a question): ASK.
import { foldVietnamese } from "./text.ts";

export type ReplyReading = { kind: "DONE"; note: string } | { kind: "NOT" } | { kind: "ASK"; note: string };

export interface ReplyContext {
  /**
   * The message answers the bot about a task (a reply under a reminder or the bot's task list, `/xong`, a
   * pending question). False for a plain message that only might be about a task: there an unsure "ok" is
   * left alone (NOT) rather than asked back — people say "ok" to each other all day.
   */
  addressed: boolean;
}

interface Token {
  /** folded: lower case, no diacritics, đ → d */
  f: string;
  /** the original spelling, lower case */
  raw: string;
  /** index of the clause (split at , . ; : ! and " - ") */
  clause: number;
}

/** Words that report completion by themselves. */
const DONE_WORDS = [["xong"], ["hoan", "thanh"], ["hoan", "tat"], ["done"], ["completed"], ["finished"]];
/** Verbs of the tasks dondoc follows: done when in the perfect ("đã nộp") or followed by "rồi" ("gửi rồi"). */
const TASK_VERBS = [
  ["nop"],
  ["gui"],
  ["ban", "hanh"],
  ["trinh"],
  ["bao", "cao"],
  ["ky"],
  ["hoan", "thien"],
  ["to", "chuc"],
  ["phe", "duyet"],
  ["giai", "ngan"],
  ["chuyen"],
  ["cap", "nhat"],
  ["tong", "hop"],
  ["thuc", "hien"],
  ["xu", "ly"],
  ["nhap"],
  ["lam", "xong"],
];
/** "đã nhận", "đã rõ": the reminder was read, nothing was done. */
const ACK_VERBS = new Set(["nhan", "ro", "xem", "doc", "biet", "hieu"]);
/** A negation right before the verb: "chưa xong", "ko xong", "không kịp hoàn thành", "not done". */
const NEGATIONS = new Set(["chua", "khong", "ko", "k", "kg", "khg", "kh", "hong", "hok", "hk", "chang", "cha", "not"]);
/** Promises and "in progress" before the verb: "sắp xong", "mai em xong", "đang trình ký", "sẽ gửi". */
const NOT_YET_BEFORE = new Set(["sap", "gan", "dang", "se", "mai", "sau", "lat", "de"]);
/** Question particles: "xong chưa", "xong không em", "nộp rồi hả", "xong rồi à", "xong rồi chứ". */
const QUESTIONS = new Set([...NEGATIONS, "ha", "ho", "chu", "nhi", "sao", "chang", "khum", "a?"]);
/** A question particle; "hả"/"hở" only as spelled so, not "hồ" (sơ) or "hạ" (tầng). */
const isQuestion = (t: Token): boolean =>
  QUESTIONS.has(t.f) && (!["ha", "ho"].includes(t.f) || ["ha", "ho", "hả", "hở", "há"].includes(t.raw));
/** Courtesy that may end a sentence: "ạ", "nhé", "anh ơi", "đồng chí". */
const COURTESY = new Set([
  "a.",
  "em",
  "e",
  "anh",
  "chi",
  "dong",
  "nhe",
  "nha",
  "nhen",
  "oi",
  "sep",
  "thay",
  "co",
  "ban",
  "cac",
  "roi",
  "r",
  "vay",
  "the",
  "a~",
]);
/** What may open a courteous answer: "Dạ em …", "Vâng …", "Báo cáo đồng chí …", "Thưa …". */
const OPENERS = new Set(["da", "vang", "em", "e", "bao", "thua", "toi", "ok", "oke", "okay"]);
/** Answers that agree without saying what: "ok", "vâng", "dạ", "rồi", "được", 👍 (read as "ok"). */
const WEAK = new Set(["ok", "oke", "okie", "oki", "okay", "vang", "da", "u", "uh", "um", "roi", "r", "duoc", "dc"]);
/** Hedges: "chắc xong rồi", "hình như xong rồi ạ". */
const HEDGES = [["chac"], ["hinh", "nhu"], ["co", "le"], ["hy", "vong"], ["hi", "vong"], ["probably"], ["maybe"]];
/** Something remains: "đã nộp nhưng còn thiếu phụ lục", "xong rồi nhưng chưa có dấu". */
const DOUBTS = new Set(["nhung", "con", "thieu", "chua", "but"]);

/** Emoji that say something, as words; every other pictograph is dropped. */
function emojiToWords(text: string): string {
  return text
    .replace(/[✅✔☑]\uFE0F?/gu, " xong ")
    .replace(/(?:👍|👌|🆗)\p{Emoji_Modifier}?/gu, " ok ")
    .replace(/[❌✖🚫]\uFE0F?/gu, " khong ")
    .replace(/[⏳⌛]\uFE0F?/gu, " dang ")
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D/gu, " ");
}

/** The word "a" by its tone: "ạ" polite, "à"/"á"/"ả"/"ã" a question, bare "a" unknown. */
function toneOfA(raw: string): string {
  if (raw === "ạ") return "a.";
  if (raw === "a") return "a~";
  return "a?";
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  // words keep inner "/", "-", "." and "%" (document numbers "123/BC-UBND", "80%"); the rest separates
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[/\-.%][\p{L}\p{N}%]*)*|\s-\s|[,.;:!\n]/gu)) {
    const word = m[0];
    if (!/[\p{L}\p{N}]/u.test(word)) {
      clause++;
      continue;
    }
    const raw = word.toLowerCase().replace(/\.$/u, "");
    const f = foldVietnamese(raw);
    tokens.push({ raw, f: f === "a" ? toneOfA(raw) : f, clause });
  }
  return tokens;
}

const matchAt = (tokens: Token[], i: number, phrase: string[]): boolean =>
  phrase.every((w, k) => tokens[i + k]?.f === w && tokens[i + k]!.clause === tokens[i]!.clause);

const phraseAt = (tokens: Token[], i: number, phrases: string[][]): string[] | undefined =>
  phrases.find((p) => matchAt(tokens, i, p));

/** "đã" (not "dạ"): the original has the tone, or, without diacritics, a task verb follows ("da nop"). */
const isPerfect = (t: Token | undefined): boolean => t !== undefined && (t.raw === "đã" || t.raw === "da");

interface Claim {
  /** first and last token of the phrase that reports completion */
  start: number;
  end: number;
}

/** Where the message reports completion: a done-word, "đã" + a task verb, or a task verb + "rồi". */
function claims(tokens: Token[]): Claim[] {
  const out: Claim[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const done = phraseAt(tokens, i, DONE_WORDS);
    if (done) {
      out.push({ start: i, end: i + done.length - 1 });
      i += done.length - 1;
      continue;
    }
    const verb = phraseAt(tokens, i, TASK_VERBS);
    if (!verb) continue;
    const end = i + verb.length - 1;
    const perfect = isPerfect(tokens[i - 1]) || (isPerfect(tokens[i - 2]) && tokens[i - 1]!.f === "da");
    // "gửi rồi", "gửi mail rồi", "nộp r"
    const after = [tokens[end + 1], tokens[end + 2]].findIndex(
      (t) => t !== undefined && t.clause === tokens[i]!.clause && (t.f === "roi" || t.f === "r"),
    );
    // a document number in the same clause: "đã ban hành QĐ 1234/QĐ-UBND", "Gửi BC số 12/BC-UBND"
    if (perfect || after >= 0) out.push({ start: perfect ? i - 1 : i, end: after >= 0 ? end + 1 + after : end });
    i = end;
  }
  return out;
}

/** Each claim is blocked when negated, promised, partial or asked: "chưa xong", "mai xong", "xong 80%", "xong chưa". */
function blocked(tokens: Token[], c: Claim): boolean {
  const clause = tokens[c.start]!.clause;
  const before = tokens.slice(Math.max(0, c.start - 3), c.start).filter((t) => t.clause === clause);
  if (before.some((t) => NEGATIONS.has(t.f) || NOT_YET_BEFORE.has(t.f))) return true;
  const next = tokens[c.end + 1];
  if (next === undefined || next.clause !== clause) return false;
  if (isQuestion(next)) return true;
  // "xong rồi à", "xong rồi hả", "xong r chưa"
  const afterRoi = next.f === "roi" || next.f === "r" ? tokens[c.end + 2] : undefined;
  if (afterRoi && afterRoi.clause === clause && isQuestion(afterRoi)) return true;
  return partialAfter(tokens.slice(c.end + 1).filter((t) => t.clause === clause));
}

/** "xong một phần", "xong phần 1", "xong 80%", "xong 3/5 xã", "xong mai", "xong tuần sau". */
function partialAfter(rest: Token[]): boolean {
  const [a, b] = rest;
  if (!a) return false;
  if (a.f === "phan" || a.f === "nua" || a.f === "mai" || a.f === "gan") return true;
  if ((a.f === "mot" || a.f === "1") && b?.f === "phan") return true;
  if ((a.f === "tuan" || a.f === "thang") && (b?.f === "sau" || b?.f === "toi")) return true;
  if (a.f === "ngay" && b?.f === "mai") return true;
  const percent = /^(\d+)%$/u.exec(a.f);
  if (percent) return Number(percent[1]) < 100;
  const fraction = /^(\d+)\/(\d+)$/u.exec(a.f);
  return fraction !== null && Number(fraction[1]) < Number(fraction[2]);
}

/** The message ends in a question particle, after its courtesy: "… xong chưa vậy em", "nộp rồi hả anh". */
function endsInQuestion(tokens: Token[]): boolean {
  let i = tokens.length - 1;
  while (i >= 0 && COURTESY.has(tokens[i]!.f) && tokens[i]!.f !== "a~") i--;
  return i >= 0 && isQuestion(tokens[i]!);
}

/** The text after a plain "xong"/"hoàn thành" opening is the note: "xong, đã nộp báo cáo" → "đã nộp báo cáo". */
function noteOf(text: string, tokens: Token[]): string {
  const content = tokens.filter((t) => !COURTESY.has(t.f) && !OPENERS.has(t.f) && !WEAK.has(t.f) && t.f !== "cao");
  const onlyDoneWords = content.every((t, i) => phraseAt(content, i, DONE_WORDS) || DONE_WORDS.flat().includes(t.f));
  if (onlyDoneWords) return "";
  const opening =
    /^(?:(?:dạ|vâng|ok|em|báo cáo đồng chí|thưa đồng chí)[\s,.:;!\-–—]+)*(?:đã\s+)?(?:xong(?:\s+rồi)?|hoàn thành|hoàn tất|done)(?:[\s,.:;!\-–—]+|$)/iu;
  const m = opening.exec(text);
  return (m ? text.slice(m[0].length) : text).trim();
}

export function readReply(text: string, context: ReplyContext = { addressed: true }): ReplyReading {
  const clean = emojiToWords(
    text
      .normalize("NFC")
      .replace(/^\/(?:xong|done)(?:@\w+)?/iu, "xong")
      .trim(),
  );
  if (/[?？]/u.test(clean)) return { kind: "NOT" };
  const tokens = tokenize(clean);
  if (tokens.length === 0) return { kind: "NOT" };
  const found = claims(tokens);
  const note = noteOf(
    text
      .normalize("NFC")
      .replace(/^\/(?:xong|done)(?:@\w+)?/iu, "")
      .replace(/\p{Extended_Pictographic}|\uFE0F/gu, "")
      .trim(),
    tokens,
  );

  if (found.length === 0) return unclaimed(tokens, context, note);
  if (found.some((c) => blocked(tokens, c)) || endsInQuestion(tokens)) return { kind: "NOT" };

  const claimed = new Set(found.flatMap((c) => range(c.start, c.end)));
  const hedged = tokens.some((_, i) => phraseAt(tokens, i, HEDGES) !== undefined);
  const doubt = tokens.some((t, i) => !claimed.has(i) && DOUBTS.has(t.f));
  // a bare "a" at the end is "ạ" only after a courteous opening ("Da em xong roi a"); otherwise maybe "à"
  const last = tokens[tokens.length - 1]!;
  const unsureTone = last.f === "a~" && !OPENERS.has(tokens[0]!.f);
  if (hedged || doubt || unsureTone) return { kind: "ASK", note };
  return { kind: "DONE", note };
}

/** No completion claimed: "ok", "vâng", 👍, "rồi", "đã làm" are unsure; anything else is not done. */
function unclaimed(tokens: Token[], context: ReplyContext, note: string): ReplyReading {
  if (!context.addressed) return { kind: "NOT" };
  if (tokens.some((t) => NEGATIONS.has(t.f) || NOT_YET_BEFORE.has(t.f) || t.f === "a?")) return { kind: "NOT" };
  const rest = tokens.filter((t) => !COURTESY.has(t.f) || t.f === "roi" || t.f === "r");
  if (rest.length > 0 && rest.every((t) => WEAK.has(t.f) && t.raw !== "đã")) return { kind: "ASK", note: "" };
  // "đã làm", "em làm rồi": something was done, not said what
  const perfect = rest.findIndex((t) => t.raw === "đã" || t.f === "da");
  const verb = perfect >= 0 ? rest[perfect + 1] : undefined;
  if (verb && !ACK_VERBS.has(verb.f) && !WEAK.has(verb.f)) return { kind: "ASK", note };
  return { kind: "NOT" };
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, k) => a + k);

/** Courtesy around a yes or a no: "Dạ có ạ", "chưa anh ạ". */
const ANSWER_COURTESY = new Set(["a.", "a~", "em", "e", "anh", "chi", "nhe", "nha", "oi", "dong", "sep"]);

/** The answer to "Đồng chí đã hoàn thành việc … chưa?": YES, NO, or still UNSURE (then the bot stops asking). */
export function readAnswer(text: string): "YES" | "NO" | "UNSURE" {
  const reading = readReply(text);
  if (reading.kind === "DONE") return "YES";
  const words = tokenize(emojiToWords(text.normalize("NFC"))).filter(
    (t) => !ANSWER_COURTESY.has(t.f) && t.raw !== "dạ",
  );
  if (/[?？]/u.test(text)) return "UNSURE";
  if (words.some((t) => NEGATIONS.has(t.f) || t.f === "no")) return reading.kind === "NOT" ? "NO" : "UNSURE";
  const first = words[0];
  // "có", "rồi", "đúng", "đã": a yes to a yes-or-no question (alone they would be unsure)
  if (first && (["co", "yes", "dung", "roi", "r"].includes(first.f) || first.raw === "đã")) return "YES";
  return "UNSURE";
}
