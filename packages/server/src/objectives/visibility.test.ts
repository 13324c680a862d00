import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/**
 * A private personal objective of Sue (Sales, reporting to Sam, who reports to the owner) must be invisible to
 * Pat (Platform, another department) everywhere — get, list, tree, dashboard — and visible to Sue, her manager
 * chain (Sam, the owner) and admins (Ada).
 */
describe.each(testDialects())("visibility on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let privateId: string;
  let departmentId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Make my accounts renew early",
        visibility: "private",
        keyResults: [
          {
            title: "Renewals signed 60 days ahead from 2 to 8",
            type: "number",
            startValue: 2,
            targetValue: 8,
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    privateId = created.body.id;
    const deptOnly = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Shorten my sales cycle",
        visibility: "department",
        keyResults: [{ title: "Cycle from 60 to 40 days", type: "number", startValue: 60, targetValue: 40 }],
      },
    });
    departmentId = deptOnly.body.id;
    for (const id of [privateId, departmentId]) {
      expect((await server.request("POST", `/objectives/${id}/publish`, { as: company.as.sue })).status).toBe(
        200,
      );
    }
    await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
  });
  afterAll(async () => server.close());

  const seenBy = async (who: keyof Awaited<ReturnType<typeof buildCompany>>["as"] | "owner") => {
    const as = who === "owner" ? company.owner : company.as[who];
    const get = await server.request("GET", `/objectives/${privateId}`, { as });
    const list = await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}`, { as });
    const tree = await server.request("GET", `/cycles/${company.cycles.quarter}/tree`, { as });
    const dashboard = await server.request("GET", `/cycles/${company.cycles.quarter}/dashboard`, { as });
    const treeIds = JSON.stringify(tree.body).includes(privateId);
    return {
      get: get.status,
      inList: list.body.some((o: { id: string }) => o.id === privateId),
      inTree: treeIds,
      dashboardObjectives: dashboard.body.objectives as number,
    };
  };

  it("hides a private personal objective from a colleague in another department", async () => {
    expect(await seenBy("pat")).toEqual({ get: 404, inList: false, inTree: false, dashboardObjectives: 0 });
    const history = await server.request("GET", `/objectives/${privateId}/history`, { as: company.as.pat });
    expect(history.status).toBe(404);
  });

  it.each(["sue", "sam", "owner", "ada"] as const)(
    "shows it to %s (owner, manager chain, admin)",
    async (who) => {
      expect(await seenBy(who)).toEqual({ get: 200, inList: true, inTree: true, dashboardObjectives: 2 });
    },
  );

  it("shows a department objective to the department, its leaders above and admins, not to others", async () => {
    const status = async (as: { cookie?: string }) =>
      (await server.request("GET", `/objectives/${departmentId}`, { as })).status;
    expect(await status(company.as.sam)).toBe(200);
    expect(await status(company.as.ada)).toBe(200);
    expect(await status(company.as.pat)).toBe(404);
    expect(await status(company.as.eve)).toBe(404);
  });

  it("lists only the children a viewer may see under a parent", async () => {
    const parent = await server.request("POST", "/objectives", {
      as: company.as.sam,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.sales,
        title: "Key accounts stay",
      },
    });
    expect(parent.status).toBe(201);
    const aligned = await server.request("PUT", `/objectives/${privateId}/alignment`, {
      as: company.as.sue,
      body: { parentObjectiveId: parent.body.id },
    });
    expect(aligned.status).toBe(200);
    const bySam = await server.request("GET", `/objectives/${parent.body.id}`, { as: company.as.sam });
    expect(bySam.body.children).toEqual([privateId]);
    expect(bySam.body.childObjectives[0]).toMatchObject({
      id: privateId,
      title: "Make my accounts renew early",
      level: "personal",
    });
    const byPat = await server.request("GET", `/objectives/${parent.body.id}`, { as: company.as.pat });
    expect(byPat.body.children).toEqual([]);
    expect(byPat.body.childObjectives).toEqual([]);
  });

  it("lists the objectives where a person owns a KR", async () => {
    const mine = await server.request("GET", `/objectives?keyResultOwnerUserId=${company.users.sue}`, {
      as: company.as.sue,
    });
    expect(mine.body.map((o: { id: string }) => o.id).sort()).toEqual([privateId, departmentId].sort());
    const pats = await server.request("GET", `/objectives?keyResultOwnerUserId=${company.users.pat}`, {
      as: company.as.sue,
    });
    expect(pats.body).toEqual([]);
  });

  it("lets only the owner side write: a colleague can neither edit nor check in", async () => {
    const detail = await server.request("GET", `/objectives/${departmentId}`, { as: company.as.sam });
    const kr = detail.body.keyResults[0].id;
    const byPat = await server.request("POST", `/key-results/${kr}/check-ins`, {
      as: company.as.pat,
      body: { value: 50, confidence: 6 },
    });
    expect(byPat.status).toBe(404);
    const editByEve = await server.request("PATCH", `/objectives/${departmentId}`, {
      as: company.as.eve,
      body: { title: "x" },
    });
    expect(editByEve.status).toBe(404);
    const bySam = await server.request("POST", `/key-results/${kr}/check-ins`, {
      as: company.as.sam,
      body: { value: 50, confidence: 6 },
    });
    expect(bySam.status).toBe(201);
  });
});
