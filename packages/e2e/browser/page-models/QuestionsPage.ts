import type { Locator, Page } from "playwright-core";

/** CEO 面对面: ask (optionally anonymously), vote, answer. */
export class QuestionsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/questions");
    await this.page.getByTestId("question-body").waitFor();
  }

  async ask(text: string, anonymous: boolean): Promise<void> {
    await this.page.getByTestId("question-body").fill(text);
    if (anonymous) await this.page.getByTestId("question-anonymous").click();
    await this.page.getByTestId("question-submit").click();
    await this.question(text).waitFor();
  }

  question(text: string): Locator {
    return this.page.getByTestId("question").filter({ hasText: text });
  }

  async vote(text: string): Promise<void> {
    const question = this.question(text);
    const before = Number(await question.getByTestId("question-votes").textContent());
    await question.getByTestId("question-vote").click();
    await question
      .getByTestId("question-votes")
      .filter({ hasText: String(before + 1) })
      .waitFor();
  }

  async answer(text: string, answer: string): Promise<void> {
    const question = this.question(text);
    await question.getByTestId("question-answer-open").click();
    await question.getByTestId("question-answer-input").fill(answer);
    await question.getByTestId("question-answer-save").click();
    await this.page.getByTestId("questions-filter").locator(".ant-segmented-item").nth(1).click();
    await this.question(text).getByTestId("question-answer").waitFor();
  }
}
