// Public types of the local Telegram Bot API emulator (see bot-api-server.ts).

export interface EmulatorUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: false;
}

export interface EmulatorChat {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  title?: string;
  first_name?: string;
  username?: string;
}

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number; // Date.now() when the request arrived
  ok: boolean;
  errorCode?: number;
}

export interface SentMessage {
  message_id: number;
  chat_id: number;
  text: string;
  reply_markup?: unknown;
  reply_to_message_id?: number;
  parse_mode?: string;
  date: number;
  edited?: boolean;
  method: string;
  /** a document the bot sent: its file_id serves getFile and the download, as on Telegram */
  document?: { file_id: string; file_name?: string };
}

export interface Fault {
  kind: "429" | "500" | "timeout" | "drop-after-accept" | "403" | "chat-not-found" | "migrate";
  retryAfter?: number;
  migrateTo?: number;
}

export interface Limits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
}

export interface BotUser {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
  can_join_groups: true;
  can_read_all_group_messages: boolean;
  supports_inline_queries: false;
}

export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

/** A Telegram Message, shaped freely by tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyMessage = any;

export interface BotApiEmulator {
  apiRoot: string;
  token: string;
  botUser: BotUser;
  calls: RecordedCall[];
  sent: SentMessage[];
  /** `delivered` is false (and `update_id` 0) for a group message privacy mode keeps from the bot */
  userSends(opts: { from: EmulatorUser; chat: EmulatorChat; text: string; replyTo?: number }): {
    update_id: number;
    message: AnyMessage;
    delivered: boolean;
  };
  userPresses(opts: { from: EmulatorUser; chat: EmulatorChat; messageId: number; data: string }): {
    update_id: number;
    callbackQueryId: string;
  };
  /** A user sends a file (a message with a `document`); the bot fetches it with getFile and GET
   * /file/bot<token>/<file_path>. */
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
  }): { update_id: number; message: AnyMessage; delivered: boolean };
  pushUpdate(update: Record<string, unknown>): number;
  nextUpdateId(): number;
  /** the highest update_id the bot has confirmed through getUpdates' offset */
  readonly confirmedUpTo: number;
  waitFor(predicate: (sent: SentMessage[]) => boolean, timeoutMs?: number): Promise<SentMessage[]>;
  waitIdle(timeoutMs?: number): Promise<void>;
  setLimits(limits: Limits | null): void;
  /**
   * The next call(s) fail: sends (to `chatId`, or any), or, with `method`, that method's calls whatever they
   * are (getUpdates, getMe, getChatMember, getFile…): real Telegram may answer 429 to any call.
   */
  injectFault(fault: Fault, opts?: { chatId?: number; method?: string; times?: number }): void;
  setChatMember(chatId: number, userId: number, member: { status: MemberStatus; is_anonymous?: boolean }): void;
  close(): Promise<void>;
}

export interface EmulatorOptions {
  token?: string;
  botUsername?: string;
  port?: number;
  limits?: Limits | null;
  failMethods?: string[];
  /**
   * BotFather's privacy mode, on unless turned off (as BotFather makes every bot, and as the README asks
   * operators to leave it): in groups the bot receives only commands (not those addressed to another bot),
   * replies to its own messages and messages that mention it, as Telegram does. Private chats, button presses
   * and membership changes are not affected. `false`: the bot reads every group message.
   */
  privacyMode?: boolean;
  /** the clock the flood limits and the recorded calls' `at` read (default Date.now): tests pass a virtual one */
  now?: () => number;
}

export type Payload = Record<string, unknown>;

/** A Bot API error answer: `{ok:false, error_code, description, parameters?}` with HTTP status = code. */
export class ApiError extends Error {
  readonly code: number;
  readonly description: string;
  readonly parameters: Record<string, unknown> | undefined;

  constructor(code: number, description: string, parameters?: Record<string, unknown>) {
    super(description);
    this.code = code;
    this.description = description;
    this.parameters = parameters;
  }
}
