import { createHmac } from "node:crypto";
import { type ChatReceiver, startChatReceiver } from "@luodi/server/chat-receivers";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setUpCompany } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AdminPage } from "./page-models/AdminPage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const ADMIN_PASSWORD = "correct horse battery";
const SECRET = "b5Kq2xTz8Rv4NwLm";

/*
 * Issue 8: chat channels. An admin adds a Feishu group robot with its signing secret — the robot being a
 * stand-in for Feishu on 127.0.0.1 that checks the card and the signature as Feishu documents them (the
 * server runs with ALLOW_PRIVATE_WEBHOOKS) — sends a test message and sees it arrive; then, with a wrong
 * secret, sees Feishu's refusal. In both languages, with pictures at 375 px and 1440 px.
 */
describe.each(["zh-CN", "en"] as const)("chat channels in %s", (language) => {
  let server: WebServer;
  let browser: Browser;
  let feishu: ChatReceiver;
  const sessions: Session[] = [];
  const admin = `admin@${language === "zh-CN" ? "zh" : "en"}.acme.test`;
  const channel = language === "zh-CN" ? "OKR 推进群" : "OKR rollout";

  beforeAll(async () => {
    feishu = await startChatReceiver("feishu", SECRET);
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
    await feishu?.close();
  });

  it("lets an admin add a signed Feishu channel and send a test message that arrives signed", async () => {
    const session = await Session.open(browser, server.baseUrl, language);
    sessions.push(session);
    await new LoginPage(session.page).open();
    await new LoginPage(session.page).signIn(admin, ADMIN_PASSWORD);
    const adminPage = new AdminPage(session.page);
    await adminPage.open("integrations");
    await session.page.getByText(session.text("admin.integrations.empty")).waitFor();

    await adminPage.openNewIntegration();
    await adminPage.fillIntegration({
      name: channel,
      webhookUrl: feishu.url,
      secret: SECRET,
      tick: [session.text("admin.integrations.event.mention")],
    });
    expect((await session.screenshotBothWidths("integration-form")).phoneOverflow).toBeLessThanOrEqual(0);
    await adminPage.saveIntegration(channel);

    const card = adminPage.integrationCard(channel);
    // The card shows the host of the webhook, never its token, and that messages are signed.
    const token = new URL(feishu.url).pathname.split("/").pop() ?? "";
    expect(await card.textContent()).toContain(`${new URL(feishu.url).host}/…`);
    expect(await session.page.content()).not.toContain(token);
    expect(await session.page.content()).not.toContain(SECRET);
    await card.getByText(session.text("admin.integrations.signed"), { exact: true }).waitFor();

    const result = await adminPage.sendTestMessage(channel);
    expect(result.ok).toBe(true);
    expect(result.text).toContain(
      session.text("admin.integrations.testDelivered", {
        platform: session.text("admin.integrations.platform.feishu"),
      }),
    );
    expect((await session.screenshotBothWidths("integrations")).phoneOverflow).toBeLessThanOrEqual(0);

    // Feishu got one card, signed as it documents: base64(HMAC-SHA256 keyed by "timestamp\nsecret", of nothing).
    expect(feishu.received).toHaveLength(1);
    const [message] = feishu.received;
    expect(message?.verdict).toBe("ok");
    const body = message?.body as {
      timestamp: string;
      sign: string;
      msg_type: string;
      card: { header: { title: { content: string } }; elements: Array<{ tag: string }> };
    };
    expect(body.msg_type).toBe("interactive");
    expect(Math.abs(Date.now() / 1000 - Number(body.timestamp))).toBeLessThan(60);
    expect(body.sign).toBe(createHmac("sha256", `${body.timestamp}\n${SECRET}`).update("").digest("base64"));
    expect(body.card.header.title.content).toBe(language === "zh-CN" ? "落地测试消息" : "Luodi test message");
    expect(body.card.elements.map((element) => element.tag)).toEqual(["div", "action"]);
    expect(session.errors).toEqual([]);
  });

  it("shows Feishu's refusal when the secret is wrong", async () => {
    const session = sessions[0] as Session;
    const adminPage = new AdminPage(session.page);
    await adminPage.editIntegration(channel);
    await session.page.locator("#integration_secret").fill("not-the-secret");
    await adminPage.saveIntegration(channel);
    const result = await adminPage.sendTestMessage(channel);
    expect(result.ok).toBe(false);
    expect(result.text).toContain(
      session.text("admin.integrations.testRefused", {
        platform: session.text("admin.integrations.platform.feishu"),
      }),
    );
    expect(result.text).toContain("19021 sign match fail");
    expect(feishu.received.at(-1)?.verdict).toBe("bad_signature");
    expect((await session.screenshotBothWidths("integration-refused")).phoneOverflow).toBeLessThanOrEqual(0);
    expect(session.errors).toEqual([]);
  });
});
