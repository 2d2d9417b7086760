// Small factories: the few rows a test needs, instead of the whole demo seed (src/platform/db/seed/demo.ts).
// Each returns the created row; defaults are plain, every field a test cares about can be given.
import type { Db, Role } from "../../src/platform/db/client.ts";
import { foldVietnamese } from "../../src/domain/text.ts";
import { ensureReferenceData } from "../../src/platform/db/seed/reference.ts";

let seq = 0;
const next = () => ++seq;

/** the working calendar and the three programmes, as the app expects them */
export const referenceData = (db: Db) => ensureReferenceData(db);

export function makeUnit(
  db: Db,
  p: { code?: string; name?: string; kind?: "DISTRICT" | "DEPARTMENT" | "OFFICE" } = {},
) {
  const n = next();
  const name = p.name ?? `Huyện Thử ${n}`;
  return db.unit.create({
    data: { code: p.code ?? `UNIT_${n}`, name, nameKey: foldVietnamese(name), kind: p.kind ?? "DISTRICT" },
  });
}

/** an active official; with `role`, holding it (scoped to `roleUnitId`, the official's unit unless null is given) */
export async function makeOfficial(
  db: Db,
  p: {
    unitId: number;
    name?: string;
    telegramUserId?: number;
    role?: Role;
    roleUnitId?: number | null;
    language?: string;
    startedAt?: Date | null;
  },
) {
  const n = next();
  const name = p.name ?? `Cán bộ Thử ${n}`;
  const official = await db.official.create({
    data: {
      fullName: name,
      nameKey: foldVietnamese(name),
      unitId: p.unitId,
      telegramUserId: BigInt(p.telegramUserId ?? 970_000 + n),
      language: p.language ?? "vi",
      privateChatAt: p.startedAt === undefined ? new Date(0) : p.startedAt,
    },
  });
  if (p.role) {
    await db.roleAssignment.create({
      data: {
        officialId: official.id,
        role: p.role,
        unitId: p.roleUnitId === undefined ? p.unitId : p.roleUnitId,
        validFrom: new Date(0),
      },
    });
  }
  return official;
}

export function makeTask(
  db: Db,
  p: { unitId: number; responsibleId: number; dueDate: string; title?: string; programmeId?: number | null },
) {
  return db.task.create({
    data: {
      title: p.title ?? `Việc thử ${next()}`,
      unitId: p.unitId,
      responsibleId: p.responsibleId,
      dueDate: p.dueDate,
      programmeId: p.programmeId ?? null,
    },
  });
}

/** a group chat bound to a unit (or the secretariat's group) */
export function makeGroup(
  db: Db,
  p: { telegramChatId: number; unitId?: number | null; title?: string; isSecretariat?: boolean },
) {
  return db.chat.create({
    data: {
      telegramChatId: BigInt(p.telegramChatId),
      kind: "GROUP",
      title: p.title ?? `Nhóm ${p.telegramChatId}`,
      unitId: p.unitId ?? null,
      isSecretariat: p.isSecretariat ?? false,
      boundAt: new Date(0),
    },
  });
}
