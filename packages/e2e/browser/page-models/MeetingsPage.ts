import type { Locator, Page } from "playwright-core";

/** 会议: the list, the form that schedules one, and one meeting's screen (agenda, minutes, action items). */
export class MeetingsPage {
  constructor(readonly page: Page) {}

  async openList(): Promise<void> {
    await this.page.goto("/meetings");
    await this.page.getByTestId("meeting-new").waitFor();
  }

  private async pick(select: Locator, text: string): Promise<void> {
    const input = select.locator("input");
    await input.fill(text);
    await this.page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active")
      .filter({ hasText: text })
      .waitFor();
    await input.press("Enter");
  }

  /** Schedules a weekly meeting of a department, and waits for its screen. */
  async schedule(title: string, department: string, at: string): Promise<void> {
    await this.page.getByTestId("meeting-new").click();
    const form = this.page.getByTestId("meeting-form");
    await form.waitFor();
    await form.getByTestId("meeting-title").fill(title);
    await this.pick(form.getByTestId("meeting-department"), department);
    await form.getByTestId("meeting-when").fill(at);
    await this.page.getByTestId("meeting-create").click();
    await this.page.waitForURL((url) => /^\/meetings\/[^/]+$/.test(url.pathname));
    await this.page.getByTestId("meeting-page").waitFor();
  }

  /** The agenda items of one section (`off_track`, `at_risk`, …). */
  section(kind: string): Locator {
    return this.page.getByTestId(`agenda-${kind}`).getByTestId("agenda-item");
  }

  status(): Locator {
    return this.page.getByTestId("meeting-status");
  }

  async start(): Promise<void> {
    await this.page.getByTestId("meeting-start").click();
    await this.page.getByTestId("meeting-end").waitFor();
  }

  async writeMinutes(text: string): Promise<void> {
    await this.page.getByTestId("meeting-minutes-edit").click();
    await this.page.getByTestId("meeting-minutes-input").fill(text);
    await this.page.getByTestId("meeting-minutes-save").click();
    await this.page.getByTestId("meeting-minutes-html").waitFor();
  }

  minutes(): Locator {
    return this.page.getByTestId("meeting-minutes-html");
  }

  async addActionItem(title: string, owner: string): Promise<void> {
    await this.page.getByTestId("action-item-title").fill(title);
    await this.pick(this.page.getByTestId("action-item-owner"), owner);
    await this.page.getByTestId("action-item-add").click();
    await this.page.getByTestId("action-item").filter({ hasText: title }).waitFor();
  }

  async end(): Promise<void> {
    await this.page.getByTestId("meeting-end").click();
    await this.page.getByTestId("meeting-end").waitFor({ state: "detached" });
  }

  /** Opens the presenter view from the meeting's screen. */
  async present(): Promise<void> {
    await this.page.getByTestId("meeting-present").click();
    await this.page.getByTestId("presenter-item").waitFor();
  }

  /** The presenter's item title, once its position reads `n / …` (1-based). */
  async presented(n: number): Promise<string> {
    await this.page
      .getByTestId("presenter-position")
      .filter({ hasText: new RegExp(`^${n} / \\d+$`) })
      .waitFor();
    return (await this.page.getByTestId("presenter-item-title").textContent()) ?? "";
  }

  /** Checks the presented KR in from the meeting: a new value and a note. */
  async checkInFromPresenter(value: string, note: string): Promise<void> {
    const form = this.page.getByTestId("presenter-check-in");
    await form.locator(".ant-input-number input").fill(value);
    await form.getByTestId("presenter-check-in-note").fill(note);
    await form.getByTestId("presenter-check-in-save").click();
    await this.page.locator(".ant-message-success").waitFor();
  }

  /** My open action items on the home page. */
  async myActionItems(): Promise<Locator> {
    await this.page.goto("/");
    const card = this.page.getByTestId("my-action-items");
    await card.getByTestId("my-action-item").first().waitFor();
    return card.getByTestId("my-action-item");
  }

  /** Adds people to the meeting's attendees through the editor, and saves. */
  async addAttendees(...names: string[]): Promise<void> {
    await this.page.getByTestId("attendees-edit").click();
    const select = this.page.getByTestId("attendee-select");
    for (const name of names) await this.pick(select, name);
    await this.page.getByTestId("attendees-save").click();
    await this.page.getByTestId("attendee-editor").waitFor({ state: "detached" });
  }

  attendees(): Locator {
    return this.page.getByTestId("meeting-attendees");
  }
}
