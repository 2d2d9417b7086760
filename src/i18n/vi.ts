// Vietnamese catalogue: the reference language. Every user-facing line of the bot is here (HTML parse mode).
import { formatDm, formatDmy } from "../domain/dates.ts";
import { formatBillions, formatPercentBp, formatPoints } from "../domain/money.ts";
import { escapeHtml as h } from "../domain/text.ts";
import type { Light } from "../domain/pacing.ts";
import { onboardingVi } from "../features/registry/messages.ts";
import { tasksVi } from "../features/tasks/messages.ts";
import { disbursementVi } from "../features/disbursement/messages.ts";
import { broadcastVi } from "../features/broadcast/messages.ts";
import { followupVi } from "../features/followup/messages.ts";
import { reportsVi } from "../features/reports/messages.ts";
import { paceVi } from "../features/disbursement/pace-messages.ts";
import { digestVi } from "../features/tasks/digest-messages.ts";
import type {
  Lang,
  CommandHelp,
  CompletionView,
  ProgrammeStatusView,
  ProvinceStatusView,
  ReminderView,
  UnitRankView,
  UnitStatusView,
} from "./types.ts";
import { ROLE_VI } from "../features/registry/messages.ts";

const LIGHT: Record<Light, string> = { green: "🟢", yellow: "🟡", red: "🔴" };
export const light = (l: Light | null) => (l ? LIGHT[l] : "⚪");

function gap(gapBp: number | null): string {
  if (gapBp === null) return "";
  if (gapBp <= 0) return gapBp === 0 ? "đúng tiến độ" : `vượt ${formatPoints(-gapBp)} điểm`;
  return `chậm ${formatPoints(gapBp)} điểm`;
}

function tasks(open: number, overdue: number): string {
  if (open === 0) return "không có việc tồn";
  return overdue > 0 ? `${open} việc đang mở, ${overdue} quá hạn` : `${open} việc đang mở`;
}

function programmeLine(p: ProgrammeStatusView): string {
  const parts = [`<b>${h(p.programmeCode)}</b>`];
  if (p.actualBp === null) parts.push("chưa có kế hoạch vốn");
  else {
    parts.push(`${formatBillions(p.disbursedVnd)}/${formatBillions(p.planVnd)} tỷ (${formatPercentBp(p.actualBp)})`);
    if (p.next) parts.push(`mốc ${formatDm(p.next.date)}: ${formatPercentBp(p.next.targetBp, 0)}`);
    parts.push(gap(p.gapBp));
    if (p.daysToNext !== null) parts.push(`còn ${p.daysToNext} ngày ${light(p.light)}`);
  }
  parts.push(tasks(p.openTasks, p.overdueTasks));
  return parts.join(" · ");
}

function rankLine(u: UnitRankView, i: number): string {
  const rate = u.actualBp === null ? "chưa có kế hoạch vốn" : `${formatPercentBp(u.actualBp)} (${gap(u.gapBp)})`;
  const below = u.belowAverage ? ` · ${disbursementVi.belowAverage}` : "";
  return `${i + 1}. ${light(u.light)} ${h(u.unitName)} · ${rate}${below} · ${tasks(u.openTasks, u.overdueTasks)}`;
}

function reminderHead(r: ReminderView): string {
  switch (r.rung) {
    case "before":
      return `⏰ <b>Nhắc việc</b> — còn ${r.workingDaysLeft} ngày làm việc đến hạn`;
    case "due":
      return "⏰ <b>Hôm nay đến hạn</b>";
    case "overdue1":
      return `⚠️ <b>Quá hạn ${r.workingDaysOverdue} ngày làm việc</b> — báo cáo đồng chí Chủ tịch UBND`;
    case "overdue3":
      return r.caughtUp?.includes("overdue1")
        ? `🚨 <b>Quá hạn ${r.workingDaysOverdue} ngày làm việc</b> — báo cáo đồng chí Chủ tịch UBND, Thường trực, Ủy viên BTV theo dõi và Văn phòng điều phối`
        : `🚨 <b>Quá hạn ${r.workingDaysOverdue} ngày làm việc</b> — báo cáo Thường trực, Ủy viên BTV theo dõi và Văn phòng điều phối`;
  }
}

