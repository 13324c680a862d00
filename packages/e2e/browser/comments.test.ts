import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addTeam, apiAs, currentQuarter, setUpCompany } from "./harness/api.ts";
import { launchBrowser, type Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { signInAsNewSession } from "./harness/sign-in.ts";
import { AppShell } from "./page-models/AppShell.ts";
import { CommentsPanel } from "./page-models/CommentsPanel.ts";
import { ObjectivePage } from "./page-models/ObjectivePage.ts";
import { RecognitionsPage } from "./page-models/RecognitionsPage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 8: talking about OKRs where they live. A member comments on a colleague's objective and KR,
 * mentioning their manager picked from the `@` list; the colleague replies and reacts; the member edits
 * what they wrote; then the colleague praises them (表扬). In both languages, with pictures at 375 px and
 * 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("comments and praise in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const zh = language === "zh-CN";
  const domain = `${zh ? "zh" : "en"}.acme.test`;
  const people = {
    manager: { email: `mia@${domain}`, name: zh ? "李经理" : "Mia Manager" },
    owner: { email: `max@${domain}`, name: zh ? "张伟" : "Max Miller" },
    colleague: { email: `cleo@${domain}`, name: zh ? "陈静" : "Cleo Chen" },
  };
  const objectiveTitle = zh ? "提升老客户续约率" : "Grow renewals with existing customers";
  const krTitle = zh ? "续约率从 60% 提升到 80%" : "Renewal rate from 60% to 80%";
  let objectiveId = "";
  let keyResultId = "";

  const signedIn = (who: { email: string }) =>
    signInAsNewSession(
      browser,
      server.baseUrl,
      language,
      sessions,
      { email: who.email, password: PASSWORD },
      { settle: false },
    );

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
      reports: [people.owner, people.colleague],
      password: PASSWORD,
    });
    const cycle = await admin.cycles.create({ kind: "quarter", ...currentQuarter() });
    const owner = apiAs(server.baseUrl, language);
    await owner.signIn(people.owner.email, PASSWORD);
    const objective = await owner.objectives.create({
      cycleId: cycle.id,
      level: "personal",
      title: objectiveTitle,
      keyResults: [{ title: krTitle, type: "percentage", startValue: 60, targetValue: 80 }],
    });
    objectiveId = objective.id;
    keyResultId = objective.keyResults[0]?.id ?? "";
    await owner.objectives.publish(objectiveId);
    await admin.cycles.advancePhase(cycle.id, "aligning");
    await admin.cycles.advancePhase(cycle.id, "in_progress");
    await owner.keyResults.checkIn(keyResultId, {
      value: 66,
      confidence: 7,
      note: zh ? "本周续约了 3 家客户" : "Three renewals this week",
    });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
  });

  const firstComment = zh ? "进展很快！" : "Great progress!";
  const krComment = zh
    ? "这个续约率是按金额还是按客户数算的？"
    : "Is the renewal rate by revenue or by accounts?";

  it("lets a member comment on a colleague's objective and KR, mentioning the manager from the list", async () => {
    const session = await signedIn(people.colleague);
    await session.page.goto(`/objectives/${objectiveId}`);
    const page = new ObjectivePage(session.page);
    await page.title().waitFor();
    await new AppShell(session.page).settle();

    const panel = CommentsPanel.onObjective(session.page);
    const written = await panel.write(
      [`${firstComment} `, { mention: people.manager.name }, zh ? "请看一下。" : "have a look."],
      firstComment,
    );
    // The mention is a link to the manager's page, never raw `user:` text.
    const mention = written.locator("a.mention");
    expect(await mention.textContent()).toBe(`@${people.manager.name}`);
    expect(await mention.getAttribute("href")).toMatch(/^\/people\//);
    expect(await written.getByTestId("comment-body").textContent()).not.toContain("user:");
    expect((await session.screenshotBothWidths("objective-comments")).phoneOverflow).toBeLessThanOrEqual(0);

    const krPanel = await CommentsPanel.openForKeyResult(session.page, page.keyResult(krTitle));
    await krPanel.write([krComment, " ", { mention: people.owner.name }], krComment);
    expect((await session.screenshotBothWidths("key-result-comments")).phoneOverflow).toBeLessThanOrEqual(0);
    await krPanel.closeDrawer();
    expect(session.errors).toEqual([]);
  });

  it("lets the owner reply and react, and the member edit what they wrote", async () => {
    const owner = await signedIn(people.owner);
    // A notification's link opens the KR's conversation in its drawer, with the member's question.
    await owner.page.goto(`/objectives/${objectiveId}?comments=key_result:${keyResultId}`);
    await new ObjectivePage(owner.page).title().waitFor();
    await owner.page
      .locator(".comments-drawer")
      .getByTestId("comment")
      .filter({ hasText: krComment })
      .waitFor();

    const panel = CommentsPanel.onObjective(owner.page);
    const question = panel.comment(firstComment);
    await question.waitFor();
    await owner.page.locator(".comments-drawer .ant-drawer-close").click();
    const answer = zh ? "谢谢！下周会再推进两家。" : "Thanks! Two more next week.";
    await panel.reply(question, [answer], answer);
    await panel.react(question, "👍");
    expect(await panel.reaction(question, "👍").textContent()).toContain("1");
    // Only the author and admins may edit or delete; the owner of the objective may not.
    expect(await question.getByTestId("comment-edit-start").count()).toBe(0);

    const member = sessions[0] as Session;
    await member.page.reload();
    const mine = CommentsPanel.onObjective(member.page);
    const edited = zh ? "进展很快，继续保持！" : "Great progress, keep it up!";
    const after = await mine.edit(mine.comment(firstComment), edited, edited);
    await after.getByTestId("comment-edited").waitFor();
    expect(await mine.reaction(after, "👍").getAttribute("aria-pressed")).toBe("false");
    await mine.comments().filter({ hasText: answer }).waitFor();
    expect((await member.screenshotBothWidths("comment-thread")).phoneOverflow).toBeLessThanOrEqual(0);
    expect(owner.errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });

  it("lets the owner praise the member for the objective, shown in the feed", async () => {
    const owner = sessions[1] as Session;
    const praise = new RecognitionsPage(owner.page);
    await praise.open();
    const message = zh ? "谢谢你帮忙梳理续约数据！" : "Thanks for untangling the renewal numbers!";
    await praise.give([people.colleague.name], message, objectiveTitle);
    const item = praise.item(message);
    expect(await item.textContent()).toContain(people.colleague.name);
    expect(await item.getByTestId("recognition-link").textContent()).toBe(objectiveTitle);
    expect((await owner.screenshotBothWidths("recognitions")).phoneOverflow).toBeLessThanOrEqual(0);

    // The member finds it on their home page.
    const member = sessions[0] as Session;
    await member.page.goto("/");
    await member.page.getByTestId("praise-card").getByText(message).waitFor();
    expect((await member.screenshotBothWidths("home-praise")).phoneOverflow).toBeLessThanOrEqual(0);
    expect(owner.errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });
});
