// Recognises an official's "done" reply: "xong", "đã xong", "hoàn thành", "đã hoàn thành", "done",
// "ok xong" ... followed by an optional note. Diacritics and case are optional.
import { foldVietnamese } from "./text.ts";

const DONE_WORDS = ["da hoan thanh", "hoan thanh", "da xong", "xong roi", "xong", "done", "completed", "finished"];

export function parseCompletion(text: string): { note: string } | null {
  const trimmed = text.trim();
  const folded = foldVietnamese(trimmed);
  for (const w of DONE_WORDS) {
    if (folded === w || folded.startsWith(w + " ") || new RegExp(`^${w}[\\s,.:;!\\-–—]`).test(folded)) {
      // the note is what follows the done-word in the original text (same length prefix after folding
      // is not guaranteed, so cut by word count)
      const words = w.split(" ").length;
      const rest = trimmed.split(/\s+/).slice(words).join(" ");
      const firstWord = trimmed.split(/\s+/).slice(0, words).join(" ");
      const tail = firstWord.replace(/^[^,.:;!\-–—]*/u, "");
      const note = (tail + (rest ? " " + rest : "")).replace(/^[\s,.:;!\-–—]+/u, "").trim();
      return { note };
    }
  }
  return null;
}
