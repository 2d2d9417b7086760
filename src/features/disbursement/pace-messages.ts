// The disbursement-milestone ladder (pace-check job), Vietnamese and English. Figures keep Vietnamese
// formatting ("27,3%", "31/12") in both languages, the way they appear in official documents.
import { formatDm } from "../../domain/dates.ts";
import type { Rung } from "../../domain/ladder.ts";
import { formatPercentBp, english } from "../../domain/money-format.ts";
import { escapeHtml as h } from "../../domain/text.ts";

export interface PaceReminderView {
  rung: Rung;
  unitName: string;
  programmeCode: string;
  /** the rate is of vốn TW (the plans are split by source and it was reported apart, ADR 016) */
  central?: boolean;
  actualBp: number;
  milestoneDate: string;
  targetBp: number;
  /** working days from today to the milestone (before / due) */
  workingDaysLeft: number;
  /** working days since the milestone (overdue rungs) */
  workingDaysOverdue: number;
}

const figures = (v: PaceReminderView) =>
  `${h(v.programmeCode)}${v.central ? " (vốn TW)" : ""}: ${formatPercentBp(v.actualBp)} — mốc ${formatDm(v.milestoneDate)} cần ${formatPercentBp(v.targetBp, 0)}`;

const figuresEn = (v: PaceReminderView) =>
  `${h(v.programmeCode)}${v.central ? " (central)" : ""}: ${english.percentBp(v.actualBp)} — milestone ${formatDm(v.milestoneDate)} requires ${english.percentBp(v.targetBp, 0)}`;

export const paceVi = {
  reminder: (v: PaceReminderView): string => {
    switch (v.rung) {
      case "before":
        return [
          `⏰ <b>Nhắc tiến độ giải ngân</b> — ${h(v.unitName)}`,
          `${figures(v)}, còn ${v.workingDaysLeft} ngày làm việc.`,
          "Đề nghị đồng chí khẩn trương đôn đốc giải ngân để bảo đảm mốc kế hoạch.",
        ].join("\n");
      case "due":
        return [
          `⏰ <b>Hôm nay đến mốc giải ngân</b> — ${h(v.unitName)}`,
          `${figures(v)}, hôm nay là hạn.`,
          "Đề nghị đồng chí cập nhật số liệu giải ngân mới nhất và báo cáo vướng mắc (nếu có).",
        ].join("\n");
      case "overdue1":
        return [
          `⚠️ <b>Chưa đạt mốc giải ngân</b> — ${h(v.unitName)}`,
          `${figures(v)}, đã quá ${v.workingDaysOverdue} ngày làm việc.`,
          "Đề nghị đồng chí chỉ đạo, đôn đốc giải ngân để bảo đảm mốc kế hoạch.",
        ].join("\n");
      case "overdue3":
        return [
          `🚨 <b>Chưa đạt mốc giải ngân</b> — ${h(v.unitName)}`,
          `${figures(v)}, đã quá ${v.workingDaysOverdue} ngày làm việc.`,
          "Kính báo cáo đồng chí Bí thư cấp ủy, đồng chí Ủy viên Ban Thường vụ theo dõi địa bàn để theo dõi, chỉ đạo; đề nghị Văn phòng điều phối đôn đốc đơn vị.",
        ].join("\n");
    }
  },
};

export const paceEn: typeof paceVi = {
  reminder: (v) => {
    switch (v.rung) {
      case "before":
        return [
          `⏰ <b>Disbursement pace</b> — ${h(v.unitName)}`,
          `${figuresEn(v)}, ${v.workingDaysLeft} working days left.`,
          "Please push disbursement to meet the milestone.",
        ].join("\n");
      case "due":
        return [
          `⏰ <b>Disbursement milestone today</b> — ${h(v.unitName)}`,
          `${figuresEn(v)}, due today.`,
          "Please report the latest disbursement figures and any obstacles.",
        ].join("\n");
      case "overdue1":
        return [
          `⚠️ <b>Disbursement milestone missed</b> — ${h(v.unitName)}`,
          `${figuresEn(v)}, ${v.workingDaysOverdue} working days past.`,
          "Reported to the People's Committee chairman.",
        ].join("\n");
      case "overdue3":
        return [
          `🚨 <b>Disbursement milestone missed</b> — ${h(v.unitName)}`,
          `${figuresEn(v)}, ${v.workingDaysOverdue} working days past.`,
          "Reported to the Party secretary, the Standing Committee supervisor and the coordination office.",
        ].join("\n");
    }
  },
};
