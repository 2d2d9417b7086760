// Writing to the outbox: every message the bot sends on its own is a row, written in the transaction
// of the change that caused it, and sent later by the dispatcher (src/delivery/dispatcher.ts).
import type { Tx } from "../db/client.ts";

export interface OutgoingMessage {
  chatId: bigint;
  text: string;
  kind: string;
  replyMarkup?: unknown;
  reminderId?: number;
  taskId?: number;
  broadcastId?: number;
  notBefore?: Date;
}

export async function enqueue(tx: Tx, messages: OutgoingMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await tx.outboxMessage.createMany({
    data: messages.map((m) => ({
      chatId: m.chatId,
      text: m.text,
      kind: m.kind,
      parseMode: "HTML",
      replyMarkup: m.replyMarkup ? JSON.stringify(m.replyMarkup) : "",
      reminderId: m.reminderId ?? null,
      taskId: m.taskId ?? null,
      broadcastId: m.broadcastId ?? null,
      notBefore: m.notBefore ?? now,
      createdAt: now,
    })),
  });
}
