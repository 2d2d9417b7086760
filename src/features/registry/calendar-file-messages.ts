// Calendar files sent to the bot (secretariat chat): the preview of the holidays and make-up working days to
// add and to change, and the answer to ✅. Part of the onboarding catalogue (onboarding.calendarFile).
import { formatDmy } from "../../domain/dates.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import { capped, uploadEn, uploadVi } from "../../i18n/upload.ts";
import type { CalendarPreviewView } from "./calendar-upload.ts";
import type { CalendarDayView } from "./holidays.ts";

const dayVi = (d: Omit<CalendarDayView, "date">) => `${d.kind === "HOLIDAY" ? "nghỉ" : "làm việc bù"} — ${h(d.name)}`;
const dayEn = (d: Omit<CalendarDayView, "date">) =>
  `${d.kind === "HOLIDAY" ? "holiday" : "make-up working day"} — ${h(d.name)}`;

export const calendarFileVi = {
  ...uploadVi,
  preview: (v: CalendarPreviewView) =>
    [
      `📅 <b>Tệp ngày nghỉ, ngày làm việc bù «${h(v.fileName)}»</b>: ${v.rows} dòng hợp lệ.`,
      `Sẽ thêm ${v.added.length}, sửa ${v.changed.length}; ${v.unchanged} ngày đã có, không đổi.`,
      ...(v.added.length
        ? [
            "<b>Thêm mới:</b>",
            ...capped(
              v.added,
              (d) => `• ${formatDmy(d.date)}: ${dayVi(d)}`,
              (n) => `… và ${n} ngày khác.`,
            ),
          ]
        : []),
      ...(v.changed.length
        ? [
            "<b>Sửa:</b>",
            ...capped(
              v.changed,
              (d) => `• ${formatDmy(d.date)}: ${dayVi(d)} (trước đây: ${dayVi(d.before)})`,
              (n) => `… và ${n} ngày khác.`,
            ),
          ]
        : []),
      v.added.length + v.changed.length === 0
        ? "Tệp không có thay đổi nào so với lịch làm việc hiện có."
        : uploadVi.confirm(v.expiresAt),
    ].join("\n"),
  unreadable: (fileName: string) =>
    `Không đọc được tệp «${h(fileName)}». Đề nghị gửi tệp .xlsx hoặc .csv theo mẫu ngày nghỉ (Ngày, Loại, Tên).`,
  applied: (added: number, changed: number) =>
    `✅ Đã cập nhật lịch làm việc: thêm ${added}, sửa ${changed} ngày, đã ghi nhật ký.`,
};

export const calendarFileEn: typeof calendarFileVi = {
  ...uploadEn,
  preview: (v) =>
    [
      `📅 <b>Holidays file «${h(v.fileName)}»</b>: ${v.rows} valid rows.`,
      `${v.added.length} to add, ${v.changed.length} to change; ${v.unchanged} already there, unchanged.`,
      ...(v.added.length
        ? [
            "<b>New:</b>",
            ...capped(
              v.added,
              (d) => `• ${formatDmy(d.date)}: ${dayEn(d)}`,
              (n) => `… and ${n} more.`,
            ),
          ]
        : []),
      ...(v.changed.length
        ? [
            "<b>Changed:</b>",
            ...capped(
              v.changed,
              (d) => `• ${formatDmy(d.date)}: ${dayEn(d)} (was: ${dayEn(d.before)})`,
              (n) => `… and ${n} more.`,
            ),
          ]
        : []),
      v.added.length + v.changed.length === 0
        ? "The file changes nothing in the calendar."
        : uploadEn.confirm(v.expiresAt),
    ].join("\n"),
  unreadable: (fileName) =>
    `Cannot read «${h(fileName)}». Please send an .xlsx or .csv file in the holidays format (Ngày, Loại, Tên).`,
  applied: (added, changed) => `✅ Working calendar updated: ${added} days added, ${changed} changed, audited.`,
};
