// Disbursement tracking lines: /report, /khongdat, /dieuchuyen, the programme league table and refusals.
// Amounts and rates always in Vietnamese number format (also in English).
import { formatDmy } from "../../domain/dates.ts";
import { formatBillionsTrim, formatPercentBp, formatPoints, formatVnd, english } from "../../domain/money-format.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import { planUploadEn, planUploadVi } from "./plan-upload-messages.ts";
import { checkinEn, checkinVi } from "./checkin-messages.ts";
import type { CannotMeetView, DecisionView, ReallocationRow, ReallocationView, ReportView } from "./disbursement.ts";

const SOURCE_VI: Record<string, string> = { CENTRAL: "vốn TW", LOCAL: "vốn ĐP" };
const KIND_VI: Record<string, string> = { INVESTMENT: "ĐTPT", RECURRENT: "SN" };
const SOURCE_EN: Record<string, string> = { CENTRAL: "central", LOCAL: "local" };
const KIND_EN: Record<string, string> = { INVESTMENT: "investment", RECURRENT: "recurrent" };

// "5 tỷ đồng", "12,5 tỷ đồng": the unit in full where a figure stands alone, no ",0"
const tỷ = (vnd: bigint) => `${formatBillionsTrim(vnd)} tỷ đồng`;
const bn = (vnd: bigint) => `${english.billions(vnd)} bn VND`;

const partWordsVi = (v: ReportView) =>
  [v.source ? SOURCE_VI[v.source] : "", v.kind ? KIND_VI[v.kind] : ""].filter(Boolean).join(" ");
const partWordsEn = (v: ReportView) =>
  [v.source ? SOURCE_EN[v.source] : "", v.kind ? KIND_EN[v.kind] : ""].filter(Boolean).join(" ");
const partVi = (v: ReportView) => (partWordsVi(v) ? ` (${partWordsVi(v)})` : "");
const partEn = (v: ReportView) => (partWordsEn(v) ? ` (${partWordsEn(v)})` : "");

function deltaVi(bp: number | null, part: boolean): string {
  if (bp === null) return part ? "lần đầu báo cáo riêng phần vốn này" : "báo cáo đầu tiên";
  if (bp === 0) return "không đổi so với lần báo cáo trước";
  return `${bp > 0 ? "+" : "-"}${formatPoints(Math.abs(bp))} điểm so với lần báo cáo trước`;
}

function deltaEn(bp: number | null, part: boolean): string {
  if (bp === null) return part ? "first figure of this part" : "first report";
  if (bp === 0) return "unchanged since the last report";
  return `${bp > 0 ? "+" : "-"}${english.points(Math.abs(bp))} points since the last report`;
}

const AMOUNT_REASON_VI: Record<string, string> = {
  empty: "chưa ghi số tiền",
  negative: "số tiền không được âm",
  ambiguous: "số tiền chưa rõ (đề nghị ghi đơn vị, ví dụ «12.500 triệu», hoặc ghi đủ số có dấu chấm: «12.500.000.000»)",
  "too-precise": "số tiền lẻ dưới 1 đồng",
  invalid: "không đọc được số tiền (ví dụ: 12,5 tỷ; 12.500 triệu; 3 tỷ 200 triệu)",
};

const AMOUNT_REASON_EN: Record<string, string> = {
  empty: "no amount given",
  negative: "the amount cannot be negative",
  ambiguous:
    "the amount is ambiguous (write a unit, e.g. «12.500 triệu», or the whole number with dots: «12.500.000.000»)",
  "too-precise": "the amount has a fraction of a đồng",
  invalid: "the amount cannot be read (e.g. 12,5 tỷ; 12.500 triệu; 3 tỷ 200 triệu)",
};

const figuresVi = (asOf: string | null) => (asOf ? `số liệu lũy kế đến ${formatDmy(asOf)}` : "chưa có số liệu báo cáo");
const figuresEn = (asOf: string | null) =>
  asOf ? `figures cumulative to ${formatDmy(asOf)}` : "no figures reported yet";

