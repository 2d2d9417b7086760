// The Bot API methods the emulator answers. Each handler gets the request payload and returns the
// `result`, or throws ApiError for an `{ok:false}` answer. Faults and flood limits are applied by
// the server before send methods run.
import type { UpdateQueue } from "./updates.ts";
import { int, nowSeconds, type Message, type World } from "./state.ts";
import { ApiError, type EmulatorChat, type Payload } from "./types.ts";
import { bytesOf, type UploadedFile } from "./http-body.ts";

export type Handler = (p: Payload, ctx: { signal: AbortSignal }) => unknown;

const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a content and reply markup of the current message";

/** The payload's fields among `keys` that are present. */
function pick(p: Payload, ...keys: string[]): Partial<Message> {
  return Object.fromEntries(keys.filter((k) => p[k] !== undefined && p[k] !== null).map((k) => [k, p[k]]));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function createHandlers(world: World, queue: UpdateQueue): Map<string, Handler> {
  let lastFileId = 0;

  const commandsKey = (p: Payload): string => JSON.stringify([p.scope ?? { type: "default" }, p.language_code ?? ""]);

  /** reply_to_message for a send, from reply_to_message_id or reply_parameters. */
  function replyTo(chat: EmulatorChat, p: Payload): Partial<Message> {
    const params = (typeof p.reply_parameters === "object" && p.reply_parameters) || {};
    const id = int(p, "reply_to_message_id") ?? int(params as Payload, "message_id");
    if (id === undefined) return {};
    const target = world.find(chat.id, id);
    if (target) return { reply_to_message: world.quote(target) };
    if (p.allow_sending_without_reply === true || (params as Payload).allow_sending_without_reply === true) return {};
    throw new ApiError(400, "Bad Request: message to be replied not found");
  }

  /** The bot's own message that an edit targets. */
  function editable(p: Payload): Message {
    const chat = world.chat(p);
    const message = world.find(chat.id, int(p, "message_id") ?? 0);
    if (!message) throw new ApiError(400, "Bad Request: message to edit not found");
    if (message.from.id !== world.botUser.id) throw new ApiError(400, "Bad Request: message can't be edited");
    return message;
  }

  function sendFile(method: string, field: "document" | "photo", p: Payload): Message {
    const chat = world.chat(p);
    const file = p[field];
    if (file === undefined || file === null || file === "")
      throw new ApiError(400, `Bad Request: there is no ${field} in the request`);
    const upload = typeof file === "object" ? (file as UploadedFile) : undefined;
    const info = {
      file_id: upload ? `file-${++lastFileId}` : String(file),
      file_unique_id: upload ? `unique-${lastFileId}` : String(file),
      ...(upload && { file_size: upload.size }),
    };
    // as on Telegram, the bot's own upload can be fetched again by its file_id (getFile, then the download)
    const bytes = upload && bytesOf(upload);
    if (bytes)
      world.files.set(info.file_id, {
        file_unique_id: info.file_unique_id,
        file_path: `documents/bot_${lastFileId}_${upload.filename.replace(/[^\w.-]/g, "_")}`,
        bytes,
      });
    const media =
      field === "photo"
        ? { photo: [{ ...info, width: 800, height: 600 }] }
        : { document: { ...info, file_name: upload?.filename } };
    const fields = { ...media, ...pick(p, "caption", "caption_entities", "reply_markup"), ...replyTo(chat, p) };
    const message = world.store(chat, world.botFrom, fields);
    world.recordSent(method, message, p);
    return message;
  }

  const handlers: Record<string, Handler> = {
    getMe: () => world.botUser,
    // not a Bot API method: api.telegram.org answers 404. The app asks it before it enables the dashboard's
    // development login (src/app.ts), which must never work against a real Bot API server.
    isDondocEmulator: () => true,

    getUpdates: (p, { signal }) => {
      if (world.webhookUrl) {
        throw new ApiError(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
      }
      const limit = Math.min(100, Math.max(1, int(p, "limit") ?? 100));
      return queue.poll({ offset: int(p, "offset") ?? 0, limit, timeout: int(p, "timeout") ?? 0 }, signal);
    },

    setWebhook: (p) => {
      world.webhookUrl = typeof p.url === "string" ? p.url : "";
      if (p.drop_pending_updates === true) queue.dropPending();
      return true;
    },
    deleteWebhook: (p) => {
      world.webhookUrl = "";
      if (p.drop_pending_updates === true) queue.dropPending();
      return true;
    },
    getWebhookInfo: () => ({
      url: world.webhookUrl,
      has_custom_certificate: false,
      pending_update_count: queue.pendingCount,
    }),

    setMyCommands: (p) => {
      if (!Array.isArray(p.commands)) throw new ApiError(400, 'Bad Request: parameter "commands" is required');
      world.commands.set(commandsKey(p), p.commands);
      return true;
    },
    deleteMyCommands: (p) => {
      world.commands.delete(commandsKey(p));
      return true;
    },
    getMyCommands: (p) => world.commands.get(commandsKey(p)) ?? [],

    sendMessage: (p) => {
      const text = typeof p.text === "string" || typeof p.text === "number" ? String(p.text) : "";
      if (text.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
      const chat = world.chat(p);
      const message = world.store(chat, world.botFrom, {
        text,
        ...pick(p, "entities", "reply_markup"),
        ...replyTo(chat, p),
      });
      world.recordSent("sendMessage", message, p);
      return message;
    },
    sendDocument: (p) => sendFile("sendDocument", "document", p),
    sendPhoto: (p) => sendFile("sendPhoto", "photo", p),

    editMessageText: (p) => {
      const message = editable(p);
      const text = typeof p.text === "string" ? p.text : "";
      if (text.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
      if (message.text === text && same(message.reply_markup, p.reply_markup)) throw new ApiError(400, NOT_MODIFIED);
      // Like Telegram, an edit without reply_markup removes the inline keyboard.
      Object.assign(message, { text, entities: p.entities, reply_markup: p.reply_markup, edit_date: nowSeconds() });
      world.recordSent("editMessageText", message, p, true);
      return message;
    },
    editMessageReplyMarkup: (p) => {
      const message = editable(p);
      if (same(message.reply_markup, p.reply_markup)) throw new ApiError(400, NOT_MODIFIED);
      Object.assign(message, { reply_markup: p.reply_markup, edit_date: nowSeconds() });
      world.recordSent("editMessageReplyMarkup", message, p, true);
      return message;
    },
    deleteMessage: (p) => {
      if (!world.delete(world.chat(p).id, int(p, "message_id") ?? 0)) {
        throw new ApiError(400, "Bad Request: message to delete not found");
      }
      return true;
    },

    answerCallbackQuery: (p) => {
      if (!world.callbackQueryIds.has(String(p.callback_query_id))) {
        throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
      }
      return true;
    },
    sendChatAction: (p) => {
      world.chat(p); // validates chat_id
      return true;
    },

    getFile: (p) => {
      const file = world.files.get(String(p.file_id ?? ""));
      if (!file) throw new ApiError(400, "Bad Request: invalid file_id");
      return {
        file_id: String(p.file_id),
        file_unique_id: file.file_unique_id,
        file_size: file.bytes.length,
        file_path: file.file_path,
      };
    },

    getChat: (p) => world.chat(p),
    getChatMember: (p) => {
      const chat = world.chat(p);
      const userId = int(p, "user_id");
      if (userId === undefined) throw new ApiError(400, "Bad Request: user_id is empty");
      return { user: world.user(userId), ...world.member(chat.id, userId) };
    },
    getChatAdministrators: (p) => {
      const chat = world.chat(p);
      if (chat.type === "private")
        throw new ApiError(400, "Bad Request: there are no administrators in the private chat");
      return world.admins(chat.id).map(({ userId, member }) => ({ user: world.user(userId), ...member }));
    },
    leaveChat: (p) => {
      world.chat(p);
      return true;
    },
  };
  return new Map(Object.entries(handlers));
}
