// The emulator's in-memory world: chats, users, stored messages (per-chat message ids shared by
// the bot and the users), chat members, and what the bot has sent.
import type { UpdateQueue } from "./updates.ts";
import {
  ApiError,
  type BotUser,
  type EmulatorChat,
  type EmulatorUser,
  type MemberStatus,
  type Payload,
  type SentMessage,
} from "./types.ts";

export interface BotFrom {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
}

export interface Message {
  message_id: number;
  date: number;
  chat: EmulatorChat;
  from: EmulatorUser | BotFrom;
  text?: string;
  caption?: string;
  reply_markup?: unknown;
  reply_to_message?: Message;
  [key: string]: unknown;
}

export interface Member {
  status: MemberStatus;
  is_anonymous?: boolean;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A payload field as an integer, or undefined when absent. */
export function int(p: Payload, key: string): number | undefined {
  const value = p[key];
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n)) throw new ApiError(400, `Bad Request: invalid ${key}`);
  return n;
}

export class World {
  readonly botUser: BotUser;
  readonly botFrom: BotFrom;
  readonly sent: SentMessage[] = [];
  readonly callbackQueryIds = new Set<string>();
  readonly commands = new Map<string, unknown[]>();
  webhookUrl = "";
  private readonly chats = new Map<number, EmulatorChat>();
  private readonly users = new Map<number, EmulatorUser>();
  private readonly messages = new Map<number, Map<number, Message>>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly members = new Map<string, Member>();
  private readonly queue: UpdateQueue;
  private lastCallbackId = 0;

  /** BotFather's privacy mode: see EmulatorOptions.privacyMode */
  readonly privacyMode: boolean;

  constructor(botUser: BotUser, queue: UpdateQueue, privacyMode = false) {
    this.botUser = botUser;
    this.queue = queue;
    this.privacyMode = privacyMode;
    this.botFrom = { id: botUser.id, is_bot: true, first_name: botUser.first_name, username: botUser.username };
  }

  // --- what users do -------------------------------------------------------------------------

  userSends(opts: { from: EmulatorUser; chat: EmulatorChat; text: string; replyTo?: number }): {
    update_id: number;
    message: Message;
    delivered: boolean;
  } {
    const { from, chat, text } = this.remember(opts.from, opts.chat, opts);
    const fields: Partial<Message> = { text };
    if (text.startsWith("/")) {
      const length = text.includes(" ") ? text.indexOf(" ") : text.length;
      fields.entities = [{ type: "bot_command", offset: 0, length }];
    }
    if (opts.replyTo !== undefined) fields.reply_to_message = this.quote(this.mustFind(chat.id, opts.replyTo));
    const message = this.store(chat, from, fields);
    return this.deliver(message);
  }

  /** Queues the update for the bot, unless privacy mode keeps this group message from it. */
  private deliver(message: Message): { update_id: number; message: Message; delivered: boolean } {
    if (!this.reachesBot(message)) return { update_id: 0, message, delivered: false };
    return { update_id: this.queue.push({ message }), message, delivered: true };
  }

  /**
   * Telegram with privacy mode on, in a group: commands (except those addressed to another bot), replies to the
   * bot's messages and mentions of the bot reach it; other messages do not. Everything reaches it otherwise.
   */
  private reachesBot(message: Message): boolean {
    if (!this.privacyMode || message.chat.type === "private" || message.chat.type === "channel") return true;
    const text = message.text ?? message.caption ?? "";
    const me = this.botUser.username.toLowerCase();
    const command = /^\/[A-Za-z0-9_]+(?:@(\w+))?/.exec(text);
    if (command) return command[1] === undefined || command[1].toLowerCase() === me;
    if (message.reply_to_message?.from.id === this.botUser.id) return true;
    return text.toLowerCase().includes(`@${me}`);
  }

  /** Files users sent (documents), by file_id: what getFile and the file download serve. */
  readonly files = new Map<string, { file_unique_id: string; file_path: string; bytes: Buffer }>();

  userSendsDocument(opts: {
    from: EmulatorUser;
    chat: EmulatorChat;
    filename: string;
    bytes: Uint8Array;
    caption?: string;
    mimeType?: string;
    /** the message it replies to */
    replyTo?: number;
    /** sent as a photo (an array of sizes) instead of a document */
    asPhoto?: boolean;
  }): {
    update_id: number;
    message: Message;
    delivered: boolean;
  } {
    const { from, chat } = this.remember(opts.from, opts.chat, opts);
    const n = this.files.size + 1;
    const file_id = `user-file-${n}`;
    const bytes = Buffer.from(opts.bytes);
    this.files.set(file_id, {
      file_unique_id: `user-unique-${n}`,
      file_path: `documents/file_${n}_${opts.filename.replace(/[^\w.-]/g, "_")}`,
      bytes,
    });
    const document = {
      file_id,
      file_unique_id: `user-unique-${n}`,
      file_name: opts.filename,
      ...(opts.mimeType !== undefined && { mime_type: opts.mimeType }),
      file_size: bytes.length,
    };
    const fields: Partial<Message> = opts.asPhoto
      ? {
          photo: [
            { file_id, file_unique_id: document.file_unique_id, width: 1280, height: 960, file_size: bytes.length },
          ],
        }
      : { document };
    if (opts.caption !== undefined) fields.caption = opts.caption;
    if (opts.replyTo !== undefined) fields.reply_to_message = this.quote(this.mustFind(chat.id, opts.replyTo));
    const message = this.store(chat, from, fields);
    return this.deliver(message);
  }

