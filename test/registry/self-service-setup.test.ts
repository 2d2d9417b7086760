// From an empty database (migrations and reference data only, no demo seed) to a running province without
// the command line, through the real telegraf stack and the emulator: the configured first secretariat
// member starts the bot, binds the secretariat's group, sends the registry file there and applies it,
// produces the invitations (an official activates with the link scanned from the printed page, once), and binds
// a unit's group.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { PNG_MAGIC } from "../../src/features/reports/charts/render.ts";
import { vi as catalogueVi } from "../../src/i18n/vi.ts";
import type { EmulatorChat, EmulatorUser } from "../../tools/emulator/bot-api-server.ts";
import { describeEachDatabase } from "../support/db.ts";
import { at, privateChat, startHarness, type Harness, mentionInGroup } from "../support/harness.ts";
import { decodeQrPage, downloadSent, invitationRows } from "./invitation-files.ts";

const thu: EmulatorUser = { id: 800001, first_name: "Trần Thị", last_name: "Thu", language_code: "vi" };
const stranger: EmulatorUser = { id: 800009, first_name: "Người Lạ", language_code: "vi" };
const minh: EmulatorUser = { id: 810001, first_name: "Hồ Văn Minh", language_code: "vi" };
const office: EmulatorChat = { id: -1008000, type: "supergroup", title: "VPĐP MTQG tỉnh" };
const namTraMy: EmulatorChat = { id: -1008105, type: "supergroup", title: "UBND huyện Nam Trà My - MTQG" };
type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

