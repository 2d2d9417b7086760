// Task files (docs/task-files.md) sent to the bot in the secretariat's group: every row is checked like
// `npm run cli -- tasks import`; a clean file's tasks wait as the sender's PendingInput
// (src/platform/db/pending-upload.ts) for his ✅, which gives them all in one transaction (audited and
// announced like /giao), or none.
import type { Db } from "../../platform/db/client.ts";
import {
  pendingUploads,
  type DecideInput,
  type PendingDecision,
  type StageInput,
} from "../../platform/db/pending-upload.ts";
import type { TaskImport, TaskRow } from "./task-import.ts";

export const TASK_UPLOAD_INPUT = "tasks.upload";

export interface TaskPreviewView {
  fileName: string;
  tasks: {
    row: number;
    title: string;
    unitName: string;
    responsibleName: string;
    dueDate: string;
    requiresEvidence: boolean;
    requiresConfirmation: boolean;
  }[];
  expiresAt: Date;
}

export type TaskStageResult =
  { ok: false; errors: string[] } | { ok: true; pendingId: number; preview: TaskPreviewView };

export function createTaskUpload({ db, taskImport }: { db: Db; taskImport: TaskImport }) {
  const uploads = pendingUploads(db, TASK_UPLOAD_INPUT);
  async function stage(input: StageInput & { table: string[][] }): Promise<TaskStageResult> {
    const parsed = await taskImport.parse(input.table, { now: input.now });
    if (!parsed.ok) return parsed;
    const expiresAt = uploads.expiry(input.now);
    const pendingId = await uploads.stage(input, { fileName: input.fileName, rows: parsed.rows }, expiresAt);
    const tasks = parsed.rows.map((r) => ({
      row: r.row,
      title: r.title,
      unitName: r.unitName,
      responsibleName: r.responsibleName,
      dueDate: r.dueDate,
      requiresEvidence: r.requiresEvidence,
      requiresConfirmation: r.requiresConfirmation,
    }));
    return { ok: true, pendingId, preview: { fileName: input.fileName, tasks, expiresAt } };
  }

  async function decide(input: DecideInput): Promise<PendingDecision<{ created: number }>> {
    return uploads.decide(input, async (tx, { rows }: { rows: TaskRow[] }) => {
      const views = await taskImport.applyIn(tx, rows, {
        now: input.now,
        actorId: input.actorId,
        byName: input.actorName,
      });
      return { created: views.length };
    });
  }

  return { stage, decide };
}

export type TaskUpload = ReturnType<typeof createTaskUpload>;
