import type { Page } from "playwright-core";

export type SetupData = {
  organization: string;
  timezone: string;
  adminName: string;
  email: string;
  password: string;
};

/** 首次使用: the organization, then the first administrator. */
export class SetupPage {
  constructor(readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL(/\/setup$/);
    await this.page.locator("#organization_name").waitFor();
  }

  async fillOrganization(data: SetupData): Promise<void> {
    await this.page.locator("#organization_name").fill(data.organization);
    await this.page.locator("#organization_timezone").click();
    await this.page.locator("#organization_timezone").fill(data.timezone);
    await this.page.locator(".ant-select-item-option", { hasText: data.timezone }).first().click();
    await this.page.getByTestId("setup-next").click();
  }

  async fillAdmin(data: SetupData): Promise<void> {
    await this.page.locator("#admin_name").fill(data.adminName);
    await this.page.locator("#admin_email").fill(data.email);
    await this.page.locator("#admin_password").fill(data.password);
    await this.page.locator("#confirmPassword").fill(data.password);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId("setup-submit").click();
    await this.page.waitForURL((url) => url.pathname === "/");
  }
}
