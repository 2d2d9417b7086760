// What a failed Bot API call means for the message: retry later, re-address, or give up on the chat.
export type SendOutcome =
  | { kind: "retry-after"; ms: number }
  | { kind: "backoff"; reason: string }
  | { kind: "unreachable"; reason: string }
  | { kind: "migrated"; newChatId: bigint }
  | { kind: "unknown"; reason: string }
  | { kind: "rejected"; reason: string };

interface TelegramLikeError {
  response?: {
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number; migrate_to_chat_id?: number };
  };
  code?: unknown;
  name?: string;
  message?: string;
  type?: string;
}

// errors raised before the request reached the server: safe to send again
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export function classifySendError(error: unknown): SendOutcome {
  const e = (error ?? {}) as TelegramLikeError;
  const r = e.response;
  if (r?.error_code !== undefined) {
    const d = r.description ?? "";
    if (r.error_code === 429) return { kind: "retry-after", ms: (r.parameters?.retry_after ?? 1) * 1000 };
    if (r.parameters?.migrate_to_chat_id)
      return { kind: "migrated", newChatId: BigInt(r.parameters.migrate_to_chat_id) };
    if (r.error_code === 403) return { kind: "unreachable", reason: d };
    if (r.error_code === 400 && /chat not found|user not found|deactivated|PEER_ID_INVALID/i.test(d)) {
      return { kind: "unreachable", reason: d };
    }
    if (r.error_code >= 500) return { kind: "backoff", reason: `${r.error_code} ${d}` };
    return { kind: "rejected", reason: `${r.error_code} ${d}` };
  }
  const code = typeof e.code === "string" ? e.code : (e as { errno?: string }).errno;
  if (code && NOT_SENT.has(code)) return { kind: "backoff", reason: code };
  // a timeout or a dropped connection after the request was written: Telegram may have delivered it
  return { kind: "unknown", reason: e.message ?? String(error) };
}
