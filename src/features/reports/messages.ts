// Reports for leaders: /scorecard, /export, /chart, the weekly report, and the labels of exported files
// and charts. Figures Vietnamese-style, English-style in English (ADR 018; charts and file labels stay
// Vietnamese), HTML parse mode, user text escaped.
import { formatDmy } from "../../domain/dates.ts";
import { formatBillionsTrim, formatPercentBp, formatPoints, english } from "../../domain/money-format.ts";
import type { Period } from "../../domain/scorecard.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import type { DisbursementScore, ScorecardView } from "./scorecard.ts";
import type { ExportKind } from "./exports.ts";
import type { DirectiveSummaryView } from "../directives/views.ts";
import { directivesEn, directivesVi } from "../directives/messages.ts";

/** How the Vietnamese captions name the exports. */
const KIND_VI: Record<ExportKind, string> = {
  status: "tình hình giải ngân",
  tasks: "nhiệm vụ",
  disbursement: "các lần báo cáo giải ngân",
  scorecards: "kết quả thực hiện nhiệm vụ",
  directives: "văn bản chỉ đạo",
};

export interface WeeklyReportView {
  today: string;
  weekOf: string;
  /** largest absolute change of the rate over the week first */
  movers: { unitName: string; deltaBp: number }[];
  /** units behind the expected pace, furthest behind first */
  behind: { unitName: string; gapBp: number }[];
  overdueByUnit: { unitName: string; count: number }[];
  /** open written requests; of them, past their answer date */
  unanswered: { open: number; overdue: number };
  /** directives' progress in the four categories (#19) */
  directives?: DirectiveSummaryView[];
}

const num = (n: number) => String(n).replace(".", ",");
const signedPoints = (bp: number) => `${bp >= 0 ? "+" : "-"}${formatPoints(Math.abs(bp))}`;
const signedPointsEn = (bp: number) => `${bp >= 0 ? "+" : "-"}${english.points(Math.abs(bp))}`;

function periodVi(p: Period): string {
  if (p.kind === "month") return `tháng ${String(p.index).padStart(2, "0")}/${p.year}`;
  if (p.kind === "quarter") return `quý ${p.index}/${p.year}`;
  return `năm ${p.year}`;
}

function periodEn(p: Period): string {
  if (p.kind === "month") return `${String(p.index).padStart(2, "0")}/${p.year}`;
  if (p.kind === "quarter") return `Q${p.index} ${p.year}`;
  return `${p.year}`;
}

function moneyVi(d: DisbursementScore | null): string {
  if (!d || d.actualBp === null) return "Giải ngân: chưa có kế hoạch vốn";
  const gap =
    d.gapBp === null || d.gapBp === 0
      ? "đúng tiến độ"
      : d.gapBp > 0
        ? `chậm ${formatPoints(d.gapBp)} điểm`
        : `vượt ${formatPoints(-d.gapBp)} điểm`;
  return `Giải ngân: ${formatBillionsTrim(d.disbursedVnd)}/${formatBillionsTrim(d.planVnd)} tỷ đồng = ${formatPercentBp(d.actualBp)} kế hoạch; tiến độ cần đạt ${formatPercentBp(d.expectedBp)} (${gap})`;
}

function moneyEn(d: DisbursementScore | null): string {
  if (!d || d.actualBp === null) return "Disbursement: no capital plan yet";
  const gap =
    d.gapBp === null || d.gapBp === 0
      ? "on pace"
      : d.gapBp > 0
        ? `${english.points(d.gapBp)} points behind`
        : `${english.points(-d.gapBp)} points ahead`;
  return `Disbursement: ${english.billions(d.disbursedVnd)}/${english.billions(d.planVnd)} bn VND = ${english.percentBp(d.actualBp)} of plan; expected ${english.percentBp(d.expectedBp)} (${gap})`;
}

const list = (items: string[], none: string) => (items.length ? items.join("; ") : none);

