// Onboarding: activation links (/invite → /start <code>, /moi_hangloat) and the first secretariat official.
// The chats' life-cycle (unbinding, the bot removed or re-added, a supergroup) is in chat-lifecycle.ts.
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "../../platform/db/client.ts";
import { foldVietnamese, matchByName } from "../../domain/text.ts";
import { audit, recordUpdate } from "../../platform/db/audit.ts";
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

  return {
    bootstrapSecretariat,
    createInvite,
    createPendingInvites,
    redeemInvite,
    findOfficial,
  };
}

export type OnboardingService = ReturnType<typeof createOnboardingService>;
