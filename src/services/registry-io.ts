// The registry as files: units and officials (with their roles and responsibilities) imported from and
// exported to CSV or XLSX with Vietnamese column headers (docs/registry-files.md), and the audit log
// exported. An import validates every row first (zod), then applies all rows or none in one
// transaction, with an audit entry (before/after) for every change. Exporting then importing changes
// nothing.
import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Db, Role, Tx, UnitKind } from "../db/client.ts";
import { parseCsv, toCsv } from "../domain/csv.ts";
import { formatDmy, localDate, localMinutes } from "../domain/dates.ts";
import { foldVietnamese, matchByName } from "../domain/text.ts";
import { audit } from "./audit.ts";

/** A problem with the operator's input; the message is Vietnamese and shown as is. */
export class RegistryInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegistryInputError";
  }
}

export type TableKind = "units" | "officials";

export const UNIT_COLUMNS = {
  code: "Mã đơn vị",
  name: "Tên đơn vị",
  kind: "Loại",
  parent: "Đơn vị cấp trên",
  active: "Đang hoạt động",
} as const;

export const OFFICIAL_COLUMNS = {
  id: "Mã cán bộ",
  name: "Họ và tên",
  title: "Chức vụ",
  unit: "Đơn vị",
  roles: "Vai trò",
  programmes: "Chương trình",
  projects: "Dự án",
  telegramId: "Telegram ID",
  language: "Ngôn ngữ",
  active: "Đang hoạt động",
} as const;

export const SHEET_NAMES: Record<TableKind, string> = { units: "Đơn vị", officials: "Cán bộ" };

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  PROVINCE: "Tỉnh",
  DISTRICT: "Huyện",
  COMMUNE: "Xã",
  DEPARTMENT: "Sở",
  OFFICE: "Văn phòng",
};

export const ROLE_LABELS: Record<Role, string> = {
  SECRETARIAT: "Văn phòng điều phối",
  SUPERVISOR: "Giám sát",
  CHAIRMAN: "Chủ tịch",
  PARTY_SECRETARY: "Bí thư",
  RESPONSIBLE: "Phụ trách",
  DEPARTMENT_FOCAL: "Đầu mối sở",
};

/** The scope written for a role that covers the whole province. */
export const WHOLE_PROVINCE = "Toàn tỉnh";
const YES = "Có";
const NO = "Không";

// ---------- cells ----------

function fromLabel<K extends string>(labels: Record<K, string>, text: string): K | null {
  const f = foldVietnamese(text).replace(/[_-]/g, " ");
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    if (f === foldVietnamese(label) || f === foldVietnamese(key.replace(/_/g, " "))) return key;
  }
  return null;
}

export function parseRole(text: string): Role | null {
  return fromLabel(ROLE_LABELS, text);
}

export function parseUnitKind(text: string): UnitKind | null {
  return fromLabel(UNIT_KIND_LABELS, text);
}

/** "Có"/"Không" (also x, 1/0, yes/no, true/false); "" → undefined (keep). */
export function parseYesNo(text: string): boolean | null | undefined {
  const f = foldVietnamese(text);
  if (f === "") return undefined;
  if (["co", "x", "1", "yes", "true", "dang hoat dong"].includes(f)) return true;
  if (["khong", "0", "no", "false", "ngung"].includes(f)) return false;
  return null;
}

/** "vi"/"en" (also "Tiếng Việt", "English"); "" → undefined (keep). */
export function parseLanguage(text: string): "vi" | "en" | null | undefined {
  const f = foldVietnamese(text);
  if (f === "") return undefined;
  if (["vi", "tieng viet", "vietnamese"].includes(f)) return "vi";
  if (["en", "tieng anh", "english"].includes(f)) return "en";
  return null;
}

/** A Telegram user id: digits only; "" → undefined (keep). */
export function parseTelegramId(text: string): bigint | null | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  return /^[1-9]\d{0,15}$/.test(t) ? BigInt(t) : null;
}

/** "Giám sát (Nam Trà My)" → { value: "Giám sát", scope: "Nam Trà My" }; no parentheses → scope undefined. */
export function splitScope(item: string): { value: string; scope: string | undefined } {
  const t = item.trim();
  const open = t.lastIndexOf("(");
  if (t.endsWith(")") && open > 0) return { value: t.slice(0, open).trim(), scope: t.slice(open + 1, -1).trim() };
  return { value: t, scope: undefined };
}

const list = (text: string) =>
  text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

