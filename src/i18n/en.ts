// English catalogue, for users whose Telegram language is English. Figures are written the English way
// ("1,730.5 bn VND", "27.3%"; ADR 018): "1.730 bn" would read as 1.73 billion. Dates stay dd/mm/yyyy.
import { formatDm, formatDmy } from "../domain/dates.ts";
import { english } from "../domain/money-format.ts";
import { escapeHtml as h } from "../domain/text.ts";
import type { Catalogue } from "./vi.ts";
import { light } from "./vi.ts";
import { onboardingEn } from "../features/registry/messages.ts";
import { tasksEn } from "../features/tasks/messages.ts";
import { disbursementEn } from "../features/disbursement/messages.ts";
import { broadcastEn } from "../features/broadcast/messages.ts";
import { followupEn } from "../features/followup/messages.ts";
import { reportsEn } from "../features/reports/messages.ts";
import { dashboardEn } from "../features/dashboard/messages.ts";
import { paceEn } from "../features/disbursement/pace-messages.ts";
import { directivesEn } from "../features/directives/messages.ts";
import { extensionsEn } from "../features/extensions/messages.ts";
import { evidenceEn } from "../features/evidence/messages.ts";
import { confirmationEn } from "../features/tasks/confirmation-messages.ts";
import { historyEn } from "../features/history/messages.ts";
import { absenceEn } from "../features/absence/messages.ts";
import type { ProgrammeStatusView, ProvinceStatusView, ReminderView, UnitRankView } from "./types.ts";
import { digestEn } from "../features/tasks/digest-messages.ts";
import { ROLE_EN } from "../features/registry/messages.ts";
import { sourceLines } from "./status-sources.ts";

function gap(gapBp: number | null): string {
  if (gapBp === null) return "";
  if (gapBp <= 0) return gapBp === 0 ? "on pace" : `${english.points(-gapBp)} points ahead`;
  return `${english.points(gapBp)} points behind`;
}

function tasks(open: number, overdue: number): string {
  if (open === 0) return "no open tasks";
  const openText = open === 1 ? "1 open task" : `${open} open tasks`;
  return overdue > 0 ? `${openText}, ${overdue} overdue` : openText;
}

const month = (today: string) => `${Number(today.slice(5, 7))}/${today.slice(0, 4)}`;

function reported(p: ProgrammeStatusView, today: string): string {
  if (p.latestAsOf === null) return `no disbursement reported, none for ${month(today)}`;
  const asOf = `cumulative to ${formatDm(p.latestAsOf)}`;
  return p.reportedThisMonth ? asOf : `${asOf}, no report for ${month(today)}`;
}

/** A plan changed by reallocations (R3): "plan adjusted: −10 bn VND by decision 123/QĐ-UBND". */
function adjustment(a: { deltaVnd: bigint; decisionNos: string[] }, label: string, by: string): string {
  const sign = a.deltaVnd < 0n ? "−" : "+";
  const amount = `${sign}${english.billionsTrim(a.deltaVnd < 0n ? -a.deltaVnd : a.deltaVnd)} bn VND`;
  return `${label}: ${amount}${a.decisionNos.length ? ` ${by} ${a.decisionNos.map(h).join(", ")}` : ""}`;
}

function programmeBlock(p: ProgrammeStatusView, today: string): string[] {
  const head = `<b>${h(p.programmeCode)}</b>`;
  if (p.actualBp === null) {
    if (p.planVnd === 0n && p.programmeCode === "Khác") return [`${head}: ${tasks(p.openTasks, p.overdueTasks)}`];
    return [`${head}: no capital plan yet · ${tasks(p.openTasks, p.overdueTasks)}`];
  }
  const pace = [
    p.next
      ? `milestone ${formatDm(p.next.date)} requires ${english.percentBp(p.next.targetBp, 0)}`
      : "past the last milestone",
    `pace to date ${english.percentBp(p.expectedBp)}, ${gap(p.gapBp)}`,
    ...(p.workingDaysToNext !== null ? [`${p.workingDaysToNext} working days left`] : []),
  ];
  const s = sourceLines(p, "en");
  return [
    `${light(p.light)} ${head}${s.label}: ${english.billionsTrim(p.disbursedVnd)}/${english.billionsTrim(p.planVnd)} bn VND ` +
      `(${english.percentBp(p.actualBp)}), ${reported(p, today)}${s.note}`,
    ...s.kinds,
    `   ${pace.join(" · ")}`,
    ...s.others,
    `   ${tasks(p.openTasks, p.overdueTasks)}`,
    ...(p.adjustment ? [`   ${adjustment(p.adjustment, "plan adjusted", "by decision")}`] : []),
  ];
}

