import type { Locator, Page } from "playwright-core";

/** 审计日志: the admin page's audit log tab, its filters and its entries. */
export class AuditLogPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/admin?tab=audit");
    await this.page.getByTestId("audit-list").or(this.page.getByTestId("audit-empty")).waitFor();
  }

  /** The entries shown, newest first. */
  entries(): Locator {
    return this.page.getByTestId("audit-entry");
  }

  /** Entries of one action (`auth.login_failed`). */
  entriesOf(action: string): Locator {
    return this.page.locator(`[data-testid="audit-entry"][data-action="${action}"]`);
  }

  /** Narrows to one action, picked by its name as the screen shows it. */
  async filterByAction(label: string): Promise<void> {
    await this.pick("audit-filter-action", label);
  }

  /** Narrows to what one person did, picked by name. */
  async filterByPerson(name: string): Promise<void> {
    await this.pick("audit-filter-actor", name);
  }

  /** Clears the action filter. */
  async clearAction(): Promise<void> {
    const select = this.page.getByTestId("audit-filter-action");
    await select.hover();
    await select.locator(".ant-select-clear").click();
  }

  private async pick(testId: string, label: string): Promise<void> {
    const select = this.page.getByTestId(testId);
    await select.click();
    await select.locator("input").fill(label);
    await this.page
      .locator(
        `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`,
      )
      .first()
      .click();
    // The list reloads for the new filter.
    await this.page.getByTestId("audit-list").or(this.page.getByTestId("audit-empty")).waitFor();
  }
}