// ---------- tables ----------

export interface TableRow {
  rowNo: number;
  /** by column key; a column missing from the file is absent here */
  cells: Record<string, string>;
}

export interface Table {
  kind: TableKind;
  /** the sheet's name in an XLSX file; "" for a CSV file */
  sheet: string;
  rows: TableRow[];
}

function columnKeys(kind: TableKind): Record<string, string> {
  const cols = kind === "units" ? UNIT_COLUMNS : OFFICIAL_COLUMNS;
  return Object.fromEntries(Object.entries(cols).map(([key, header]) => [foldVietnamese(header), key]));
}

function toTable(sheet: string, raw: { rowNo: number; cells: string[] }[]): Table | null {
  const header = raw[0];
  if (!header) return null;
  const folded = header.cells.map((h) => foldVietnamese(h));
  const kind: TableKind | null = folded.includes(foldVietnamese(OFFICIAL_COLUMNS.name))
    ? "officials"
    : folded.includes(foldVietnamese(UNIT_COLUMNS.code)) && folded.includes(foldVietnamese(UNIT_COLUMNS.name))
      ? "units"
      : null;
  if (!kind) return null;
  const keys = columnKeys(kind);
  const index = folded.map((h) => keys[h]);
  const required = kind === "units" ? [UNIT_COLUMNS.code, UNIT_COLUMNS.name, UNIT_COLUMNS.kind] : [OFFICIAL_COLUMNS.name, OFFICIAL_COLUMNS.unit];
  const missing = required.filter((h) => !folded.includes(foldVietnamese(h)));
  if (missing.length > 0) {
    throw new RegistryInputError(`${where(sheet, header.rowNo)}thiếu cột ${missing.map((m) => `«${m}»`).join(", ")}.`);
  }
  const rows: TableRow[] = [];
  for (const r of raw.slice(1)) {
    if (r.cells.every((c) => c.trim() === "")) continue;
    const cells: Record<string, string> = {};
    index.forEach((key, i) => {
      if (key) cells[key] = (r.cells[i] ?? "").trim();
    });
    rows.push({ rowNo: r.rowNo, cells });
  }
  return { kind, sheet, rows };
}

const UNRECOGNISED =
  `không nhận ra bảng: cần cột «${OFFICIAL_COLUMNS.name}» (danh sách cán bộ) ` +
  `hoặc «${UNIT_COLUMNS.code}» và «${UNIT_COLUMNS.name}» (danh sách đơn vị) ở dòng đầu.`;

function fileFormat(path: string): "csv" | "xlsx" {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".xlsx") return "xlsx";
  throw new RegistryInputError(`Tệp «${path}»: chỉ nhận tệp .csv hoặc .xlsx.`);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "boolean") return v ? YES : NO;
  return cell.text ?? "";
}

/** Reads the tables of a CSV file (one table) or an XLSX file (one per recognised sheet). */
export async function readTables(path: string): Promise<Table[]> {
  const format = fileFormat(path);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    throw new RegistryInputError(`Không đọc được tệp «${path}».`);
  }
  if (format === "csv") {
    const raw = parseCsv(data.toString("utf8")).map((cells, i) => ({ rowNo: i + 1, cells }));
    const table = toTable("", raw);
    if (!table) throw new RegistryInputError(`Tệp «${path}»: ${UNRECOGNISED}`);
    return [table];
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new RegistryInputError(`Tệp «${path}» không phải tệp Excel (.xlsx) hợp lệ.`);
  }
  const tables: Table[] = [];
  for (const ws of wb.worksheets) {
    const raw: { rowNo: number; cells: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c)));
      raw.push({ rowNo, cells });
    });
    const table = toTable(ws.name, raw);
    if (table) tables.push(table);
  }
  if (tables.length === 0) throw new RegistryInputError(`Tệp «${path}»: ${UNRECOGNISED}`);
  // units first: officials may name units created by the same file
  return tables.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "units" ? -1 : 1));
}

/** Writes tables as CSV (exactly one table) or XLSX (one sheet per table). */
export async function writeTables(path: string, tables: { kind: TableKind; header: string[]; rows: string[][] }[]): Promise<void> {
  if (fileFormat(path) === "csv") {
    if (tables.length !== 1) throw new RegistryInputError("Một tệp CSV chỉ chứa một bảng: chọn --kind units hoặc --kind officials.");
    const t = tables[0]!;
    writeFileSync(path, toCsv([t.header, ...t.rows]));
    return;
  }
  const wb = new ExcelJS.Workbook();
  for (const t of tables) {
    const ws = wb.addWorksheet(SHEET_NAMES[t.kind]);
    ws.addRow(t.header).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      const longest = Math.max(...[t.header, ...t.rows].map((r) => (r[i] ?? "").length));
      col.width = Math.min(60, Math.max(10, longest + 2));
    });
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  await wb.xlsx.writeFile(path);
}

