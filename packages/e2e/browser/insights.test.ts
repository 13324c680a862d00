import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiAs, currentQuarter } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { seedLargeTree } from "./harness/seed.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { EditorPage } from "./page-models/EditorPage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const PASSWORD = "correct horse battery";

/**
 * Adjustments waiting for the manager's approval, and the alignment map of a 2,000-objective
 * organization: what the walk of one small quarter cannot show.
 */
describe("approvals of adjustments, and the alignment map at scale", () => {
  let server: WebServer;
  let browser: Browser;
  let admin: Session;
  let member: Session;
  let cycleId = "";
  let objectiveId = "";
  const api = () => apiAs(server.baseUrl, "en");

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const client = api();
    await client.setup.run({
      organization: { name: "Bigco", locale: "en", timezone: "Europe/London" },
      admin: { email: "boss@big.test", name: "Bea Boss", password: PASSWORD },
    });
    admin = await Session.open(browser, server.baseUrl, "en");
    member = await Session.open(browser, server.baseUrl, "en");
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, [admin, member]);
  });

  afterAll(async () => {
    await admin?.close();
    await member?.close();
    await browser?.close();
    await server?.close();
  });

  it("sends a member's adjustment to the manager, who approves one and rejects another with a reason", async () => {
    const client = api();
    await client.signIn("boss@big.test", PASSWORD);
    const me = await client.auth.me();
    const [root] = await client.departments.list();
    await client.members.create({
      email: "sam@big.test",
      name: "Sam Member",
      password: PASSWORD,
      role: "member",
      departmentId: root?.id ?? "",
      managerId: me.user.id,
    });
    await client.org.update({ settings: { approvalRequired: true } });
    const quarter = currentQuarter();
    cycleId = (await client.cycles.create({ kind: "quarter", ...quarter, name: "Approvals" })).id;
    const sam = api();
    await sam.signIn("sam@big.test", PASSWORD);
    const created = await sam.objectives.create({
      cycleId,
      level: "personal",
      title: "Delight our first customers",
      keyResults: [{ title: "Onboard 10 customers", type: "number", startValue: 0, targetValue: 10 }],
    });
    objectiveId = created.id;
    await sam.objectives.submit(objectiveId);
    await client.objectives.approve(objectiveId);
    await client.cycles.advancePhase(cycleId, "aligning");
    await client.cycles.advancePhase(cycleId, "in_progress");
    const approved = await client.objectives.get(objectiveId);
    expect(approved.status).toBe("published");

    // The member adjusts the title: the editor says it went to the manager, not that it was saved.
    const page = member.page;
    const login = new LoginPage(page);
    await login.open();
    await login.signIn("sam@big.test", PASSWORD);
    await page.goto(`/objectives/${objectiveId}/edit`);
    const editor = new EditorPage(page);
    await page.locator("#title").waitFor();
    await editor.fillTitle("Delight every first customer");
    await page.getByTestId("editor-reason").waitFor();
    await page.getByTestId("editor-reason").fill("Widen the scope");
    await page.getByTestId("editor-save").click();
    await page.getByText(member.text("adjustments.sentForApproval")).waitFor();
    const pending = page.getByTestId("pending-adjustments");
    await pending.waitFor();
    expect(await pending.getByTestId("adjustment-reason").textContent()).toContain("Widen the scope");
    expect(await page.getByTestId("objective-title").textContent()).toBe("Delight our first customers");
    expect(await pending.getByTestId("adjustment-approve").count()).toBe(0);
    await member.screenshot("adjustment-pending");

    // The manager sees before → after, and approves.
    const boss = admin.page;
    const bossLogin = new LoginPage(boss);
    await bossLogin.open();
    await bossLogin.signIn("boss@big.test", PASSWORD);
    await boss.goto(`/objectives/${objectiveId}`);
    const adjustment = boss.getByTestId("adjustment").first();
    await adjustment.waitFor();
    expect(await adjustment.textContent()).toContain("Delight every first customer");
    expect((await admin.screenshotBothWidths("adjustment-approver")).phoneOverflow).toBe(0);
    await adjustment.getByTestId("adjustment-approve").click();
    await boss.getByTestId("objective-title").filter({ hasText: "Delight every first customer" }).waitFor();
    await boss.getByTestId("pending-adjustments").waitFor({ state: "detached" });

    // A second adjustment is rejected with a reason; the title stays.
    await page.goto(`/objectives/${objectiveId}/edit`);
    await page.locator("#title").waitFor();
    await editor.fillTitle("Delight absolutely everyone");
    await page.getByTestId("editor-reason").fill("Why not");
    await page.getByTestId("editor-save").click();
    await page.getByText(member.text("adjustments.sentForApproval")).waitFor();
    await boss.reload();
    await boss.getByTestId("adjustment-reject").click();
    await boss.getByTestId("adjustment-reject-reason").fill("Too broad for one quarter");
    await boss.getByTestId("adjustment-reject-confirm").click();
    await boss.getByTestId("pending-adjustments").waitFor({ state: "detached" });
    const after = await client.objectives.get(objectiveId);
    expect(after.title).toBe("Delight every first customer");
    expect(admin.errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });

  it("draws the alignment map of 2,000 objectives quickly, collapsed below the second level, and opens a node", async () => {
    const client = api();
    await client.signIn("boss@big.test", PASSWORD);
    const [root] = await client.departments.list();
    const big = await client.cycles.create({ kind: "quarter", ...currentQuarter(), name: "Big quarter" });
    const seeded = await seedLargeTree(client, {
      cycleId: big.id,
      rootDepartmentId: root?.id ?? "",
      companies: 20,
      departments: 9,
      membersPerDepartment: 10,
      perOwner: 20,
      password: PASSWORD,
    });
    expect(seeded.objectives).toBe(2000);

    const page = admin.page;
    const started = Date.now();
    await page.goto(`/alignment-map?cycle=${big.id}`);
    await page.getByTestId("map-node").first().waitFor();
    const elapsed = Date.now() - started;
    // Company objectives and the level under them: 20 + 180, of 2,000.
    expect(await page.getByTestId("map-count").textContent()).toBe(
      admin.text("alignmentMap.shown", { count: 200 }),
    );
    // Only the rows in view are in the page.
    expect(await page.getByTestId("map-node").count()).toBeLessThan(60);
    expect(elapsed).toBeLessThan(8000);

    // Opening a department objective shows its members' objectives under it.
    const department = page.locator('[data-testid="map-node"][data-depth="1"]').first();
    await department.getByTestId("map-toggle").click();
    await page.locator('[data-testid="map-node"][data-depth="2"]').first().waitFor();
    expect(await page.getByTestId("map-count").textContent()).toBe(
      admin.text("alignmentMap.shown", { count: 210 }),
    );
    await admin.screenshot("alignment-map-2000");

    // What is open scrolls by drawing only what is in view.
    const firstId = await page.getByTestId("map-node").first().getAttribute("data-id");
    await page.getByTestId("alignment-map").evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.locator(`[data-testid="map-node"][data-id="${firstId}"]`).waitFor({ state: "detached" });
    await page.getByTestId("map-node").last().waitFor();
    expect(await page.getByTestId("map-node").count()).toBeLessThan(60);
    expect(admin.errors).toEqual([]);
  });
});
