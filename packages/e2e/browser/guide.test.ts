import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiAs, currentQuarter } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure, waitForCondition } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AppShell } from "./page-models/AppShell.ts";
import { EditorPage } from "./page-models/EditorPage.ts";
import { GuidePage } from "./page-models/GuidePage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";
import { ObjectivePage } from "./page-models/ObjectivePage.ts";
import { TemplatesPage } from "./page-models/TemplatesPage.ts";

const PASSWORD = "correct horse battery";

const SCRIPT = {
  "zh-CN": {
    organization: "星河科技",
    timezone: "Asia/Shanghai",
    admin: { name: "王总", email: "ceo@xinghe.test" },
    mission: "让每一个团队的目标都能**落地**。",
    vision: "成为中国企业首选的目标管理平台",
    strategy: "## 今年的重点\n- 深耕华东中型企业\n- 以产品体验赢得口碑",
    missionText: "让每一个团队的目标都能落地。",
    search: "完课率",
  },
  en: {
    organization: "Northwind",
    timezone: "Europe/London",
    admin: { name: "Ada Admin", email: "ada@northwind.test" },
    mission: "Help every team **land** its goals.",
    vision: "The goal platform companies choose first",
    strategy:
      "## This year\n- Win mid-sized firms in our region\n- Earn word of mouth <b>with</b> the product",
    missionText: "Help every team land its goals.",
    search: "course completion",
  },
} as const;