// ---------- validation ----------

export interface RowError {
  sheet: string;
  rowNo: number;
  message: string;
}

function where(sheet: string, rowNo: number): string {
  return sheet ? `Trang «${sheet}», dòng ${rowNo}: ` : `Dòng ${rowNo}: `;
}

export function formatRowError(e: RowError): string {
  return `${where(e.sheet, e.rowNo)}${e.message}`;
}

const text = z.string().trim();
const optionalCell = z.string().trim().optional();

const unitRowSchema = z.object({
  code: text.min(1, "thiếu mã đơn vị").regex(/^[A-Za-z0-9_.-]+$/, "mã đơn vị chỉ gồm chữ không dấu, số và _ . -"),
  name: text.min(1, "thiếu tên đơn vị"),
  kind: text.transform((v, ctx) => {
    const k = parseUnitKind(v);
    if (k) return k;
    ctx.addIssue({
      code: "custom",
      message: `loại đơn vị «${v}» không hợp lệ (${Object.values(UNIT_KIND_LABELS).join(", ")})`,
    });
    return z.NEVER;
  }),
  parent: optionalCell,
  active: optionalCell.transform((v, ctx) => {
    const b = parseYesNo(v ?? "");
    if (b === null) ctx.addIssue({ code: "custom", message: `«${UNIT_COLUMNS.active}» phải là «${YES}» hoặc «${NO}» (gặp «${v}»)` });
    return b ?? undefined;
  }),
});

const officialRowSchema = z.object({
  id: optionalCell.transform((v, ctx) => {
    if (!v) return undefined;
    if (/^\d+$/.test(v)) return Number(v);
    ctx.addIssue({ code: "custom", message: `mã cán bộ «${v}» không hợp lệ (phải là số)` });
    return z.NEVER;
  }),
  name: text.min(1, "thiếu họ và tên"),
  title: optionalCell,
  unit: text,
  roles: optionalCell.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const out: { role: Role; scope: string | undefined }[] = [];
    for (const item of list(v)) {
      const { value, scope } = splitScope(item);
      const role = parseRole(value);
      if (role) out.push({ role, scope });
      else ctx.addIssue({ code: "custom", message: `vai trò «${value}» không hợp lệ (${Object.values(ROLE_LABELS).join(", ")})` });
    }
    return out;
  }),
  programmes: optionalCell,
  projects: optionalCell,
  telegramId: optionalCell.transform((v, ctx) => {
    const id = parseTelegramId(v ?? "");
    if (id === null) ctx.addIssue({ code: "custom", message: `Telegram ID «${v}» không hợp lệ (chỉ gồm chữ số)` });
    return id ?? undefined;
  }),
  language: optionalCell.transform((v, ctx) => {
    const l = parseLanguage(v ?? "");
    if (l === null) ctx.addIssue({ code: "custom", message: `ngôn ngữ «${v}» không hợp lệ (vi hoặc en)` });
    return l ?? undefined;
  }),
  active: optionalCell.transform((v, ctx) => {
    const b = parseYesNo(v ?? "");
    if (b === null) ctx.addIssue({ code: "custom", message: `«${OFFICIAL_COLUMNS.active}» phải là «${YES}» hoặc «${NO}» (gặp «${v}»)` });
    return b ?? undefined;
  }),
});

interface NamedRef {
  code: string;
  name: string;
}

/** Finds a unit or programme by code or name (case- and diacritics-insensitive); a message on failure. */
function resolveRef<T extends NamedRef>(query: string, items: readonly T[], what: string): T | string {
  const m = matchByName(query, items, (x) => [x.code, x.name]);
  if (m.kind === "one") return m.item;
  if (m.kind === "many") return `${what} «${query}» trùng với nhiều ${what}: ${m.candidates.map((c) => c.name).join(", ")}`;
  return `không tìm thấy ${what} «${query}»`;
}

interface UnitPlan {
  rowNo: number;
  sheet: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null | undefined;
  active: boolean | undefined;
}

