import type { Locator, Page } from "playwright-core";

/** OKR 指南: the company's direction, the chapters, and each coach rule with its examples. */
export class GuidePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/guide");
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("guide-page").waitFor();
  }

  direction(): Locator {
    return this.page.getByTestId("org-direction");
  }

  chapters(): Locator {
    return this.page.getByTestId("guide-chapter");
  }

  rule(code: string): Locator {
    return this.page.locator(`[data-testid="coach-rule"][data-code="${code}"]`);
  }

  /** Opens a rule's panel and returns it, with its bad and good examples. */
  async openRule(code: string): Promise<Locator> {
    await this.rule(code).click();
    const panel = this.page.locator(".ant-collapse-item-active").filter({ has: this.rule(code) });
    await panel.getByTestId("rule-lesson").waitFor();
    return panel;
  }

  async openTemplates(): Promise<void> {
    await this.page.getByTestId("guide-to-templates").click();
    await this.page.waitForURL(/\/templates/);
    await this.page.getByTestId("template-card").first().waitFor();
  }
}
