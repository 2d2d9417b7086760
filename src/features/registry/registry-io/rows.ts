// One row of a registry file: zod schemas with Vietnamese messages, unit/programme references, row plans.
import { z } from "zod";
import type { Role, UnitKind } from "../../../platform/db/client.ts";
import { foldVietnamese, nameIndex } from "../../../domain/text.ts";
import { list, parseLanguage, parseRole, parseTelegramId, parseUnitKind, parseYesNo, splitScope } from "./cells.ts";
import {
  NO,
  OFFICIAL_COLUMNS,
  OFFICIAL_IMPORT_COLUMNS,
  ROLE_LABELS,
  UNIT_COLUMNS,
  UNIT_KIND_LABELS,
  YES,
} from "./labels.ts";

const text = z.string().trim();
const optionalCell = z.string().trim().optional();

/** "Có"/"Không" (or blank: keep) in the column `header`. */
const yesNoCell = (header: string) =>
  optionalCell.transform((v, ctx) => {
    const b = parseYesNo(v ?? "");
    if (b === null) ctx.addIssue({ code: "custom", message: `«${header}» phải là «${YES}» hoặc «${NO}» (gặp «${v}»)` });
    return b ?? undefined;
  });

/** A programme code: short, letters without accents, digits, `_ . -` (it is typed in /report and shown in /status). */
export const programmeCode = text
  .min(1, "thiếu mã chương trình")
  .max(20, "mã chương trình dài quá 20 ký tự")
  .regex(/^[A-Za-z0-9_.-]+$/, "mã chương trình chỉ gồm chữ không dấu, số và _ . -");

export const programmeRowSchema = z.object({
  code: programmeCode,
  name: text.min(1, "thiếu tên chương trình"),
  nameEn: optionalCell,
  office: optionalCell,
});

/**
 * Why a programme (code, name) cannot sit beside the others (by code, or by name without accents, since
 * commands find a programme by either); null when it can. `self` is the code of the programme being edited.
 */
export function programmeClash(
  p: { code: string; name: string },
  others: readonly { code: string; name: string }[],
  self?: string,
): string | null {
  const key = foldVietnamese(p.name);
  for (const o of others) {
    if (self !== undefined && o.code.toUpperCase() === self.toUpperCase()) continue;
    if (o.code.toUpperCase() === p.code.toUpperCase()) return `mã chương trình «${p.code}» đã có (${o.name})`;
    if (foldVietnamese(o.name) === key) return `tên chương trình «${p.name}» trùng với chương trình ${o.code}`;
    if (foldVietnamese(o.code) === key || foldVietnamese(o.name) === foldVietnamese(p.code)) {
      return `chương trình «${p.code}» (${p.name}) trùng tên hoặc mã với chương trình ${o.code}`;
    }
  }
  return null;
}

export const unitRowSchema = z.object({
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
  active: yesNoCell(UNIT_COLUMNS.active),
});

export const officialRowSchema = z.object({
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
      else
        ctx.addIssue({
          code: "custom",
          message: `vai trò «${value}» không hợp lệ (${Object.values(ROLE_LABELS).join(", ")})`,
        });
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
  active: yesNoCell(OFFICIAL_COLUMNS.active),
  deputies: optionalCell,
  rename: yesNoCell(OFFICIAL_IMPORT_COLUMNS.rename),
});

export interface NamedRef {
  code: string;
  name: string;
}

/** Finds a unit or programme by code or name (case- and diacritics-insensitive); a message on failure. */
export function resolveRef<T extends NamedRef>(query: string, items: readonly T[], what: string): T | string {
  return refResolver(items, what)(query);
}

/** resolveRef for many queries against the same items (every row of a file): their names folded once. */
export function refResolver<T extends NamedRef>(items: readonly T[], what: string): (query: string) => T | string {
  const match = nameIndex(items, (x) => [x.code, x.name]);
  return (query) => {
    const m = match(query);
    if (m.kind === "one") return m.item;
    if (m.kind === "many")
      return `${what} «${query}» trùng với nhiều ${what}: ${m.candidates.map((c) => c.name).join(", ")}`;
    return `không tìm thấy ${what} «${query}»`;
  };
}

export interface ProgrammePlan {
  rowNo: number;
  sheet: string;
  /** the existing programme's code when the row names one (matched without case), else the new code */
  code: string;
  name: string;
  /** undefined: unchanged (new programmes: the Vietnamese name) */
  nameEn: string | undefined;
  /** the office unit's code; null: none; undefined: unchanged (the column is absent) */
  officeCode: string | null | undefined;
}

export interface UnitPlan {
  rowNo: number;
  sheet: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null | undefined;
  active: boolean | undefined;
}

export interface OfficialPlan {
  rowNo: number;
  sheet: string;
  id: number | null;
  fullName: string;
  title: string | undefined;
  unitCode: string | null;
  roles: { role: Role; unitCode: string | null }[] | undefined;
  responsibilities: { unitCode: string; programmeCode: string; project: string }[] | undefined;
  /** the complete set of the unit × programme pairs he is deputy of; undefined: unchanged (column absent) */
  deputies: { unitCode: string; programmeCode: string }[] | undefined;
  telegramUserId: bigint | undefined;
  language: "vi" | "en" | undefined;
  active: boolean | undefined;
}