interface OfficialPlan {
  rowNo: number;
  sheet: string;
  id: number | null;
  fullName: string;
  title: string | undefined;
  unitCode: string | null;
  roles: { role: Role; unitCode: string | null }[] | undefined;
  responsibilities: { unitCode: string; programmeCode: string; project: string }[] | undefined;
  telegramUserId: bigint | undefined;
  language: "vi" | "en" | undefined;
  active: boolean | undefined;
}

// ---------- applying ----------

export interface OfficialPatch {
  fullName?: string;
  title?: string;
  unitId?: number | null;
  telegramUserId?: bigint | null;
  language?: string;
  active?: boolean;
  /** the complete set of current roles (replaces); undefined keeps them */
  roles?: { role: Role; unitId: number | null }[];
  /** the complete set of current responsibilities (replaces); undefined keeps them */
  responsibilities?: { unitId: number; programmeId: number; project: string }[];
}

export interface ChangeContext {
  now: Date;
  actorId?: number | null;
}

const officialFields = (o: {
  id: number;
  fullName: string;
  title: string;
  unitId: number | null;
  telegramUserId: bigint | null;
  language: string;
  active: boolean;
}) => ({
  id: o.id,
  fullName: o.fullName,
  title: o.title,
  unitId: o.unitId,
  telegramUserId: o.telegramUserId,
  language: o.language,
  active: o.active,
});

const current = (now: Date) => ({ OR: [{ validTo: null }, { validTo: { gt: now } }] });

/**
 * Creates (id null) or updates an official so that he matches the patch, ending and granting roles and
 * responsibilities as needed; one audit entry per change. Returns the official's id and the actions done.
 */
export async function applyOfficial(
  tx: Tx,
  id: number | null,
  patch: OfficialPatch,
  ctx: ChangeContext,
): Promise<{ id: number; actions: string[] }> {
  const actions: string[] = [];
  const log = async (action: string, entity: string, entityId: number, before: unknown, after: unknown) => {
    await audit(tx, { at: ctx.now, actorId: ctx.actorId ?? null, action, entity, entityId, before, after });
    actions.push(action);
  };
  let officialId: number;
  if (id === null) {
    const fullName = patch.fullName ?? "";
    const created = await tx.official.create({
      data: {
        fullName,
        nameKey: foldVietnamese(fullName),
        title: patch.title ?? "",
        unitId: patch.unitId ?? null,
        telegramUserId: patch.telegramUserId ?? null,
        language: patch.language ?? "vi",
        active: patch.active ?? true,
      },
    });
    officialId = created.id;
    await log("official.create", "Official", created.id, undefined, officialFields(created));
  } else {
    const before = await tx.official.findUniqueOrThrow({ where: { id } });
    officialId = id;
    const data: Record<string, unknown> = {};
    if (patch.fullName !== undefined && patch.fullName !== before.fullName) {
      data.fullName = patch.fullName;
      data.nameKey = foldVietnamese(patch.fullName);
    }
    if (patch.title !== undefined && patch.title !== before.title) data.title = patch.title;
    if (patch.unitId !== undefined && patch.unitId !== before.unitId) data.unitId = patch.unitId;
    if (patch.telegramUserId !== undefined && patch.telegramUserId !== before.telegramUserId) data.telegramUserId = patch.telegramUserId;
    if (patch.language !== undefined && patch.language !== before.language) data.language = patch.language;
    if (patch.active !== undefined && patch.active !== before.active) data.active = patch.active;
    if (Object.keys(data).length > 0) {
      const after = await tx.official.update({ where: { id }, data });
      await log("official.update", "Official", id, officialFields(before), officialFields(after));
    }
  }

  if (patch.roles !== undefined) {
    const key = (r: { role: Role; unitId: number | null }) => `${r.role}:${r.unitId ?? ""}`;
    const existing = await tx.roleAssignment.findMany({ where: { officialId, ...current(ctx.now) }, orderBy: { id: "asc" } });
    const wanted = new Map(patch.roles.map((r) => [key(r), r]));
    const have = new Set<string>();
    for (const r of existing) {
      if (wanted.has(key(r)) && !have.has(key(r))) {
        have.add(key(r));
        continue;
      }
      const after = await tx.roleAssignment.update({ where: { id: r.id }, data: { validTo: ctx.now } });
      await log("role.end", "RoleAssignment", r.id, r, after);
    }
    for (const [k, r] of wanted) {
      if (have.has(k)) continue;
      const created = await tx.roleAssignment.create({ data: { officialId, role: r.role, unitId: r.unitId, validFrom: ctx.now } });
      await log("role.grant", "RoleAssignment", created.id, undefined, created);
    }
  }

  if (patch.responsibilities !== undefined) {
    const key = (r: { unitId: number; programmeId: number; project: string }) => `${r.unitId}:${r.programmeId}:${r.project}`;
    const existing = await tx.responsibility.findMany({ where: { officialId, ...current(ctx.now) }, orderBy: { id: "asc" } });
    const wanted = new Map(patch.responsibilities.map((r) => [key(r), r]));
    const have = new Set<string>();
    for (const r of existing) {
      if (wanted.has(key(r)) && !have.has(key(r))) {
        have.add(key(r));
        continue;
      }
      const after = await tx.responsibility.update({ where: { id: r.id }, data: { validTo: ctx.now } });
      await log("responsibility.end", "Responsibility", r.id, r, after);
    }
    for (const [k, r] of wanted) {
      if (have.has(k)) continue;
      const created = await tx.responsibility.create({ data: { officialId, ...r, validFrom: ctx.now } });
      await log("responsibility.create", "Responsibility", created.id, undefined, created);
    }
  }
  return { id: officialId, actions };
}