function rows(list: ReallocationRow[], line: (r: ReallocationRow) => string, none: string): string[] {
  return list.length ? list.map(line) : [none];
}

const cannotMeetDetailsVi = (v: CannotMeetView) => [
  ...(v.projects ? [`Dự án: ${h(v.projects)}`] : []),
  `Lý do: ${h(v.reason)}`,
  `Người báo cáo: đồng chí ${h(v.byName)}`,
];
const cannotMeetDetailsEn = (v: CannotMeetView) => [
  ...(v.projects ? [`Projects: ${h(v.projects)}`] : []),
  `Reason: ${h(v.reason)}`,
  `Reported by ${h(v.byName)}`,
];

const planChangeVi = (v: DecisionView) =>
  `Kế hoạch vốn ${h(v.programmeCode)} năm ${v.year} từ ngày ${formatDmy(v.effectiveOn)} (${SOURCE_VI[v.source]} ${KIND_VI[v.kind]}): ` +
  `${h(v.fromUnit)} ${tỷ(v.fromBeforeVnd)} → ${tỷ(v.fromAfterVnd)}; ${h(v.toUnit)} ${tỷ(v.toBeforeVnd)} → ${tỷ(v.toAfterVnd)}.`;
const planChangeEn = (v: DecisionView) =>
  `${h(v.programmeCode)} capital plan ${v.year} from ${formatDmy(v.effectiveOn)} (${SOURCE_EN[v.source]} ${KIND_EN[v.kind]}): ` +
  `${h(v.fromUnit)} ${bn(v.fromBeforeVnd)} → ${bn(v.fromAfterVnd)}; ${h(v.toUnit)} ${bn(v.toBeforeVnd)} → ${bn(v.toAfterVnd)}.`;

