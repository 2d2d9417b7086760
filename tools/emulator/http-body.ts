// Reads a Bot API request into one flat payload: query string, then the body (JSON,
// urlencoded or multipart/form-data). Form values arrive as strings; the fields below are
// turned back into numbers, booleans and objects so payloads look the same whatever the encoding.
import type { IncomingMessage } from "node:http";
import { ApiError, type Payload } from "./types.ts";

const TYPED_FIELDS = new Set([
  "chat_id",
  "from_chat_id",
  "message_id",
  "message_thread_id",
  "reply_to_message_id",
  "user_id",
  "offset",
  "limit",
  "timeout",
  "cache_time",
  "until_date",
  "max_connections",
  "reply_markup",
  "reply_parameters",
  "entities",
  "caption_entities",
  "link_preview_options",
  "commands",
  "scope",
  "allowed_updates",
  "disable_notification",
  "protect_content",
  "show_alert",
  "drop_pending_updates",
  "disable_web_page_preview",
  "allow_sending_without_reply",
  "has_spoiler",
  "revoke_messages",
]);

/** An uploaded file, as recorded in place of its bytes. */
export interface UploadedFile {
  filename: string;
  size: number;
}

/**
 * The bytes of an uploaded file: kept beside the record (not one of its fields, so recorded payloads stay
 * small and compare as before), for the file to be served again by getFile as Telegram serves a bot's own files.
 */
const uploadedBytes = new WeakMap<UploadedFile, Buffer>();
export const bytesOf = (file: UploadedFile): Buffer | undefined => uploadedBytes.get(file);

export async function readPayload(req: IncomingMessage, url: URL): Promise<Payload> {
  const payload: Payload = {};
  for (const [key, value] of url.searchParams) payload[key] = typed(key, value);

  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return payload;

  const contentType = req.headers["content-type"] ?? "";
  if (contentType.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw new ApiError(400, "Bad Request: can't parse JSON object");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new ApiError(400, "Bad Request: JSON object expected");
    }
    return Object.assign(payload, parsed);
  }
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) payload[key] = typed(key, value);
    return payload;
  }
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.startsWith("multipart/form-data") && boundary) {
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename === undefined) {
        payload[part.name] = typed(part.name, part.data.toString("utf8"));
        continue;
      }
      const file: UploadedFile = { filename: part.filename, size: part.data.length };
      uploadedBytes.set(file, Buffer.from(part.data));
      payload[part.name] = file;
    }
    return payload;
  }
  throw new ApiError(400, `Bad Request: unsupported content type "${contentType}"`);
}

function typed(key: string, value: string): unknown {
  if (!TYPED_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value; // e.g. chat_id "@channelname"
  }
}

interface Part {
  name: string;
  filename?: string;
  data: Buffer;
}

/** Minimal multipart/form-data parser: enough for telegraf's uploads (no nested parts). */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const data = Buffer.concat([Buffer.from("\r\n"), body]);
  const parts: Part[] = [];
  let start = data.indexOf(delimiter);
  while (start !== -1) {
    const from = start + delimiter.length;
    if (data.subarray(from, from + 2).toString() === "--") break; // closing delimiter
    const end = data.indexOf(delimiter, from);
    if (end === -1) break;
    const lineEnd = data.indexOf("\r\n", from);
    const headerEnd = data.indexOf("\r\n\r\n", lineEnd);
    if (lineEnd !== -1 && headerEnd !== -1 && headerEnd < end) {
      const headers = data.subarray(lineEnd + 2, headerEnd).toString("utf8");
      const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? "";
      const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
      const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
      if (name !== undefined) parts.push({ name, filename, data: data.subarray(headerEnd + 4, end) });
    }
    start = end;
  }
  return parts;
}