// ---------- the service ----------

export interface ImportResult {
  /** true when the changes were written (false on errors or a dry run) */
  applied: boolean;
  dryRun: boolean;
  errors: RowError[];
  rows: { units: number; officials: number };
  /** number of audit entries (= changes) by action, e.g. { "official.update": 2 } */
  changes: Record<string, number>;
}

class DryRunRollback extends Error {}

export function createRegistryIo({ db }: { db: Db }) {
  async function validate(tables: Table[]) {
    const errors: RowError[] = [];
    const fail = (t: { sheet: string; rowNo: number }, messages: string[]) => {
      if (messages.length > 0) errors.push({ sheet: t.sheet, rowNo: t.rowNo, message: messages.join("; ") + "." });
    };
    const dbUnits = await db.unit.findMany({ orderBy: { id: "asc" } });
    const programmes = await db.programme.findMany({ orderBy: { sortOrder: "asc" } });
    const unitPlans: UnitPlan[] = [];
    const officialPlans: OfficialPlan[] = [];

    // the units as they will be: the database's, overlaid by the file's (by code)
    const universe = new Map<string, NamedRef>(dbUnits.map((u) => [u.code.toUpperCase(), { code: u.code, name: u.name }]));
    const unitRowByCode = new Map<string, number>();
    const unitTables = tables.filter((t) => t.kind === "units");
    const parsedUnits: { row: TableRow; sheet: string; data: z.infer<typeof unitRowSchema> }[] = [];
    for (const t of unitTables) {
      for (const row of t.rows) {
        const r = unitRowSchema.safeParse(row.cells);
        if (!r.success) {
          fail({ sheet: t.sheet, rowNo: row.rowNo }, r.error.issues.map((i) => i.message));
          continue;
        }
        const codeKey = r.data.code.toUpperCase();
        const dup = unitRowByCode.get(codeKey);
        if (dup !== undefined) {
          fail({ sheet: t.sheet, rowNo: row.rowNo }, [`mã đơn vị «${r.data.code}» trùng với dòng ${dup}`]);
          continue;
        }
        unitRowByCode.set(codeKey, row.rowNo);
        const existing = dbUnits.find((u) => u.code.toUpperCase() === codeKey);
        universe.set(codeKey, { code: existing?.code ?? r.data.code, name: r.data.name });
        parsedUnits.push({ row, sheet: t.sheet, data: r.data });
      }
    }
    const units = [...universe.values()];
    for (const { row, sheet, data } of parsedUnits) {
      const problems: string[] = [];
      let parentCode: string | null | undefined;
      if (data.parent === undefined) parentCode = undefined;
      else if (data.parent === "") parentCode = null;
      else {
        const p = resolveRef(data.parent, units, "đơn vị");
        if (typeof p === "string") problems.push(`đơn vị cấp trên: ${p}`);
        else if (p.code.toUpperCase() === data.code.toUpperCase()) problems.push("đơn vị không thể là cấp trên của chính nó");
        else parentCode = p.code;
      }
      if (problems.length > 0) {
        fail({ sheet, rowNo: row.rowNo }, problems);
        continue;
      }
      const existing = dbUnits.find((u) => u.code.toUpperCase() === data.code.toUpperCase());
      unitPlans.push({ rowNo: row.rowNo, sheet, code: existing?.code ?? data.code, name: data.name, kind: data.kind, parentCode, active: data.active });
    }

    const officials = await db.official.findMany({ include: { unit: true } });
    const seenId = new Map<number, number>();
    const seenTelegram = new Map<bigint, number>();
    for (const t of tables.filter((x) => x.kind === "officials")) {
      for (const row of t.rows) {
        const r = officialRowSchema.safeParse(row.cells);
        if (!r.success) {
          // name an unknown unit too, so one pass over the file shows every problem of the row
          const unitCell = row.cells.unit ?? "";
          const u = unitCell === "" ? null : resolveRef(unitCell, units, "đơn vị");
          fail({ sheet: t.sheet, rowNo: row.rowNo }, [...r.error.issues.map((i) => i.message), ...(typeof u === "string" ? [u] : [])]);
          continue;
        }
        const d = r.data;
        const problems: string[] = [];
        let unitCode: string | null = null;
        let unitUnknown = false;
        if (d.unit !== "") {
          const u = resolveRef(d.unit, units, "đơn vị");
          if (typeof u === "string") {
            problems.push(u);
            unitUnknown = true;
          } else unitCode = u.code;
        }
        let roles: OfficialPlan["roles"];
        if (d.roles !== undefined) {
          roles = [];
          for (const { role, scope } of d.roles) {
            if (scope === undefined) roles.push({ role, unitCode: role === "SECRETARIAT" ? null : unitCode });
            else if (foldVietnamese(scope) === foldVietnamese(WHOLE_PROVINCE)) roles.push({ role, unitCode: null });
            else {
              const u = resolveRef(scope, units, "đơn vị");
              if (typeof u === "string") problems.push(`vai trò ${ROLE_LABELS[role]}: ${u}`);
              else roles.push({ role, unitCode: u.code });
            }
          }
        }
        let responsibilities: OfficialPlan["responsibilities"];
        if (d.programmes !== undefined) {
          responsibilities = [];
          const items = list(d.programmes);
          const projects = d.projects === undefined ? [] : d.projects.split(";").map((s) => s.trim());
          const hasProjects = projects.some((p) => p !== "");
          if (hasProjects && projects.length !== items.length) {
            problems.push(`số dự án (${projects.length}) không khớp số chương trình (${items.length}); ghi các dự án cách nhau bằng «;» theo thứ tự chương trình`);
          }
          items.forEach((item, i) => {
            const { value, scope } = splitScope(item);
            const p = resolveRef(value, programmes, "chương trình");
            if (typeof p === "string") {
              problems.push(p);
              return;
            }
            let uc: string | null = unitCode;
            if (scope !== undefined) {
              const u = resolveRef(scope, units, "đơn vị");
              if (typeof u === "string") {
                problems.push(`chương trình ${p.code}: ${u}`);
                return;
              }
              uc = u.code;
            }
            if (uc === null) {
              if (!unitUnknown) problems.push(`chương trình ${p.code}: cần đơn vị phụ trách`);
              return;
            }
            responsibilities!.push({ unitCode: uc, programmeCode: p.code, project: hasProjects ? (projects[i] ?? "") : "" });
          });
        }
        // which official the row is
        let target: (typeof officials)[number] | undefined;
        if (d.id !== undefined) {
          target = officials.find((o) => o.id === d.id);
          if (!target) problems.push(`không có cán bộ mã ${d.id}`);
          const dup = seenId.get(d.id);
          if (dup !== undefined) problems.push(`mã cán bộ ${d.id} trùng với dòng ${dup}`);
          seenId.set(d.id, row.rowNo);
        } else if (d.telegramId !== undefined) {
          target = officials.find((o) => o.telegramUserId === d.telegramId);
        }
        if (!target && d.id === undefined) {
          const same = officials.filter(
            (o) => o.nameKey === foldVietnamese(d.name) && (o.unit?.code ?? null) === unitCode && (d.telegramId === undefined || o.telegramUserId === null),
          );
          if (same.length > 1) problems.push(`có ${same.length} cán bộ cùng tên «${d.name}» ở đơn vị này: ghi «${OFFICIAL_COLUMNS.id}» để chọn`);
          target = same.length === 1 ? same[0] : undefined;
        }
        if (d.telegramId !== undefined) {
          const dup = seenTelegram.get(d.telegramId);
          if (dup !== undefined) problems.push(`Telegram ID ${d.telegramId} trùng với dòng ${dup}`);
          seenTelegram.set(d.telegramId, row.rowNo);
          const owner = officials.find((o) => o.telegramUserId === d.telegramId);
          if (owner && owner.id !== target?.id) problems.push(`Telegram ID ${d.telegramId} đã thuộc về cán bộ ${owner.fullName} (mã ${owner.id})`);
        }
        if (problems.length > 0) {
          fail({ sheet: t.sheet, rowNo: row.rowNo }, problems);
          continue;
        }
        officialPlans.push({
          rowNo: row.rowNo,
          sheet: t.sheet,
          id: target?.id ?? null,
          fullName: d.name,
          title: d.title,
          unitCode,
          roles,
          responsibilities,
          telegramUserId: d.telegramId,
          language: d.language,
          active: d.active,
        });
      }
    }
    return { errors, unitPlans, officialPlans };
  }

  async function apply(tx: Tx, unitPlans: UnitPlan[], officialPlans: OfficialPlan[], ctx: ChangeContext): Promise<string[]> {
    const actions: string[] = [];
    const log = async (action: string, entity: string, entityId: number, before: unknown, after: unknown) => {
      await audit(tx, { at: ctx.now, actorId: ctx.actorId ?? null, action, entity, entityId, before, after });
      actions.push(action);
    };
    // units: create the new ones first, so that parents can be any unit of the file
    for (const u of unitPlans) {
      if (await tx.unit.findUnique({ where: { code: u.code } })) continue;
      const created = await tx.unit.create({
        data: { code: u.code, name: u.name, nameKey: foldVietnamese(u.name), kind: u.kind, active: u.active ?? true },
      });
      await log("unit.create", "Unit", created.id, undefined, created);
    }
    const allUnits = await tx.unit.findMany();
    const unitId = (code: string) => allUnits.find((x) => x.code === code)!.id;
    for (const u of unitPlans) {
      const before = allUnits.find((x) => x.code === u.code)!;
      const data: Record<string, unknown> = {};
      // nameKey follows a renamed unit; an unchanged name keeps its key (the seed gives VPDP an alias key)
      if (before.name !== u.name) {
        data.name = u.name;
        data.nameKey = foldVietnamese(u.name);
      }
      if (before.kind !== u.kind) data.kind = u.kind;
      if (u.active !== undefined && before.active !== u.active) data.active = u.active;
      if (u.parentCode !== undefined) {
        const parentId = u.parentCode === null ? null : unitId(u.parentCode);
        if (before.parentId !== parentId) data.parentId = parentId;
      }
      if (Object.keys(data).length === 0) continue;
      const after = await tx.unit.update({ where: { id: before.id }, data });
      await log("unit.update", "Unit", before.id, before, after);
    }
    const programmes = await tx.programme.findMany();
    const programmeId = (code: string) => programmes.find((p) => p.code === code)!.id;
    for (const o of officialPlans) {
      const r = await applyOfficial(
        tx,
        o.id,
        {
          fullName: o.fullName,
          title: o.title,
          unitId: o.unitCode === null ? null : unitId(o.unitCode),
          telegramUserId: o.telegramUserId,
          language: o.language,
          active: o.active,
          roles: o.roles?.map((r) => ({ role: r.role, unitId: r.unitCode === null ? null : unitId(r.unitCode) })),
          responsibilities: o.responsibilities?.map((r) => ({
            unitId: unitId(r.unitCode),
            programmeId: programmeId(r.programmeCode),
            project: r.project,
          })),
        },
        ctx,
      );
      actions.push(...r.actions);
    }
    return actions;
  }

  /** Imports tables already read: validates all rows, then applies all or none. */
  async function importTables(tables: Table[], opts: ChangeContext & { dryRun?: boolean }): Promise<ImportResult> {
    const dryRun = opts.dryRun ?? false;
    const { errors, unitPlans, officialPlans } = await validate(tables);
    const rows = {
      units: tables.filter((t) => t.kind === "units").reduce((n, t) => n + t.rows.length, 0),
      officials: tables.filter((t) => t.kind === "officials").reduce((n, t) => n + t.rows.length, 0),
    };
    if (errors.length > 0) return { applied: false, dryRun, errors, rows, changes: {} };
    let actions: string[] = [];
    try {
      await db.$transaction(
        async (tx) => {
          actions = await apply(tx, unitPlans, officialPlans, opts);
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

  async function importFile(path: string, opts: ChangeContext & { dryRun?: boolean }): Promise<ImportResult> {
    return importTables(await readTables(path), opts);
  }

  async function unitTable() {
    const units = await db.unit.findMany({ orderBy: { id: "asc" }, include: { parent: true } });
    return {
      kind: "units" as const,
      header: Object.values(UNIT_COLUMNS) as string[],
      rows: units.map((u) => [u.code, u.name, UNIT_KIND_LABELS[u.kind], u.parent?.code ?? "", u.active ? YES : NO]),
    };
  }

  async function officialTable(now: Date) {
    const officials = await db.official.findMany({
      orderBy: { id: "asc" },
      include: {
        unit: true,
        roles: { where: current(now), orderBy: { id: "asc" }, include: { unit: true } },
        responsibilities: { where: current(now), orderBy: { id: "asc" }, include: { unit: true, programme: true } },
      },
    });
    return {
      kind: "officials" as const,
      header: Object.values(OFFICIAL_COLUMNS) as string[],
      rows: officials.map((o) => {
        const roles = o.roles.map((r) => {
          const label = ROLE_LABELS[r.role];
          if (r.unitId === null) return r.role === "SECRETARIAT" ? label : `${label} (${WHOLE_PROVINCE})`;
          if (r.unitId === o.unitId && r.role !== "SECRETARIAT") return label;
          return `${label} (${r.unit!.code})`;
        });
        const programmes = o.responsibilities.map((r) =>
          r.unitId === o.unitId ? r.programme.code : `${r.programme.code} (${r.unit.code})`,
        );
        const projects = o.responsibilities.some((r) => r.project !== "") ? o.responsibilities.map((r) => r.project).join("; ") : "";
        return [
          String(o.id),
          o.fullName,
          o.title,
          o.unit?.name ?? "",
          roles.join("; "),
          programmes.join("; "),
          projects,
          o.telegramUserId === null ? "" : o.telegramUserId.toString(),
          o.language,
          o.active ? YES : NO,
        ];
      }),
    };
  }

  /** Exports units and/or officials; a CSV file holds one kind (officials unless told). */
  async function exportFile(path: string, opts: { kind?: TableKind; now: Date }): Promise<{ rows: number }> {
    const kinds: TableKind[] = opts.kind ? [opts.kind] : fileFormat(path) === "csv" ? ["officials"] : ["units", "officials"];
    const tables = [];
    for (const k of kinds) tables.push(k === "units" ? await unitTable() : await officialTable(opts.now));
    await writeTables(path, tables);
    return { rows: tables.reduce((n, t) => n + t.rows.length, 0) };
  }

  /** Exports the audit log (oldest first), from `since` on when given. */
  async function exportAudit(path: string, opts: { since?: Date } = {}): Promise<{ rows: number }> {
    const entries = await db.auditLog.findMany({
      where: opts.since ? { at: { gte: opts.since } } : {},
      orderBy: { id: "asc" },
    });
    const officials = await db.official.findMany({ select: { id: true, fullName: true } });
    const name = (id: number | null) => (id === null ? "" : (officials.find((o) => o.id === id)?.fullName ?? ""));
    await writeTables(path, [
      {
        kind: "officials",
        header: AUDIT_COLUMNS,
        rows: entries.map((e) => [
          String(e.id),
          formatLocalDateTime(e.at),
          e.at.toISOString(),
          e.actorId === null ? "" : String(e.actorId),
          name(e.actorId),
          e.actorTelegramId === null ? "" : e.actorTelegramId.toString(),
          e.action,
          e.entity,
          e.entityId,
          e.before,
          e.after,
        ]),
      },
    ]);
    return { rows: entries.length };
  }

  return { readTables, importTables, importFile, exportFile, exportAudit };
}

export const AUDIT_COLUMNS = [
  "STT",
  "Thời điểm",
  "Thời điểm (UTC)",
  "Mã người thực hiện",
  "Người thực hiện",
  "Telegram ID người thực hiện",
  "Hành động",
  "Đối tượng",
  "Mã đối tượng",
  "Trước",
  "Sau",
];

/** "24/11/2026 08:30" in Vietnam time. */
export function formatLocalDateTime(at: Date): string {
  const m = localMinutes(at);
  return `${formatDmy(localDate(at))} ${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

export type RegistryIo = ReturnType<typeof createRegistryIo>;
