import type { Locator, Page } from "playwright-core";

export type KeyResultData = {
  title: string;
  /** The type's label as the UI shows it; left as is (number) when absent. */
  typeLabel?: string;
  start?: number;
  target?: number;
  unit?: string;
  milestones?: readonly string[];
};

/** The OKR editor: objective, KRs by type, alignment, and the coach's live findings. */
export class EditorPage {
  constructor(readonly page: Page) {}

  async openNew(): Promise<void> {
    await this.page.goto("/objectives/new");
    await this.page.locator("#title").waitFor();
  }

  async chooseLevel(label: string): Promise<void> {
    await this.page.locator("label.ant-radio-button-wrapper", { hasText: label }).click();
  }

  async fillTitle(title: string): Promise<void> {
    await this.page.locator("#title").fill(title);
  }

  async fillKeyResult(index: number, kr: KeyResultData): Promise<void> {
    const id = (field: string) => `#keyResults_${index}_${field}`;
    if (kr.typeLabel) await this.chooseType(index, kr.typeLabel);
    await this.page.locator(id("title")).fill(kr.title);
    if (kr.start !== undefined) await this.page.locator(id("startValue")).fill(String(kr.start));
    if (kr.target !== undefined) await this.page.locator(id("targetValue")).fill(String(kr.target));
    if (kr.unit !== undefined) await this.page.locator(id("unit")).fill(kr.unit);
    for (const [i, milestone] of (kr.milestones ?? []).entries()) {
      const input = this.page.locator(`#keyResults_${index}_milestones_${i}_title`);
      if (!(await input.count()))
        await this.krEditor(index)
          .getByRole("button", { name: /\+|Add milestone|添加里程碑/ })
          .last()
          .click();
      await this.page.locator(`#keyResults_${index}_milestones_${i}_title`).fill(milestone);
    }
  }

  /**
   * Picks a KR's type and waits until the select shows it: on a loaded machine a click can land while the
   * dropdown is still opening, so the choice is made again until it took.
   */
  async chooseType(index: number, label: string): Promise<void> {
    const select = this.page.locator(`#keyResults_${index}_type`);
    const option = this.page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: label })
      .last();
    const chosen = this.page.locator(`.ant-select:has(#keyResults_${index}_type)`, { hasText: label });
    // The coach's hints above re-render as the form changes and can move the dropdown under the pointer:
    // open it again and pick again, with short waits, until the select shows the type.
    for (let attempt = 1; ; attempt++) {
      try {
        await select.click({ timeout: 3_000 });
        await option.click({ timeout: 3_000 });
        await chosen.first().waitFor({ timeout: 3_000 });
        return;
      } catch (error) {
        if (attempt >= 4) throw error;
        await this.page.keyboard.press("Escape");
      }
    }
  }

  krEditor(index: number): Locator {
    return this.page.getByTestId("kr-editor").nth(index);
  }

  async addKeyResult(): Promise<void> {
    await this.page.getByTestId("add-kr").click();
  }

  /** Removes the KR at `index` from the form (the save deletes it). */
  async removeKeyResult(index: number): Promise<void> {
    await this.krEditor(index).locator(".kr-editor-head button").click();
  }

  /** How many KRs the form holds. */
  async keyResultCount(): Promise<number> {
    return this.page.getByTestId("kr-editor").count();
  }

  /** What the form holds now: the objective's title and each KR's title and target (as typed). */
  async values(): Promise<{ title: string; keyResults: Array<{ title: string; target: string | null }> }> {
    const keyResults = [];
    for (let i = 0; i < (await this.keyResultCount()); i++) {
      const target = this.page.locator(`#keyResults_${i}_targetValue`);
      keyResults.push({
        title: await this.page.locator(`#keyResults_${i}_title`).inputValue(),
        target: (await target.count()) ? await target.inputValue() : null,
      });
    }
    return { title: await this.page.locator("#title").inputValue(), keyResults };
  }

  /** The error shown above the form (a network failure, a conflict…). */
  formError(): Locator {
    return this.page.getByTestId("form-error");
  }

  /** The coach's findings shown under a KR (or the objective with index "objective"). */
  hints(target: number | "objective" | "set"): Locator {
    const testId = typeof target === "number" ? `coach-kr-${target}` : `coach-${target}`;
    return this.page.getByTestId(testId).getByTestId("coach-hint");
  }

  /** The owning department of a department-level objective. */
  async chooseDepartment(name: string): Promise<void> {
    await this.page.locator("#ownerDepartmentId").click();
    await this.page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: name })
      .first()
      .click();
  }

  async chooseParent(search: string, optionText: string): Promise<void> {
    await this.page.locator("#parent").click();
    await this.page.locator("#parent").fill(search);
    await this.page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: optionText })
      .first()
      .click();
  }

  fieldError(field: string): Locator {
    return this.page.locator(`.ant-form-item:has(#${field}) .ant-form-item-explain-error`);
  }

  async save(): Promise<void> {
    await this.page.getByTestId("editor-save").click();
  }

  async saveAndWait(): Promise<void> {
    await this.save();
    await this.page.waitForURL(/\/objectives\/[^/]+$/);
    await this.page.getByTestId("objective-title").waitFor();
  }

  /** What a KR's direction select shows: the user's choice, or the direction read from the numbers. */
  async directionShown(index: number): Promise<string> {
    return (await this.page.locator(`.ant-select:has(#keyResults_${index}_direction)`).textContent()) ?? "";
  }

  /** Picks a KR's direction explicitly (增长 / 降低). */
  async chooseDirection(index: number, label: string): Promise<void> {
    await this.page.locator(`#keyResults_${index}_direction`).click();
    await this.page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: label })
      .last()
      .click();
  }

  /** Whether an element lies within the window, clear of the sticky save bar at the bottom. */
  async isClearOfSaveBar(locator: Locator): Promise<boolean> {
    const box = await locator.boundingBox();
    const bar = await this.page.locator(".sticky-actions").boundingBox();
    if (!box || !bar) return false;
    return box.y >= 0 && box.y + box.height <= bar.y;
  }
}
