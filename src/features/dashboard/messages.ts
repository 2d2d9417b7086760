// The dashboard's words: the /bangtheodoi reply (Vietnamese first, English) and the labels of its pages
// (Vietnamese: the language of the reports to leaders).
import { formatDmy } from "../../domain/dates.ts";
import type { Timeliness } from "../../domain/ladder.ts";

export const dashboardVi = {
  help: { bangtheodoi: "mở bảng theo dõi: bảng số liệu toàn tỉnh hoặc của đơn vị, sắp xếp được, biểu đồ" } as Record<
    string,
    string
  >,
  button: "📊 Bảng theo dõi",
  open: "Đề nghị đồng chí bấm nút dưới đây để mở bảng theo dõi.",
  openInGroup:
    "Đề nghị đồng chí bấm nút dưới đây để mở bảng theo dõi (Telegram xác nhận đồng chí là ai; mỗi người chỉ thấy phần việc mình được theo dõi).",
  notConfigured:
    "Bảng theo dõi chưa được cấu hình trên máy chủ (DASHBOARD_URL). Đề nghị Văn phòng điều phối liên hệ bộ phận kỹ thuật.",
};

export const dashboardEn: typeof dashboardVi = {
  help: { bangtheodoi: "open the dashboard: the province's or the unit's table, sortable, with charts" },
  button: "📊 Dashboard",
  open: "Press the button below to open the dashboard.",
  openInGroup:
    "Press the button below to open the dashboard (Telegram tells it who you are; everyone sees only what he follows).",
  notConfigured: "The dashboard is not configured on the server (DASHBOARD_URL). Please ask the technical staff.",
};

/** The pages' labels. */
export const pageVi = {
  title: "Bảng theo dõi — 03 Chương trình MTQG",
  province: "Toàn tỉnh",
  units: (n: number) => `${n} đơn vị`,
  asOf: (today: string, year: number) => `Số liệu đến ngày ${formatDmy(today)} · kế hoạch vốn năm ${year}`,
  unit: "Đơn vị",
  rate: "Giải ngân",
  pace: "Tiến độ",
  open: "Việc mở",
  overdue: "Quá hạn",
  total: "Cộng",
  billion: "tỷ",
  amountsIn: "đã giải ngân/kế hoạch, tỷ đồng",
  noPlan: "chưa có kế hoạch vốn",
  // the card judges vốn TW (ADR 016)
  central: "vốn TW",
  lights: {
    green: "đạt tiến độ",
    yellow: "chậm dưới 10 điểm",
    red: "chậm từ 10 điểm trở lên",
    none: "chưa có kế hoạch vốn",
  },
  onPace: "đúng tiến độ",
  ahead: (points: string) => `vượt ${points} điểm`,
  behind: (points: string) => `chậm ${points} điểm`,
  sortHint: "Bấm tiêu đề cột để sắp xếp.",
  chart: "Biểu đồ",
  back: "← Toàn tỉnh",
  programmes: "Giải ngân theo chương trình",
  programme: "Chương trình",
  disbursedPlan: "Đã giải ngân / kế hoạch",
  nextMilestone: (date: string, target: string) => `mốc ${date}: ${target}`,
  tasks: "Nhiệm vụ",
  categories: {
    open_overdue: "Quá hạn chưa hoàn thành",
    open_in_term: "Đang thực hiện trong hạn",
    done_late: "Hoàn thành quá hạn",
    done_on_time: "Hoàn thành đúng hạn",
  } satisfies Record<Timeliness, string>,
  due: (date: string) => `hạn ${formatDmy(date)}`,
  doneOn: (date: string) => `hoàn thành ${formatDmy(date)}`,
  awaiting: "đã báo hoàn thành, chờ xác nhận",
  awaitingCount: (n: number) => `trong đó ${n} chờ xác nhận`,
  none: "Không có.",
  obstacles: "Vướng mắc đang chờ xử lý",
  task: (id: number) => `việc số ${id}`,
  since: (date: string) => `từ ${formatDmy(date)}`,
  requests: "Văn bản xin ý kiến chờ trả lời",
  answerBy: (date: string) => `hạn trả lời ${formatDmy(date)}`,
  late: "quá hạn",
  forbidden: "Đồng chí không được xem nội dung này.",
  notRegistered:
    "Đồng chí chưa có trong danh sách cán bộ của dondoc. Đề nghị liên hệ Văn phòng điều phối để được kích hoạt.",
  nothingFollowed: "Đồng chí chưa được giao phụ trách hoặc theo dõi đơn vị nào.",
  notFound: "Không tìm thấy đơn vị.",
  // shown by the page's script: the proof from Telegram was refused (401) or is missing
  unauthorized:
    "Không xác thực được phiên mở từ Telegram (hoặc đã hết hạn). Đề nghị đồng chí mở lại từ nút «📊 Bảng theo dõi» trong bot.",
  loading: "Đang tải…",
  directives: "Kết luận, chỉ thị",
  kinds: { KET_LUAN: "Kết luận", CHI_THI: "Chỉ thị", CONG_VAN: "Công văn" } as Record<string, string>,
  directiveRef: (kind: string, number: string, issuedOn: string, issuer: string) =>
    `${kind}${number ? ` số ${number}` : ""} ngày ${formatDmy(issuedOn)} của ${issuer}`,
  items: (n: number) => `${n} mục`,
  item: (n: string) => `Mục ${n}`,
  doneOf: (done: number, all: number) => `${done}/${all} việc hoàn thành`,
  byItem: "Theo mục",
  byUnit: "Theo đơn vị",
  figuresOn: (today: string) => `Số liệu đến ngày ${formatDmy(today)}`,
};

export type PageLabels = typeof pageVi;
