// Reports for leaders, built together: scorecards, charts, exports and the weekly report all read the
// status service, so every figure is the one /status shows.
import type { Db } from "../../platform/db/client.ts";
import type { OfficeHours, WorkCalendar } from "../../domain/calendar.ts";
import { createChartService } from "./charts.ts";
import { createExportService } from "./exports.ts";
import { createScorecardService } from "./scorecard.ts";
import { createStatusService } from "../disbursement/status.ts";
import { createWeeklyReportService } from "./weekly-report.ts";

export function createReportServices({ db, calendar, officeHours }: { db: Db; calendar: () => Promise<WorkCalendar>; officeHours: OfficeHours }) {
  const status = createStatusService({ db });
  const scorecard = createScorecardService({ db, status });
  const charts = createChartService({ db, status });
  return {
    scorecard,
    charts,
    exports: createExportService({ db, status, scorecard }),
    weeklyReport: createWeeklyReportService({ db, calendar, officeHours, status, charts }),
  };
}
