import type { Locator, Page } from "playwright-core";

/** 周进展: one row per KR, one submit. */
export class CheckInPage {
  constructor(readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("checkin-row").first().waitFor();
  }

  row(krTitle: string): Locator {
    return this.page.getByTestId("checkin-row").filter({ hasText: krTitle });
  }

  async setValue(krTitle: string, value: number): Promise<void> {
    const input = this.row(krTitle).locator('input[id$="-value"]');
    await input.fill(String(value));
  }

  async tickMilestone(krTitle: string, milestone: string): Promise<void> {
    await this.row(krTitle).getByLabel(milestone).check();
  }

  /** The confidence as the row's label shows it ("—" before a KR's first check-in). */
  async confidenceText(krTitle: string): Promise<string> {
    return (await this.row(krTitle).locator('[id$="-confidence-label"]').textContent()) ?? "";
  }

  /** The message under a row's field, e.g. the confidence a first check-in asks for. */
  async fieldError(krTitle: string): Promise<string> {
    return (await this.row(krTitle).locator(".ant-form-item-explain-error").first().textContent()) ?? "";
  }

  /** Moves the confidence slider with the keyboard, as a person without a mouse would (Home picks 0). */
  async setConfidence(krTitle: string, confidence: number): Promise<void> {
    const handle = this.row(krTitle).locator(".ant-slider-handle");
    await handle.focus();
    await this.page.keyboard.press("Home");
    for (let i = 0; i < confidence; i++) await this.page.keyboard.press("ArrowRight");
  }

  async setNote(krTitle: string, note: string): Promise<void> {
    await this.row(krTitle).locator("textarea").fill(note);
  }

  async submitWithKeyboard(): Promise<void> {
    await this.page.keyboard.press("Control+Enter");
  }

  async submit(): Promise<void> {
    await this.page.getByTestId("checkin-submit").click();
  }

  async progressText(krTitle: string): Promise<string> {
    return (await this.row(krTitle).getByTestId("progress-text").textContent()) ?? "";
  }
}
