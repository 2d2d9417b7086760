// The registry as files: programmes, units and officials (with their roles and responsibilities) imported from and
// exported to CSV or XLSX with Vietnamese column headers (docs/registry-files.md), and the audit log
// exported. An import validates every row first (zod), then applies all rows or none in one
// transaction, with an audit entry (before/after) for every change. Exporting then importing changes
// nothing. The parts live in ./registry-io/; this file composes them into the service.
import type { Db, Tx } from "../../platform/db/client.ts";
import { applyPlans, type ChangeContext } from "./registry-io/apply.ts";
import { exportAudit, exportFile } from "./registry-io/export.ts";
import { readTables, type Table } from "./registry-io/files.ts";
import type { RowError, TableKind } from "./registry-io/labels.ts";
import { validateTables } from "./registry-io/validate.ts";

export {
  applyOfficial,
  applyProgramme,
  applyProgrammeOffice,
  type ChangeContext,
  type OfficialPatch,
} from "./registry-io/apply.ts";
export {
  list,
  parseLanguage,
  parseRole,
  parseTelegramId,
  parseUnitKind,
  parseYesNo,
  splitScope,
} from "./registry-io/cells.ts";
export { formatLocalDateTime } from "./registry-io/export.ts";
export { readTables, tableKind, tablesFromBytes, writeTables, type Table, type TableRow } from "./registry-io/files.ts";
export { programmeClash, programmeCode } from "./registry-io/rows.ts";
export {
  AUDIT_COLUMNS,
  formatRowError,
  OFFICIAL_COLUMNS,
  OFFICIAL_IMPORT_COLUMNS,
  PROGRAMME_COLUMNS,
  RegistryInputError,
  ROLE_LABELS,
  SHEET_NAMES,
  UNIT_COLUMNS,
  UNIT_KIND_LABELS,
  WHOLE_PROVINCE,
  type RowError,
  type TableKind,
} from "./registry-io/labels.ts";

export interface ImportResult {
  /** true when the changes were written (false on errors or a dry run) */
  applied: boolean;
  dryRun: boolean;
  errors: RowError[];
  rows: { programmes: number; units: number; officials: number };
  /** number of audit entries (= changes) by action, e.g. { "official.update": 2 } */
  changes: Record<string, number>;
}

class DryRunRollback extends Error {}

/** One change a file would make, as its audit entry says it (before/after as written, JSON). */
export interface ChangeEntry {
  action: string;
  entity: string;
  entityId: string;
  before: string;
  after: string;
}

/** What a file would change: its row errors, or the audit entries applying it would write. */
export type FilePreview = { errors: RowError[] } | { errors: []; entries: ChangeEntry[] };

export function createRegistryIo({ db }: { db: Db }) {
  /** Imports tables already read: validates all rows, then applies all or none. */
  async function importTables(tables: Table[], opts: ChangeContext & { dryRun?: boolean }): Promise<ImportResult> {
    const dryRun = opts.dryRun ?? false;
    const { errors, ...plans } = await validateTables(db, tables, opts.now);
    const rows = {
      programmes: tables.filter((t) => t.kind === "programmes").reduce((n, t) => n + t.rows.length, 0),
      units: tables.filter((t) => t.kind === "units").reduce((n, t) => n + t.rows.length, 0),
      officials: tables.filter((t) => t.kind === "officials").reduce((n, t) => n + t.rows.length, 0),
    };
    if (errors.length > 0) return { applied: false, dryRun, errors, rows, changes: {} };
    let actions: string[] = [];
    try {
      await db.$transaction(
        async (tx) => {
          actions = await applyPlans(tx, plans, opts);
          if (dryRun) throw new DryRunRollback();
        },
        { timeout: 120_000, maxWait: 20_000 },
      );
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    const changes: Record<string, number> = {};
    for (const a of actions) changes[a] = (changes[a] ?? 0) + 1;
    return { applied: !dryRun, dryRun, errors: [], rows, changes };
  }

  /**
   * What importing the tables would change, without changing anything: the file is applied in a
   * transaction that is rolled back after its audit entries were read.
   */
  async function previewTables(tables: Table[], opts: ChangeContext): Promise<FilePreview> {
    const { errors, ...plans } = await validateTables(db, tables, opts.now);
    if (errors.length > 0) return { errors };
    let entries: ChangeEntry[] = [];
    try {
      await db.$transaction(
        async (tx) => {
          const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
          await applyPlans(tx, plans, opts);
          entries = await tx.auditLog.findMany({
            where: { id: { gt: last?.id ?? 0 } },
            orderBy: { id: "asc" },
            select: { action: true, entity: true, entityId: true, before: true, after: true },
          });
          throw new DryRunRollback();
        },
        { timeout: 120_000, maxWait: 20_000 },
      );
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    return { errors: [], entries };
  }

  /** Imports tables in the caller's transaction: validated again there, then every row or none. */
  async function importTablesIn(
    tx: Tx,
    tables: Table[],
    opts: ChangeContext,
  ): Promise<{ errors: RowError[]; changes: number }> {
    const { errors, ...plans } = await validateTables(tx, tables, opts.now);
    if (errors.length > 0) return { errors, changes: 0 };
    return { errors: [], changes: (await applyPlans(tx, plans, opts)).length };
  }

  async function importFile(path: string, opts: ChangeContext & { dryRun?: boolean }): Promise<ImportResult> {
    return importTables(await readTables(path), opts);
  }

  return {
    readTables,
    importTables,
    previewTables,
    importTablesIn,
    importFile,
    /** Exports programmes, units and/or officials; a CSV file holds one kind (officials unless told). */
    exportFile: (path: string, opts: { kind?: TableKind; now: Date }) => exportFile(db, path, opts),
    /** Exports the audit log (oldest first), from `since` on when given. */
    exportAudit: (path: string, opts: { since?: Date } = {}) => exportAudit(db, path, opts),
  };
}

export type RegistryIo = ReturnType<typeof createRegistryIo>;
