import { isApiError } from "@luodi/client";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addTeam, apiAs, currentQuarter, setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AppShell } from "./page-models/AppShell.ts";
import { LoginPage } from "./page-models/LoginPage.ts";
import { OkrRecordPage } from "./page-models/OkrRecordPage.ts";
import { TalentReviewPage } from "./page-models/TalentReviewPage.ts";
import { TeamInsightsPage } from "./page-models/TeamInsightsPage.ts";

const PASSWORD = "correct horse battery";
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1440, height: 900 };

/** The calendar quarter `months` months before today's, as a cycle input. */
function quarterBefore(months: number) {
  const day = new Date();
  day.setUTCDate(1);
  day.setUTCMonth(day.getUTCMonth() - months);
  return currentQuarter(day);
}

/*
 * Issue 16 (人才密度) as one walk. Two closed, scored quarters in which Max scored everything 1.0 — with a
 * 复盘 in the first and a proposal of his in the second —, and the current quarter under way. Mia, who leads
 * Sales, opens her department's team insights, follows Max's sandbagging flag to his OKR record and reads
 * its figures, opens a talent review of Sales for the current quarter from the department page, places the
 * whole team on the nine-box grid with reasons (by drag, by tap, and by tap on a phone), and finalizes it.
 * Then Max signs in: no way to the review anywhere, the review's address is the 404 page, and the API
 * answers him an empty list and a 404.
 */
