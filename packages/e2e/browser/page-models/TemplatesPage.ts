import type { Locator, Page } from "playwright-core";
import { waitForCondition } from "../harness/browser.ts";

/** 模板库: templates by business function, searchable, each previewed and used to start an objective. */
export class TemplatesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/templates");
    await this.page.getByTestId("template-card").first().waitFor();
  }

  cards(): Locator {
    return this.page.getByTestId("template-card");
  }

  async filterTo(fn: string): Promise<void> {
    await this.page.getByTestId(`function-${fn}`).click();
    await this.page.waitForURL(new RegExp(`function=${fn}`));
    // The URL changes before React paints the filtered list: wait until no other function is shown.
    await waitForCondition(
      this.page,
      `(() => { const cards = [...document.querySelectorAll('[data-testid="template-card"]')];
        return cards.length > 0 && cards.every((card) => card.getAttribute("data-function") === ${JSON.stringify(fn)}); })()`,
    );
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId("template-search").fill(text);
  }

  /** Empties the search with the field's own clear button, as a person would. */
  async clearSearch(): Promise<void> {
    await this.page
      .locator(".ant-input-affix-wrapper:has([data-testid=template-search]) .ant-input-clear-icon")
      .click();
    await waitForCondition(
      this.page,
      `document.querySelector("[data-testid=template-search]")?.value === ""`,
    );
  }

  /** The functions of the cards shown. */
  async shownFunctions(): Promise<string[]> {
    return this.cards().evaluateAll((cards) => cards.map((c) => c.getAttribute("data-function") ?? ""));
  }

  async preview(card: Locator): Promise<Locator> {
    await card.getByTestId("template-preview-open").click();
    const preview = this.page.getByTestId("template-preview");
    await preview.waitFor();
    // The dialog zooms in; wait until it has finished, so a picture shows it.
    await waitForCondition(
      this.page,
      `(() => { const modal = document.querySelector(".ant-modal");
        return !!modal && !/zoom|motion/.test(modal.className) && getComputedStyle(modal).opacity === "1"; })()`,
    );
    return preview;
  }

  /** Uses the previewed template: the editor opens prefilled. */
  async useFromPreview(): Promise<void> {
    await this.page.getByTestId("template-preview-use").click();
    await this.page.waitForURL(/\/objectives\/new\?template=/);
    await this.page.locator("#title").waitFor();
  }
}
