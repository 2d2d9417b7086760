// The rows behind the unit /status of a few units, read in ONE statement (the hot path, docs/benchmarks.md).
// Seven small reads (programmes, plans, reports, milestones, open tasks, the units, tasks done today) as
// seven statements cost seven parses, plans and round trips; on PostgreSQL that was most of a /status.
// They are one `UNION ALL` of rows of one shape, told apart by "t":
//
//   t            id           unitId   programmeId  num             num2       text1     text2     at
//   programme    programme             —            sortOrder                  code
//   plan                      unit     programme    SUM(amountVnd)
//   report       report (seq) unit     programme    cumulativeVnd              source    kind
//   milestone                 unit?    programme?   targetBp                   dueDate
//   open                      unit     programme?   open tasks      overdue
//   unit         unit                                                         name
//   done         task         unit                                            title     fullName  completedAt
//
// Reports: only the latest of each part (unit × programme × source × kind; a whole-programme report is
// the part with no source and kind), the only ones currentDisbursed (src/domain/disbursed.ts) can use:
// a tenth of the rows of a year of monthly reports.
// Portable SQL (quoted identifiers; the first branch CASTs its NULLs, since PostgreSQL types a UNION's
// columns from left to right; CAST to TEXT for PostgreSQL's enums), read through the driver
// (src/db/reader.ts). `"programmeId" IN (SELECT …)` lets the (unitId, programmeId, year) indexes seek the
// year: without it SQLite, with no statistics, takes the year index and reads the whole year of every unit.
import { joinSql, sql, type Sql } from "../db/client.ts";
import { localDate, localInstant } from "../domain/dates.ts";
import { reportingYear } from "../domain/disbursed.ts";
import type { Reader } from "../db/reader.ts";
import type { TaskCount } from "./status.ts";

type Int = number | bigint | string;

export interface UnitRow {
  t: "programme" | "plan" | "report" | "milestone" | "open" | "unit" | "done";
  id: Int | null;
  unitId: Int | null;
  programmeId: Int | null;
  num: Int | null;
  num2: Int | null;
  text1: string | null;
  text2: string | null;
  at: Date | string | null;
}

export interface UnitRows {
  programmes: { id: number; code: string }[];
  plans: { unitId: number; programmeId: number; amountVnd: bigint }[];
  reports: { id: number; unitId: number; programmeId: number; source: string | null; kind: string | null; cumulativeVnd: bigint }[];
  milestoneRows: { programmeId: number | null; unitId: number | null; dueDate: string; targetBp: number }[];
  taskCounts: TaskCount[];
  units: { id: number; name: string }[];
  /** in completion order */
  done: { unitId: number; title: string; by: string }[];
}

/** Unit /status rows read ahead for one local day (by the update look-up, src/services/update-lookup.ts). */
export interface AheadRows {
  today: string;
  rows: UnitRows;
}

/** The day a unit /status is computed for. */
export interface StatusDay {
  /** local date, YYYY-MM-DD */
  today: string;
  /** the reporting year */
  year: number;
  /** the local midnight that began it (tasks done today) */
  dayStart: Date;
}

export function statusDay(now: Date): StatusDay {
  const today = localDate(now);
  return { today, year: reportingYear(today), dayStart: localInstant(today, 0) };
}

