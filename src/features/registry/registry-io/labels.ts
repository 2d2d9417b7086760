// The registry files' vocabulary: column headers, sheet names, unit-kind and role labels, and input errors.
import type { Role, UnitKind } from "../../../platform/db/client.ts";

/** A problem with the operator's input; the message is Vietnamese and shown as is. */
export class RegistryInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegistryInputError";
  }
}

export type TableKind = "programmes" | "units" | "officials";

export const PROGRAMME_COLUMNS = {
  code: "Mã chương trình",
  name: "Tên chương trình",
  nameEn: "Tên tiếng Anh",
  // the department or office that answers the programme's obstacles (Programme.officeUnitId)
  office: "Cơ quan chủ trì",
} as const;

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
  // the unit × programme pairs the official is the deputy (Phó Chủ tịch phụ trách) of (#19, Deputy): «NTM; GNBV»,
  // «DTTS (BAC_TRA_MY)»; the default stand-in for the unit's officials away, as /phutrach sets it
  deputies: "Phó Chủ tịch phụ trách chương trình",
} as const;

/**
 * Columns read on import but never written by export: «Đổi họ tên» = «Có» confirms that a row found by its
 * Telegram ID renames that official (without it such a row is refused: a mistyped id must not rename,
 * move and demote someone else).
 */
export const OFFICIAL_IMPORT_COLUMNS = {
  ...OFFICIAL_COLUMNS,
  rename: "Đổi họ tên",
} as const;

export const SHEET_NAMES: Record<TableKind, string> = {
  programmes: "Chương trình",
  units: "Đơn vị",
  officials: "Cán bộ",
};

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
export const YES = "Có";
export const NO = "Không";

export interface RowError {
  sheet: string;
  rowNo: number;
  message: string;
}

/** Where a row is: "Trang «Cán bộ», dòng 5: " (XLSX) or "Dòng 5: " (CSV). */
export function where(sheet: string, rowNo: number): string {
  return sheet ? `Trang «${sheet}», dòng ${rowNo}: ` : `Dòng ${rowNo}: `;
}

export function formatRowError(e: RowError): string {
  return `${where(e.sheet, e.rowNo)}${e.message}`;
}

/** The columns of the exported audit log. */
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
