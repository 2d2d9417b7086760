// Task files sent to the bot (secretariat chat): the preview of the tasks to be given, and the answer to ✅.
// Part of the tasks catalogue (tasks.taskFile).
import { formatDmy } from "../../domain/dates.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import { capped, uploadEn, uploadVi } from "../../i18n/upload.ts";
import type { TaskPreviewView } from "./task-upload.ts";

export const taskFileVi = {
  ...uploadVi,
  preview: (v: TaskPreviewView) =>
    [
      `📄 <b>Tệp giao việc «${h(v.fileName)}»</b>: sẽ giao ${v.tasks.length} việc.`,
      ...capped(
        v.tasks,
        (t) =>
          `• Dòng ${t.row}: ${h(t.title)} · ${h(t.unitName)} · đồng chí ${h(t.responsibleName)} · hạn ${formatDmy(t.dueDate)}` +
          (t.requiresEvidence ? " · cần minh chứng" : "") +
          (t.requiresConfirmation ? " · cần xác nhận" : ""),
        (n) => `… và ${n} việc khác.`,
      ),
      uploadVi.confirm(v.expiresAt),
    ].join("\n"),
  unreadable: (fileName: string) =>
    `Không đọc được tệp «${h(fileName)}». Đề nghị gửi tệp .xlsx hoặc .csv theo mẫu giao việc.`,
  applied: (n: number) => `✅ Đã giao ${n} việc theo tệp; các đơn vị và cán bộ phụ trách đã được thông báo.`,
};

export const taskFileEn: typeof taskFileVi = {
  ...uploadEn,
  preview: (v) =>
    [
      `📄 <b>Task file «${h(v.fileName)}»</b>: ${v.tasks.length} tasks to give.`,
      ...capped(
        v.tasks,
        (t) =>
          `• Row ${t.row}: ${h(t.title)} · ${h(t.unitName)} · ${h(t.responsibleName)} · due ${formatDmy(t.dueDate)}` +
          (t.requiresEvidence ? " · evidence needed" : "") +
          (t.requiresConfirmation ? " · to be confirmed" : ""),
        (n) => `… and ${n} more.`,
      ),
      uploadEn.confirm(v.expiresAt),
    ].join("\n"),
  unreadable: (fileName) => `Cannot read «${h(fileName)}». Please send an .xlsx or .csv file in the task format.`,
  applied: (n) => `✅ ${n} tasks given from the file; the units and the responsible officials were told.`,
};
