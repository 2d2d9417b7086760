// Reports for leaders, built together: scorecards, charts, exports and the weekly report all read the
// status service, so every figure is the one /status shows.
import type { Db } from "../../platform/db/client.ts";
import type { Messages } from "../../i18n/index.ts";
import type { OfficeHours, WorkCalendar } from "../../domain/calendar.ts";
import { createChartService } from "./charts.ts";
import { createExportService } from "./exports.ts";
import { createScorecardService } from "./scorecard.ts";
import type { StatusService } from "../disbursement/status.ts";
import { createWeeklyReportService } from "./weekly-report.ts";
import type { DirectiveService } from "../directives/directives.ts";

export function createReportServices({
  db,
  calendar,
  officeHours,
  status,
  directives,
  messages,
}: {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  officeHours: OfficeHours;
  status: StatusService;
  directives: DirectiveService;
  /** renders chart labels, export headers and the weekly report (the composition root passes `catalogue`) */
  messages: Messages<"reports" | "directives" | "absence">;
}) {
  const scorecard = createScorecardService({ db, status });
  const charts = createChartService({ db, status, messages });
  return {
    scorecard,
    charts,
    exports: createExportService({ db, status, scorecard, directives, messages }),
    weeklyReport: createWeeklyReportService({ db, calendar, officeHours, status, charts, directives, messages }),
  };
}
