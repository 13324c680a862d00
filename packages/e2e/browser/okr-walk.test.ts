import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiAs, currentQuarter } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure, textOf } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AdminPage } from "./page-models/AdminPage.ts";
import { AlignmentMapPage } from "./page-models/AlignmentMapPage.ts";
import { AppShell } from "./page-models/AppShell.ts";
import { CheckInPage } from "./page-models/CheckInPage.ts";
import { EditorPage } from "./page-models/EditorPage.ts";
import { HomePage } from "./page-models/HomePage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";
import { ObjectivePage } from "./page-models/ObjectivePage.ts";
import { SetupPage } from "./page-models/SetupPage.ts";

const PASSWORD = "correct horse battery";

/** The people, words and numbers of the walk, in each language. */
const SCRIPT = {
  "zh-CN": {
    organization: "星河科技",
    timezone: "Asia/Shanghai",
    admin: { name: "王总", email: "ceo@xinghe.test" },
    member: { name: "张一", email: "sue@xinghe.test" },
    department: "销售部",
    title: "销售经理",
    mission: "让每个团队**目标一致**",
    company: {
      title: "成为华东客户首选的协作平台",
      krs: [
        { title: "付费客户数从 120 家增长到 200 家", start: 120, target: 200, unit: "家" },
        { title: "客户 NPS 从 30 提升到 45", start: 30, target: 45 },
      ],
    },
    departmentOkr: {
      title: "让华东大客户持续选择我们",
      kr: { title: "大客户续约率从 80% 提升到 92%", start: 80, target: 92, unit: "%" },
    },
    personal: {
      title: "让新客户顺利上手",
      vagueKr: "努力完成官网改版",
      kr: { title: "新客户激活率从 40% 提升到 60%", start: 40, target: 60, unit: "%" },
      milestoneKr: { title: "新手引导上线并被使用", milestones: ["完成设计", "全量上线"] },
      adjustedTitle: "让每位新客户顺利上手",
      reason: "与销售部对齐后扩大范围",
    },
    note: "本周新签 3 家客户，激活率提升到 50%",
  },
  en: {
    organization: "Northwind",
    timezone: "Europe/London",
    admin: { name: "Ada Admin", email: "ada@northwind.test" },
    member: { name: "Sue Smith", email: "sue@northwind.test" },
    department: "Sales",
    title: "Account manager",
    mission: "Help every team **pull in one direction**",
    company: {
      title: "Become the collaboration platform customers choose first",
      krs: [
        { title: "Paying customers from 120 to 200", start: 120, target: 200, unit: "customers" },
        { title: "NPS from 30 to 45", start: 30, target: 45 },
      ],
    },
    departmentOkr: {
      title: "Key accounts keep choosing us",
      kr: { title: "Key-account renewal rate from 80% to 92%", start: 80, target: 92, unit: "%" },
    },
    personal: {
      title: "New customers get going on their own",
      vagueKr: "Try to finish the website redesign",
      kr: { title: "Activation rate from 40% to 60%", start: 40, target: 60, unit: "%" },
      milestoneKr: {
        title: "Onboarding guide live and used",
        milestones: ["Design done", "Live for everyone"],
      },
      adjustedTitle: "Every new customer gets going on their own",
      reason: "Scope widened after aligning with Sales",
    },
    note: "Signed 3 new customers this week; activation is at 50%",
  },
} as const;

