import type { Page } from "playwright-core";
import { waitForCondition } from "../harness/browser.ts";

/** What every signed-in screen has: navigation, the language switch, the user's menu. */
export class AppShell {
  constructor(readonly page: Page) {}

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
  }

  /** Waits until no request is in flight and React has painted. */
  async settle(): Promise<void> {
    await this.page.waitForLoadState("networkidle");
    await this.page
      .locator(".ant-spin-spinning")
      .first()
      .waitFor({ state: "detached", timeout: 15_000 })
      .catch(() => {});
  }

  async switchLanguage(name: "中文" | "English"): Promise<void> {
    const lang = name === "中文" ? "zh-CN" : "en";
    // The dropdown animates in; a click that lands mid-animation is lost, so check and try again.
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.getByTestId("language-switch").first().click();
      const option = this.page.locator(
        `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${name}"]`,
      );
      await option.waitFor();
      await option.click();
      const switched = await waitForCondition(
        this.page,
        `document.documentElement.lang === ${JSON.stringify(lang)}`,
        3000,
      )
        .then(() => true)
        .catch(() => false);
      if (switched) return;
      await this.page.keyboard.press("Escape");
    }
    throw new Error(`The language did not switch to ${name}`);
  }

  /** The items of the header's navigation that Ant Design folded under "···" for lack of room. */
  async navItemsOutOfView(): Promise<string[]> {
    return this.page.evaluate<string[]>(`
      [...document.querySelectorAll(".app-nav > li")]
        .filter((li) => !li.classList.contains("ant-menu-overflow-item-rest"))
        .filter((li) => getComputedStyle(li).opacity === "0" || li.getAttribute("aria-hidden") === "true")
        .map((li) => li.textContent ?? "")
    `);
  }

  async signOut(): Promise<void> {
    const menu = this.page.getByTestId("user-menu");
    if (await menu.isVisible()) {
      await menu.click();
    } else {
      await this.page.getByTestId("nav-menu").click();
    }
    await this.page
      .locator(".ant-dropdown-menu-item, .ant-menu-item")
      .filter({ has: this.page.locator(".anticon-logout") })
      .click();
    await this.page.waitForURL(/\/login/);
  }
}