describe.each(["zh-CN", "en"] as const)("the OKR guide and the template library, in %s", (language) => {
  const script = SCRIPT[language];
  let server: WebServer;
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    server = await startWebServer();
    const api = apiAs(server.baseUrl, language);
    await api.setup.run({
      organization: { name: script.organization, locale: language, timezone: script.timezone },
      admin: { name: script.admin.name, email: script.admin.email, password: PASSWORD },
    });
    await api.signIn(script.admin.email, PASSWORD);
    await api.org.update({ mission: script.mission, vision: script.vision, strategy: script.strategy });
    await api.cycles.create({ kind: "quarter", ...currentQuarter() });
    browser = await launchBrowser();
    session = await Session.open(browser, server.baseUrl, language);
    const login = new LoginPage(session.page);
    await login.open();
    await login.signIn(script.admin.email, PASSWORD);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, [session]);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it("opens the guide from the editor, with the company's mission, vision and strategy first", async () => {
    const page = session.page;
    const editor = new EditorPage(page);
    await editor.openNew();
    await page.getByTestId("guide-link").click();
    const guide = new GuidePage(page);
    await guide.waitUntilShown();
    expect(page.url()).toMatch(/\/guide$/);
    expect(await page.locator("h1").textContent()).toBe(session.text("guide.title"));
    // The main navigation leads here too.
    expect(await page.locator('.app-header a[href="/guide"]').count()).toBeGreaterThan(0);

    const direction = guide.direction();
    expect(await direction.getByTestId("org-mission").textContent()).toBe(script.missionText);
    expect(await direction.getByTestId("org-vision").textContent()).toBe(script.vision);
    const strategy = (await direction.getByTestId("org-strategy").innerHTML()) ?? "";
    // Markdown is shown as text: no markup the admin typed reaches the page.
    expect(strategy).not.toContain("<b>");
    expect(await direction.getByTestId("org-strategy").locator("li").count()).toBe(2);
    // The direction comes before the chapters.
    const directionBox = await direction.boundingBox();
    const chapterBox = await guide.chapters().first().boundingBox();
    expect(directionBox?.y ?? 0).toBeLessThan(chapterBox?.y ?? 0);
    expect(await guide.chapters().count()).toBe(8);

    const { phoneOverflow } = await session.screenshotBothWidths("guide");
    expect(phoneOverflow).toBeLessThanOrEqual(0);
    expect(session.errors).toEqual([]);
  });

  it("shows each coach rule with a bad and a good example, and the coach's advice on the bad one", async () => {
    const guide = new GuidePage(session.page);
    expect(await session.page.getByTestId("coach-rule").count()).toBe(15);
    const panel = await guide.openRule("kr.is_task");
    expect(await panel.getByTestId("example-bad").isVisible()).toBe(true);
    expect(await panel.getByTestId("example-good").isVisible()).toBe(true);
    const hint = panel.getByTestId("rule-coach").getByTestId("coach-hint");
    await hint.first().waitFor();
    expect(await hint.first().getAttribute("data-code")).toBe("kr.is_task");
    await session.screenshot("guide-rule");
    expect(session.errors).toEqual([]);
  });

  it("browses the template library by function and previews a template", async () => {
    const page = session.page;
    await new GuidePage(page).openTemplates();
    const templates = new TemplatesPage(page);
    expect(await templates.cards().count()).toBeGreaterThanOrEqual(40);
    await templates.search(script.search);
    await waitForCondition(page, `document.querySelectorAll('[data-testid="template-card"]').length === 1`);
    expect(await templates.cards().getAttribute("data-template")).toBe("education-online");
    await templates.clearSearch();
    await templates.filterTo("engineering");
    const functions = await templates.shownFunctions();
    expect(functions.length).toBeGreaterThanOrEqual(4);
    expect(new Set(functions)).toEqual(new Set(["engineering"]));
    const { phoneOverflow } = await session.screenshotBothWidths("templates");
    expect(phoneOverflow).toBeLessThanOrEqual(0);

    const preview = await templates.preview(templates.cards().first());
    expect(await preview.getByTestId("template-kr").count()).toBeGreaterThanOrEqual(3);
    await session.screenshot("template-preview");
    expect(session.errors).toEqual([]);
  });

  it("uses a template: the editor opens prefilled, the coach has nothing to warn about, and it saves as a draft", async () => {
    const page = session.page;
    const title = (await page.locator(".ant-modal-title").textContent()) ?? "";
    const preview = page.getByTestId("template-preview");
    const krTitles = await preview
      .getByTestId("template-kr")
      .evaluateAll((rows) => rows.map((row) => row.querySelector("div")?.textContent ?? ""));
    await new TemplatesPage(page).useFromPreview();

    const editor = new EditorPage(page);
    expect(await page.locator("#title").inputValue()).toBe(title);
    expect(await page.locator("#description").inputValue()).not.toBe("");
    expect(await editor.krEditor(0).count()).toBe(1);
    expect(await page.getByTestId("kr-editor").count()).toBe(krTitles.length);
    for (const [i, row] of krTitles.entries()) {
      expect(row).toContain(await page.locator(`#keyResults_${i}_title`).inputValue());
      expect(await page.locator(`#keyResults_${i}_startValue`).inputValue()).not.toBe("");
      expect(await page.locator(`#keyResults_${i}_targetValue`).inputValue()).not.toBe("");
    }
    // The coach reads the prefilled OKR as a whole and finds nothing to improve.
    const perfect = session.text("coach.score", { score: 100 });
    await waitForCondition(
      page,
      `document.querySelector('[data-testid="coach-score"]')?.textContent === ${JSON.stringify(perfect)}`,
    );
    await new AppShell(page).settle();
    expect(await page.getByTestId("coach-score").textContent()).toBe(perfect);
    expect(await page.locator(".coach-hint.ant-alert-warning, .coach-hint.ant-alert-error").count()).toBe(0);
    const { phoneOverflow } = await session.screenshotBothWidths("editor-template");
    expect(phoneOverflow).toBeLessThanOrEqual(0);

    await editor.saveAndWait();
    const objective = new ObjectivePage(page);
    expect(await objective.title().textContent()).toBe(title);
    const api = apiAs(server.baseUrl, language);
    await api.signIn(script.admin.email, PASSWORD);
    const saved = await api.objectives.get(objective.id());
    expect(saved.status).toBe("draft");
    expect(saved.keyResults.map((kr) => kr.startValue)).not.toContain(null);
    expect(saved.keyResults.every((kr) => kr.unit)).toBe(true);
    expect(session.errors).toEqual([]);
  });
});
