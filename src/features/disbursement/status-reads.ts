// The status service's reads, one plain SQL query per concept, the same text on SQLite and PostgreSQL.
// Raw rather than Prisma's model API because they run for every /status: through the model API each read
// costs 3–4 times as much (Prisma 6.19's client compiles every query again, 300–600 µs, whatever its rows),
// and /status missed its latency target by that much (docs/decisions/017-raw-status-reads.md).
import { joinSql, sql, type Db, type Sql } from "../../platform/db/client.ts";

/** Units to read: a list, or every unit (undefined: the province; longer lists are read whole, see below). */
export type UnitScope = number[] | undefined;

/**
 * Longer lists of units are read whole and picked in memory: a query's parameters are limited (SQLite
 * 32,766, PostgreSQL 65,535), and the pace check asks for every unit of the province.
 */
const MAX_LISTED_UNITS = 1000;

export const isListed = (units: UnitScope): units is number[] =>
  units !== undefined && units.length <= MAX_LISTED_UNITS;

/** `AND <column> IN (…)` for a listed scope, nothing otherwise. */
function unitFilter(column: Sql, units: UnitScope): Sql {
  if (!isListed(units)) return sql``;
  if (units.length === 0) return sql`AND 1 = 0`;
  return sql`AND ${column} IN (${joinSql(units)})`;
}

export interface ProgrammeRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

export const readProgrammes = (db: Db) =>
  db.$queryRaw<ProgrammeRow[]>(sql`
    SELECT "id", "code", "name", "nameEn" FROM "Programme" ORDER BY "sortOrder", "code"`);

export interface PlanRow {
  unitId: number;
  programmeId: number;
  source: string;
  kind: string;
  amountVnd: bigint;
}

export const readPlans = (db: Db, year: number, units: UnitScope) =>
  db.$queryRaw<PlanRow[]>(sql`
    SELECT "unitId", "programmeId", "source", "kind", "amountVnd" FROM "CapitalPlan"
    WHERE "year" = ${year} ${unitFilter(sql`"unitId"`, units)}`);

export interface ReportRow {
  id: number;
  unitId: number;
  programmeId: number;
  source: string | null;
  kind: string | null;
  cumulativeVnd: bigint;
  asOf: string;
}

export const readReports = (db: Db, year: number, units: UnitScope) =>
  db.$queryRaw<ReportRow[]>(sql`
    SELECT "id", "unitId", "programmeId", "source", "kind", "cumulativeVnd", "asOf" FROM "DisbursementReport"
    WHERE "year" = ${year} ${unitFilter(sql`"unitId"`, units)}`);

export interface MilestoneRow {
  programmeId: number | null;
  unitId: number | null;
  dueDate: string;
  targetBp: number;
}

export const readMilestones = (db: Db, year: number) =>
  db.$queryRaw<MilestoneRow[]>(sql`
    SELECT "programmeId", "unitId", "dueDate", "targetBp" FROM "Milestone" WHERE "year" = ${year}`);

export interface OpenTaskRow {
  unitId: number;
  programmeId: number | null;
  dueDate: string;
}

/** Tasks not done: a completion waiting for confirmation (#19) is still counted. */
export const readOpenTasks = (db: Db, units: UnitScope) =>
  db.$queryRaw<OpenTaskRow[]>(sql`
    SELECT "unitId", "programmeId", "dueDate" FROM "Task"
    WHERE "status" IN ('OPEN', 'AWAITING_CONFIRMATION') ${unitFilter(sql`"unitId"`, units)}`);

export interface UnitRow {
  id: number;
  name: string;
}

export const readUnits = (db: Db, units: UnitScope) =>
  db.$queryRaw<UnitRow[]>(sql`SELECT "id", "name" FROM "Unit" WHERE 1 = 1 ${unitFilter(sql`"id"`, units)}`);

export interface DoneTaskRow {
  unitId: number;
  title: string;
  /** who reported it done (null when nobody is recorded) */
  by: string | null;
}

/**
 * Tasks done since `since`, in the order they were done, with who did them. A task that waited for its
 * assigner (#19) is done when it was confirmed, not when it was reported.
 */
export const readDoneSince = (db: Db, since: Date, units: UnitScope) =>
  db.$queryRaw<DoneTaskRow[]>(sql`
    SELECT t."unitId", t."title", o."fullName" AS "by"
    FROM "Task" t LEFT JOIN "Official" o ON o."id" = t."completedById"
    WHERE t."status" = 'DONE' ${unitFilter(sql`t."unitId"`, units)}
      AND (t."confirmedAt" >= ${since} OR (t."confirmedAt" IS NULL AND t."completedAt" >= ${since}))
    ORDER BY COALESCE(t."confirmedAt", t."completedAt"), t."id"`);

export interface PlanChangeRow {
  unitId: number;
  programmeId: number;
  deltaVnd: bigint;
  decisionNo: string;
}

/** The year's plan changes by reallocation decisions (R3), oldest first, with their decision's number. */
export const readPlanChanges = (db: Db, year: number, units: UnitScope) =>
  db.$queryRaw<PlanChangeRow[]>(sql`
    SELECT p."unitId", p."programmeId", c."deltaVnd", d."decisionNo"
    FROM "PlanChange" c
      JOIN "CapitalPlan" p ON p."id" = c."planId"
      JOIN "ReallocationDecision" d ON d."id" = c."decisionId"
    WHERE p."year" = ${year} ${unitFilter(sql`p."unitId"`, units)}
    ORDER BY c."id"`);
