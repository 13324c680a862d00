import type { Locator, Page } from "playwright-core";

/** 团队洞察: a department's people in a cycle, each with their average, results by kind and flags. */
export class TeamInsightsPage {
  constructor(readonly page: Page) {}

  async waitForPeople(): Promise<void> {
    await this.page.getByTestId("insights-title").waitFor();
    await this.page.getByTestId("insights-people").waitFor();
  }

  person(userId: string): Locator {
    return this.page.locator(`[data-testid="insights-person"][data-user="${userId}"]`);
  }

  flag(userId: string, flag: "sandbagging" | "overreach" | "silent"): Locator {
    return this.person(userId).getByTestId(`insights-flag-${flag}`);
  }

  /** Every flag shown on a person's row, by name. */
  async flagsOf(userId: string): Promise<string[]> {
    return this.person(userId)
      .locator('[data-testid^="insights-flag-"]')
      .evaluateAll((links) =>
        links.map((l) => (l.getAttribute("data-testid") ?? "").replace("insights-flag-", "")),
      );
  }
}