describe.each(["zh-CN", "en"] as const)("the talent density walk in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const zh = language === "zh-CN";
  const domain = `${zh ? "zh" : "en"}.talent-walk.test`;
  const admin = { email: `admin@${domain}` };
  const people = {
    mia: { email: `mia@${domain}`, name: zh ? "李经理" : "Mia Manager" },
    max: { email: `max@${domain}`, name: zh ? "张伟" : "Max Miller" },
    cleo: { email: `cleo@${domain}`, name: zh ? "陈静" : "Cleo Chen" },
    nora: { email: `nora@${domain}`, name: zh ? "王芳" : "Nora North" },
  };
  const sales = zh ? "销售部" : "Sales";
  const quarters = { older: quarterBefore(6), last: quarterBefore(3), current: currentQuarter() };
  const titles = {
    older: zh ? "守住每一家大客户" : "Keep every key account",
    last: zh ? "开拓华东新客户" : "Open new accounts in the east",
    current: zh ? "续约率做到行业第一" : "Best renewal rate in the industry",
    proposal: zh ? "试点客户成功小组" : "Pilot a customer success squad",
    review: zh ? "销售部本季度人才盘点" : "Sales talent review this quarter",
  };
  const reasons = {
    max: zh
      ? "连续两个季度所有目标都打满 1.0：目标定得偏低，下季度要提高难度"
      : "Every goal at 1.0 two quarters running: goals set low, raise the bar next quarter",
    cleo: zh
      ? "挑战型目标稳定落在 0.6–0.7，并主动支持提案"
      : "Lands bets at 0.6–0.7 and backs others' proposals",
    nora: zh ? "加入提案小组，仍在成长" : "Joined the proposal's team, still growing",
  };
  const ids = {
    department: "",
    max: "",
    cleo: "",
    nora: "",
    older: "",
    last: "",
    current: "",
    review: "",
  };

  const signedIn = async (who: { email: string }) => {
    const session = await Session.open(browser, server.baseUrl, language);
    sessions.push(session);
    await new LoginPage(session.page).open();
    await new LoginPage(session.page).signIn(who.email, PASSWORD);
    await new AppShell(session.page).settle();
    return session;
  };
  const apiOf = async (who: { email: string }) => {
    const client = apiAs(server.baseUrl, language);
    await client.signIn(who.email, PASSWORD);
    return client;
  };
  const measured = (title: string) => ({
    title,
    keyResults: [
      {
        title: zh ? "续约 10 家" : "Renew 10 accounts",
        type: "number" as const,
        startValue: 0,
        targetValue: 10,
      },
    ],
  });

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const api = await setUpCompany(server.baseUrl, language, { email: admin.email, password: PASSWORD });
    const team = await addTeam(api, {
      department: sales,
      manager: people.mia,
      reports: [people.max, people.cleo, people.nora],
      password: PASSWORD,
    });
    await api.departments.update(team.departmentId, { leaderId: team.managerId });
    ids.department = team.departmentId;
    [ids.max, ids.cleo, ids.nora] = team.reportIds as [string, string, string];
    const mia = await apiOf(people.mia);
    const max = await apiOf(people.max);
    const cleo = await apiOf(people.cleo);
    const nora = await apiOf(people.nora);

    // Two closed quarters. Max: committed 1.0 then aspirational 1.0; Cleo and Nora land where goals should.
    const past = [
      { key: "older", max: "committed", scores: [1, 0.7, 0.5] },
      { key: "last", max: "aspirational", scores: [1, 0.6, 0.4] },
    ] as const;
    for (const quarter of past) {
      const cycle = await api.cycles.create({ kind: "quarter", ...quarters[quarter.key] });
      ids[quarter.key] = cycle.id;
      const made: Array<{ client: typeof max; id: string; kr: string; score: number }> = [];
      for (const [i, client] of [max, cleo, nora].entries()) {
        const objective = await client.objectives.create({
          cycleId: cycle.id,
          level: "personal",
          kind: i === 0 ? quarter.max : "aspirational",
          ...measured(i === 0 ? titles[quarter.key] : `${titles[quarter.key]} (${i})`),
        });
        await client.objectives.publish(objective.id);
        made.push({
          client,
          id: objective.id,
          kr: objective.keyResults[0]?.id ?? "",
          score: quarter.scores[i] ?? 0,
        });
      }
      for (const phase of ["aligning", "in_progress"] as const)
        await api.cycles.advancePhase(cycle.id, phase);
      // Each checks in where their score will land (today, so no week of that quarter holds a check-in).
      for (const { client, kr, score } of made)
        await client.keyResults.checkIn(kr, { value: score * 10, confidence: 8 });
      if (quarter.key === "last") {
        // Max proposes an initiative under Sales' objective; Cleo backs it, Nora joins, Mia turns it down.
        const parent = await mia.objectives.create({
          cycleId: cycle.id,
          level: "department",
          ownerDepartmentId: ids.department,
          ...measured(zh ? "销售部拿下华东" : "Sales wins the east"),
        });
        await mia.objectives.publish(parent.id);
        const proposal = await max.proposals.create({
          cycleId: cycle.id,
          title: titles.proposal,
          parentObjectiveId: parent.id,
        });
        await cleo.proposals.back(proposal.id);
        await nora.proposals.join(proposal.id);
        await mia.proposals.reject(proposal.id, zh ? "本季度人手不够" : "Not enough hands this quarter");
      }
      await api.cycles.advancePhase(cycle.id, "scoring");
      for (const { client, id, kr, score } of made)
        await client.objectives.score(id, { keyResults: [{ id: kr, selfScore: score }] });
      await api.cycles.advancePhase(cycle.id, "reviewing");
      if (quarter.key === "older") {
        await max.objectives.review(made[0]?.id ?? "", {
          wentWell: zh ? "每家都续上了" : "Every account renewed",
          wentBadly: zh ? "没有" : "Nothing",
          lessons: zh ? "早沟通" : "Talk early",
          nextSteps: zh ? "继续" : "Keep going",
        });
      }
      await api.cycles.advancePhase(cycle.id, "closed");
    }

    // The current quarter, under way: everyone checked in this week (nobody is silent), Mia praised Max.
    const current = await api.cycles.create({ kind: "quarter", ...quarters.current });
    ids.current = current.id;
    const running: Array<{ client: typeof max; kr: string }> = [];
    for (const [i, client] of [max, cleo, nora].entries()) {
      const objective = await client.objectives.create({
        cycleId: current.id,
        level: "personal",
        kind: i === 0 ? "committed" : "aspirational",
        ...measured(i === 0 ? titles.current : `${titles.current} (${i})`),
      });
      await client.objectives.publish(objective.id);
      running.push({ client, kr: objective.keyResults[0]?.id ?? "" });
    }
    for (const phase of ["aligning", "in_progress"] as const)
      await api.cycles.advancePhase(current.id, phase);
    for (const { client, kr } of running) await client.keyResults.checkIn(kr, { value: 3, confidence: 7 });
    await mia.recognitions.create({ toUserIds: [ids.max], message: zh ? "续约推进很稳" : "Steady renewals" });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
  });

  it("takes a leader from a sandbagging flag to the record, onto the grid, and to a final review", async () => {
    const mia = await signedIn(people.mia);
    const page = mia.page;

    // The department page, this quarter: the way into team insights.
    await page.goto(`/departments/${ids.department}?cycle=${ids.current}`);
    await page.getByTestId("department-insights-link").click();
    await page.waitForURL((url) => url.pathname === `/departments/${ids.department}/insights`);
    const insights = new TeamInsightsPage(page);
    await insights.waitForPeople();
    // Max alone is flagged, and only for sandbagging: everyone checked in this week.
    expect(await insights.flagsOf(ids.max)).toEqual(["sandbagging"]);
    expect(await insights.flagsOf(ids.cleo)).toEqual([]);
    expect(await insights.flagsOf(ids.nora)).toEqual([]);
    const flag = insights.flag(ids.max, "sandbagging");
    expect(await flag.textContent()).toBe(mia.text("talent.flag.sandbagging"));
    const evidence = await insights.person(ids.max).getByTestId("flag-evidence").textContent();
    expect(evidence).toContain(quarters.older.name);
    expect(evidence).toContain(quarters.last.name);
    const insightsShot = await mia.screenshotBothWidths("talent-walk-insights");
    expect(insightsShot.phoneOverflow).toBeLessThanOrEqual(0);

    // The flag leads to Max's record: three quarters, newest first, with what each holds.
    await flag.click();
    await page.waitForURL((url) => url.pathname === `/people/${ids.max}`);
    const record = new OkrRecordPage(page);
    await record.waitForCycles();
    await record.root.getByTestId("record-chart").locator("svg").waitFor();
    expect(await record.cycleIds()).toEqual([ids.current, ids.last, ids.older]);
    const counts = (made: number, backed: number, joined: number, accepted: number, spunOff: number) =>
      mia.text("talent.record.proposalCounts", { made, backed, joined, accepted, spunOff });
    const fromApi = (await (await apiOf(people.mia)).people.record(ids.max)).cycles.find(
      (c) => c.cycle.id === ids.current,
    );
    // This quarter: one check-in in the weeks so far, praise from Mia, nothing scored yet.
    expect(fromApi?.checkInRegularity).toBeGreaterThan(0);
    expect(await record.figure(ids.current, "checkIns")).toBe(
      `${Math.round((fromApi?.checkInRegularity ?? 0) * 100)}%`,
    );
    expect(await record.figure(ids.current, "praise")).toBe("1");
    expect(await record.figure(ids.current, "reviews")).toBe("0");
    expect(await record.figure(ids.current, "proposals")).toBe(counts(0, 0, 0, 0, 0));
    expect(await record.cycle(ids.current).getByTestId("record-average").count()).toBe(0);
    expect(await record.cycle(ids.current).getByTestId("record-objective").textContent()).toContain(
      mia.text("talent.record.notScored"),
    );
    // Last quarter: 1.0 on a bet, which reads above what success asks; his proposal, turned down.
    expect(await record.cycle(ids.last).getByTestId("record-average").textContent()).toBe(
      mia.text("talent.record.average", { score: "1.0" }),
    );
    expect(await record.figure(ids.last, "checkIns")).toBe("0%");
    expect(await record.figure(ids.last, "aligned")).toBe("0%");
    expect(await record.figure(ids.last, "proposals")).toBe(counts(1, 0, 0, 0, 0));
    expect(await record.figure(ids.last, "praise")).toBe("0");
    expect(await record.figure(ids.last, "reviews")).toBe("0");
    const lastObjective = record.cycle(ids.last).getByTestId("record-objective");
    expect(await lastObjective.textContent()).toContain(
      mia.text("talent.record.progress", { percent: "100%" }),
    );
    expect(await lastObjective.textContent()).toContain(titles.last);
    expect(await lastObjective.getByTestId("score-reading").getAttribute("data-reading")).toBe("above");
    // The quarter before: a promise kept at 1.0, and its 复盘 written.
    expect(await record.figure(ids.older, "reviews")).toBe("1");
    expect(await record.figure(ids.older, "proposals")).toBe(counts(0, 0, 0, 0, 0));
    expect(await record.cycle(ids.older).getByTestId("record-average").textContent()).toBe(
      mia.text("talent.record.average", { score: "1.0" }),
    );
    const olderObjective = record.cycle(ids.older).getByTestId("record-objective");
    expect(await olderObjective.getByTestId("objective-kind").getAttribute("data-kind")).toBe("committed");
    expect(await olderObjective.getByTestId("score-reading").getAttribute("data-reading")).toBe("success");
    const recordShot = await mia.screenshotBothWidths("talent-walk-record");
    expect(recordShot.phoneOverflow).toBeLessThanOrEqual(0);

    // Back on the department page, a talent review of Sales for this quarter.
    await page.goto(`/departments/${ids.department}?cycle=${ids.current}`);
    await page.getByTestId("department-talent-reviews-link").click();
    await page.waitForURL((url) => url.pathname === "/talent-reviews");
    const review = new TalentReviewPage(page);
    const form = page.getByTestId("talent-review-form");
    await form.waitFor();
    expect(await form.getByTestId("talent-review-department").textContent()).toContain(sales);
    expect(await form.getByTestId("talent-review-cycle").textContent()).toContain(quarters.current.name);
    ids.review = await review.create(titles.review);
    expect(await page.getByTestId("tray-person").count()).toBe(3);

    // Max by drag and drop, resting on his objective of the quarter.
    await review.trayPerson(ids.max).dragTo(review.box(2, 2));
    await review.explain(reasons.max, titles.current);
    await review.placed(ids.max).waitFor();
    // Cleo by tap: the person, then the box.
    await review.trayPerson(ids.cleo).click();
    await page.getByTestId("talent-selected").waitFor();
    await review.box(3, 3).click();
    await review.explain(reasons.cleo);
    await review.placed(ids.cleo).waitFor();
    // Nora by tap on a phone: the grid fits 375 px and still takes a placement.
    await page.setViewportSize(PHONE);
    await review.trayPerson(ids.nora).click();
    await page.getByTestId("talent-selected").waitFor();
    await review.box(2, 3).click();
    await review.explain(reasons.nora);
    await review.placed(ids.nora).waitFor();
    expect(
      await page.evaluate<number>(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      ),
    ).toBeLessThanOrEqual(0);
    await page.setViewportSize(DESKTOP);
    expect(await page.getByTestId("tray-person").count()).toBe(0);
    expect(await review.box(2, 2).getByTestId("placed-person").textContent()).toBe(people.max.name);
    expect(await review.box(3, 3).getByTestId("placed-person").textContent()).toBe(people.cleo.name);
    expect(await review.box(2, 3).getByTestId("placed-person").textContent()).toBe(people.nora.name);
    const placedShot = await mia.screenshotBothWidths("talent-walk-grid");
    expect(placedShot.phoneOverflow).toBeLessThanOrEqual(0);

    await review.advance();
    await review.advance();
    await page.getByTestId("talent-review-frozen").waitFor();
    expect(await page.getByTestId("talent-review-advance").count()).toBe(0);
    const finalShot = await mia.screenshotBothWidths("talent-walk-final");
    expect(finalShot.phoneOverflow).toBeLessThanOrEqual(0);
    const saved = await (await apiOf(people.mia)).talentReviews.get(ids.review);
    expect(saved.status).toBe("final");
    expect(
      saved.placements
        .map((p) => [p.person.id, p.performance, p.potential, p.reason, p.evidence.map((o) => o.title)])
        .sort(),
    ).toEqual(
      [
        [ids.max, 2, 2, reasons.max, [titles.current]],
        [ids.cleo, 3, 3, reasons.cleo, []],
        [ids.nora, 2, 3, reasons.nora, []],
      ].sort(),
    );
    for (const session of sessions) expect(session.errors).toEqual([]);
  });

  it("shows the person placed nothing of the review, in the app or through the API", async () => {
    expect(ids.review).not.toBe("");
    const max = await signedIn(people.max);
    const page = max.page;
    const asked: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (url.includes("/talent-reviews") || url.includes("/insights")) asked.push(url);
    });
    const reviewLinks = page.locator('a[href^="/talent-reviews"]');
    // No way in: not from the home page's navigation, not from his department's page (which asks nothing of it).
    await page.goto("/");
    await new AppShell(page).settle();
    expect(await reviewLinks.count()).toBe(0);
    await page.goto(`/departments/${ids.department}?cycle=${ids.current}`);
    await page.getByTestId("department-members").waitFor();
    await new AppShell(page).settle();
    expect(await reviewLinks.count()).toBe(0);
    expect(await page.getByTestId("department-insights-link").count()).toBe(0);
    expect(asked).toEqual([]);
    // His own record is his, and holds nothing of where he was placed.
    await page.goto(`/people/${ids.max}`);
    await new OkrRecordPage(page).waitForCycles();
    await new AppShell(page).settle();
    expect(await page.locator("body").textContent()).not.toContain(reasons.max);

    // Typed in by hand: the review's address is the 404 page, with nothing of the review on it.
    const answered = page.waitForResponse((r) => r.url().includes(`/api/v1/talent-reviews/${ids.review}`));
    await max.expectingConsoleErrors([/status of 404/], async () => {
      await page.goto(`/talent-reviews/${ids.review}`);
      expect((await answered).status()).toBe(404);
      await page.locator(".ant-result-404").waitFor();
    });
    expect(await page.getByTestId("talent-grid").count()).toBe(0);
    const shown = (await page.locator("body").textContent()) ?? "";
    for (const secret of [titles.review, reasons.max, people.cleo.name, people.nora.name])
      expect(shown).not.toContain(secret);
    const refused = await max.screenshotBothWidths("talent-walk-refused");
    expect(refused.phoneOverflow).toBeLessThanOrEqual(0);
    // The list and the calibration of the quarter are empty for him, with nothing to open.
    await page.goto(`/talent-reviews?cycle=${ids.current}`);
    await page.getByTestId("talent-reviews-title").waitFor();
    await page.locator(".ant-empty").first().waitFor();
    expect(await page.getByTestId("talent-review-row").count()).toBe(0);
    expect(await page.getByTestId("talent-review-new").count()).toBe(0);
    await page.goto(`/talent-reviews/calibration?cycle=${ids.current}`);
    await page.getByTestId("calibration-title").waitFor();
    await new AppShell(page).settle();
    expect(await page.getByTestId("calibration-review").count()).toBe(0);
    expect((await page.locator("body").textContent()) ?? "").not.toContain(people.cleo.name);
    const empty = await max.screenshotBothWidths("talent-walk-calibration-empty");
    expect(empty.phoneOverflow).toBeLessThanOrEqual(0);

    // The API says the same: an empty list, with or without the cycle, and 404 for the review itself.
    const api = await apiOf(people.max);
    expect((await api.talentReviews.list({ cycleId: ids.current })).items).toEqual([]);
    expect((await api.talentReviews.list()).items).toEqual([]);
    const refusal = await api.talentReviews.get(ids.review).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isApiError(refusal) ? [refusal.status, refusal.code] : refusal).toEqual([
      404,
      "talent_review.not_found",
    ]);
    // Nor does anything he is told name it.
    const told = JSON.stringify(await api.notifications.list({ limit: 100 }));
    for (const secret of [ids.review, titles.review, reasons.max]) expect(told).not.toContain(secret);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });
});
