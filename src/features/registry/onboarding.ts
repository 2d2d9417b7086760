// Onboarding and chat life-cycle: activation links (/invite → /start <code>), unbinding groups, the bot
// being removed from or re-added to a chat, a group upgraded to a supergroup.
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "../../platform/db/client.ts";
import { foldVietnamese, matchByName } from "../../domain/text.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { moveChat } from "../../platform/outbox/chat-migration.ts";
import { refusal } from "../refusals.ts";
import type { Actor } from "./registry.ts";

/** 192 random bits as base64url: 32 characters of A-Za-z0-9_- (fits Telegram's 64-character start payload). */
export function newInviteCode(): string {
  return randomBytes(24).toString("base64url");
}

export function hashInviteCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

export const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface LinkedView {
  fullName: string;
  roles: { role: string; unitName: string | null }[];
  responsibilities: { unitName: string; programmeCode: string; project: string }[];
  openTasks: { title: string; dueDate: string; unitName: string }[];
}

export interface PendingInvite {
  officialId: number;
  fullName: string;
  title: string;
  unitName: string;
  code: string;
  expiresAt: Date;
}

export type RedeemResult = { ok: true; view: LinkedView } | { ok: false; reason: "invalid" | "linkedElsewhere" };

/** Texts the secretariat gets about chats, rendered by the caller's catalogue (Vietnamese). */
export interface ChatNotices {
  removed(title: string): string;
  /** an official blocked the bot in private */
  blocked(name: string): string;
  readded(title: string): string;
  migrated(title: string): string;
}