describe.each(["zh-CN", "en"] as const)("a quarter of OKRs in the browser, in %s", (language) => {
  const script = SCRIPT[language];
  let server: WebServer;
  let browser: Browser;
  let admin: Session;
  let member: Session;
  let cycleId = "";
  let companyObjectiveId = "";
  let personalObjectiveId = "";
  let checkInRateBefore = "";
  const quarter = currentQuarter();

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    admin = await Session.open(browser, server.baseUrl, language);
    member = await Session.open(browser, server.baseUrl, language);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, [admin, member]);
  });

  afterAll(async () => {
    await admin?.close();
    await member?.close();
    await browser?.close();
    await server?.close();
  });

  it("sets up the organization on first run, in the browser's language", async () => {
    const page = admin.page;
    await page.goto("/");
    const setup = new SetupPage(page);
    await setup.waitUntilShown();
    expect(await page.locator("h1").textContent()).toBe(admin.text("setup.title"));
    await admin.screenshot("setup");
    const data = {
      organization: script.organization,
      timezone: script.timezone,
      adminName: script.admin.name,
      email: script.admin.email,
      password: PASSWORD,
    };
    await setup.fillOrganization(data);
    await setup.fillAdmin(data);
    await admin.screenshot("setup-admin");
    await setup.submit();
    // No cycle yet: the home page says so instead of showing nothing.
    await page.getByText(admin.text("home.noCycleAdmin")).waitFor();
    await admin.screenshot("home-no-cycle");
    expect(admin.errors).toEqual([]);
  });

  it("lets the admin write the mission, and create a department, a member and a quarter in the admin screens", async () => {
    const page = admin.page;
    const adminPage = new AdminPage(page);
    await adminPage.open("org");
    // Markdown is rendered; raw HTML an admin types is not.
    await page.locator("#org_mission").fill(`${script.mission} <img src="x" onerror="window.hacked=1">`);
    await page.getByTestId("org-save").click();
    await page.getByText(admin.text("admin.org.saved")).waitFor();
    expect((await admin.screenshotBothWidths("admin-org")).phoneOverflow).toBe(0);

    await adminPage.open("departments");
    await adminPage.createDepartment(script.department);
    expect((await admin.screenshotBothWidths("admin-departments")).phoneOverflow).toBe(0);

    await adminPage.open("members");
    await adminPage.createMember({
      email: script.member.email,
      name: script.member.name,
      password: PASSWORD,
      department: `${script.organization} / ${script.department}`,
      manager: `${script.admin.name} · ${script.admin.email}`,
      title: script.title,
    });
    await adminPage.page.locator("#member_email").waitFor({ state: "detached" });
    expect((await admin.screenshotBothWidths("admin-members")).phoneOverflow).toBe(0);

    // A department with members cannot be deleted: the API's refusal shows next to the form.
    await adminPage.open("departments");
    await admin.expectingConsoleErrors([/status of 422/], async () => {
      await adminPage.deleteDepartment(script.department);
      await page.getByTestId("department-edit").getByTestId("form-error").waitFor();
    });
    await admin.screenshot("admin-department-not-empty");

    await adminPage.open("cycles");
    await adminPage.createCycle({
      name: quarter.name,
      kindLabel: admin.text("cycleKind.quarter"),
      startDate: quarter.startDate,
      endDate: quarter.endDate,
    });
    expect((await admin.screenshotBothWidths("admin-cycles")).phoneOverflow).toBe(0);

    // What the screens did is what the API holds.
    const api = apiAs(server.baseUrl, language);
    await api.signIn(script.admin.email, PASSWORD);
    const departments = await api.departments.list();
    const sales = departments.find((d) => d.name === script.department);
    const member = (await api.members.list()).find((m) => m.email === script.member.email);
    expect(member).toMatchObject({ name: script.member.name, departmentId: sales?.id, title: script.title });
    const cycle = (await api.cycles.list()).find((c) => c.name === quarter.name);
    expect(cycle).toMatchObject({ kind: "quarter", startDate: quarter.startDate, endDate: quarter.endDate });
    cycleId = cycle?.id ?? "";
    expect(admin.errors).toEqual([]);
  });

  it("writes and publishes the company OKR in the editor", async () => {
    const page = admin.page;
    const editor = new EditorPage(page);
    await editor.openNew();
    await editor.chooseLevel(admin.text("level.company"));
    await editor.fillTitle(script.company.title);
    const [first, second] = script.company.krs;
    await editor.fillKeyResult(0, first);
    await editor.addKeyResult();
    await editor.fillKeyResult(1, second);
    await page.getByTestId("coach-score").waitFor();
    await admin.screenshot("editor-company");
    await editor.saveAndWait();
    const objective = new ObjectivePage(page);
    companyObjectiveId = objective.id();
    expect(await objective.title().textContent()).toBe(script.company.title);
    await objective.publish();
    await admin.screenshot("objective-company");
    expect(admin.errors).toEqual([]);
  });

  it("writes the department OKR in the editor, aligned to the company's", async () => {
    const page = admin.page;
    const editor = new EditorPage(page);
    await editor.openNew();
    await editor.chooseLevel(admin.text("level.department"));
    await editor.chooseDepartment(script.department);
    await editor.fillTitle(script.departmentOkr.title);
    await editor.fillKeyResult(0, { ...script.departmentOkr.kr, typeLabel: admin.text("krType.percentage") });
    await editor.chooseParent(script.company.title.slice(0, 4), script.company.title);
    await admin.screenshot("editor-department");
    await editor.saveAndWait();
    const objective = new ObjectivePage(page);
    expect(await objective.title().textContent()).toBe(script.departmentOkr.title);
    await objective.alignment().getByText(script.company.title).waitFor();
    await objective.publish();
    expect(admin.errors).toEqual([]);
  });

  it("signs the admin out and the member in", async () => {
    await new AppShell(admin.page).signOut();
    const login = new LoginPage(member.page);
    await login.open();
    await member.screenshot("login");
    await login.signIn(script.member.email, PASSWORD);
    await member.page.getByTestId("home-empty").waitFor();
    expect(member.errors).toEqual([]);
  });

  it("shows the coach's findings as the member writes a personal OKR, and aligns it to the department's", async () => {
    const page = member.page;
    const editor = new EditorPage(page);
    await editor.openNew();
    await editor.fillTitle(script.personal.title);
    await editor.fillKeyResult(0, { title: script.personal.vagueKr });
    // The coach flags a to-do with hedging words, next to that KR.
    await editor.hints(0).and(page.locator('[data-code="kr.weasel_words"]')).waitFor();
    const codes = await editor.hints(0).evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-code")));
    expect(codes).toContain("kr.weasel_words");
    await member.screenshot("editor-coach");
    await editor.fillKeyResult(0, { ...script.personal.kr, typeLabel: member.text("krType.percentage") });
    await page
      .locator('[data-testid="coach-kr-0"] [data-code="kr.weasel_words"]')
      .waitFor({ state: "detached" });
    await editor.addKeyResult();
    await editor.fillKeyResult(1, {
      ...script.personal.milestoneKr,
      typeLabel: member.text("krType.milestone"),
    });
    await editor.chooseParent(script.departmentOkr.title.slice(0, 4), script.departmentOkr.title);
    await member.screenshot("editor-personal");
    await editor.saveAndWait();
    const objective = new ObjectivePage(page);
    personalObjectiveId = objective.id();
    await objective.alignment().getByText(script.departmentOkr.title).waitFor();
    await objective.publish();
    expect(member.errors).toEqual([]);
  });

  it("lets the admin start the quarter, saying what each phase means", async () => {
    const page = admin.page;
    const login = new LoginPage(page);
    await login.open();
    await login.signIn(script.admin.email, PASSWORD);
    const adminPage = new AdminPage(page);
    await adminPage.open("cycles");
    expect(await adminPage.advance(quarter.name)).toBe(admin.text("admin.cycles.meaning.aligning"));
    await page.locator('[data-phase="aligning"]').waitFor();
    expect(await adminPage.advance(quarter.name)).toBe(admin.text("admin.cycles.meaning.in_progress"));
    await page.locator('[data-phase="in_progress"]').waitFor();
    // The dashboard before anyone checks in.
    await page.goto(`/dashboard?cycle=${cycleId}`);
    checkInRateBefore =
      (await page.getByTestId("dashboard-check-in-rate").locator(".ant-statistic-content").textContent()) ??
      "";
    expect(checkInRateBefore).toBe("0%");
    expect(admin.errors).toEqual([]);
  });

  it("starts the quarter: the member's home lists the OKR and the check-ins due", async () => {
    const home = new HomePage(member.page);
    await home.open();
    await home.card(script.personal.title).waitFor();
    await home.todos("checkIn").first().waitFor();
    expect(await home.todos("checkIn").count()).toBe(2);
    expect(await home.card(script.personal.title).getByTestId("kr-row").count()).toBe(2);
    const { phoneOverflow } = await member.screenshotBothWidths("home");
    expect(phoneOverflow).toBe(0);
    expect(member.errors).toEqual([]);
  });

  it("checks in every KR on one screen, by keyboard, and shows the new progress without a reload", async () => {
    const page = member.page;
    await new HomePage(page).openCheckIn();
    const checkIn = new CheckInPage(page);
    await checkIn.waitUntilShown();
    const { kr, milestoneKr } = script.personal;
    await checkIn.setValue(kr.title, 50);
    await checkIn.setConfidence(kr.title, 8);
    await checkIn.setNote(kr.title, script.note);
    await checkIn.tickMilestone(milestoneKr.title, milestoneKr.milestones[0]);
    // A first check-in carries a confidence the person chose: none is filled in for them.
    await checkIn.setConfidence(milestoneKr.title, 6);
    const { phoneOverflow } = await member.screenshotBothWidths("check-in");
    expect(phoneOverflow).toBe(0);
    await page.locator(`textarea`).first().focus();
    await checkIn.submitWithKeyboard();
    await page.getByTestId("checkin-saved").nth(1).waitFor();
    expect(await checkIn.progressText(kr.title)).toBe("50%");
    expect(await checkIn.progressText(milestoneKr.title)).toBe("50%");
    await member.screenshot("check-in-saved");
    expect(member.errors).toEqual([]);
  });

  it("shows the new numbers on the dashboard and the alignment map after the check-in", async () => {
    const page = admin.page;
    const api = apiAs(server.baseUrl, language);
    await api.signIn(script.admin.email, PASSWORD);
    const numbers = await api.cycles.dashboard(cycleId);
    const percent = (n: number) => `${Math.round(n * 100)}%`;
    expect(numbers.checkInRate).toBeGreaterThan(0);

    await page.goto(`/dashboard?cycle=${cycleId}`);
    const rate = page.getByTestId("dashboard-check-in-rate").locator(".ant-statistic-content");
    await rate.waitFor();
    expect(await rate.textContent()).toBe(percent(numbers.checkInRate));
    expect(await rate.textContent()).not.toBe(checkInRateBefore);
    expect(await page.getByTestId("dashboard-progress").locator(".ant-statistic-content").textContent()).toBe(
      percent(numbers.progress),
    );
    await page.getByTestId("kr-health-chart").locator("svg").waitFor();
    await page.getByTestId("department-chart").locator("svg").waitFor();
    // The weekly trend ends with this week's rate, the one the tile shows.
    await page.getByTestId("check-in-trend-chart").locator("svg").waitFor();
    const trend = numbers.checkInTrend;
    expect(trend.at(-1)?.rate).toBe(numbers.checkInRate);
    expect(await page.getByTestId("check-in-trend-chart").getAttribute("aria-label")).toContain(
      percent(numbers.checkInRate),
    );
    expect((await admin.screenshotBothWidths("dashboard")).phoneOverflow).toBe(0);

    await page.goto(`/alignment-map?cycle=${cycleId}`);
    // Company → department → personal: the third level opens on demand, here by finding it.
    await new AlignmentMapPage(page).find(script.personal.title, script.personal.title);
    const node = page.getByTestId("map-node").filter({ hasText: script.personal.title });
    await node.waitFor();
    expect(await node.getByTestId("map-progress").textContent()).toBe("50%");
    expect((await admin.screenshotBothWidths("alignment-map")).phoneOverflow).toBe(0);
    await node.getByRole("link", { name: script.personal.title }).click();
    await page.waitForURL(new RegExp(`/objectives/${personalObjectiveId}$`));

    await page.goto(`/rollout?cycle=${cycleId}`);
    await page.getByTestId("rollout").waitFor();
    expect((await admin.screenshotBothWidths("rollout")).phoneOverflow).toBe(0);
    expect(admin.errors).toEqual([]);
  });

  it("shows the company page with the mission rendered, and people's pages", async () => {
    const page = member.page;
    await page.goto(`/company?cycle=${cycleId}`);
    const direction = page.getByTestId("org-direction");
    await direction.locator("strong").first().waitFor();
    expect(await direction.locator("img, script").count()).toBe(0);
    expect(await page.evaluate("window.hacked")).toBeUndefined();
    await page.getByTestId("objective-card").filter({ hasText: script.company.title }).waitFor();
    expect((await member.screenshotBothWidths("company")).phoneOverflow).toBe(0);
    await page.getByTestId("department-nav").getByText(script.department, { exact: true }).click();
    await page.getByTestId("department-members").getByText(script.member.name).click();
    await page.getByTestId("person-name").filter({ hasText: script.member.name }).waitFor();
    await page.getByTestId("objective-card").filter({ hasText: script.personal.title }).waitFor();
    await member.screenshot("person");
    // The rollout dashboard is for leadership: a member is told so.
    await member.expectingConsoleErrors([/status of 403/], async () => {
      await page.goto(`/rollout?cycle=${cycleId}`);
      await page.getByTestId("rollout-forbidden").waitFor();
    });
    expect(member.errors).toEqual([]);
  });

  it("shows the new progress, the note, the chart, alignment and history on the objective page", async () => {
    const page = member.page;
    await page.goto(`/objectives/${personalObjectiveId}`);
    const objective = new ObjectivePage(page);
    await objective.timeline().getByText(script.note).waitFor();
    expect(await objective.overallProgress()).toBe("50%");
    await objective.chart().waitFor();
    await objective.history().waitFor();
    expect(await objective.alignment().getByText(script.departmentOkr.title).count()).toBe(1);
    await member.screenshot("objective");
    // The company objective lists the department's below it, and the department's lists the personal one.
    await page.goto(`/objectives/${companyObjectiveId}`);
    await new ObjectivePage(page).alignment().getByText(script.departmentOkr.title).waitFor();
    await page.getByRole("link", { name: script.departmentOkr.title }).first().click();
    await new ObjectivePage(page).alignment().getByText(script.personal.title).waitFor();
    expect(member.errors).toEqual([]);
  });

  it("puts the API's error next to the field it concerns, in the user's language", async () => {
    const page = member.page;
    const editor = new EditorPage(page);
    await editor.openNew();
    await editor.fillTitle(script.personal.title);
    await editor.fillKeyResult(0, { title: script.personal.kr.title, start: 10, target: 10 });
    await member.expectingConsoleErrors([/status of 422/], async () => {
      await editor.save();
      await editor.fieldError("keyResults_0_targetValue").waitFor();
    });
    const expected =
      language === "zh-CN" ? "目标值不能等于起始值。" : "The target must differ from the start value.";
    // A locator, not a string function: the app's CSP refuses eval, which waitForFunction(string) needs.
    await page.locator('[data-code="set.no_krs"]').waitFor({ state: "detached" });
    expect(await editor.fieldError("keyResults_0_targetValue").textContent()).toBe(expected);
    await member.screenshot("editor-field-error");
    expect(member.errors).toEqual([]);
  });

  it("shows a retry, not a blank page, when the server cannot be reached", async () => {
    const page = member.page;
    await member.expectingConsoleErrors([/ERR_FAILED|Failed to load resource/], async () => {
      await page.route("**/api/v1/cycles", (route) => route.abort());
      await page.goto("/");
      await page.getByTestId("retry").waitFor({ timeout: 30_000 });
      expect(await page.getByText(member.text("errors.network.title")).count()).toBe(1);
      await member.screenshot("network-error");
      await page.unroute("**/api/v1/cycles");
      await page.getByTestId("retry").click();
      await page.getByTestId("todo-panel").waitFor();
    });
    expect(member.errors).toEqual([]);
  });

  it("asks for a reason when the member adjusts a published objective, and logs it", async () => {
    const page = member.page;
    await page.goto(`/objectives/${personalObjectiveId}`);
    const objective = new ObjectivePage(page);
    await objective.edit();
    const editor = new EditorPage(page);
    await editor.fillTitle(script.personal.adjustedTitle);
    await page.getByTestId("editor-reason").fill(script.personal.reason);
    await member.screenshot("editor-adjustment");
    await editor.saveAndWait();
    await objective
      .history()
      .getByTestId("history-reason")
      .filter({ hasText: script.personal.reason })
      .waitFor();
    // The change names the field in the user's words (标题 / Title), never the API's `title`.
    const change = objective
      .history()
      .getByTestId("history-change")
      .filter({ hasText: script.personal.adjustedTitle });
    expect(
      (await change.first().textContent())?.startsWith(`${member.text("adjustments.field.title")}: `),
    ).toBe(true);
    expect(await objective.title().textContent()).toBe(script.personal.adjustedTitle);
    // An adjustment edits the KRs in place: their check-ins and progress stay.
    await objective.timeline().getByText(script.note).waitFor();
    expect(await objective.overallProgress()).toBe("50%");
    expect(member.errors).toEqual([]);
  });

  it("takes the self score in the scoring phase and the 复盘 in the reviewing phase", async () => {
    const api = apiAs(server.baseUrl, language);
    await api.signIn(script.admin.email, PASSWORD);
    await api.cycles.advancePhase(cycleId, "scoring");
    const page = member.page;
    await page.goto(`/objectives/${personalObjectiveId}`);
    await page.getByTestId("scoring-form").waitFor();
    await new ObjectivePage(page).chart().waitFor();
    await member.screenshot("objective-scoring");
    // The suggestion is offered, not entered: the fields stay empty until the member takes it.
    const objective = new ObjectivePage(page);
    expect(await objective.selfScores()).toEqual([
      { value: "", placeholder: member.text("scoring.suggestedPlaceholder", { score: 0.5 }) },
      { value: "", placeholder: member.text("scoring.suggestedPlaceholder", { score: 0.5 }) },
    ]);
    await objective.takeSuggestedScores();
    expect((await objective.selfScores()).map((s) => s.value)).toEqual(["0.5", "0.5"]);
    await page.getByTestId("scoring-submit").click();
    await page
      .getByText(member.text("scoring.final", { score: 0.5 }))
      .first()
      .waitFor();

    await api.cycles.advancePhase(cycleId, "reviewing");
    await page.reload();
    await page.getByTestId("review-form").waitFor();
    await page.locator("#wentWell").fill(script.note);
    await page.getByTestId("review-submit").click();
    await page.getByText(member.text("review.saved")).waitFor();
    await new ObjectivePage(page).chart().waitFor();
    await member.screenshot("objective-review");
    const saved = await api.objectives.get(personalObjectiveId);
    expect(saved.review?.wentWell).toBe(script.note);
    expect(saved.keyResults.map((kr) => kr.selfScore)).toEqual([0.5, 0.5]);
    expect(member.errors).toEqual([]);
  });

  it("shows the profile, and switches language on the spot", async () => {
    const page = member.page;
    await page.goto("/profile");
    await page.locator("#name").waitFor();
    await member.screenshot("profile");
    const shell = new AppShell(page);
    const other = language === "zh-CN" ? "en" : "zh-CN";
    await shell.switchLanguage(other === "en" ? "English" : "中文");
    await page.locator("h1", { hasText: textOf(other, "profile.title") }).waitFor();
    expect(await page.evaluate("document.documentElement.lang")).toBe(other);
    expect(await page.getByTestId("user-menu").isVisible()).toBe(true);
    expect(await page.locator(".app-nav").textContent()).toContain(textOf(other, "nav.checkInShort"));
    await shell.switchLanguage(language === "en" ? "English" : "中文");
    await page.locator("h1", { hasText: member.text("profile.title") }).waitFor();
    expect(member.errors).toEqual([]);
  });
});
