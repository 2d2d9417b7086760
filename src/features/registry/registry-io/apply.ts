// Applying registry changes in a transaction: one official, or a whole validated file; an audit entry per change.
import type { Role, Tx } from "../../../platform/db/client.ts";
import { foldVietnamese } from "../../../domain/text.ts";
import { audit } from "../../../platform/db/audit.ts";
import { applyDeputies } from "./deputies.ts";
import type { OfficialPlan, ProgrammePlan, UnitPlan } from "./rows.ts";

export interface OfficialPatch {
  fullName?: string;
  title?: string;
  unitId?: number | null;
  telegramUserId?: bigint | null;
  language?: string;
  active?: boolean;
  /** the complete set of current roles (replaces); undefined keeps them */
  roles?: { role: Role; unitId: number | null }[];
  /** the complete set of current responsibilities (replaces); undefined keeps them */
  responsibilities?: { unitId: number; programmeId: number; project: string }[];
}

export interface ChangeContext {
  now: Date;
  actorId?: number | null;
}

const officialFields = (o: {
  id: number;
  fullName: string;
  title: string;
  unitId: number | null;
  telegramUserId: bigint | null;
  language: string;
  active: boolean;
}) => ({
  id: o.id,
  fullName: o.fullName,
  title: o.title,
  unitId: o.unitId,
  telegramUserId: o.telegramUserId,
  language: o.language,
  active: o.active,
});

/** A where clause for rows valid at `now`. */
export const current = (now: Date) => ({ OR: [{ validTo: null }, { validTo: { gt: now } }] });

/**
 * Creates (id null) or updates an official so that he matches the patch, ending and granting roles and
 * responsibilities as needed; one audit entry per change. Returns the official's id and the actions done.
 */
export async function applyOfficial(
  tx: Tx,
  id: number | null,
  patch: OfficialPatch,
  ctx: ChangeContext,
): Promise<{ id: number; actions: string[] }> {
  const { actions, log } = auditTrail(tx, ctx);
  let officialId: number;
  if (id === null) {
    const fullName = patch.fullName ?? "";
    const created = await tx.official.create({
      data: {
        fullName,
        nameKey: foldVietnamese(fullName),
        title: patch.title ?? "",
        unitId: patch.unitId ?? null,
        telegramUserId: patch.telegramUserId ?? null,
        language: patch.language ?? "vi",
        active: patch.active ?? true,
      },
    });
    officialId = created.id;
    await log("official.create", "Official", created.id, undefined, officialFields(created));
  } else {
    const before = await tx.official.findUniqueOrThrow({ where: { id } });
    officialId = id;
    const data: Record<string, unknown> = {};
    if (patch.fullName !== undefined && patch.fullName !== before.fullName) {
      data.fullName = patch.fullName;
      data.nameKey = foldVietnamese(patch.fullName);
    }
    if (patch.title !== undefined && patch.title !== before.title) data.title = patch.title;
    if (patch.unitId !== undefined && patch.unitId !== before.unitId) data.unitId = patch.unitId;
    if (patch.telegramUserId !== undefined && patch.telegramUserId !== before.telegramUserId)
      data.telegramUserId = patch.telegramUserId;
    if (patch.language !== undefined && patch.language !== before.language) data.language = patch.language;
    if (patch.active !== undefined && patch.active !== before.active) data.active = patch.active;
    if (Object.keys(data).length > 0) {
      const after = await tx.official.update({ where: { id }, data });
      await log("official.update", "Official", id, officialFields(before), officialFields(after));
    }
  }

  if (patch.roles !== undefined) {
    await reconcile(
      await tx.roleAssignment.findMany({ where: { officialId, ...current(ctx.now) }, orderBy: { id: "asc" } }),
      patch.roles,
      (r) => `${r.role}:${r.unitId ?? ""}`,
      async (r) => {
        const after = await tx.roleAssignment.update({ where: { id: r.id }, data: { validTo: ctx.now } });
        await log("role.end", "RoleAssignment", r.id, r, after);
      },
      async (r) => {
        const created = await tx.roleAssignment.create({
          data: { officialId, role: r.role, unitId: r.unitId, validFrom: ctx.now },
        });
        await log("role.grant", "RoleAssignment", created.id, undefined, created);
      },
    );
  }

  if (patch.responsibilities !== undefined) {
    await reconcile(
      await tx.responsibility.findMany({ where: { officialId, ...current(ctx.now) }, orderBy: { id: "asc" } }),
      patch.responsibilities,
      (r) => `${r.unitId}:${r.programmeId}:${r.project}`,
      async (r) => {
        const after = await tx.responsibility.update({ where: { id: r.id }, data: { validTo: ctx.now } });
        await log("responsibility.end", "Responsibility", r.id, r, after);
      },
      async (r) => {
        const created = await tx.responsibility.create({ data: { officialId, ...r, validFrom: ctx.now } });
        await log("responsibility.create", "Responsibility", created.id, undefined, created);
      },
    );
  }
  return { id: officialId, actions };
}

