import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, PASSWORD, signIn } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 13, fix 7: one approver per objective — the owner's manager; for a department objective the leader
 * of the parent department —, named to the submitter; admins may step in. Tom reports to Pat, who reports
 * to Eve (Engineering's leader), who reports to the owner.
 */
describe.each(testDialects())("one approver per objective, on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let tom: Credentials;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const tomCreated = await server.request("POST", "/members", {
      as: company.owner,
      body: {
        email: "tom@acme.test",
        name: "Tom Trainee",
        password: PASSWORD,
        role: "member",
        departmentId: company.departments.platform,
        managerId: company.users.pat,
      },
    });
    expect(tomCreated.status).toBe(201);
    tom = await signIn(server, "tom@acme.test");
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: true } },
    });
  });
  afterAll(async () => server.close());

  const submitted = async (as: Credentials, body: Record<string, unknown>) => {
    const created = await server.request("POST", "/objectives", {
      as,
      body: {
        cycleId: company.cycles.quarter,
        title: "Deploys stop waking people up",
        keyResults: [{ title: "Pages from 12 to 2", type: "number", startValue: 12, targetValue: 2 }],
        ...body,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.approver).toBeNull();
    const reply = await server.request("POST", `/objectives/${created.body.id}/submit`, { as });
    expect(reply.status).toBe(200);
    return reply.body as { id: string; approver: unknown };
  };
  const canApprove = async (as: Credentials, id: string) =>
    (await server.request("GET", `/objectives/${id}`, { as })).body.abilities.approve as boolean;

  it("names the owner's manager, who alone approves besides the admins — not the whole chain above", async () => {
    const objective = await submitted(tom, { level: "personal" });
    expect(objective.approver).toEqual({ userId: company.users.pat, name: "Pat Platform" });
    expect(await canApprove(company.as.pat, objective.id)).toBe(true);
    expect(await canApprove(company.as.eve, objective.id)).toBe(false);
    expect(await canApprove(company.as.ada, objective.id)).toBe(true);
    expect(await canApprove(tom, objective.id)).toBe(false);
    const byEve = await server.request("POST", `/objectives/${objective.id}/approve`, { as: company.as.eve });
    expect(byEve.status).toBe(403);
    const byPat = await server.request("POST", `/objectives/${objective.id}/approve`, { as: company.as.pat });
    expect(byPat.body).toMatchObject({ status: "published", approver: null });
  });

  it("names the parent department's leader for a department objective", async () => {
    const objective = await submitted(company.as.eve, {
      level: "department",
      ownerDepartmentId: company.departments.platform,
    });
    expect(objective.approver).toEqual({ userId: company.users.eve, name: "Eve Engineer" });
    // Eve leads Engineering, so she writes Platform's objectives too; approving is still hers alone.
    expect(await canApprove(company.as.eve, objective.id)).toBe(true);
    expect(await canApprove(company.as.pat, objective.id)).toBe(false);
  });

  it("leaves a company objective to the admins", async () => {
    const objective = await submitted(company.owner, { level: "company" });
    expect(objective.approver).toEqual({ userId: null, name: null });
    expect(await canApprove(company.as.ada, objective.id)).toBe(true);
    expect(await canApprove(company.as.eve, objective.id)).toBe(false);
  });
});
