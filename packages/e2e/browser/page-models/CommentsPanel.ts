import type { Locator, Page } from "playwright-core";

/**
 * A conversation (评论): on an objective's page, or in the drawer a KR's or a check-in's line opens. One
 * method per thing a person does: write (with `@` picked from the list), reply, react, edit, delete.
 */
export class CommentsPanel {
  private constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  /** The objective's own conversation, at the bottom of its page. */
  static onObjective(page: Page): CommentsPanel {
    return new CommentsPanel(page, page.locator("#comments").getByTestId("comments"));
  }

  /** Opens a KR's conversation from its line on the objective's page. */
  static async openForKeyResult(page: Page, krRow: Locator): Promise<CommentsPanel> {
    await krRow.getByTestId("key_result-comments").click();
    const drawer = page.locator(".comments-drawer").getByTestId("comments");
    await drawer.waitFor();
    return new CommentsPanel(page, drawer);
  }

  async closeDrawer(): Promise<void> {
    await this.page.locator(".comments-drawer .ant-drawer-close").click();
    await this.root.waitFor({ state: "detached" });
  }

  comments(): Locator {
    return this.root.getByTestId("comment");
  }

  comment(text: string): Locator {
    return this.comments().filter({ has: this.page.getByTestId("comment-body").filter({ hasText: text }) });
  }

  /**
   * Writes into a composer: text, with `@name` picked from the autocomplete list where the parts say so
   * (typing "@" opens the list of the organization's members).
   */
  private async compose(
    composer: Locator,
    parts: ReadonlyArray<string | { mention: string }>,
  ): Promise<void> {
    const input = composer.locator("textarea");
    await input.click();
    for (const part of parts) {
      if (typeof part === "string") {
        await input.pressSequentially(part);
        continue;
      }
      await input.press("@");
      const option = this.page
        .locator(".ant-mentions-dropdown:not(.ant-mentions-dropdown-hidden)")
        .getByTestId("mention-option")
        .filter({ hasText: part.mention });
      await option.first().click();
    }
  }

  /** Writes a new comment and waits until the thread shows it. */
  async write(parts: ReadonlyArray<string | { mention: string }>, expect: string): Promise<Locator> {
    const composer = this.root.getByTestId("comment-composer");
    await this.compose(composer, parts);
    await composer.getByTestId("comment-composer-send").click();
    const written = this.comment(expect);
    await written.waitFor();
    return written;
  }

  async reply(
    to: Locator,
    parts: ReadonlyArray<string | { mention: string }>,
    expect: string,
  ): Promise<Locator> {
    await to.getByTestId("comment-reply").click();
    const composer = this.root.getByTestId("comment-reply-composer");
    await this.compose(composer, parts);
    await composer.getByTestId("comment-reply-composer-send").click();
    const written = this.comment(expect);
    await written.waitFor();
    return written;
  }

  /** Adds a reaction from the picker and waits for its count. */
  async react(to: Locator, emoji: string): Promise<void> {
    await to.getByTestId("comment-react").click();
    await this.page
      .locator(".ant-popover:not(.ant-popover-hidden)")
      .getByTestId("comment-emoji")
      .filter({ hasText: emoji })
      .click();
    await to.getByTestId("comment-reaction").filter({ hasText: emoji }).waitFor();
  }

  reaction(of: Locator, emoji: string): Locator {
    return of.getByTestId("comment-reaction").filter({ hasText: emoji });
  }

  async edit(comment: Locator, text: string, expect: string): Promise<Locator> {
    // While it is edited its text is gone: hold on to the comment by its id.
    const editing = this.root.locator(`[id="${await comment.getAttribute("id")}"]`);
    await editing.getByTestId("comment-edit-start").click();
    const input = editing.getByTestId("comment-edit").locator("textarea");
    await input.fill(text);
    await editing.getByTestId("comment-edit-send").click();
    const edited = this.comment(expect);
    await edited.getByTestId("comment-edited").waitFor();
    return edited;
  }
}