export const reportsVi = {
  periodLabel: periodVi,
  help: {
    scorecard: "kết quả thực hiện nhiệm vụ của đơn vị, cán bộ (tháng, quý, năm)",
    export: "xuất báo cáo Excel/CSV (status, tasks, disbursement, scorecards)",
    chart: "biểu đồ giải ngân (các đơn vị, hoặc một đơn vị)",
  } as Record<string, string>,

  scorecard: (v: ScorecardView) => {
    const t = v.tasks;
    const late = t.medianDaysLate === null ? "" : ` · trễ trung vị ${num(t.medianDaysLate)} ngày`;
    const perTask =
      v.doneTasks > 0
        ? ` (bình quân ${num(Math.round((t.remindersBeforeDone / v.doneTasks) * 10) / 10)} lần/việc)`
        : "";
    const r = v.requests;
    const lines = [
      `📋 <b>Kết quả thực hiện nhiệm vụ ${v.subject === "unit" ? "" : "của đồng chí "}${h(v.name)}</b>${v.subject === "official" && v.unitName ? ` (${h(v.unitName)})` : ""} · ${periodVi(v.period)} · đến ${formatDmy(v.today)}`,
      `Nhiệm vụ: ${t.doneOnTime} hoàn thành đúng hạn · ${t.doneLate} hoàn thành quá hạn · ${t.openInTerm} đang thực hiện trong hạn · ${t.openOverdue} quá hạn chưa hoàn thành${t.awaitingConfirmation ? ` (trong đó ${t.awaitingConfirmation} đã báo hoàn thành, chờ xác nhận)` : ""}${late}`,
      `Số lần nhắc trước khi hoàn thành: ${t.remindersBeforeDone}${perTask}`,
      moneyVi(v.disbursement),
    ];
    if (v.meetings) lines.push(`Buổi làm việc định kỳ tháng: ${v.meetings.held}/${v.meetings.expected} tháng`);
    lines.push(
      `Văn bản xin ý kiến: ${r.answeredOnTime} trả lời đúng hạn · ${r.answeredLate} trả lời trễ · ${r.openInTerm} chờ trong hạn · ${r.openOverdue} quá hạn chưa trả lời`,
    );
    return lines.join("\n");
  },
  scorecardUsage:
    "Cú pháp: /ketqua [đơn vị | cán bộ] [kỳ]. Kỳ: <code>11/2026</code> (tháng), <code>q4/2026</code> (quý), <code>2026</code> (năm); mặc định năm nay.",
  scope: {
    otherOfficial: "đồng chí chỉ xem được kết quả thực hiện nhiệm vụ của chính mình hoặc của đơn vị mình phụ trách",
    secretariatChat: "chỉ dùng trong nhóm Văn phòng điều phối",
  },

  export: {
    usage:
      "Cú pháp: /xuat &lt;loại&gt; [kỳ] [csv]. Loại: <code>tinhhinh</code> (tình hình giải ngân các đơn vị), " +
      "<code>viec</code> (nhiệm vụ), <code>giaingan</code> (các lần báo cáo giải ngân), <code>ketqua</code> " +
      "(kết quả thực hiện nhiệm vụ), <code>chidao</code> (văn bản chỉ đạo). Kỳ: <code>11/2026</code>, " +
      "<code>q4/2026</code>, <code>2026</code>. Mặc định tệp Excel (.xlsx), nên dùng; tệp CSV dùng dấu «;» để mở " +
      "đúng cột trên Excel tiếng Việt.",
    progress: (percent: number) => `Đang xuất… ${percent}%`,
    done: (filename: string, rows: number) => `✅ Đã xuất ${h(filename)} (${rows} dòng).`,
    caption: (kind: ExportKind, today: string) => `Báo cáo ${KIND_VI[kind]} đến ngày ${formatDmy(today)}`,
  },

  chart: {
    usage: "Cú pháp: /bieudo [đơn vị]. Không ghi đơn vị: tỷ lệ giải ngân các đơn vị.",
    rateTitle: (today: string) => `Tỷ lệ giải ngân 03 Chương trình MTQG đến ${formatDmy(today)}`,
    expected: (bp: number) => `Tiến độ cần đạt ${formatPercentBp(bp)}`,
    /** the programmes judged on vốn TW (ADR 016) are drawn as vốn TW: the title says so */
    unitTitle: (unit: string, year: number, basis: { centralCodes: string[]; allCentral: boolean }) =>
      basis.centralCodes.length === 0
        ? `${unit}: giải ngân lũy kế năm ${year}`
        : basis.allCentral
          ? `${unit}: giải ngân lũy kế vốn TW năm ${year}`
          : `${unit}: giải ngân lũy kế năm ${year} (${basis.centralCodes.join(", ")} tính theo vốn TW)`,
    cumulative: "Giải ngân lũy kế",
    milestones: "Mốc tiến độ",
    full: "100% kế hoạch",
    noData: "Chưa có số liệu giải ngân để vẽ biểu đồ.",
    caption: (today: string) => `Biểu đồ giải ngân đến ngày ${formatDmy(today)}`,
  },

  weekly: (v: WeeklyReportView) =>
    [
      `📈 <b>Báo cáo tuần từ ${formatDmy(v.weekOf)}</b> · đến ${formatDmy(v.today)}`,
      `Biến động giải ngân trong tuần: ${list(
        v.movers.map((m) => `${h(m.unitName)} ${signedPoints(m.deltaBp)} điểm`),
        "không có thay đổi",
      )}`,
      `Chậm so với tiến độ: ${list(
        v.behind.map((b) => `${h(b.unitName)} (chậm ${formatPoints(b.gapBp)} điểm)`),
        "không có",
      )}`,
      `Việc quá hạn: ${list(
        v.overdueByUnit.map((o) => `${h(o.unitName)} ${o.count}`),
        "không có",
      )}`,
      `Văn bản xin ý kiến chưa trả lời: ${v.unanswered.open} (quá hạn ${v.unanswered.overdue})`,
      ...directivesVi.statusLines(v.directives ?? []),
    ].join("\n"),

  /** headers of exported files: always Vietnamese (official documents) */
  columns: {
    unit: "Đơn vị",
    programme: "Chương trình",
    plan: "Kế hoạch vốn (đồng)",
    disbursed: "Đã giải ngân (đồng)",
    rate: "Tỷ lệ giải ngân",
    expected: "Tiến độ cần đạt",
    gap: "Chênh lệch (điểm %)",
    light: "Đánh giá",
    openTasks: "Việc đang mở",
    overdueTasks: "Việc quá hạn",
    taskId: "Mã việc",
    title: "Nội dung",
    responsible: "Cán bộ phụ trách",
    dueDate: "Hạn",
    status: "Trạng thái",
    completedOn: "Ngày hoàn thành",
    timeliness: "Đánh giá thời hạn",
    docRef: "Văn bản",
    history: "Lịch sử",
    at: "Thời điểm",
    actor: "Người thực hiện",
    action: "Thao tác",
    asOf: "Số liệu đến ngày",
    cumulative: "Lũy kế giải ngân (đồng)",
    part: "Nguồn vốn",
    reportedBy: "Người báo cáo",
    correction: "Điều chỉnh",
    reportedAt: "Thời điểm báo cáo",
    period: "Kỳ",
    doneOnTime: "Hoàn thành đúng hạn",
    doneLate: "Hoàn thành quá hạn",
    openInTerm: "Đang thực hiện trong hạn",
    openOverdue: "Quá hạn chưa hoàn thành",
    awaitingConfirmation: "Trong đó chờ xác nhận",
    medianDaysLate: "Trung vị số ngày trễ",
    reminders: "Số lần nhắc trước khi hoàn thành",
    meetingsHeld: "Buổi làm việc đã họp",
    meetingsExpected: "Số tháng",
    requestsOnTime: "Văn bản trả lời đúng hạn",
    requestsLate: "Văn bản trả lời trễ",
    requestsOpenOverdue: "Văn bản quá hạn chưa trả lời",
    // capital sources (ADR 016): what the rate above judges, then each source and kind, then all sources
    basis: "Căn cứ đánh giá",
    partPlan: (part: string) => `Kế hoạch ${part} (đồng)`,
    partDisbursed: (part: string) => `Giải ngân ${part} (đồng)`,
    partRate: (part: string) => `Tỷ lệ ${part}`,
    totalPlan: "Kế hoạch tổng các nguồn (đồng)",
    totalDisbursed: "Giải ngân tổng các nguồn (đồng)",
    totalRate: "Tỷ lệ tổng các nguồn",
  },
  sheets: {
    status: "Tình hình",
    tasks: "Nhiệm vụ",
    history: "Lịch sử",
    disbursement: "Giải ngân",
    scorecards: "Kết quả thực hiện nhiệm vụ",
  },
  values: {
    light: { green: "Đạt tiến độ", yellow: "Chậm", red: "Chậm nhiều" } as Record<string, string>,
    status: {
      OPEN: "Đang mở",
      AWAITING_CONFIRMATION: "Chờ xác nhận",
      DONE: "Hoàn thành",
      CANCELLED: "Đã hủy",
    } as Record<string, string>,
    timeliness: {
      done_on_time: "Hoàn thành đúng hạn",
      done_late: "Hoàn thành quá hạn",
      open_in_term: "Đang thực hiện trong hạn",
      open_overdue: "Quá hạn chưa hoàn thành",
    } as Record<string, string>,
    yes: "Có",
    whole: "Toàn chương trình",
    basis: { CENTRAL: "Vốn TW", TOTAL: "Tổng các nguồn" } as Record<string, string>,
    source: { CENTRAL: "vốn TW", LOCAL: "vốn ĐP" } as Record<string, string>,
    kind: { INVESTMENT: "ĐTPT", RECURRENT: "SN" } as Record<string, string>,
  },
};

