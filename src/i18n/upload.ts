// What every file sent to the bot for the secretariat's ✅ says the same way (capital plans, registry files,
// task files): the row errors, the buttons and the answers to them. Each kind adds its preview and its
// «cannot read» line (which names its format).
import { localMinutes } from "../domain/dates.ts";
import { escapeHtml as h } from "../domain/text.ts";

/** Lines shown at most in a preview or an error list (a Telegram message holds 4096 characters). */
export const PREVIEW_LINES = 30;

/** The first PREVIEW_LINES items as lines, then «… and n more». */
export function capped<T>(items: T[], line: (x: T) => string, more: (n: number) => string): string[] {
  const shown = items.slice(0, PREVIEW_LINES).map(line);
  return items.length > PREVIEW_LINES ? [...shown, more(items.length - PREVIEW_LINES)] : shown;
}

/** hh:mm, local time (a preview's expiry). */
export const hhmm = (d: Date) => {
  const m = localMinutes(d);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

export const uploadVi = {
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
  confirm: (expiresAt: Date) =>
    `Đề nghị đồng chí bấm «✅ Áp dụng» để ghi, hoặc «✖ Hủy» để bỏ. Bản xem trước hết hạn lúc ${hhmm(expiresAt)}.`,
  tooLarge: (fileName: string) => `Tệp «${h(fileName)}» quá lớn (tối đa 5 MB).`,
  buttons: { apply: "✅ Áp dụng", cancel: "✖ Hủy" },
  cancelled: "✖ Đã hủy, không ghi thay đổi nào.",
  gone: "Bản xem trước này đã hết hạn hoặc đã được xử lý. Đề nghị gửi lại tệp.",
  notYours: "Chỉ đồng chí đã gửi tệp mới được áp dụng hoặc hủy.",
};

export const uploadEn: typeof uploadVi = {
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
  confirm: (expiresAt) => `Press «✅ Apply» to apply, or «✖ Cancel». This preview expires at ${hhmm(expiresAt)}.`,
  tooLarge: (fileName) => `«${h(fileName)}» is too large (5 MB at most).`,
  buttons: { apply: "✅ Apply", cancel: "✖ Cancel" },
  cancelled: "✖ Cancelled; nothing was written.",
  gone: "This preview has expired or was already handled. Please send the file again.",
  notYours: "Only the official who sent the file may apply or cancel it.",
};
