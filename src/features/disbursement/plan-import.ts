// Capital plans from a CSV or XLSX file with Vietnamese headers (Đơn vị, Chương trình, Năm, Nguồn (TW/ĐP),
// Loại (ĐTPT/SN), Số tiền, Số quyết định, Ngày quyết định). All or nothing: every row is checked first and
// each problem is reported with its row number; only a clean file is written, in one transaction.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Db, Tx } from "../../platform/db/client.ts";
import { parseDmy } from "../../domain/dates.ts";
import { parseAmount } from "../../domain/money.ts";
import { foldVietnamese, matchByName } from "../../domain/text.ts";
import { audit } from "../../platform/db/audit.ts";
import { tableFromBytes } from "../../platform/files/tables.ts";

const HEADERS: Record<string, string> = {
  "don vi": "unit",
  "chuong trinh": "programme",
  nam: "year",
  "nguon (tw/dp)": "source",
  nguon: "source",
  "loai (dtpt/sn)": "kind",
  loai: "kind",
  "so tien": "amount",
  "so quyet dinh": "decisionNo",
  "ngay quyet dinh": "decisionDate",
};
const REQUIRED = ["unit", "programme", "year", "source", "kind", "amount"];
const FIELD_VI: Record<string, string> = {
  unit: "Đơn vị",
  programme: "Chương trình",
  year: "Năm",
  source: "Nguồn (TW/ĐP)",
  kind: "Loại (ĐTPT/SN)",
  amount: "Số tiền",
  decisionNo: "Số quyết định",
  decisionDate: "Ngày quyết định",
};

export interface PlanRow {
  row: number;
  unitId: number;
  unitName: string;
  programmeId: number;
  programmeCode: string;
  year: number;
  source: "CENTRAL" | "LOCAL";
  kind: "INVESTMENT" | "RECURRENT";
  amountVnd: bigint;
  decisionNo: string;
  decisionDate: string | null;
}

export type ParseResult = { ok: true; rows: PlanRow[] } | { ok: false; errors: string[] };

/** The cells of a CSV or XLSX file (first worksheet), as text; XLSX date cells become dd/mm/yyyy. */
export async function readTable(file: string): Promise<string[][]> {
  return tableFromBytes(await readFile(file), /\.xlsx$/i.test(file) ? "xlsx" : "csv");
}

const cell = z.string().trim();
const rowSchema = z.object({
  unit: cell.min(1, "bắt buộc"),
  programme: cell.min(1, "bắt buộc"),
  year: cell.regex(/^\d{4}$/, "phải là năm 4 chữ số").transform(Number),
  source: cell.transform(foldVietnamese).pipe(z.enum(["tw", "dp"], "phải là TW hoặc ĐP")),
  kind: cell.transform(foldVietnamese).pipe(z.enum(["dtpt", "sn"], "phải là ĐTPT hoặc SN")),
  amount: cell.min(1, "bắt buộc"),
  decisionNo: cell.default(""),
  decisionDate: cell.default(""),
});

