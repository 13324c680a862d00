import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addTeam, apiAs, currentQuarter, setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AppShell } from "./page-models/AppShell.ts";
import { LoginPage } from "./page-models/LoginPage.ts";
import { ObjectivePage } from "./page-models/ObjectivePage.ts";
import { ProposalsPage } from "./page-models/ProposalsPage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 10, 赛马: two people propose for the same company KR from the board; colleagues back and join; the
 * CEO accepts one and rejects the other with a reason; check-ins move the race view; the winner is spun
 * off into a department of its own, which the department tree, the members' pages and the alignment map
 * show at once, and the moved objective keeps its check-ins. In both languages, at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("horse racing in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const zh = language === "zh-CN";
  const domain = `${zh ? "zh" : "en"}.proposals.test`;
  const admin = { email: `admin@${domain}` };
  const people = {
    leader: { email: `mia@${domain}`, name: zh ? "李经理" : "Mia Manager" },
    max: { email: `max@${domain}`, name: zh ? "张伟" : "Max Miller" },
    cleo: { email: `cleo@${domain}`, name: zh ? "陈静" : "Cleo Chen" },
    dan: { email: `dan@${domain}`, name: zh ? "刘洋" : "Dan Diaz" },
    fay: { email: `fay@${domain}`, name: zh ? "赵芳" : "Fay Fox" },
  };
  const companyKr = zh ? "年度经常性收入从 1000 万提升到 2000 万" : "ARR from 10M to 20M";
  const winner = zh ? "通过渠道伙伴赢回中型客户" : "Win back mid-size customers through partners";
  const loser = zh ? "推出面向小微企业的免费版" : "Launch a free tier for small businesses";
  const rival = zh ? "开拓东南亚市场" : "Open the Southeast Asian market";
  const squad = zh ? "渠道增长组" : "Partner Growth";
  const sales = zh ? "销售部" : "Sales";
  const reason = zh
    ? "免费版会拖累收入，本季度不做。"
    : "A free tier would drag revenue down; not this quarter.";
  const notes = {
    first: zh ? "签下首批两家渠道伙伴" : "Signed the first two partners",
    second: zh ? "渠道带来 12 家客户" : "Partners brought 12 customers",
  };
  const ids = { companyKrId: "", winnerId: "", loserId: "", rivalId: "", departmentId: "" };
  const userIds = { max: "", dan: "" };

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
  /** Checks in the first KR of the objective a proposal became, as its proposer. */
  const checkIn = async (who: { email: string }, proposalId: string, value: number, note: string) => {
    const client = await apiOf(who);
    const proposal = await client.proposals.get(proposalId);
    const objective = await client.objectives.get(proposal.objectiveId ?? "");
    await client.keyResults.checkIn(objective.keyResults[0]?.id ?? "", { value, confidence: 7, note });
  };

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const api = await setUpCompany(server.baseUrl, language, { email: admin.email, password: PASSWORD });
    const team = await addTeam(api, {
      department: sales,
      manager: people.leader,
      reports: [people.max, people.cleo, people.dan, people.fay],
      password: PASSWORD,
    });
    await api.departments.update(team.departmentId, { leaderId: team.managerId });
    userIds.max = team.reportIds[0] ?? "";
    userIds.dan = team.reportIds[2] ?? "";
    const cycle = await api.cycles.create({ kind: "quarter", ...currentQuarter() });
    const company = await api.objectives.create({
      cycleId: cycle.id,
      level: "company",
      title: zh ? "收入翻一番" : "Double our revenue",
      keyResults: [{ title: companyKr, type: "number", startValue: 10, targetValue: 20, unit: "M" }],
    });
    await api.objectives.publish(company.id);
    ids.companyKrId = company.keyResults[0]?.id ?? "";
    await api.cycles.advancePhase(cycle.id, "aligning");
    await api.cycles.advancePhase(cycle.id, "in_progress");
    // A third horse, through the API: it runs against the winner on the race view.
    const fay = await apiOf(people.fay);
    const third = await fay.proposals.create({
      cycleId: cycle.id,
      title: rival,
      parentKeyResultId: ids.companyKrId,
      keyResults: [
        {
          title: zh ? "东南亚签约 10 家客户" : "Sign 10 customers in Southeast Asia",
          type: "number",
          startValue: 0,
          targetValue: 10,
        },
      ],
    });
    ids.rivalId = third.id;
    await api.proposals.accept(third.id);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
  });

  it("takes two proposals for the same company KR from the board, with the coach's review", async () => {
    const max = await signedIn(people.max);
    const board = new ProposalsPage(max.page);
    await board.openBoard();
    await board.fill({
      title: winner,
      parentKr: companyKr,
      pitch: zh ? "**渠道**是最快的增长路径。" : "**Partners** are the fastest way to grow.",
      kr: {
        title: zh ? "渠道带来的客户从 0 增加到 40 家" : "Customers from partners from 0 to 40",
        start: 0,
        target: 40,
      },
    });
    // The coach reads the draft as it is typed: one KR alone rides on a single number.
    await max.page.getByTestId("coach-set").getByTestId("coach-hint").first().waitFor();
    const draft = await max.screenshotBothWidths("proposal-new");
    expect(draft.phoneOverflow).toBeLessThanOrEqual(0);
    ids.winnerId = await board.submit();
    expect(await max.page.getByTestId("proposal-pitch-html").locator("strong").textContent()).toBe(
      zh ? "渠道" : "Partners",
    );
    expect(await board.status().getAttribute("data-status")).toBe("open");
    await max.page.getByTestId("proposal-coach").getByTestId("coach-score").waitFor();
    const form = await max.screenshotBothWidths("proposal-open");
    expect(form.phoneOverflow).toBeLessThanOrEqual(0);

    const cleo = await signedIn(people.cleo);
    const theirs = new ProposalsPage(cleo.page);
    await theirs.openBoard();
    ids.loserId = await theirs.propose({
      title: loser,
      parentKr: companyKr,
      pitch: zh ? "先用免费版获客。" : "Win users with a free tier first.",
      kr: {
        title: zh ? "免费版注册用户从 0 增加到 5000" : "Free sign-ups from 0 to 5,000",
        start: 0,
        target: 5000,
      },
    });
    await theirs.openBoard();
    // All three serve the same KR: one group, with the way to its race.
    const group = cleo.page.getByTestId("proposal-group").filter({ hasText: companyKr });
    // The board loads after the page shows: wait for its cards before counting them.
    await group.getByTestId("proposal-card").nth(2).waitFor();
    expect(await group.getByTestId("proposal-card").count()).toBe(3);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });

  it("lets colleagues back and join, and the CEO accept one and reject the other with a reason", async () => {
    const dan = await signedIn(people.dan);
    const board = new ProposalsPage(dan.page);
    await board.openBoard();
    await board.act(winner, "back", "proposal-unback");
    await board.act(winner, "join", "proposal-leave");
    await board.act(loser, "back", "proposal-unback");
    expect(await board.card(winner).getByTestId("proposal-backers").textContent()).toContain("1");
    expect(await board.card(winner).getByTestId("proposal-team").textContent()).toContain(people.dan.name);
    const shot = await dan.screenshotBothWidths("proposal-board");
    expect(shot.phoneOverflow).toBeLessThanOrEqual(0);

    const ceo = await signedIn(admin);
    const theirs = new ProposalsPage(ceo.page);
    // The header keeps every entry in view with 赛马 added: 1440 px in English, 1366 px in Chinese.
    await ceo.page.setViewportSize({ width: zh ? 1366 : 1440, height: 900 });
    await ceo.page.getByTestId("nav-proposals").waitFor();
    expect(await new AppShell(ceo.page).navItemsOutOfView()).toEqual([]);
    await ceo.page.setViewportSize({ width: 1440, height: 900 });
    await theirs.openProposal(ids.winnerId);
    await theirs.accept();
    await ceo.page.getByTestId("proposal-objective-link").first().waitFor();
    expect(await ceo.page.getByTestId("proposal-decision").textContent()).toContain(
      zh ? "王总" : "Olivia Owner",
    );
    await theirs.openProposal(ids.loserId);
    await theirs.reject(reason);
    expect(await ceo.page.getByTestId("proposal-decision-reason").textContent()).toContain(reason);
    const rejected = await ceo.screenshotBothWidths("proposal-rejected");
    expect(rejected.phoneOverflow).toBeLessThanOrEqual(0);
    // Decided: no more backing, joining or deciding on either.
    expect(await ceo.page.getByTestId("proposal-accept").count()).toBe(0);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });

  it("moves the race view with check-ins", async () => {
    await checkIn(people.max, ids.winnerId, 10, notes.first);
    await checkIn(people.fay, ids.rivalId, 4, "");
    const ceo = await signedIn(admin);
    const race = new ProposalsPage(ceo.page);
    await race.openRace(ids.companyKrId);
    // Rejected proposals leave the race; the two accepted ones run: 4/10 = 40 % leads 10/40 = 25 %.
    expect(await race.leaderboard()).toEqual([
      { rank: "1", title: rival, progress: "40%" },
      { rank: "2", title: winner, progress: "25%" },
    ]);
    await checkIn(people.max, ids.winnerId, 30, notes.second);
    await race.openRace(ids.companyKrId);
    expect(await race.leaderboard()).toEqual([
      { rank: "1", title: winner, progress: "75%" },
      { rank: "2", title: rival, progress: "40%" },
    ]);
    expect(await ceo.page.getByTestId("race-chart").locator("svg path").count()).toBeGreaterThan(0);
    const shot = await ceo.screenshotBothWidths("race-view");
    expect(shot.phoneOverflow).toBeLessThanOrEqual(0);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });

  it("spins the winner off into a department that the org, the people and the map show at once", async () => {
    const ceo = await signedIn(admin);
    const proposals = new ProposalsPage(ceo.page);
    await proposals.openProposal(ids.winnerId);
    // A name that exists is refused next to the field, in the caller's language, and nothing changes.
    await ceo.expectingConsoleErrors([/status of 409/], async () => {
      await proposals.trySpinOff(sales);
      await proposals.spinOffNameError().waitFor();
    });
    expect(await proposals.spinOffNameError().textContent()).toContain(sales);
    expect(await ceo.page.getByTestId("proposal-department-link").count()).toBe(0);
    ids.departmentId = await proposals.spinOff(squad);
    expect(ids.departmentId).not.toBe("");
    const spun = await ceo.screenshotBothWidths("proposal-spun-off");
    expect(spun.phoneOverflow).toBeLessThanOrEqual(0);

    // The department page: led by the proposer, with the team that moved.
    await ceo.page.getByTestId("proposal-department-link").click();
    await ceo.page.waitForURL((url) => url.pathname === `/departments/${ids.departmentId}`);
    const members = ceo.page.getByTestId("department-members");
    await members.getByText(people.max.name).waitFor();
    await members.getByText(people.dan.name).waitFor();

    // The department tree on the company page.
    await ceo.page.goto("/company");
    await ceo.page.getByTestId("department-nav").getByText(squad).waitFor();

    // The members' pages: their department, and the proposal on their record.
    await ceo.page.goto(`/people/${userIds.max}`);
    await ceo.page.getByTestId("person-proposals").waitFor();
    expect(await ceo.page.locator(`a[href="/departments/${ids.departmentId}"]`).count()).toBeGreaterThan(0);
    await ceo.page.getByTestId("person-proposals-made").getByText(winner).waitFor();
    await ceo.page.getByTestId("person-proposals-tab-spun_off").click();
    await ceo.page.getByTestId("person-proposals-spun_off").getByText(winner).waitFor();
    const person = await ceo.screenshotBothWidths("person-initiatives");
    expect(person.phoneOverflow).toBeLessThanOrEqual(0);
    await ceo.page.goto(`/people/${userIds.dan}`);
    await ceo.page.getByTestId("person-proposals").waitFor();
    expect(await ceo.page.locator(`a[href="/departments/${ids.departmentId}"]`).count()).toBeGreaterThan(0);
    // Dan moved with the team: the proposer is his manager now.
    expect(await ceo.page.locator(".ant-descriptions").first().textContent()).toContain(people.max.name);
    await ceo.page.getByTestId("person-proposals-tab-joined").click();
    await ceo.page.getByTestId("person-proposals-joined").getByText(winner).waitFor();

    // The alignment map: the initiative is now the new department's objective, still under the company's.
    await ceo.page.goto(`/alignment-map?department=${ids.departmentId}`);
    const node = ceo.page.getByTestId("map-node").filter({ hasText: winner });
    await node.waitFor();
    expect(await node.textContent()).toContain(squad);

    // The moved objective keeps its history: both check-ins are still there.
    const proposal = await (await apiOf(admin)).proposals.get(ids.winnerId);
    await ceo.page.goto(`/objectives/${proposal.objectiveId}`);
    const objective = new ObjectivePage(ceo.page);
    await objective.timeline().getByText(notes.first).waitFor();
    await objective.timeline().getByText(notes.second).waitFor();
    for (const session of sessions) expect(session.errors).toEqual([]);
  });
});
