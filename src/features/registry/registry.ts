// Who is who: officials and their roles, chats and the units they are bound to, name lookups.
import { sql, type Db } from "../../platform/db/client.ts";
import type { Role } from "../../platform/db/client.ts";
import { foldVietnamese, matchByName } from "../../domain/text.ts";
import { refusal } from "../refusals.ts";
import { audit } from "../../platform/db/audit.ts";

export interface RoleScope {
  role: Role;
  unitId: number | null;
}

export interface Actor {
  officialId: number;
  fullName: string;
  language: string;
  unitId: number | null;
  roles: RoleScope[];
}

export interface ChatInfo {
  id: number;
  telegramChatId: bigint;
  unitId: number | null;
  unitName: string | null;
  isSecretariat: boolean;
}

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

/** An active unit by name or code (accents and case ignored); unitNotFound / unitAmbiguous otherwise. */
export async function findActiveUnit(db: Db, query: string): Promise<UnitRef> {
  const units = await db.unit.findMany({ where: { active: true }, select: { id: true, code: true, name: true } });
  const m = matchByName(query, units, (u) => [u.code, u.name]);
  if (m.kind === "one") return m.item;
  if (m.kind === "many")
    throw refusal(
      "common",
      "unitAmbiguous",
      query,
      m.candidates.map((u) => u.name),
    );
  throw refusal("common", "unitNotFound", query);
}

/** Raw rows: integers may come back as bigint, booleans as 0/1 and dates as text on SQLite. */
type RawInt = number | bigint;
interface ActorRow {
  id: RawInt;
  fullName: string;
  language: string;
  unitId: RawInt | null;
  active: unknown;
  role: Role | null;
  roleUnitId: RawInt | null;
  validFrom: Date | string | null;
  validTo: Date | string | null;
}
interface ChatRow {
  id: RawInt;
  unitId: RawInt | null;
  isSecretariat: unknown;
  status: string;
  unitName: string | null;
}

export const SECRETARIAT_ALIASES = ["vpdp", "van phong dieu phoi", "secretariat"];

export function createRegistry({ db }: { db: Db }) {
  /** Who is this Telegram user: null when unknown or inactive; only the roles valid at `now`. */
  // The two look-ups below run for every update: each is one raw statement (a join), not Prisma's model
  // API, which costs several times more per query for rows this small (docs/decisions/007-simple-reads.md).
  async function actorByTelegramId(telegramUserId: bigint, now: Date): Promise<Actor | null> {
    const rows = await db.$queryRaw<ActorRow[]>(sql`
      SELECT o."id", o."fullName", o."language", o."unitId", o."active",
             r."role", r."unitId" AS "roleUnitId", r."validFrom", r."validTo"
      FROM "Official" o LEFT JOIN "RoleAssignment" r ON r."officialId" = o."id"
      WHERE o."telegramUserId" = ${telegramUserId}
      ORDER BY r."id"`);
    const o = rows[0];
    if (!o || !truthy(o.active)) return null;
    const valid = (r: ActorRow) =>
      r.role !== null && new Date(r.validFrom!) <= now && (r.validTo === null || new Date(r.validTo) > now);
    return {
      officialId: Number(o.id),
      fullName: o.fullName,
      language: o.language,
      unitId: o.unitId === null ? null : Number(o.unitId),
      roles: rows
        .filter(valid)
        .map((r) => ({ role: r.role!, unitId: r.roleUnitId === null ? null : Number(r.roleUnitId) })),
    };
  }

  /** Which chat is this: null when unknown or no longer active (the bot may not speak there). */
  async function chatByTelegramId(telegramChatId: bigint): Promise<ChatInfo | null> {
    const [c] = await db.$queryRaw<ChatRow[]>(sql`
      SELECT c."id", c."unitId", c."isSecretariat", c."status", u."name" AS "unitName"
      FROM "Chat" c LEFT JOIN "Unit" u ON u."id" = c."unitId"
      WHERE c."telegramChatId" = ${telegramChatId}`);
    if (!c || c.status !== "ACTIVE") return null;
    return {
      id: Number(c.id),
      telegramChatId,
      unitId: c.unitId === null ? null : Number(c.unitId),
      unitName: c.unitName,
      isSecretariat: truthy(c.isSecretariat),
    };
  }

  const findUnit = (query: string) => findActiveUnit(db, query);

  /** Marks that the official opened a private chat with the bot, so private reminders can reach him. */
  async function notePrivateChat(officialId: number, telegramChatId: bigint, now: Date): Promise<void> {
    await db.$transaction(async (tx) => {
      await tx.official.update({ where: { id: officialId }, data: { privateChatAt: now } });
      await tx.chat.upsert({
        where: { telegramChatId },
        create: { telegramChatId, kind: "PRIVATE", status: "ACTIVE" },
        update: { status: "ACTIVE" },
      });
    });
  }

  /** Binds a group to a unit (or to the secretariat). */
  async function bindChat(input: {
    telegramChatId: bigint;
    kind: "GROUP" | "SUPERGROUP";
    title: string;
    target: string;
    actor: Actor;
    now: Date;
  }): Promise<{ unitName: string | null }> {
    const toSecretariat = SECRETARIAT_ALIASES.includes(foldVietnamese(input.target));
    const unit = toSecretariat ? null : await findUnit(input.target);
    await db.$transaction(async (tx) => {
      const before = await tx.chat.findUnique({ where: { telegramChatId: input.telegramChatId } });
      const data = {
        kind: input.kind,
        title: input.title,
        unitId: unit?.id ?? null,
        isSecretariat: toSecretariat,
        status: "ACTIVE" as const,
        boundAt: input.now,
        boundByOfficialId: input.actor.officialId,
      };
      const after = await tx.chat.upsert({
        where: { telegramChatId: input.telegramChatId },
        create: { telegramChatId: input.telegramChatId, ...data },
        update: data,
      });
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "chat.bind",
        entity: "Chat",
        entityId: after.id,
        before,
        after,
      });
    });
    return { unitName: unit?.name ?? null };
  }

  /** A unit's name ("" for none). */
  async function unitName(unitId: number): Promise<string> {
    return (await db.unit.findUnique({ where: { id: unitId }, select: { name: true } }))?.name ?? "";
  }

  return { actorByTelegramId, chatByTelegramId, findUnit, unitName, notePrivateChat, bindChat };
}

export type Registry = ReturnType<typeof createRegistry>;

/** A boolean column read by a raw query: true/false on PostgreSQL, 1/0 (or true/false) on SQLite. */
export function truthy(v: unknown): boolean {
  return v === true || v === 1 || v === 1n || v === "1" || v === "true";
}
