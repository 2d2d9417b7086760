// Calendar files (holidays and make-up working days, docs/calendar-files.md) sent to the bot in the
// secretariat's group, through the one file flow (src/platform/telegram/file-upload.ts): the file is checked
// like `npm run cli -- calendar import`, the preview names the days to add and to change; a file that
// changes something waits as the sender's PendingInput for his ✅, which checks it again against the
// calendar as it is then and writes every day or none, each change audited.
import type { Db } from "../../platform/db/client.ts";
import {
  pendingUploads,
  type DecideInput,
  type PendingDecision,
  type StageInput,
} from "../../platform/db/pending-upload.ts";
import { applyCalendarTableIn, changed, checkCalendarTable, type CalendarApplied } from "./calendar-file.ts";
import type { CalendarDayView } from "./holidays.ts";

export const CALENDAR_UPLOAD_INPUT = "calendar.upload";

export interface CalendarPreviewView {
  fileName: string;
  rows: number;
  added: CalendarDayView[];
  changed: (CalendarDayView & { before: Omit<CalendarDayView, "date"> })[];
  unchanged: number;
  expiresAt: Date;
}

export type CalendarStageResult =
  { ok: false; errors: string[] } | { ok: true; pendingId: number | null; preview: CalendarPreviewView };

export function createCalendarUpload({ db }: { db: Db }) {
  const uploads = pendingUploads(db, CALENDAR_UPLOAD_INPUT);

  async function stage(input: StageInput & { table: string[][] }): Promise<CalendarStageResult> {
    const checked = await checkCalendarTable(db, input.table);
    if (!checked.ok) return checked;
    const day = (d: CalendarDayView) => ({ date: d.date, kind: d.kind, name: d.name });
    const expiresAt = uploads.expiry(input.now);
    const preview: CalendarPreviewView = {
      fileName: input.fileName,
      rows: checked.days.length,
      added: checked.days.filter((d) => d.before === null).map(day),
      changed: checked.days
        .filter((d) => d.before !== null && changed(d))
        .map((d) => ({ ...day(d), before: d.before! })),
      unchanged: checked.days.filter((d) => !changed(d)).length,
      expiresAt,
    };
    if (preview.added.length + preview.changed.length === 0) return { ok: true, pendingId: null, preview };
    const pendingId = await uploads.stage(input, { table: input.table }, expiresAt);
    return { ok: true, pendingId, preview };
  }

  /** ✅ or ✖ under a preview: only its sender decides; ✅ checks the file again and writes it all or nothing. */
  async function decide(input: DecideInput): Promise<PendingDecision<CalendarApplied>> {
    return uploads.decide(input, (tx, { table }: { table: string[][] }) =>
      applyCalendarTableIn(tx, table, { actorId: input.actorId, now: input.now }),
    );
  }

  return { stage, decide };
}

export type CalendarUpload = ReturnType<typeof createCalendarUpload>;
