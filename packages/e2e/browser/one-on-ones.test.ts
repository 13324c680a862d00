import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addTeam, apiAs, currentQuarter, setUpCompany } from "./harness/api.ts";
import { launchBrowser, type Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { signInAsNewSession } from "./harness/sign-in.ts";
import { OneOnOnePage } from "./page-models/OneOnOnePage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 8, item 2 (一对一): a manager schedules a 1:1 with a report, puts one of the report's KRs on the
 * agenda and sees its latest check-in note, writes shared notes and a private note; the report sees the
 * shared notes and never the manager's private note. In both languages, at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("1:1s in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const zh = language === "zh-CN";
  const domain = `${zh ? "zh" : "en"}.one-on-one.test`;
  const people = {
    manager: { email: `mia@${domain}`, name: zh ? "李经理" : "Mia Manager" },
    report: { email: `rob@${domain}`, name: zh ? "张伟" : "Rob Report" },
  };
  const krTitle = zh ? "续约率从 60% 提升到 80%" : "Renewal rate from 60% to 80%";
  const checkInNote = zh
    ? "两家大客户已口头同意续约，合同下周签。"
    : "Two big accounts agreed to renew; contracts next week.";
  const shared = zh
    ? "约定：周五前把续约方案发给法务。"
    : "Agreed: send the renewal offer to legal by Friday.";
  const secret = zh
    ? "张伟最近压力很大，下次多聊聊工作量。"
    : "Rob seems stretched; ask about workload next time.";
  const topic = zh ? "下季度想转做大客户" : "Moving to enterprise accounts next quarter";

  const signedIn = (who: { email: string }) =>
    signInAsNewSession(browser, server.baseUrl, language, sessions, { email: who.email, password: PASSWORD });

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const admin = await setUpCompany(server.baseUrl, language, {
      email: `admin@${domain}`,
      password: PASSWORD,
    });
    await addTeam(admin, {
      department: zh ? "销售部" : "Sales",
      manager: people.manager,
      reports: [people.report],
      password: PASSWORD,
    });
    const cycle = await admin.cycles.create({ kind: "quarter", ...currentQuarter() });
    const report = apiAs(server.baseUrl, language);
    await report.signIn(people.report.email, PASSWORD);
    const objective = await report.objectives.create({
      cycleId: cycle.id,
      level: "personal",
      title: zh ? "提升老客户续约率" : "Grow renewals with existing customers",
      keyResults: [{ title: krTitle, type: "percentage", startValue: 60, targetValue: 80 }],
    });
    await report.objectives.publish(objective.id);
    await admin.cycles.advancePhase(cycle.id, "aligning");
    await admin.cycles.advancePhase(cycle.id, "in_progress");
    const [kr] = objective.keyResults;
    await report.keyResults.checkIn(kr?.id ?? "", { value: 66, confidence: 7, note: checkInNote });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
  });

  it("lets the manager prepare a 1:1 and the report read its shared notes, never the private one", async () => {
    const manager = await signedIn(people.manager);
    const oneOnOne = new OneOnOnePage(manager.page);
    await oneOnOne.openList();
    await oneOnOne.schedule(people.report.name, "2030-01-15T10:00", zh ? "每周沟通" : "Weekly");
    await oneOnOne.addKeyResult(krTitle);
    expect(await oneOnOne.agendaKr(krTitle).getByTestId("agenda-kr-note").textContent()).toBe(checkInNote);
    await oneOnOne.addTopic(topic);
    await oneOnOne.writeSharedNotes(shared);
    await oneOnOne.writePrivateNote(secret);
    await oneOnOne.addActionItem(zh ? "整理续约方案" : "Draft the renewal offer", people.report.name);
    expect(await manager.page.getByTestId("private-hint").textContent()).toBe(
      manager.text("oneOnOnes.private.hint"),
    );
    const { phoneOverflow } = await manager.screenshotBothWidths("one-on-one-manager");
    expect(phoneOverflow).toBeLessThanOrEqual(0);

    const report = await signedIn(people.report);
    const theirs = new OneOnOnePage(report.page);
    await theirs.openFirst();
    expect(await theirs.sharedNotes().textContent()).toContain(shared);
    expect(await theirs.agendaKr(krTitle).getByTestId("agenda-kr-note").textContent()).toBe(checkInNote);
    expect(await theirs.privateNote().inputValue()).toBe("");
    expect(await report.page.locator("body").textContent()).not.toContain(secret);
    await theirs.openList();
    const list = await report.screenshotBothWidths("one-on-one-list");
    expect(list.phoneOverflow).toBeLessThanOrEqual(0);
    await theirs.openFirst();
    const detail = await report.screenshotBothWidths("one-on-one-report");
    expect(detail.phoneOverflow).toBeLessThanOrEqual(0);
    for (const session of sessions) expect(session.errors).toEqual([]);
  });
});
