// Capital plans sent to the bot as a file (secretariat chat): the preview of what would change, the row
// errors, and the answers to ✅ Áp dụng / ✖ Hủy. Part of the disbursement catalogue (disbursement.planUpload).
import { formatDmy } from "../../domain/dates.ts";
import { capped, uploadEn, uploadVi } from "../../i18n/upload.ts";
import { formatAmountShort, english } from "../../domain/money-format.ts";
import { escapeHtml as h } from "../../domain/text.ts";

export interface PlanChangeLine {
  unitName: string;
  programmeCode: string;
  year: number;
  source: "CENTRAL" | "LOCAL";
  kind: "INVESTMENT" | "RECURRENT";
  /** the amount now; null: a new plan */
  beforeVnd: bigint | null;
  afterVnd: bigint;
  /** only the decision number or date changes */
  decisionOnly: boolean;
}

export interface PlanPreviewView {
  fileName: string;
  rows: number;
  /** new and changed plans, by unit × programme */
  changes: PlanChangeLine[];
  created: number;
  updated: number;
  unchanged: number;
  expiresAt: Date;
}

/** "45 tỷ đồng", "850 triệu đồng": as documents write an amount standing alone (no ",0") */
const amountVi = (vnd: bigint) =>
  formatAmountShort(vnd)
    .replace(/,0 tỷ$/, " tỷ")
    .replace(/ (tỷ|triệu)$/, " $1 đồng");

const SOURCE_VI = { CENTRAL: "vốn TW", LOCAL: "vốn ĐP" } as const;
const KIND_VI = { INVESTMENT: "ĐTPT", RECURRENT: "SN" } as const;
const SOURCE_EN = { CENTRAL: "central", LOCAL: "local" } as const;
const KIND_EN = { INVESTMENT: "investment", RECURRENT: "recurrent" } as const;

export const planUploadVi = {
  ...uploadVi,
  preview: (v: PlanPreviewView) =>
    [
      `📄 <b>Tệp kế hoạch vốn «${h(v.fileName)}»</b>: ${v.rows} dòng hợp lệ.`,
      `Sẽ thêm ${v.created} kế hoạch mới, sửa ${v.updated} kế hoạch, ${v.unchanged} kế hoạch không đổi.`,
      ...capped(
        v.changes,
        (c) =>
          `• ${h(c.unitName)} · ${h(c.programmeCode)} · ${c.year} · ${SOURCE_VI[c.source]} ${KIND_VI[c.kind]}: ` +
          (c.beforeVnd === null
            ? `mới ${amountVi(c.afterVnd)}`
            : c.decisionOnly
              ? `sửa số/ngày quyết định (${amountVi(c.afterVnd)})`
              : `${amountVi(c.beforeVnd)} → ${amountVi(c.afterVnd)}`),
        (n) => `… và ${n} thay đổi khác.`,
      ),
      v.created + v.updated === 0
        ? "Tệp không có thay đổi nào so với kế hoạch vốn hiện có."
        : uploadVi.confirm(v.expiresAt),
    ].join("\n"),
  unreadable: (fileName: string) =>
    `Không đọc được tệp «${h(fileName)}». Đề nghị gửi tệp .xlsx hoặc .csv theo mẫu kế hoạch vốn.`,
  applied: (created: number, updated: number, on: string) =>
    `✅ Đã áp dụng tệp kế hoạch vốn ngày ${formatDmy(on)}: ${created} kế hoạch mới, ${updated} kế hoạch cập nhật.`,
};

export const planUploadEn: typeof planUploadVi = {
  ...uploadEn,
  preview: (v) =>
    [
      `📄 <b>Capital plan file «${h(v.fileName)}»</b>: ${v.rows} valid rows.`,
      `${v.created} new plans, ${v.updated} changed, ${v.unchanged} unchanged.`,
      ...capped(
        v.changes,
        (c) =>
          `• ${h(c.unitName)} · ${h(c.programmeCode)} · ${c.year} · ${SOURCE_EN[c.source]} ${KIND_EN[c.kind]}: ` +
          (c.beforeVnd === null
            ? `new ${english.amountShort(c.afterVnd)}`
            : c.decisionOnly
              ? `decision number/date changed (${english.amountShort(c.afterVnd)})`
              : `${english.amountShort(c.beforeVnd)} → ${english.amountShort(c.afterVnd)}`),
        (n) => `… and ${n} more changes.`,
      ),
      v.created + v.updated === 0
        ? "The file changes nothing in the current capital plans."
        : uploadEn.confirm(v.expiresAt),
    ].join("\n"),
  unreadable: (fileName) =>
    `Cannot read «${h(fileName)}». Please send an .xlsx or .csv file in the capital plan format.`,
  applied: (created, updated, on) =>
    `✅ Capital plan file applied on ${formatDmy(on)}: ${created} new plans, ${updated} updated.`,
};
