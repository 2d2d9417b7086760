// The printed invitations scan: /moi_hangloat through the real telegraf stack and the emulator, its PNG pages
// and XLSX list downloaded as sent, every QR code decoded from the pixels by jsqr. Each code is the deep link
// of the official printed under it (https://t.me/<bot>?start=<code>, as the list says for that row), /start
// with it activates exactly that official, and only once.
import { afterEach, beforeEach, expect, it } from "vitest";
import { foldVietnamese } from "../../src/domain/text.ts";
import { PER_PAGE } from "../../src/features/registry/invitation-sheet.ts";
import { vi as catalogueVi } from "../../src/i18n/vi.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, privateChat, startHarness, user, type Harness } from "../support/harness.ts";
import { decodeQrPage, downloadSent, invitationRows } from "./invitation-files.ts";

const office = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);

describeOnSqlite("invitation sheets read by a QR decoder", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  it("every QR code of every page decodes to its official's single-use deep link, accepted by /start", async () => {
    const db = h.db.db;
    // enough officials not yet activated for a second page
    const unit = await db.unit.findUniqueOrThrow({ where: { code: "NAM_TRA_MY" } });
    for (let i = 1; i <= PER_PAGE + 2; i++) {
      const fullName = `Cán Bộ Thử ${String(i).padStart(2, "0")}`;
      await db.official.create({ data: { fullName, nameKey: foldVietnamese(fullName), unitId: unit.id } });
    }
    const pending = await db.official.count({ where: { active: true, telegramUserId: null } });
    expect(pending).toBeGreaterThan(PER_PAGE);

    const sent = await h.say(secretariat, office, "/moi_hangloat");
    const docs = sent.filter((m) => m.document);
    const pages = Math.ceil(pending / PER_PAGE);
    expect(docs.map((m) => m.document!.file_name)).toEqual([
      "kich-hoat-can-bo.xlsx",
      ...Array.from({ length: pages }, (_, p) => `ma-qr-kich-hoat-${p + 1}.png`),
    ]);
    const rows = await invitationRows(await downloadSent(h.emulator, docs[0]!.document!.file_id));
    expect(rows).toHaveLength(pending);

    // the codes as printed, page after page, in the list's order; the empty places of the last page hold none
    const decoded: (string | null)[] = [];
    for (const d of docs.slice(1)) decoded.push(...decodeQrPage(await downloadSent(h.emulator, d.document!.file_id)));
    expect(decoded.slice(pending).every((c) => c === null)).toBe(true);
    const links = decoded.slice(0, pending);
    expect(links).toEqual(rows.map((r) => r[4]));
    const codes = links.map((l) => /^https:\/\/t\.me\/dondoc_test_bot\?start=([A-Za-z0-9_-]+)$/.exec(l ?? "")?.[1]);
    expect(codes.every((c) => c !== undefined)).toBe(true);
    expect(new Set(codes).size).toBe(pending);

    // each code, scanned by the official under it, activates exactly him; a second use is refused
    for (const [i, code] of codes.entries()) {
      const person = { id: 990_001 + i, name: rows[i]![1]! };
      const [welcome] = await h.say(user(person), privateChat(person), `/start ${code}`);
      expect(welcome!.text).toContain(`Kính chào đồng chí ${rows[i]![1]}.`);
      const official = await db.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(person.id) } });
      expect(official.fullName).toBe(rows[i]![1]);
    }
    const stranger = { id: 999_999, name: "Người Lạ" };
    const [again] = await h.say(user(stranger), privateChat(stranger), `/start ${codes[0]}`);
    expect(again!.text).toBe(catalogueVi.onboarding.start.invalidCode);
    expect(await db.official.count({ where: { active: true, telegramUserId: null } })).toBe(0);
  });
});