export function createOnboardingService({
  db,
  inviteTtlDays,
  setupTelegramId = null,
}: {
  db: Db;
  inviteTtlDays: number;
  setupTelegramId?: bigint | null;
}) {
  async function findOfficial(query: string) {
    const q = query.trim().replace(/^#/, "");
    if (/^\d+$/.test(q)) {
      const o = await db.official.findUnique({ where: { id: Number(q) } });
      if (o) return o;
    }
    const all = await db.official.findMany({ select: { id: true, fullName: true } });
    const m = matchByName(q, all, (o) => [o.fullName]);
    if (m.kind === "many")
      throw refusal(
        "onboarding",
        "officialAmbiguous",
        query,
        m.candidates.map((o) => o.fullName),
      );
    if (m.kind === "none") throw refusal("onboarding", "officialNotFound", query);
    return db.official.findUniqueOrThrow({ where: { id: m.item.id } });
  }

  /** A new single-use activation link for an official, in `tx`; only the code's hash is stored. Audited. */
  async function issueInvite(tx: Tx, officialId: number, actor: Actor, now: Date) {
    const code = newInviteCode();
    const expiresAt = new Date(now.getTime() + inviteTtlDays * 86_400_000);
    const invite = await tx.invite.create({
      data: { codeHash: hashInviteCode(code), officialId, expiresAt, createdById: actor.officialId, createdAt: now },
    });
    await audit(tx, {
      at: now,
      actorId: actor.officialId,
      action: "invite.create",
      entity: "Invite",
      entityId: invite.id,
      after: { id: invite.id, officialId, expiresAt },
    });
    return { code, expiresAt };
  }

  /**
   * A new deployment set up from Telegram: the /start of the configured SETUP_TELEGRAM_ID, while no active
   * official holds a current secretariat role and none has his account, makes him the first secretariat
   * official (named as Telegram names him; the registry file can complete him). Null otherwise.
   */
  async function bootstrapSecretariat(input: {
    telegramUserId: bigint;
    fullName: string;
    language: string;
    now: Date;
  }): Promise<LinkedView | null> {
    if (setupTelegramId === null || input.telegramUserId !== setupTelegramId) return null;
    return db.$transaction(async (tx) => {
      const current = { validFrom: { lte: input.now }, OR: [{ validTo: null }, { validTo: { gt: input.now } }] };
      const secretariat = await tx.roleAssignment.count({
        where: { role: "SECRETARIAT", ...current, official: { active: true } },
      });
      if (secretariat > 0) return null;
      if (await tx.official.findUnique({ where: { telegramUserId: input.telegramUserId } })) return null;
      const o = await tx.official.create({
        data: {
          fullName: input.fullName,
          nameKey: foldVietnamese(input.fullName),
          telegramUserId: input.telegramUserId,
          language: input.language,
          privateChatAt: input.now,
        },
      });
      const role = await tx.roleAssignment.create({
        data: { officialId: o.id, role: "SECRETARIAT", unitId: null, validFrom: input.now },
      });
      await audit(tx, {
        at: input.now,
        actorTelegramId: input.telegramUserId,
        action: "official.bootstrap",
        entity: "Official",
        entityId: o.id,
        after: { official: o, role },
      });
      return linkedView(tx, o.id, input.now);
    });
  }

  /** Creates a single-use activation link for an official. */
  async function createInvite(input: { query: string; actor: Actor; now: Date }) {
    const official = await findOfficial(input.query);
    if (!official.active) throw refusal("onboarding", "officialInactive", official.fullName);
    const r = await db.$transaction((tx) => issueInvite(tx, official.id, input.actor, input.now));
    return { ...r, officialName: official.fullName };
  }

  /**
   * A new activation link for every active official not yet activated (no Telegram account linked), by unit
   * then name: to print and hand out in a meeting. Each link is single-use and expires like /invite's.
   */
  async function createPendingInvites(input: { actor: Actor; now: Date }): Promise<PendingInvite[]> {
    const officials = await db.official.findMany({
      where: { active: true, telegramUserId: null },
      include: { unit: true },
      orderBy: { id: "asc" },
    });
    officials.sort(
      (a, b) =>
        (a.unit?.name ?? "").localeCompare(b.unit?.name ?? "", "vi") || a.fullName.localeCompare(b.fullName, "vi"),
    );
    return db.$transaction(
      async (tx) => {
        const out: PendingInvite[] = [];
        for (const o of officials) {
          const r = await issueInvite(tx, o.id, input.actor, input.now);
          out.push({ officialId: o.id, fullName: o.fullName, title: o.title, unitName: o.unit?.name ?? "", ...r });
        }
        return out;
      },
      { timeout: 120_000, maxWait: 20_000 },
    );
  }

  async function linkedView(tx: Tx, officialId: number, now: Date): Promise<LinkedView> {
    const current = { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] };
    const o = await tx.official.findUniqueOrThrow({
      where: { id: officialId },
      include: {
        roles: { where: current, include: { unit: true } },
        responsibilities: { where: current, include: { unit: true, programme: true }, orderBy: { id: "asc" } },
        tasks: { where: { status: "OPEN" }, include: { unit: true }, orderBy: [{ dueDate: "asc" }, { id: "asc" }] },
      },
    });
    return {
      fullName: o.fullName,
      roles: o.roles.map((r) => ({ role: r.role, unitName: r.unit?.name ?? null })),
      responsibilities: o.responsibilities.map((r) => ({
        unitName: r.unit.name,
        programmeCode: r.programme.code,
        project: r.project,
      })),
      openTasks: o.tasks.map((t) => ({ title: t.title, dueDate: t.dueDate, unitName: t.unit.name })),
    };
  }

  /** /start <code>: links the Telegram account to the invited official. Nothing is written when refused. */
  async function redeemInvite(input: {
    code: string;
    telegramUserId: bigint;
    username: string | null;
    language: string;
    now: Date;
    updateId?: bigint;
  }): Promise<RedeemResult> {
    if (!INVITE_CODE_PATTERN.test(input.code)) return { ok: false, reason: "invalid" };
    const codeHash = hashInviteCode(input.code);
    return db.$transaction(async (tx) => {
      const invite = await tx.invite.findUnique({ where: { codeHash }, include: { official: true } });
      if (!invite || invite.usedAt || invite.expiresAt <= input.now || !invite.official.active)
        return { ok: false, reason: "invalid" } as const;
      const holder = await tx.official.findUnique({ where: { telegramUserId: input.telegramUserId } });
      if (holder && holder.id !== invite.officialId) return { ok: false, reason: "linkedElsewhere" } as const;
      // single use, also against a concurrent twin
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, usedAt: null },
        data: { usedAt: input.now },
      });
      if (claimed.count !== 1) return { ok: false, reason: "invalid" } as const;
      await recordUpdate(tx, input.updateId);
      const before = invite.official;
      const after = await tx.official.update({
        where: { id: invite.officialId },
        data: {
          telegramUserId: input.telegramUserId,
          telegramUsername: input.username,
          language: input.language,
          privateChatAt: input.now,
        },
      });
      await tx.chat.upsert({
        where: { telegramChatId: input.telegramUserId },
        create: { telegramChatId: input.telegramUserId, kind: "PRIVATE", status: "ACTIVE", title: after.fullName },
        update: { status: "ACTIVE" },
      });
      await audit(tx, {
        at: input.now,
        actorId: after.id,
        actorTelegramId: input.telegramUserId,
        action: "official.link",
        entity: "Official",
        entityId: after.id,
        before: {
          telegramUserId: before.telegramUserId,
          telegramUsername: before.telegramUsername,
          language: before.language,
        },
        after: {
          telegramUserId: after.telegramUserId,
          telegramUsername: after.telegramUsername,
          language: after.language,
          inviteId: invite.id,
        },
      });
      return { ok: true, view: await linkedView(tx, after.id, input.now) } as const;
    });
  }

  /** Detaches a group from its unit (or from the secretariat). */
  async function unbindChat(input: {
    telegramChatId: bigint;
    actor: Actor;
    now: Date;
  }): Promise<{ unitName: string | null; wasSecretariat: boolean }> {
    return db.$transaction(async (tx) => {
      const before = await tx.chat.findUnique({
        where: { telegramChatId: input.telegramChatId },
        include: { unit: true },
      });
      if (!before || (before.unitId === null && !before.isSecretariat)) throw refusal("common", "chatNotBound");
      const after = await tx.chat.update({
        where: { id: before.id },
        data: { unitId: null, isSecretariat: false, boundAt: null, boundByOfficialId: null },
      });
      const { unit: _unit, ...plain } = before;
      await audit(tx, {
        at: input.now,
        actorId: input.actor.officialId,
        action: "chat.unbind",
        entity: "Chat",
        entityId: after.id,
        before: plain,
        after,
      });
      return { unitName: before.unit?.name ?? null, wasSecretariat: before.isSecretariat };
    });
  }

  async function tellSecretariat(tx: Tx, text: string, kind: string, except: bigint, now: Date) {
    const chats = await tx.chat.findMany({
      where: { isSecretariat: true, status: "ACTIVE", telegramChatId: { not: except } },
    });
    await enqueue(
      tx,
      chats.map((c) => ({ chatId: c.telegramChatId, text, kind })),
      now,
    );
  }

  /** my_chat_member: the bot's own membership changed (removed, blocked, re-added). */
  async function botMembershipChanged(input: {
    telegramChatId: bigint;
    chatType: string;
    title: string;
    status: string;
    byTelegramId: bigint | null;
    now: Date;
    updateId?: bigint;
    notices: ChatNotices;
  }): Promise<void> {
    const gone = input.status === "left" || input.status === "kicked";
    const isPrivate = input.chatType === "private";
    if (input.chatType === "channel") return;
    await db.$transaction(async (tx) => {
      const before = await tx.chat.findUnique({ where: { telegramChatId: input.telegramChatId } });
      // a group we never knew: nothing to record
      if (!before && !isPrivate) return;
      const status = gone ? (isPrivate ? "UNREACHABLE" : "LEFT") : "ACTIVE";
      if (before?.status === status) return;
      if (!before && !gone) return; // a private chat is recorded on /start
      await recordUpdate(tx, input.updateId);
      if (before) {
        // conditional: the dispatcher may be marking the same chat unreachable at this moment (a send answered
        // 403); whichever changes the row first tells the secretariat, the other stays silent
        const changed = await tx.chat.updateMany({ where: { id: before.id, status: before.status }, data: { status } });
        if (changed.count === 0) return;
      }
      const after = before
        ? await tx.chat.findUniqueOrThrow({ where: { id: before.id } })
        : await tx.chat.create({ data: { telegramChatId: input.telegramChatId, kind: "PRIVATE", status } });
      if (!isPrivate && gone) {
        await tx.outboxMessage.updateMany({
          where: { chatId: input.telegramChatId, status: "PENDING" },
          data: { status: "SKIPPED", lastError: "bot removed from the chat" },
        });
      }
      await audit(tx, {
        at: input.now,
        actorTelegramId: input.byTelegramId,
        action: gone ? "chat.removed" : "chat.readded",
        entity: "Chat",
        entityId: after.id,
        before,
        after,
      });
      const bound = after.unitId !== null || after.isSecretariat;
      if (isPrivate && gone) {
        // an official the secretariat can no longer remind (someone who is not in the registry: nothing to say)
        const official = await tx.official.findUnique({
          where: { telegramUserId: input.telegramChatId },
          select: { fullName: true },
        });
        if (official)
          await tellSecretariat(
            tx,
            input.notices.blocked(official.fullName),
            "chat.blocked",
            input.telegramChatId,
            input.now,
          );
      }
      // a group the dispatcher already found unreachable (a send answered 403) was announced then
      if (!isPrivate && bound && before?.status !== "UNREACHABLE") {
        const title = after.title || input.title || input.telegramChatId.toString();
        const text = gone ? input.notices.removed(title) : input.notices.readded(title);
        await tellSecretariat(tx, text, gone ? "chat.removed" : "chat.readded", input.telegramChatId, input.now);
      }
    });
  }

  /** A group became a supergroup: the chat row and its pending messages move to the new id. */
  async function chatMigrated(input: {
    oldId: bigint;
    newId: bigint;
    now: Date;
    notices: ChatNotices;
  }): Promise<boolean> {
    return db.$transaction(async (tx) => {
      const moved = await moveChat(tx, input.oldId, input.newId);
      await tx.outboxMessage.updateMany({
        // rows in flight are left to the dispatcher, which follows the migration error itself
        where: { chatId: input.oldId, status: "PENDING" },
        data: { chatId: input.newId },
      });
      if (!moved) return false;
      const { before, after } = moved;
      await audit(tx, { at: input.now, action: "chat.migrate", entity: "Chat", entityId: after.id, before, after });
      if (after.unitId !== null || after.isSecretariat) {
        await tellSecretariat(
          tx,
          input.notices.migrated(after.title || input.newId.toString()),
          "chat.migrated",
          input.newId,
          input.now,
        );
      }
      return true;
    });
  }

  return {
    bootstrapSecretariat,
    createInvite,
    createPendingInvites,
    redeemInvite,
    unbindChat,
    botMembershipChanged,
    chatMigrated,
    findOfficial,
  };
}

export type OnboardingService = ReturnType<typeof createOnboardingService>;