function rankLine(u: UnitRankView, i: number, today: string): string {
  const basis = u.basis === "CENTRAL" ? " central (" : u.basis === "MIXED" ? " (partly central, " : " (";
  const rate = u.actualBp === null ? "no capital plan yet" : `${english.percentBp(u.actualBp)}${basis}${gap(u.gapBp)})`;
  const below = u.belowAverage ? ` · ${disbursementEn.belowAverage}` : "";
  const silent = u.reportedThisMonth === false ? ` · no report for ${month(today)}` : "";
  return `${i + 1}. ${light(u.light)} ${h(u.unitName)} · ${rate}${below}${silent} · ${tasks(u.openTasks, u.overdueTasks)}`;
}

const provinceRows = (v: ProvinceStatusView) => [
  ...v.units.map((u, i) => rankLine(u, i, v.today)),
  disbursementEn.average(v.averageBp ?? null),
];

const figuresOf = (asOf: string | null | undefined) => disbursementEn.figures(asOf ?? null);

function reminderHead(r: ReminderView): string {
  switch (r.rung) {
    case "before":
      return `⏰ <b>Reminder</b> — ${r.workingDaysLeft} working days to the deadline`;
    case "due":
      return "⏰ <b>Due today</b>";
    case "overdue1":
      return `⚠️ <b>${r.workingDaysOverdue} working days overdue</b> — reported to the chairman`;
    case "overdue3":
      return r.caughtUp?.includes("overdue1")
        ? `🚨 <b>${r.workingDaysOverdue} working days overdue</b> — reported to the chairman, the Party secretary, the supervisor and the coordination office`
        : `🚨 <b>${r.workingDaysOverdue} working days overdue</b> — reported to the Party secretary, the supervisor and the coordination office`;
  }
}