  userPresses(opts: { from: EmulatorUser; chat: EmulatorChat; messageId: number; data: string }): {
    update_id: number;
    callbackQueryId: string;
  } {
    const { from, chat } = this.remember(opts.from, opts.chat, opts);
    const message = this.mustFind(chat.id, opts.messageId);
    const callbackQueryId = String(++this.lastCallbackId);
    this.callbackQueryIds.add(callbackQueryId);
    const callback_query = { id: callbackQueryId, from, message, chat_instance: "1", data: opts.data };
    return { update_id: this.queue.push({ callback_query }), callbackQueryId };
  }

  private remember<T>(from: EmulatorUser, chat: EmulatorChat, rest: T): T & { from: EmulatorUser; chat: EmulatorChat } {
    this.users.set(from.id, from);
    this.chats.set(chat.id, chat);
    return { ...rest, from: { ...from, is_bot: false }, chat };
  }

  // --- chats and members ---------------------------------------------------------------------

  /** Resolves a payload's chat_id (number or "@username"); unknown numeric ids get a plausible chat. */
  chat(p: Payload, key = "chat_id"): EmulatorChat {
    const raw = p[key];
    if (typeof raw === "string" && raw.startsWith("@")) {
      const found = [...this.chats.values()].find((c) => c.username !== undefined && `@${c.username}` === raw);
      if (!found) throw new ApiError(400, "Bad Request: chat not found");
      return found;
    }
    const id = int(p, key);
    if (id === undefined) throw new ApiError(400, `Bad Request: ${key} is empty`);
    const known = this.chats.get(id);
    if (known) return known;
    const user = this.users.get(id);
    if (id > 0) return { id, type: "private", first_name: user?.first_name ?? `User ${id}`, username: user?.username };
    return { id, type: String(id).startsWith("-100") ? "supergroup" : "group", title: `Chat ${id}` };
  }

  user(id: number): EmulatorUser | BotFrom {
    if (id === this.botUser.id) return this.botFrom;
    return this.users.get(id) ?? { id, is_bot: false, first_name: `User ${id}` };
  }

  setMember(chatId: number, userId: number, member: Member): void {
    this.members.set(`${chatId}:${userId}`, member);
  }

  member(chatId: number, userId: number): Member {
    return this.members.get(`${chatId}:${userId}`) ?? { status: "member" };
  }

  admins(chatId: number): Array<{ userId: number; member: Member }> {
    const prefix = `${chatId}:`;
    return [...this.members]
      .filter(([key, m]) => key.startsWith(prefix) && (m.status === "creator" || m.status === "administrator"))
      .map(([key, member]) => ({ userId: Number(key.slice(prefix.length)), member }));
  }

  // --- messages ------------------------------------------------------------------------------

  /** Stores a new message in `chat` with the chat's next message id. */
  store(chat: EmulatorChat, from: EmulatorUser | BotFrom, fields: Partial<Message>): Message {
    const inChat = this.messages.get(chat.id) ?? new Map<number, Message>();
    this.messages.set(chat.id, inChat);
    const message_id = (this.lastMessageId.get(chat.id) ?? 0) + 1;
    this.lastMessageId.set(chat.id, message_id);
    const message: Message = { message_id, from, chat, date: nowSeconds(), ...fields };
    inChat.set(message_id, message);
    return message;
  }

  find(chatId: number, messageId: number): Message | undefined {
    return this.messages.get(chatId)?.get(messageId);
  }

  mustFind(chatId: number, messageId: number): Message {
    const message = this.find(chatId, messageId);
    if (!message) throw new Error(`emulator: no message ${messageId} in chat ${chatId}`);
    return message;
  }

  delete(chatId: number, messageId: number): boolean {
    return this.messages.get(chatId)?.delete(messageId) ?? false;
  }

  /** A message as embedded in another one (Telegram does not nest reply_to_message twice). */
  quote(message: Message): Message {
    return { ...message, reply_to_message: undefined };
  }

  recordSent(method: string, message: Message, p: Payload, edited = false): void {
    const replyTo = message.reply_to_message?.message_id;
    const document = message.document as { file_id: string; file_name?: string } | undefined;
    this.sent.push({
      message_id: message.message_id,
      chat_id: message.chat.id,
      text: message.text ?? message.caption ?? "",
      ...(message.reply_markup !== undefined && { reply_markup: message.reply_markup }),
      ...(replyTo !== undefined && { reply_to_message_id: replyTo }),
      ...(typeof p.parse_mode === "string" && { parse_mode: p.parse_mode }),
      date: nowSeconds(),
      ...(edited && { edited: true }),
      method,
      ...(document && { document: { file_id: document.file_id, file_name: document.file_name } }),
    });
  }
}
