import type { Locator, Page } from "playwright-core";

/** 我的团队: a manager's reports, each with their OKRs, latest notes and missing check-ins. */
export class TeamPage {
  constructor(readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`/team${query}`);
    await this.page.getByTestId("team").or(this.page.locator(".ant-empty")).first().waitFor();
  }

  people(): Locator {
    return this.page.getByTestId("team-person");
  }

  person(name: string): Locator {
    return this.people().filter({
      has: this.page.getByTestId("team-person-name").getByText(name, { exact: true }),
    });
  }

  /** The latest notes shown for a person's KRs, in order. */
  async notesOf(name: string): Promise<string[]> {
    return (await this.person(name).getByTestId("team-note").allTextContents()).map((t) => t.trim());
  }

  async showIndirect(): Promise<void> {
    await this.page.getByTestId("team-indirect").click();
    await this.page.waitForURL((url) => url.searchParams.get("indirect") === "1");
  }
}
