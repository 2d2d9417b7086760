// Onboarding, group binding and access-control lines (HTML parse mode; user text escaped).
import { formatDmy, localDate, weekday } from "../../domain/dates.ts";
import { escapeHtml as h } from "../../domain/text.ts";
import type { LinkedView } from "./onboarding.ts";
import type { CalendarDayView } from "./holidays.ts";
import { registryFileEn, registryFileVi } from "./registry-file-messages.ts";
import { calendarFileEn, calendarFileVi } from "./calendar-file-messages.ts";

/** The registry roles by name: every catalogue uses these. */
export const ROLE_VI: Record<string, string> = {
  SECRETARIAT: "Văn phòng điều phối",
  SUPERVISOR: "Ủy viên BTV theo dõi địa bàn",
  CHAIRMAN: "Chủ tịch UBND",
  PARTY_SECRETARY: "Bí thư",
  RESPONSIBLE: "Cán bộ phụ trách",
  DEPARTMENT_FOCAL: "Đầu mối sở, ngành",
};
export const ROLE_EN: Record<string, string> = {
  SECRETARIAT: "Coordination office",
  SUPERVISOR: "Standing Committee supervisor",
  CHAIRMAN: "People's Committee chairman",
  PARTY_SECRETARY: "Party secretary",
  RESPONSIBLE: "Responsible official",
  DEPARTMENT_FOCAL: "Department focal point",
};

