// What the update look-up read (src/services/update-lookup.ts), kept in memory on PostgreSQL, so that the
// commonest update, a bare /status in a unit group, is answered without a round trip (ADR 005): who speaks
// (an official's rows, or none), the chat (its row, or none), and the rows of a unit's /status for a day.
//
// Everything is forgotten at once whenever `changes` says a table behind it may have changed (src/db/
// changes.ts: this process's writes at once, other processes' on a notification), and nothing is kept
// while nobody listens for changes (the listener down, or not proven alive by its pings). An answer read
// while something changed is used, not kept.
import type { Changes } from "../db/changes.ts";
import type { ActorRow, ChatRow } from "./registry.ts";
import type { AheadRows } from "./status-rows.ts";

/** entries of each kind; beyond, everything is forgotten (a national registry is ≈ 50,000 officials) */
export const MAX_ENTRIES = 100_000;

export interface Remembered {
  /** an official's rows ([] : nobody registered) */
  actors: [bigint, ActorRow[]][];
  /** a chat's row (null: not registered) */
  chats: [bigint, ChatRow | null][];
  /** the /status rows read for these units on `rows.today` */
  unitRows?: { unitIds: number[]; rows: AheadRows };
}

export interface Recalled {
  /** undefined: no user asked */
  actor?: ActorRow[];
  /** undefined: no chat asked */
  chat?: ChatRow | null;
  ahead?: AheadRows;
}

export type LookupCache = ReturnType<typeof createLookupCache>;

export function createLookupCache(changes: Pick<Changes, "generation" | "live">) {
  const actors = new Map<bigint, ActorRow[]>();
  const chats = new Map<bigint, ChatRow | null>();
  const units = new Map<string, AheadRows>();
  let generation = NaN;

  const forget = () => {
    actors.clear();
    chats.clear();
    units.clear();
  };
  /** true when what is held may be used (after forgetting it if it is stale) */
  function fresh(): boolean {
    if (!changes.live()) {
      forget();
      return false;
    }
    const g = changes.generation();
    if (g !== generation) {
      forget();
      generation = g;
    }
    return true;
  }

  return {
    /** to pass to `remember`: where things stood before the statement */
    mark: (): number => (changes.live() ? changes.generation() : NaN),

    /**
     * Everything one update asks, or null. `unitStatusOn`: the local day of a bare /status in a group, whose
     * unit's rows are needed too (when the chat belongs to a unit).
     */
    recall(telegramUserId: bigint | null, telegramChatId: bigint | null, unitStatusOn?: string): Recalled | null {
      if (!fresh()) return null;
      const recalled: Recalled = {};
      if (telegramUserId !== null) {
        const rows = actors.get(telegramUserId);
        if (!rows) return null;
        recalled.actor = rows;
      }
      if (telegramChatId !== null) {
        const row = chats.get(telegramChatId);
        if (row === undefined) return null;
        recalled.chat = row;
        if (unitStatusOn && row?.unitId != null) {
          const ahead = units.get(`${Number(row.unitId)}|${unitStatusOn}`);
          if (!ahead) return null;
          recalled.ahead = ahead;
        }
      }
      return recalled;
    },

    /** Keeps a statement's answers, unless something changed since `mark` (then they may be stale already). */
    remember(mark: number, r: Remembered): void {
      if (!fresh() || mark !== generation) return;
      if (actors.size + r.actors.length > MAX_ENTRIES || chats.size + r.chats.length > MAX_ENTRIES || units.size > MAX_ENTRIES) forget();
      for (const [key, rows] of r.actors) actors.set(key, rows);
      for (const [key, row] of r.chats) chats.set(key, row);
      if (r.unitRows) for (const id of r.unitRows.unitIds) units.set(`${id}|${r.unitRows.rows.today}`, r.unitRows.rows);
    },
  };
}
