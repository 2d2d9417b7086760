// Secretariat broadcasts: a draft, an audience, a preview, then on confirmation one transaction that marks
// the broadcast CONFIRMED and writes one outbox row per recipient. The dispatcher sends them; after each
// pass progress() tells how far each broadcast got, and finish() writes the delivery report. The text is
// the secretariat's own words: it is sent escaped (HTML parse mode), exactly as typed. An official away today
// is replaced by his stand-in (features/absence), who reads for whom above the text.
import type { Db, Role } from "../../platform/db/client.ts";
import { escapeHtml } from "../../domain/text.ts";
import type { Messages } from "../../i18n/index.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { standInsOn, type OnBehalf } from "../absence/stand-ins.ts";

export type AudienceKey = "units" | "chairmen" | "responsible" | "supervisors" | `prog:${number}`;

export interface Recipient {
  chatId: bigint;
  name: string;
  language: string;
  /** the officials away today this chat receives it for, as their stand-in (none for a group or the holder) */
  onBehalf: OnBehalf[];
}

export interface Audience {
  recipients: Recipient[];
  /** officials in the audience who never opened a private chat with the bot */
  notStarted: string[];
}

export interface BroadcastCounts {
  id: number;
  chatId: bigint;
  progressMessageId: bigint | null;
  total: number;
  sent: number;
  open: number;
  language: string;
}

const ROLE_OF: Record<string, Role> = { chairmen: "CHAIRMAN", responsible: "RESPONSIBLE", supervisors: "SUPERVISOR" };

export function isAudienceKey(s: string): s is AudienceKey {
  return s === "units" || s in ROLE_OF || /^prog:\d+$/.test(s);
}

export interface BroadcastDeps {
  db: Db;
  /** renders the stand-in's line above the text (the composition root passes `catalogue`) */
  messages: Messages<"absence">;
}

