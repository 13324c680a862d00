import type { Locator, Page } from "playwright-core";

/** 管理: departments, members, cycles and chat channels, each on its own tab. */
export class AdminPage {
  constructor(readonly page: Page) {}

  async open(tab: "org" | "departments" | "members" | "cycles" | "integrations" | "webhooks"): Promise<void> {
    await this.page.goto(`/admin?tab=${tab}`);
    const shown = {
      org: "org-form",
      departments: "department-tree",
      members: "member-table",
      cycles: "cycle-table",
      integrations: "integration-list",
      webhooks: "webhook-list",
    };
    await this.page.getByTestId(shown[tab]).waitFor();
  }

  /** Picks an option of an Ant Design select by typing part of it and clicking the whole. */
  async pick(selectId: string, label: string, typed?: string): Promise<void> {
    const input = this.page.locator(`#${selectId}`);
    await input.click();
    if (typed !== undefined) await input.fill(typed);
    const option = this.page.locator(
      `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`,
    );
    await option.first().click();
  }

  async createDepartment(name: string): Promise<void> {
    await this.page.locator("#newDepartment_name").fill(name);
    await this.page.getByTestId("department-create").locator('button[type="submit"]').click();
    await this.page.getByTestId("department-tree").getByText(name, { exact: true }).waitFor();
  }

  /** Selects a department in the tree and asks to delete it (the API may refuse). */
  async deleteDepartment(name: string): Promise<void> {
    await this.page.getByTestId("department-tree").getByText(name, { exact: true }).click();
    await this.page.getByTestId("department-delete").click();
    await this.page.locator(".ant-popconfirm .ant-btn-primary").click();
  }

  async createMember(data: {
    email: string;
    name: string;
    password: string;
    department: string;
    manager: string;
    title: string;
  }): Promise<void> {
    await this.page.getByTestId("member-new").click();
    await this.page.locator("#member_email").fill(data.email);
    await this.page.locator("#member_name").fill(data.name);
    await this.page.locator("#member_password").fill(data.password);
    await this.pick("member_departmentId", data.department, data.department);
    await this.pick("member_managerId", data.manager, data.manager.split(" · ")[0]);
    await this.page.locator("#member_title").fill(data.title);
    await this.page.getByTestId("member-save").click();
    await this.memberRow(data.email).waitFor();
  }

  memberRow(email: string): Locator {
    return this.page.getByTestId("member-table").locator("tr", { hasText: email });
  }

  async createCycle(data: {
    name: string;
    kindLabel: string;
    startDate: string;
    endDate: string;
  }): Promise<void> {
    await this.page.locator("#cycle_name").fill(data.name);
    await this.pick("cycle_kind", data.kindLabel);
    await this.page.locator("#cycle_startDate").fill(data.startDate);
    await this.page.locator("#cycle_endDate").fill(data.endDate);
    await this.page.getByTestId("cycle-create").click();
    await this.page.getByTestId("cycle-table").getByText(data.name, { exact: true }).waitFor();
  }

  /** Moves a cycle one phase on, reading the confirmation that says what the phase means. */
  async advance(cycleName: string): Promise<string> {
    await this.page.getByTestId(`advance-${cycleName}`).click();
    const meaning = this.page.getByTestId("phase-meaning");
    await meaning.waitFor();
    const text = (await meaning.textContent()) ?? "";
    await this.page.locator(".ant-modal-confirm .ant-btn-primary").click();
    await meaning.waitFor({ state: "detached" });
    return text;
  }

  /** 批量邀请: pastes a list, checks the preview, sends; returns the links shown to copy, by email. */
  async inviteList(list: string, expected: number): Promise<Map<string, string>> {
    await this.page.getByTestId("member-bulk-invite").click();
    await this.page.getByTestId("bulk-invite-text").fill(list);
    await this.page
      .getByTestId("bulk-invite-preview")
      .locator("tbody tr.ant-table-row")
      .nth(expected - 1)
      .waitFor();
    return this.sendInvitations();
  }

  async sendInvitations(): Promise<Map<string, string>> {
    await this.page.getByTestId("bulk-invite-send").click();
    return this.shownLinks();
  }

  /** The links of the modal that shows them once, by email. */
  async shownLinks(): Promise<Map<string, string>> {
    const items = this.page.getByTestId("invitation-link");
    await items.first().waitFor();
    const links = new Map<string, string>();
    for (const item of await items.all()) {
      links.set((await item.getAttribute("data-email")) ?? "", (await item.getAttribute("data-url")) ?? "");
    }
    return links;
  }

  async closeLinks(): Promise<void> {
    await this.page.getByTestId("links-done").click();
    await this.page.getByTestId("invitation-links").waitFor({ state: "detached" });
  }

  /** Opens a member, resets their password and returns the link to hand over. */
  async resetPassword(email: string): Promise<string> {
    await this.page.getByTestId(`member-edit-${email}`).click();
    await this.page.getByTestId("member-reset-password").click();
    await this.page.getByTestId("member-reset-confirm").click();
    const links = await this.shownLinks();
    const url = links.get(email);
    if (!url) throw new Error(`no reset link for ${email}`);
    return url;
  }

  /** 消息集成: opens the form of a new chat channel (the platform preset to Feishu/Lark). */
  async openNewIntegration(): Promise<void> {
    await this.page.getByTestId("integration-new").click();
    await this.page.getByTestId("integration-form").waitFor();
  }

  /** Fills the channel form: its name, webhook, secret, and the kinds of notification to tick on. */
  async fillIntegration(data: {
    name: string;
    webhookUrl: string;
    secret?: string;
    tick?: string[];
  }): Promise<void> {
    await this.page.locator("#integration_name").fill(data.name);
    await this.page.locator("#integration_webhookUrl").fill(data.webhookUrl);
    if (data.secret !== undefined) await this.page.locator("#integration_secret").fill(data.secret);
    for (const label of data.tick ?? []) {
      await this.page.getByTestId("integration-events").getByText(label, { exact: true }).click();
    }
  }

  /** Saves the channel form and waits for its card. */
  async saveIntegration(name: string): Promise<void> {
    await this.page.getByTestId("integration-save").click();
    await this.page.getByTestId("integration-form").waitFor({ state: "detached" });
    await this.integrationCard(name).waitFor();
  }

  integrationCard(name: string): Locator {
    return this.page.getByTestId(`integration-${name}`);
  }

  /** Opens a channel's form again. */
  async editIntegration(name: string): Promise<void> {
    await this.integrationCard(name).getByTestId("integration-edit").click();
    await this.page.getByTestId("integration-form").waitFor();
  }

  /** Sends a test message from a channel's card and returns what the card then says. */
  async sendTestMessage(name: string): Promise<{ ok: boolean; text: string }> {
    const card = this.integrationCard(name);
    await card.getByTestId("integration-test").click();
    const result = card.getByTestId("integration-test-result");
    await result.waitFor();
    const ok = (await result.getAttribute("class"))?.includes("ant-alert-success") ?? false;
    return { ok, text: (await result.textContent()) ?? "" };
  }
}
