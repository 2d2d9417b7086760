// Exporting the registry (programmes, units, officials with current roles and responsibilities) and the audit log.
import type { Db } from "../../../platform/db/client.ts";
import { formatDmy, localDate, localMinutes } from "../../../domain/dates.ts";
import { current } from "./apply.ts";
import { deputyCells } from "./deputies.ts";
import { fileFormat, writeTables } from "./files.ts";
import {
  AUDIT_COLUMNS,
  NO,
  OFFICIAL_COLUMNS,
  PROGRAMME_COLUMNS,
  ROLE_LABELS,
  UNIT_COLUMNS,
  UNIT_KIND_LABELS,
  WHOLE_PROVINCE,
  YES,
  type TableKind,
} from "./labels.ts";

async function programmeTable(db: Db) {
  const programmes = await db.programme.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const offices = await db.unit.findMany({
    where: { id: { in: programmes.flatMap((p) => (p.officeUnitId === null ? [] : [p.officeUnitId])) } },
    select: { id: true, code: true },
  });
  const officeCode = new Map(offices.map((u) => [u.id, u.code]));
  return {
    kind: "programmes" as const,
    header: Object.values(PROGRAMME_COLUMNS) as string[],
    rows: programmes.map((p) => [
      p.code,
      p.name,
      p.nameEn,
      p.officeUnitId === null ? "" : (officeCode.get(p.officeUnitId) ?? ""),
    ]),
  };
}

async function unitTable(db: Db) {
  const units = await db.unit.findMany({ orderBy: { id: "asc" }, include: { parent: true } });
  return {
    kind: "units" as const,
    header: Object.values(UNIT_COLUMNS) as string[],
    rows: units.map((u) => [u.code, u.name, UNIT_KIND_LABELS[u.kind], u.parent?.code ?? "", u.active ? YES : NO]),
  };
}

/**
 * Officials are read a page at a time: Prisma loads a page's roles and responsibilities with one `IN` list of
 * the page's ids, and SQLite refuses a statement of more than 32,766 variables (a national registry has 50,000
 * officials: «too many SQL variables»).
 */
const OFFICIAL_PAGE = 5000;

async function officialTable(db: Db, now: Date) {
  const officials = [];
  for (let after = 0; ;) {
    const page = await db.official.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: OFFICIAL_PAGE,
      include: {
        unit: true,
        roles: { where: current(now), orderBy: { id: "asc" }, include: { unit: true } },
        responsibilities: { where: current(now), orderBy: { id: "asc" }, include: { unit: true, programme: true } },
      },
    });
    officials.push(...page);
    if (page.length < OFFICIAL_PAGE) break;
    after = page.at(-1)!.id;
  }
  const deputies = await deputyCells(db, now, officials);
  return {
    kind: "officials" as const,
    header: Object.values(OFFICIAL_COLUMNS) as string[],
    rows: officials.map((o) => {
      const roles = o.roles.map((r) => {
        const label = ROLE_LABELS[r.role];
        if (r.unitId === null) return r.role === "SECRETARIAT" ? label : `${label} (${WHOLE_PROVINCE})`;
        if (r.unitId === o.unitId && r.role !== "SECRETARIAT") return label;
        return `${label} (${r.unit!.code})`;
      });
      const programmes = o.responsibilities.map((r) =>
        r.unitId === o.unitId ? r.programme.code : `${r.programme.code} (${r.unit.code})`,
      );
      const projects = o.responsibilities.some((r) => r.project !== "")
        ? o.responsibilities.map((r) => r.project).join("; ")
        : "";
      return [
        String(o.id),
        o.fullName,
        o.title,
        o.unit?.name ?? "",
        roles.join("; "),
        programmes.join("; "),
        projects,
        o.telegramUserId === null ? "" : o.telegramUserId.toString(),
        o.language,
        o.active ? YES : NO,
        deputies.get(o.id) ?? "",
      ];
    }),
  };
}

/** Exports programmes, units and/or officials; a CSV file holds one kind (officials unless told). */
export async function exportFile(
  db: Db,
  path: string,
  opts: { kind?: TableKind; now: Date },
): Promise<{ rows: number }> {
  const kinds: TableKind[] = opts.kind
    ? [opts.kind]
    : fileFormat(path) === "csv"
      ? ["officials"]
      : ["programmes", "units", "officials"];
  const tables = [];
  for (const k of kinds) {
    tables.push(
      k === "programmes"
        ? await programmeTable(db)
        : k === "units"
          ? await unitTable(db)
          : await officialTable(db, opts.now),
    );
  }
  await writeTables(path, tables);
  return { rows: tables.reduce((n, t) => n + t.rows.length, 0) };
}

/** Exports the audit log (oldest first), from `since` on when given. */
export async function exportAudit(db: Db, path: string, opts: { since?: Date } = {}): Promise<{ rows: number }> {
  const entries = await db.auditLog.findMany({
    where: opts.since ? { at: { gte: opts.since } } : {},
    orderBy: { id: "asc" },
  });
  const officials = await db.official.findMany({ select: { id: true, fullName: true } });
  const name = (id: number | null) => (id === null ? "" : (officials.find((o) => o.id === id)?.fullName ?? ""));
  await writeTables(path, [
    {
      kind: "officials",
      header: AUDIT_COLUMNS,
      rows: entries.map((e) => [
        String(e.id),
        formatLocalDateTime(e.at),
        e.at.toISOString(),
        e.actorId === null ? "" : String(e.actorId),
        name(e.actorId),
        e.actorTelegramId === null ? "" : e.actorTelegramId.toString(),
        e.action,
        e.entity,
        e.entityId,
        e.before,
        e.after,
      ]),
    },
  ]);
  return { rows: entries.length };
}

/** "24/11/2026 08:30" in Vietnam time. */
export function formatLocalDateTime(at: Date): string {
  const m = localMinutes(at);
  return `${formatDmy(localDate(at))} ${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
