// Telegram refuses messages over 4096 characters. splitMessage cuts a long HTML text into parts that fit:
// at a line break if there is one, else between words, else anywhere. It never cuts inside a tag
// (<b>, <a href="…">) or an entity (&amp;): tags still open at a cut are closed at the end of the part
// and opened again at the start of the next, so every part is valid HTML on its own.
export const TELEGRAM_TEXT_LIMIT = 4096;

interface OpenTag {
  name: string;
  open: string;
}

interface State {
  /** where the tag or entity that `pos` falls inside starts, or -1 */
  insideFrom: number;
  stack: OpenTag[];
}

/** Scans s[0..pos) and tells whether pos is inside a tag/entity, and which tags are open there. */
function stateAt(s: string, pos: number): State {
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < pos) {
    const c = s[i];
    if (c === "<") {
      const end = s.indexOf(">", i);
      if (end === -1) return { insideFrom: i, stack }; // malformed: treat the rest as one tag
      if (end >= pos) return { insideFrom: i, stack };
      const tag = s.slice(i, end + 1);
      const m = /^<\s*(\/?)\s*([a-zA-Z][\w-]*)/.exec(tag);
      if (m) {
        const name = (m[2] as string).toLowerCase();
        if (m[1]) {
          const at = stack.map((t) => t.name).lastIndexOf(name);
          if (at >= 0) stack.splice(at);
        } else if (!tag.endsWith("/>")) stack.push({ name, open: tag });
      }
      i = end + 1;
      continue;
    }
    if (c === "&") {
      const m = /^&(#\d{1,7}|#x[\da-fA-F]{1,6}|[a-zA-Z]{1,10});/.exec(s.slice(i, i + 12));
      if (m) {
        if (i + m[0].length > pos) return { insideFrom: i, stack };
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  // never cut a surrogate pair in two
  if (pos > 0 && pos < s.length && /[\uD800-\uDBFF]/.test(s[pos - 1] as string)) return { insideFrom: pos - 1, stack };
  return { insideFrom: -1, stack };
}

const closers = (stack: OpenTag[]) =>
  stack
    .map((t) => `</${t.name}>`)
    .reverse()
    .join("");
const openers = (stack: OpenTag[]) => stack.map((t) => t.open).join("");
const visible = (s: string) => s.replace(/<[^>]*>/g, "").trim();

/** Where to cut s so that s.slice(0, cut) is at most `window` long, preferring lines, then words. */
function chooseCut(s: string, window: number, min: number): number {
  const head = s.slice(0, window + 1); // a break exactly at `window` is fine too
  const nl = head.lastIndexOf("\n");
  if (nl > min) return nl;
  const space = Math.max(head.lastIndexOf(" "), head.lastIndexOf("\t"));
  if (space > min) return space;
  return window;
}

export function splitMessage(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (limit < 16) throw new RangeError("limit too small");
  const parts: string[] = [];
  let s = text;
  let prefix = 0; // length of the tags re-opened at the start of s
  while (s.length > limit) {
    let window = limit;
    let cut = 0;
    let state: State = { insideFrom: -1, stack: [] };
    for (let round = 0; round < 8; round++) {
      cut = chooseCut(s, window, prefix);
      state = stateAt(s, cut);
      if (state.insideFrom > prefix) {
        cut = state.insideFrom;
        state = stateAt(s, cut);
      } else if (state.insideFrom >= 0) {
        // no break before the tag: cut hard at the window (through the tag only if it fills the whole part)
        cut = window;
        state = stateAt(s, cut);
        if (state.insideFrom > prefix) {
          cut = state.insideFrom;
          state = stateAt(s, cut);
        }
      }
      const close = closers(state.stack).length;
      if (cut + close <= limit) break;
      window = Math.max(prefix + 1, limit - close);
    }
    const part = s.slice(0, cut).replace(/\s+$/, "") + closers(state.stack);
    if (visible(part) !== "") parts.push(part);
    const rest = s.slice(cut).replace(/^\s+/, "");
    const reopen = openers(state.stack);
    s = reopen + rest;
    prefix = reopen.length;
  }
  if (visible(s) !== "" || parts.length === 0) parts.push(s);
  return parts;
}
