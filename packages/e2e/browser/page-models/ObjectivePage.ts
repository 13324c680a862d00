import type { Locator, Page } from "playwright-core";

/** An objective's page: KRs, chart, check-ins, alignment, history, workflow. */
export class ObjectivePage {
  constructor(readonly page: Page) {}

  title(): Locator {
    return this.page.getByTestId("objective-title");
  }

  id(): string {
    return new URL(this.page.url()).pathname.split("/")[2] ?? "";
  }

  async publish(): Promise<void> {
    await this.page.getByTestId("workflow-publish").click();
    await this.page.locator('[data-status="published"]').first().waitFor();
  }

  keyResult(title: string): Locator {
    return this.page.getByTestId("objective-krs").getByTestId("kr-row").filter({ hasText: title });
  }

  async overallProgress(): Promise<string> {
    return (
      (await this.page.getByTestId("objective-progress").getByTestId("progress-text").textContent()) ?? ""
    );
  }

  /** The self scores as the scoring form holds them (empty until one is chosen), and their placeholders. */
  async selfScores(): Promise<Array<{ value: string; placeholder: string | null }>> {
    const inputs = this.page.getByTestId("scoring-form").locator('input[id$="_selfScore"]');
    const found = [];
    for (const input of await inputs.all()) {
      found.push({ value: await input.inputValue(), placeholder: await input.getAttribute("placeholder") });
    }
    return found;
  }

  /** Takes the suggested self score of every KR that offers one. */
  async takeSuggestedScores(): Promise<void> {
    const links = this.page.getByTestId("scoring-use-suggested");
    for (const link of await links.all()) await link.click();
  }

  chart(): Locator {
    return this.page.getByTestId("progress-chart").locator("svg");
  }

  timeline(): Locator {
    return this.page.getByTestId("checkin-timeline");
  }

  alignment(): Locator {
    return this.page.getByTestId("alignment");
  }

  history(): Locator {
    return this.page.getByTestId("history");
  }

  async edit(): Promise<void> {
    await this.page.getByTestId("objective-edit").click();
    await this.page.locator("#title").waitFor();
  }
}