export const vi = {
  tasks: tasksVi,
  onboarding: onboardingVi,
  disbursement: disbursementVi,
  broadcast: broadcastVi,
  followup: followupVi,
  reports: reportsVi,
  pace: paceVi,
  digest: digestVi,
  lang: "vi" as Lang,
  roleName: (role: string) => ROLE_VI[role] ?? role,

  start: {
    welcome: (name: string, roles: string[]) =>
      `Kính chào đồng chí ${h(name)}. dondoc sẽ nhắc đồng chí các việc đến hạn và ghi nhận khi hoàn thành.` +
      (roles.length ? `\nVai trò: ${roles.map(h).join("; ")}.` : "") +
      "\nGõ /help để xem các lệnh.",
    unknownUser:
      "Đồng chí chưa có trong danh sách cán bộ của dondoc. Đề nghị liên hệ Văn phòng điều phối để được cấp đường dẫn kích hoạt.",
  },

  help: {
    header: "<b>dondoc</b> — đôn đốc thực hiện 03 Chương trình MTQG. Các lệnh đồng chí dùng được:",
    line: (c: CommandHelp, description: string) => `/${c.command}${c.args ? " " + h(c.args) : ""} — ${description}`,
    replyHint: "Khi nhận tin nhắc việc, trả lời tin đó bằng «xong» kèm ghi chú (hoặc bấm ✅) để báo hoàn thành.",
    commands: {
      ...tasksVi.help,
      ...disbursementVi.help,
      ...followupVi.help,
      ...reportsVi.help,
      start: "bắt đầu, kích hoạt tài khoản",
      help: "danh sách lệnh",
      status: "tình hình giải ngân và việc tồn của đơn vị (hoặc cả tỉnh)",
      bind: "gắn nhóm này với một đơn vị",
      broadcast: "gửi thông báo tới các đơn vị, cán bộ (có thể hẹn giờ)",
      invite: "cấp đường dẫn kích hoạt cho một cán bộ",
      unbind: "gỡ nhóm này khỏi đơn vị",
    } as Record<string, string>,
  },

  status: {
    unit: (v: UnitStatusView) =>
      [
        `<b>${h(v.unitName)}</b> · ${formatDmy(v.today)} · kế hoạch vốn ${v.year}`,
        ...v.programmes.map(programmeLine),
        ...v.doneToday.map((d) => `✅ Hôm nay đã xong: ${h(d.title)} (${h(d.by)})`),
      ].join("\n"),
    province: (v: ProvinceStatusView) =>
      [
        `<b>Toàn tỉnh</b> · ${formatDmy(v.today)} · kế hoạch vốn ${v.year} · xếp từ chậm nhất`,
        ...v.units.map(rankLine),
      ].join("\n"),
    noUnits: "Chưa có đơn vị nào trong danh sách.",
  },

  reminder: {
    text: (r: ReminderView) =>
      [
        reminderHead(r),
        `Việc: <b>${h(r.title)}</b>`,
        `Đơn vị: ${h(r.unitName)}${r.programmeCode ? ` · Chương trình ${h(r.programmeCode)}` : ""}${r.docRef ? ` · Văn bản ${h(r.docRef)}` : ""}`,
        `Hạn: ${formatDmy(r.dueDate)} · Phụ trách: đồng chí ${r.responsibleMention}`,
        {
          responsible: "Khi hoàn thành, đề nghị đồng chí trả lời tin này bằng «xong» kèm ghi chú, hoặc bấm ✅.",
          group: "Trả lời tin này bằng «xong» kèm ghi chú, hoặc bấm ✅ khi hoàn thành.",
          leader: "Đề nghị đồng chí chỉ đạo, đôn đốc cán bộ phụ trách hoàn thành.",
        }[r.audience],
      ].join("\n"),
    doneButton: "✅ Đã xong",
  },

  done: {
    confirmed: (c: CompletionView) =>
      `✅ Đã ghi nhận: «${h(c.title)}» hoàn thành ngày ${formatDmy(c.completedOn)} (${c.onTime ? "đúng hạn" : `trễ hạn, hạn ${formatDmy(c.dueDate)}`})` +
      (c.note ? ` — ${h(c.note)}` : "") +
      ".",
    closedNotice: (c: CompletionView) =>
      `✅ Việc «${h(c.title)}» của ${h(c.unitName)} đã hoàn thành ngày ${formatDmy(c.completedOn)} (đồng chí ${h(c.byName)}${c.onTime ? "" : `, trễ hạn ${formatDmy(c.dueDate)}`}).`,
    alreadyDone: (title: string, on: string) => `Việc «${h(title)}» đã được ghi nhận hoàn thành ngày ${formatDmy(on)}.`,
    whichItem:
      "Tin này tổng hợp nhiều việc. Đề nghị đồng chí ghi số thứ tự của việc đã hoàn thành, ví dụ «xong 2», hoặc bấm ✅ 2.",
    notAReminder: "Tin đồng chí trả lời không phải tin nhắc việc của dondoc. Đề nghị trả lời đúng tin nhắc việc.",
    notAllowed: "Đồng chí không phải người phụ trách việc này nên không thể báo hoàn thành thay.",
    taskGone: "Không tìm thấy việc này (có thể đã bị hủy).",
  },

  errors: {
    notRegistered: "Đồng chí chưa có trong danh sách cán bộ của dondoc. Đề nghị liên hệ Văn phòng điều phối.",
    unknownCommand: (cmd: string) => `Lệnh /${h(cmd)} không có. Gõ /help để xem các lệnh.`,
    generic: "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Đề nghị đồng chí thử lại sau ít phút.",
    chatNotBound:
      "Nhóm này chưa được gắn với đơn vị nào. Văn phòng điều phối hoặc Chủ tịch UBND đơn vị gõ /bind &lt;tên đơn vị&gt; để gắn.",
    unitNotFound: (q: string) => `Không tìm thấy đơn vị «${h(q)}». Đề nghị kiểm tra lại tên đơn vị.`,
    unitAmbiguous: (q: string, names: string[]) =>
      `«${h(q)}» trùng với nhiều đơn vị: ${names.map(h).join(", ")}. Đề nghị ghi rõ hơn.`,
    notAllowed: (why: string) => `Đồng chí không dùng được lệnh này: ${why}.`,
    privateOnly: "chỉ dùng trong trò chuyện riêng với bot",
    groupOnly: "chỉ dùng trong nhóm của đơn vị",
    roleRequired: (roles: string[]) => `cần vai trò ${roles.map((r) => ROLE_VI[r] ?? r).join(" hoặc ")}`,
  },

  delivery: {
    unreachable: (who: string, reason: string) =>
      `⚠️ Không gửi được tin cho ${h(who)} (${h(reason)}). dondoc ngừng gửi vào đó cho đến khi được thêm lại hoặc mở lại trò chuyện.`,
  },

  bind: {
    done: (unit: string) => `Đã gắn nhóm này với đơn vị <b>${h(unit)}</b>. Tin nhắc việc của đơn vị sẽ gửi vào đây.`,
    secretariat: "Đã gắn nhóm này làm nhóm của Văn phòng điều phối.",
    usage: "Cú pháp: /bind &lt;tên đơn vị&gt; (hoặc /bind vpdp cho nhóm Văn phòng điều phối).",
  },
};

export type Catalogue = typeof vi;
