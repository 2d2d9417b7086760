// One message per chat per check (ADR 009): the digest of a chat's reminders, worst first, numbered so that
// "xong 2" in reply completes item 2; and the pace digest of disbursement milestones. Vietnamese and English.
// A chat with a single item gets the ordinary reminder instead (reminder.text / pace.reminder).
import { formatDm, formatDmy } from "../../domain/dates.ts";
import type { Rung } from "../../domain/ladder.ts";
import { formatPercentBp, english } from "../../domain/money-format.ts";
import { escapeHtml as h } from "../../domain/text.ts";

export type DigestAudience = "responsible" | "group" | "leader" | "office";

export interface DigestItemView {
  /** its number in the digest, 1-based */
  n: number;
  rung: Rung;
  taskId: number;
  title: string;
  unitName: string;
  programmeCode: string | null;
  dueDate: string;
  responsibleName: string;
  /** the document it comes from: a directive item («Kết luận số …, mục 2») or the /giao reference; "" if none */
  docRef: string;
  workingDaysLeft: number;
  workingDaysOverdue: number;
  /** in a digest to someone who acts on other items: this one he is only informed of (a leader's copy) */
  informed?: boolean;
}

export interface TaskDigestView {
  today: string;
  /** who reads it: acting (responsible, group) or informed (leader, the secretariat's office) */
  audience: DigestAudience;
  items: DigestItemView[];
  /** items of this check left out of the message to keep it one message */
  more: number;
}

export interface PaceDigestItemView {
  rung: Rung;
  unitName: string;
  programmeCode: string;
  actualBp: number;
  milestoneDate: string;
  targetBp: number;
  workingDaysLeft: number;
  workingDaysOverdue: number;
}

export interface PaceDigestView {
  today: string;
  audience: DigestAudience;
  items: PaceDigestItemView[];
  more: number;
  /** units still behind a milestone already reported before today (not listed again) */
  stillBehindUnits: number;
}

const SECTIONS_VI: [Rung[], string][] = [
  [["overdue3", "overdue1"], "🚨 <b>Quá hạn</b>"],
  [["due"], "⏰ <b>Đến hạn hôm nay</b>"],
  [["before"], "🔔 <b>Sắp đến hạn</b>"],
];
const SECTIONS_EN: [Rung[], string][] = [
  [["overdue3", "overdue1"], "🚨 <b>Overdue</b>"],
  [["due"], "⏰ <b>Due today</b>"],
  [["before"], "🔔 <b>Coming up</b>"],
];

function sections<T extends { rung: Rung }>(items: T[], names: [Rung[], string][], line: (i: T) => string) {
  return names.flatMap(([rungs, title]) => {
    const mine = items.filter((i) => rungs.includes(i.rung));
    return mine.length ? [title, ...mine.map(line)] : [];
  });
}

const short = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

const taskLineVi = (i: DigestItemView) =>
  `${i.n}. «${h(short(i.title))}» — ${h(i.unitName)}${i.programmeCode ? ` · ${h(i.programmeCode)}` : ""}` +
  `${i.docRef ? ` · Văn bản ${h(short(i.docRef))}` : ""} · hạn ${formatDm(i.dueDate)} · ` +
  (i.workingDaysOverdue > 0
    ? `quá ${i.workingDaysOverdue} ngày làm việc`
    : i.rung === "due"
      ? "hôm nay"
      : `còn ${i.workingDaysLeft} ngày làm việc`) +
  ` · đồng chí ${h(i.responsibleName)}` +
  (i.informed ? " · <i>để theo dõi, chỉ đạo</i>" : "");

const taskLineEn = (i: DigestItemView) =>
  `${i.n}. «${h(short(i.title))}» — ${h(i.unitName)}${i.programmeCode ? ` · ${h(i.programmeCode)}` : ""}` +
  `${i.docRef ? ` · Document ${h(short(i.docRef))}` : ""} · due ${formatDm(i.dueDate)} · ` +
  (i.workingDaysOverdue > 0
    ? `${i.workingDaysOverdue} working days overdue`
    : i.rung === "due"
      ? "today"
      : `${i.workingDaysLeft} working days left`) +
  ` · ${h(i.responsibleName)}` +
  (i.informed ? " · <i>for your information</i>" : "");

const paceLineVi = (i: PaceDigestItemView & { n: number }) =>
  `${i.n}. ${h(i.unitName)} · ${h(i.programmeCode)}: ${formatPercentBp(i.actualBp)}, mốc ${formatDm(i.milestoneDate)} cần đạt ${formatPercentBp(i.targetBp, 0)}` +
  (i.workingDaysOverdue > 0 ? ` · đã quá ${i.workingDaysOverdue} ngày làm việc` : "");

const paceLineEn = (i: PaceDigestItemView & { n: number }) =>
  `${i.n}. ${h(i.unitName)} · ${h(i.programmeCode)}: ${english.percentBp(i.actualBp)}, milestone ${formatDm(i.milestoneDate)} requires ${english.percentBp(i.targetBp, 0)}` +
  (i.workingDaysOverdue > 0 ? ` · ${i.workingDaysOverdue} working days past` : "");

