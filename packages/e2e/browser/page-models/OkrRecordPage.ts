import type { Locator, Page } from "playwright-core";

/** A person's OKR record (人才密度) on their profile: one collapsible panel per cycle, newest first. */
export class OkrRecordPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId("okr-record");
  }

  /** Waits for the record's cycles (and its chart, when a cycle is scored). */
  async waitForCycles(): Promise<void> {
    await this.root.getByTestId("record-cycle").first().waitFor();
  }

  /** The cycle ids in the order shown. */
  async cycleIds(): Promise<string[]> {
    return this.root
      .getByTestId("record-cycle")
      .evaluateAll((labels) => labels.map((l) => l.getAttribute("data-cycle") ?? ""));
  }

  /** One cycle's panel, header and body. */
  cycle(cycleId: string): Locator {
    return this.root
      .locator(".ant-collapse-item")
      .filter({ has: this.page.locator(`[data-testid="record-cycle"][data-cycle="${cycleId}"]`) });
  }

  /** Opens a cycle's panel when it is folded, and answers its body. */
  async open(cycleId: string): Promise<Locator> {
    const panel = this.cycle(cycleId);
    const body = panel.getByTestId("record-cycle-body");
    if (!(await body.isVisible())) await panel.getByTestId("record-cycle").click();
    await body.waitFor();
    return body;
  }

  /** The value shown for one figure of a cycle (checkIns, aligned, proposals, praise, reviews). */
  async figure(
    cycleId: string,
    key: "checkIns" | "aligned" | "proposals" | "praise" | "reviews",
  ): Promise<string> {
    const body = await this.open(cycleId);
    return ((await body.getByTestId(`record-${key}`).locator("dd").textContent()) ?? "").trim();
  }
}
