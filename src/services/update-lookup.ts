// The three questions every update asks before it is handled, in ONE statement: was it handled already
// (src/bot/once.ts), who speaks, in which chat (src/services/registry.ts). As three statements they were
// three round trips side by side; on PostgreSQL each wakes a backend process, and on two cores three of
// them beside the bot made the tail of every reply (docs/benchmarks.md). The updates of one getUpdates
// batch share the statement (src/services/coalesce.ts). Rows of one shape, told apart by "t":
//
//   t      key             id        unitId   flag          text1      text2      role   roleUnitId  validFrom/To  ord
//   seen   updateId
//   actor  telegramUserId  official  unit     active        fullName   language   role   unit        validity      role id
//   chat   telegramChatId  chat      unit     isSecretariat status     unit name
//   (the unit /status rows: num → key, num2 → flag, programmeId → roleUnitId, at → validFrom)
//
// Read ahead: for a bare /status in a unit group (`unitStatus`), the same statement also reads the rows of
// the chat's unit /status (src/services/status-rows.ts, their columns renamed into this shape), so that reply
// costs one round trip, not two. On PostgreSQL each round trip wakes a backend: two of them made the /status
// reply twice the framework's (docs/benchmarks.md, ADR 004). The rows are for the local day of the batch's
// first such update; an update of another day (a batch across midnight) reads its own. Only for a batch of
// a few chats (READ_AHEAD_CHATS): a burst already shares one /status statement among its updates, and for
// a hundred chats PostgreSQL plans the unit sub-query as a scan of the year's reports (3 × slower).
//
// From memory (PostgreSQL, long polling; ADR 005): what the statement read is kept (src/services/lookup-
// cache.ts) until a table behind it changes, and an update whose answers are all held is answered without
// a statement: the look-up was the /status reply's one round trip. Whether it was handled already is then
// known without asking too: under long polling Telegram hands out each batch to one poller and ids
// increase, so an update above the highest id this process has seen is new. The first batch after a start
// (Telegram's redelivery of what a crashed process did not confirm) is always asked of the database.
//
// Portable SQL: the first branch CASTs its NULLs (PostgreSQL types a UNION's columns from the left), enums
// and booleans are cast to text and 0/1. Read through the driver (src/db/reader.ts).
import { joinSql, sql } from "../db/client.ts";
import type { Reader } from "../db/reader.ts";
import { coalesce } from "./coalesce.ts";
import { actorFrom, chatFrom, type Actor, type ActorRow, type ChatInfo, type ChatRow } from "./registry.ts";
import { statusDay, unitRowsFrom, unitRowsSql, type AheadRows, type UnitRow } from "./status-rows.ts";
import type { LookupCache } from "./lookup-cache.ts";
import { localDate } from "../domain/dates.ts";

export interface UpdateQuestion {
  updateId: bigint;
  /** null: no sender, or a bot */
  telegramUserId: bigint | null;
  telegramChatId: bigint | null;
  /** a bare /status in a group: read the rows of its chat's unit /status too */
  unitStatus?: boolean;
}

export interface UpdateAnswer {
  /** the update is recorded as handled */
  seen: boolean;
  actor: Actor | null;
  chat: ChatInfo | null;
  /** when asked (`unitStatus`), the rows of the chat unit's /status, for the day they were read */
  ahead?: AheadRows;
}

type Int = number | bigint | string;

interface Row {
  t: "seen" | "actor" | "chat" | UnitRow["t"];
  key: Int | null;
  id: Int | null;
  unitId: Int | null;
  flag: Int | boolean | null;
  text1: string | null;
  text2: string | null;
  role: string | null;
  roleUnitId: Int | null;
  validFrom: Date | string | null;
  validTo: Date | string | null;
  ord: Int | null;
}

interface Found {
  seen: Set<bigint>;
  actors: Map<bigint, ActorRow[]>;
  chats: Map<bigint, ChatRow>;
  ahead?: AheadRows;
}