export const disbursementVi = {
  reported: (v: ReportView) =>
    `${v.correction ? "✏️ Đã sửa" : "✅ Đã ghi nhận"} giải ngân ${h(v.programmeCode)}${partVi(v)} của ${h(v.unitName)} đến ${formatDmy(v.asOf)}: ` +
    `${formatVnd(v.amountVnd)} (${tỷ(v.amountVnd)}) — ` +
    (v.rateBp === null
      ? "chưa có kế hoạch vốn"
      : `đạt ${formatPercentBp(v.rateBp)} kế hoạch ${partWordsVi(v) ? `${partWordsVi(v)} ` : ""}${tỷ(v.planVnd)}`) +
    ` (${deltaVi(v.deltaBp, partWordsVi(v) !== "")}).` +
    (v.unsplit
      ? `\nKế hoạch vốn ${h(v.programmeCode)} có vốn TW và vốn ĐP: đề nghị báo cáo riêng từng nguồn, ví dụ /baocao ${h(v.programmeCode)} &lt;số tiền&gt; vốn TW; tiến độ và mốc giải ngân được đánh giá theo vốn TW.`
      : ""),

  cannotMeetAck: (v: CannotMeetView) =>
    `✅ Đã ghi nhận báo cáo không giải ngân được ${tỷ(v.amountVnd)} vốn ${h(v.programmeCode)} năm ${v.year} của ${h(v.unitName)}. Đã báo cáo Văn phòng điều phối, đồng chí Ủy viên Ban Thường vụ theo dõi địa bàn và UBND tỉnh; phương án điều chuyển vốn trình trước ngày ${formatDmy(v.proposalDueOn)}.`,
  cannotMeetNotice: (v: CannotMeetView) =>
    [
      "Kính gửi Văn phòng điều phối.",
      `⚠️ <b>${h(v.unitName)}</b> báo cáo dự kiến không giải ngân được <b>${tỷ(v.amountVnd)}</b> (${formatVnd(v.amountVnd)}) vốn ${h(v.programmeCode)} năm ${v.year}.`,
      ...cannotMeetDetailsVi(v),
      `Đề nghị Văn phòng điều phối tham mưu phương án điều chuyển vốn, trình UBND tỉnh trước ngày <b>${formatDmy(v.proposalDueOn)}</b>.`,
    ].join("\n"),
  cannotMeetLeader: (v: CannotMeetView) =>
    [
      `Kính báo cáo đồng chí: <b>${h(v.unitName)}</b> báo cáo dự kiến không giải ngân được <b>${tỷ(v.amountVnd)}</b> vốn ${h(v.programmeCode)} năm ${v.year}.`,
      ...cannotMeetDetailsVi(v),
      `Văn phòng điều phối tham mưu phương án điều chuyển vốn trước ngày ${formatDmy(v.proposalDueOn)}. Kính báo cáo để đồng chí theo dõi, chỉ đạo.`,
    ].join("\n"),

  reallocation: (v: ReallocationView) =>
    [
      `<b>Điều chuyển vốn</b> · ${formatDmy(v.today)} · kế hoạch vốn ${v.year} · dự kiến đến ${formatDmy(v.yearEnd)} theo tốc độ 2 kỳ báo cáo gần nhất`,
      "<b>Dự kiến dư vốn:</b>",
      ...rows(
        v.surplus,
        (r) =>
          `• ${h(r.unitName)} · ${h(r.programmeCode)}${r.basis === "CENTRAL" ? " (vốn TW)" : ""}: dư ${tỷ(r.amountVnd)} (dự kiến giải ngân ${formatBillionsTrim(r.projectedVnd)}/${tỷ(r.planVnd)}` +
          (r.declaredVnd > 0n ? `; đã báo cáo không giải ngân được ${tỷ(r.declaredVnd)}` : "") +
          ")",
        "• không có",
      ),
      "<b>Có nhu cầu thêm vốn:</b>",
      ...rows(
        v.need,
        (r) =>
          `• ${h(r.unitName)} · ${h(r.programmeCode)}${r.basis === "CENTRAL" ? " (vốn TW)" : ""}: cần thêm ${tỷ(r.amountVnd)} (dự kiến giải ngân ${formatBillionsTrim(r.projectedVnd)}/${tỷ(r.planVnd)})`,
        "• không có",
      ),
      "Ghi quyết định: /dieuchuyen ghi &lt;từ đơn vị&gt; sang &lt;đến đơn vị&gt; &lt;chương trình&gt; &lt;số tiền&gt; [số quyết định] [ngày] [TW/ĐP ĐTPT/SN]",
    ].join("\n"),
  decisionRecorded: (v: DecisionView) =>
    `✅ Đã ghi quyết định điều chuyển ${tỷ(v.amountVnd)} (${formatVnd(v.amountVnd)}) vốn ${h(v.programmeCode)} từ ${h(v.fromUnit)} sang ${h(v.toUnit)}` +
    (v.decisionNo ? ` (Quyết định số ${h(v.decisionNo)}).` : ".") +
    `\n${planChangeVi(v)} Đã thông báo đến nhóm của hai đơn vị.`,
  proposalOverdue: (v: CannotMeetView) =>
    `⏰ Đề nghị Văn phòng điều phối khẩn trương trình UBND tỉnh phương án điều chuyển ${tỷ(v.amountVnd)} vốn ${h(v.programmeCode)} năm ${v.year} mà <b>${h(v.unitName)}</b> báo cáo không giải ngân được: hạn trình ${formatDmy(v.proposalDueOn)} đã qua, chưa có quyết định điều chuyển (ghi bằng /dieuchuyen ghi).`,
  proposalOverdueLeader: (v: CannotMeetView) =>
    `Kính báo cáo đồng chí: phương án điều chuyển ${tỷ(v.amountVnd)} vốn ${h(v.programmeCode)} năm ${v.year} mà <b>${h(v.unitName)}</b> báo cáo không giải ngân được chưa được trình, hạn ${formatDmy(v.proposalDueOn)} đã qua. Kính báo cáo để đồng chí theo dõi, chỉ đạo.`,
  reallocationNotice: (v: DecisionView) =>
    [
      `📢 <b>Thông báo điều chuyển vốn</b>${v.decisionNo ? ` theo Quyết định số ${h(v.decisionNo)}` : ""}: ${tỷ(v.amountVnd)} vốn ${h(v.programmeCode)} từ ${h(v.fromUnit)} sang ${h(v.toUnit)}.`,
      planChangeVi(v),
      "Đề nghị các đơn vị cập nhật kế hoạch giải ngân theo kế hoạch vốn đã điều chỉnh.",
    ].join("\n"),

  programmeLeagueHeader: (code: string, asOf: string | null, year: number) =>
    `<b>Chương trình ${h(code)}</b> · kế hoạch vốn ${year} · ${figuresVi(asOf)} · xếp từ chậm nhất`,
  followedLeagueHeader: (asOf: string | null, year: number) =>
    `<b>Các đơn vị đồng chí theo dõi</b> · kế hoạch vốn ${year} · ${figuresVi(asOf)} · xếp từ chậm nhất`,
  figures: figuresVi,
  average: (bp: number | null) =>
    bp === null ? "Bình quân toàn tỉnh: chưa có kế hoạch vốn." : `Bình quân toàn tỉnh: ${formatPercentBp(bp)}.`,
  belowAverage: "↓ dưới bình quân",

  // expected refusals of the disbursement commands (src/features/refusals.ts: refusal("disbursement", …))
  errors: {
    usage:
      "Cú pháp: /baocao &lt;chương trình&gt; &lt;số tiền&gt; [vốn TW/ĐP] [ĐTPT/SN] [ngày dd/mm/yyyy] [sửa] — ví dụ: /baocao NTM 26,5 tỷ vốn TW. Văn phòng điều phối ghi thêm tên đơn vị ở đầu.",
    amount: (p: { reason: string }) =>
      `Chưa ghi nhận: ${AMOUNT_REASON_VI[p.reason ?? "invalid"] ?? AMOUNT_REASON_VI.invalid}.`,
    programmeNotFound: (p: { query: string }) =>
      `Chưa ghi nhận: không tìm thấy chương trình «${h(p.query ?? "")}» (NTM, GNBV, DTTS).`,
    programmeAmbiguous: (p: { query: string; names: string[] }) =>
      `Chưa ghi nhận: «${h(p.query ?? "")}» trùng với nhiều chương trình: ${(p.names ?? []).map(h).join(", ")}. Đề nghị ghi rõ hơn.`,
    noPlan: (p: { programmeCode: string; unitName: string; year: number }) =>
      `Chưa ghi nhận: ${h(p.unitName ?? "")} chưa có kế hoạch vốn ${h(p.programmeCode ?? "")} năm ${p.year ?? ""} (hoặc của nguồn/loại vốn đã ghi).`,
    overPlan: (p: { amountVnd: bigint; planVnd: bigint; marginPercent: number }) =>
      `Chưa ghi nhận: ${tỷ(p.amountVnd ?? 0n)} vượt kế hoạch vốn ${tỷ(p.planVnd ?? 0n)}` +
      (p.marginPercent ? ` quá ${p.marginPercent}%` : "") +
      ". Đề nghị kiểm tra lại số liệu.",
    belowLast: (p: { amountVnd: bigint; lastVnd: bigint }) =>
      `Chưa ghi nhận: ${tỷ(p.amountVnd ?? 0n)} thấp hơn số đã báo cáo lần trước ${tỷ(p.lastVnd ?? 0n)} (số lũy kế). Nếu cần điều chỉnh giảm, đề nghị ghi thêm «sửa» ở cuối lệnh.`,
    notResponsible: (p: { unitName: string; programmeCode: string }) =>
      `Chưa ghi nhận: đồng chí không được phân công phụ trách chương trình ${h(p.programmeCode ?? "")} của ${h(p.unitName ?? "")}.`,
    unitRequired:
      "Chưa ghi nhận: đề nghị ghi tên đơn vị trước tên chương trình, ví dụ: /baocao Nam Trà My NTM 12,5 tỷ.",
    futureDate: "Chưa ghi nhận: ngày báo cáo không được sau hôm nay.",
    sourceRequired: (p: { programmeCode: string }) =>
      `Chưa ghi nhận: kế hoạch vốn ${h(p.programmeCode ?? "")} có loại vốn này ở cả vốn TW và vốn ĐP; đề nghị ghi rõ nguồn, ví dụ «vốn TW ĐTPT».`,
    checkinNotRegistered: "Chưa ghi nhận: đồng chí chưa có trong danh sách cán bộ phụ trách.",
    checkinNoAmount:
      "Chưa ghi nhận: đề nghị trả lời bằng số giải ngân lũy kế, ví dụ: 30 tỷ, hoặc bấm «Không thay đổi».",
    checkinGone: "Yêu cầu báo cáo này không còn hiệu lực.",
    checkinParts:
      "Chưa ghi nhận: đề nghị ghi nguồn vốn trước mỗi số tiền, ví dụ: TW 30 tỷ, ĐP 5 tỷ (hoặc chỉ một số tổng).",
    checkinNoLast:
      "Chưa ghi nhận: đơn vị chưa có số báo cáo trước; đề nghị trả lời tin nhắn bằng số tiền, ví dụ: 30 tỷ.",
    sameUnit: "Chưa ghi nhận: đơn vị chuyển đi và đơn vị nhận phải khác nhau.",
    reasonRequired:
      "Chưa ghi nhận: đề nghị ghi lý do (và dự án, trước dấu «:»), ví dụ: /khongdat NTM 5 tỷ Đường ĐH2: chưa giải phóng mặt bằng.",
    milestones:
      "Mốc giải ngân không hợp lệ: ngày phải thuộc năm kế hoạch, tăng dần, tỷ lệ từ 0% đến 100% và không giảm.",
  },

  usageCannotMeet:
    "Cú pháp: /khongdat &lt;chương trình&gt; &lt;số tiền&gt; [dự án:] &lt;lý do&gt; — ví dụ: /khongdat NTM 5 tỷ Đường ĐH2: chưa giải phóng mặt bằng.",
  usageDecision:
    "Cú pháp: /dieuchuyen ghi &lt;từ đơn vị&gt; sang &lt;đến đơn vị&gt; &lt;chương trình&gt; &lt;số tiền&gt; [số quyết định] [ngày dd/mm/yyyy] [TW/ĐP ĐTPT/SN] — mặc định vốn TW ĐTPT, từ hôm nay.",

  help: {
    report: "báo cáo số giải ngân lũy kế của chương trình",
    khongdat: "báo cáo số vốn dự kiến không giải ngân được và lý do",
    dieuchuyen: "dự kiến dư/thiếu vốn các đơn vị; ghi quyết định điều chuyển",
  },
  planUpload: planUploadVi,
  checkin: checkinVi,
};

