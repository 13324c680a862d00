import type { Locator, Page } from "playwright-core";

type ProposalDraft = {
  title: string;
  parentKr: string;
  pitch: string;
  kr: { title: string; start: number; target: number };
};

/** 赛马: the proposals board, the form that makes one, a proposal's page, and the race view. */
export class ProposalsPage {
  constructor(readonly page: Page) {}

  async openBoard(): Promise<void> {
    await this.page.goto("/proposals");
    await this.page.getByTestId("proposals-page").waitFor();
    await this.page.getByTestId("proposal-new").waitFor();
  }

  /** A proposal's card on the board. */
  card(title: string): Locator {
    return this.page.getByTestId("proposal-card").filter({ hasText: title });
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

  /** Proposes from the board: title, the KR it serves, a pitch and one numeric draft KR; waits for its page. */
  async propose(input: ProposalDraft): Promise<string> {
    await this.fill(input);
    return this.submit();
  }

  /** Opens the form from the board and fills it in, until the coach has read it. */
  async fill(input: ProposalDraft): Promise<void> {
    await this.page.getByTestId("proposal-new").click();
    const form = this.page.getByTestId("proposal-form");
    await form.waitFor();
    await form.getByTestId("proposal-title-input").fill(input.title);
    await this.pick(form.getByTestId("alignment-parent"), input.parentKr);
    await form.getByTestId("proposal-pitch").fill(input.pitch);
    const kr = form.getByTestId("proposal-kr").first();
    await kr.getByTestId("proposal-kr-title").fill(input.kr.title);
    await kr.getByTestId("proposal-kr-start").fill(String(input.kr.start));
    await kr.getByTestId("proposal-kr-target").fill(String(input.kr.target));
    // The coach reads the draft as it is typed.
    await form.getByTestId("coach-score").waitFor();
  }

  /** Sends the filled-in form; answers the new proposal's id once its page shows. */
  async submit(): Promise<string> {
    await this.page.getByTestId("proposal-submit").click();
    await this.page.waitForURL((url) => /^\/proposals\/(?!new)[^/]+$/.test(url.pathname));
    await this.page.getByTestId("proposal-page").waitFor();
    return new URL(this.page.url()).pathname.split("/")[2] ?? "";
  }

  async openProposal(id: string): Promise<void> {
    await this.page.goto(`/proposals/${id}`);
    await this.page.getByTestId("proposal-page").waitFor();
  }

  status(): Locator {
    return this.page.getByTestId("proposal-page").getByTestId("proposal-status");
  }

  /** Clicks an action (`back`, `join`, …) on a card of the board and waits until the card shows the answer. */
  async act(title: string, action: "back" | "join" | "unback" | "leave", then: string): Promise<void> {
    await this.card(title).getByTestId(`proposal-${action}`).click();
    await this.card(title).getByTestId(then).waitFor();
  }

  async accept(): Promise<void> {
    await this.page.getByTestId("proposal-accept").click();
    await this.page.getByTestId("proposal-accept-confirm").click();
    await this.page.locator('[data-testid="proposal-status"][data-status="accepted"]').waitFor();
  }

  async reject(reason: string): Promise<void> {
    await this.page.getByTestId("proposal-reject").click();
    await this.page.getByTestId("proposal-reject-reason").fill(reason);
    await this.page.getByTestId("proposal-reject-confirm").click();
    await this.page.locator('[data-testid="proposal-status"][data-status="rejected"]').waitFor();
  }

  /** Opens the spin-off dialog, names the department and confirms (its team moving by default). */
  async trySpinOff(name: string): Promise<void> {
    const form = this.page.getByTestId("spin-off-form");
    if (!(await form.isVisible())) await this.page.getByTestId("proposal-spin-off").click();
    await form.waitFor();
    await form.getByTestId("spin-off-name").fill(name);
    await this.page.getByTestId("spin-off-confirm").click();
  }

  /** The error shown under the spin-off dialog's department name. */
  spinOffNameError(): Locator {
    return this.page.getByTestId("spin-off-form").locator(".ant-form-item-explain-error");
  }

  /** Spins the proposal off into a department (its team moving by default); answers the department's id. */
  async spinOff(name: string): Promise<string> {
    await this.trySpinOff(name);
    const link = this.page.getByTestId("proposal-department-link");
    await link.waitFor();
    const href = (await link.getAttribute("href")) ?? "";
    return href.split("/")[2] ?? "";
  }

  async openRace(parentKeyResultId: string): Promise<void> {
    await this.page.goto(`/races?parentKeyResultId=${parentKeyResultId}`);
    await this.page.getByTestId("race-leaderboard").waitFor();
    await this.page.getByTestId("race-chart").locator("svg").waitFor();
  }

  /** The leaderboard as shown: each row's rank, title and progress text, top first. */
  async leaderboard(): Promise<Array<{ rank: string; title: string; progress: string }>> {
    const rows = this.page.getByTestId("race-row");
    const found = [];
    for (const row of await rows.all()) {
      found.push({
        rank: ((await row.getByTestId("race-rank").textContent()) ?? "").trim(),
        title: ((await row.getByTestId("race-title").textContent()) ?? "").trim(),
        progress: ((await row.getByTestId("race-progress").textContent()) ?? "").trim(),
      });
    }
    return found;
  }
}