async function registryFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet("Đơn vị");
  units.addRow(["Mã đơn vị", "Tên đơn vị", "Loại"]);
  units.addRow(["VPDP", "Văn phòng điều phối", "Văn phòng"]);
  units.addRow(["NAM_TRA_MY", "Nam Trà My", "Huyện"]);
  const officials = wb.addWorksheet("Cán bộ");
  officials.addRow(["Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Chương trình", "Telegram ID"]);
  officials.addRow(["Trần Thị Thu", "Chuyên viên", "VPDP", "Văn phòng điều phối", "", String(thu.id)]);
  officials.addRow(["Hồ Văn Minh", "Chủ tịch UBND huyện", "NAM_TRA_MY", "Chủ tịch", "", ""]);
  officials.addRow(["Nguyễn Văn An", "Phó Trưởng phòng TC-KH", "NAM_TRA_MY", "Phụ trách", "NTM; GNBV", ""]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describeEachDatabase("a province set up from Telegram", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { seed: false, start: at(9, 0), env: { SETUP_TELEGRAM_ID: String(thu.id) } });
  });
  afterEach(async () => {
    await h.close();
  });

  async function sendFile(from: EmulatorUser, chat: EmulatorChat, filename: string, bytes: Uint8Array) {
    const before = h.emulator.sent.length;
    // privacy mode: in a group the file reaches the bot with @the_bot in its caption
    h.emulator.userSendsDocument({ from, chat, filename, bytes, ...mentionInGroup(chat) });
    await h.emulator.waitIdle();
    return h.emulator.sent.slice(before);
  }

  it("empty database → first secretariat official → registry file applied → invitations → groups bound", async () => {
    const db = h.db.db;
    expect(await db.official.count()).toBe(0);
    expect(await db.programme.count()).toBe(3);

    // somebody else's /start makes nobody an official
    const [unknown] = await h.say(stranger, privateChat({ id: stranger.id, name: "Người Lạ" }), "/start");
    expect(unknown!.text).toBe(catalogueVi.start.unknownUser);
    expect(await db.official.count()).toBe(0);

    // the configured secretariat member's /start: the first official, secretariat, audited
    const [linked] = await h.say(thu, privateChat({ id: thu.id, name: "Trần Thị Thu" }), "/start");
    expect(linked!.text).toContain("Kính chào đồng chí Trần Thị Thu.");
    const first = await db.official.findFirstOrThrow({ include: { roles: true } });
    expect(first.roles.map((r) => r.role)).toEqual(["SECRETARIAT"]);
    expect(await db.auditLog.count({ where: { action: "official.bootstrap" } })).toBe(1);

    // the secretariat's group, bound from Telegram
    const [bound] = await h.say(thu, office, "/bind vpdp");
    expect(bound!.text).toBe(catalogueVi.bind.secretariat);

    // a stranger's file in that group is not taken
    const file = await registryFile();
    expect(await sendFile(stranger, office, "danh-sach.xlsx", file)).toEqual([]);

    // the registry file: preview, then the sender's ✅
    const [preview] = await sendFile(thu, office, "danh-sach.xlsx", file);
    expect(preview!.text).toContain("Sẽ thêm 4, sửa 1, ngừng hoạt động 0.");
    expect(preview!.text).toContain("• cán bộ Hồ Văn Minh");
    expect(await db.official.count()).toBe(1);
    const ok = (preview!.reply_markup as Keyboard).inline_keyboard[0]![0]!.callback_data;
    await h.press(thu, office, preview!.message_id, ok);
    const officials = await db.official.findMany({ orderBy: { id: "asc" }, include: { unit: true } });
    expect(officials.map((o) => [o.fullName, o.unit?.code ?? null, o.telegramUserId])).toEqual([
      ["Trần Thị Thu", "VPDP", BigInt(thu.id)],
      ["Hồ Văn Minh", "NAM_TRA_MY", null],
      ["Nguyễn Văn An", "NAM_TRA_MY", null],
    ]);
    expect(await db.responsibility.count({ where: { validTo: null } })).toBe(2);

    // the invitations: an XLSX list and a printable page of QR codes, a link for each official not activated
    await h.say(thu, office, "/moi_hangloat");
    const calls = h.emulator.calls.filter((c) => c.method === "sendDocument");
    const docs = calls.map((c) => c.payload.document);
    expect(docs.map((d) => (d as { filename: string }).filename)).toEqual([
      "kich-hoat-can-bo.xlsx",
      "ma-qr-kich-hoat-1.png",
    ]);
    expect(String(calls[0]!.payload.caption)).toContain("Đường dẫn kích hoạt cho 2 cán bộ chưa kích hoạt");
    expect(await db.invite.count()).toBe(2);

    // the files as sent: the links in the list, and the printed page's QR codes decoded from its pixels
    const sentDocs = h.emulator.sent.filter((m) => m.document);
    const png = await downloadSent(h.emulator, sentDocs[1]!.document!.file_id);
    expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    const rows = await invitationRows(await downloadSent(h.emulator, sentDocs[0]!.document!.file_id));
    expect(rows.map((row) => [row[1], row[3]])).toEqual([
      ["Hồ Văn Minh", "Nam Trà My"],
      ["Nguyễn Văn An", "Nam Trà My"],
    ]);
    const scanned = decodeQrPage(png);
    expect(scanned.slice(0, 2)).toEqual(rows.map((row) => row[4]));
    expect(scanned[0]).toMatch(/^https:\/\/t\.me\/dondoc_test_bot\?start=/);
    const code = scanned[0]!.split("?start=")[1]!;

    // the chairman activates with his link; the link is single-use
    const [welcome] = await h.say(minh, privateChat({ id: minh.id, name: "Hồ Văn Minh" }), `/start ${code}`);
    expect(welcome!.text).toContain("Kính chào đồng chí Hồ Văn Minh.");
    const [again] = await h.say(stranger, privateChat({ id: stranger.id, name: "Người Lạ" }), `/start ${code}`);
    expect(again!.text).toBe(catalogueVi.onboarding.start.invalidCode);

    // the bootstrap is closed now that the registry has a secretariat official
    const [still] = await h.say(stranger, privateChat({ id: stranger.id, name: "Người Lạ" }), "/start");
    expect(still!.text).toBe(catalogueVi.start.unknownUser);

    // a unit's group bound by the secretariat
    const [unitBound] = await h.say(thu, namTraMy, "/bind Nam Trà My");
    expect(unitBound!.text).toBe(catalogueVi.bind.done("Nam Trà My"));
    expect(await db.chat.count({ where: { OR: [{ isSecretariat: true }, { unitId: { not: null } }] } })).toBe(2);
  });
});
