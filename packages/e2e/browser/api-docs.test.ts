import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, Session } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";

/**
 * The API's reference (Swagger UI at /api/docs) lives under the same Content-Security-Policy as the app,
 * loosened only for its inline styles: it renders every operation, and the CSP guard sees no violation.
 */
describe("the API docs page", () => {
  let server: WebServer;
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    session = await Session.open(browser, server.baseUrl, "en");
  });
  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it("renders every operation of the OpenAPI document without a CSP violation", async () => {
    await session.page.goto("/api/docs");
    await session.page.locator(".opblock").first().waitFor();
    expect(await session.page.locator(".opblock").count()).toBeGreaterThan(40);
    expect(session.errors).toEqual([]);
  });
});
