import { type ChatReceiver, startChatReceiver } from "@luodi/server/chat-receivers";
import { type MailCapture, startMailCapture } from "@luodi/server/mail-capture";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addTeam, apiAs, currentQuarter, setUpCompany } from "./harness/api.ts";
import { launchBrowser, type Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { signInAsNewSession } from "./harness/sign-in.ts";
import { CommentsPanel } from "./page-models/CommentsPanel.ts";
import { NotificationBell } from "./page-models/NotificationBell.ts";
import { ObjectivePage } from "./page-models/ObjectivePage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 8, done when: a member comments on a colleague's KR mentioning the manager; the manager's open page
 * shows the notification live, without a reload; the email reaches a real SMTP server on 127.0.0.1 and the
 * Feishu card a local receiver that checks Feishu's signature. Then the manager follows the notification to
 * the conversation and chooses what reaches them. In both languages, with pictures at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("notifications in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  let mail: MailCapture;
  let feishu: ChatReceiver;
  const sessions: Session[] = [];
  const zh = language === "zh-CN";
  const domain = `${zh ? "zh" : "en"}.notify.test`;
  const people = {
    manager: { email: `mia@${domain}`, name: zh ? "李经理" : "Mia Manager" },
    owner: { email: `max@${domain}`, name: zh ? "张伟" : "Max Miller" },
    colleague: { email: `cleo@${domain}`, name: zh ? "陈静" : "Cleo Chen" },
  };
  const objectiveTitle = zh ? "提升老客户续约率" : "Grow renewals with existing customers";
  const krTitle = zh ? "续约率从 60% 提升到 80%" : "Renewal rate from 60% to 80%";
  const question = zh ? "这个续约率是按金额算的吗？" : "Is the renewal rate by revenue?";
  let objectiveId = "";

  const signedIn = (who: { email: string }) =>
    signInAsNewSession(browser, server.baseUrl, language, sessions, { email: who.email, password: PASSWORD });

  beforeAll(async () => {
    mail = await startMailCapture();
    feishu = await startChatReceiver("feishu", "group-secret");
    server = await startWebServer({ config: { smtpUrl: mail.url, allowPrivateWebhooks: true } });
    browser = await launchBrowser();
    const admin = await setUpCompany(server.baseUrl, language, {
      email: `admin@${domain}`,
      password: PASSWORD,
    });
    const team = await addTeam(admin, {
      department: zh ? "销售部" : "Sales",
      manager: people.manager,
      reports: [people.owner, people.colleague],
      password: PASSWORD,
    });
    await admin.integrations.create({
      kind: "feishu",
      name: zh ? "销售部群" : "Sales group",
      webhookUrl: feishu.url,
      secret: "group-secret",
      departmentId: team.departmentId,
      events: ["mention", "comment"],
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
    await owner.objectives.publish(objectiveId);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
    await feishu?.close();
    await mail?.close();
  });

  it("shows the manager a mention live, and sends the email and the signed Feishu card", async () => {
    const manager = await signedIn(people.manager);
    const bell = new NotificationBell(manager.page);
    await bell.waitForUnread(0);

    const member = await signedIn(people.colleague);
    await member.page.goto(`/objectives/${objectiveId}`);
    const objectivePage = new ObjectivePage(member.page);
    await objectivePage.title().waitFor();
    const panel = await CommentsPanel.openForKeyResult(member.page, objectivePage.keyResult(krTitle));
    await panel.write([question, " ", { mention: people.manager.name }], question);

    // The manager's page, untouched since it loaded, counts it and shows it.
    await bell.waitForUnread(1);
    const toast = manager.page.locator(".notification-toast");
    await toast.waitFor();
    const headline = zh
      ? `${people.colleague.name} 在「${krTitle}」中提到了你`
      : `${people.colleague.name} mentioned you on “${krTitle}”`;
    expect(await toast.textContent()).toContain(headline);
    expect((await manager.screenshotBothWidths("notification-live")).phoneOverflow).toBeLessThanOrEqual(0);

    const email = await mail.next(people.manager.email, 15_000);
    expect(email.subject).toBe(headline);
    expect(email.text).toContain(question);
    const [card] = await feishu.waitFor(1, 15_000);
    expect(card?.verdict).toBe("ok");
    expect(JSON.stringify(card?.body)).toContain(people.manager.name);
    expect(JSON.stringify(card?.body)).toContain(question);
    expect(manager.errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });

  it("takes the manager from the bell to the conversation, and reads it", async () => {
    const manager = sessions[0] as Session;
    const bell = new NotificationBell(manager.page);
    // On a phone, the header's own bell opens the same list, within the screen.
    await manager.page.setViewportSize({ width: 375, height: 812 });
    expect(await (await bell.open()).count()).toBe(1);
    await manager.screenshot("notification-list");
    expect(
      await manager.page.evaluate<number>(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      ),
    ).toBeLessThanOrEqual(0);
    await manager.page.setViewportSize({ width: 1440, height: 900 });
    const items = await bell.open();
    expect(await items.count()).toBe(1);
    await manager.screenshot("notification-list");
    await bell.follow(items.first());
    await manager.page
      .locator(".comments-drawer")
      .getByTestId("comment")
      .filter({ hasText: question })
      .waitFor();
    await bell.waitForUnread(0);
  });

  it("lets the manager switch email off for mentions and set quiet hours", async () => {
    const manager = sessions[0] as Session;
    await manager.page.goto("/profile#notifications");
    const settings = manager.page.getByTestId("notification-settings");
    await settings.waitFor();
    const mentionEmail = settings.getByTestId("setting-mention-email");
    await mentionEmail.click();
    // The box follows the saved settings: it clears once the server has them.
    await expect.poll(() => mentionEmail.isChecked(), { timeout: 10_000 }).toBe(false);
    // The bell of a mention cannot be switched off.
    expect(await settings.getByTestId("setting-mention-inApp").isDisabled()).toBe(true);
    await settings.getByTestId("quiet-hours-switch").click();
    await settings.getByTestId("quiet-hours-start").waitFor();
    await settings.getByTestId("quiet-hours-start").scrollIntoViewIfNeeded();
    expect((await manager.screenshotBothWidths("notification-settings")).phoneOverflow).toBeLessThanOrEqual(
      0,
    );
    const saved = apiAs(server.baseUrl, language);
    await saved.signIn(people.manager.email, PASSWORD);
    const answer = await saved.notifications.settings();
    expect(answer.kinds.mention.email).toBe(false);
    expect(answer.quietHours).toEqual({ start: "22:00", end: "08:00" });
    expect(manager.errors).toEqual([]);
  });
});
