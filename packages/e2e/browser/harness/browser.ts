import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from "playwright-core";
import { CHROMIUM, REPO_ROOT } from "./global-setup.ts";

const SCREENSHOTS = join(REPO_ROOT, "test-results", "screenshots");

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

type Catalogue = { [key: string]: string | Catalogue };

/*
 * Content-Security-Policy: any violation on any page of any spec fails that spec. Each session reports
 * the browser's `securitypolicyviolation` events (and Chromium's console lines about a refused resource)
 * here; the afterEach hook of harness/csp-guard.ts empties the list after every test and fails on what
 * it finds, and counts the screens the specs saw.
 */
const cspViolations: string[] = [];
const screensSeen = new Set<string>();

/** The CSP violations reported since the last call (and forgets them). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

/** The distinct screens (language and path) the specs of this file loaded or navigated to. */
export function cspScreensSeen(): string[] {
  return [...screensSeen];
}

/** The UI's text for a key in a language, read from the web app's catalogue (placeholders filled). */
export function textOf(
  language: "zh-CN" | "en",
  key: string,
  params: Record<string, string | number> = {},
): string {
  const catalogue = JSON.parse(
    readFileSync(join(REPO_ROOT, "packages", "web", "src", "i18n", `${language}.json`), "utf8"),
  ) as Catalogue;
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`No text for ${key} in ${language}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, name: string) =>
    String(params[name] ?? `{{${name}}}`),
  );
}

/**
 * A browser session in one language that records every console error and uncaught exception. None is
 * expected: the app learns that nobody is signed in from `GET /api/v1/session`, which answers 200.
 */
export class Session {
  readonly errors: string[] = [];
  /** Requests sent and not yet answered: what a stuck page is waiting for. */
  readonly pending = new Set<string>();
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly language: "zh-CN" | "en",
  ) {}

  static async open(browser: Browser, baseUrl: string, language: "zh-CN" | "en"): Promise<Session> {
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: language === "zh-CN" ? "zh-CN" : "en-US",
      viewport: DESKTOP,
      // The app turns Ant Design's motion off for it: no click lands on a dialog still zooming in.
      reducedMotion: "reduce",
      timezoneId: language === "zh-CN" ? "Asia/Shanghai" : "Europe/London",
    });
    // Reported from inside every page before its own scripts run (injected by the browser, not the page,
    // so the page's CSP does not apply to it).
    await context.exposeBinding("__luodiCspViolation", ({ page: from }, violation: string) => {
      cspViolations.push(`${language} ${from.url()}: ${violation}`);
    });
    await context.addInitScript(`
      document.addEventListener("securitypolicyviolation", (event) => {
        window.__luodiCspViolation(
          event.effectiveDirective + " refused " + (event.blockedURI || "inline") +
            " (" + event.sourceFile + ":" + event.lineNumber + ") " + event.sample,
        );
      });
    `);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const session = new Session(context, page, language);
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = new URL(frame.url());
      if (url.protocol.startsWith("http")) screensSeen.add(`${language} ${url.pathname}`);
    });
    page.on("console", (message) => session.recordConsole(message));
    page.on("pageerror", (error) => session.errors.push(`pageerror: ${error.message}`));
    page.on("request", (request) => session.pending.add(`${request.method()} ${request.url()}`));
    page.on("requestfinished", (request) => session.pending.delete(`${request.method()} ${request.url()}`));
    page.on("requestfailed", (request) => session.pending.delete(`${request.method()} ${request.url()}`));
    return session;
  }

  private recordConsole(message: ConsoleMessage): void {
    if (message.type() !== "error") return;
    // Never excused by expectingConsoleErrors: a refused script or style is a bug whatever the step.
    if (/Content Security Policy/i.test(message.text())) {
      cspViolations.push(`${this.language} ${message.location().url}: ${message.text()}`);
    }
    const url = message.location().url;
    if (this.allowed.some((pattern) => pattern.test(message.text()) || pattern.test(url))) return;
    this.errors.push(`console: ${message.text()} (${url})`);
  }

  private allowed: RegExp[] = [];

  /** Runs a step during which the given console errors are expected (a simulated outage, say). */
  async expectingConsoleErrors<T>(patterns: RegExp[], step: () => Promise<T>): Promise<T> {
    this.allowed = patterns;
    try {
      return await step();
    } finally {
      this.allowed = [];
    }
  }

  text(key: string, params?: Record<string, string | number>): string {
    return textOf(this.language, key, params);
  }

  /** Saves `test-results/screenshots/<language>-<name>-<width>.png`, the full page. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const width = this.page.viewportSize()?.width ?? 0;
    const path = join(SCREENSHOTS, `${this.language}-${name}-${width}.png`);
    // A sticky header is drawn where the viewport was: start the picture from the top.
    await this.page.evaluate("window.scrollTo(0, 0)");
    // Sticky bars are drawn where the viewport happens to be in a full-page picture: lay them flat. Through
    // the elements' own style (CSSOM), not an injected <style>, which the app's CSP would rightly refuse.
    const flatten = (position: string) =>
      this.page.evaluate(
        `document.querySelectorAll(".app-header, .sticky-actions").forEach((el) => el.style.setProperty("position", ${JSON.stringify(position)}, "important"))`,
      );
    await flatten("static");
    await this.page.screenshot({ path, fullPage: true, animations: "disabled" });
    await flatten("");
    return path;
  }

  /** Screenshots at phone and desktop width, checking that the phone layout does not scroll sideways. */
  async screenshotBothWidths(name: string): Promise<{ phoneOverflow: number }> {
    await this.page.setViewportSize(PHONE);
    await this.page.waitForTimeout(300);
    const phoneOverflow = await this.page.evaluate<number>(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    await this.screenshot(name);
    await this.page.setViewportSize(DESKTOP);
    await this.page.waitForTimeout(300);
    await this.screenshot(name);
    return { phoneOverflow };
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * Waits until a JavaScript expression holds in the page. Not `page.waitForFunction(string)`: Playwright
 * compiles such a predicate with eval inside the page, which the app's CSP (rightly) refuses; an
 * evaluation from outside the page is not subject to it.
 */
export async function waitForCondition(page: Page, expression: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // A navigation may destroy the context mid-evaluation: that is a "not yet".
    const holds = await page.evaluate<boolean>(`!!(${expression})`).catch(() => false);
    if (holds) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for: ${expression}`);
    await page.waitForTimeout(50);
  }
}

/** Keeps a picture of every session's page when a step fails, to see what the browser saw. */
export async function screenshotOnFailure(
  name: string,
  sessions: ReadonlyArray<Session | undefined>,
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [i, session] of sessions.entries()) {
    if (!session) continue;
    const file = join(
      SCREENSHOTS,
      `FAILED-${session.language}-${name.replace(/[^a-zA-Z0-9]+/g, "-").slice(0, 60)}-${i}.png`,
    );
    await session.page.screenshot({ path: file, fullPage: true }).catch(() => {});
    if (session.pending.size)
      console.error(`${session.language} session ${i} waits for: ${[...session.pending].join(", ")}`);
    if (session.errors.length)
      console.error(`${session.language} session ${i} console errors: ${session.errors.join(" | ")}`);
  }
}
