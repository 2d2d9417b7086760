// Calendar files sent in the secretariat's chat (src/platform/telegram/file-upload.ts): a file whose header
// row holds «Ngày», «Loại» and «Tên» only (docs/calendar-files.md) is previewed, then written on the
// sender's ✅.
import type { Telegraf } from "telegraf";
import { registerFileUpload } from "../../../platform/telegram/file-upload.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { isCalendarHeader } from "../calendar-file.ts";

export function registerCalendarUpload(bot: Telegraf<BotContext>) {
  registerFileUpload(bot, {
    prefix: "cal",
    recognises: (file) => isCalendarHeader(file.table[0] ?? []),
    stage: (ctx, input) => ctx.services.calendarUpload.stage(input),
    decide: (ctx, input) => ctx.services.calendarUpload.decide(input),
    texts: (ctx) => {
      const t = ctx.t.onboarding.calendarFile;
      // the file was checked again on ✅: the calendar may have changed since the preview
      return { ...t, applied: (r) => (r.errors.length > 0 ? t.errors("", r.errors) : t.applied(r.created, r.updated)) };
    },
  });
}
