import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiAs, currentQuarter } from "./harness/api.ts";
import { launchBrowser, Session, screenshotOnFailure } from "./harness/browser.ts";
import { startWebServer, type WebServer } from "./harness/server.ts";
import { AlignmentMapPage } from "./page-models/AlignmentMapPage.ts";
import { LoginPage } from "./page-models/LoginPage.ts";

const PASSWORD = "correct horse battery";

const TEXT = {
  en: {
    org: "Northwind",
    departments: ["Sales", "Engineering", "Support"],
    people: ["Ann Archer", "Bo Baker", "Cy Carter", "Di Dunn"],
    company: (i: number) => `Company goal ${i}: grow the business`,
    department: (dept: string, j: number) => `${dept} goal ${j}`,
    personal: (person: string, k: number) => `${person}'s goal ${k}`,
  },
  "zh-CN": {
    org: "星河科技",
    departments: ["销售部", "研发部", "客服部"],
    people: ["安妮", "博文", "崔颖", "丁丁"],
    company: (i: number) => `公司目标 ${i}：业务增长`,
    department: (dept: string, j: number) => `${dept}目标 ${j}`,
    personal: (person: string, k: number) => `${person}的目标 ${k}`,
  },
} as const;

/**
 * The alignment map read level by level (tree/nodes, tree/path): it opens on the company's objectives and
 * the level under them, opens two levels more by hand, finds a personal objective deep below by search and
 * opens the map at it with its ancestors open, and does the same from a link — in both languages, at 1440
 * and 375 px.
 */
