// The weekly report (job "weekly-report"): on the first office-time tick of each week, every secretariat
// chat (all units) and each supervisor in private (the units he follows) get chart A as a photo and five
// lines: biggest movers of the week, units behind pace, overdue tasks by unit, unanswered requests.
// Key report:weekly:<chat>:<Monday> in the Reminder table: once a week per recipient, also across restarts.
// The chart and the text go through the outbox (Telegram's limits, retries), written with the key: the
// chart first, so each recipient gets it above the five lines.
import type { Db } from "../../platform/db/client.ts";
import { isOfficeTime, type OfficeHours, type WorkCalendar } from "../../domain/calendar.ts";
import { addDays, localDate, weekday } from "../../domain/dates.ts";
import type { Messages } from "../../i18n/index.ts";
import type { WeeklyReportView } from "./messages.ts";
import { claimKeys, reachableRoleHolders, secretariatChats } from "../followup/audience.ts";
import type { ChartService } from "./charts.ts";
import { enqueue, type OutgoingMessage } from "../../platform/outbox/enqueue.ts";
import { withBehalf, type OnBehalf } from "../absence/stand-ins.ts";
import type { StatusService } from "../disbursement/status.ts";
import type { DirectiveService } from "../directives/directives.ts";

export interface WeeklyReportDeps {
  db: Db;
  calendar: () => Promise<WorkCalendar>;
  officeHours: OfficeHours;
  status: StatusService;
  charts: ChartService;
  /** the directives' progress line (of the recipient's units) */
  directives: Pick<DirectiveService, "summaries">;
  /** renders the report written to the outbox (the composition root passes `catalogue`) */
  messages: Messages<"reports" | "absence">;
}

const MOVERS = 3;
const BEHIND = 5;

export function createWeeklyReportService(deps: WeeklyReportDeps) {
  const { db } = deps;

  async function view(now: Date, unitIds: number[], monday: string): Promise<WeeklyReportView> {
    const today = localDate(now);
    const status = await deps.status.provinceStatus(now, { unitIds });
    const units = await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } });
    const idOf = new Map(units.map((u) => [u.name, u.id]));
    const before = await deps.charts.ratesAsOf(addDays(today, -7), unitIds);
    const movers = status.units
      .map((u) => {
        const was = before.get(idOf.get(u.unitName) ?? -1) ?? null;
        return { unitName: u.unitName, deltaBp: u.actualBp === null ? 0 : u.actualBp - (was ?? 0) };
      })
      .filter((m) => m.deltaBp !== 0)
      .sort((a, b) => Math.abs(b.deltaBp) - Math.abs(a.deltaBp) || a.unitName.localeCompare(b.unitName, "vi"))
      .slice(0, MOVERS);
    const behind = status.units
      .filter((u) => u.gapBp !== null && u.gapBp > 0)
      .map((u) => ({ unitName: u.unitName, gapBp: u.gapBp! }))
      .slice(0, BEHIND);
    const overdue = await db.task.groupBy({
      by: ["unitId"],
      where: { status: "OPEN", unitId: { in: unitIds }, dueDate: { lt: today } },
      _count: { _all: true },
    });
    const overdueByUnit = overdue
      .map((o) => ({ unitName: units.find((u) => u.id === o.unitId)?.name ?? "", count: o._count._all }))
      .sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName, "vi"));
    const open = await db.writtenRequest.findMany({
      where: { status: { in: ["OPEN", "CENTRAL"] }, unitId: { in: unitIds } },
      select: { dueOn: true },
    });
    return {
      today,
      weekOf: monday,
      movers,
      behind,
      overdueByUnit,
      unanswered: { open: open.length, overdue: open.filter((r) => r.dueOn < today).length },
      directives: await deps.directives.summaries(now, unitIds),
    };
  }

  async function runWeeklyReport(now: Date): Promise<{ skipped?: string; messages: number; photos: number }> {
    const cal = await deps.calendar();
    if (!isOfficeTime(now, cal, deps.officeHours)) return { skipped: "outside-office-hours", messages: 0, photos: 0 };
    const today = localDate(now);
    const monday = addDays(today, -((weekday(today) + 6) % 7));
    const allUnits = (
      await db.unit.findMany({ where: { active: true, kind: { in: ["DISTRICT", "COMMUNE"] } }, select: { id: true } })
    ).map((u) => u.id);

    // recipients: secretariat chats (every unit), supervisors in private (their units; all if province-wide)
    // (a supervisor away: his stand-in, told on whose behalf; #19)
    const recipients = new Map<
      string,
      { chatId: bigint; language: string; unitIds: number[]; onBehalf: OnBehalf | null }
    >();
    for (const c of await db.$transaction((tx) => secretariatChats(tx))) {
      recipients.set(String(c.telegramChatId), {
        chatId: c.telegramChatId,
        language: "vi",
        unitIds: allUnits,
        onBehalf: null,
      });
    }
    for (const s of await db.$transaction((tx) => reachableRoleHolders(tx, ["SUPERVISOR"], undefined, now))) {
      const k = String(s.chatId);
      const e = recipients.get(k) ?? { chatId: s.chatId, language: s.language, unitIds: [], onBehalf: s.onBehalf };
      const add = s.unitId === null ? allUnits : [s.unitId];
      e.unitIds = [...new Set([...e.unitIds, ...add])];
      recipients.set(k, e);
    }
    const keyOf = (chatId: bigint) => `report:weekly:${chatId}:${monday}`;
    const taken = new Set(
      (
        await db.reminder.findMany({
          where: { key: { in: [...recipients.values()].map((r) => keyOf(r.chatId)) } },
          select: { key: true },
        })
      ).map((r) => r.key),
    );
    const due = [...recipients.values()].filter((r) => !taken.has(keyOf(r.chatId)) && r.unitIds.length > 0);
    if (due.length === 0) return { messages: 0, photos: 0 };

    const items: { key: string; chatId: bigint; text: string; png: Buffer; caption: string }[] = [];
    for (const r of due) {
      const messages = deps.messages(r.language);
      const t = messages.reports;
      const v = await view(now, r.unitIds, monday);
      const chart = await deps.charts.rateChart(now, r.unitIds);
      items.push({
        key: keyOf(r.chatId),
        chatId: r.chatId,
        text: withBehalf(messages, r.onBehalf, t.weekly(v)),
        png: chart.png,
        caption: t.chart.caption(today),
      });
    }
    const claimed = await db.$transaction(async (tx) => {
      const keys = await claimKeys(
        tx,
        items.map((i) => i.key),
        "report.weekly",
        now,
      );
      const out: OutgoingMessage[] = items
        .filter((i) => keys.has(i.key))
        .flatMap((i) => [
          { kind: "report.weekly.chart", reminderId: keys.get(i.key), chatId: i.chatId, text: i.caption, photo: i.png },
          { kind: "report.weekly", reminderId: keys.get(i.key), chatId: i.chatId, text: i.text },
        ]);
      await enqueue(tx, out, now);
      return keys;
    });
    return { messages: claimed.size, photos: claimed.size };
  }

  return { runWeeklyReport };
}

export type WeeklyReportService = ReturnType<typeof createWeeklyReportService>;