export const en: Catalogue = {
  tasks: tasksEn,
  onboarding: onboardingEn,
  disbursement: disbursementEn,
  broadcast: broadcastEn,
  followup: followupEn,
  reports: reportsEn,
  dashboard: dashboardEn,
  pace: paceEn,
  directives: directivesEn,
  extensions: extensionsEn,
  evidence: evidenceEn,
  confirmation: confirmationEn,
  history: historyEn,
  absence: absenceEn,
  digest: digestEn,
  lang: "en",
  roleName: (role) => ROLE_EN[role] ?? role,

  start: {
    welcome: (name, roles) =>
      `Welcome, ${h(name)}. dondoc will remind you of tasks that fall due and record them when done.` +
      (roles.length ? `\nRoles: ${roles.map(h).join("; ")}.` : "") +
      "\nType /help for the commands.",
    unknownUser:
      "You are not in dondoc's list of officials. Please ask the coordination office for an activation link.",
  },

  help: {
    header: "<b>dondoc</b> — follow-up of the 3 National Target Programmes. Commands you can use:",
    line: (c, description) => `/${c.command}${c.args ? " " + h(c.args) : ""} — ${description}`,
    groups: { follow: "Follow-up", report: "Reporting", direct: "Direction", admin: "Administration", other: "Other" },
    replyHint: "When you get a reminder, reply to it with «done» and a note (or press ✅) to report completion.",
    filesHint: (bot) =>
      "Registry, task, capital-plan, holiday or directive files (.xlsx, .csv): send them to the bot in private, or " +
      `in the secretariat's group with @${h(bot)} in the caption (without it the bot does not receive a file sent ` +
      "in a group).",
    aliases: (names) => `English names work too (${names.map((n) => `/${n}`).join(", ")}); any case.`,
    commands: {
      ...tasksEn.help,
      ...disbursementEn.help,
      ...followupEn.help,
      ...reportsEn.help,
      ...dashboardEn.help,
      ...directivesEn.help,
      ...extensionsEn.help,
      ...historyEn.help,
      ...confirmationEn.help,
      ...absenceEn.help,
      start: "start, activate your account",
      help: "list of commands",
      status: "disbursement and open tasks of your unit (or the province)",
      bind: "bind this group to a unit",
      broadcast: "send an announcement to units or officials (can be scheduled)",
      moi_hangloat: "activation links (Excel list and printable QR codes) for every official not yet activated",
      ai: "who is responsible for what, by official or unit",
      canbo: "add, edit or deactivate an official",
      bangiao: "hand responsibilities and open tasks over to another official",
      ngaynghi: "holidays and make-up working days of a year (list, add)",
      chuongtrinh: "programmes and the offices that answer their obstacles (list, set)",
      invite: "issue an activation link to an official",
      unbind: "unbind this group from its unit",
    },
  },

  status: {
    unit: (v) =>
      [
        `<b>${h(v.unitName)}</b> · disbursement of the ${v.year} capital plan · ${formatDmy(v.today)}`,
        ...v.programmes.flatMap((p) => programmeBlock(p, v.today)),
        ...v.doneToday.map((d) => `✅ Done today: ${h(d.title)} (${h(d.by)})`),
      ].join("\n"),
    provinceRows,
    province: (v) =>
      [`<b>Province</b> · ${v.year} capital plan · ${figuresOf(v.asOf)} · slowest first`, ...provinceRows(v)].join(
        "\n",
      ),
    noUnits: "No units registered yet.",
  },

  reminder: {
    text: (r) =>
      [
        reminderHead(r),
        `Task: <b>${h(r.title)}</b>`,
        `Unit: ${h(r.unitName)}${r.programmeCode ? ` · Programme ${h(r.programmeCode)}` : ""}${r.docRef ? ` · Document ${h(r.docRef)}` : ""}`,
        `Due: ${formatDmy(r.dueDate)} · Responsible: ${r.responsibleMention}`,
        {
          responsible: "When it is done, please reply to this message with «done» and a note, or press ✅.",
          group: "Reply to this message with «done» and a note, or press ✅ when it is done.",
          leader: "For your information and direction.",
        }[r.audience],
      ].join("\n"),
    doneButton: "✅ Done",
  },

  question: {
    addressed: (name, telegramUserId, text) => `<a href="tg://user?id=${telegramUserId}">${h(name)}</a>:\n${text}`,
  },

  done: {
    confirmed: (c) =>
      c.awaiting
        ? confirmationEn.reported(c, c.awaiting.confirmerName) + (c.note ? ` Note: ${h(c.note)}.` : "")
        : `✅ Recorded: «${h(c.title)}» completed on ${formatDmy(c.completedOn)} (${c.onTime ? "on time" : `late, due ${formatDmy(c.dueDate)}`})` +
          (c.note ? ` — ${h(c.note)}` : "") +
          ".",
    closedNotice: (c) =>
      `✅ «${h(c.title)}» of ${h(c.unitName)} was completed on ${formatDmy(c.completedOn)} (by ${h(c.byName)}${c.onTime ? "" : `, due ${formatDmy(c.dueDate)}`}).`,
    alreadyDone: (title, on) => `«${h(title)}» was already recorded as completed on ${formatDmy(on)}.`,
    whichItem:
      "This message lists several tasks. Please give the number of the one completed, e.g. «xong 2», or press ✅ 2.",
    notAReminder: "The message you replied to is not a dondoc reminder. Please reply to the reminder itself.",
    notAllowed: "You are not responsible for this task, so you cannot report it as done.",
    taskGone: "This task no longer exists (it may have been cancelled).",
  },

  errors: {
    notRegistered: "You are not in dondoc's list of officials. Please contact the coordination office.",
    unknownCommand: (cmd) => `There is no /${h(cmd)} command. Type /help for the list.`,
    generic: "Sorry, something went wrong while handling your request. Please try again in a few minutes.",
    chatNotBound:
      "This group is not bound to a unit yet. The coordination office or the unit's chairman types /bind &lt;unit&gt;.",
    unitNotFound: (q) => `No unit named «${h(q)}». Please check the name.`,
    unitAmbiguous: (q, names) =>
      `«${h(q)}» matches several units: ${names.map(h).join(", ")}. Please be more specific.`,
    notAllowed: (why) => `You cannot use this command: ${why}.`,
    privateOnly: "it works only in a private chat with the bot",
    groupOnly: "it works only in a unit's group",
    roleRequired: (roles) => `it needs the role ${roles.map((r) => ROLE_EN[r] ?? r).join(" or ")}`,
  },

  delivery: {
    unreachable: (who, reason) =>
      `⚠️ Could not deliver to ${h(who)} (${h(reason)}). dondoc stops sending there until the bot is added back or the chat is reopened.`,
  },

  bind: {
    done: (unit) => `This group is now bound to <b>${h(unit)}</b>. The unit's reminders will be posted here.`,
    secretariat: "This group is now the coordination office's group.",
    usage: "Usage: /bind &lt;unit&gt; (or /bind vpdp for the coordination office's group).",
  },
};
