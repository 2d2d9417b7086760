// Tasks from a CSV or XLSX file (docs/task-files.md) and from the command line (`tasks add`). Vietnamese
// headers (Đơn vị, Chương trình, Người phụ trách, Hạn (dd/mm/yyyy), Tiêu đề, Số/ký hiệu văn bản, Dự án,
// Lặp lại, Cần minh chứng, Cần xác nhận). Every row is checked first — unit, programme and official matched
// exactly as /giao matches them — and each problem is reported with its row number; only a clean file is
// written, all rows in one transaction, each task audited and announced through the outbox like a task given
// by /giao.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { z } from "zod";
import type { Db, Tx } from "../../platform/db/client.ts";
import { parseDmy } from "../../domain/dates.ts";
import { parseRecurrence } from "../../domain/recurrence.ts";
import { parseRequirementCell } from "../../domain/task-flags.ts";
import { asSentence, foldVietnamese, plainText } from "../../domain/text.ts";
import type { AssignedView } from "./messages.ts";
import type { UserError } from "../../platform/errors.ts";
import { writeAssignment, type AssignService, type ResolvedAssignment } from "./assign.ts";
import type { TaskMessages } from "./notices.ts";
import { tableFromBytes } from "../../platform/files/tables.ts";

export const TASK_COLUMNS = {
  unit: "Đơn vị",
  programme: "Chương trình",
  responsible: "Người phụ trách",
  due: "Hạn (dd/mm/yyyy)",
  title: "Tiêu đề",
  docRef: "Số/ký hiệu văn bản",
  project: "Dự án",
  repeat: "Lặp lại",
  evidence: "Cần minh chứng",
  confirmation: "Cần xác nhận",
} as const;
type Field = keyof typeof TASK_COLUMNS;

const HEADERS: Record<string, Field> = {
  ...Object.fromEntries(Object.entries(TASK_COLUMNS).map(([k, v]) => [foldVietnamese(v), k as Field])),
  han: "due",
  "van ban": "docRef",
  "so ky hieu van ban": "docRef",
  "so/ky hieu": "docRef",
  "nguoi phu trach (ho ten)": "responsible",
  "can bo phu trach": "responsible",
  "minh chung": "evidence",
  "xac nhan": "confirmation",
};
const REQUIRED: Field[] = ["unit", "responsible", "due", "title"];

/** A header row of a task file: it names the responsible official and the title. */
export function isTaskHeader(header: string[]): boolean {
  const fields = header.map((h) => HEADERS[foldVietnamese(h)]);
  return fields.includes("responsible") && fields.includes("title");
}

/** Who assigns a task given by file or command line, as the announcement names it. */
export const IMPORT_ASSIGNER = "Văn phòng điều phối";

export interface TaskRow extends ResolvedAssignment {
  row: number;
  title: string;
  dueDate: string;
  docRef: string;
  project: string;
  recurrence: string;
  programmeCode: string | null;
  /** #19: a completion counts only with evidence attached */
  requiresEvidence: boolean;
  /** #19: a reported completion waits for the assigner's (or the secretariat's) confirmation */
  requiresConfirmation: boolean;
}

export type TaskParseResult = { ok: true; rows: TaskRow[] } | { ok: false; errors: string[] };

const required = (f: Field) => z.string().trim().min(1, `chưa ghi «${TASK_COLUMNS[f]}»`);
const optional = z.string().trim().default("");
/** «Cần minh chứng» / «Cần xác nhận»: Có or Không (empty: Không) */
const requirement = (f: Field) =>
  optional.refine((v) => parseRequirementCell(v) !== null, {
    error: (issue) => `«${TASK_COLUMNS[f]}» «${String(issue.input)}» không hiểu được (Có hoặc Không)`,
  });
