import type { Locator, Page } from "playwright-core";

/** 我的 OKR: objective cards with their KRs, and the to-do panel. */
export class HomePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/");
    await this.page.getByTestId("todo-panel").waitFor();
  }

  card(title: string): Locator {
    return this.page.getByTestId("objective-card").filter({ hasText: title });
  }

  todos(kind: "checkIn" | "publish" | "align" | "approve" | "score" | "managerScore" | "review"): Locator {
    return this.page.getByTestId(`todo-${kind}`);
  }

  async openCheckIn(): Promise<void> {
    await this.page.getByTestId("go-check-in").click();
    await this.page.waitForURL(/\/check-in/);
  }
}
