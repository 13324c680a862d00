import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiAs, currentQuarter } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { CheckInPage } from "./page-models/CheckInPage.ts";
import { EditorPage } from "./page-models/EditorPage.ts";
import { HomePage } from "./page-models/HomePage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const PASSWORD = "correct horse battery";

const TEXT = {
  en: {
    objective: "Customers renew without chasing",
    kr: "Early renewals from 2 to 8",
    note: "Two pilots signed; legal review on Tuesday.",
    draft: "Make onboarding a one-day affair",
  },
  "zh-CN": {
    objective: "客户主动续约",
    kr: "提前续约客户数从 2 家提升到 8 家",
    note: "签下两个试点，周二法务审核。",
    draft: "让新客户一天内完成上线",
  },
} as const;

/**
 * Lost work (issue 13, item 8): a typed check-in note and an objective being written survive leaving the
 * screen and a reload; the manager is asked for their score once a report has scored, and the to-do's link
 * lands on the scoring form.
 */
describe.each(["zh-CN", "en"] as const)("work kept in %s", (language) => {
  const text = TEXT[language];
  let server: WebServer;
  let browser: Browser;
  let member: Session;
  let manager: Session;
  let cycleId = "";
  let objectiveId = "";
  let keyResultId = "";

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const client = apiAs(server.baseUrl, language);
    await client.setup.run({
      organization: { name: "Kept", locale: language, timezone: "Europe/London" },
      admin: { email: "boss@kept.test", name: "Bea Boss", password: PASSWORD },
    });
    await client.signIn("boss@kept.test", PASSWORD);
    const me = await client.auth.me();
    const [root] = await client.departments.list();
    const sam = await client.members.create({
      email: "sam@kept.test",
      name: "Sam Member",
      password: PASSWORD,
      role: "member",
      departmentId: root?.id ?? "",
      managerId: me.user.id,
    });
    cycleId = (await client.cycles.create({ ...currentQuarter(), kind: "quarter" })).id;
    const objective = await client.objectives.create({
      cycleId,
      level: "personal",
      ownerUserId: sam.userId,
      title: text.objective,
      keyResults: [
        { title: text.kr, type: "number", startValue: 2, targetValue: 8, ownerUserId: sam.userId },
      ],
    });
    objectiveId = objective.id;
    keyResultId = objective.keyResults[0]?.id ?? "";
    await client.objectives.publish(objectiveId);
    await client.cycles.advancePhase(cycleId, "aligning");
    await client.cycles.advancePhase(cycleId, "in_progress");
    member = await Session.open(browser, server.baseUrl, language);
    await new LoginPage(member.page).open();
    await new LoginPage(member.page).signIn("sam@kept.test", PASSWORD);
    manager = await Session.open(browser, server.baseUrl, language);
    await new LoginPage(manager.page).open();
    await new LoginPage(manager.page).signIn("boss@kept.test", PASSWORD);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail")
      await screenshotOnFailure(context.task.name, [member, manager]);
  });

  afterAll(async () => {
    await member?.close();
    await manager?.close();
    await browser?.close();
    await server?.close();
  });

  it("keeps a typed check-in note across leaving the screen and a reload, until it is sent", async () => {
    const page = member.page;
    const checkIn = new CheckInPage(page);
    await page.goto("/check-in");
    await checkIn.waitUntilShown();
    await checkIn.setValue(text.kr, 4);
    await checkIn.setConfidence(text.kr, 6);
    await checkIn.setNote(text.kr, text.note);
    // Away through the navigation, and back.
    await page.locator('.app-nav a[href="/"]').click();
    await page.waitForURL((url) => url.pathname === "/");
    // The home page drawn: the check-in screen is gone (a navigation still rendering could be interrupted by
    // the next one, and the screen would then simply stay, proving nothing).
    await page.getByTestId("todo-panel").waitFor();
    await page.getByTestId("checkin-note").waitFor({ state: "detached" });
    await page.locator('.app-nav a[href="/check-in"]').click();
    await checkIn.waitUntilShown();
    expect(await checkIn.row(text.kr).locator("textarea").inputValue()).toBe(text.note);
    await page.getByTestId("checkin-kept").waitFor();
    await page.reload();
    await checkIn.waitUntilShown();
    expect(await checkIn.row(text.kr).locator("textarea").inputValue()).toBe(text.note);
    expect(await checkIn.confidenceText(text.kr)).toBe(member.text("checkIn.confidence", { value: 6 }));
    await member.screenshot("check-in-kept");
    await checkIn.submit();
    await page
      .getByTestId("checkin-count")
      .filter({ hasText: member.text("checkIn.changedCount", { count: 0 }) })
      .waitFor();
    // Sent: nothing is kept any more.
    await page.goto("/");
    await page.goto("/check-in");
    await checkIn.waitUntilShown();
    expect(await checkIn.row(text.kr).locator("textarea").inputValue()).toBe("");
    expect(await page.getByTestId("checkin-kept").count()).toBe(0);
    expect(member.errors).toEqual([]);
  });

  it("keeps an objective being written across leaving the editor, and lets it be discarded", async () => {
    const page = member.page;
    const editor = new EditorPage(page);
    await editor.openNew();
    await editor.fillTitle(text.draft);
    await page.locator('.app-nav a[href="/"]').click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByTestId("todo-panel").waitFor();
    await page.locator("#title").waitFor({ state: "detached" });
    await page.locator('.app-nav a[href="/objectives/new"]').click();
    await page.locator("#title").waitFor();
    expect(await page.locator("#title").inputValue()).toBe(text.draft);
    await page.getByTestId("editor-kept").waitFor();
    await member.screenshot("editor-kept");
    await page.getByTestId("editor-discard").click();
    await page.getByTestId("editor-kept").waitFor({ state: "detached" });
    expect(await page.locator("#title").inputValue()).toBe("");
    await page.reload();
    await page.locator("#title").waitFor();
    expect(await page.locator("#title").inputValue()).toBe("");
    expect(member.errors).toEqual([]);
  });

  it("asks the manager for their score once the report has scored, and lands on the scoring form", async () => {
    const admin = apiAs(server.baseUrl, language);
    await admin.signIn("boss@kept.test", PASSWORD);
    await admin.cycles.advancePhase(cycleId, "scoring");
    const sam = apiAs(server.baseUrl, language);
    await sam.signIn("sam@kept.test", PASSWORD);
    const page = manager.page;
    const home = new HomePage(page);
    await home.open();
    // Nothing is the manager's to score before the report has scored.
    expect(await home.todos("managerScore").count()).toBe(0);
    await sam.objectives.score(objectiveId, { keyResults: [{ id: keyResultId, selfScore: 0.4 }] });
    await page.reload();
    await home.todos("managerScore").waitFor();
    expect(await home.todos("managerScore").textContent()).toContain(text.objective);
    await home.todos("managerScore").getByRole("link").click();
    await page.waitForURL((url) => url.hash === "#scoring");
    const form = page.getByTestId("scoring-form");
    await form.waitFor();
    // Brought into view, below the sticky header, even as the chart above it loads.
    await page.getByTestId("progress-chart").locator("svg").waitFor();
    await page.waitForTimeout(500);
    const box = await page.locator("#scoring").boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(60);
    expect(box?.y ?? 1000).toBeLessThan(200);
    // The manager sees the report's own score, and no suggestion posing as one.
    const self = form.locator('input[id$="_selfScore"]').first();
    expect(await self.inputValue()).toBe("0.4");
    expect(await form.getByTestId("scoring-suggestion").count()).toBe(0);
    expect(manager.errors).toEqual([]);
  });
});
