import type { Page } from "playwright-core";

export class LoginPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/login");
    await this.page.locator("#email").waitFor();
  }

  async fill(email: string, password: string): Promise<void> {
    await this.page.locator("#email").fill(email);
    await this.page.locator("#password").fill(password);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.fill(email, password);
    await this.page.getByTestId("login-submit").click();
    await this.page.waitForURL((url) => url.pathname !== "/login");
  }
}
