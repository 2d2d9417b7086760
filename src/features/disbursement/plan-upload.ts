// Capital plans sent to the bot as a file: the file is parsed and checked like `import-plans`
// (plan-import.ts); the new and changed plans of a clean file wait, as the sender's PendingInput of kind "plan.upload"
// in that chat (one hour; a pending obstacle reason of his is another row and is left alone), for his ✅ — then
// all rows are written in one transaction with their audit entries; ✖ or expiry drops them
// (src/platform/db/pending-upload.ts).
import type { Db } from "../../platform/db/client.ts";
import type { PlanChangeLine, PlanPreviewView } from "./plan-upload-messages.ts";
import { applyPlanRows, createPlanImport, type PlanRow } from "./plan-import.ts";
import {
  pendingUploads,
  type DecideInput,
  type PendingDecision,
  type StageInput,
} from "../../platform/db/pending-upload.ts";

export const PLAN_UPLOAD_INPUT = "plan.upload";

type StoredRow = Omit<PlanRow, "amountVnd"> & { amountVnd: string };

export type StageResult =
  { ok: false; errors: string[] } | { ok: true; pendingId: number | null; preview: PlanPreviewView };
export type DecideResult = PendingDecision<{ created: number; updated: number }>;

export function createPlanUpload({ db }: { db: Db }) {
  const uploads = pendingUploads(db, PLAN_UPLOAD_INPUT);
  const importer = createPlanImport({ db });

  /** Checks the file's table; a clean one is kept for the sender's confirmation, with a preview of the changes. */
  async function stage(input: StageInput & { table: string[][] }): Promise<StageResult> {
    const parsed = await importer.parse(input.table);
    if (!parsed.ok) return parsed;
    const rows = parsed.rows;
    const existing = await db.capitalPlan.findMany({
      where: {
        OR: rows.map((r) => ({
          unitId: r.unitId,
          programmeId: r.programmeId,
          year: r.year,
          source: r.source,
          kind: r.kind,
        })),
      },
    });
    const key = (p: { unitId: number; programmeId: number; year: number; source: string; kind: string }) =>
      `${p.unitId}|${p.programmeId}|${p.year}|${p.source}|${p.kind}`;
    const before = new Map(existing.map((p) => [key(p), p]));
    const changes: PlanChangeLine[] = [];
    const toWrite: PlanRow[] = [];
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      const b = before.get(key(r));
      const line = {
        unitName: r.unitName,
        programmeCode: r.programmeCode,
        year: r.year,
        source: r.source,
        kind: r.kind,
        afterVnd: r.amountVnd,
      };
      if (!b) {
        created++;
        toWrite.push(r);
        changes.push({ ...line, beforeVnd: null, decisionOnly: false });
      } else if (
        b.amountVnd !== r.amountVnd ||
        b.decisionNo !== r.decisionNo ||
        (b.decisionDate ?? null) !== r.decisionDate
      ) {
        updated++;
        toWrite.push(r);
        changes.push({ ...line, beforeVnd: b.amountVnd, decisionOnly: b.amountVnd === r.amountVnd });
      }
    }
    changes.sort(
      (a, b) =>
        a.unitName.localeCompare(b.unitName, "vi") || a.programmeCode.localeCompare(b.programmeCode) || a.year - b.year,
    );
    const expiresAt = uploads.expiry(input.now);
    const preview = {
      fileName: input.fileName,
      rows: rows.length,
      changes,
      created,
      updated,
      unchanged: rows.length - created - updated,
      expiresAt,
    };
    // nothing would change: nothing to confirm
    if (toWrite.length === 0) return { ok: true, pendingId: null, preview };
    // only new and changed plans are kept and written (an unchanged plan gets no audit entry)
    const pendingId = await uploads.stage(input, { fileName: input.fileName, rows: toWrite }, expiresAt);
    return { ok: true, pendingId, preview };
  }

  /** ✅ or ✖ on a preview: only its sender decides; ✅ writes every row in one transaction. */
  async function decide(input: DecideInput): Promise<DecideResult> {
    return uploads.decide(input, (tx, { rows }: { rows: StoredRow[] }) =>
      applyPlanRows(
        tx,
        rows.map((x) => ({ ...x, amountVnd: BigInt(x.amountVnd) })),
        { now: input.now, actorId: input.actorId },
      ),
    );
  }

  return { stage, decide };
}

export type PlanUpload = ReturnType<typeof createPlanUpload>;
