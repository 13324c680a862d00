import { linkIn, type MailCapture, startMailCapture } from "@luodi/server/mail-capture";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AdminPage } from "./page-models/AdminPage.ts";
import { AppShell } from "./page-models/AppShell.ts";
import { AcceptInvitationPage, PasswordResetPages } from "./page-models/InvitationPages.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const ADMIN_PASSWORD = "correct horse battery";

/*
 * Issue 13: a new company's first week. An admin invites two people from a pasted list; the invitations
 * go out through a real SMTP server on 127.0.0.1 (smtp-server), which keeps them for the spec to read.
 * One person follows the link the admin copies into a chat and chooses a password; the other accepts by
 * email, forgets the password, and sets a new one through the reset email. In both languages, with
 * pictures at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("invitations and passwords in %s", (language) => {
  let server: WebServer;
  let mail: MailCapture;
  let browser: Browser;
  const sessions: Session[] = [];
  const domain = `${language === "zh-CN" ? "zh" : "en"}.acme.test`;
  const admin = `admin@${domain}`;
  const copied = `lin@${domain}`;
  const emailed = `mo@${domain}`;
  const open = async () => {
    const session = await Session.open(browser, server.baseUrl, language);
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    mail = await startMailCapture();
    server = await startWebServer({ config: { smtpUrl: mail.url } });
    browser = await launchBrowser();
    const api = await setUpCompany(server.baseUrl, language, { email: admin, password: ADMIN_PASSWORD });
    const [root] = await api.departments.list();
    await api.departments.create({
      name: language === "zh-CN" ? "销售部" : "Sales",
      parentId: root?.id ?? "",
    });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
    await mail?.close();
  });

  let links = new Map<string, string>();

  it("lets an admin invite two people from a pasted list, emailed and shown to copy", async () => {
    const session = await open();
    await new LoginPage(session.page).open();
    await new LoginPage(session.page).signIn(admin, ADMIN_PASSWORD);
    const adminPage = new AdminPage(session.page);
    await adminPage.open("members");
    await session.page.getByTestId("member-bulk-invite").click();
    const sales = language === "zh-CN" ? "销售部" : "Sales";
    await session.page
      .getByTestId("bulk-invite-text")
      .fill(
        language === "zh-CN"
          ? `邮箱,姓名,部门,职位\n${copied},林晓,${sales},客户经理\n莫言 <${emailed}>\nnot-an-address`
          : `email,name,department,title\n${copied},Lin Xiao,${sales},Account manager\nMo Yan <${emailed}>\nnot-an-address`,
      );
    await session.page.getByTestId("bulk-invite-preview").locator("tbody tr.ant-table-row").nth(2).waitFor();
    await session.page.getByText(session.text("invitation.bulk.problem.email")).waitFor();
    await session.page.getByText(session.text("invitation.bulk.send", { count: 2 })).waitFor();
    expect((await session.screenshotBothWidths("bulk-invite")).phoneOverflow).toBeLessThanOrEqual(0);

    links = await adminPage.sendInvitations();
    expect([...links.keys()].sort()).toEqual([copied, emailed].sort());
    await session.page.getByText(session.text("invitation.links.allEmailed")).waitFor();
    expect((await session.screenshotBothWidths("invitation-links")).phoneOverflow).toBeLessThanOrEqual(0);
    await adminPage.closeLinks();
    await adminPage.memberRow(copied).waitFor();
    await adminPage.memberRow(emailed).waitFor();

    // Both emails arrived, in the organization's language, with the same one-time link.
    for (const to of [copied, emailed]) {
      const email = await mail.next(to);
      expect(linkIn(email, "invite")).toBe(links.get(to));
      expect(email.subject).toContain(
        language === "zh-CN" ? "邀请你加入「星河科技」" : "invited you to Acme",
      );
      expect(email.html).toContain(`href="${links.get(to)}"`);
    }
    expect(session.errors).toEqual([]);
  });

  it("signs in the first through the link sent in a chat, with the password they choose", async () => {
    const session = await open();
    const accept = new AcceptInvitationPage(session.page);
    await accept.open(links.get(copied) ?? "");
    expect(await accept.heading()).toBe(
      session.text("invitation.title", { organization: language === "zh-CN" ? "星河科技" : "Acme" }),
    );
    expect((await session.screenshotBothWidths("accept-invitation")).phoneOverflow).toBeLessThanOrEqual(0);
    await accept.accept("Lanterns over the river 7");
    await new AppShell(session.page).settle();
    await session.page.getByRole("heading", { name: session.text("home.title") }).waitFor();
    // The link is spent: opening it again says so.
    await session.page.goto(links.get(copied) ?? "");
    await session.page.getByTestId("invitation-invalid").waitFor();
    expect(session.errors.filter((e) => !/404/.test(e))).toEqual([]);
  });

  it("lets the second accept by email, forget the password, and set a new one through the reset email", async () => {
    const session = await open();
    const accept = new AcceptInvitationPage(session.page);
    await accept.open(links.get(emailed) ?? "");
    await accept.accept("Paper boats in April 9");
    await session.page.getByRole("heading", { name: session.text("home.title") }).waitFor();
    await new AppShell(session.page).signOut();

    const reset = new PasswordResetPages(session.page);
    await session.page.getByTestId("forgot-password").waitFor();
    expect((await session.screenshotBothWidths("login-forgot")).phoneOverflow).toBeLessThanOrEqual(0);
    await reset.request(emailed);
    expect((await session.screenshotBothWidths("reset-requested")).phoneOverflow).toBeLessThanOrEqual(0);
    const email = await mail.next(emailed);
    expect(email.subject).toBe(
      language === "zh-CN" ? "设置新的落地登录密码" : "Set a new password for Luodi",
    );
    await reset.openLink(linkIn(email, "reset-password"));
    expect((await session.screenshotBothWidths("reset-password")).phoneOverflow).toBeLessThanOrEqual(0);
    await reset.setPassword("Kites above the harbour 42");
    await session.page.getByRole("heading", { name: session.text("home.title") }).waitFor();

    // From now on the new password signs in, the old one does not.
    await new AppShell(session.page).signOut();
    const login = new LoginPage(session.page);
    await login.fill(emailed, "Paper boats in April 9");
    await session.page.getByTestId("login-submit").click();
    await session.page.getByTestId("form-error").waitFor();
    await login.signIn(emailed, "Kites above the harbour 42");
    expect(session.errors.filter((e) => !/401/.test(e))).toEqual([]);
  });

  it("lets an admin reset a member's password and copy the link", async () => {
    const session = sessions[0] as Session;
    const adminPage = new AdminPage(session.page);
    await adminPage.open("members");
    const url = await adminPage.resetPassword(copied);
    expect(url).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);
    expect((await session.screenshotBothWidths("reset-link")).phoneOverflow).toBeLessThanOrEqual(0);
    await adminPage.closeLinks();
    // The member sets a new one with it at their next sign-in.
    const member = await open();
    const reset = new PasswordResetPages(member.page);
    await reset.openLink(url);
    await reset.setPassword("Second spring lanterns 8");
  });
});
