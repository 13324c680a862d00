import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addTeam, apiAs, currentQuarter, setUpCompany } from "./harness/api.ts";
import { launchBrowser, type Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { signInAsNewSession } from "./harness/sign-in.ts";
import { MeetingsPage } from "./page-models/MeetingsPage.ts";
import { QuestionsPage } from "./page-models/QuestionsPage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 9: a leader schedules the team's weekly meeting and finds the KR checked in with confidence 2 first
 * on its agenda (with its latest note), starts it, writes minutes and an action item, walks the agenda in
 * the presenter view with the keyboard and ends the meeting; the action item is on its owner's home, who
 * checks the KR in from the presenter view while the ended meeting's agenda stays as it was. Someone asks
 * the CEO a question anonymously, a colleague votes, the CEO answers, and no one sees who asked. In both
 * languages, at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("meetings in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const zh = language === "zh-CN";
  const domain = `${zh ? "zh" : "en"}.meetings.test`;
  const admin = { email: `admin@${domain}` };
  const people = {
    leader: { email: `mia@${domain}`, name: zh ? "李经理" : "Mia Manager" },
    owner: { email: `max@${domain}`, name: zh ? "张伟" : "Max Miller" },
    asker: { email: `cleo@${domain}`, name: zh ? "陈静" : "Cleo Chen" },
  };
  const department = zh ? "销售部" : "Sales";
  const krTitle = zh ? "续约率从 60% 提升到 80%" : "Renewal rate from 60% to 80%";
  const question = zh ? "明年还会扩招销售吗？" : "Will we hire more sales people next year?";
  const secondKr = zh ? "签下 10 家制造业客户" : "Sign 10 manufacturing customers";
  const lastNote = zh ? "两家大客户还在犹豫" : "Two large accounts are hesitating";
  const actionItem = zh ? "整理续约客户名单" : "List the renewals due";

  const signedIn = (who: { email: string }) =>
    signInAsNewSession(browser, server.baseUrl, language, sessions, { email: who.email, password: PASSWORD });

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const api = await setUpCompany(server.baseUrl, language, { email: admin.email, password: PASSWORD });
    const team = await addTeam(api, {
      department,
      manager: people.leader,
      reports: [people.owner, people.asker],
      password: PASSWORD,
    });
    await api.departments.update(team.departmentId, { leaderId: team.managerId });
    const cycle = await api.cycles.create({ kind: "quarter", ...currentQuarter() });
    const owner = apiAs(server.baseUrl, language);
    await owner.signIn(people.owner.email, PASSWORD);
    const objective = await owner.objectives.create({
      cycleId: cycle.id,
      level: "personal",
      title: zh ? "提升老客户续约率" : "Grow renewals with existing customers",
      keyResults: [{ title: krTitle, type: "percentage", startValue: 60, targetValue: 80 }],
    });
    await owner.objectives.publish(objective.id);
    await api.cycles.advancePhase(cycle.id, "aligning");
    await api.cycles.advancePhase(cycle.id, "in_progress");
    const [kr] = objective.keyResults;
    await owner.keyResults.checkIn(kr?.id ?? "", { value: 61, confidence: 2, note: lastNote });
    // A second KR, at risk, so the presenter has somewhere to move to.
    const asker = apiAs(server.baseUrl, language);
    await asker.signIn(people.asker.email, PASSWORD);
    const second = await asker.objectives.create({
      cycleId: cycle.id,
      level: "personal",
      title: zh ? "拓展新行业客户" : "Win customers in a new industry",
      keyResults: [{ title: secondKr, type: "number", startValue: 0, targetValue: 10 }],
    });
    await asker.objectives.publish(second.id);
    await asker.keyResults.checkIn(second.keyResults[0]?.id ?? "", { value: 1, confidence: 5, note: "" });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
  });

  it("runs a weekly meeting on its generated agenda", async () => {
    const leader = await signedIn(people.leader);
    const meetings = new MeetingsPage(leader.page);
    await meetings.openList();
    await meetings.schedule(zh ? "销售部周会" : "Sales weekly", department, "2030-01-15T10:00");
    expect(await meetings.section("off_track").first().textContent()).toContain(krTitle);
    expect(await meetings.section("missing_check_ins").count()).toBe(0);
    await meetings.start();
    expect(await meetings.status().textContent()).toBe(leader.text("meetings.status.in_progress"));
    await meetings.writeMinutes(
      zh ? "**结论**：本周逐一回访续约客户。" : "**Agreed**: call every renewal this week.",
    );
    expect(await meetings.minutes().locator("strong").textContent()).toBe(zh ? "结论" : "Agreed");
    await meetings.addActionItem(actionItem, people.owner.name);
    await meetings.addAttendees(people.owner.name);
    expect(await meetings.attendees().textContent()).toContain(people.owner.name);
    const first = await meetings.section("off_track").first().textContent();
    expect(first).toContain(krTitle);
    // The KR's latest note and confidence travel with it.
    expect(first).toContain(lastNote);
    const { phoneOverflow } = await leader.screenshotBothWidths("meeting-weekly");
    expect(phoneOverflow).toBeLessThanOrEqual(0);

    // The presenter walks the agenda with the keyboard: → and ← move, Esc leaves.
    await meetings.present();
    expect(await meetings.presented(1)).toBe(krTitle);
    await leader.page.keyboard.press("ArrowRight");
    expect(await meetings.presented(2)).toBe(secondKr);
    await leader.page.getByTestId("presenter-chart").locator("svg").first().waitFor();
    const presenter = await leader.screenshotBothWidths("meeting-presenter");
    expect(presenter.phoneOverflow).toBeLessThanOrEqual(0);
    await leader.page.keyboard.press("ArrowLeft");
    expect(await meetings.presented(1)).toBe(krTitle);
    await leader.page.keyboard.press("Escape");
    await leader.page.getByTestId("meeting-page").waitFor();
    await meetings.end();
    await meetings.openList();
    const list = await leader.screenshotBothWidths("meeting-list");
    expect(list.phoneOverflow).toBeLessThanOrEqual(0);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });

  it("puts the action item on its owner's home, and keeps the ended meeting's agenda as it was", async () => {
    const owner = await signedIn(people.owner);
    const meetings = new MeetingsPage(owner.page);
    const mine = await meetings.myActionItems();
    expect(await mine.first().textContent()).toContain(actionItem);
    const home = await owner.screenshotBothWidths("home-action-items");
    expect(home.phoneOverflow).toBeLessThanOrEqual(0);

    // The owner checks the KR in from the meeting's presenter view: the KR moves, the frozen agenda not.
    await mine.first().getByRole("link").click();
    await owner.page.getByTestId("meeting-page").waitFor();
    await meetings.present();
    expect(await meetings.presented(1)).toBe(krTitle);
    const presenter = await owner.screenshotBothWidths("meeting-presenter-owner");
    expect(presenter.phoneOverflow).toBeLessThanOrEqual(0);
    await meetings.checkInFromPresenter("75", zh ? "会后回访了三家" : "Called three after the meeting");
    await owner.page.keyboard.press("Escape");
    await owner.page.getByTestId("meeting-page").waitFor();
    const frozen = await meetings.section("off_track").first().textContent();
    expect(frozen).toContain(krTitle);
    expect(frozen).toContain("5%");
    expect(frozen).not.toContain("75%");

    // Their calendar feed (they attend the meeting): a secret link made in the profile, shown once.
    await owner.page.goto("/profile");
    await owner.page.getByTestId("calendar-feed-create").click();
    const url = await owner.page.getByTestId("calendar-feed-url").inputValue();
    expect(url).toMatch(/\/api\/v1\/me\/calendar\.ics\?token=cal_/);
    const feed = await owner.page.request.get(url, { headers: { cookie: "" } });
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(await feed.text()).toContain(`SUMMARY:${zh ? "销售部周会" : "Sales weekly"}`);
    const profile = await owner.screenshotBothWidths("profile-calendar");
    expect(profile.phoneOverflow).toBeLessThanOrEqual(0);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });

  it("takes an anonymous question, a vote and the CEO's answer, naming no one", async () => {
    const asker = await signedIn(people.asker);
    const askers = new QuestionsPage(asker.page);
    await askers.open();
    await askers.ask(question, true);
    expect(await askers.question(question).getByTestId("question-author").textContent()).toContain(
      asker.text("questions.anonymousAuthor"),
    );

    const colleague = await signedIn(people.owner);
    const theirs = new QuestionsPage(colleague.page);
    await theirs.open();
    await theirs.vote(question);

    const ceo = await signedIn(admin);
    const ceos = new QuestionsPage(ceo.page);
    await ceos.open();
    const answer = zh ? "会的，明年一季度开始招聘。" : "Yes, hiring starts in the first quarter.";
    await ceos.answer(question, answer);
    expect(await ceos.question(question).getByTestId("question-answer").textContent()).toContain(answer);
    expect(await ceos.question(question).textContent()).not.toContain(people.asker.name);
    const { phoneOverflow } = await ceo.screenshotBothWidths("ceo-questions");
    expect(phoneOverflow).toBeLessThanOrEqual(0);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });
});