export function createPlanImport({ db }: { db: Db }) {
  /** Checks every row; returns the rows to write or every problem, "Dòng N: …" (N = the row in the file). */
  async function parse(table: string[][]): Promise<ParseResult> {
    const [header = [], ...body] = table;
    const columns = header.map((h) => HEADERS[foldVietnamese(h)] ?? null);
    const missing = REQUIRED.filter((f) => !columns.includes(f));
    if (missing.length) return { ok: false, errors: [`Thiếu cột: ${missing.map((f) => FIELD_VI[f]).join(", ")}.`] };
    const [units, programmes] = await Promise.all([
      db.unit.findMany({ where: { active: true }, select: { id: true, code: true, name: true } }),
      db.programme.findMany({ select: { id: true, code: true, name: true } }),
    ]);
    const errors: string[] = [];
    const rows: PlanRow[] = [];
    const seen = new Map<string, number>();
    body.forEach((cells, i) => {
      const rowNo = i + 2;
      if (cells.every((c) => c.trim() === "")) return;
      const raw: Record<string, string> = {};
      columns.forEach((f, c) => {
        if (f) raw[f] = cells[c] ?? "";
      });
      const parsed = rowSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          errors.push(`Dòng ${rowNo}: ${FIELD_VI[String(issue.path[0])] ?? "?"} ${issue.message}.`);
        return;
      }
      const r = parsed.data;
      const problems: string[] = [];
      const unit = matchByName(r.unit, units, (u) => [u.code, u.name]);
      if (unit.kind !== "one")
        problems.push(`Đơn vị «${r.unit}» ${unit.kind === "many" ? "trùng với nhiều đơn vị" : "không có"}`);
      const programme = matchByName(r.programme, programmes, (p) => [p.code, p.name]);
      if (programme.kind !== "one") problems.push(`Chương trình «${r.programme}» không xác định được`);
      const amount = parseAmount(r.amount);
      if (!amount.ok) problems.push(`Số tiền «${r.amount}» không hợp lệ`);
      else if (amount.vnd <= 0n) problems.push("Số tiền phải lớn hơn 0");
      const decisionDate = r.decisionDate ? parseDmy(r.decisionDate, `${r.year}-01-01`) : null;
      if (r.decisionDate && !decisionDate)
        problems.push(`Ngày quyết định «${r.decisionDate}» không hợp lệ (dd/mm/yyyy)`);
      if (problems.length || unit.kind !== "one" || programme.kind !== "one" || !amount.ok) {
        errors.push(...problems.map((p) => `Dòng ${rowNo}: ${p}.`));
        return;
      }
      const source = r.source === "tw" ? "CENTRAL" : "LOCAL";
      const kind = r.kind === "dtpt" ? "INVESTMENT" : "RECURRENT";
      const key = `${unit.item.id}|${programme.item.id}|${r.year}|${source}|${kind}`;
      const twin = seen.get(key);
      if (twin !== undefined) {
        errors.push(`Dòng ${rowNo}: trùng với dòng ${twin}.`);
        return;
      }
      seen.set(key, rowNo);
      rows.push({
        row: rowNo,
        unitId: unit.item.id,
        unitName: unit.item.name,
        programmeId: programme.item.id,
        programmeCode: programme.item.code,
        year: r.year,
        source,
        kind,
        amountVnd: amount.vnd,
        decisionNo: r.decisionNo,
        decisionDate,
      });
    });
    if (errors.length) return { ok: false, errors };
    if (rows.length === 0) return { ok: false, errors: ["Tệp không có dòng dữ liệu nào."] };
    return { ok: true, rows };
  }

  /** Writes checked rows in one transaction (a plan already there is replaced), with one audit entry per row. */
  async function apply(rows: PlanRow[], opts: { now: Date; actorId?: number | null }): Promise<Applied> {
    return db.$transaction((tx) => applyPlanRows(tx, rows, opts));
  }

  return { parse, apply };
}

export interface Applied {
  created: number;
  updated: number;
  /** rows equal to the plan already there: nothing written, nothing audited */
  unchanged: number;
}

/**
 * Writes checked rows in the caller's transaction (a plan already there is replaced), one audit entry per
 * row written; a row equal to the plan already there is left alone.
 */
export async function applyPlanRows(
  tx: Tx,
  rows: PlanRow[],
  opts: { now: Date; actorId?: number | null },
): Promise<Applied> {
  let created = 0;
  let unchanged = 0;
  for (const r of rows) {
    const where = { unitId: r.unitId, programmeId: r.programmeId, year: r.year, source: r.source, kind: r.kind };
    const before = await tx.capitalPlan.findUnique({ where: { unitId_programmeId_year_source_kind: where } });
    const data = { amountVnd: r.amountVnd, decisionNo: r.decisionNo, decisionDate: r.decisionDate };
    if (
      before &&
      before.amountVnd === data.amountVnd &&
      before.decisionNo === data.decisionNo &&
      before.decisionDate === data.decisionDate
    ) {
      unchanged++;
      continue;
    }
    const after = await tx.capitalPlan.upsert({
      where: { unitId_programmeId_year_source_kind: where },
      create: { ...where, ...data },
      update: data,
    });
    if (!before) created++;
    await audit(tx, {
      at: opts.now,
      actorId: opts.actorId ?? null,
      action: "capitalPlan.import",
      entity: "CapitalPlan",
      entityId: after.id,
      before,
      after,
    });
  }
  return { created, updated: rows.length - created - unchanged, unchanged };
}