describe.each(["en", "zh-CN"] as const)("the alignment map, lazily, in %s", (language) => {
  const text = TEXT[language];
  let server: WebServer;
  let browser: Browser;
  let admin: Session;
  let cycleId = "";
  const ids = new Map<string, string>();

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const client = apiAs(server.baseUrl, language);
    await client.setup.run({
      organization: { name: text.org, locale: language, timezone: "Asia/Shanghai" },
      admin: { email: "owner@map.test", name: "Olivia Owner", password: PASSWORD },
    });
    await client.signIn("owner@map.test", PASSWORD);
    const [root] = await client.departments.list();
    cycleId = (await client.cycles.create({ kind: "quarter", ...currentQuarter() })).id;
    const kr = [{ title: "Reach 100 from 0", type: "number" as const, startValue: 0, targetValue: 100 }];
    const made = async (title: string, input: Record<string, unknown>, parentObjectiveId?: string) => {
      const o = await client.objectives.create({ cycleId, title, keyResults: kr, ...input } as never);
      if (parentObjectiveId) await client.objectives.align(o.id, { parentObjectiveId });
      await client.objectives.publish(o.id);
      ids.set(title, o.id);
      return o;
    };
    const companies = [];
    const toCheckIn: string[] = [];
    for (let i = 1; i <= 3; i++) companies.push(await made(text.company(i), { level: "company" }));
    for (const [d, name] of text.departments.entries()) {
      const department = await client.departments.create({ name, parentId: root?.id ?? "" });
      const person = text.people[d] as string;
      const member = await client.members.create({
        email: `p${d}@map.test`,
        name: person,
        password: PASSWORD,
        role: "member",
        departmentId: department.id,
      });
      for (let j = 1; j <= 2; j++) {
        const deptObjective = await made(
          text.department(name, j),
          { level: "department", ownerDepartmentId: department.id },
          companies[d]?.id,
        );
        for (let k = 1; k <= 2; k++) {
          const personal = await made(
            text.personal(person, (j - 1) * 2 + k),
            { level: "personal", ownerUserId: member.userId },
            deptObjective.id,
          );
          toCheckIn.push(personal.keyResults[0]?.id ?? "");
        }
      }
    }
    await client.cycles.advancePhase(cycleId, "aligning");
    await client.cycles.advancePhase(cycleId, "in_progress");
    // Health in every colour: some ahead of the quarter, some behind.
    for (const [i, keyResultId] of toCheckIn.entries()) {
      await client.keyResults.checkIn(keyResultId, { value: String((i * 37) % 100), confidence: 5 });
    }
    admin = await Session.open(browser, server.baseUrl, language);
    const login = new LoginPage(admin.page);
    await login.open();
    await login.signIn("owner@map.test", PASSWORD);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(context.task.name, [admin]);
  });

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await server?.close();
  });

  it("opens on the company's objectives and the level under them, and opens two levels more by hand", async () => {
    const map = new AlignmentMapPage(admin.page);
    await map.open(cycleId);
    expect(await map.titlesAt(0)).toEqual([1, 2, 3].map(text.company));
    expect(await map.titlesAt(1)).toHaveLength(6);
    expect(await map.titlesAt(2)).toEqual([]);
    expect(await admin.page.getByTestId("map-count").textContent()).toBe(
      admin.text("alignmentMap.shown", { count: 9 }),
    );

    await map.collapseAll();
    await admin.page
      .locator('[data-testid="map-node"][data-depth="1"]')
      .first()
      .waitFor({ state: "detached" });
    await map.toggle(text.company(2));
    const engineering = text.departments[1] as string;
    expect(await map.titlesAt(1)).toEqual([text.department(engineering, 1), text.department(engineering, 2)]);
    await map.toggle(text.department(engineering, 2));
    const bo = text.people[1] as string;
    expect(await map.titlesAt(2)).toEqual([text.personal(bo, 3), text.personal(bo, 4)]);
    // Health, progress and KRs show as they always did.
    const deep = map.node(text.personal(bo, 3));
    expect(await deep.getAttribute("class")).toMatch(/health-(on_track|at_risk|off_track|done)/);
    expect(await deep.getByTestId("map-progress").textContent()).toMatch(/^\d+%$/);
    expect(await deep.getByTestId("map-kr-count").textContent()).toBe(
      admin.text("alignmentMap.keyResults", { count: 1 }),
    );
    expect((await admin.screenshotBothWidths("alignment-map-levels")).phoneOverflow).toBe(0);
    expect(admin.errors).toEqual([]);
  });

  it("finds a personal objective by search and opens the map at it, its ancestors open", async () => {
    const map = new AlignmentMapPage(admin.page);
    await map.open(cycleId);
    await map.collapseAll();
    const cy = text.people[2] as string;
    const target = text.personal(cy, 4);
    await map.find(target.slice(0, -1), target);
    await map.focused().waitFor();
    expect(await map.focused().getAttribute("data-id")).toBe(ids.get(target));
    expect(await map.focused().getAttribute("data-depth")).toBe("2");
    const support = text.departments[2] as string;
    for (const ancestor of [text.company(3), text.department(support, 2)]) {
      expect(await map.node(ancestor).getByTestId("map-toggle").getAttribute("aria-expanded")).toBe("true");
    }
    await admin.page.waitForURL((url) => url.searchParams.get("objective") === ids.get(target));
    expect((await admin.screenshotBothWidths("alignment-map-search")).phoneOverflow).toBe(0);
    expect(admin.errors).toEqual([]);
  });

  it("opens at the objective a link names", async () => {
    const map = new AlignmentMapPage(admin.page);
    const ann = text.people[0] as string;
    const target = text.personal(ann, 2);
    await map.open(cycleId, ids.get(target));
    await map.focused().waitFor();
    expect(await map.focused().getAttribute("data-id")).toBe(ids.get(target));
    const sales = text.departments[0] as string;
    expect(await map.titlesAt(1)).toContain(text.department(sales, 1));
    expect(
      await map.node(text.department(sales, 1)).getByTestId("map-toggle").getAttribute("aria-expanded"),
    ).toBe("true");
    expect((await admin.screenshotBothWidths("alignment-map-link")).phoneOverflow).toBe(0);
    expect(admin.errors).toEqual([]);
  });
});
