// Capital plans sent to the bot as a file (secretariat chat): the preview of what would change, the row
// errors, and the answers to ✅ Áp dụng / ✖ Hủy. Part of the disbursement catalogue (disbursement.planUpload).
import { formatDmy, localMinutes } from "../../domain/dates.ts";
import { formatAmountShort } from "../../domain/money.ts";
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

/** Lines shown at most in a preview or an error list (a Telegram message holds 4096 characters). */
export const PREVIEW_LINES = 30;

const SOURCE_VI = { CENTRAL: "vốn TW", LOCAL: "vốn ĐP" } as const;
const KIND_VI = { INVESTMENT: "ĐTPT", RECURRENT: "SN" } as const;
const SOURCE_EN = { CENTRAL: "central", LOCAL: "local" } as const;
const KIND_EN = { INVESTMENT: "investment", RECURRENT: "recurrent" } as const;

function capped<T>(items: T[], line: (x: T) => string, more: (n: number) => string): string[] {
  const shown = items.slice(0, PREVIEW_LINES).map(line);
  return items.length > PREVIEW_LINES ? [...shown, more(items.length - PREVIEW_LINES)] : shown;
}

const hhmm = (d: Date) => {
  const m = localMinutes(d);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

export const planUploadVi = {
  preview: (v: PlanPreviewView) =>
    [
      `📄 <b>Tệp kế hoạch vốn «${h(v.fileName)}»</b>: ${v.rows} dòng hợp lệ.`,
      `Sẽ thêm ${v.created} kế hoạch mới, sửa ${v.updated} kế hoạch, ${v.unchanged} kế hoạch không đổi.`,
      ...capped(
        v.changes,
        (c) =>
          `• ${h(c.unitName)} · ${h(c.programmeCode)} · ${c.year} · ${SOURCE_VI[c.source]} ${KIND_VI[c.kind]}: ` +
          (c.beforeVnd === null
            ? `mới ${formatAmountShort(c.afterVnd)}`
            : c.decisionOnly
              ? `sửa số/ngày quyết định (${formatAmountShort(c.afterVnd)})`
              : `${formatAmountShort(c.beforeVnd)} → ${formatAmountShort(c.afterVnd)}`),
        (n) => `… và ${n} thay đổi khác.`,
      ),
      v.created + v.updated === 0
        ? "Tệp không có thay đổi nào so với kế hoạch vốn hiện có."
        : `Đồng chí bấm «✅ Áp dụng» để ghi, hoặc «✖ Hủy». Bản xem trước hết hạn lúc ${hhmm(v.expiresAt)}.`,
    ].join("\n"),
  errors: (fileName: string, errors: string[]) =>
    [
      `📄 Tệp «${h(fileName)}» có ${errors.length} lỗi, chưa ghi gì:`,
      ...capped(
        errors,
        (e) => `• ${h(e)}`,
        (n) => `… và ${n} lỗi khác.`,
      ),
      "Đề nghị sửa tệp rồi gửi lại.",
    ].join("\n"),
  unreadable: (fileName: string) =>
    `Không đọc được tệp «${h(fileName)}». Đề nghị gửi tệp .xlsx hoặc .csv theo mẫu kế hoạch vốn.`,
  tooLarge: (fileName: string) => `Tệp «${h(fileName)}» quá lớn (tối đa 5 MB).`,
  buttons: { apply: "✅ Áp dụng", cancel: "✖ Hủy" },
  applied: (created: number, updated: number, on: string) =>
    `✅ Đã áp dụng tệp kế hoạch vốn ngày ${formatDmy(on)}: ${created} kế hoạch mới, ${updated} kế hoạch cập nhật.`,
  cancelled: "✖ Đã hủy, không ghi thay đổi nào.",
  gone: "Bản xem trước này đã hết hạn hoặc đã được xử lý. Đề nghị gửi lại tệp.",
  notYours: "Chỉ đồng chí đã gửi tệp mới được áp dụng hoặc hủy.",
};

export const planUploadEn: typeof planUploadVi = {
  preview: (v) =>
    [
      `📄 <b>Capital plan file «${h(v.fileName)}»</b>: ${v.rows} valid rows.`,
      `${v.created} new plans, ${v.updated} changed, ${v.unchanged} unchanged.`,
      ...capped(
        v.changes,
        (c) =>
          `• ${h(c.unitName)} · ${h(c.programmeCode)} · ${c.year} · ${SOURCE_EN[c.source]} ${KIND_EN[c.kind]}: ` +
          (c.beforeVnd === null
            ? `new ${formatAmountShort(c.afterVnd)}`
            : c.decisionOnly
              ? `decision number/date changed (${formatAmountShort(c.afterVnd)})`
              : `${formatAmountShort(c.beforeVnd)} → ${formatAmountShort(c.afterVnd)}`),
        (n) => `… and ${n} more changes.`,
      ),
      v.created + v.updated === 0
        ? "The file changes nothing in the current capital plans."
        : `Press «✅ Apply» to apply, or «✖ Cancel». This preview expires at ${hhmm(v.expiresAt)}.`,
    ].join("\n"),
  errors: (fileName, errors) =>
    [
      `📄 «${h(fileName)}» has ${errors.length} errors; nothing was written:`,
      ...capped(
        errors,
        (e) => `• ${h(e)}`,
        (n) => `… and ${n} more.`,
      ),
      "Please correct the file and send it again.",
    ].join("\n"),
  unreadable: (fileName) =>
    `Cannot read «${h(fileName)}». Please send an .xlsx or .csv file in the capital plan format.`,
  tooLarge: (fileName) => `«${h(fileName)}» is too large (5 MB at most).`,
  buttons: { apply: "✅ Apply", cancel: "✖ Cancel" },
  applied: (created, updated, on) =>
    `✅ Capital plan file applied on ${formatDmy(on)}: ${created} new plans, ${updated} updated.`,
  cancelled: "✖ Cancelled; nothing was written.",
  gone: "This preview has expired or was already handled. Please send the file again.",
  notYours: "Only the official who sent the file may apply or cancel it.",
};