export const reportsEn: typeof reportsVi = {
  periodLabel: periodEn,
  help: {
    scorecard: "scorecard of a unit or an official for a period (month, quarter, year)",
    export: "export a report as Excel/CSV (status, tasks, disbursement, scorecards)",
    chart: "disbursement chart (all units, or one unit)",
  },

  scorecard: (v: ScorecardView) => {
    const t = v.tasks;
    const late = t.medianDaysLate === null ? "" : ` · median ${String(t.medianDaysLate)} days late`;
    const perTask =
      v.doneTasks > 0 ? ` (${String(Math.round((t.remindersBeforeDone / v.doneTasks) * 10) / 10)} per task)` : "";
    const r = v.requests;
    const lines = [
      `📋 <b>Task results of ${h(v.name)}</b>${v.subject === "official" && v.unitName ? ` (${h(v.unitName)})` : ""} · ${periodEn(v.period)} · as of ${formatDmy(v.today)}`,
      `Tasks: ${t.doneOnTime} completed on time · ${t.doneLate} completed late · ${t.openInTerm} in progress within the deadline · ${t.openOverdue} overdue, not completed${t.awaitingConfirmation ? ` (of which ${t.awaitingConfirmation} reported done, awaiting confirmation)` : ""}${late}`,
      `Reminders before completion: ${t.remindersBeforeDone}${perTask}`,
      moneyEn(v.disbursement),
    ];
    if (v.meetings) lines.push(`Monthly working sessions: ${v.meetings.held}/${v.meetings.expected} months`);
    lines.push(
      `Written requests: ${r.answeredOnTime} answered on time · ${r.answeredLate} answered late · ${r.openInTerm} waiting within term · ${r.openOverdue} overdue unanswered`,
    );
    return lines.join("\n");
  },
  scorecardUsage:
    "Usage: /scorecard [unit | official] [period]. Period: <code>11/2026</code> (month), <code>q4/2026</code> (quarter), <code>2026</code> (year); this year by default.",
  scope: {
    otherOfficial: "you can see only your own scorecard or your unit's",
    secretariatChat: "only in the coordination office's group",
  },

  export: {
    usage:
      "Usage: /export &lt;kind&gt; [period] [csv]. Kinds: <code>status</code> (every unit's disbursement), " +
      "<code>tasks</code>, <code>disbursement</code> (every disbursement report), <code>scorecards</code>, " +
      "<code>directives</code>. Period: <code>11/2026</code>, <code>q4/2026</code>, <code>2026</code>. Excel " +
      "(.xlsx) by default and recommended; CSV files use «;» so that they open in columns in a Vietnamese Excel.",
    progress: (percent: number) => `Exporting… ${percent}%`,
    done: (filename: string, rows: number) => `✅ Exported ${h(filename)} (${rows} rows).`,
    caption: (kind: ExportKind, today: string) => `Report «${kind}» as of ${formatDmy(today)}`,
  },

  chart: {
    usage: "Usage: /chart [unit]. Without a unit: the disbursement rate of every unit.",
    rateTitle: reportsVi.chart.rateTitle,
    expected: reportsVi.chart.expected,
    unitTitle: reportsVi.chart.unitTitle,
    cumulative: reportsVi.chart.cumulative,
    milestones: reportsVi.chart.milestones,
    full: reportsVi.chart.full,
    noData: "No disbursement figures to chart yet.",
    caption: (today: string) => `Disbursement chart as of ${formatDmy(today)}`,
  },

  weekly: (v: WeeklyReportView) =>
    [
      `📈 <b>Weekly report from ${formatDmy(v.weekOf)}</b> · as of ${formatDmy(v.today)}`,
      `Disbursement moves this week: ${list(
        v.movers.map((m) => `${h(m.unitName)} ${signedPointsEn(m.deltaBp)} points`),
        "no change",
      )}`,
      `Behind pace: ${list(
        v.behind.map((b) => `${h(b.unitName)} (${english.points(b.gapBp)} points behind)`),
        "none",
      )}`,
      `Overdue tasks: ${list(
        v.overdueByUnit.map((o) => `${h(o.unitName)} ${o.count}`),
        "none",
      )}`,
      `Unanswered written requests: ${v.unanswered.open} (${v.unanswered.overdue} overdue)`,
      ...directivesEn.statusLines(v.directives ?? []),
    ].join("\n"),

  // exported files and charts stay in Vietnamese, the language of the official documents
  columns: reportsVi.columns,
  sheets: reportsVi.sheets,
  values: reportsVi.values,
};
