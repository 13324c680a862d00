import { startOidcProvider, type TestOidcProvider } from "@luodi/server/oidc-provider";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type apiAs, setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AdminPage } from "./page-models/AdminPage.ts";
import { AppShell } from "./page-models/AppShell.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const ADMIN_PASSWORD = "correct horse battery";

/*
 * Issue 11, *Real parts*: single sign-on through a real OpenID Connect provider (oidc-provider) on
 * 127.0.0.1. The admin picks the department newcomers join; a new person clicks "Sign in with Keycloak",
 * signs in on the provider's own page, lands in Luodi as a member of that department with their name shown,
 * and signs out. Someone the provider has not verified an email for comes back to the sign-in page with a
 * clear message. Then the admin turns password sign-in off: the page offers single sign-on alone, with the
 * owners' way in kept. In both languages, with pictures at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("single sign-on in %s", (language) => {
  let server: WebServer;
  let provider: TestOidcProvider;
  let browser: Browser;
  let api: ReturnType<typeof apiAs>;
  const sessions: Session[] = [];
  const domain = `${language === "zh-CN" ? "zh" : "en"}.acme.test`;
  const admin = `admin@${domain}`;
  const sales = language === "zh-CN" ? "销售部" : "Sales";
  const newcomer = {
    username: "li.na",
    password: "idp secret 1",
    name: language === "zh-CN" ? "李娜" : "Li Na",
  };
  const open = async () => {
    const session = await Session.open(browser, server.baseUrl, language);
    sessions.push(session);
    return session;
  };
  /** Signs in on the provider's own page and waits to be back in Luodi. */
  const atProvider = async (session: Session, username: string, password: string) => {
    await session.page.waitForURL((url) => url.origin === provider.issuer);
    await session.page.locator('input[name="username"]').fill(username);
    await session.page.locator('input[name="password"]').fill(password);
    await session.page.getByRole("button", { name: "Sign in" }).click();
    await session.page.waitForURL((url) => url.origin === server.baseUrl);
  };

  beforeAll(async () => {
    provider = await startOidcProvider();
    server = await startWebServer({
      config: {
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          name: "Keycloak",
        },
      },
    });
    provider.register(`${server.baseUrl}/api/v1/auth/oidc/callback`);
    provider.accounts.set(newcomer.username, {
      password: newcomer.password,
      email: `li.na@${domain}`,
      emailVerified: true,
      name: newcomer.name,
    });
    provider.accounts.set("unverified", {
      password: "idp secret 2",
      email: admin,
      emailVerified: false,
      name: "Mallory",
    });
    browser = await launchBrowser();
    api = await setUpCompany(server.baseUrl, language, { email: admin, password: ADMIN_PASSWORD });
    const [root] = await api.departments.list();
    await api.departments.create({ name: sales, parentId: root?.id ?? "" });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  it("lets the admin choose the department newcomers join", async () => {
    const session = await open();
    await new LoginPage(session.page).open();
    await new LoginPage(session.page).signIn(admin, ADMIN_PASSWORD);
    await new AdminPage(session.page).open("org");
    await session.page.getByTestId("org-sso").waitFor();
    await session.page.getByTestId("org-sso-department").click();
    await session.page.locator(".ant-select-item-option", { hasText: sales }).click();
    await session.page.getByTestId("org-save").click();
    await session.page.getByText(session.text("admin.org.saved")).waitFor();
    const org = await api.org.get();
    const departments = await api.departments.list();
    expect(org.settings.ssoDefaultDepartmentId).toBe(departments.find((d) => d.name === sales)?.id);
    await session.page.getByTestId("org-sso").scrollIntoViewIfNeeded();
    expect((await session.screenshotBothWidths("sso-org-settings")).phoneOverflow).toBeLessThanOrEqual(0);
    await new AppShell(session.page).signOut();
  });

  it("signs a new person in through the provider, provisioned into that department, then signs them out", async () => {
    const session = await open();
    await session.page.goto("/login");
    const button = session.page.getByTestId("login-sso");
    await button.waitFor();
    expect(await button.textContent()).toContain(session.text("login.sso.button", { name: "Keycloak" }));
    expect((await session.screenshotBothWidths("sso-login")).phoneOverflow).toBeLessThanOrEqual(0);
    await button.click();
    await atProvider(session, newcomer.username, newcomer.password);
    await session.page.getByTestId("user-menu").waitFor();
    expect(await session.page.getByTestId("user-menu").textContent()).toContain(newcomer.name);
    expect(new URL(session.page.url()).pathname).not.toBe("/login");
    const member = (await api.members.list()).find((m) => m.email === `li.na@${domain}`);
    const departments = await api.departments.list();
    expect(member).toMatchObject({ name: newcomer.name, role: "member" });
    expect(member?.departmentId).toBe(departments.find((d) => d.name === sales)?.id);
    await session.screenshotBothWidths("sso-signed-in");
    await new AppShell(session.page).signOut();
    await session.page.getByTestId("login-sso").waitFor();
    const me = await session.page.evaluate<number>(
      "fetch('/api/v1/session').then((r) => r.json()).then((b) => b.signedIn ? 1 : 0)",
    );
    expect(me).toBe(0);
  });

  it("sends someone without a verified email back to sign-in, saying why", async () => {
    const session = await open();
    await session.page.goto("/login");
    await session.page.getByTestId("login-sso").click();
    await atProvider(session, "unverified", "idp secret 2");
    await session.page.waitForURL(/\/login\?ssoError=auth\.sso_email_unverified/);
    await session.page.getByText(session.text("login.sso.errors.sso_email_unverified")).waitFor();
    expect((await session.screenshotBothWidths("sso-unverified")).phoneOverflow).toBeLessThanOrEqual(0);
  });

  it("turns password sign-in off: single sign-on alone, and the owner's password kept", async () => {
    const adminSession = await open();
    await new LoginPage(adminSession.page).open();
    await new LoginPage(adminSession.page).signIn(admin, ADMIN_PASSWORD);
    await new AdminPage(adminSession.page).open("org");
    await adminSession.page.getByTestId("org-password-login-disabled").click();
    await adminSession.page.getByTestId("org-save").click();
    await adminSession.page.getByText(adminSession.text("admin.org.saved")).waitFor();
    expect((await api.org.get()).settings.passwordLoginDisabled).toBe(true);
    await new AppShell(adminSession.page).signOut();

    const session = await open();
    await session.page.goto("/login");
    await session.page.getByTestId("login-sso").waitFor();
    expect(await session.page.locator("#email").count()).toBe(0);
    await session.page.getByText(session.text("login.sso.passwordOff")).waitFor();
    expect((await session.screenshotBothWidths("sso-password-off")).phoneOverflow).toBeLessThanOrEqual(0);
    await session.page.getByTestId("login-owner").click();
    await new LoginPage(session.page).signIn(admin, ADMIN_PASSWORD);
    await session.page.getByTestId("user-menu").waitFor();
  });
});
