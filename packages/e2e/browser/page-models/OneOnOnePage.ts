import type { Locator, Page } from "playwright-core";

/** 一对一: the list of my 1:1s, the form that schedules one, and one 1:1's screen. */
export class OneOnOnePage {
  constructor(readonly page: Page) {}

  async openList(): Promise<void> {
    await this.page.goto("/one-on-ones");
    await this.page.getByTestId("one-on-one-new").waitFor();
  }

  /** Schedules a 1:1 with a person picked by name, and waits for its screen. */
  async schedule(name: string, at: string, title: string): Promise<void> {
    await this.page.getByTestId("one-on-one-new").click();
    const form = this.page.getByTestId("one-on-one-form");
    await form.waitFor();
    const person = form.getByTestId("one-on-one-person").locator("input");
    await person.fill(name);
    await this.page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active")
      .filter({ hasText: name })
      .waitFor();
    await person.press("Enter");
    await form.getByTestId("one-on-one-when").fill(at);
    await form.locator("#title").fill(title);
    await this.page.getByTestId("one-on-one-create").click();
    await this.page.waitForURL((url) => /^\/one-on-ones\/[^/]+$/.test(url.pathname));
    await this.page.getByTestId("one-on-one-page").waitFor();
  }

  async openFirst(): Promise<void> {
    await this.openList();
    await this.page.getByTestId("one-on-one-row").first().locator("a").click();
    await this.page.getByTestId("one-on-one-page").waitFor();
  }

  /** Puts one of the report's key results on the agenda, picked by title. */
  async addKeyResult(title: string): Promise<void> {
    const agenda = this.page.getByTestId("one-on-one-agenda");
    await agenda.getByTestId("agenda-kind").locator(".ant-segmented-item").nth(1).click();
    const select = agenda.getByTestId("agenda-kr-select").locator("input");
    await select.fill(title);
    await this.page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active")
      .filter({ hasText: title })
      .waitFor();
    await select.press("Enter");
    await agenda.getByTestId("agenda-add").click();
    await this.agendaKr(title).waitFor();
  }

  async addTopic(text: string): Promise<void> {
    const agenda = this.page.getByTestId("one-on-one-agenda");
    await agenda.getByTestId("agenda-kind").locator(".ant-segmented-item").nth(0).click();
    await agenda.getByTestId("agenda-text").fill(text);
    await agenda.getByTestId("agenda-add").click();
    await agenda.getByTestId("agenda-item").filter({ hasText: text }).waitFor();
  }

  agendaKr(title: string): Locator {
    return this.page.getByTestId("agenda-kr").filter({ hasText: title });
  }

  async writeSharedNotes(text: string): Promise<void> {
    const notes = this.page.getByTestId("one-on-one-notes");
    await notes.getByTestId("notes-edit").click();
    await notes.getByTestId("notes-input").fill(text);
    await notes.getByTestId("notes-save").click();
    await notes.getByTestId("notes-view").waitFor();
  }

  sharedNotes(): Locator {
    return this.page.getByTestId("notes-view");
  }

  async writePrivateNote(text: string): Promise<void> {
    const note = this.page.getByTestId("one-on-one-private");
    await note.getByTestId("private-input").fill(text);
    await note.getByTestId("private-save").click();
    await note.getByTestId("private-save").and(this.page.locator("[disabled]")).waitFor();
  }

  privateNote(): Locator {
    return this.page.getByTestId("private-input");
  }

  async addActionItem(title: string, ownerName: string): Promise<void> {
    const actions = this.page.getByTestId("one-on-one-actions");
    await actions.getByTestId("action-title").fill(title);
    const owner = actions.getByTestId("action-owner");
    if (!((await owner.textContent()) ?? "").includes(ownerName)) {
      await owner.click();
      await this.page
        .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
        .filter({ hasText: ownerName })
        .click();
    }
    await actions.getByTestId("action-add").click();
    await actions.getByTestId("action-item").filter({ hasText: title }).waitFor();
  }
}
