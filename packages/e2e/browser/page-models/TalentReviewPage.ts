import type { Locator, Page } from "playwright-core";

/** 人才盘点: the reviews list with its form, and one review's nine-box grid, tray, placement form and history. */
export class TalentReviewPage {
  constructor(readonly page: Page) {}

  /** Fills the open "new review" form (the department already chosen) and waits for the review's page. */
  async create(title: string): Promise<string> {
    const form = this.page.getByTestId("talent-review-form");
    await form.waitFor();
    await form.getByTestId("talent-review-title-input").fill(title);
    await this.page.getByTestId("talent-review-create").click();
    await this.page.waitForURL((url) => /^\/talent-reviews\/[^/]+$/.test(url.pathname));
    await this.page.getByTestId("talent-grid").waitFor();
    return new URL(this.page.url()).pathname.split("/").pop() ?? "";
  }

  box(performance: number, potential: number): Locator {
    return this.page.locator(
      `[data-testid="grid-box"][data-performance="${performance}"][data-potential="${potential}"]`,
    );
  }

  trayPerson(userId: string): Locator {
    return this.page.locator(`[data-testid="tray-person"][data-user="${userId}"]`);
  }

  placed(userId: string): Locator {
    return this.page.locator(`[data-testid="placed-person"][data-user="${userId}"]`);
  }

  /** Fills the placement form that a drop or a tap opened: the reason and, when given, one objective. */
  async explain(reason: string, evidence?: string): Promise<void> {
    const form = this.page.getByTestId("placement-form");
    await form.waitFor();
    await form.getByTestId("placement-reason").fill(reason);
    if (evidence) {
      const input = form.getByTestId("placement-evidence").locator("input");
      await input.click();
      await this.page
        .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
        .filter({ hasText: evidence })
        .click();
      await input.press("Escape");
    }
    await this.page.getByTestId("placement-save").click();
    await form.waitFor({ state: "detached" });
  }

  /** Moves the review one status on; finalizing asks first. */
  async advance(): Promise<void> {
    const button = this.page.getByTestId("talent-review-advance");
    const next = await button.getAttribute("data-next");
    await button.click();
    if (next === "final") {
      await this.page.getByTestId("talent-review-finalize-meaning").waitFor();
      await this.page.getByTestId("talent-review-finalize-ok").click();
    }
    await this.page.locator(`[data-testid="talent-review-status"][data-status="${next}"]`).waitFor();
  }
}
