import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AdminPage } from "./page-models/AdminPage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const ADMIN_PASSWORD = "correct horse battery";

type Received = { headers: IncomingHttpHeaders; raw: string };

/** The company's receiver on 127.0.0.1: it keeps what it gets and takes it (204). */
async function startReceiver() {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, raw: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/luodi`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/*
 * Issue 11, item 5: an admin adds an outbound webhook without a secret, copies the secret shown once, sends
 * a test event that arrives signed with it, sees the delivery in the log, and sends it again. In both
 * languages, at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("webhooks in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const sessions: Session[] = [];
  const admin = `admin@${language === "zh-CN" ? "zh" : "en"}.acme.test`;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startWebServer({ config: { allowPrivateWebhooks: true } });
    browser = await launchBrowser();
    await setUpCompany(server.baseUrl, language, { email: admin, password: ADMIN_PASSWORD });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, sessions);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it("adds a webhook, shows its secret once, and delivers a signed test event that can be sent again", async () => {
    const session = await Session.open(browser, server.baseUrl, language);
    sessions.push(session);
    const { page } = session;
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(admin, ADMIN_PASSWORD);
    const adminPage = new AdminPage(page);
    await adminPage.open("webhooks");
    await page.getByText(session.text("admin.webhooks.empty")).waitFor();

    await page.getByTestId("webhook-new").click();
    await page.locator("#webhook_url").fill(receiver.url);
    await page
      .getByTestId("webhook-events")
      .getByText(session.text("admin.webhooks.event.cycle_phase_changed"), { exact: true })
      .click();
    expect((await session.screenshotBothWidths("webhook-form")).phoneOverflow).toBeLessThanOrEqual(0);
    await page.getByTestId("webhook-save").click();

    const secret = (await page.getByTestId("webhook-secret").locator("code").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const card = page.getByTestId("webhook-card");
    expect(await card.textContent()).toContain(`${new URL(receiver.url).host}/…`);
    expect(await card.textContent()).toContain(session.text("admin.webhooks.event.cycle_phase_changed"));

    await card.getByTestId("webhook-ping").click();
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    const [ping] = receiver.received;
    const signature = `sha256=${createHmac("sha256", secret)
      .update(ping?.raw ?? "")
      .digest("hex")}`;
    expect(ping?.headers["x-luodi-signature"]).toBe(signature);
    expect(ping?.headers["x-luodi-event"]).toBe("ping");

    // The log shows it sent, once the page asks again.
    await page.reload();
    await page.getByTestId("webhook-card").waitFor();
    const log = page.getByTestId("webhook-deliveries");
    await log.getByText(session.text("admin.webhooks.event.ping"), { exact: true }).waitFor();
    await log.getByText(session.text("admin.deliveries.status.sent"), { exact: false }).first().waitFor();
    // The secret is gone from the page for good.
    expect(await page.content()).not.toContain(secret);
    expect((await session.screenshotBothWidths("webhooks")).phoneOverflow).toBeLessThanOrEqual(0);

    await log.getByTestId("webhook-redeliver").first().click();
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(2);
    expect(receiver.received[1]?.raw).toBe(ping?.raw);
    expect(receiver.received[1]?.headers["x-luodi-delivery"]).not.toBe(ping?.headers["x-luodi-delivery"]);
  });
});
