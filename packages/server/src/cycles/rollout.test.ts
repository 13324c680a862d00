import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import type { Credentials } from "../../test/harness.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

type Row = {
  departmentId: string;
  name: string;
  members: number;
  membersWithPublishedOkrs: number;
  checkInRate: number;
  scoredShare: number;
  reviewedShare: number;
  missing: Array<{ userId: string; reason: string }>;
};

/*
 * Issue 13, item 6: the rollout dashboard (落地看板) counts every level of ownership, leaves the company
 * itself out of the departments, and its missing lists follow the phase: published → checked in → scored
 * → reviewed. Sales is led by Sam (Sue reports to him), Engineering by Eve; Pat in Platform has no OKR.
 */
describe.each(testDialects())("the rollout dashboard on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  const ids = { sales: "", samKr: "", sueKr: "", engineering: "", eveKr: "" };

  const rollout = async (as: Credentials = company.owner) => {
    const reply = await server.request("GET", `/cycles/${company.cycles.quarter}/rollout`, { as });
    expect(reply.status).toBe(200);
    return reply.body as { stage: string; checkInTrend: Array<{ rate: number }>; departments: Row[] };
  };
  const row = (answer: { departments: Row[] }, departmentId: string) =>
    answer.departments.find((d) => d.departmentId === departmentId) as Row;
  const missing = (r: Row) => r.missing.map((m) => [m.userId, m.reason]);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const create = async (as: Credentials, body: Record<string, unknown>) => {
      const reply = await server.request("POST", "/objectives", {
        as,
        body: { cycleId: company.cycles.quarter, ...body },
      });
      expect(reply.status).toBe(201);
      return reply.body as { id: string; keyResults: Array<{ id: string }> };
    };
    const companyObjective = await create(company.owner, {
      level: "company",
      title: "Win the quarter",
      keyResults: [{ title: "Revenue from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
    });
    const sales = await create(company.as.sam, {
      level: "department",
      ownerDepartmentId: company.departments.sales,
      title: "Sales lands the quarter",
      keyResults: [
        { title: "Bookings from 0 to 100", type: "number", startValue: 0, targetValue: 100 },
        {
          title: "Renewals from 0 to 10",
          type: "number",
          startValue: 0,
          targetValue: 10,
          ownerUserId: company.users.sue,
        },
      ],
    });
    const engineering = await create(company.as.eve, {
      level: "department",
      ownerDepartmentId: company.departments.engineering,
      title: "Ship the platform",
      keyResults: [{ title: "Services from 0 to 4", type: "number", startValue: 0, targetValue: 4 }],
    });
    ids.sales = sales.id;
    ids.samKr = sales.keyResults[0]?.id ?? "";
    ids.sueKr = sales.keyResults[1]?.id ?? "";
    ids.engineering = engineering.id;
    ids.eveKr = engineering.keyResults[0]?.id ?? "";
    await publish(server, company.owner, companyObjective.id, sales.id, engineering.id);
  });
  afterAll(async () => server.close());

  it("counts leaders who own department objectives and KR owners as having OKRs, and lists no company row", async () => {
    const answer = await rollout();
    expect(answer.stage).toBe("published");
    expect(answer.departments.map((d) => d.name)).toEqual(["Sales", "Engineering", "Platform"]);
    expect(row(answer, company.departments.sales)).toMatchObject({ members: 2, membersWithPublishedOkrs: 2 });
    expect(missing(row(answer, company.departments.sales))).toEqual([]);
    expect(row(answer, company.departments.engineering)).toMatchObject({
      members: 1,
      membersWithPublishedOkrs: 1,
    });
    expect(missing(row(answer, company.departments.platform))).toEqual([[company.users.pat, "no_okrs"]]);
    // A leader sees their departments and those below.
    const eve = await rollout(company.as.eve);
    expect(eve.departments.map((d) => d.name)).toEqual(["Engineering", "Platform"]);
  });

  it("lists who has not checked in this week while the cycle runs, with the weekly trend", async () => {
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    const checkIn = await server.request("POST", `/key-results/${ids.sueKr}/check-ins`, {
      as: company.as.sue,
      body: { value: 2, confidence: 7 },
    });
    expect(checkIn.status).toBe(201);
    const answer = await rollout();
    expect(answer.stage).toBe("checked_in");
    expect(missing(row(answer, company.departments.sales))).toEqual([[company.users.sam, "not_checked_in"]]);
    expect(missing(row(answer, company.departments.engineering))).toEqual([
      [company.users.eve, "not_checked_in"],
    ]);
    expect(missing(row(answer, company.departments.platform))).toEqual([[company.users.pat, "no_okrs"]]);
    expect(row(answer, company.departments.sales).checkInRate).toBe(0.5);
    // Three KRs in the departments, one checked in this week: the last point of the trend.
    expect(answer.checkInTrend.at(-1)?.rate).toBeCloseTo(1 / 3, 12);
  });

  it("lists who has not scored while the cycle scores, then who has not written the 复盘", async () => {
    await advanceCycle(server, company.owner, company.cycles.quarter, "scoring");
    const scored = await server.request("POST", `/objectives/${ids.sales}/score`, {
      as: company.as.sue,
      body: { keyResults: [{ id: ids.sueKr, selfScore: 0.3 }] },
    });
    expect(scored.status).toBe(200);
    let answer = await rollout();
    expect(answer.stage).toBe("scored");
    expect(missing(row(answer, company.departments.sales))).toEqual([[company.users.sam, "not_scored"]]);
    // Nothing to score: not asked.
    expect(missing(row(answer, company.departments.platform))).toEqual([]);

    await advanceCycle(server, company.owner, company.cycles.quarter, "reviewing");
    const reviewed = await server.request("PUT", `/objectives/${ids.sales}/review`, {
      as: company.as.sam,
      body: { wentWell: "Renewals", wentBadly: "Bookings", lessons: "Start early", nextSteps: "Pipeline" },
    });
    expect(reviewed.status).toBe(200);
    answer = await rollout();
    expect(answer.stage).toBe("reviewed");
    expect(missing(row(answer, company.departments.sales))).toEqual([]);
    expect(row(answer, company.departments.sales).reviewedShare).toBe(1);
    expect(missing(row(answer, company.departments.engineering))).toEqual([
      [company.users.eve, "not_reviewed"],
    ]);
  });

  it("is for leadership only", async () => {
    const reply = await server.request("GET", `/cycles/${company.cycles.quarter}/rollout`, {
      as: { ...company.as.pat, locale: "zh-CN" },
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe("permission.denied");
  });
});