export const disbursementEn: typeof disbursementVi = {
  reported: (v) =>
    `${v.correction ? "✏️ Corrected" : "✅ Recorded"} ${h(v.programmeCode)}${partEn(v)} disbursement of ${h(v.unitName)} as of ${formatDmy(v.asOf)}: ` +
    `${english.vnd(v.amountVnd)} (${bn(v.amountVnd)}) — ` +
    (v.rateBp === null
      ? "no capital plan yet"
      : `${english.percentBp(v.rateBp)} of the ${partWordsEn(v) ? `${partWordsEn(v)} ` : ""}${bn(v.planVnd)} plan`) +
    ` (${deltaEn(v.deltaBp, partWordsEn(v) !== "")}).` +
    (v.unsplit
      ? `\nThe ${h(v.programmeCode)} plan has central and local capital: please report each apart, e.g. /report ${h(v.programmeCode)} &lt;amount&gt; TW; the pace and milestones judge central capital.`
      : ""),

  cannotMeetAck: (v) =>
    `✅ Recorded: ${h(v.unitName)} expects not to disburse ${bn(v.amountVnd)} of ${h(v.programmeCode)} capital for ${v.year}. The coordination office, the supervising Standing Committee member and the provincial People's Committee have been told; the reallocation proposal is due by ${formatDmy(v.proposalDueOn)}.`,
  cannotMeetNotice: (v) =>
    [
      `⚠️ <b>${h(v.unitName)}</b> expects not to disburse <b>${bn(v.amountVnd)}</b> (${english.vnd(v.amountVnd)}) of ${h(v.programmeCode)} capital for ${v.year}.`,
      ...cannotMeetDetailsEn(v),
      `The coordination office is asked to propose a reallocation to the provincial People's Committee by <b>${formatDmy(v.proposalDueOn)}</b>.`,
    ].join("\n"),
  cannotMeetLeader: (v) =>
    [
      `For your information: <b>${h(v.unitName)}</b> expects not to disburse <b>${bn(v.amountVnd)}</b> of ${h(v.programmeCode)} capital for ${v.year}.`,
      ...cannotMeetDetailsEn(v),
      `The coordination office will propose a reallocation by ${formatDmy(v.proposalDueOn)}.`,
    ].join("\n"),

  reallocation: (v) =>
    [
      `<b>Reallocation</b> · ${formatDmy(v.today)} · ${v.year} capital plan · projected to ${formatDmy(v.yearEnd)} at the pace of the last two reports`,
      "<b>Projected surplus:</b>",
      ...rows(
        v.surplus,
        (r) =>
          `• ${h(r.unitName)} · ${h(r.programmeCode)}${r.basis === "CENTRAL" ? " (central)" : ""}: surplus ${bn(r.amountVnd)} (projected ${english.billions(r.projectedVnd)}/${bn(r.planVnd)}` +
          (r.declaredVnd > 0n ? `; declared not disbursable ${bn(r.declaredVnd)}` : "") +
          ")",
        "• none",
      ),
      "<b>Need more capital:</b>",
      ...rows(
        v.need,
        (r) =>
          `• ${h(r.unitName)} · ${h(r.programmeCode)}${r.basis === "CENTRAL" ? " (central)" : ""}: needs ${bn(r.amountVnd)} (projected ${english.billions(r.projectedVnd)}/${bn(r.planVnd)})`,
        "• none",
      ),
      "Record a decision: /dieuchuyen ghi &lt;from unit&gt; sang &lt;to unit&gt; &lt;programme&gt; &lt;amount&gt; [decision no.]",
    ].join("\n"),
  decisionRecorded: (v) =>
    `✅ Recorded the reallocation of ${bn(v.amountVnd)} (${english.vnd(v.amountVnd)}) of ${h(v.programmeCode)} capital from ${h(v.fromUnit)} to ${h(v.toUnit)}` +
    (v.decisionNo ? ` (decision ${h(v.decisionNo)}).` : ".") +
    `\n${planChangeEn(v)} Both units' groups have been told.`,
  proposalOverdue: (v) =>
    `⏰ The coordination office is asked to put the reallocation of ${bn(v.amountVnd)} of ${h(v.programmeCode)} ${v.year} capital that <b>${h(v.unitName)}</b> cannot disburse before the provincial People's Committee without delay: it was due by ${formatDmy(v.proposalDueOn)} and no decision is recorded (/dieuchuyen ghi).`,
  proposalOverdueLeader: (v) =>
    `For your information: the reallocation proposal for ${bn(v.amountVnd)} of ${h(v.programmeCode)} ${v.year} capital that <b>${h(v.unitName)}</b> cannot disburse was due by ${formatDmy(v.proposalDueOn)} and has not been made.`,
  reallocationNotice: (v) =>
    [
      `📢 <b>Capital reallocation</b>${v.decisionNo ? ` by decision ${h(v.decisionNo)}` : ""}: ${bn(v.amountVnd)} of ${h(v.programmeCode)} capital from ${h(v.fromUnit)} to ${h(v.toUnit)}.`,
      planChangeEn(v),
      "Please update your disbursement plans to the adjusted capital plan.",
    ].join("\n"),

  programmeLeagueHeader: (code, asOf, year) =>
    `<b>Programme ${h(code)}</b> · ${year} capital plan · ${figuresEn(asOf)} · slowest first`,
  followedLeagueHeader: (asOf, year) =>
    `<b>Units you follow</b> · ${year} capital plan · ${figuresEn(asOf)} · slowest first`,
  figures: figuresEn,
  average: (bp) =>
    bp === null ? "Provincial average: no capital plan yet." : `Provincial average: ${english.percentBp(bp)}.`,
  belowAverage: "↓ below average",

  errors: {
    usage:
      "Usage: /report &lt;programme&gt; &lt;amount&gt; [TW/ĐP ĐTPT/SN] [date dd/mm/yyyy] [sửa] — e.g. /report NTM 12,5 tỷ. The coordination office puts the unit's name first.",
    amount: (p) => `Not recorded: ${AMOUNT_REASON_EN[p.reason ?? "invalid"] ?? AMOUNT_REASON_EN.invalid}.`,
    programmeNotFound: (p) => `Not recorded: no programme «${h(p.query ?? "")}» (NTM, GNBV, DTTS).`,
    programmeAmbiguous: (p) =>
      `Not recorded: «${h(p.query ?? "")}» matches several programmes: ${(p.names ?? []).map(h).join(", ")}.`,
    noPlan: (p) =>
      `Not recorded: ${h(p.unitName ?? "")} has no ${h(p.programmeCode ?? "")} capital plan for ${p.year ?? ""} (or for that source/kind).`,
    overPlan: (p) =>
      `Not recorded: ${bn(p.amountVnd ?? 0n)} exceeds the ${bn(p.planVnd ?? 0n)} plan` +
      (p.marginPercent ? ` by more than ${p.marginPercent}%` : "") +
      ". Please check the figure.",
    belowLast: (p) =>
      `Not recorded: ${bn(p.amountVnd ?? 0n)} is below the last reported ${bn(p.lastVnd ?? 0n)} (cumulative). To correct downwards, add «sửa» at the end.`,
    notResponsible: (p) =>
      `Not recorded: you are not responsible for ${h(p.programmeCode ?? "")} in ${h(p.unitName ?? "")}.`,
    unitRequired: "Not recorded: put the unit's name before the programme, e.g. /report Nam Trà My NTM 12,5 tỷ.",
    futureDate: "Not recorded: the report date cannot be after today.",
    sourceRequired: (p) =>
      `Not recorded: the ${h(p.programmeCode ?? "")} plan has this kind in both central and local capital; name the source, e.g. «TW ĐTPT».`,
    checkinNotRegistered: "Not recorded: you are not in the registry of responsible officials.",
    checkinNoAmount: "Not recorded: reply with the cumulative amount, e.g. 30 tỷ, or press «No change».",
    checkinGone: "This check-in is no longer open.",
    checkinParts: "Not recorded: put the source before each amount, e.g. TW 30 tỷ, ĐP 5 tỷ (or one total only).",
    checkinNoLast: "Not recorded: the unit has no earlier figure; reply with the amount, e.g. 30 tỷ.",
    sameUnit: "Not recorded: the giving and receiving units must differ.",
    reasonRequired:
      "Not recorded: give the reason (projects before «:»), e.g. /khongdat NTM 5 tỷ Road DH2: land clearance pending.",
    milestones: "Invalid milestones: dates within the plan year, increasing, targets 0–100% never decreasing.",
  },

  usageCannotMeet: "Usage: /khongdat &lt;programme&gt; &lt;amount&gt; [projects:] &lt;reason&gt;",
  usageDecision:
    "Usage: /dieuchuyen ghi &lt;from unit&gt; sang &lt;to unit&gt; &lt;programme&gt; &lt;amount&gt; [decision no.]",

  help: {
    report: "report the programme's cumulative disbursement",
    khongdat: "report capital you expect not to disburse, and why",
    dieuchuyen: "projected surplus/need per unit; record a reallocation decision",
  },
  planUpload: planUploadEn,
  checkin: checkinEn,
};