const rowSchema = z.object({
  unit: required("unit"),
  programme: optional.transform((v) => (v === "" || v === "-" ? null : v)),
  responsible: required("responsible"),
  due: required("due").refine(
    (v) => v === "" || (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(v) && parseDmy(v, "2000-01-01") !== null),
    {
      error: (issue) => `Hạn «${String(issue.input)}» không phải ngày hợp lệ (dd/mm/yyyy)`,
    },
  ),
  title: required("title").max(500, `«${TASK_COLUMNS.title}» dài quá 500 ký tự`),
  docRef: optional.pipe(z.string().max(200, `«${TASK_COLUMNS.docRef}» dài quá 200 ký tự`)),
  project: optional.pipe(z.string().max(200, `«${TASK_COLUMNS.project}» dài quá 200 ký tự`)),
  repeat: optional.refine((v) => v === "" || parseRecurrence(v) !== null, {
    error: (issue) => `Lặp lại «${String(issue.input)}» không hiểu được (ví dụ: hằng tháng ngày 5)`,
  }),
  evidence: requirement("evidence"),
  confirmation: requirement("confirmation"),
});

export class TaskFileError extends Error {}

/** Reads a task file from disk (.csv or .xlsx). */
export async function readTaskFile(file: string): Promise<string[][]> {
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") throw new TaskFileError(`Tệp «${file}»: chỉ nhận tệp .csv hoặc .xlsx.`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new TaskFileError(`Không đọc được tệp «${file}».`);
  }
  try {
    return await tableFromBytes(bytes, ext === ".csv" ? "csv" : "xlsx");
  } catch {
    throw new TaskFileError(`Tệp «${file}» không phải tệp Excel (.xlsx) hợp lệ.`);
  }
}

export interface TaskImportDeps {
  db: Db;
  assign: Pick<AssignService, "resolveAssignment">;
  /** renders the announcements of the written tasks (the composition root passes `catalogue`) */
  messages: TaskMessages;
  /** a /giao problem (UserError) as the Vietnamese line /giao answers (the composition root renders it) */
  errorText: (e: UserError) => string;
}

