import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiAs, currentQuarter } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { EditorPage } from "./page-models/EditorPage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const PASSWORD = "correct horse battery";

/*
 * Issue 13, fix 5: a KR 60 → 45 with the direction left alone is "bring it down" (降低), read from the
 * numbers; a direction chosen against them is refused with a message in the user's words — no enum —, and
 * the message is brought into view, not left behind the sticky save bar.
 */
describe.each(["zh-CN", "en"] as const)("a KR's direction in the editor, in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  let session: Session;
  let admin: ReturnType<typeof apiAs>;
  const down = language === "zh-CN" ? "交付周期从 60 天缩短到 45 天" : "Lead time from 60 to 45 days";

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    admin = apiAs(server.baseUrl, language);
    await admin.setup.run({
      organization: { name: "Northwind", locale: language, timezone: "Asia/Shanghai" },
      admin: { email: "ada@northwind.test", name: "Ada Admin", password: PASSWORD },
    });
    await admin.cycles.create({ kind: "quarter", ...currentQuarter() });
    session = await Session.open(browser, server.baseUrl, language);
    const login = new LoginPage(session.page);
    await login.open();
    await login.signIn("ada@northwind.test", PASSWORD);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, [session]);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  /** A new objective with three KRs, the last one 60 → 45. */
  async function fill(editor: EditorPage, title: string): Promise<void> {
    await editor.openNew();
    await editor.fillTitle(title);
    await editor.fillKeyResult(0, {
      title: language === "zh-CN" ? "付费客户从 120 家到 200 家" : "Paying customers from 120 to 200",
      start: 120,
      target: 200,
    });
    await editor.addKeyResult();
    await editor.fillKeyResult(1, { title: "NPS 30 → 45", start: 30, target: 45 });
    await editor.addKeyResult();
    await editor.fillKeyResult(2, { title: down, start: 60, target: 45 });
  }

  it("reads 降低 from 60 → 45 when no direction is chosen, and saves it so", async () => {
    const editor = new EditorPage(session.page);
    await fill(editor, language === "zh-CN" ? "交付更快" : "Deliver faster");
    await expect
      .poll(() => editor.directionShown(2))
      .toBe(session.text("editor.directionAuto", { direction: session.text("direction.decrease") }));
    await editor.saveAndWait();
    const [saved] = await admin.objectives.list({});
    expect(saved?.keyResults.map((kr) => kr.direction)).toEqual(["increase", "increase", "decrease"]);
    expect(session.errors).toEqual([]);
  });

  it("names a direction chosen against the numbers in the user's words, next to the field, in view", async () => {
    const page = session.page;
    const editor = new EditorPage(page);
    await fill(editor, language === "zh-CN" ? "交付更快（二）" : "Deliver faster, again");
    await editor.chooseDirection(2, session.text("direction.increase"));
    // The user scrolls up to read the title once more before saving.
    await page.evaluate("window.scrollTo(0, 0)");
    await editor.save();
    const error = editor.fieldError("keyResults_2_targetValue");
    await error.waitFor();
    expect(await error.textContent()).toBe(
      language === "zh-CN"
        ? "方向为「增长」时，目标值必须高于起始值。"
        : "With the direction “increase”, the target must be above the start value.",
    );
    await expect.poll(() => editor.isClearOfSaveBar(error)).toBe(true);
    expect((await session.screenshotBothWidths("kr-direction-error")).phoneOverflow).toBeLessThanOrEqual(0);
    expect(session.errors.filter((e) => !/422/.test(e))).toEqual([]);
  });
});