/** `IN (…)` of the distinct keys; `IN (NULL)` (matches nothing) when there are none. */
const keys = (xs: (bigint | null)[]) => {
  const set = [...new Set(xs.filter((x): x is bigint => x !== null))];
  return joinSql(set.length > 0 ? set : [null]);
};

/** A batch asking /status for more chats than this reads no rows ahead (each /status reads its own). */
export const READ_AHEAD_CHATS = 8;

/**
 * `cache`: only where update ids come in increasing order from one poller (long polling, not a webhook
 * that several instances share), on PostgreSQL (src/app.ts).
 */
export function createUpdateLookup({ reader, cache }: { reader: Reader; cache?: LookupCache }) {
  /** the highest update id this process has looked up; null until the first statement answered */
  let highest: bigint | null = null;

  const find = coalesce<{ q: UpdateQuestion; now: Date }, Found>(async (asked) => {
    const mark = cache?.mark() ?? NaN;
    const flagged = asked.filter((a) => a.q.unitStatus && a.q.telegramChatId !== null);
    const statusOf = new Set(flagged.map((a) => a.q.telegramChatId)).size <= READ_AHEAD_CHATS ? flagged : [];
    const day = statusOf[0] ? statusDay(statusOf[0].now) : null;
    const rows = await reader.all<Row>(sql`
      SELECT 'seen' AS "t", CAST("updateId" AS BIGINT) AS "key", CAST(NULL AS INTEGER) AS "id",
             CAST(NULL AS INTEGER) AS "unitId", CAST(NULL AS INTEGER) AS "flag", CAST(NULL AS TEXT) AS "text1",
             CAST(NULL AS TEXT) AS "text2", CAST(NULL AS TEXT) AS "role", CAST(NULL AS INTEGER) AS "roleUnitId",
             CAST(NULL AS TIMESTAMP) AS "validFrom", CAST(NULL AS TIMESTAMP) AS "validTo", CAST(NULL AS INTEGER) AS "ord"
        FROM "ProcessedUpdate"
       WHERE "updateId" IN (${keys(asked.map((a) => a.q.updateId))})
      UNION ALL
      SELECT 'actor', o."telegramUserId", o."id", o."unitId", CASE WHEN o."active" THEN 1 ELSE 0 END, o."fullName",
             o."language", CAST(r."role" AS TEXT), r."unitId", r."validFrom", r."validTo", r."id"
        FROM "Official" o LEFT JOIN "RoleAssignment" r ON r."officialId" = o."id"
       WHERE o."telegramUserId" IN (${keys(asked.map((a) => a.q.telegramUserId))})
      UNION ALL
      SELECT 'chat', c."telegramChatId", c."id", c."unitId", CASE WHEN c."isSecretariat" THEN 1 ELSE 0 END,
             CAST(c."status" AS TEXT), u."name", NULL, NULL, NULL, NULL, NULL
        FROM "Chat" c LEFT JOIN "Unit" u ON u."id" = c."unitId"
       WHERE c."telegramChatId" IN (${keys(asked.map((a) => a.q.telegramChatId))})${
         day
           ? sql`
      UNION ALL
      SELECT s."t", CAST(s."num" AS BIGINT), s."id", s."unitId", CAST(s."num2" AS INTEGER), s."text1", s."text2", NULL,
             s."programmeId", s."at", NULL, NULL
        FROM (${unitRowsSql(day, sql`SELECT "unitId" FROM "Chat" WHERE "telegramChatId" IN (${keys(statusOf.map((a) => a.q.telegramChatId))})`)}) s`
           : sql``
       }`);
    const found: Found = { seen: new Set(), actors: new Map(), chats: new Map() };
    const num = (v: Int | null) => (v === null ? null : Number(v));
    const roles = new Map<ActorRow, number>();
    const unitRows: UnitRow[] = [];
    for (const r of rows) {
      if (r.t !== "seen" && r.t !== "actor" && r.t !== "chat") {
        unitRows.push({ t: r.t, id: r.id, unitId: r.unitId, programmeId: r.roleUnitId, num: r.key, num2: r.flag as Int | null, text1: r.text1, text2: r.text2, at: r.validFrom });
        continue;
      }
      const key = BigInt(r.key!);
      if (r.t === "seen") found.seen.add(key);
      else if (r.t === "chat") {
        found.chats.set(key, { id: Number(r.id), telegramChatId: key, unitId: num(r.unitId), isSecretariat: r.flag, status: r.text1 ?? "", unitName: r.text2 });
      } else {
        const row: ActorRow = {
          id: Number(r.id),
          telegramUserId: key,
          fullName: r.text1 ?? "",
          language: r.text2 ?? "vi",
          unitId: num(r.unitId),
          active: r.flag,
          role: r.role as ActorRow["role"],
          roleUnitId: num(r.roleUnitId),
          validFrom: r.validFrom,
          validTo: r.validTo,
        };
        roles.set(row, num(r.ord) ?? 0);
        found.actors.set(key, [...(found.actors.get(key) ?? []), row]);
      }
    }
    // an official's rows in the order of his role assignments (one official per Telegram user)
    for (const list of found.actors.values()) list.sort((a, b) => roles.get(a)! - roles.get(b)!);
    if (day) found.ahead = { today: day.today, rows: unitRowsFrom(unitRows) };
    if (cache) remember(mark, asked, found);
    return asked.map(() => found);
  });

  function remember(mark: number, asked: { q: UpdateQuestion }[], found: Found) {
    const users = new Set(asked.flatMap((a) => (a.q.telegramUserId === null ? [] : [a.q.telegramUserId])));
    const chats = new Set(asked.flatMap((a) => (a.q.telegramChatId === null ? [] : [a.q.telegramChatId])));
    cache!.remember(mark, {
      actors: [...users].map((key) => [key, found.actors.get(key) ?? []]),
      chats: [...chats].map((key) => [key, found.chats.get(key) ?? null]),
      // the rows hold a "unit" row for each unit they were read for
      ...(found.ahead ? { unitRows: { unitIds: found.ahead.rows.units.map((u) => u.id), rows: found.ahead } } : {}),
    });
    for (const a of asked) if (highest === null || a.q.updateId > highest) highest = a.q.updateId;
  }

  /** The answers for an update above every id looked up so far, when memory holds them all; else null. */
  function recall(q: UpdateQuestion, now: Date): UpdateAnswer | null {
    if (!cache || highest === null || q.updateId <= highest) return null;
    const held = cache.recall(q.telegramUserId, q.telegramChatId, q.unitStatus ? localDate(now) : undefined);
    if (!held) return null;
    highest = q.updateId;
    return {
      seen: false,
      actor: q.telegramUserId === null ? null : actorFrom(held.actor!, now),
      chat: q.telegramChatId === null ? null : chatFrom(held.chat, q.telegramChatId),
      ...(held.ahead ? { ahead: held.ahead } : {}),
    };
  }

  /** The answers for one update; each caller's roles are those valid at its own `now`. */
  async function lookUp(q: UpdateQuestion, now: Date): Promise<UpdateAnswer> {
    const held = recall(q, now);
    if (held) return held;
    const found = await find({ q, now });
    const answer: UpdateAnswer = {
      seen: found.seen.has(q.updateId),
      actor: q.telegramUserId === null ? null : actorFrom(found.actors.get(q.telegramUserId) ?? [], now),
      chat: q.telegramChatId === null ? null : chatFrom(found.chats.get(q.telegramChatId), q.telegramChatId),
    };
    if (q.unitStatus && found.ahead) answer.ahead = found.ahead;
    return answer;
  }

  return { lookUp };
}

export type UpdateLookup = ReturnType<typeof createUpdateLookup>;