export const onboardingVi = {
  invites: {
    none: "Mọi cán bộ đang hoạt động đều đã kích hoạt tài khoản; không có đường dẫn nào cần cấp.",
    caption: (n: number, expires: Date) =>
      `Đường dẫn kích hoạt cho ${n} cán bộ chưa kích hoạt (mỗi đường dẫn dùng một lần, hiệu lực đến ${formatDmy(localDate(expires))}). Đề nghị in và phát tận tay từng đồng chí; không chuyển tiếp tệp này ra ngoài nhóm.`,
    sheet: {
      title: "Kích hoạt dondoc: quét mã QR bằng điện thoại",
      headers: ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Đường dẫn kích hoạt", "Hiệu lực đến"],
      expiry: (d: Date) => `hiệu lực đến ${formatDmy(localDate(d))}`,
      page: (n: number, of: number) => `trang ${n}/${of}`,
    },
    files: { xlsx: "kich-hoat-can-bo.xlsx", png: (n: number) => `ma-qr-kich-hoat-${n}.png` },
  },
  registryFile: registryFileVi,
  calendarFile: calendarFileVi,
  invite: {
    usage: "Cú pháp: /kichhoat &lt;họ tên hoặc mã cán bộ&gt;",
    created: (name: string, link: string, expires: Date) =>
      `Đường dẫn kích hoạt cho đồng chí <b>${h(name)}</b> (dùng một lần, hiệu lực đến ${formatDmy(localDate(expires))}):\n${h(link)}\nĐề nghị gửi riêng đường dẫn này cho đồng chí ${h(name)}.`,
    onlySecretariatGroup: "chỉ dùng trong nhóm Văn phòng điều phối hoặc trò chuyện riêng với bot",
  },
  start: {
    invalidCode:
      "Đường dẫn kích hoạt không hợp lệ, đã được sử dụng hoặc đã hết hạn. Đề nghị đồng chí liên hệ Văn phòng điều phối để được cấp đường dẫn mới.",
    linkedElsewhere:
      "Tài khoản Telegram này đã được gắn với một cán bộ khác trong dondoc. Đề nghị đồng chí liên hệ Văn phòng điều phối.",
    linked: (v: LinkedView) =>
      [
        `Kính chào đồng chí ${h(v.fullName)}. Tài khoản Telegram của đồng chí đã được kích hoạt; dondoc sẽ nhắc đồng chí các việc đến hạn.`,
        ...(v.roles.length
          ? [
              `Vai trò: ${v.roles.map((r) => h((ROLE_VI[r.role] ?? r.role) + (r.unitName ? ` (${r.unitName})` : ""))).join("; ")}.`,
            ]
          : []),
        v.responsibilities.length
          ? `Phụ trách: ${v.responsibilities.map((r) => h(`${r.programmeCode} · ${r.unitName}${r.project ? ` · ${r.project}` : ""}`)).join("; ")}.`
          : "Phụ trách: chưa được phân công chương trình nào.",
        v.openTasks.length ? "Việc đang mở:" : "Hiện không có việc nào đang mở.",
        ...v.openTasks.map((t) => `• ${h(t.title)} — ${h(t.unitName)}, hạn ${formatDmy(t.dueDate)}`),
        "Gõ /help để xem các lệnh.",
      ].join("\n"),
  },
  bind: {
    anonymousAdmin:
      "dondoc không biết ai đang gửi lệnh khi đồng chí ẩn danh với tư cách quản trị viên nhóm. Đề nghị tắt chế độ ẩn danh rồi gửi lại lệnh.",
    notAdmin: "cần là quản trị viên của nhóm này",
    adminCheckFailed:
      "Chưa thực hiện được: dondoc không kiểm tra được quyền quản trị nhóm của đồng chí (Telegram chưa trả lời). Đề nghị đồng chí gửi lại lệnh sau ít phút; nếu vẫn không được, đề nghị Văn phòng điều phối thực hiện.",
    notOwnUnit: "Chủ tịch UBND chỉ gắn nhóm với đơn vị của mình",
    boundElsewhere: "nhóm đang gắn với đơn vị khác; đề nghị Văn phòng điều phối thực hiện",
    onlySecretariatFor: "chỉ Văn phòng điều phối gắn hoặc gỡ nhóm Văn phòng điều phối",
    unbound: (unit: string) =>
      `Đã gỡ nhóm này khỏi đơn vị <b>${h(unit)}</b>. Tin nhắc việc của đơn vị sẽ không gửi vào đây nữa.`,
    unboundSecretariat: "Đã gỡ nhóm này khỏi vai trò nhóm Văn phòng điều phối.",
  },
  scope: {
    otherUnit: "đồng chí chỉ xem được đơn vị mình phụ trách hoặc theo dõi",
    province: "chỉ Văn phòng điều phối và lãnh đạo theo dõi toàn tỉnh xem được tình hình cả tỉnh",
    provinceData: "số liệu toàn tỉnh chỉ xem trong nhóm Văn phòng điều phối hoặc trong trò chuyện riêng với bot",
  },
  notices: {
    removed: (title: string) =>
      `⚠️ dondoc đã bị đưa ra khỏi nhóm «${h(title)}». Tin nhắc việc sẽ không gửi vào nhóm này cho đến khi bot được thêm lại.`,
    readded: (title: string) =>
      `✅ dondoc đã được thêm lại vào nhóm «${h(title)}»; tin nhắc việc gửi vào nhóm như trước.`,
    blocked: (name: string) =>
      `⚠️ Đồng chí ${h(name)} đã chặn dondoc trong trò chuyện riêng: tin nhắc việc không gửi được cho đồng chí cho đến khi mở lại trò chuyện với bot.`,
    migrated: (title: string) =>
      `ℹ️ Nhóm «${h(title)}» đã được nâng cấp thành siêu nhóm; dondoc đã chuyển tin nhắc việc sang nhóm mới.`,
  },
  officialNotFound: (q: string) => `Không tìm thấy cán bộ «${h(q)}». Đề nghị kiểm tra lại họ tên hoặc mã cán bộ.`,
  officialAmbiguous: (q: string, names: string[]) =>
    `«${h(q)}» trùng với nhiều cán bộ: ${names.map(h).join(", ")}. Đề nghị ghi rõ hơn hoặc dùng mã cán bộ.`,
  registryInput: (message: string) => h(message),
  badDay: (d: string) => `Ngày «${h(d)}» không hợp lệ (dd/mm/yyyy).`,
  weekdayWorkday: (date: string) =>
    `Ngày ${formatDmy(date)} là ${["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu"][weekday(date)]}, vốn là ngày làm việc: ngày làm việc bù chỉ ghi cho thứ Bảy, Chủ nhật.`,
  dayNotListed: (date: string) =>
    `Ngày ${formatDmy(date)} không có trong lịch ngày nghỉ lễ, ngày làm việc bù: không có gì để xóa. Xem danh sách: /ngaynghi ${date.slice(0, 4)}`,
  holidays: {
    usage:
      "Cú pháp: /ngaynghi [năm] · /ngaynghi them &lt;dd/mm/yyyy&gt; [lamviec] &lt;tên ngày&gt; · /ngaynghi xoa &lt;dd/mm/yyyy&gt;",
    removed: (d: CalendarDayView) =>
      `✅ Đã xóa ${formatDmy(d.date)} (${d.kind === "HOLIDAY" ? "ngày nghỉ" : "ngày làm việc bù"}${d.name ? ` — ${h(d.name)}` : ""}) khỏi lịch: ngày này trở lại như ngày thường trong tuần, các hạn tính theo ngày làm việc được tính lại theo lịch mới; đã ghi nhật ký.`,
    added: (d: CalendarDayView) =>
      `✅ Đã ghi ${formatDmy(d.date)} là ${d.kind === "HOLIDAY" ? "ngày nghỉ" : "ngày làm việc bù"}${d.name ? ` (${h(d.name)})` : ""}, đã ghi nhật ký.`,
    list: (year: number, days: CalendarDayView[]) =>
      days.length === 0
        ? `Năm ${year} chưa có ngày nghỉ lễ, ngày làm việc bù nào. Thêm: /ngaynghi them &lt;dd/mm/yyyy&gt; &lt;tên ngày&gt;`
        : [
            `<b>Ngày nghỉ lễ và ngày làm việc bù năm ${year}</b>`,
            ...days.map(
              (d) =>
                `• ${formatDmy(d.date)}: ${d.kind === "HOLIDAY" ? "nghỉ" : "làm việc bù"}${d.name ? ` — ${h(d.name)}` : ""}`,
            ),
          ].join("\n"),
  },
  admin: {
    usage:
      "Cú pháp:\n/canbo them &lt;họ tên&gt; | &lt;đơn vị&gt; | &lt;vai trò&gt; [| &lt;chức vụ&gt;]\n/canbo sua &lt;mã&gt; | ten=… | donvi=… | vaitro=… | chucvu=… | chuongtrinh=… [| duan=…]\n/canbo ngung &lt;mã&gt;\n/bangiao &lt;mã cán bộ cũ&gt; &lt;mã cán bộ mới&gt; [đơn vị]\nchuongtrinh= ghi toàn bộ phần việc phụ trách, cách nhau bằng «;», đơn vị khác trong ngoặc: chuongtrinh=NTM; DTTS (Bắc Trà My); duan= các dự án theo thứ tự chương trình; chuongtrinh=- : thôi phụ trách.",
    added: (name: string, id: number) =>
      `✅ Đã thêm cán bộ <b>${h(name)}</b> (mã ${id}), đã ghi nhật ký. Cấp đường dẫn kích hoạt: /kichhoat ${id}`,
    updated: (id: number, changes: number) => `✅ Đã cập nhật cán bộ mã ${id}: ${changes} thay đổi, đã ghi nhật ký.`,
    responsibilities: (lines: { unit: string; programme: string; project: string }[]) =>
      lines.length === 0
        ? "Phụ trách: không còn phần việc nào."
        : `Phụ trách: ${lines.map((l) => h(`${l.programme} · ${l.unit}${l.project ? ` · ${l.project}` : ""}`)).join("; ")}.`,
    deactivated: (id: number, roles: number, resp: number) =>
      `✅ Cán bộ mã ${id} đã ngừng hoạt động; kết thúc ${roles} vai trò và ${resp} phần việc phụ trách, đã ghi nhật ký.`,
    handedOver: (resp: number, tasks: number) =>
      `✅ Đã bàn giao ${resp} phần việc phụ trách và ${tasks} việc đang mở, đã ghi nhật ký.`,
    whoUsage: "Cú pháp: /ai &lt;tên cán bộ hoặc đơn vị&gt;",
    whoNone: (q: string) => `Không có ai đang được phân công phụ trách theo «${h(q)}».`,
    who: (
      q: string,
      lines: { unit: string; programme: string; project: string; fullName: string; officialId: number }[],
    ) =>
      [
        `<b>Phân công phụ trách — ${h(q)}</b>`,
        ...lines.map(
          (l) =>
            `• ${h(l.unit)} · ${h(l.programme)}${l.project ? ` · ${h(l.project)}` : ""}: đồng chí ${h(l.fullName)} (mã ${l.officialId})`,
        ),
      ].join("\n"),
    programmes: {
      usage: "Cú pháp: /chuongtrinh (danh sách) hoặc /chuongtrinh &lt;mã&gt; coquan &lt;sở, ban, văn phòng | không&gt;",
      list: (rows: { code: string; name: string; officeName: string | null }[]) =>
        [
          "<b>Các chương trình và cơ quan chủ trì</b> (trả lời vướng mắc của chương trình)",
          ...rows.map(
            (r) =>
              `• <b>${h(r.code)}</b> — ${h(r.name)}: ${r.officeName ? h(r.officeName) : "chưa có (Văn phòng điều phối xử lý vướng mắc)"}`,
          ),
          "Đặt cơ quan chủ trì: /chuongtrinh &lt;mã&gt; coquan &lt;sở, ban, văn phòng&gt;",
        ].join("\n"),
      office: (code: string, officeName: string | null) =>
        officeName
          ? `✅ Vướng mắc của chương trình ${h(code)} từ nay chuyển ${h(officeName)} trả lời, đã ghi nhật ký.`
          : `✅ Chương trình ${h(code)} không còn cơ quan chủ trì: Văn phòng điều phối xử lý vướng mắc, đã ghi nhật ký.`,
    },
  },
  officialInactive: (name: string) =>
    `Đồng chí ${h(name)} đã thôi tham gia dondoc nên không cấp đường dẫn kích hoạt được.`,
};

