/// <reference lib="dom" />
// The dashboard in a real headless browser (the system's Chromium through playwright-core) at a phone's
// 360 px: the figures of the factories' province, sorting, the unit page, a directive's page (its counts in
// the four categories; 403 for a district chairman), light and dark from Telegram's theme parameters, no
// horizontal scroll, and forged or expired init data refused with nothing shown.
// SCREENSHOTS_DIR=docs/screenshots (npm run browser -- --screenshots) keeps the screenshots for the docs.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium, NO_CHROMIUM } from "../support/browser.ts";
import { createTask, MAX_AGE, seedProvince, startDashboard, type DashboardHarness } from "./support.ts";

const executablePath = findChromium();
if (!executablePath) console.warn(NO_CHROMIUM);

const LIGHT = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#707579",
  link_color: "#3390ec",
  button_color: "#3390ec",
  button_text_color: "#ffffff",
  secondary_bg_color: "#f4f4f5",
};
const DARK = {
  bg_color: "#212121",
  text_color: "#ffffff",
  hint_color: "#aaaaaa",
  link_color: "#8774e1",
  button_color: "#8774e1",
  button_text_color: "#ffffff",
  secondary_bg_color: "#181818",
};
const shots = process.env.SCREENSHOTS_DIR ?? join(tmpdir(), "dondoc-screenshots");

