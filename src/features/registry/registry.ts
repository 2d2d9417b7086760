// Who is who: officials and their roles, chats and the units they are bound to, name lookups.
import type { Db } from "../../platform/db/client.ts";
import type { Role } from "../../platform/db/client.ts";
import { foldVietnamese, matchByName } from "../../domain/text.ts";
import { UserError } from "../../platform/errors.ts";
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
  if (m.kind === "many") throw new UserError("unitAmbiguous", { query, names: m.candidates.map((u) => u.name) });
  throw new UserError("unitNotFound", { query });
}

export const SECRETARIAT_ALIASES = ["vpdp", "van phong dieu phoi", "secretariat"];

export function createRegistry({ db }: { db: Db }) {
  /** Who is this Telegram user: null when unknown or inactive; only the roles valid at `now`. */
  async function actorByTelegramId(telegramUserId: bigint, now: Date): Promise<Actor | null> {
    const o = await db.official.findUnique({
      where: { telegramUserId },
      include: { roles: { orderBy: { id: "asc" } } },
    });
    if (!o?.active) return null;
    return {
      officialId: o.id,
      fullName: o.fullName,
      language: o.language,
      unitId: o.unitId,
      roles: o.roles
        .filter((r) => r.validFrom <= now && (r.validTo === null || r.validTo > now))
        .map((r) => ({ role: r.role, unitId: r.unitId })),
    };
  }

  /** Which chat is this: null when unknown or no longer active (the bot may not speak there). */
  async function chatByTelegramId(telegramChatId: bigint): Promise<ChatInfo | null> {
    const c = await db.chat.findUnique({ where: { telegramChatId }, include: { unit: { select: { name: true } } } });
    if (!c || c.status !== "ACTIVE") return null;
    return {
      id: c.id,
      telegramChatId,
      unitId: c.unitId,
      unitName: c.unit?.name ?? null,
      isSecretariat: c.isSecretariat,
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
