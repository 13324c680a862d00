import type { Locator, Page } from "playwright-core";

/** 表扬: the organization's praise, and the form to give some. */
export class RecognitionsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/recognitions");
    await this.page.getByTestId("recognition-give").waitFor();
  }

  /** Praises people (picked by name) for an objective, and waits for the praise in the feed. */
  async give(names: readonly string[], message: string, objectiveTitle?: string): Promise<void> {
    await this.page.getByTestId("recognition-give").click();
    const form = this.page.getByTestId("recognition-form");
    await form.waitFor();
    // Typed and picked with Enter: a click may land on the list while it still animates in.
    const to = form.getByTestId("recognition-to").locator("input");
    for (const name of names) {
      await to.fill(name);
      await this.page
        .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active")
        .filter({ hasText: name })
        .waitFor();
      await to.press("Enter");
      await form.locator(".ant-select-selection-item").filter({ hasText: name }).waitFor();
    }
    // Close the list of people by clicking beside it: Escape would close the whole form, and Tab picks
    // the highlighted person again (which, in a multiple choice, takes them off).
    await this.page.locator(".ant-modal-title").click();
    await this.page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
      .waitFor({ state: "hidden" });
    await form.getByTestId("recognition-message-input").fill(message);
    if (objectiveTitle) {
      const objective = form.getByTestId("recognition-objective").locator("input");
      await objective.fill(objectiveTitle);
      await this.page
        .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active")
        .filter({ hasText: objectiveTitle })
        .waitFor();
      await objective.press("Enter");
    }
    await this.page.getByTestId("recognition-send").click();
    await form.waitFor({ state: "detached" });
    await this.item(message).waitFor();
  }

  item(message: string): Locator {
    return this.page.getByTestId("recognition").filter({ hasText: message });
  }
}
