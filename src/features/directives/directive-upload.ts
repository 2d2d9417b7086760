// A directive's items sent to the bot as a file in the secretariat's chat, through the one file flow
// (src/platform/telegram/file-upload.ts, src/platform/db/pending-upload.ts): a clean file waits as the sender's
// PendingInput of kind "directive.upload" for his ✅; ✖ or expiry drops it. The table itself is kept and checked
// again at ✅, so what is written is checked against the register as it is then (an item given meanwhile is not
// given twice).
import type { Db } from "../../platform/db/client.ts";
import {
  pendingUploads,
  type DecideInput,
  type PendingDecision,
  type StageInput,
} from "../../platform/db/pending-upload.ts";
import type { DirectiveImport, DirectiveFile } from "./directive-import.ts";
import type { DirectiveHead } from "./directive-file.ts";

export const DIRECTIVE_UPLOAD_INPUT = "directive.upload";

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
/** what ✅ wrote, or the file's errors when it no longer passes against the register as it is now */
export type DirectiveApplied = { errors: string[]; directiveId: number; items: number; tasks: number };

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
  const uploads = pendingUploads(db, DIRECTIVE_UPLOAD_INPUT);

  async function stage(input: StageInput & { table: string[][] }): Promise<DirectiveStageResult> {
    const parsed = await importer.parse(input.table, { now: input.now });
    if (!parsed.ok) return parsed;
    const expiresAt = uploads.expiry(input.now);
    const pendingId = await uploads.stage(input, { table: input.table }, expiresAt);
    return { ok: true, pendingId, preview: previewOf(input.fileName, parsed.file, expiresAt) };
  }

  /** ✅ or ✖ under a preview: only its sender decides; ✅ checks the file again and writes it all or nothing. */
  async function decide(input: DecideInput): Promise<PendingDecision<DirectiveApplied>> {
    // the check reads the register outside the decision's transaction (it may take a while on a long file)
    const pending = input.apply ? await db.pendingInput.findUnique({ where: { id: input.pendingId } }) : null;
    const table =
      pending?.kind === DIRECTIVE_UPLOAD_INPUT ? (JSON.parse(pending.payload) as { table: string[][] }).table : [];
    const parsed = input.apply ? await importer.parse(table, { now: input.now }) : null;
    return uploads.decide(input, async (tx) => {
      if (!parsed || !parsed.ok)
        return { errors: parsed?.ok === false ? parsed.errors : [], directiveId: 0, items: 0, tasks: 0 };
      const r = await importer.applyIn(tx, parsed.file, {
        now: input.now,
        actorId: input.actorId,
        byName: input.actorName,
        action: "directive.upload",
      });
      return { errors: [], ...r };
    });
  }

  return { stage, decide };
}

export type DirectiveUpload = ReturnType<typeof createDirectiveUpload>;
