import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addTeam, apiAs, currentQuarter, setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AppShell } from "./page-models/AppShell.ts";
import { EditorPage } from "./page-models/EditorPage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const PASSWORD = "correct horse battery";

/** The calendar quarter `months` months before today's, as a cycle input. */
function quarterBefore(months: number) {
  const day = new Date();
  day.setUTCDate(1);
  day.setUTCMonth(day.getUTCMonth() - months);
  return currentQuarter(day);
}

/*
 * Issue 16, 人才密度: a leader chooses an objective's kind (承诺型 / 挑战型) in the editor; opens team insights
 * for their department, where two quarters of everything scored 1.0 flag a report as sandbagging; follows the
 * flag to the person's OKR record. The person flagged sees no insights link and a 404 for the insights, and a
 * colleague sees nothing of their record. In both languages, at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("talent density in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const zh = language === "zh-CN";
  const domain = `${zh ? "zh" : "en"}.talent.test`;
  const admin = { email: `admin@${domain}` };
  const people = {
    leader: { email: `mia@${domain}`, name: zh ? "李经理" : "Mia Manager" },
    max: { email: `max@${domain}`, name: zh ? "张伟" : "Max Miller" },
    cleo: { email: `cleo@${domain}`, name: zh ? "陈静" : "Cleo Chen" },
  };
  const sales = zh ? "销售部" : "Sales";
  const quarters = { older: quarterBefore(6), last: quarterBefore(3) };
  const ids = { departmentId: "", max: "", older: "", last: "" };

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
    const max = await apiOf(people.max);
    const cleo = await apiOf(people.cleo);
    // Two closed-out quarters: Max scores everything 1.0 in both, Cleo lands where a goal should.
    const scored: Array<[keyof typeof quarters, Array<[typeof max, "committed" | "aspirational", number]>]> =
      [
        [
          "older",
          [
            [max, "committed", 1],
            [cleo, "committed", 0.7],
          ],
        ],
        [
          "last",
          [
            [max, "aspirational", 1],
            [cleo, "aspirational", 0.6],
          ],
        ],
      ];
    for (const [quarter, objectives] of scored) {
      const cycle = await api.cycles.create({ kind: "quarter", ...quarters[quarter] });
      ids[quarter] = cycle.id;
      const made: Array<{ client: typeof max; objectiveId: string; krId: string; score: number }> = [];
      for (const [client, kind, score] of objectives) {
        const objective = await client.objectives.create({
          cycleId: cycle.id,
          level: "personal",
          kind,
          title: zh ? `${quarters[quarter].name} 客户续约` : `${quarters[quarter].name} renewals`,
          keyResults: [
            {
              title: zh ? "续约 10 家" : "Renew 10 accounts",
              type: "number",
              startValue: 0,
              targetValue: 10,
            },
          ],
        });
        await client.objectives.publish(objective.id);
        made.push({ client, objectiveId: objective.id, krId: objective.keyResults[0]?.id ?? "", score });
      }
      for (const phase of ["aligning", "in_progress", "scoring"] as const)
        await api.cycles.advancePhase(cycle.id, phase);
      for (const { client, objectiveId, krId, score } of made) {
        await client.objectives.score(objectiveId, { keyResults: [{ id: krId, selfScore: score }] });
      }
    }
    await api.cycles.create({ kind: "quarter", ...currentQuarter() });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
  });

  it("lets a leader choose an objective's kind in the editor, with the scoring guidance of each", async () => {
    const mia = await signedIn(people.leader);
    const editor = new EditorPage(mia.page);
    await editor.openNew();
    // Aspirational unless chosen otherwise, with what success means for it.
    const guidance = mia.page.getByTestId("editor-kind-guidance");
    expect(await guidance.textContent()).toBe(mia.text("objectiveKind.aspirationalGuidance"));
    await mia.page.getByTestId("editor-kind-committed").click();
    // The guidance follows the form's state, a render after the click.
    await expect.poll(() => guidance.textContent()).toBe(mia.text("objectiveKind.committedGuidance"));
    await editor.fillTitle(zh ? "守住每一家大客户" : "Keep every key account");
    await editor.fillKeyResult(0, {
      title: zh ? "大客户流失从 3 家降到 0" : "Key accounts lost from 3 to 0",
      start: 3,
      target: 0,
    });
    const shot = await mia.screenshotBothWidths("talent-editor-kind");
    expect(shot.phoneOverflow).toBeLessThanOrEqual(0);
    await editor.saveAndWait();
    const tag = mia.page.getByTestId("objective-kind").first();
    expect(await tag.getAttribute("data-kind")).toBe("committed");
    expect(await tag.textContent()).toBe(mia.text("objectiveKind.committed"));
    // Saved as chosen, and shown on the home page's card too.
    const objectiveId = new URL(mia.page.url()).pathname.split("/").pop() ?? "";
    expect((await (await apiOf(people.leader)).objectives.get(objectiveId)).kind).toBe("committed");
    await mia.page.goto("/");
    await mia.page.getByTestId("objective-card").getByTestId("objective-kind").first().waitFor();
    for (const session of sessions) expect(session.errors).toEqual([]);
  });

  it("opens team insights, and follows a sandbagging flag to the person's OKR record", async () => {
    const mia = await signedIn(people.leader);
    await mia.page.goto(`/departments/${ids.departmentId}?cycle=${ids.last}`);
    await mia.page.getByTestId("department-insights-link").click();
    await mia.page.waitForURL((url) => url.pathname === `/departments/${ids.departmentId}/insights`);
    await mia.page.getByTestId("insights-title").waitFor();
    // The last quarter's scores by kind: Max's 1.0 and Cleo's 0.6, both aspirational.
    await mia.page.getByTestId("insights-distribution").locator("svg").waitFor();
    const row = mia.page.locator(`[data-testid="insights-person"][data-user="${ids.max}"]`);
    const flag = row.getByTestId("insights-flag-sandbagging");
    expect(await flag.textContent()).toBe(mia.text("talent.flag.sandbagging"));
    // The evidence: the two quarters it held in.
    const evidence = await row.getByTestId("flag-evidence").textContent();
    expect(evidence).toContain(quarters.older.name);
    expect(evidence).toContain(quarters.last.name);
    expect(await row.getByTestId("insights-average").textContent()).toBe("1.0");
    // Cleo landed where goals should: no flag.
    const cleoRow = mia.page.locator('[data-testid="insights-person"]').filter({ hasText: people.cleo.name });
    expect(await cleoRow.locator('[data-testid^="insights-flag-"]').count()).toBe(0);
    const insights = await mia.screenshotBothWidths("talent-insights");
    expect(insights.phoneOverflow).toBeLessThanOrEqual(0);

    await flag.click();
    await mia.page.waitForURL((url) => url.pathname === `/people/${ids.max}`);
    const record = mia.page.getByTestId("okr-record");
    await record.getByTestId("record-chart").locator("svg").waitFor();
    // Newest first, the two scored quarters (the current one holds nothing of his yet).
    const cycles = record.getByTestId("record-cycle");
    expect(await cycles.count()).toBe(2);
    expect(await cycles.nth(0).textContent()).toContain(quarters.last.name);
    expect(await cycles.nth(1).textContent()).toContain(quarters.older.name);
    const readings = await record
      .getByTestId("score-reading")
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute("data-reading")));
    // 1.0 on an aspirational objective is above what success asks; on a committed one, success.
    expect(readings).toEqual(["above", "success"]);
    expect(await record.getByTestId("record-checkIns").first().textContent()).toContain("0%");
    const person = await mia.screenshotBothWidths("talent-record");
    expect(person.phoneOverflow).toBeLessThanOrEqual(0);

    // The objective's own page reads the score against its kind, next to the scoring form.
    await record.getByTestId("record-objective").first().getByRole("link").click();
    const guidance = mia.page.getByTestId("score-guidance").first();
    await guidance.waitFor();
    expect(await guidance.getByTestId("objective-kind").getAttribute("data-kind")).toBe("aspirational");
    expect(await guidance.textContent()).toContain(mia.text("objectiveKind.aspirationalGuidance"));
    expect(await guidance.getByTestId("score-reading").getAttribute("data-reading")).toBe("above");
    const scoring = await mia.screenshotBothWidths("talent-objective-scoring");
    expect(scoring.phoneOverflow).toBeLessThanOrEqual(0);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });

  it("shows the person flagged no insights, and a colleague nothing of their record", async () => {
    const max = await signedIn(people.max);
    // Nobody is made to ask for what the server would refuse: the department page asks him for no insights.
    const asked: string[] = [];
    max.page.on("request", (request) => {
      if (request.url().includes("/insights") || request.url().includes("/record")) asked.push(request.url());
    });
    await max.page.goto(`/departments/${ids.departmentId}?cycle=${ids.last}`);
    await max.page.getByTestId("department-members").waitFor();
    await new AppShell(max.page).settle();
    expect(await max.page.getByTestId("department-insights-link").count()).toBe(0);
    expect(asked).toEqual([]);
    // Typed in by hand, the insights' address answers 404, and the page says so.
    await max.expectingConsoleErrors([/status of 404/], async () => {
      await max.page.goto(`/departments/${ids.departmentId}/insights?cycle=${ids.last}`);
      await max.page.locator(".ant-result-404").waitFor();
      expect(await max.page.getByTestId("insights-people").count()).toBe(0);
    });
    const refused = await max.screenshotBothWidths("talent-insights-refused");
    expect(refused.phoneOverflow).toBeLessThanOrEqual(0);
    // His own record is his to read.
    await max.page.goto(`/people/${ids.max}`);
    await max.page.getByTestId("okr-record").getByTestId("record-cycle").first().waitFor();

    // A colleague's browser does not even ask for his record, and shows nothing of it; the API refuses it.
    const cleo = await signedIn(people.cleo);
    const cleoAsked: string[] = [];
    cleo.page.on("request", (request) => {
      if (request.url().includes(`/people/${ids.max}/record`)) cleoAsked.push(request.url());
    });
    await cleo.page.goto(`/people/${ids.max}`);
    await cleo.page.getByTestId("person-name").waitFor();
    await new AppShell(cleo.page).settle();
    expect(cleoAsked).toEqual([]);
    expect(await cleo.page.getByTestId("okr-record").count()).toBe(0);
    expect(await cleo.page.locator(".ant-result").count()).toBe(0);
    await cleo.expectingConsoleErrors([/status of 404/], async () => {
      const direct = await cleo.page.evaluate(
        async (url) => (await fetch(url)).status,
        `/api/v1/people/${ids.max}/record`,
      );
      expect(direct).toBe(404);
    });
    for (const session of sessions) expect(session.errors).toEqual([]);
  });
});
