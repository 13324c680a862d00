import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/** What one page took to show its content in a real browser, and the JSON it downloaded to do so. */
export type PageMeasurement = {
  name: string;
  path: string;
  who: string;
  /** From navigation to the content's first element being visible. */
  contentMs: number;
  /** JSON bytes of /api/v1 answers until the page went quiet. */
  jsonBytes: number;
  requests: number;
  /** The largest answers, by path. */
  largest: Array<{ path: string; bytes: number }>;
};

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Browser = {
  newContext(options: { baseURL: string; locale: string }): Promise<Context>;
  close(): Promise<void>;
};
type Context = { newPage(): Promise<Page> };
type Response = { url(): string; body(): Promise<Buffer>; headers(): Record<string, string> };
type Locator = {
  fill(text: string): Promise<void>;
  click(): Promise<void>;
  first(): Locator;
  waitFor(options: { state: "visible"; timeout: number }): Promise<void>;
};
type Page = {
  goto(url: string): Promise<unknown>;
  locator(selector: string): Locator;
  waitForURL(match: (url: URL) => boolean): Promise<void>;
  on(event: "response", listener: (response: Response) => void): void;
};

/**
 * Issue 12's browser check, run where the 10,000-person organization exists: Debian's Chromium opens the
 * home page (as a member), the dashboard and the alignment map (as the admin), fresh each time, and reports
 * how long each took to show its content and how much JSON it downloaded. Reported, never asserted.
 * Skipped (null, with the reason) without Chromium or a web build.
 */
export async function pagesBench(options: {
  root: string;
  baseUrl: string;
  member: { email: string; password: string };
  admin: { email: string; password: string };
}): Promise<{ pages: PageMeasurement[] } | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `no ${CHROMIUM}` };
  const index = await fetch(`${options.baseUrl}/`).then((r) => r.text().then((t) => ({ ok: r.ok, t })));
  if (!index.ok || !index.t.includes("<script")) return { skipped: "the server has no web build to serve" };
  // playwright-core is the browser tests' dependency (packages/e2e), read from there.
  const require = createRequire(join(options.root, "packages/e2e/package.json"));
  const { chromium } = require("playwright-core") as {
    chromium: { launch(o: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> };
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const pages: PageMeasurement[] = [];
    const visits = [
      { who: options.member, name: "home", path: "/", content: '[data-testid="objective-card"]' },
      {
        who: options.admin,
        name: "dashboard",
        path: "/dashboard",
        content: '[data-testid="dashboard-progress"]',
      },
      {
        who: options.admin,
        name: "alignment map",
        path: "/alignment-map",
        content: '[data-testid="map-node"]',
      },
    ];
    const signedIn = new Map<string, Page>();
    for (const visit of visits) {
      let page = signedIn.get(visit.who.email);
      if (!page) {
        const context = await browser.newContext({ baseURL: options.baseUrl, locale: "zh-CN" });
        page = await context.newPage();
        await page.goto("/login");
        await page.locator("#email").fill(visit.who.email);
        await page.locator("#password").fill(visit.who.password);
        await page.locator('[data-testid="login-submit"]').click();
        await page.waitForURL((url) => url.pathname !== "/login");
        signedIn.set(visit.who.email, page);
      }
      const answers: Array<{ path: string; bytes: Promise<number> }> = [];
      let lastAnswerAt = performance.now();
      const listen = (response: Response) => {
        const url = new URL(response.url());
        lastAnswerAt = performance.now();
        // JSON answers only: the live event stream never ends, so its body would never be read.
        const json = (response.headers()["content-type"] ?? "").includes("application/json");
        if (!url.pathname.startsWith("/api/v1/") || !listening || !json) return;
        answers.push({
          path: url.pathname,
          bytes: response.body().then(
            (b) => b.length,
            () => 0,
          ),
        });
      };
      let listening = false;
      page.on("response", listen);
      await page.goto("about:blank");
      listening = true;
      const started = performance.now();
      await page.goto(visit.path);
      await page.locator(visit.content).first().waitFor({ state: "visible", timeout: 120_000 });
      const contentMs = performance.now() - started;
      // Quiet: no answer for a second (an open event stream keeps the network from ever going idle).
      while (performance.now() - lastAnswerAt < 1000 && performance.now() - started < 60_000)
        await new Promise((resolve) => setTimeout(resolve, 100));
      listening = false;
      const sizes = await Promise.all(answers.map(async (a) => ({ path: a.path, bytes: await a.bytes })));
      const byPath = new Map<string, number>();
      for (const { path, bytes } of sizes) byPath.set(path, (byPath.get(path) ?? 0) + bytes);
      pages.push({
        name: visit.name,
        path: visit.path,
        who: visit.who.email,
        contentMs,
        jsonBytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
        requests: sizes.length,
        largest: [...byPath]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([path, bytes]) => ({ path, bytes })),
      });
    }
    return { pages };
  } finally {
    await browser.close();
  }
}
