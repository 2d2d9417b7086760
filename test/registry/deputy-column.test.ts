// Deputies from a registry file (#19): the officials' column «Phó Chủ tịch phụ trách chương trình» names the unit ×
// programme pairs an official is the deputy of, as /phutrach does — all or nothing with row-numbered errors,
// one deputy per pair (the previous one's row closed), audited `deputy.set` / `deputy.remove`, export → import
// changes nothing; and the same file sent in the secretariat's group (preview, ✅), after which /phutrach lists
// the deputies. On SQLite and PostgreSQL.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { createRegistryIo, formatRowError } from "../../src/features/registry/registry-io.ts";
import { describeEachDatabase } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness, MENTION } from "../support/harness.ts";

const HEADER = "Họ và tên;Chức vụ;Đơn vị;Đang hoạt động;Phó Chủ tịch phụ trách chương trình";
const PHO = "Phạm Văn Phó";
const secretariatGroup = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);

describeEachDatabase("deputies from the registry file column", (provider) => {
  let h: Harness;
  let dir: string;
  let io: ReturnType<typeof createRegistryIo>;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
    io = createRegistryIo({ db: h.db.db });
    dir = mkdtempSync(join(tmpdir(), "dondoc-deputies-"));
  });
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const now = () => h.clock.now();
  const file = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, [HEADER, ...rows].join("\n"));
    return path;
  };
  /** the deputies in force: "unit code · programme code: name", sorted */
  const deputies = async () => {
    const rows = await h.db.db.deputy.findMany({ where: { validTo: null } });
    const [units, programmes, people] = await Promise.all([
      h.db.db.unit.findMany(),
      h.db.db.programme.findMany(),
      h.db.db.official.findMany(),
    ]);
    return rows
      .map(
        (d) =>
          `${units.find((u) => u.id === d.unitId)!.code} · ${programmes.find((p) => p.id === d.programmeId)!.code}: ` +
          people.find((p) => p.id === d.officialId)!.fullName,
      )
      .sort();
  };
  const snapshot = async () => ({
    deputies: await h.db.db.deputy.findMany({ orderBy: { id: "asc" } }),
    officials: await h.db.db.official.count(),
    audit: await h.db.db.auditLog.count(),
  });

  it("bad rows: nothing written, every problem named by its row", async () => {
    const before = await snapshot();
    const r = await io.importFile(
      file("bad.csv", [
        `${PHO};Phó Chủ tịch UBND huyện;Nam Trà My;;"NTM; GNBV"`,
        `${DEMO.chairman.name};${DEMO.chairman.title};Nam Trà My;;NTM`,
        `${DEMO.bacTraMyOfficial.name};Chuyên viên;Bắc Trà My;;DTTS (Nam Trà My)`,
        `${DEMO.official2.name};${DEMO.official2.title};Nam Trà My;Không;DTTS`,
        `${DEMO.official.name};${DEMO.official.title};Nam Trà My;;"XYZ; GNBV (Huyện Không Có)"`,
        `${DEMO.secretariat.name};${DEMO.secretariat.title};;;NTM`,
      ]),
      { now: now() },
    );
    expect(r.applied).toBe(false);
    expect(r.errors.map(formatRowError)).toEqual([
      "Dòng 3: Phó Chủ tịch phụ trách chương trình NTM của Nam Trà My đã ghi ở dòng 2 (mỗi đơn vị, mỗi chương trình một người).",
      "Dòng 4: cán bộ không thuộc Nam Trà My (không có vai trò, chương trình phụ trách ở đó) nên không thể là Phó Chủ tịch phụ trách chương trình DTTS của Nam Trà My.",
      "Dòng 5: cán bộ ngừng hoạt động không thể là Phó Chủ tịch phụ trách chương trình DTTS của Nam Trà My.",
      "Dòng 6: Phó Chủ tịch phụ trách chương trình: không tìm thấy chương trình «XYZ»; Phó Chủ tịch phụ trách chương trình GNBV: không tìm thấy đơn vị «Huyện Không Có».",
      "Dòng 7: Phó Chủ tịch phụ trách chương trình NTM: cần ghi đơn vị, ví dụ «NTM (NAM_TRA_MY)».",
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("sets, replaces and removes deputies as /phutrach does, audited; export → import changes nothing", async () => {
    // a new official of the file is named deputy of two programmes of his unit
    const r = await io.importFile(file("set.csv", [`${PHO};Phó Chủ tịch UBND huyện;Nam Trà My;;"NTM; GNBV"`]), {
      now: now(),
      actorId: null,
    });
    expect(r).toMatchObject({ applied: true, errors: [], changes: { "official.create": 1, "deputy.set": 2 } });
    expect(await deputies()).toEqual(["NAM_TRA_MY · GNBV: Phạm Văn Phó", "NAM_TRA_MY · NTM: Phạm Văn Phó"]);
    const ids = {
      unit: (await h.db.db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } })).id,
      ntm: (await h.db.db.programme.findUniqueOrThrow({ where: { code: "NTM" } })).id,
    };
    const set = await h.db.db.auditLog.findFirstOrThrow({
      where: { action: "deputy.set", entityId: `${ids.unit}:${ids.ntm}` },
    });
    expect(set.entity).toBe("Deputy");
    expect(JSON.parse(set.before)).toEqual([]);
    expect(JSON.parse(set.after)).toMatchObject({ unitId: ids.unit, programmeId: ids.ntm });

    // the chairman takes NTM: Phó's NTM row is closed (he is not in the file and keeps GNBV)
    h.clock.set(at(10, 0));
    const replaced = await io.importFile(
      file("replace.csv", [`${DEMO.chairman.name};${DEMO.chairman.title};Nam Trà My;;NTM`]),
      { now: now() },
    );
    expect(replaced).toMatchObject({ applied: true, changes: { "deputy.set": 1 } });
    expect(await deputies()).toEqual(["NAM_TRA_MY · GNBV: Phạm Văn Phó", "NAM_TRA_MY · NTM: Hồ Văn Minh"]);
    const closed = await h.db.db.deputy.findMany({ where: { validTo: { not: null } } });
    expect(closed.map((d) => [d.programmeId, d.validTo])).toEqual([[ids.ntm, at(10, 0)]]);

    // a scoped pair: the supervisor of Nam Trà My and Bắc Trà My for Bắc Trà My's DTTS
    const scoped = await io.importFile(
      file("scoped.csv", [`${DEMO.supervisor.name};${DEMO.supervisor.title};VPDP;;DTTS (BAC_TRA_MY)`]),
      { now: now() },
    );
    expect(scoped).toMatchObject({ applied: true, changes: { "deputy.set": 1 } });

    // export → import changes nothing, the cells as they were written
    h.clock.set(at(11, 0));
    const out = join(dir, "export.xlsx");
    await io.exportFile(out, { now: now() });
    const officials = (await io.readTables(out)).find((t) => t.kind === "officials")!.rows;
    const cell = (name: string) => officials.find((o) => o.cells.name === name)!.cells.deputies;
    expect([cell(PHO), cell(DEMO.chairman.name), cell(DEMO.supervisor.name), cell(DEMO.official.name)]).toEqual([
      "GNBV",
      "NTM",
      "DTTS (BAC_TRA_MY)",
      "",
    ]);
    const before = await snapshot();
    expect(await io.importFile(out, { now: now() })).toMatchObject({ applied: true, errors: [], changes: {} });
    expect(await snapshot()).toEqual(before);

    // an empty cell removes: deputy.remove, as «/phutrach … -»
    const removed = await io.importFile(file("remove.csv", [`${PHO};Phó Chủ tịch UBND huyện;Nam Trà My;;`]), {
      now: now(),
    });
    expect(removed).toMatchObject({ applied: true, changes: { "deputy.remove": 1 } });
    expect(await deputies()).toEqual(["BAC_TRA_MY · DTTS: Lê Văn Hùng", "NAM_TRA_MY · NTM: Hồ Văn Minh"]);
    // a file without the column leaves the deputies alone
    const path = join(dir, "no-column.csv");
    writeFileSync(
      path,
      ["Họ và tên;Chức vụ;Đơn vị", `${DEMO.chairman.name};${DEMO.chairman.title};Nam Trà My`].join("\n"),
    );
    expect(await io.importFile(path, { now: now() })).toMatchObject({ applied: true, changes: {} });
    expect(await deputies()).toHaveLength(2);
  });

  it("sent in the secretariat's group: the preview names the official, ✅ applies it, /phutrach lists him", async () => {
    const bytes = new TextEncoder().encode(
      [HEADER, `${DEMO.official2.name};${DEMO.official2.title};Nam Trà My;;"GNBV; DTTS"`].join("\n"),
    );
    const before = h.emulator.sent.length;
    h.emulator.userSendsDocument({
      from: secretariat,
      chat: secretariatGroup,
      filename: "pho-chu-tich.csv",
      bytes,
      caption: MENTION,
    });
    await h.emulator.waitIdle();
    const preview = h.emulator.sent.slice(before).find((m) => m.chat_id === secretariatGroup.id)!;
    expect(preview.text.split("\n").slice(0, 4)).toEqual([
      "📄 <b>Tệp danh sách «pho-chu-tich.csv»</b>: 1 dòng hợp lệ.",
      "Sẽ thêm 0, sửa 1, ngừng hoạt động 0.",
      "<b>Sửa:</b>",
      `• cán bộ ${DEMO.official2.name}`,
    ]);
    expect(await deputies()).toEqual([]);
    const ok = (preview.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!
      .callback_data;
    const applied: SentMessage[] = await h.press(secretariat, secretariatGroup, preview.message_id, ok);
    expect(applied.at(-1)!.text).toBe("✅ Đã cập nhật danh sách: 2 thay đổi, đã ghi nhật ký.");
    const thu = await h.db.db.official.findFirstOrThrow({ where: { telegramUserId: BigInt(DEMO.secretariat.id) } });
    expect(await h.db.db.auditLog.count({ where: { action: "deputy.set", actorId: thu.id } })).toBe(2);
    const list = await h.say(secretariat, privateChat(DEMO.secretariat), "/phutrach nam tra my");
    expect(list.map((m) => m.text)).toEqual([
      `<b>Phó Chủ tịch phụ trách chương trình</b>:\nNam Trà My · GNBV: đồng chí ${DEMO.official2.name}\nNam Trà My · DTTS: đồng chí ${DEMO.official2.name}`,
    ]);
  });
});
