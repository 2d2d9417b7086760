// Prints a conversation with the local Bot API emulator as a readable transcript.
import type { BotApiEmulator, EmulatorChat, EmulatorUser, SentMessage } from "../../tools/emulator/bot-api-server.ts";
import type { Clock } from "../../src/platform/clock.ts";
import { localMinutes } from "../../src/domain/dates.ts";

const out = (s: string) => process.stdout.write(s + "\n");

export function plainText(html: string): string {
  return html
    .replace(/<a href="tg:\/\/user\?id=\d+">([^<]*)<\/a>/g, "@$1")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

export function createTranscript(opts: { emulator: BotApiEmulator; clock: Clock; chats: EmulatorChat[] }) {
  const { emulator, clock } = opts;
  const names = new Map<number, string>(opts.chats.map((c) => [c.id, c.title ?? String(c.id)]));
  const time = () => {
    const m = localMinutes(clock.now());
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  const where = (chatId: number) => names.get(chatId) ?? `riêng / private`;
  const indent = (s: string) =>
    s
      .split("\n")
      .map((l) => `      ${l}`)
      .join("\n");

  function printMessage(m: SentMessage, to?: string) {
    const buttons = (m.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard
      ?.flat()
      .map((b) => `[${b.text}]`)
      .join(" ");
    out(`[${time()}] 🤖 dondoc → ${to ?? where(m.chat_id)}:`);
    out(indent(plainText(m.text) + (buttons ? `\n${buttons}` : "")));
  }

  return {
    heading(s: string) {
      out(`\n=== ${s} ===\n`);
    },
    event(s: string) {
      out(`\n[${time()}] ── ${s} ──`);
    },
    /** A user writes; returns the bot's answers once it has handled the update. */
    async say(from: EmulatorUser, chat: EmulatorChat, text: string, replyTo?: number): Promise<SentMessage[]> {
      out(
        `\n[${time()}] 👤 ${from.first_name} (${chat.type === "private" ? "riêng / private" : chat.title}):${replyTo ? " ↩︎ trả lời tin nhắc việc" : ""}`,
      );
      out(indent(text));
      const before = emulator.sent.length;
      emulator.userSends({ from, chat, text, ...(replyTo ? { replyTo } : {}) });
      await emulator.waitFor((sent) => sent.length > before);
      await emulator.waitIdle();
      return this.printSentSince(before);
    },
    printSentSince(index: number): SentMessage[] {
      const fresh = emulator.sent.slice(index);
      for (const m of fresh) {
        const to = m.chat_id > 0 && !names.has(m.chat_id) ? `riêng / private (${m.chat_id})` : undefined;
        printMessage(m, to);
      }
      return fresh;
    },
  };
}
