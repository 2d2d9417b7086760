// Who is who: officials and their roles, chats and the units they are bound to, name lookups.
import { joinSql, sql, type Db } from "../db/client.ts";
import { prismaReader, type Reader } from "../db/reader.ts";
import { coalesce } from "./coalesce.ts";
import type { Role } from "../db/client.ts";
import { foldVietnamese, matchByName } from "../domain/text.ts";
import { UserError } from "./errors.ts";
import { audit } from "./audit.ts";

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

/** An official's row joined with one of his role assignments (or none), as the look-ups read it. */
export interface ActorRow {
  id: number;
  telegramUserId: bigint | number;
  fullName: string;
  language: string;
  unitId: number | null;
  active: unknown;
  role: Role | null;
  roleUnitId: number | null;
  validFrom: Date | string | null;
  validTo: Date | string | null;
}

/** A chat's row with its unit's name. */
export interface ChatRow {
  id: number;
  telegramChatId: bigint | number;
  unitId: number | null;
  isSecretariat: unknown;
  status: string;
  unitName: string | null;
}

/** The actor behind an official's rows (one per role assignment, in id order): null when unknown or
 * inactive; only the roles valid at `now`. */
export function actorFrom(rows: ActorRow[], now: Date): Actor | null {
  const o = rows[0];
  if (!o || !truthy(o.active)) return null;
  const t = now.getTime();
  return {
    officialId: Number(o.id),
    fullName: o.fullName,
    language: o.language,
    unitId: o.unitId === null ? null : Number(o.unitId),
    roles: rows
      .filter((r) => r.role !== null && new Date(r.validFrom!).getTime() <= t && (r.validTo === null || new Date(r.validTo).getTime() > t))
      .map((r) => ({ role: r.role as Role, unitId: r.roleUnitId === null ? null : Number(r.roleUnitId) })),
  };
}

/** The chat the bot may speak in: null when unknown or no longer ACTIVE. */
export function chatFrom(c: ChatRow | null | undefined, telegramChatId: bigint): ChatInfo | null {
  if (!c || c.status !== "ACTIVE") return null;
  return {
    id: Number(c.id),
    telegramChatId,
    unitId: c.unitId === null ? null : Number(c.unitId),
    unitName: c.unitName ?? null,
    isSecretariat: truthy(c.isSecretariat),
  };
}

export const SECRETARIAT_ALIASES = ["vpdp", "van phong dieu phoi", "secretariat"];

export function createRegistry({ db, reader = prismaReader(db) }: { db: Db; reader?: Reader }) {
  // Who is this Telegram user, which chat is this: raw queries through the reader, coalesced (concurrent
  // callers share one query, src/services/coalesce.ts). Roles are filtered by each caller's own `now`.
  // Every update asks both, with the once check, in one statement of its own: src/services/update-lookup.ts.
  const officialRows = coalesce<bigint, ActorRow[]>(async (asked) => {
    const ids = [...new Set(asked)];
    const rows = await reader.all<ActorRow>(sql`
      SELECT o."id", o."telegramUserId", o."fullName", o."language", o."unitId", o."active",
             r."role", r."unitId" AS "roleUnitId", r."validFrom", r."validTo"
      FROM "Official" o LEFT JOIN "RoleAssignment" r ON r."officialId" = o."id"
      WHERE o."telegramUserId" IN (${joinSql(ids)})
      ORDER BY o."id" ASC, r."id" ASC`);
    const byUser = new Map<bigint, ActorRow[]>();
    for (const r of rows) {
      const id = BigInt(r.telegramUserId);
      byUser.set(id, [...(byUser.get(id) ?? []), r]);
    }
    return asked.map((id) => byUser.get(id) ?? []);
  });

  async function actorByTelegramId(telegramUserId: bigint, now: Date): Promise<Actor | null> {
    return actorFrom(await officialRows(telegramUserId), now);
  }

  const chatRows = coalesce<bigint, ChatRow | null>(async (asked) => {
    const ids = [...new Set(asked)];
    const rows = await reader.all<ChatRow>(sql`
      SELECT c."id", c."telegramChatId", c."unitId", c."isSecretariat", c."status", u."name" AS "unitName"
      FROM "Chat" c LEFT JOIN "Unit" u ON u."id" = c."unitId"
      WHERE c."telegramChatId" IN (${joinSql(ids)})`);
    const byChat = new Map(rows.map((r) => [BigInt(r.telegramChatId), r]));
    return asked.map((id) => byChat.get(id) ?? null);
  });

  async function chatByTelegramId(telegramChatId: bigint): Promise<ChatInfo | null> {
    return chatFrom(await chatRows(telegramChatId), telegramChatId);
  }

  async function findUnit(query: string): Promise<UnitRef> {
    const units = await db.unit.findMany({ where: { active: true }, select: { id: true, code: true, name: true } });
    const m = matchByName(query, units, (u) => [u.code, u.name]);
    if (m.kind === "one") return m.item;
    if (m.kind === "many") throw new UserError("unitAmbiguous", { query, names: m.candidates.map((u) => u.name) });
    throw new UserError("unitNotFound", { query });
  }

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

  return { actorByTelegramId, chatByTelegramId, findUnit, notePrivateChat, bindChat };
}

export type Registry = ReturnType<typeof createRegistry>;

/** A boolean column read by a raw query: true/false on PostgreSQL, 1/0 (or true/false) on SQLite. */
export function truthy(v: unknown): boolean {
  return v === true || v === 1 || v === 1n || v === "1" || v === "true";
}