export const onboardingEn: typeof onboardingVi = {
  invites: {
    none: "Every active official has activated his account; no link to issue.",
    caption: (n, expires) =>
      `Activation links for ${n} officials not yet activated (single-use, valid until ${formatDmy(localDate(expires))}). Print them and hand each one over in person; do not forward this file outside the group.`,
    sheet: {
      title: "Activate dondoc: scan the QR code with your phone",
      headers: ["No.", "Full name", "Title", "Unit", "Activation link", "Valid until"],
      expiry: (d) => `valid until ${formatDmy(localDate(d))}`,
      page: (n, of) => `page ${n}/${of}`,
    },
    files: { xlsx: "activation-links.xlsx", png: (n) => `activation-qr-${n}.png` },
  },
  registryFile: registryFileEn,
  calendarFile: calendarFileEn,
  invite: {
    usage: "Usage: /invite &lt;full name or official id&gt;",
    created: (name, link, expires) =>
      `Activation link for <b>${h(name)}</b> (single use, valid until ${formatDmy(localDate(expires))}):\n${h(link)}\nPlease send this link to ${h(name)} privately.`,
    onlySecretariatGroup: "only in the coordination office's group or in a private chat with the bot",
  },
  start: {
    invalidCode:
      "This activation link is invalid, already used or expired. Please ask the coordination office for a new one.",
    linkedElsewhere:
      "This Telegram account is already linked to another official in dondoc. Please contact the coordination office.",
    linked: (v) =>
      [
        `Welcome, ${h(v.fullName)}. Your Telegram account is activated; dondoc will remind you of tasks that fall due.`,
        ...(v.roles.length
          ? [
              `Roles: ${v.roles.map((r) => h((ROLE_EN[r.role] ?? r.role) + (r.unitName ? ` (${r.unitName})` : ""))).join("; ")}.`,
            ]
          : []),
        v.responsibilities.length
          ? `Responsible for: ${v.responsibilities.map((r) => h(`${r.programmeCode} · ${r.unitName}${r.project ? ` · ${r.project}` : ""}`)).join("; ")}.`
          : "Responsible for: no programme assigned yet.",
        v.openTasks.length ? "Open tasks:" : "No open tasks.",
        ...v.openTasks.map((t) => `• ${h(t.title)} — ${h(t.unitName)}, due ${formatDmy(t.dueDate)}`),
        "Type /help for the commands.",
      ].join("\n"),
  },
  bind: {
    anonymousAdmin:
      "dondoc cannot tell who sends a command as an anonymous group admin. Please turn anonymity off and send it again.",
    notAdmin: "you must be an administrator of this group",
    adminCheckFailed:
      "Not done: dondoc could not check your administrator rights in this group (Telegram did not answer). Please send the command again in a few minutes; if it still fails, ask the coordination office.",
    notOwnUnit: "a chairman can bind a group only to his own unit",
    boundElsewhere: "the group is bound to another unit; please ask the coordination office",
    onlySecretariatFor: "only the coordination office binds or unbinds its own group",
    unbound: (unit) =>
      `This group is no longer bound to <b>${h(unit)}</b>. The unit's reminders will not be posted here.`,
    unboundSecretariat: "This group is no longer the coordination office's group.",
  },
  scope: {
    otherUnit: "you can see only the units you are responsible for or follow",
    province: "only the coordination office and province-wide leaders can see the whole province",
    provinceData:
      "province-wide figures are shown only in the coordination office's group or in a private chat with the bot",
  },
  notices: {
    removed: (title) =>
      `⚠️ dondoc was removed from the group «${h(title)}». No reminders go there until the bot is added back.`,
    readded: (title) => `✅ dondoc was added back to the group «${h(title)}»; reminders go there again.`,
    blocked: (name) =>
      `⚠️ ${h(name)} blocked dondoc in the private chat: no reminders reach them until they open the chat with the bot again.`,
    migrated: (title) =>
      `ℹ️ The group «${h(title)}» was upgraded to a supergroup; dondoc moved its reminders to the new group.`,
  },
  officialNotFound: (q) => `No official «${h(q)}». Please check the name or id.`,
  officialAmbiguous: (q, names) =>
    `«${h(q)}» matches several officials: ${names.map(h).join(", ")}. Please be more specific or use the id.`,
  registryInput: (message) => h(message),
  badDay: (d) => `«${h(d)}» is not a valid date (dd/mm/yyyy).`,
  weekdayWorkday: (date) =>
    `${formatDmy(date)} is a ${["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][weekday(date)]}, a working day anyway: make-up working days are Saturdays or Sundays.`,
  dayNotListed: (date) =>
    `${formatDmy(date)} is not in the calendar of holidays and make-up working days: nothing to remove. The list: /ngaynghi ${date.slice(0, 4)}`,
  holidays: {
    usage:
      "Usage: /ngaynghi [year] · /ngaynghi them &lt;dd/mm/yyyy&gt; [lamviec] &lt;name&gt; · /ngaynghi xoa &lt;dd/mm/yyyy&gt;",
    removed: (d) =>
      `✅ ${formatDmy(d.date)} (${d.kind === "HOLIDAY" ? "holiday" : "make-up working day"}${d.name ? ` — ${h(d.name)}` : ""}) removed from the calendar: it is an ordinary day of the week again, and deadlines counted in working days follow the new calendar; audited.`,
    added: (d) =>
      `✅ ${formatDmy(d.date)} recorded as ${d.kind === "HOLIDAY" ? "a holiday" : "a make-up working day"}${d.name ? ` (${h(d.name)})` : ""}, audited.`,
    list: (year, days) =>
      days.length === 0
        ? `No holidays or make-up working days for ${year} yet. Add: /ngaynghi them &lt;dd/mm/yyyy&gt; &lt;name&gt;`
        : [
            `<b>Holidays and make-up working days ${year}</b>`,
            ...days.map(
              (d) =>
                `• ${formatDmy(d.date)}: ${d.kind === "HOLIDAY" ? "holiday" : "make-up working day"}${d.name ? ` — ${h(d.name)}` : ""}`,
            ),
          ].join("\n"),
  },
  admin: {
    usage:
      "Usage:\n/canbo them &lt;full name&gt; | &lt;unit&gt; | &lt;role&gt; [| &lt;title&gt;]\n/canbo sua &lt;id&gt; | ten=… | donvi=… | vaitro=… | chucvu=… | chuongtrinh=… [| duan=…]\n/canbo ngung &lt;id&gt;\n/bangiao &lt;old official id&gt; &lt;new official id&gt; [unit]\nchuongtrinh= the complete set of responsibilities, separated by «;», another unit in brackets: chuongtrinh=NTM; DTTS (Bắc Trà My); duan= the projects in the programmes' order; chuongtrinh=- : none.",
    added: (name, id) => `✅ Official <b>${h(name)}</b> added (id ${id}), audited. Activation link: /invite ${id}`,
    updated: (id, changes) => `✅ Official ${id} updated: ${changes} changes, audited.`,
    responsibilities: (lines) =>
      lines.length === 0
        ? "Responsible for: nothing now."
        : `Responsible for: ${lines.map((l) => h(`${l.programme} · ${l.unit}${l.project ? ` · ${l.project}` : ""}`)).join("; ")}.`,
    deactivated: (id, roles, resp) =>
      `✅ Official ${id} deactivated; ${roles} roles and ${resp} responsibilities ended, audited.`,
    handedOver: (resp, tasks) => `✅ ${resp} responsibilities and ${tasks} open tasks handed over, audited.`,
    whoUsage: "Usage: /ai &lt;official or unit&gt;",
    whoNone: (q) => `Nobody is responsible for anything under «${h(q)}».`,
    who: (q, lines) =>
      [
        `<b>Responsibilities — ${h(q)}</b>`,
        ...lines.map(
          (l) =>
            `• ${h(l.unit)} · ${h(l.programme)}${l.project ? ` · ${h(l.project)}` : ""}: ${h(l.fullName)} (id ${l.officialId})`,
        ),
      ].join("\n"),
    programmes: {
      usage: "Usage: /chuongtrinh (list) or /chuongtrinh &lt;code&gt; coquan &lt;department or office | không&gt;",
      list: (rows) =>
        [
          "<b>Programmes and their offices</b> (they answer the programme's obstacles)",
          ...rows.map(
            (r) =>
              `• <b>${h(r.code)}</b> — ${h(r.name)}: ${r.officeName ? h(r.officeName) : "none (the coordination office handles obstacles)"}`,
          ),
          "Set an office: /chuongtrinh &lt;code&gt; coquan &lt;department or office&gt;",
        ].join("\n"),
      office: (code, officeName) =>
        officeName
          ? `✅ Obstacles of programme ${h(code)} now go to ${h(officeName)}, audited.`
          : `✅ Programme ${h(code)} has no office now: the coordination office handles its obstacles, audited.`,
    },
  },
  officialInactive: (name) => `${h(name)} no longer takes part in dondoc: no activation link can be issued.`,
};
