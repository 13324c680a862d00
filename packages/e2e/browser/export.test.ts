import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiAs, setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 11, data out: from the dashboard a member downloads the cycle's OKRs as Excel; the appraisal for HR
 * is offered to admins only. In both languages.
 */
describe.each(["zh-CN", "en"] as const)("exporting a cycle in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const admin = `admin@${language === "zh-CN" ? "zh" : "en"}.export.test`;
  const member = `kai@${language === "zh-CN" ? "zh" : "en"}.export.test`;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const api = await setUpCompany(server.baseUrl, language, { email: admin, password: PASSWORD });
    const [root] = await api.departments.list();
    await api.members.create({
      email: member,
      name: language === "zh-CN" ? "凯文" : "Kai",
      password: PASSWORD,
      role: "member",
      departmentId: root?.id ?? "",
    });
    const cycle = await api.cycles.create({
      name: "2027 Q2",
      kind: "quarter",
      startDate: "2027-04-01",
      endDate: "2027-06-30",
    });
    const kai = apiAs(server.baseUrl, language);
    await kai.signIn(member, PASSWORD);
    await kai.objectives.create({
      cycleId: cycle.id,
      level: "personal",
      title: language === "zh-CN" ? "续约全部落地" : "Every renewal lands",
      keyResults: [
        {
          title: language === "zh-CN" ? "续约客户从 0 增加到 10 家" : "Renewals from 0 to 10",
          type: "number",
          startValue: "0",
          targetValue: "10",
        },
      ],
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

  it("lets a member download the cycle as Excel, and offers the appraisal to admins only", async () => {
    const session = await Session.open(browser, server.baseUrl, language);
    sessions.push(session);
    const login = new LoginPage(session.page);
    await login.open();
    await login.signIn(member, PASSWORD);
    await session.page.goto("/dashboard");
    await session.page.getByTestId("export-menu").click();
    await session.page.getByTestId("export-xlsx").waitFor();
    expect(await session.page.getByTestId("export-appraisal-xlsx").count()).toBe(0);
    await session.screenshot("export-menu");
    const [download] = await Promise.all([
      session.page.waitForEvent("download"),
      session.page.getByTestId("export-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const bytes = await readFile(path);
    // An xlsx file is a zip archive.
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.length).toBeGreaterThan(2000);

    const adminSession = await Session.open(browser, server.baseUrl, language);
    sessions.push(adminSession);
    const adminLogin = new LoginPage(adminSession.page);
    await adminLogin.open();
    await adminLogin.signIn(admin, PASSWORD);
    await adminSession.page.goto("/dashboard");
    await adminSession.page.getByTestId("export-menu").click();
    await adminSession.page.getByTestId("export-appraisal-csv").waitFor();
    const [appraisal] = await Promise.all([
      adminSession.page.waitForEvent("download"),
      adminSession.page.getByTestId("export-appraisal-csv").click(),
    ]);
    const csv = await readFile(await appraisal.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain(language === "zh-CN" ? "姓名" : "person");
  });
});