describe.skipIf(!executablePath)("dashboard in Chromium at 360 px", () => {
  let h: DashboardHarness;
  let s: Awaited<ReturnType<typeof seedProvince>>;
  let browser: Browser;

  beforeAll(async () => {
    h = await startDashboard("sqlite");
    s = await seedProvince(h.db.db);
    browser = await chromium.launch({ executablePath: executablePath!, args: ["--no-sandbox"] });
    mkdirSync(shots, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** opens the Mini App as Telegram does: init data and theme in the URL fragment */
  async function open(initData: string, theme = LIGHT): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const hash = new URLSearchParams({ tgWebAppData: initData, tgWebAppThemeParams: JSON.stringify(theme) });
    await page.goto(`${h.base}/app/#${hash}`);
    return page;
  }
  const unitOrder = (page: Page) =>
    page.$$eval("#board tbody tr td:first-child a", (as) => as.map((a) => a.textContent));
  const noHorizontalScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it("the secretariat: the province table with the right figures, sortable, no horizontal scroll", async () => {
    const page = await open(h.initData(700001));
    await page.waitForSelector("#board");
    // the proof has left the address bar
    expect(page.url()).not.toContain("tgWebAppData");
    const row = page.locator(`tr[data-unit="${s.anLao.id}"]`);
    const cells = await row.locator("td").allTextContents();
    expect(cells[0]).toContain("Huyện An Lão");
    expect(cells[0]).toContain("NTM 75,0% · 15,0/20,0");
    expect(cells[1]).toContain("56,7%");
    expect(cells.slice(3)).toEqual(["2", "1"]);
    expect(await page.locator(`tr[data-unit="${s.baTo.id}"] td`).nth(1).textContent()).toContain("90,0%");
    expect(await page.locator("tfoot td").nth(1).textContent()).toContain("65,0%");
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(shots, "province-light.png"), fullPage: true });

    expect(await unitOrder(page)).toEqual(["Huyện An Lão", "Huyện Ba Tơ", "Huyện Cẩm Lệ"]);
    const rateHeader = page.locator("#board th", { hasText: "Giải ngân" });
    await rateHeader.click();
    // ascending: no plan first, then 56,7 %, 90,0 %
    expect(await unitOrder(page)).toEqual(["Huyện Cẩm Lệ", "Huyện An Lão", "Huyện Ba Tơ"]);
    await rateHeader.click();
    expect(await unitOrder(page)).toEqual(["Huyện Ba Tơ", "Huyện An Lão", "Huyện Cẩm Lệ"]);
    await page.locator("#board th", { hasText: "Quá hạn" }).click();
    expect((await unitOrder(page))[2]).toBe("Huyện An Lão");
    await page.locator("#board th", { hasText: "Quá hạn" }).click();
    expect((await unitOrder(page))[0]).toBe("Huyện An Lão");

    // a unit's page, and back
    await page.getByRole("link", { name: "Huyện An Lão" }).click();
    await page.waitForSelector("h1:text('Huyện An Lão')");
    expect(await page.locator("#open_overdue").textContent()).toBe("Quá hạn chưa hoàn thành (1)");
    expect(await page.locator("#done_on_time").textContent()).toBe("Hoàn thành đúng hạn (1)");
    expect(await page.locator("[data-programme=NTM]").textContent()).toContain("15,0/20,0 tỷ");
    expect(await page.textContent("main")).toContain("Chưa thống nhất giá đền bù");
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(shots, "unit-light.png"), fullPage: true });
    await page.getByRole("link", { name: "← Toàn tỉnh" }).click();
    await page.waitForSelector("#board");
    await page.close();
  });

  it("dark: the colours are Telegram's theme parameters", async () => {
    const page = await open(h.initData(700001), DARK);
    await page.waitForSelector("#board");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(33, 33, 33)");
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: join(shots, "province-dark.png"), fullPage: true });
    await page.close();
  });

  it("a district chairman sees his unit only", async () => {
    const page = await open(h.initData(700002));
    await page.waitForSelector("h1:text('Huyện An Lão')");
    const text = await page.textContent("main");
    expect(text).not.toContain("Ba Tơ");
    expect(text).not.toContain("Toàn tỉnh");
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(shots, "chairman-unit.png"), fullPage: true });
    await page.close();
  });

  it("a directive's page: opened from the province's page, its counts in the four categories; 403 for a chairman", async () => {
    // Kết luận 12-KL/TU: item 1 = An Lão's overdue task, its task done late and a Ba Tơ task in term;
    // item 2 = An Lão's task in term and its task done on time
    const db = h.db.db;
    const d = await db.directive.create({
      data: {
        kind: "KET_LUAN",
        number: "12-KL/TU",
        issuedOn: "2026-08-14",
        issuer: "Ban Thường vụ Tỉnh ủy",
        summary: "Đẩy nhanh giải ngân",
      },
    });
    const item1 = await db.directiveItem.create({
      data: { directiveId: d.id, number: "1", content: "Giải phóng mặt bằng các dự án giao thông" },
    });
    const item2 = await db.directiveItem.create({
      data: { directiveId: d.id, number: "2", content: "Báo cáo tiến độ hằng quý" },
    });
    const byTitle = async (title: string) => (await db.task.findFirstOrThrow({ where: { title } })).id;
    const link = async (id: number, itemId: number) =>
      db.task.update({ where: { id }, data: { directiveItemId: itemId } });
    await link(s.overdueTaskId, item1.id);
    await link(await byTitle("Rà soát hộ nghèo"), item1.id);
    const baTo = await createTask(db, {
      unitId: s.baTo.id,
      responsibleId: s.supervisor.id,
      title: "Rà soát mặt bằng tuyến ĐT622",
      dueDate: "2026-12-10",
    });
    await link(baTo.id, item1.id);
    await link(await byTitle("Báo cáo quý IV"), item2.id);
    await link(await byTitle("Kế hoạch vốn 2027"), item2.id);

    const page = await open(h.initData(700001));
    await page.waitForSelector("#board");
    await page.getByRole("link", { name: "Kết luận số 12-KL/TU ngày 14/08/2026 của Ban Thường vụ Tỉnh ủy" }).click();
    await page.waitForSelector("h1:text('Kết luận số 12-KL/TU')");
    const paragraphs = await page.locator("main > p").allTextContents();
    expect(paragraphs).toContain(
      "1 hoàn thành đúng hạn · 1 hoàn thành quá hạn · 2 đang thực hiện trong hạn · 1 quá hạn chưa hoàn thành",
    );
    const lists = page.locator("main ul");
    expect(await lists.nth(0).locator("li").allTextContents()).toEqual([
      "Mục 1: Giải phóng mặt bằng các dự án giao thông" +
        "1 hoàn thành quá hạn · 1 đang thực hiện trong hạn · 1 quá hạn chưa hoàn thành",
      "Mục 2: Báo cáo tiến độ hằng quý1 hoàn thành đúng hạn · 1 đang thực hiện trong hạn",
    ]);
    expect(await lists.nth(1).locator("li").allTextContents()).toEqual([
      "Huyện An Lão: 1 hoàn thành đúng hạn · 1 hoàn thành quá hạn · 1 đang thực hiện trong hạn · 1 quá hạn chưa hoàn thành",
      "Huyện Ba Tơ: 1 đang thực hiện trong hạn",
    ]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(shots, "directive-light.png"), fullPage: true });
    await page.getByRole("link", { name: "← Toàn tỉnh" }).click();
    await page.waitForSelector("#board");
    await page.close();

    // a district chairman reads his unit, not a directive spanning units: 403, nothing of it shown
    const chairman = await open(h.initData(700002));
    await chairman.waitForSelector("h1:text('Huyện An Lão')");
    const statuses: number[] = [];
    chairman.on("response", (r) => {
      if (r.url().includes("/app/view/directive/")) statuses.push(r.status());
    });
    await chairman.evaluate((id) => (location.hash = `#/directive/${id}`), d.id);
    await chairman.waitForSelector("#refused");
    expect(statuses).toEqual([403]);
    const text = await chairman.textContent("main");
    expect(text).toBe("Đồng chí không được xem nội dung này.");
    await chairman.close();
  });

  it("forged or expired init data: refused (401), no figure on the page", async () => {
    const forged = h.initData(700001).replace("700001", "700002");
    for (const initData of [forged, h.initData(700001, MAX_AGE + 60)]) {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      const statuses: number[] = [];
      page.on("response", (r) => {
        if (r.url().includes("/app/view")) statuses.push(r.status());
      });
      await page.goto(`${h.base}/app/#${new URLSearchParams({ tgWebAppData: initData })}`);
      await page.waitForSelector("#refused");
      expect(statuses).toEqual([401]);
      expect(await page.locator("table").count()).toBe(0);
      const text = await page.textContent("main");
      expect(text).toContain("Không xác thực được");
      expect(text).not.toMatch(/An Lão|%/);
      await page.close();
    }
  });
});
