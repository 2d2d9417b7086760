// The dashboard over HTTP through the real app: who sees what (the commands' access rules), the figures of
// the factories' province, 401 with nothing rendered for forged or expired proofs, the development login
// only with the emulator, and the /bangtheodoi button.
import { createHash, createHmac } from "node:crypto";
import { get } from "node:http";
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeOnSqlite } from "../support/db.ts";
import { MAX_AGE, seedProvince, startDashboard, type DashboardHarness } from "./support.ts";

const view = (h: DashboardHarness, path: string, authorization?: string) =>
  fetch(`${h.base}/app/view${path}`, authorization === undefined ? {} : { headers: { authorization } });

describeOnSqlite("dashboard over HTTP", (provider) => {
  let h: DashboardHarness;
  let s: Awaited<ReturnType<typeof seedProvince>>;
  beforeEach(async () => {
    h = await startDashboard(provider);
    s = await seedProvince(h.db.db);
  });
  afterEach(() => h.close());

  it("the secretariat sees the province table with the /status figures", async () => {
    const r = await view(h, "/", `tma ${h.initData(700001)}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const html = await r.text();
    const row = (id: number) => new RegExp(`<tr data-unit="${id}">(.*?)</tr>`).exec(html)?.[1] ?? "";
    expect(row(s.anLao.id)).toContain("Huyện An Lão");
    expect(row(s.anLao.id)).toContain('data-v="5667"'); // 17 / 30 = 56,67 %
    expect(row(s.anLao.id)).toContain("56,7%");
    expect(row(s.anLao.id)).toContain("NTM 75,0% · 15,0/20,0");
    expect(row(s.anLao.id)).toContain("GNBV 20,0% · 2,0/10,0");
    expect(row(s.anLao.id)).toMatch(/<td data-v="2">2<\/td><td data-v="1" class="bad">1<\/td>$/);
    expect(row(s.baTo.id)).toContain("90,0%");
    expect(row(s.camLe.id)).toContain(
      '<td data-v=""><i class="l none" role="img" aria-label="chưa có kế hoạch vốn"></i>–</td>',
    );
    expect(html).toContain("<svg"); // the chart
    // the total: 26,0 / 40,0 tỷ = 65,0 %
    expect(html).toMatch(/<tfoot>.*26,0\/40,0<.*65,0%/);
  });

  it("stays light on a weak connection: shell + province view under 8 kB over gzip", async () => {
    /** bytes on the wire (fetch would decompress) */
    const wire = (path: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) =>
        get(`${h.base}${path}`, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
          let n = 0;
          res.on("data", (c: Buffer) => (n += c.length));
          res.on("end", () => resolve(n));
        }).on("error", reject),
      );
    const shell = await wire("/app/");
    const province = await wire("/app/view/", { authorization: `tma ${h.initData(700001)}` });
    expect(province).toBeGreaterThan(500); // the figures were sent (compressed)
    expect(shell + province).toBeLessThan(8 * 1024);
  });

  it("a directive's progress: listed on the province's page, its own page for the province's readers only", async () => {
    const d = await h.db.db.directive.create({
      data: {
        kind: "KET_LUAN",
        number: "12-KL/TU",
        issuedOn: "2026-08-14",
        issuer: "Ban Thường vụ Tỉnh ủy",
        summary: "Đẩy nhanh giải ngân",
      },
    });
    const item = await h.db.db.directiveItem.create({
      data: { directiveId: d.id, number: "1", content: "Giải phóng mặt bằng các dự án giao thông" },
    });
    await h.db.db.task.update({ where: { id: s.overdueTaskId }, data: { directiveItemId: item.id } });
    const auth = `tma ${h.initData(700001)}`;
    const province = await (await view(h, "/", auth)).text();
    expect(province).toContain(
      `<a href="#/directive/${d.id}" data-view="/directive/${d.id}">Kết luận số 12-KL/TU ngày 14/08/2026 của Ban Thường vụ Tỉnh ủy</a> — 1 mục · 0/1 việc hoàn thành`,
    );
    const page = await view(h, `/directive/${d.id}`, auth);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<b>Mục 1</b>: Giải phóng mặt bằng các dự án giao thông");
    expect(html).toContain("<li>Huyện An Lão: 1 quá hạn chưa hoàn thành</li>");
    // a district chairman reads his unit, not a directive spanning units; an unknown one is 404
    expect((await view(h, `/directive/${d.id}`, `tma ${h.initData(700002)}`)).status).toBe(403);
    expect((await view(h, `/directive/${d.id + 1}`, auth)).status).toBe(404);
  });

  it("a district chairman sees only his unit: its page by default, another unit refused", async () => {
    const auth = `tma ${h.initData(700002)}`;
    const own = await (await view(h, "/", auth)).text();
    expect(own).toContain("<h1>Huyện An Lão</h1>");
    expect(own).not.toContain("Huyện Ba Tơ");
    expect(own).not.toContain("← Toàn tỉnh");
    // the four categories, the obstacle and the overdue written request
    expect(own).toMatch(/Quá hạn chưa hoàn thành \(<span class="n">1<\/span>\)/);
    expect(own).toMatch(/Đang thực hiện trong hạn \(<span class="n">1<\/span>\)/);
    expect(own).toMatch(/Hoàn thành quá hạn \(<span class="n">1<\/span>\)/);
    expect(own).toMatch(/Hoàn thành đúng hạn \(<span class="n">1<\/span>\)/);
    expect(own).toContain(`việc số ${s.overdueTaskId}: Giải phóng mặt bằng đường ĐH2`);
    expect(own).toContain("Chưa thống nhất giá đền bù");
    expect(own).toMatch(/123\/UBND — Xin ý kiến điều chỉnh dự án.*Sở Tài chính.*quá hạn/);
    expect((await view(h, "/province", auth)).status).toBe(200);
    expect(await (await view(h, "/province", auth)).text()).not.toContain("Huyện Ba Tơ");
    const other = await view(h, `/unit/${s.baTo.id}`, auth);
    expect(other.status).toBe(403);
    expect(await other.text()).not.toContain("90,0%");
  });

  it("a task whose due date was extended is judged by the date before the extension, as the scorecard is", async () => {
    // An Lão's task in term gets an approved extension from a date already past
    const inTerm = await h.db.db.task.findFirstOrThrow({
      where: { unitId: s.anLao.id, status: "OPEN", id: { not: s.overdueTaskId } },
    });
    await h.db.db.task.update({ where: { id: inTerm.id }, data: { originalDueDate: "2026-01-05" } });
    const own = await (await view(h, "/", `tma ${h.initData(700002)}`)).text();
    expect(own).toMatch(/Quá hạn chưa hoàn thành \(<span class="n">2<\/span>\)/);
    expect(own).toMatch(/Đang thực hiện trong hạn \(<span class="n">0<\/span>\)/);
  });

  it("a programme judged on vốn TW says so on its card (ADR 016)", async () => {
    const db = h.db.db;
    const ntm = await db.programme.findUniqueOrThrow({ where: { code: "NTM" } });
    const base = { unitId: s.anLao.id, programmeId: ntm.id, year: 2026 };
    await db.capitalPlan.create({
      data: { ...base, source: "LOCAL", kind: "INVESTMENT", amountVnd: 5_000_000_000n },
    });
    const auth = `tma ${h.initData(700002)}`;
    // a whole-programme figure: judged on both sources (15 of 25 tỷ)
    expect(await (await view(h, "/", auth)).text()).toMatch(/<b>NTM<\/b> <i[^>]*><\/i>60,0%<br>15,0\/25,0 tỷ/);
    await db.disbursementReport.create({
      data: { ...base, source: "CENTRAL", cumulativeVnd: 18_000_000_000n, asOf: "2026-11-21" },
    });
    const page = await (await view(h, "/", auth)).text();
    // 18 of the 20 tỷ of vốn TW, not of the 25 tỷ of both sources
    expect(page).toMatch(/<b>NTM<\/b> vốn TW <i[^>]*><\/i>90,0%<br>18,0\/20,0 tỷ/);
  });

  it("a supervisor sees the units he follows, not the others", async () => {
    const auth = `tma ${h.initData(700003)}`;
    const html = await (await view(h, "/", auth)).text();
    expect(html).toContain("Huyện Ba Tơ");
    expect(html).toContain("Huyện Cẩm Lệ");
    expect(html).not.toContain("Huyện An Lão");
    expect((await view(h, `/unit/${s.anLao.id}`, auth)).status).toBe(403);
    expect((await view(h, `/unit/${s.baTo.id}`, auth)).status).toBe(200);
  });

  it("forged, expired, missing or foreign proofs: 401 and an empty body", async () => {
    const good = h.initData(700001);
    const forged = good.replace("700001", "700002"); // another user, the hash of the first
    const expired = h.initData(700001, MAX_AGE + 1);
    const future = h.initData(700001, -3600);
    // signed with another bot's token
    const otherBot = good.replace(/hash=[0-9a-f]+/, `hash=${"0".repeat(64)}`);
    for (const auth of [`tma ${forged}`, `tma ${expired}`, `tma ${future}`, `tma ${otherBot}`, "tma ", "", undefined]) {
      const r = await view(h, "/", auth);
      expect(r.status, String(auth)).toBe(401);
      expect(await r.text()).toBe("");
    }
    // the edge of the maximum age is still accepted
    expect((await view(h, "/", `tma ${h.initData(700001, MAX_AGE)}`)).status).toBe(200);
  });

  it("a group's login button: the Login Widget's fields, checked with SHA256(token)", async () => {
    const authDate = Math.floor(h.clock.now().getTime() / 1000);
    const fields: Record<string, string> = { auth_date: String(authDate), first_name: "Thu", id: "700001" };
    const check = Object.keys(fields)
      .sort()
      .map((k) => `${k}=${fields[k]}`)
      .join("\n");
    const secret = createHash("sha256").update(h.emulator.token).digest();
    const hash = createHmac("sha256", secret).update(check).digest("hex");
    const query = new URLSearchParams({ ...fields, hash }).toString();
    expect((await view(h, "/", `login ${query}`)).status).toBe(200);
    // the Mini App's secret is not the Login Widget's: the same fields signed the other way are refused
    const webAppSecret = createHmac("sha256", "WebAppData").update(h.emulator.token).digest();
    const wrong = createHmac("sha256", webAppSecret).update(check).digest("hex");
    expect((await view(h, "/", `login ${new URLSearchParams({ ...fields, hash: wrong })}`)).status).toBe(401);
  });

  it("someone not in the registry: 403 with one line; the shell itself holds no data", async () => {
    const r = await view(h, "/", `tma ${h.initData(799999)}`);
    expect(r.status).toBe(403);
    expect(await r.text()).toContain("chưa có trong danh sách");
    const shell = await (await fetch(`${h.base}/app/`)).text();
    expect(shell).not.toContain("An Lão");
    expect((await fetch(`${h.base}/app/dev?as=700001`, { redirect: "manual" })).status).toBe(404);
  });

  it("/bangtheodoi: a web_app button in a private chat, a login_url button in a group", async () => {
    const from = { id: 700002, first_name: "Hòa" };
    h.emulator.userSends({ from, chat: { id: 700002, type: "private", first_name: "Hòa" }, text: "/bangtheodoi" });
    await h.emulator.waitIdle();
    h.emulator.userSends({ from, chat: { id: -100777, type: "supergroup", title: "An Lão" }, text: "/bangtheodoi" });
    await h.emulator.waitIdle();
    const [priv, grp] = h.emulator.sent.slice(-2);
    const button = (m: unknown) =>
      (m as { reply_markup?: { inline_keyboard: Record<string, unknown>[][] } }).reply_markup?.inline_keyboard[0]?.[0];
    expect(button(priv)).toEqual({ text: "📊 Bảng theo dõi", web_app: { url: "https://dondoc.example.vn/app/" } });
    expect(button(grp)).toMatchObject({ login_url: { url: "https://dondoc.example.vn/app/" } });
  });
});

describeOnSqlite("dashboard development login", (provider) => {
  it("works with the local emulator, and not when the Bot API is not the emulator", async () => {
    const h = await startDashboard(provider, { devLogin: true });
    try {
      await seedProvince(h.db.db);
      const r = await fetch(`${h.base}/app/dev?as=700001`, { redirect: "manual" });
      expect(r.status).toBe(302);
      const initData = decodeURIComponent(r.headers.get("location")!.split("#tgWebAppData=")[1]!);
      expect((await view(h, "/", `tma ${initData}`)).status).toBe(200);
    } finally {
      await h.close();
    }
    // a Bot API that does not answer isDondocEmulator (as api.telegram.org does not): no development login
    const real = await startDashboard(provider, { devLogin: true, failMethods: ["isDondocEmulator"] });
    try {
      expect((await fetch(`${real.base}/app/dev?as=700001`, { redirect: "manual" })).status).toBe(404);
    } finally {
      await real.close();
    }
  });
});