/** Creates a programme after the others (sortOrder), or updates its names; audited. */
export async function applyProgramme(
  tx: Tx,
  p: { code: string; name: string; nameEn: string | undefined },
  ctx: ChangeContext,
): Promise<{ id: number; actions: string[] }> {
  const { actions, log } = auditTrail(tx, ctx);
  const before = await tx.programme.findUnique({ where: { code: p.code } });
  if (!before) {
    const last = await tx.programme.findFirst({ orderBy: { sortOrder: "desc" } });
    const created = await tx.programme.create({
      data: {
        code: p.code,
        name: p.name,
        nameEn: p.nameEn ?? p.name,
        nameKey: foldVietnamese(p.name),
        sortOrder: (last?.sortOrder ?? -1) + 1,
      },
    });
    await log("programme.create", "Programme", created.id, undefined, created);
    return { id: created.id, actions };
  }
  const data: Record<string, unknown> = {};
  if (before.name !== p.name) {
    data.name = p.name;
    data.nameKey = foldVietnamese(p.name);
  }
  if (p.nameEn !== undefined && before.nameEn !== p.nameEn) data.nameEn = p.nameEn;
  if (Object.keys(data).length > 0) {
    const after = await tx.programme.update({ where: { id: before.id }, data });
    await log("programme.update", "Programme", before.id, before, after);
  }
  return { id: before.id, actions };
}

/**
 * Names a programme's office (or none): obstacles on its tasks go there to be answered. Audited
 * (`programme.office`, the programme before and after) when it changes; the actions written.
 */
export async function applyProgrammeOffice(
  tx: Tx,
  programme: { id: number; officeUnitId: number | null },
  officeUnitId: number | null,
  ctx: ChangeContext,
): Promise<string[]> {
  if (programme.officeUnitId === officeUnitId) return [];
  const { actions, log } = auditTrail(tx, ctx);
  const before = await tx.programme.findUniqueOrThrow({ where: { id: programme.id } });
  const after = await tx.programme.update({ where: { id: programme.id }, data: { officeUnitId } });
  await log("programme.office", "Programme", programme.id, before, after);
  return actions;
}

/**
 * Applies validated plans: programmes, then units (new ones first, so that parents can be any unit of the
 * file), then officials.
 */
