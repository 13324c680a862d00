import type { Browser } from "playwright-core";
import { AppShell } from "../page-models/AppShell.ts";
import { LoginPage } from "../page-models/LoginPage.ts";
import { Session } from "./browser.ts";

/**
 * A new browser session (its own cookies) signed in as someone, kept in `sessions` so the spec closes it
 * and screenshots it on failure. By default it waits for the app shell to settle; `settle: false` returns
 * as soon as the sign-in was sent.
 */
export async function signInAsNewSession(
  browser: Browser,
  baseUrl: string,
  language: "zh-CN" | "en",
  sessions: Session[],
  who: { email: string; password: string },
  options: { settle?: boolean } = {},
): Promise<Session> {
  const session = await Session.open(browser, baseUrl, language);
  sessions.push(session);
  const login = new LoginPage(session.page);
  await login.open();
  await login.signIn(who.email, who.password);
  if (options.settle ?? true) await new AppShell(session.page).settle();
  return session;
}
