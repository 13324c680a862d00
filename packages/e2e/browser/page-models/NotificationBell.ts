import type { Locator, Page } from "playwright-core";
import { waitForCondition } from "../harness/browser.ts";

/** The header's bell (通知): its unread count, its list, and opening what a notification points at. */
export class NotificationBell {
  constructor(readonly page: Page) {}

  private bell(): Locator {
    return this.page.getByTestId("notification-bell");
  }

  async unread(): Promise<number> {
    return Number((await this.bell().getAttribute("data-unread")) ?? "0");
  }

  /** Waits, without reloading, until the bell counts `count` unread notifications. */
  async waitForUnread(count: number): Promise<void> {
    await this.bell().waitFor();
    await waitForCondition(
      this.page,
      `document.querySelector('[data-testid="notification-bell"]')?.getAttribute("data-unread") === "${count}"`,
    );
  }

  /** Opens the list and answers its lines. */
  async open(): Promise<Locator> {
    await this.bell().click();
    const popover = this.page.getByTestId("notification-popover");
    await popover.waitFor();
    return popover.getByTestId("notification-item");
  }

  /** Clicks a notification of the open list: the app goes where it points, and it is read. */
  async follow(item: Locator): Promise<void> {
    await item.click();
    await this.page.getByTestId("notification-popover").waitFor({ state: "hidden" });
  }
}