export async function applyPlans(
  tx: Tx,
  plans: { programmePlans: ProgrammePlan[]; unitPlans: UnitPlan[]; officialPlans: OfficialPlan[] },
  ctx: ChangeContext,
): Promise<string[]> {
  const { programmePlans, unitPlans, officialPlans } = plans;
  const { actions, log } = auditTrail(tx, ctx);
  for (const p of programmePlans) actions.push(...(await applyProgramme(tx, p, ctx)).actions);
  // units: create the new ones first, so that parents can be any unit of the file
  for (const u of unitPlans) {
    if (await tx.unit.findUnique({ where: { code: u.code } })) continue;
    const created = await tx.unit.create({
      data: { code: u.code, name: u.name, nameKey: foldVietnamese(u.name), kind: u.kind, active: u.active ?? true },
    });
    await log("unit.create", "Unit", created.id, undefined, created);
  }
  const allUnits = await tx.unit.findMany();
  const unitId = (code: string) => allUnits.find((x) => x.code === code)!.id;
  for (const u of unitPlans) {
    const before = allUnits.find((x) => x.code === u.code)!;
    const data: Record<string, unknown> = {};
    // nameKey follows a renamed unit; an unchanged name keeps its key (the seed gives VPDP an alias key)
    if (before.name !== u.name) {
      data.name = u.name;
      data.nameKey = foldVietnamese(u.name);
    }
    if (before.kind !== u.kind) data.kind = u.kind;
    if (u.active !== undefined && before.active !== u.active) data.active = u.active;
    if (u.parentCode !== undefined) {
      const parentId = u.parentCode === null ? null : unitId(u.parentCode);
      if (before.parentId !== parentId) data.parentId = parentId;
    }
    if (Object.keys(data).length === 0) continue;
    const after = await tx.unit.update({ where: { id: before.id }, data });
    await log("unit.update", "Unit", before.id, before, after);
  }
  const programmes = await tx.programme.findMany();
  const programmeId = (code: string) => programmes.find((p) => p.code === code)!.id;
  // offices after the units: the file may add the department it names
  for (const p of programmePlans) {
    if (p.officeCode === undefined) continue;
    const office = p.officeCode === null ? null : unitId(p.officeCode);
    actions.push(
      ...(await applyProgrammeOffice(
        tx,
        programmes.find((x) => x.code === p.code)!,
        office,
        ctx,
      )),
    );
  }
  const deputies: Parameters<typeof applyDeputies>[1] = [];
  for (const o of officialPlans) {
    const r = await applyOfficial(
      tx,
      o.id,
      {
        fullName: o.fullName,
        title: o.title,
        unitId: o.unitCode === null ? null : unitId(o.unitCode),
        telegramUserId: o.telegramUserId,
        language: o.language,
        active: o.active,
        roles: o.roles?.map((r) => ({ role: r.role, unitId: r.unitCode === null ? null : unitId(r.unitCode) })),
        responsibilities: o.responsibilities?.map((r) => ({
          unitId: unitId(r.unitCode),
          programmeId: programmeId(r.programmeCode),
          project: r.project,
        })),
      },
      ctx,
    );
    actions.push(...r.actions);
    if (o.deputies !== undefined)
      deputies.push({
        officialId: r.id,
        pairs: o.deputies.map((d) => ({ unitId: unitId(d.unitCode), programmeId: programmeId(d.programmeCode) })),
      });
  }
  // deputies after the officials: a row may name one the file adds
  actions.push(...(await applyDeputies(tx, deputies, ctx)));
  return actions;
}

/** Audit entries written in `tx` for the context's actor, and the list of their actions. */
function auditTrail(tx: Tx, ctx: ChangeContext) {
  const actions: string[] = [];
  const log = async (action: string, entity: string, entityId: number, before: unknown, after: unknown) => {
    await audit(tx, { at: ctx.now, actorId: ctx.actorId ?? null, action, entity, entityId, before, after });
    actions.push(action);
  };
  return { actions, log };
}

/**
 * Makes the current rows match `wanted` (by key): ends each current row not wanted (or a second one of the
 * same key), in order, then creates each wanted key not yet current.
 */
async function reconcile<W, R extends W & { id: number }>(
  existing: R[],
  wanted: W[],
  key: (r: W) => string,
  end: (r: R) => Promise<void>,
  create: (w: W) => Promise<void>,
): Promise<void> {
  const byKey = new Map(wanted.map((r) => [key(r), r]));
  const have = new Set<string>();
  for (const r of existing) {
    if (byKey.has(key(r)) && !have.has(key(r))) {
      have.add(key(r));
      continue;
    }
    await end(r);
  }
  for (const [k, r] of byKey) {
    if (have.has(k)) continue;
    await create(r);
  }
}