const numbered = <T>(items: T[]) => items.map((i, k) => ({ ...i, n: k + 1 }));

const acting = (a: DigestAudience) => a === "responsible" || a === "group";

export const digestVi = {
  tasks: (v: TaskDigestView): string =>
    [
      `📋 <b>Tổng hợp nhắc việc</b> ngày ${formatDmy(v.today)} — ${v.items.length + v.more} việc, xếp từ cấp bách nhất`,
      {
        responsible: v.items.some((i) => i.informed)
          ? "Đề nghị đồng chí hoàn thành các việc đồng chí phụ trách dưới đây; các việc ghi «để theo dõi, chỉ đạo» xin kính báo cáo đồng chí:"
          : "Đề nghị đồng chí hoàn thành các việc dưới đây:",
        group: "Đề nghị các đồng chí phụ trách hoàn thành các việc dưới đây:",
        leader: "Kính báo cáo đồng chí các việc dưới đây để theo dõi, chỉ đạo:",
        office: "Kính gửi Văn phòng điều phối các việc dưới đây để theo dõi, tổng hợp:",
      }[v.audience],
      ...sections(v.items, SECTIONS_VI, taskLineVi),
      ...(v.more > 0 ? [`… và ${v.more} việc khác: gõ /viec (hoặc /quahan) để xem đủ.`] : []),
      ...(acting(v.audience)
        ? [
            "Khi hoàn thành, trả lời tin này «xong 2» (số thứ tự của việc, kèm ghi chú) hoặc bấm ✅ 2. " +
              "Bấm ⏰ 2 để hẹn nhắc lại, ⚠️ 2 để báo vướng mắc, 📅 2 để xin gia hạn.",
          ]
        : []),
    ].join("\n"),
  pace: (v: PaceDigestView): string =>
    [
      `📊 <b>Tổng hợp tiến độ giải ngân</b> ngày ${formatDmy(v.today)}`,
      {
        responsible: "Đề nghị đồng chí khẩn trương đôn đốc giải ngân:",
        group: "Đề nghị đơn vị khẩn trương đôn đốc giải ngân:",
        leader: "Kính báo cáo đồng chí để theo dõi, chỉ đạo:",
        office: "Kính gửi Văn phòng điều phối để theo dõi, tổng hợp:",
      }[v.audience],
      ...sections(numbered(v.items), SECTIONS_VI, paceLineVi),
      ...(v.more > 0 ? [`… và ${v.more} chương trình khác: gõ /tinhhinh để xem đủ.`] : []),
      ...(v.stillBehindUnits > 0 ? [`Vẫn chậm: ${v.stillBehindUnits} đơn vị, như hôm qua (đã báo cáo).`] : []),
    ].join("\n"),
  /** one row per listed item: the single reminder's buttons, numbered (⏰ asks when: 1 giờ / sáng mai / …) */
  buttons: {
    done: (n: number) => `✅ ${n}`,
    snooze: (n: number) => `⏰ ${n}`,
    obstacle: (n: number) => `⚠️ ${n}`,
    extension: (n: number) => `📅 ${n}`,
  },
};

export const digestEn: typeof digestVi = {
  tasks: (v) =>
    [
      `📋 <b>Reminders</b> of ${formatDmy(v.today)} — ${v.items.length + v.more} tasks, most urgent first`,
      {
        responsible: v.items.some((i) => i.informed)
          ? "Please complete the tasks you are responsible for below; those marked «for your information» are reported to you:"
          : "Please complete the tasks below:",
        group: "Officials in charge, please complete the tasks below:",
        leader: "For your information and direction:",
        office: "To the coordination office, for follow-up:",
      }[v.audience],
      ...sections(v.items, SECTIONS_EN, taskLineEn),
      ...(v.more > 0 ? [`… and ${v.more} more: /tasks (or /overdue) lists them all.`] : []),
      ...(acting(v.audience)
        ? [
            "When done, reply «xong 2» to this message (the item's number) or press ✅ 2. " +
              "⏰ 2 reminds you later, ⚠️ 2 reports an obstacle, 📅 2 asks for more time.",
          ]
        : []),
    ].join("\n"),
  pace: (v) =>
    [
      `📊 <b>Disbursement pace</b> of ${formatDmy(v.today)}`,
      {
        responsible: "Please push disbursement:",
        group: "The unit is asked to push disbursement:",
        leader: "For your information and direction:",
        office: "To the coordination office, for follow-up:",
      }[v.audience],
      ...sections(numbered(v.items), SECTIONS_EN, paceLineEn),
      ...(v.more > 0 ? [`… and ${v.more} more: /status shows them all.`] : []),
      ...(v.stillBehindUnits > 0
        ? [`Still behind: ${v.stillBehindUnits} units, as yesterday (already reported).`]
        : []),
    ].join("\n"),
  buttons: {
    done: (n) => `✅ ${n}`,
    snooze: (n) => `⏰ ${n}`,
    obstacle: (n) => `⚠️ ${n}`,
    extension: (n) => `📅 ${n}`,
  },
};
