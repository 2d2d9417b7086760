// The weekly disbursement check-in: the question to each responsible official, the list of units that did
// not answer, and the monthly list of units below the provincial average. Part of the disbursement catalogue.
import { formatDmy } from "../../domain/dates.ts";
import { formatBillionsTrim, formatPercentBp, english } from "../../domain/money-format.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import type { BelowAverageView, CheckinMissingView, CheckinQuestionView } from "./checkin.ts";

const monthVi = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`;

const SOURCE_VI = { CENTRAL: "vốn TW", LOCAL: "vốn ĐP" } as const;
const SOURCE_EN = { CENTRAL: "central", LOCAL: "local" } as const;

/** The last figures: the whole, and each source's where the plans are split (ADR 016). */
function lastVi(v: CheckinQuestionView): string {
  if (v.lastVnd === null) return "Đơn vị chưa có số báo cáo nào trong năm.";
  const whole = `${formatBillionsTrim(v.lastVnd)} tỷ đồng (đến ${formatDmy(v.lastAsOf!)})`;
  if (v.sources.length === 0) return `Số đã báo cáo gần nhất: ${whole}.`;
  const parts = v.sources.map(
    (s) =>
      `${SOURCE_VI[s.source]} ${s.lastVnd === null ? "chưa báo cáo riêng" : `${formatBillionsTrim(s.lastVnd)} tỷ đồng (đến ${formatDmy(s.lastAsOf!)})`}`,
  );
  return `Số đã báo cáo gần nhất: tổng ${whole}; ${parts.join("; ")}.`;
}

function lastEn(v: CheckinQuestionView): string {
  if (v.lastVnd === null) return "The unit has not reported this year yet.";
  const whole = `${english.billions(v.lastVnd)} bn VND (as of ${formatDmy(v.lastAsOf!)})`;
  if (v.sources.length === 0) return `Last reported: ${whole}.`;
  const parts = v.sources.map(
    (s) =>
      `${SOURCE_EN[s.source]} ${s.lastVnd === null ? "not reported apart" : `${english.billions(s.lastVnd)} bn VND (as of ${formatDmy(s.lastAsOf!)})`}`,
  );
  return `Last reported: total ${whole}; ${parts.join("; ")}.`;
}

export const checkinVi = {
  question: (v: CheckinQuestionView) =>
    [
      `📋 Đề nghị đồng chí báo cáo số giải ngân lũy kế vốn ${h(v.programmeCode)} năm ${v.year} của ${h(v.unitName)} đến ngày ${formatDmy(v.today)}.`,
      lastVi(v),
      v.sources.length
        ? "Kế hoạch vốn có vốn TW và vốn ĐP: đề nghị đồng chí trả lời tin này bằng số lũy kế từng nguồn (ví dụ: TW 30 tỷ, ĐP 5 tỷ), hoặc bấm «Không thay đổi» nếu số liệu chưa đổi, trong ngày hôm nay."
        : "Đề nghị đồng chí trả lời tin này bằng số tiền (ví dụ: 30 tỷ), hoặc bấm «Không thay đổi» nếu số liệu chưa đổi, trong ngày hôm nay.",
    ].join("\n"),
  unchangedButton: "✔️ Không thay đổi",
  missing: (v: CheckinMissingView) =>
    v.missing.length === 0
      ? `✅ Kính gửi Văn phòng điều phối: tất cả ${v.asked} đơn vị × chương trình đã báo cáo số giải ngân theo yêu cầu ngày ${formatDmy(v.day)}.`
      : [
          `Kính gửi Văn phòng điều phối: ${v.missing.length}/${v.asked} đơn vị × chương trình chưa báo cáo số giải ngân theo yêu cầu ngày ${formatDmy(v.day)}:`,
          ...v.missing.map((m) => `• ${h(m.unitName)} · ${h(m.programmeCode)}`),
          "Đề nghị Văn phòng điều phối đôn đốc các đơn vị báo cáo.",
        ].join("\n"),
  belowAverage: (v: BelowAverageView) =>
    [
      `<b>Danh sách đơn vị giải ngân dưới mức bình quân toàn tỉnh</b> · tháng ${monthVi(v.month)}`,
      ...v.programmes.map(
        (p) =>
          `${h(p.programmeCode)} (bình quân ${p.averageBp === null ? "—" : formatPercentBp(p.averageBp)}): ` +
          (p.units.length
            ? p.units.map((u) => `${h(u.unitName)} ${formatPercentBp(u.actualBp)}`).join("; ")
            : "không có"),
      ),
    ].join("\n"),
};

export const checkinEn: typeof checkinVi = {
  question: (v) =>
    [
      `📋 Please report the cumulative ${h(v.programmeCode)} ${v.year} disbursement of ${h(v.unitName)} as of ${formatDmy(v.today)}.`,
      lastEn(v),
      v.sources.length
        ? "The plan has central and local capital: reply to this message with each cumulative figure (e.g. TW 30 tỷ, ĐP 5 tỷ), or press «No change». Please answer today."
        : "Reply to this message with the amount (e.g. 30 tỷ), or press «No change». Please answer today.",
    ].join("\n"),
  unchangedButton: "✔️ No change",
  missing: (v) =>
    v.missing.length === 0
      ? `✅ All ${v.asked} unit × programme pairs answered the check-in of ${formatDmy(v.day)}.`
      : [
          `${v.missing.length}/${v.asked} unit × programme pairs have not answered the check-in of ${formatDmy(v.day)}:`,
          ...v.missing.map((m) => `• ${h(m.unitName)} · ${h(m.programmeCode)}`),
        ].join("\n"),
  belowAverage: (v) =>
    [
      `<b>Units below the provincial average disbursement</b> · ${monthVi(v.month)}`,
      ...v.programmes.map(
        (p) =>
          `${h(p.programmeCode)} (average ${p.averageBp === null ? "—" : english.percentBp(p.averageBp)}): ` +
          (p.units.length
            ? p.units.map((u) => `${h(u.unitName)} ${english.percentBp(u.actualBp)}`).join("; ")
            : "none"),
      ),
    ].join("\n"),
};