export function createTaskImport({ db, assign, messages, errorText }: TaskImportDeps) {
  /** A /giao problem as one plain Vietnamese sentence. */
  const problemText = (e: UserError): string => plainText(errorText(e));

  const programmeCodes = async () =>
    new Map((await db.programme.findMany({ select: { id: true, code: true } })).map((p) => [p.id, p.code]));

  /** One row's cells (by field) checked; the row to write or its problems (sentences, no row number). */
  async function checkRow(
    raw: Partial<Record<Field, string>>,
    now: Date,
    codes: Map<number, string>,
  ): Promise<{ ok: true; row: Omit<TaskRow, "row"> } | { ok: false; problems: string[] }> {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => asSentence(i.message)) };
    const r = parsed.data;
    const dueDate = parseDmy(r.due, "2000-01-01")!;
    const resolved = await assign.resolveAssignment({
      unit: r.unit,
      programme: r.programme,
      responsible: r.responsible,
      dueDate,
      actor: null,
      now,
    });
    if (!resolved.ok) return { ok: false, problems: resolved.errors.map((e) => asSentence(problemText(e))) };
    const v = resolved.value;
    return {
      ok: true,
      row: {
        ...v,
        title: r.title,
        dueDate,
        docRef: r.docRef,
        project: r.project,
        recurrence: r.repeat ? parseRecurrence(r.repeat)! : "",
        requiresEvidence: parseRequirementCell(r.evidence)!,
        requiresConfirmation: parseRequirementCell(r.confirmation)!,
        programmeCode: v.programmeId === null ? null : (codes.get(v.programmeId) ?? null),
      },
    };
  }

  /** A task given this way already (same unit, official, title and due date, not cancelled): its id. */
  async function existing(r: Omit<TaskRow, "row">): Promise<number | null> {
    const t = await db.task.findFirst({
      where: {
        unitId: r.unitId,
        responsibleId: r.responsibleId,
        title: r.title,
        dueDate: r.dueDate,
        status: { not: "CANCELLED" },
      },
      select: { id: true },
    });
    return t?.id ?? null;
  }

  /** Checks every row; the rows to write or every problem, "Dòng N: …" (N = the row in the file). */
  async function parse(table: string[][], opts: { now: Date }): Promise<TaskParseResult> {
    const [header = [], ...body] = table;
    const columns = header.map((h) => HEADERS[foldVietnamese(h)] ?? null);
    const missing = REQUIRED.filter((f) => !columns.includes(f));
    if (missing.length)
      return { ok: false, errors: [`Thiếu cột: ${missing.map((f) => `«${TASK_COLUMNS[f]}»`).join(", ")}.`] };
    const codes = await programmeCodes();
    const errors: string[] = [];
    const rows: TaskRow[] = [];
    const seen = new Map<string, number>();
    for (const [i, cells] of body.entries()) {
      const rowNo = i + 2;
      if (cells.every((c) => c.trim() === "")) continue;
      const raw: Partial<Record<Field, string>> = {};
      columns.forEach((f, c) => {
        if (f) raw[f] = cells[c] ?? "";
      });
      const checked = await checkRow(raw, opts.now, codes);
      if (!checked.ok) {
        errors.push(...checked.problems.map((p) => `Dòng ${rowNo}: ${p}`));
        continue;
      }
      const r = checked.row;
      const key = JSON.stringify([r.unitId, r.responsibleId, foldVietnamese(r.title), r.dueDate]);
      const twin = seen.get(key);
      if (twin !== undefined) {
        errors.push(`Dòng ${rowNo}: trùng với dòng ${twin}.`);
        continue;
      }
      seen.set(key, rowNo);
      const already = await existing(r);
      if (already !== null) {
        errors.push(`Dòng ${rowNo}: đã có việc #${already} cùng đơn vị, người phụ trách, tiêu đề và hạn.`);
        continue;
      }
      rows.push({ row: rowNo, ...r });
    }
    if (errors.length) return { ok: false, errors };
    if (rows.length === 0) return { ok: false, errors: ["Tệp không có dòng dữ liệu nào."] };
    return { ok: true, rows };
  }

  /** Writes checked rows in the caller's transaction: each task audited ("task.import") and announced. */
  async function applyIn(
    tx: Tx,
    rows: TaskRow[],
    opts: { now: Date; actorId?: number | null; byName?: string; action?: string },
  ): Promise<AssignedView[]> {
    const views: AssignedView[] = [];
    for (const r of rows) {
      views.push(
        await writeAssignment(
          tx,
          r,
          {
            officialId: opts.actorId ?? null,
            fullName: opts.byName ?? IMPORT_ASSIGNER,
            action: opts.action ?? "task.import",
            ...(r.row > 0 && { extra: { row: r.row } }),
          },
          opts.now,
          messages,
        ),
      );
    }
    return views;
  }

  /** Writes checked rows in one transaction. */
  async function apply(
    rows: TaskRow[],
    opts: { now: Date; actorId?: number | null; byName?: string; action?: string },
  ): Promise<AssignedView[]> {
    return db.$transaction((tx) => applyIn(tx, rows, opts), { timeout: 120_000, maxWait: 20_000 });
  }

  /** One task from the command line: checked like a file row; the task, or its problems. */
  async function add(
    input: Partial<Record<Field, string>>,
    opts: { now: Date },
  ): Promise<{ ok: true; view: AssignedView } | { ok: false; errors: string[] }> {
    const checked = await checkRow(input, opts.now, await programmeCodes());
    if (!checked.ok) return { ok: false, errors: checked.problems };
    const already = await existing(checked.row);
    if (already !== null)
      return { ok: false, errors: [`Đã có việc #${already} cùng đơn vị, người phụ trách, tiêu đề và hạn.`] };
    const [view] = await apply([{ row: 0, ...checked.row }], { now: opts.now, action: "task.add" });
    return { ok: true, view: view! };
  }

  return { parse, apply, applyIn, add };
}

export type TaskImport = ReturnType<typeof createTaskImport>;
