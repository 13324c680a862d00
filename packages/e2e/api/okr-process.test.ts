import { testDialects } from "@luodi/db";
import { PASSWORD } from "@luodi/server/factories";
import {
  type Credentials,
  sessionCookieOf,
  startTestServer,
  type TestServer,
  testClock,
} from "@luodi/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The whole OKR process through HTTP, as a company lives it: set-up, structure, cycles, the four levels of
 * OKRs aligned top-down, publishing, weekly check-ins rolling up, an adjustment with its reason, scoring
 * and 复盘. Every number is asserted exactly.
 */
describe.each(testDialects())("the OKR process end to end on %s", (dialect) => {
  let server: TestServer;
  // 2027-05-17 00:00 in Shanghai: 46 of Q2's 91 days and 136 of 2027's 365 days have passed.
  const clock = testClock("2027-05-16T16:00:00.000Z");
  const quarterElapsed = 46 / 91;
  let owner: Credentials;
  let sam: Credentials;
  let sue: Credentials;
  const ids: Record<string, string> = {};
  let milestoneIds: string[] = [];
  const call = (method: string, url: string, as: Credentials, body?: unknown) =>
    server.request(method, url, { as, ...(body === undefined ? {} : { body }) });
  const ok = async (method: string, url: string, as: Credentials, body?: unknown, status = 200) => {
    const reply = await call(method, url, as, body);
    if (reply.status !== status)
      throw new Error(`${method} ${url} → ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, clock);
  });
  afterAll(async () => server.close());

  it("sets up the company, its departments and people with managers", async () => {
    const setup = await server.request("POST", "/setup", {
      body: {
        organization: { name: "星河科技", locale: "zh-CN", timezone: "Asia/Shanghai" },
        admin: { email: "ceo@xinghe.test", name: "王总", password: PASSWORD },
      },
    });
    expect(setup.status).toBe(201);
    owner = { cookie: sessionCookieOf(setup) };
    ids.ceo = setup.body.user.id;
    const root = (await ok("GET", "/departments", owner))[0];
    ids.root = root.id;
    ids.sales = (await ok("POST", "/departments", owner, { name: "销售部", parentId: root.id }, 201)).id;
    ids.rd = (await ok("POST", "/departments", owner, { name: "研发部", parentId: root.id }, 201)).id;
    ids.sam = (
      await ok(
        "POST",
        "/members",
        owner,
        {
          email: "sam@xinghe.test",
          name: "李销售",
          password: PASSWORD,
          role: "member",
          departmentId: ids.sales,
          managerId: ids.ceo,
          title: "销售总监",
        },
        201,
      )
    ).userId;
    ids.sue = (
      await ok(
        "POST",
        "/members",
        owner,
        {
          email: "sue@xinghe.test",
          name: "张一",
          password: PASSWORD,
          role: "member",
          departmentId: ids.sales,
          managerId: ids.sam,
        },
        201,
      )
    ).userId;
    ids.dev = (
      await ok(
        "POST",
        "/members",
        owner,
        {
          email: "dev@xinghe.test",
          name: "赵研发",
          password: PASSWORD,
          role: "member",
          departmentId: ids.rd,
          managerId: ids.ceo,
        },
        201,
      )
    ).userId;
    await ok("PATCH", `/departments/${ids.sales}`, owner, { leaderId: ids.sam });
    await ok("PATCH", `/departments/${ids.rd}`, owner, { leaderId: ids.dev });
    const members = await ok("GET", "/members", owner);
    expect(members).toHaveLength(4);
    expect(members.find((m: { userId: string }) => m.userId === ids.sue).managerId).toBe(ids.sam);
    sam = {
      cookie: sessionCookieOf(
        await server.request("POST", "/auth/login", {
          body: { email: "sam@xinghe.test", password: PASSWORD },
        }),
      ),
    };
    sue = {
      cookie: sessionCookieOf(
        await server.request("POST", "/auth/login", {
          body: { email: "sue@xinghe.test", password: PASSWORD },
        }),
      ),
    };
  });

  it("opens the annual cycle and its quarter", async () => {
    ids.year = (
      await ok(
        "POST",
        "/cycles",
        owner,
        { name: "2027 年度", kind: "annual", startDate: "2027-01-01", endDate: "2027-12-31" },
        201,
      )
    ).id;
    const quarter = await ok(
      "POST",
      "/cycles",
      owner,
      {
        name: "2027 Q2",
        kind: "quarter",
        startDate: "2027-04-01",
        endDate: "2027-06-30",
        parentId: ids.year,
      },
      201,
    );
    ids.quarter = quarter.id;
    expect(quarter.phase).toBe("planning");
  });

  it("writes company annual → company quarterly → department → personal OKRs, aligned top-down", async () => {
    const annual = await ok(
      "POST",
      "/objectives",
      owner,
      {
        cycleId: ids.year,
        level: "company",
        title: "成为华东地区中小企业首选的协同平台",
        keyResults: [
          { title: "各季度公司 OKR 达成", type: "rollup", aggregation: "progress" },
          { title: "NPS 从 0 提升到 100", type: "number", startValue: 0, targetValue: 100 },
        ],
      },
      201,
    );
    ids.annual = annual.id;
    ids.A1 = annual.keyResults[0].id;
    ids.A2 = annual.keyResults[1].id;
    expect(annual.coach).toBeInstanceOf(Array);

    const quarterly = await ok(
      "POST",
      "/objectives",
      owner,
      {
        cycleId: ids.quarter,
        level: "company",
        title: "让华东客户愿意为我们的服务买单",
        keyResults: [
          {
            title: "季度收入（万元）从 0 增长到 1000",
            type: "rollup",
            aggregation: "sum",
            startValue: 0,
            targetValue: 1000,
            weight: 2,
            unit: "万元",
          },
          {
            title: "合作伙伴计划落地",
            type: "milestone",
            milestones: [
              { title: "签约首批伙伴" },
              { title: "伙伴培训" },
              { title: "联合发布" },
              { title: "首单成交" },
            ],
          },
        ],
      },
      201,
    );
    ids.quarterly = quarterly.id;
    ids.Q1 = quarterly.keyResults[0].id;
    ids.Q2 = quarterly.keyResults[1].id;
    milestoneIds = quarterly.keyResults[1].milestones.map((m: { id: string }) => m.id);
    await ok("PUT", `/objectives/${ids.quarterly}/alignment`, owner, { parentKeyResultId: ids.A1 });

    const sales = await ok(
      "POST",
      "/objectives",
      sam,
      {
        cycleId: ids.quarter,
        level: "department",
        ownerDepartmentId: ids.sales,
        title: "让华东大客户持续选择我们",
        keyResults: [
          {
            title: "华东区收入从 0 增长到 600 万元",
            type: "currency",
            startValue: 0,
            targetValue: 600,
            unit: "万元",
            parentKeyResultId: ids.Q1,
          },
          {
            title: "客户流失率从 30% 降低到 10%",
            type: "percentage",
            startValue: 30,
            targetValue: 10,
            direction: "decrease",
          },
        ],
      },
      201,
    );
    ids.sales_o = sales.id;
    ids.S1 = sales.keyResults[0].id;
    ids.S2 = sales.keyResults[1].id;
    await ok("PUT", `/objectives/${ids.sales_o}/alignment`, sam, { parentKeyResultId: ids.Q1 });

    const personal = await ok(
      "POST",
      "/objectives",
      sue,
      {
        cycleId: ids.quarter,
        level: "personal",
        title: "让我负责的客户成为回头客",
        visibility: "department",
        keyResults: [
          {
            title: "负责客户新增收入从 0 增长到 400 万元",
            type: "number",
            startValue: 0,
            targetValue: 400,
            parentKeyResultId: ids.Q1,
          },
          { title: "与 Contoso 签订框架协议", type: "boolean" },
        ],
      },
      201,
    );
    ids.personal = personal.id;
    ids.P1 = personal.keyResults[0].id;
    ids.P2 = personal.keyResults[1].id;
    expect(personal.ownerUserId).toBe(ids.sue);
    await ok("PUT", `/objectives/${ids.personal}/alignment`, sue, { parentObjectiveId: ids.sales_o });

    // Aligning downward or sideways is refused.
    const down = await call("PUT", `/objectives/${ids.sales_o}/alignment`, sam, {
      parentObjectiveId: ids.personal,
    });
    expect(down.status).toBe(422);
    expect(down.body.error.code).toBe("alignment.loop");
    expect(down.body.error.message).toBe("该对齐会形成环路。");
  });

  it("publishes every objective", async () => {
    for (const [id, as] of [
      [ids.annual, owner],
      [ids.quarterly, owner],
      [ids.sales_o, sam],
      [ids.personal, sue],
    ] as const) {
      expect((await ok("POST", `/objectives/${id}/publish`, as as Credentials)).status).toBe("published");
    }
  });

  it("walks the quarter into execution, one phase at a time", async () => {
    const skip = await call("POST", `/cycles/${ids.quarter}/phase`, owner, { phase: "in_progress" });
    expect(skip.status).toBe(422);
    expect(skip.body.error.code).toBe("cycle.phase_order");
    await ok("POST", `/cycles/${ids.quarter}/phase`, owner, { phase: "aligning" });
    expect((await ok("POST", `/cycles/${ids.quarter}/phase`, owner, { phase: "in_progress" })).phase).toBe(
      "in_progress",
    );
  });

  it("checks in weekly and rolls progress up the chain exactly", async () => {
    const s1 = await ok(
      "POST",
      `/key-results/${ids.S1}/check-ins`,
      sam,
      { value: 300, confidence: 7, note: "两个大单已签" },
      201,
    );
    expect(s1.keyResult.progress).toBe(0.5);
    expect(s1.objective.progress).toBe(0.25);
    await ok("POST", `/key-results/${ids.S2}/check-ins`, sam, { value: 20, confidence: 8 }, 201);
    const p1 = await ok(
      "POST",
      `/key-results/${ids.P1}/check-ins`,
      sue,
      { value: "250", confidence: 4, note: "续约推迟" },
      201,
    );
    expect(p1.checkIn.value).toBe(250);
    expect(p1.checkIn.previousValue).toBe(0);
    await ok("POST", `/key-results/${ids.P2}/check-ins`, sue, { value: 1, confidence: 9 }, 201);
    await ok(
      "POST",
      `/key-results/${ids.Q2}/check-ins`,
      owner,
      { milestonesDone: milestoneIds.slice(0, 3), confidence: 6 },
      201,
    );

    const sales = await ok("GET", `/objectives/${ids.sales_o}`, owner);
    expect(sales.progress).toBe(0.5);
    expect(sales.health).toBe("on_track");
    const personal = await ok("GET", `/objectives/${ids.personal}`, sue);
    expect(personal.progress).toBeCloseTo(0.8125, 12);
    expect(personal.keyResults.map((kr: { health: string }) => kr.health)).toEqual(["at_risk", "done"]);
    expect(personal.health).toBe("at_risk");
    const quarterly = await ok("GET", `/objectives/${ids.quarterly}`, owner);
    const q1 = quarterly.keyResults[0];
    expect(q1.currentValue).toBe(550);
    expect(q1.progress).toBeCloseTo(0.55, 12);
    expect(quarterly.keyResults[1].progress).toBe(0.75);
    expect(quarterly.progress).toBeCloseTo((2 * 0.55 + 0.75) / 3, 12);
    expect(quarterly.health).toBe("at_risk");
    const annual = await ok("GET", `/objectives/${ids.annual}`, owner);
    expect(annual.keyResults[0].progress).toBeCloseTo((2 * 0.55 + 0.75) / 3, 12);
    expect(annual.progress).toBeCloseTo((2 * 0.55 + 0.75) / 6, 12);
    // NPS has not moved while 136/365 of the year passed: progress 0 < elapsed − 0.25.
    expect(annual.keyResults[1].health).toBe("off_track");
    expect(annual.health).toBe("off_track");

    const history = await ok("GET", `/key-results/${ids.P1}/check-ins`, sue);
    expect(history).toHaveLength(1);
    expect(history[0].note).toBe("续约推迟");
  });

  it("shows the numbers on the tree and the dashboard", async () => {
    const tree = await ok("GET", `/cycles/${ids.quarter}/tree`, owner);
    expect(tree.roots.map((n: { objective: { id: string } }) => n.objective.id)).toEqual([ids.quarterly]);
    const salesNode = tree.roots[0].children[0];
    expect(salesNode.objective.id).toBe(ids.sales_o);
    expect(salesNode.children[0].objective.id).toBe(ids.personal);
    expect(salesNode.children[0].objective.progress).toBeCloseTo(0.8125, 12);

    const dashboard = await ok("GET", `/cycles/${ids.quarter}/dashboard`, owner);
    expect(dashboard.objectives).toBe(3);
    expect(dashboard.progress).toBeCloseTo(((2 * 0.55 + 0.75) / 3 + 0.5 + 0.8125) / 3, 12);
    expect(dashboard.healthCounts).toEqual({ on_track: 1, at_risk: 2, off_track: 0, done: 0 });
    expect(dashboard.checkInRate).toBeCloseTo(5 / 6, 12); // Q1 sums and takes no check-in of its own
    // Seven weeks of the quarter so far (46 days); every check-in happened in the seventh.
    expect(dashboard.checkInTrend).toHaveLength(7);
    expect(dashboard.checkInTrend[0]).toEqual({ weekStart: "2027-04-01", rate: 0 });
    expect(dashboard.checkInTrend[6].rate).toBeCloseTo(5 / 6, 12);
    expect(dashboard.alignmentCoverage).toBe(1);

    const rollout = await ok("GET", `/cycles/${ids.quarter}/rollout`, owner);
    const salesRow = rollout.departments.find((d: { departmentId: string }) => d.departmentId === ids.sales);
    // Sam leads Sales and answers for its objective: he has OKRs (issue 13, item 6), and both checked in.
    expect(salesRow).toMatchObject({
      members: 2,
      membersWithPublishedOkrs: 2,
      alignmentCoverage: 1,
      checkInRate: 1,
    });
    expect(rollout.stage).toBe("checked_in");
    expect(salesRow.missing).toEqual([]);
    expect(quarterElapsed).toBeCloseTo(0.5055, 4);
  });

  it("adjusts a target after aligning only with a reason, and keeps it in the history", async () => {
    const silent = await call("PATCH", `/key-results/${ids.S1}`, sam, { targetValue: 500 });
    expect(silent.status).toBe(422);
    expect(silent.body.error.code).toBe("objective.reason_required");
    const adjusted = await ok("PATCH", `/key-results/${ids.S1}`, sam, {
      targetValue: 500,
      reason: "华东两家客户延期到 Q3",
    });
    expect(adjusted.targetValue).toBe(500);
    expect(adjusted.progress).toBe(0.6);
    expect((await ok("GET", `/objectives/${ids.sales_o}`, sam)).progress).toBeCloseTo(0.55, 12);
    const history = await ok("GET", `/objectives/${ids.sales_o}/history`, sam);
    const adjustment = history.entries.find((e: { action: string }) => e.action === "key_result.adjust");
    expect(adjustment).toMatchObject({
      reason: "华东两家客户延期到 Q3",
      before: { targetValue: "600" },
      after: { targetValue: "500" },
    });
  });

  it("scores in the scoring phase: self, then manager", async () => {
    const early = await call("POST", `/objectives/${ids.personal}/score`, sue, {
      keyResults: [{ id: ids.P1, selfScore: 0.6 }],
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe("cycle.wrong_phase");
    await ok("POST", `/cycles/${ids.quarter}/phase`, owner, { phase: "scoring" });
    await ok("POST", `/objectives/${ids.personal}/score`, sue, {
      keyResults: [
        { id: ids.P1, selfScore: 0.6, comment: "续约推迟，新增不足" },
        { id: ids.P2, selfScore: 1 },
      ],
    });
    const byHerself = await call("POST", `/objectives/${ids.personal}/score`, sue, {
      keyResults: [{ id: ids.P1, managerScore: 0.9 }],
    });
    expect(byHerself.status).toBe(403);
    const offStep = await call("POST", `/objectives/${ids.personal}/score`, sam, {
      keyResults: [{ id: ids.P1, managerScore: 0.55 }],
    });
    expect(offStep.status).toBe(422);
    expect(offStep.body.error.code).toBe("score.invalid");
    const scored = await ok("POST", `/objectives/${ids.personal}/score`, sam, {
      keyResults: [{ id: ids.P1, managerScore: 0.5 }],
    });
    expect(scored.keyResults[0]).toMatchObject({
      selfScore: 0.6,
      managerScore: 0.5,
      score: 0.5,
      suggestedScore: 0.6,
    });
    expect(scored.keyResults[1]).toMatchObject({ selfScore: 1, managerScore: null, score: 1 });
    expect(scored.score).toBe(0.75);
  });

  it("holds the 复盘 in the reviewing phase and closes the cycle", async () => {
    await ok("POST", `/cycles/${ids.quarter}/phase`, owner, { phase: "reviewing" });
    const reviewed = await ok("PUT", `/objectives/${ids.personal}/review`, sue, {
      wentWell: "Contoso 框架协议提前签订",
      wentBadly: "两个续约推迟",
      lessons: "续约要提前一个季度启动",
      nextSteps: "Q3 把续约提前量纳入 KR",
    });
    expect(reviewed.review).toMatchObject({ wentWell: "Contoso 框架协议提前签订", reviewedBy: ids.sue });
    await ok("POST", `/cycles/${ids.quarter}/phase`, owner, { phase: "closed" });
    expect((await ok("GET", `/objectives/${ids.personal}`, sue)).status).toBe("closed");
    const late = await call("POST", `/key-results/${ids.P1}/check-ins`, sue, { value: 300, confidence: 5 });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe("check_in.phase");
    const rollout = await ok("GET", `/cycles/${ids.quarter}/rollout`, owner);
    const salesRow = rollout.departments.find((d: { departmentId: string }) => d.departmentId === ids.sales);
    expect(salesRow.scoredShare).toBe(0.5);
    expect(salesRow.reviewedShare).toBe(0.5);
  });

  it("carries a KR into the next quarter from where it stands, milestones open again", async () => {
    const q3 = await ok(
      "POST",
      "/cycles",
      owner,
      {
        name: "2027 Q3",
        kind: "quarter",
        startDate: "2027-07-01",
        endDate: "2027-09-30",
        parentId: ids.year,
      },
      201,
    );
    const next = await ok(
      "POST",
      "/objectives",
      sue,
      { cycleId: q3.id, level: "personal", title: "让续约不再临时抱佛脚" },
      201,
    );
    const carried = await ok(
      "POST",
      `/key-results/${ids.P1}/carry-forward`,
      sue,
      { objectiveId: next.id },
      201,
    );
    expect(carried).toMatchObject({
      objectiveId: next.id,
      title: "负责客户新增收入从 0 增长到 400 万元",
      startValue: 250,
      targetValue: 400,
      currentValue: 250,
      progress: 0,
    });
    const sameCycle = await call("POST", `/key-results/${ids.P1}/carry-forward`, sue, {
      objectiveId: ids.personal,
    });
    expect(sameCycle.status).toBe(422);
    expect(sameCycle.body.error.code).toBe("kr.carry_forward_cycle");
    const companyNext = await ok(
      "POST",
      "/objectives",
      owner,
      { cycleId: q3.id, level: "company", title: "让合作伙伴成为第二增长曲线" },
      201,
    );
    const milestones = await ok(
      "POST",
      `/key-results/${ids.Q2}/carry-forward`,
      owner,
      { objectiveId: companyNext.id },
      201,
    );
    expect(milestones.milestones.map((m: { done: boolean }) => m.done)).toEqual([false, false, false, false]);
    const byOther = await call("POST", `/key-results/${ids.P1}/carry-forward`, sam, {
      objectiveId: companyNext.id,
    });
    expect(byOther.status).toBe(403);
    const history = await ok("GET", `/objectives/${ids.personal}/history`, sue);
    expect(history.entries.map((e: { action: string }) => e.action)).toContain("key_result.carry_forward");
  });
});
