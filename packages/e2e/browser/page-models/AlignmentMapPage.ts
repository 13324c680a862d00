import type { Locator, Page } from "playwright-core";

/** 对齐地图: the map read level by level, its search, and a node's toggle. */
export class AlignmentMapPage {
  constructor(readonly page: Page) {}

  /** Opens the map of a cycle (optionally at an objective) and waits for its first rows. */
  async open(cycleId: string, objectiveId?: string): Promise<void> {
    const at = objectiveId ? `&objective=${objectiveId}` : "";
    await this.page.goto(`/alignment-map?cycle=${cycleId}${at}`);
    await this.nodes().first().waitFor();
  }

  nodes(): Locator {
    return this.page.getByTestId("map-node");
  }

  node(title: string): Locator {
    return this.nodes().filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }

  /** The titles drawn at a depth, in order. */
  async titlesAt(depth: number): Promise<string[]> {
    return this.page.locator(`[data-testid="map-node"][data-depth="${depth}"] .map-title`).allTextContents();
  }

  /** Opens (or closes) a node and waits for the level under it, when it opens. */
  async toggle(title: string): Promise<void> {
    const toggle = this.node(title).getByTestId("map-toggle");
    const wasOpen = (await toggle.getAttribute("aria-expanded")) === "true";
    await toggle.click();
    await this.page
      .locator(`[data-testid="map-node"] [data-testid="map-toggle"][aria-expanded="${!wasOpen}"]`)
      .first()
      .waitFor();
  }

  async collapseAll(): Promise<void> {
    await this.page.getByTestId("map-collapse-all").click();
  }

  /** Types in the map's search and picks the hit with this title. */
  async find(text: string, title: string): Promise<void> {
    const search = this.page.getByTestId("map-search");
    await search.click();
    await search.locator("input").fill(text);
    await this.page.locator(".ant-select-item-option").filter({ hasText: title }).first().click();
  }

  /** The node the map was opened at (a search pick or a link). */
  focused(): Locator {
    return this.page.locator('[data-testid="map-node"][aria-current="true"]');
  }
}
