import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 11, data in: from the dashboard an admin opens Import, uploads a CSV with a mistake, sees it on its
 * row in the preview (nothing written), fixes the file, imports it, and finds the objectives. Both languages.
 */
describe.each(["zh-CN", "en"] as const)("importing OKRs in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const zh = language === "zh-CN";
  const admin = `admin@${zh ? "zh" : "en"}.import.test`;
  const member = `kai@${zh ? "zh" : "en"}.import.test`;
  const objective = zh ? "让新客户顺利上手" : "Make onboarding effortless";

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const api = await setUpCompany(server.baseUrl, language, { email: admin, password: PASSWORD });
    const [root] = await api.departments.list();
    await api.members.create({
      email: member,
      name: zh ? "凯文" : "Kai",
      password: PASSWORD,
      role: "member",
      departmentId: root?.id ?? "",
    });
    await api.cycles.create({
      name: "2027 Q2",
      kind: "quarter",
      startDate: "2027-04-01",
      endDate: "2027-06-30",
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

  const csv = (owner: string) =>
    [
      zh
        ? "外部编号,周期,层级,负责人,目标,关键结果,类型,起始值,目标值,单位"
        : "external_id,cycle,level,owner,objective,key_result,type,start,target,unit",
      `KR-1,2027 Q2,personal,${owner},${objective},${zh ? "激活率从 40% 提升到 60%" : "Raise activation from 40% to 60%"},percentage,40,60,%`,
      `KR-2,2027 Q2,personal,${member},${objective},${zh ? "首次见效时间从 7 天缩短到 2 天" : "Cut time to first value from 7 days to 2"},number,7,2,${zh ? "天" : "days"}`,
    ].join("\n");

  it("previews a file with a mistake, then imports the fixed file and shows its objectives", async () => {
    const session = await Session.open(browser, server.baseUrl, language);
    sessions.push(session);
    const { page } = session;
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(admin, PASSWORD);
    await page.goto("/dashboard");
    await page.getByTestId("import-link").click();
    await page.waitForURL(/\/import/);
    await page.getByText(session.text("import.title")).first().waitFor();

    const folder = await mkdtemp(join(tmpdir(), "luodi-import-"));
    const wrong = join(folder, "okrs.csv");
    await writeFile(wrong, csv(`nobody@${zh ? "zh" : "en"}.import.test`));
    await page.locator("input[type=file]").setInputFiles(wrong);
    const rowError = page.getByTestId("import-row-error").first();
    await rowError.waitFor();
    expect(await rowError.textContent()).toContain(`nobody@${zh ? "zh" : "en"}.import.test`);
    await page.getByTestId("import-errors").waitFor();
    expect(await page.getByTestId("import-confirm").isDisabled()).toBe(true);
    const { phoneOverflow } = await session.screenshotBothWidths("import-preview-error");
    expect(phoneOverflow).toBeLessThanOrEqual(0);

    const fixed = join(folder, "okrs-fixed.csv");
    await writeFile(fixed, csv(member));
    await page.locator("input[type=file]").setInputFiles(fixed);
    await page.getByTestId("import-errors").waitFor({ state: "detached" });
    await page.getByTestId("import-summary").waitFor();
    expect(await page.getByTestId("import-row-error").count()).toBe(0);
    await session.screenshotBothWidths("import-preview-clean");
    await page.getByTestId("import-confirm").click();
    await page.getByTestId("import-done").waitFor();
    expect(await page.getByTestId("import-imported").textContent()).toContain(objective);
    await session.screenshotBothWidths("import-done");

    await page.getByTestId("import-imported").getByRole("link", { name: objective }).click();
    await page.waitForURL(/\/objectives\//);
    await page.getByText(objective).first().waitFor();
    expect(session.errors).toEqual([]);
  });
});
