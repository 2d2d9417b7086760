// Validating a whole registry import before anything is written: every row's problems, in Vietnamese.
import type { z } from "zod";
import type { Db, Tx } from "../../../platform/db/client.ts";
import { foldVietnamese } from "../../../domain/text.ts";
import { list, splitScope } from "./cells.ts";
import { deputyRules } from "./deputies.ts";
import type { Table, TableRow } from "./files.ts";
import {
  OFFICIAL_COLUMNS,
  OFFICIAL_IMPORT_COLUMNS,
  ROLE_LABELS,
  WHOLE_PROVINCE,
  YES,
  type RowError,
} from "./labels.ts";
import {
  officialRowSchema,
  programmeClash,
  programmeRowSchema,
  refResolver,
  resolveRef,
  unitRowSchema,
  type NamedRef,
  type OfficialPlan,
  type ProgrammePlan,
  type UnitPlan,
} from "./rows.ts";

/**
 * Checks every row of the tables against the database (as it is at `now`) and each other; the plans of the valid
 * rows and the errors.
 */
export async function validateTables(db: Db | Tx, tables: Table[], now: Date) {
  const errors: RowError[] = [];
  const fail = (t: { sheet: string; rowNo: number }, messages: string[]) => {
    if (messages.length > 0) errors.push({ sheet: t.sheet, rowNo: t.rowNo, message: messages.join("; ") + "." });
  };
  /** The rows of one kind that parse and whose code the file does not repeat; the others are reported. */
  function* uniqueRows<S extends z.ZodType<{ code: string }>>(kind: Table["kind"], schema: S, what: string) {
    const rowByCode = new Map<string, number>();
    for (const t of tables.filter((x) => x.kind === kind)) {
      for (const row of t.rows) {
        const r = schema.safeParse(row.cells);
        if (!r.success) {
          fail(
            { sheet: t.sheet, rowNo: row.rowNo },
            r.error.issues.map((i) => i.message),
          );
          continue;
        }
        const codeKey = r.data.code.toUpperCase();
        const dup = rowByCode.get(codeKey);
        if (dup !== undefined) {
          fail({ sheet: t.sheet, rowNo: row.rowNo }, [`mã ${what} «${r.data.code}» trùng với dòng ${dup}`]);
          continue;
        }
        rowByCode.set(codeKey, row.rowNo);
        yield { t, row, data: r.data as z.infer<S>, codeKey };
      }
    }
  }
  const dbUnits = await db.unit.findMany({ orderBy: { id: "asc" } });
  const dbUnitByCode = new Map(dbUnits.map((u) => [u.code.toUpperCase(), u]));
  const dbProgrammes = await db.programme.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const programmePlans: ProgrammePlan[] = [];
  const unitPlans: UnitPlan[] = [];
  const officialPlans: OfficialPlan[] = [];

  // the programmes as they will be: the database's, overlaid by the file's (by code)
  const programmeUniverse = new Map<string, NamedRef>(
    dbProgrammes.map((p) => [p.code.toUpperCase(), { code: p.code, name: p.name }]),
  );
  for (const { t, row, data, codeKey } of uniqueRows("programmes", programmeRowSchema, "chương trình")) {
    const clash = programmeClash(data, [...programmeUniverse.values()], data.code);
    if (clash) {
      fail({ sheet: t.sheet, rowNo: row.rowNo }, [clash]);
      continue;
    }
    const existing = dbProgrammes.find((p) => p.code.toUpperCase() === codeKey);
    const code = existing?.code ?? data.code;
    programmeUniverse.set(codeKey, { code, name: data.name });
    programmePlans.push({
      rowNo: row.rowNo,
      sheet: t.sheet,
      code,
      name: data.name,
      nameEn: data.nameEn || undefined,
      // resolved below, once the file's units are known (a file may add the department it names)
      officeCode: data.office === undefined ? undefined : data.office === "" ? null : data.office,
    });
  }
  const programmes = [...programmeUniverse.values()];
  const programmeErrorsEnd = errors.length;

  // the units as they will be: the database's, overlaid by the file's (by code)
  const universe = new Map<string, NamedRef>(
    dbUnits.map((u) => [u.code.toUpperCase(), { code: u.code, name: u.name }]),
  );
  const parsedUnits: { row: TableRow; sheet: string; data: z.infer<typeof unitRowSchema> }[] = [];
  for (const { t, row, data, codeKey } of uniqueRows("units", unitRowSchema, "đơn vị")) {
    const existing = dbUnitByCode.get(codeKey);
    universe.set(codeKey, { code: existing?.code ?? data.code, name: data.name });
    parsedUnits.push({ row, sheet: t.sheet, data });
  }
  const units = [...universe.values()];
  // every row names units and programmes: their names are folded once, not once a row
  const unitRef = refResolver(units, "đơn vị");
  const programmeRef = refResolver(programmes, "chương trình");
  officeErrors(programmePlans, dbUnits, parsedUnits, units, programmeErrorsEnd);
  for (const { row, sheet, data } of parsedUnits) {
    const problems: string[] = [];
    let parentCode: string | null | undefined;
    if (data.parent === undefined) parentCode = undefined;
    else if (data.parent === "") parentCode = null;
    else {
      const p = unitRef(data.parent);
      if (typeof p === "string") problems.push(`đơn vị cấp trên: ${p}`);
      else if (p.code.toUpperCase() === data.code.toUpperCase())
        problems.push("đơn vị không thể là cấp trên của chính nó");
      else parentCode = p.code;
    }
    if (problems.length > 0) {
      fail({ sheet, rowNo: row.rowNo }, problems);
      continue;
    }
    const existing = dbUnitByCode.get(data.code.toUpperCase());
    unitPlans.push({
      rowNo: row.rowNo,
      sheet,
      code: existing?.code ?? data.code,
      name: data.name,
      kind: data.kind,
      parentCode,
      active: data.active,
    });
  }

  const officials = await db.official.findMany({ include: { unit: true } });
  // looked up by every row: by id, by Telegram id, by folded name (a national registry has 50,000 officials)
  const byId = new Map(officials.map((o) => [o.id, o]));
  const byTelegram = new Map(officials.flatMap((o) => (o.telegramUserId === null ? [] : [[o.telegramUserId, o]])));
  const byNameKey = new Map<string, typeof officials>();
  for (const o of officials) byNameKey.set(o.nameKey, [...(byNameKey.get(o.nameKey) ?? []), o]);
  const deputyCheck = await deputyRules(db, now);
  const seenId = new Map<number, number>();
  const seenTelegram = new Map<bigint, number>();
  for (const t of tables.filter((x) => x.kind === "officials")) {
    for (const row of t.rows) {
      const r = officialRowSchema.safeParse(row.cells);
      if (!r.success) {
        // name an unknown unit too, so one pass over the file shows every problem of the row
        const unitCell = row.cells.unit ?? "";
        const u = unitCell === "" ? null : unitRef(unitCell);
        fail({ sheet: t.sheet, rowNo: row.rowNo }, [
          ...r.error.issues.map((i) => i.message),
          ...(typeof u === "string" ? [u] : []),
        ]);
        continue;
      }
      const d = r.data;
      const problems: string[] = [];
      let unitCode: string | null = null;
      let unitUnknown = false;
      if (d.unit !== "") {
        const u = unitRef(d.unit);
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
            const u = unitRef(scope);
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
          problems.push(
            `số dự án (${projects.length}) không khớp số chương trình (${items.length}); ghi các dự án cách nhau bằng «;» theo thứ tự chương trình`,
          );
        }
        items.forEach((item, i) => {
          const { value, scope } = splitScope(item);
          const p = programmeRef(value);
          if (typeof p === "string") {
            problems.push(p);
            return;
          }
          let uc: string | null = unitCode;
          if (scope !== undefined) {
            const u = unitRef(scope);
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
          responsibilities!.push({
            unitCode: uc,
            programmeCode: p.code,
            project: hasProjects ? (projects[i] ?? "") : "",
          });
        });
      }
      // which official the row is
      let target: (typeof officials)[number] | undefined;
      if (d.id !== undefined) {
        target = byId.get(d.id);
        if (!target) problems.push(`không có cán bộ mã ${d.id}`);
        const dup = seenId.get(d.id);
        if (dup !== undefined) problems.push(`mã cán bộ ${d.id} trùng với dòng ${dup}`);
        seenId.set(d.id, row.rowNo);
      } else if (d.telegramId !== undefined) {
        target = byTelegram.get(d.telegramId);
        // found by Telegram ID only: a different name is a mistyped id unless the row says it is a rename
        if (target && target.fullName !== d.name && d.rename !== true) {
          problems.push(
            `Telegram ID ${d.telegramId} đang thuộc cán bộ ${target.fullName} (mã ${target.id}${target.unit ? `, ${target.unit.name}` : ""}); ` +
              `họ tên trong tệp là «${d.name}». Nếu đúng là cán bộ này đổi họ tên, ghi «${YES}» ở cột «${OFFICIAL_IMPORT_COLUMNS.rename}» ` +
              `(hoặc ghi ${target.id} ở cột «${OFFICIAL_COLUMNS.id}»); nếu không, kiểm tra lại Telegram ID`,
          );
        }
      }
      if (!target && d.id === undefined) {
        const same = (byNameKey.get(foldVietnamese(d.name)) ?? []).filter(
          (o) => (o.unit?.code ?? null) === unitCode && (d.telegramId === undefined || o.telegramUserId === null),
        );
        if (same.length > 1)
          problems.push(
            `có ${same.length} cán bộ cùng tên «${d.name}» ở đơn vị này: ghi «${OFFICIAL_COLUMNS.id}» để chọn`,
          );
        target = same.length === 1 ? same[0] : undefined;
      }
      if (d.telegramId !== undefined) {
        const dup = seenTelegram.get(d.telegramId);
        if (dup !== undefined) problems.push(`Telegram ID ${d.telegramId} trùng với dòng ${dup}`);
        seenTelegram.set(d.telegramId, row.rowNo);
        const owner = byTelegram.get(d.telegramId);
        if (owner && owner.id !== target?.id)
          problems.push(`Telegram ID ${d.telegramId} đã thuộc về cán bộ ${owner.fullName} (mã ${owner.id})`);
      }
      const deputies =
        d.deputies === undefined
          ? undefined
          : deputyCheck(
              {
                rowNo: row.rowNo,
                cell: d.deputies,
                unitCode,
                unitUnknown,
                roles,
                responsibilities,
                target,
                active: d.active,
                units,
                unitRef,
                programmeRef,
              },
              problems,
            );
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
        deputies,
        telegramUserId: d.telegramId,
        language: d.language,
        active: d.active,
      });
    }
  }
  return { errors, programmePlans, unitPlans, officialPlans };

  /**
   * «Cơ quan chủ trì»: a department or office, as the units will be after the file (a file may add it or
   * change its kind); each plan's cell becomes the unit's code. The problems join the programmes' own,
   * in row order.
   */
  function officeErrors(
    plans: ProgrammePlan[],
    known: { code: string; kind: string; active: boolean }[],
    fromFile: { data: z.infer<typeof unitRowSchema> }[],
    all: NamedRef[],
    at: number,
  ) {
    const state = new Map(known.map((u) => [u.code.toUpperCase(), { kind: u.kind, active: u.active }]));
    for (const { data } of fromFile) {
      const before = state.get(data.code.toUpperCase());
      state.set(data.code.toUpperCase(), { kind: data.kind, active: data.active ?? before?.active ?? true });
    }
    const found: RowError[] = [];
    for (const p of plans) {
      if (!p.officeCode) continue;
      const u = resolveRef(p.officeCode, all, "đơn vị");
      const s = typeof u === "string" ? undefined : state.get(u.code.toUpperCase());
      const problem =
        typeof u === "string"
          ? `cơ quan chủ trì: ${u}`
          : s?.kind !== "DEPARTMENT" && s?.kind !== "OFFICE"
            ? `cơ quan chủ trì «${u.name}» không phải sở, ban hoặc văn phòng`
            : !s.active
              ? `cơ quan chủ trì «${u.name}» đã ngừng hoạt động`
              : null;
      if (problem) found.push({ sheet: p.sheet, rowNo: p.rowNo, message: `${problem}.` });
      else if (typeof u !== "string") p.officeCode = u.code;
    }
    if (found.length === 0) return;
    const sheets = [...new Set([...errors.slice(0, at), ...found].map((e) => e.sheet))];
    const programmeErrors = [...errors.slice(0, at), ...found].sort(
      (a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.rowNo - b.rowNo,
    );
    errors.splice(0, at, ...programmeErrors);
  }
}
