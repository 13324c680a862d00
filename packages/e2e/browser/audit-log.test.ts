import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiAs, setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure, waitForCondition } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AuditLogPage } from "./page-models/AuditLogPage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 15: the audit log. A member signs in, someone fails to sign in as them, the admin makes an API
 * token; the admin opens 管理 → 审计日志, reads each entry by its translated name with the address and the
 * email tried (never a password), and narrows the list by action and by person. In both languages, with
 * pictures at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("the audit log in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const admin = `admin@${language === "zh-CN" ? "zh" : "en"}.acme.test`;
  const member = `lin@${language === "zh-CN" ? "zh" : "en"}.acme.test`;
  const memberName = language === "zh-CN" ? "林晓" : "Lin Xiao";

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const api = await setUpCompany(server.baseUrl, language, { email: admin, password: PASSWORD });
    const [root] = await api.departments.list();
    await api.members.create({
      email: member,
      name: memberName,
      password: PASSWORD,
      role: "member",
      departmentId: root?.id ?? "",
    });
    await apiAs(server.baseUrl, language).signIn(member, PASSWORD);
    const wrong = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: member, password: "a guess that is wrong" }),
    });
    expect(wrong.status).toBe(401);
    await api.auth.createToken(language === "zh-CN" ? "周报脚本" : "weekly report");
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
  });

  it("shows an admin sign-ins, failed sign-ins and tokens, by name, and narrows them", async () => {
    const session = await Session.open(browser, server.baseUrl, language);
    sessions.push(session);
    await new LoginPage(session.page).open();
    await new LoginPage(session.page).signIn(admin, PASSWORD);
    const audit = new AuditLogPage(session.page);
    await audit.open();

    // Newest first: the admin's own sign-in from the browser tops the list.
    await expect.poll(() => audit.entries().first().getAttribute("data-action")).toBe("auth.login");
    await audit
      .entriesOf("token.create")
      .first()
      .getByText(session.text("audit.actions.tokenCreate"))
      .waitFor();
    const failed = audit.entriesOf("auth.login_failed");
    await failed.getByText(session.text("audit.actions.authLoginFailed")).waitFor();
    const failedText = (await failed.textContent()) ?? "";
    expect(failedText).toContain(session.text("audit.email", { email: member }));
    expect(failedText).toContain(session.text("audit.unknownActor"));
    expect(failedText).toMatch(/127\.0\.0\.1/);
    expect(await session.page.content()).not.toContain("a guess that is wrong");
    // A member added carries an email too, which is no attempt: only failed sign-ins show one.
    expect(await audit.entriesOf("member.create").textContent()).not.toContain(
      session.text("audit.email", { email: member }),
    );
    expect((await session.screenshotBothWidths("audit-log")).phoneOverflow).toBeLessThanOrEqual(0);

    await audit.filterByAction(session.text("audit.actions.authLoginFailed"));
    await waitForCondition(
      session.page,
      `[...document.querySelectorAll('[data-testid="audit-entry"]')].every((e) => e.dataset.action === "auth.login_failed")`,
    );
    expect(await audit.entries().count()).toBe(1);
    expect((await session.screenshotBothWidths("audit-log-failed")).phoneOverflow).toBeLessThanOrEqual(0);

    await audit.clearAction();
    await audit.filterByPerson(memberName);
    await waitForCondition(
      session.page,
      `[...document.querySelectorAll('[data-testid="audit-entry"]')].every((e) => e.dataset.action === "auth.login")`,
    );
    expect(await audit.entries().count()).toBe(1);
    expect(await audit.entries().first().textContent()).toContain(memberName);
    expect(session.errors).toEqual([]);
  });
});
