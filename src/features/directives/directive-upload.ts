// A directive's items sent to the bot as a file in the secretariat's chat, like capital plan files
// (disbursement/plan-upload.ts): a clean file waits as the sender's PendingInput of kind "directive.upload"
// (one hour) for his ✅; ✖ or expiry drops it. The table itself is kept and checked again at ✅, so what is
// written is checked against the register as it is then (an item given meanwhile is not given twice).
import type { Db } from "../../platform/db/client.ts";
import { recordUpdate } from "../../platform/db/audit.ts";
import type { DirectiveImport, DirectiveFile } from "./directive-import.ts";
import type { DirectiveHead } from "./directive-import.ts";

export const DIRECTIVE_UPLOAD_INPUT = "directive.upload";
export const DIRECTIVE_UPLOAD_TTL_MS = 3600_000;

export interface DirectivePreviewView {
  fileName: string;
  head: DirectiveHead;
  /** adds to a directive already in the register */
  existing: boolean;
  items: { number: string; content: string; units: string[] }[];
  tasks: number;
  expiresAt: Date;
}

export type DirectiveStageResult =
  { ok: false; errors: string[] } | { ok: true; pendingId: number; preview: DirectivePreviewView };
export type DirectiveDecideResult =
  | { status: "gone" }
  | { status: "notYours" }
  | { status: "cancelled" }
  | { status: "invalid"; errors: string[] }
  | { status: "applied"; directiveId: number; items: number; tasks: number };

function previewOf(fileName: string, file: DirectiveFile, expiresAt: Date): DirectivePreviewView {
  const items: DirectivePreviewView["items"] = [];
  for (const r of file.rows) {
    let it = items.find((i) => i.number === r.item);
    if (!it) items.push((it = { number: r.item, content: r.content, units: [] }));
    it.units.push(r.unitName);
  }
  return { fileName, head: file.head, existing: file.existingId !== null, items, tasks: file.rows.length, expiresAt };
}

export function createDirectiveUpload({ db, importer }: { db: Db; importer: DirectiveImport }) {
  async function stage(input: {
    chatId: bigint;
    userId: bigint;
    fileName: string;
    table: string[][];
    now: Date;
  }): Promise<DirectiveStageResult> {
    const parsed = await importer.parse(input.table, { now: input.now });
    if (!parsed.ok) return parsed;
    const expiresAt = new Date(input.now.getTime() + DIRECTIVE_UPLOAD_TTL_MS);
    const data = {
      kind: DIRECTIVE_UPLOAD_INPUT,
      payload: JSON.stringify({ fileName: input.fileName, table: input.table }),
      expiresAt,
      createdAt: input.now,
    };
    // a new file replaces the sender's earlier preview: a new id, so the earlier ✅ finds nothing
    const pending = await db.$transaction(async (tx) => {
      await tx.pendingInput.deleteMany({
        where: { chatId: input.chatId, userId: input.userId, kind: DIRECTIVE_UPLOAD_INPUT },
      });
      return tx.pendingInput.create({ data: { chatId: input.chatId, userId: input.userId, ...data } });
    });
    return { ok: true, pendingId: pending.id, preview: previewOf(input.fileName, parsed.file, expiresAt) };
  }

  /** ✅ or ✖ under a preview: only its sender decides; ✅ checks the file again and writes it all or nothing. */
  async function decide(input: {
    pendingId: number;
    userId: bigint;
    apply: boolean;
    actorId: number | null;
    byName: string;
    now: Date;
    updateId?: bigint;
  }): Promise<DirectiveDecideResult> {
    const pending = await db.pendingInput.findUnique({ where: { id: input.pendingId } });
    if (!pending || pending.kind !== DIRECTIVE_UPLOAD_INPUT || pending.expiresAt <= input.now)
      return { status: "gone" };
    if (pending.userId !== input.userId) return { status: "notYours" };
    const { table } = JSON.parse(pending.payload) as { table: string[][] };
    const parsed = input.apply ? await importer.parse(table, { now: input.now }) : null;
    return db.$transaction(
      async (tx) => {
        const gone = await tx.pendingInput.deleteMany({ where: { id: pending.id } });
        if (gone.count === 0) return { status: "gone" as const };
        await recordUpdate(tx, input.updateId);
        if (!parsed) return { status: "cancelled" as const };
        if (!parsed.ok) return { status: "invalid" as const, errors: parsed.errors };
        const r = await importer.applyIn(tx, parsed.file, {
          now: input.now,
          actorId: input.actorId,
          byName: input.byName,
          action: "directive.upload",
        });
        return { status: "applied" as const, ...r };
      },
      { timeout: 120_000, maxWait: 20_000 },
    );
  }

  return { stage, decide };
}

export type DirectiveUpload = ReturnType<typeof createDirectiveUpload>;