export function createBroadcastService({ db, messages }: BroadcastDeps) {
  const current = (now: Date) => ({ validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] });

  async function audience(key: AudienceKey, now: Date): Promise<Audience> {
    if (key === "units") {
      const chats = await db.chat.findMany({
        where: { unitId: { not: null }, isSecretariat: false, status: "ACTIVE" },
        orderBy: { id: "asc" },
      });
      return {
        recipients: chats.map((c) => ({
          chatId: c.telegramChatId,
          name: c.title || c.telegramChatId.toString(),
          language: "vi",
          onBehalf: [],
        })),
        notStarted: [],
      };
    }
    const programmeId = key.startsWith("prog:") ? Number(key.slice(5)) : null;
    const officials =
      programmeId !== null
        ? (
            await db.responsibility.findMany({
              where: { programmeId, ...current(now) },
              include: { official: true },
              orderBy: { officialId: "asc" },
            })
          ).map((r) => r.official)
        : (
            await db.roleAssignment.findMany({
              where: { role: ROLE_OF[key] as Role, ...current(now) },
              include: { official: true },
              orderBy: { officialId: "asc" },
            })
          ).map((r) => r.official);
    const units = officials.flatMap((o) => (o.unitId === null ? [] : [o.unitId]));
    const standIns = await standInsOn(db, now, new Set(units));
    const seen = new Set<number>();
    const byChat = new Map<bigint, Recipient>();
    const out: Audience = { recipients: [], notStarted: [] };
    for (const o of officials) {
      if (!o.active || seen.has(o.id)) continue;
      seen.add(o.id);
      const to = standIns.recipientOf(o.id, o, { unitId: o.unitId, programmeId });
      const p = to.person;
      if (p.telegramUserId === null || p.privateChatAt === null) {
        out.notStarted.push(p.fullName);
        continue;
      }
      // one message a person: a stand-in also in the audience, or standing in for several, gets one
      let r = byChat.get(p.telegramUserId);
      if (!r) {
        r = { chatId: p.telegramUserId, name: p.fullName, language: p.language, onBehalf: [] };
        byChat.set(r.chatId, r);
        out.recipients.push(r);
      }
      if (to.onBehalf) r.onBehalf.push(to.onBehalf);
    }
    return out;
  }

  return {
    audience,
    programmes: () => db.programme.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true } }),

    async draft(p: { text: string; chatId: bigint; officialId: number; scheduledAt: Date | null; now: Date }) {
      const b = await db.broadcast.create({
        data: {
          text: p.text,
          chatId: p.chatId,
          createdById: p.officialId,
          scheduledAt: p.scheduledAt,
          createdAt: p.now,
        },
      });
      return b.id;
    },

    /** Records the chosen audience on a draft; null when the broadcast is no longer a draft. */
    async choose(id: number, key: AudienceKey, now: Date) {
      const b = await db.broadcast.findUnique({ where: { id } });
      if (!b || b.status !== "DRAFT") return null;
      const a = await audience(key, now);
      await db.broadcast.update({
        where: { id },
        data: { audience: JSON.stringify({ key }), total: a.recipients.length },
      });
      return { text: b.text, scheduledAt: b.scheduledAt, count: a.recipients.length, notStarted: a.notStarted.length };
    },

    /** Confirms a draft: CONFIRMED and its outbox rows in one transaction. null when already handled. */
    async confirm(id: number, now: Date) {
      return db.$transaction(async (tx) => {
        const b = await tx.broadcast.findUnique({ where: { id } });
        if (!b || b.status !== "DRAFT" || !b.audience) return null;
        const taken = await tx.broadcast.updateMany({
          where: { id, status: "DRAFT" },
          data: { status: "CONFIRMED", confirmedAt: now },
        });
        if (taken.count !== 1) return null;
        const { key } = JSON.parse(b.audience) as { key: AudienceKey };
        const a = await audience(key, now);
        await tx.broadcast.update({
          where: { id },
          data: { total: a.recipients.length, audience: JSON.stringify({ key, notStarted: a.notStarted }) },
        });
        await enqueue(
          tx,
          a.recipients.map((r) => ({
            chatId: r.chatId,
            text: [...r.onBehalf.map((x) => messages(r.language).absence.onBehalf(x)), escapeHtml(b.text)].join("\n"),
            kind: "broadcast",
            broadcastId: id,
            notBefore: b.scheduledAt ?? now,
          })),
          now,
        );
        return { total: a.recipients.length, notStarted: a.notStarted, scheduledAt: b.scheduledAt };
      });
    },

    async cancel(id: number): Promise<boolean> {
      const r = await db.broadcast.updateMany({ where: { id, status: "DRAFT" }, data: { status: "CANCELLED" } });
      return r.count === 1;
    },

    async setProgressMessage(id: number, messageId: number) {
      await db.broadcast.update({ where: { id }, data: { progressMessageId: BigInt(messageId) } });
    },

    /** How far each confirmed broadcast got. */
    async progress(): Promise<BroadcastCounts[]> {
      const list = await db.broadcast.findMany({ where: { status: "CONFIRMED" } });
      const out: BroadcastCounts[] = [];
      for (const b of list) {
        const groups = await db.outboxMessage.groupBy({
          by: ["status"],
          where: { broadcastId: b.id },
          _count: { _all: true },
        });
        const n = (s: string[]) => groups.filter((g) => s.includes(g.status)).reduce((a, g) => a + g._count._all, 0);
        const creator = b.createdById ? await db.official.findUnique({ where: { id: b.createdById } }) : null;
        out.push({
          id: b.id,
          chatId: b.chatId,
          progressMessageId: b.progressMessageId,
          total: b.total,
          sent: n(["SENT"]),
          open: n(["PENDING", "SENDING"]),
          language: creator?.language ?? "vi",
        });
      }
      return out;
    },

    /** The broadcast is over: DONE, and the report (built by `render`) goes to the chat it came from. */
    async finish(
      id: number,
      now: Date,
      render: (r: {
        total: number;
        delivered: number;
        failed: string[];
        unreachable: string[];
        notStarted: string[];
      }) => string,
    ) {
      await db.$transaction(async (tx) => {
        const b = await tx.broadcast.findUnique({ where: { id } });
        if (!b || b.status !== "CONFIRMED") return;
        const taken = await tx.broadcast.updateMany({
          where: { id, status: "CONFIRMED" },
          data: { status: "DONE", finishedAt: now },
        });
        if (taken.count !== 1) return;
        const rows = await tx.outboxMessage.findMany({
          where: { broadcastId: id },
          select: { chatId: true, status: true, lastError: true },
        });
        const ids = rows.filter((r) => r.status !== "SENT").map((r) => r.chatId);
        const chats = await tx.chat.findMany({ where: { telegramChatId: { in: ids } } });
        const people = await tx.official.findMany({ where: { telegramUserId: { in: ids } } });
        const name = (chatId: bigint) =>
          people.find((o) => o.telegramUserId === chatId)?.fullName ||
          chats.find((c) => c.telegramChatId === chatId)?.title ||
          chatId.toString();
        const unreachable = (r: { status: string; lastError: string }) =>
          r.status === "SKIPPED" ||
          (r.status === "DEAD" && /unreachable|403|blocked|not found|deactivated/i.test(r.lastError));
        const report = render({
          total: b.total + ((JSON.parse(b.audience || "{}") as { notStarted?: string[] }).notStarted?.length ?? 0),
          delivered: rows.filter((r) => r.status === "SENT").length,
          failed: rows.filter((r) => r.status !== "SENT" && !unreachable(r)).map((r) => name(r.chatId)),
          unreachable: rows.filter(unreachable).map((r) => name(r.chatId)),
          notStarted: (JSON.parse(b.audience || "{}") as { notStarted?: string[] }).notStarted ?? [],
        });
        await enqueue(tx, [{ chatId: b.chatId, text: report, kind: "broadcast.report", broadcastId: undefined }], now);
      });
    },
  };
}

export type BroadcastService = ReturnType<typeof createBroadcastService>;