/** The unit /status rows of the units `unitIds` selects: a list of ids, or a sub-query (the update look-up's). */
export function unitRowsSql({ year, today, dayStart }: StatusDay, ids: Sql): Sql {
  return sql`
    SELECT 'programme' AS "t", "id", CAST(NULL AS INTEGER) AS "unitId", CAST(NULL AS INTEGER) AS "programmeId",
           "sortOrder" AS "num", CAST(NULL AS INTEGER) AS "num2", "code" AS "text1", CAST(NULL AS TEXT) AS "text2",
           CAST(NULL AS TIMESTAMP) AS "at"
      FROM "Programme"
    UNION ALL
    SELECT 'plan', NULL, "unitId", "programmeId", SUM("amountVnd"), NULL, NULL, NULL, NULL
      FROM "CapitalPlan"
     WHERE "unitId" IN (${ids}) AND "programmeId" IN (SELECT "id" FROM "Programme") AND "year" = ${year}
     GROUP BY "unitId", "programmeId"
    UNION ALL
    SELECT 'report', "id", "unitId", "programmeId", "cumulativeVnd", NULL, CAST("source" AS TEXT), CAST("kind" AS TEXT), NULL
      FROM "DisbursementReport"
     WHERE "id" IN (SELECT MAX("id") FROM "DisbursementReport"
                     WHERE "unitId" IN (${ids}) AND "programmeId" IN (SELECT "id" FROM "Programme") AND "year" = ${year}
                     GROUP BY "unitId", "programmeId", "source", "kind")
    UNION ALL
    SELECT 'milestone', NULL, "unitId", "programmeId", "targetBp", NULL, "dueDate", NULL, NULL
      FROM "Milestone"
     WHERE "year" = ${year} AND ("unitId" IS NULL OR "unitId" IN (${ids}))
    UNION ALL
    SELECT 'open', NULL, "unitId", "programmeId", COUNT(*), SUM(CASE WHEN "dueDate" < ${today} THEN 1 ELSE 0 END), NULL, NULL, NULL
      FROM "Task"
     WHERE "unitId" IN (${ids}) AND "status" = 'OPEN'
     GROUP BY "unitId", "programmeId"
    UNION ALL
    SELECT 'unit', "id", NULL, NULL, NULL, NULL, "name", NULL, NULL
      FROM "Unit"
     WHERE "id" IN (${ids})
    UNION ALL
    SELECT 'done', t."id", t."unitId", NULL, NULL, NULL, t."title", o."fullName", t."completedAt"
      FROM "Task" t LEFT JOIN "Official" o ON o."id" = t."completedById"
     WHERE t."unitId" IN (${ids}) AND t."status" = 'DONE' AND t."completedAt" >= ${dayStart}`;
}

export async function readUnitRows(reader: Reader, day: StatusDay, unitIds: number[]): Promise<UnitRows> {
  return unitRowsFrom(await reader.all<UnitRow>(unitRowsSql(day, joinSql(unitIds))));
}

/** The rows of unitRowsSql, sorted into their kinds. */
export function unitRowsFrom(rows: UnitRow[]): UnitRows {
  const n = (v: Int | null) => (v === null ? null : Number(v));
  const out: UnitRows = { programmes: [], plans: [], reports: [], milestoneRows: [], taskCounts: [], units: [], done: [] };
  const order: { sortOrder: number; code: string }[] = [];
  const done: { at: number; id: number; row: UnitRows["done"][number] }[] = [];
  for (const r of rows) {
    switch (r.t) {
      case "programme":
        out.programmes.push({ id: Number(r.id), code: r.text1! });
        order.push({ sortOrder: Number(r.num), code: r.text1! });
        break;
      case "plan":
        out.plans.push({ unitId: Number(r.unitId), programmeId: Number(r.programmeId), amountVnd: BigInt(r.num!) });
        break;
      case "report":
        out.reports.push({
          id: Number(r.id),
          unitId: Number(r.unitId),
          programmeId: Number(r.programmeId),
          source: r.text1,
          kind: r.text2,
          cumulativeVnd: BigInt(r.num!),
        });
        break;
      case "milestone":
        out.milestoneRows.push({ programmeId: n(r.programmeId), unitId: n(r.unitId), dueDate: r.text1!, targetBp: Number(r.num) });
        break;
      case "open":
        out.taskCounts.push({ unitId: Number(r.unitId), programmeId: n(r.programmeId), open: Number(r.num), overdue: Number(r.num2) });
        break;
      case "unit":
        out.units.push({ id: Number(r.id), name: r.text1! });
        break;
      case "done":
        done.push({ at: new Date(r.at!).getTime(), id: Number(r.id), row: { unitId: Number(r.unitId), title: r.text1!, by: r.text2 ?? "" } });
        break;
    }
  }
  // programmes by sortOrder, then code; done tasks by completion time, then id
  const rank = new Map(out.programmes.map((p, i) => [p.id, order[i]!]));
  out.programmes.sort((a, b) => rank.get(a.id)!.sortOrder - rank.get(b.id)!.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  out.done = done.sort((a, b) => a.at - b.at || a.id - b.id).map((d) => d.row);
  return out;
}
