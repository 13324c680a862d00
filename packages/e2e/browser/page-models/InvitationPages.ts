import type { Page } from "playwright-core";

/** The page of an invitation link: who invites whom, then a password, and the person is signed in. */
export class AcceptInvitationPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId("invitation").waitFor();
  }

  async heading(): Promise<string> {
    return (await this.page.locator("h1").textContent()) ?? "";
  }

  async accept(password: string): Promise<void> {
    await this.page.getByTestId("new-password").fill(password);
    await this.page.getByTestId("confirm-password").fill(password);
    await this.page.getByTestId("invitation-accept").click();
    await this.page.waitForURL((url) => url.pathname === "/");
  }
}

/** 忘记密码: the request for a link, and the page of the link that sets a new password. */
export class PasswordResetPages {
  constructor(readonly page: Page) {}

  /** From the login page's link, asks for an email with a link. */
  async request(email: string): Promise<void> {
    await this.page.getByTestId("forgot-password").click();
    await this.page.waitForURL((url) => url.pathname === "/forgot-password");
    await this.page.getByTestId("reset-email").fill(email);
    await this.page.getByTestId("reset-request").click();
    await this.page.getByTestId("reset-requested").waitFor();
  }

  async openLink(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId("reset-submit").waitFor();
  }

  async setPassword(password: string): Promise<void> {
    await this.page.getByTestId("new-password").fill(password);
    await this.page.getByTestId("confirm-password").fill(password);
    await this.page.getByTestId("reset-submit").click();
    await this.page.waitForURL((url) => url.pathname === "/");
  }
}
