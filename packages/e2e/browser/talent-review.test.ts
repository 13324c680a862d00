import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addTeam, apiAs, currentQuarter, setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AppShell } from "./page-models/AppShell.ts";
import { LoginPage } from "./page-models/LoginPage.ts";
import { TalentReviewPage } from "./page-models/TalentReviewPage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 16, 人才盘点: a leader opens a talent review of their department from its page, places each of the
 * team on the nine-box grid with a reason — one by drag and drop, one by tap — reads the history, moves the
 * review to calibrating and finalizes it, after which it is read-only. What the person placed sees of it
 * (nothing: no way in, the 404 page, an empty list) is walked in talent-walk.test.ts. In both languages, at
 * 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("talent review in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const zh = language === "zh-CN";
  const domain = `${zh ? "zh" : "en"}.talent-review.test`;
  const admin = { email: `admin@${domain}` };
  const people = {
    leader: { email: `mia@${domain}`, name: zh ? "李经理" : "Mia Manager" },
    max: { email: `max@${domain}`, name: zh ? "张伟" : "Max Miller" },
    cleo: { email: `cleo@${domain}`, name: zh ? "陈静" : "Cleo Chen" },
  };
  const sales = zh ? "销售部" : "Sales";
  const renewals = zh ? "大客户全部续约" : "Renew every key account";
  const ids = { departmentId: "", cycleId: "", max: "", cleo: "", reviewId: "" };

  const signedIn = async (who: { email: string }) => {
    const session = await Session.open(browser, server.baseUrl, language);
    sessions.push(session);
    await new LoginPage(session.page).open();
    await new LoginPage(session.page).signIn(who.email, PASSWORD);
    await new AppShell(session.page).settle();
    return session;
  };

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const api = await setUpCompany(server.baseUrl, language, { email: admin.email, password: PASSWORD });
    const team = await addTeam(api, {
      department: sales,
      manager: people.leader,
      reports: [people.max, people.cleo],
      password: PASSWORD,
    });
    await api.departments.update(team.departmentId, { leaderId: team.managerId });
    ids.departmentId = team.departmentId;
    ids.max = team.reportIds[0] ?? "";
    ids.cleo = team.reportIds[1] ?? "";
    const cycle = await api.cycles.create({ kind: "quarter", ...currentQuarter() });
    ids.cycleId = cycle.id;
    // Max's objective of the cycle: the evidence his placement rests on.
    const max = apiAs(server.baseUrl, language);
    await max.signIn(people.max.email, PASSWORD);
    const objective = await max.objectives.create({
      cycleId: cycle.id,
      level: "personal",
      title: renewals,
      keyResults: [
        { title: zh ? "续约 10 家" : "Renew 10 accounts", type: "number", startValue: 0, targetValue: 10 },
      ],
    });
    await max.objectives.publish(objective.id);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
  });

  it("lets a leader place the team on the grid by drag and by tap, with reasons, and finalize", async () => {
    const mia = await signedIn(people.leader);
    const review = new TalentReviewPage(mia.page);
    await mia.page.goto(`/departments/${ids.departmentId}?cycle=${ids.cycleId}`);
    await mia.page.getByTestId("department-talent-reviews-link").click();
    await mia.page.waitForURL((url) => url.pathname === "/talent-reviews");
    ids.reviewId = await review.create(zh ? "2026 年第四季度人才盘点" : "Q4 talent review");
    expect(await mia.page.getByTestId("talent-review-confidential").textContent()).toContain(
      mia.text("talentReview.confidential"),
    );
    expect(await mia.page.getByTestId("tray-person").count()).toBe(2);
    // The nine boxes carry the names of 人才九宫格: the top right is the star.
    expect(await review.box(3, 3).textContent()).toContain(mia.text("talentReview.box.star"));
    const empty = await mia.screenshotBothWidths("talent-review-draft");
    expect(empty.phoneOverflow).toBeLessThanOrEqual(0);

    // Max by drag and drop, resting on his renewals objective.
    const starReason = zh
      ? "两个季度续约率最高，并带新人"
      : "Top renewals two quarters running, coaches new hires";
    await review.trayPerson(ids.max).dragTo(review.box(3, 3));
    await review.explain(starReason, renewals);
    await review.placed(ids.max).waitFor();
    expect(await review.box(3, 3).getByTestId("placed-person").textContent()).toBe(people.max.name);

    // Cleo by tap: the person, then the box.
    const coreReason = zh ? "稳定达成承诺型目标" : "Steadily meets committed goals";
    await review.trayPerson(ids.cleo).click();
    await mia.page.getByTestId("talent-selected").waitFor();
    await review.box(2, 2).click();
    await mia.page.getByTestId("placement-form").waitFor();
    const form = await mia.screenshotBothWidths("talent-review-placement");
    expect(form.phoneOverflow).toBeLessThanOrEqual(0);
    await review.explain(coreReason);
    await review.placed(ids.cleo).waitFor();
    expect(await mia.page.getByTestId("tray-person").count()).toBe(0);

    // A tap on a placed card shows the reason and the evidence.
    await review.placed(ids.max).click();
    expect(await mia.page.getByTestId("talent-selected-reason").textContent()).toBe(starReason);
    expect(await mia.page.getByTestId("talent-selected-evidence").textContent()).toContain(renewals);
    await review.placed(ids.max).click();

    // The history: who moved whom, into which box, why.
    await mia.page.getByTestId("talent-review-history").locator(".ant-collapse-header").click();
    const entries = mia.page.getByTestId("history-entry");
    await entries.first().waitFor();
    expect(await entries.count()).toBe(2);
    const latest = await entries.first().textContent();
    expect(latest).toContain(people.leader.name);
    expect(latest).toContain(people.cleo.name);
    expect(latest).toContain(mia.text("talentReview.box.core"));
    expect(latest).toContain(coreReason);
    const placed = await mia.screenshotBothWidths("talent-review-placed");
    expect(placed.phoneOverflow).toBeLessThanOrEqual(0);

    await review.advance();
    await review.advance();
    // Final: frozen, nothing to drag, no step left.
    await mia.page.getByTestId("talent-review-frozen").waitFor();
    expect(await mia.page.getByTestId("talent-review-advance").count()).toBe(0);
    expect(await review.placed(ids.max).getAttribute("draggable")).toBeNull();
    const api = apiAs(server.baseUrl, language);
    await api.signIn(people.leader.email, PASSWORD);
    const saved = await api.talentReviews.get(ids.reviewId);
    expect(saved.status).toBe("final");
    expect(
      saved.placements.map((p) => [p.person.id, p.performance, p.potential, p.evidence.map((o) => o.title)]),
    ).toEqual(
      expect.arrayContaining([
        [ids.max, 3, 3, [renewals]],
        [ids.cleo, 2, 2, []],
      ]),
    );
    const final = await mia.screenshotBothWidths("talent-review-final");
    expect(final.phoneOverflow).toBeLessThanOrEqual(0);
    // The list of reviews names it, final.
    await mia.page.goto(`/talent-reviews?cycle=${ids.cycleId}`);
    const row = mia.page.getByTestId("talent-review-row");
    await row.waitFor();
    expect(await row.textContent()).toContain(mia.text("talentReview.status.final"));
    const list = await mia.screenshotBothWidths("talent-reviews-list");
    expect(list.phoneOverflow).toBeLessThanOrEqual(0);
    // Calibration: every department's grid of the cycle side by side, each person in their box.
    await mia.page.getByTestId("calibration-link").click();
    const grid = mia.page.getByTestId("calibration-review").first();
    await grid.waitFor();
    expect(await grid.locator(`[data-box="33"]`).textContent()).toContain(people.max.name);
    expect(await grid.locator(`[data-box="22"]`).textContent()).toContain(people.cleo.name);
    const calibration = await mia.screenshotBothWidths("talent-review-calibration");
    expect(calibration.phoneOverflow).toBeLessThanOrEqual(0);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });
});
