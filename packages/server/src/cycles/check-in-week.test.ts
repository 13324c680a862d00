import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 13, fix 9: "this week" is the organization's check-in week — from its check-in weekday and hour,
 * on its clocks (Asia/Shanghai here) —, not a rolling 7 days. Now is Thursday 2027-04-15, 10:00 in Shanghai.
 */
describe.each(testDialects())("the check-in rate of this week, on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const created = await server.request("POST", "/objectives", {
      as: company.owner,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.sales,
        title: "Key accounts renew",
        keyResults: [{ title: "Renewals from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
      },
    });
    await publish(server, company.owner, created.body.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    // Last Friday at 15:00 in Shanghai: within the last 7 days, but before the week's check-in time.
    server.clock.set("2027-04-09T07:00:00.000Z");
    const checkIn = await server.request("POST", `/key-results/${created.body.keyResults[0].id}/check-ins`, {
      as: company.as.sam,
      body: { value: 3, confidence: 7 },
    });
    expect(checkIn.status).toBe(201);
    server.clock.set("2027-04-15T02:00:00.000Z");
  });
  afterAll(async () => server.close());

  const rates = async () => {
    const dashboard = await server.request("GET", `/cycles/${company.cycles.quarter}/dashboard`, {
      as: company.owner,
    });
    const rollout = await server.request("GET", `/cycles/${company.cycles.quarter}/rollout`, {
      as: company.owner,
    });
    const sales = rollout.body.departments.find(
      (d: { departmentId: string }) => d.departmentId === company.departments.sales,
    );
    return [dashboard.body.checkInRate, sales.checkInRate];
  };

  it("counts check-ins since the organization's last check-in time (Friday 16:00 by default)", async () => {
    expect(await rates()).toEqual([0, 0]);
  });

  it("follows the check-in weekday and hour the organization set", async () => {
    const at14 = await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { checkInWeekday: 5, checkInHour: 14 } },
    });
    expect(at14.status).toBe(200);
    expect(await rates()).toEqual([1, 1]);
    await server.request("PATCH", "/org", { as: company.owner, body: { settings: { checkInWeekday: 1 } } });
    // Monday 14:00: this week began on 2027-04-12, after that check-in.
    expect(await rates()).toEqual([0, 0]);
  });
});
