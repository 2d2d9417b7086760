// Registry files (docs/registry-files.md) sent to the bot in the secretariat's group: the file is checked
// like `npm run cli -- import` and applied in a transaction that is rolled back, so the preview names
// exactly what ✅ will add, change and deactivate; the file's tables then wait as the sender's PendingInput
// (src/platform/db/pending-upload.ts) for his ✅, which checks them again and applies all rows or none.
import type { Db } from "../../platform/db/client.ts";
import {
  pendingUploads,
  type DecideInput,
  type PendingDecision,
  type StageInput,
} from "../../platform/db/pending-upload.ts";
import {
  formatRowError,
  RegistryInputError,
  tablesFromBytes,
  type ChangeEntry,
  type RegistryIo,
  type Table,
} from "./registry-io.ts";

export const REGISTRY_UPLOAD_INPUT = "registry.upload";

export type RegistryEntity = "programme" | "unit" | "official";
export interface RegistryChangeLine {
  entity: RegistryEntity;
  name: string;
}

export interface RegistryPreviewView {
  fileName: string;
  rows: number;
  added: RegistryChangeLine[];
  changed: RegistryChangeLine[];
  deactivated: RegistryChangeLine[];
  expiresAt: Date;
}

export type RegistryStageResult =
  { ok: false; errors: string[] } | { ok: true; pendingId: number | null; preview: RegistryPreviewView };

type Fields = { name?: string; fullName?: string; active?: boolean; officialId?: number } | null;
const parse = (json: string): Fields => (json ? (JSON.parse(json) as Fields) : null);

/** The audit entries of a rolled-back import, as the lines of a preview: one per programme, unit, official. */
async function changeLines(db: Db, entries: ChangeEntry[]) {
  const seen = new Map<string, { line: RegistryChangeLine; how: "added" | "changed" | "deactivated" }>();
  const touchedOfficials = new Set<number>();
  for (const e of entries) {
    const before = parse(e.before);
    const after = parse(e.after);
    const [entity, verb] = e.action.split(".") as [string, string];
    if (entity === "programme" || entity === "unit" || entity === "official") {
      const key = `${entity}:${e.entityId}`;
      const name = after?.name ?? after?.fullName ?? "";
      const how =
        verb === "create" ? "added" : before?.active === true && after?.active === false ? "deactivated" : "changed";
      const had = seen.get(key);
      if (!had || had.how === "changed")
        seen.set(key, { line: { entity, name }, how: had?.how === "added" ? "added" : how });
    } else if (entity === "role" || entity === "responsibility") {
      const id = after?.officialId ?? before?.officialId;
      if (id !== undefined) touchedOfficials.add(id);
    } else if (entity === "deputy") {
      // before: the deputy rows the change closed (as /phutrach writes it); after: the new row or null
      const closed = JSON.parse(e.before || "[]") as { officialId: number }[];
      for (const id of [after?.officialId, ...closed.map((d) => d.officialId)])
        if (id !== undefined) touchedOfficials.add(id);
    }
  }
  // an official whose roles, responsibilities or deputyships alone change is a changed official
  const others = [...touchedOfficials].filter((id) => !seen.has(`official:${id}`));
  const names = await db.official.findMany({ where: { id: { in: others } }, select: { id: true, fullName: true } });
  for (const o of names)
    seen.set(`official:${o.id}`, { line: { entity: "official", name: o.fullName }, how: "changed" });
  const order: Record<RegistryEntity, number> = { programme: 0, unit: 1, official: 2 };
  const of = (how: string) =>
    [...seen.values()]
      .filter((x) => x.how === how)
      .map((x) => x.line)
      .sort((a, b) => order[a.entity] - order[b.entity] || a.name.localeCompare(b.name, "vi"));
  return { added: of("added"), changed: of("changed"), deactivated: of("deactivated") };
}

export function createRegistryUpload({ db, registryIo }: { db: Db; registryIo: RegistryIo }) {
  const uploads = pendingUploads(db, REGISTRY_UPLOAD_INPUT);
  /** Checks a registry file's bytes; a file that changes something waits for the sender's ✅. */
  async function stage(input: StageInput & { format: "csv" | "xlsx"; bytes: Buffer }): Promise<RegistryStageResult> {
    let tables: Table[];
    try {
      tables = await tablesFromBytes(input.bytes, input.format, input.fileName);
    } catch (error) {
      if (error instanceof RegistryInputError) return { ok: false, errors: [error.message] };
      throw error;
    }
    const r = await registryIo.previewTables(tables, { now: input.now, actorId: input.actorId });
    if (r.errors.length > 0) return { ok: false, errors: r.errors.map(formatRowError) };
    const expiresAt = uploads.expiry(input.now);
    const rows = tables.reduce((n, t) => n + t.rows.length, 0);
    const preview = {
      fileName: input.fileName,
      rows,
      ...(await changeLines(db, "entries" in r ? r.entries : [])),
      expiresAt,
    };
    if (preview.added.length + preview.changed.length + preview.deactivated.length === 0)
      return { ok: true, pendingId: null, preview };
    const pendingId = await uploads.stage(input, { fileName: input.fileName, tables }, expiresAt);
    return { ok: true, pendingId, preview };
  }

  /** ✅ or ✖: only the sender decides; ✅ checks the file again and applies all of it or nothing. */
  async function decide(input: DecideInput): Promise<PendingDecision<{ errors: string[]; changes: number }>> {
    return uploads.decide(input, async (tx, { tables }: { tables: Table[] }) => {
      const r = await registryIo.importTablesIn(tx, tables, { now: input.now, actorId: input.actorId });
      return { errors: r.errors.map(formatRowError), changes: r.changes };
    });
  }

  return { stage, decide };
}

export type RegistryUpload = ReturnType<typeof createRegistryUpload>;
