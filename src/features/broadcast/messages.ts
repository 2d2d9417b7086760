// /broadcast (/thongbao): the secretariat's announcements, from draft to delivery report (HTML parse mode).
import { escapeHtml as h } from "../../domain/text.ts";

export interface BroadcastReportView {
  total: number;
  delivered: number;
  failed: string[];
  unreachable: string[];
  notStarted: string[];
}

const names = (list: string[]) => list.map(h).join(", ");

export const broadcastVi = {
  usage:
    "Cú pháp: /thongbao &lt;nội dung&gt;, hoặc /thongbao lúc dd/mm/yyyy hh:mm &lt;nội dung&gt; để hẹn giờ gửi (ví dụ: /thongbao lúc 25/11/2026 8h00 …).",
  onlySecretariatChat: "Lệnh này chỉ dùng trong nhóm Văn phòng điều phối hoặc trò chuyện riêng với bot.",
  badTime: "Thời điểm hẹn gửi không hợp lệ hoặc đã qua. Đề nghị ghi theo dạng dd/mm/yyyy hh:mm.",
  chooseAudience: (text: string) => `📣 <b>Thông báo</b>\n${h(text)}\n\nĐề nghị đồng chí chọn nơi nhận:`,
  audience: {
    units: "Nhóm của tất cả đơn vị",
    chairmen: "Chủ tịch UBND các đơn vị",
    responsible: "Cán bộ phụ trách",
    supervisors: "Ủy viên BTV theo dõi địa bàn",
    programme: (code: string) => `Cán bộ phụ trách chương trình ${h(code)}`,
  },
  preview: (text: string, audience: string, count: number, notStarted: number, at: string | null) =>
    `📣 <b>Xem trước thông báo</b>\n${h(text)}\n\nNơi nhận: ${h(audience)} — <b>${count}</b> nơi nhận` +
    (notStarted ? `; ${notStarted} đồng chí chưa bắt đầu trò chuyện với bot (sẽ không nhận được)` : "") +
    (at ? `\nHẹn gửi lúc ${h(at)}` : "") +
    "\nĐề nghị đồng chí bấm ✅ Gửi để gửi, hoặc ✖ Hủy.",
  send: "✅ Gửi",
  cancel: "✖ Hủy",
  cancelled: "Đã hủy thông báo.",
  alreadyHandled: "Thông báo này đã được xử lý.",
  nobody: "Không có nơi nhận nào phù hợp.",
  scheduled: (at: string, count: number) => `⏳ Đã hẹn gửi lúc ${h(at)} tới ${count} nơi nhận.`,
  progress: (sent: number, total: number) => `📤 Đang gửi thông báo: đã gửi ${sent}/${total}.`,
  report: (r: BroadcastReportView) =>
    [
      `📣 <b>Kết quả gửi thông báo</b>: đã gửi ${r.delivered}/${r.total}.`,
      r.failed.length ? `❌ Gửi lỗi (${r.failed.length}): ${names(r.failed)}` : "",
      r.unreachable.length
        ? `🚫 Đã chặn bot hoặc không liên lạc được (${r.unreachable.length}): ${names(r.unreachable)}`
        : "",
      r.notStarted.length ? `💤 Chưa bắt đầu trò chuyện với bot (${r.notStarted.length}): ${names(r.notStarted)}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
};

export const broadcastEn: typeof broadcastVi = {
  usage: "Usage: /broadcast &lt;text&gt;, or /broadcast at dd/mm/yyyy hh:mm &lt;text&gt; to schedule it.",
  onlySecretariatChat: "This command works only in the coordination office group or in a private chat with the bot.",
  badTime: "The scheduled time is invalid or already past. Please write it as dd/mm/yyyy hh:mm.",
  chooseAudience: (text: string) => `📣 <b>Announcement</b>\n${h(text)}\n\nPlease choose the recipients:`,
  audience: {
    units: "All unit groups",
    chairmen: "People's Committee chairmen",
    responsible: "Responsible officials",
    supervisors: "Standing Committee supervisors",
    programme: (code: string) => `Officials responsible for ${h(code)}`,
  },
  preview: (text: string, audience: string, count: number, notStarted: number, at: string | null) =>
    `📣 <b>Announcement preview</b>\n${h(text)}\n\nRecipients: ${h(audience)} — <b>${count}</b>` +
    (notStarted ? `; ${notStarted} never started a chat with the bot (they will not receive it)` : "") +
    (at ? `\nScheduled for ${h(at)}` : "") +
    "\nSend it?",
  send: "✅ Send",
  cancel: "✖ Cancel",
  cancelled: "Announcement cancelled.",
  alreadyHandled: "This announcement was already handled.",
  nobody: "No matching recipients.",
  scheduled: (at: string, count: number) => `⏳ Scheduled for ${h(at)} to ${count} recipients.`,
  progress: (sent: number, total: number) => `📤 Sending the announcement: ${sent}/${total} sent.`,
  report: (r: BroadcastReportView) =>
    [
      `📣 <b>Announcement delivery report</b>: ${r.delivered}/${r.total} delivered.`,
      r.failed.length ? `❌ Failed (${r.failed.length}): ${names(r.failed)}` : "",
      r.unreachable.length
        ? `🚫 Blocked the bot or unreachable (${r.unreachable.length}): ${names(r.unreachable)}`
        : "",
      r.notStarted.length
        ? `💤 Never started a chat with the bot (${r.notStarted.length}): ${names(r.notStarted)}`
        : "",
    ]
      .filter(Boolean)
      .join("\n"),
};
