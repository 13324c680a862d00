import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, PASSWORD } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

describe.each(testDialects())("organization, departments and members on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  it("lets admins set the direction and settings, refuses members, and answers in zh-CN", async () => {
    const patch = await server.request("PATCH", "/org", {
      as: company.owner,
      body: {
        mission: "让每个团队的目标都能落地",
        settings: { approvalRequired: true, scoreScale: "0-100" },
      },
    });
    expect(patch.status).toBe(200);
    expect(patch.body.mission).toBe("让每个团队的目标都能落地");
    expect(patch.body.settings).toMatchObject({
      approvalRequired: true,
      scoreScale: "0-100",
      checkInWeekday: 5,
    });
    const byMember = await server.request("PATCH", "/org", {
      as: company.as.sue,
      body: { name: "Mine" },
      headers: { "accept-language": "zh-CN" },
    });
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.message).toBe("你没有执行此操作的权限。");
    const typo = await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequird: true } },
    });
    expect(typo.status).toBe(400);
    expect(typo.body.error.details[0].path).toBe("settings.approvalRequird");
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: false } },
    });
  });

  it("refuses to delete a department with members, and a move under itself", async () => {
    const busy = await server.request("DELETE", `/departments/${company.departments.sales}`, {
      as: company.owner,
    });
    expect(busy.status).toBe(422);
    expect(busy.body.error.code).toBe("department.not_empty");
    const loop = await server.request("PATCH", `/departments/${company.departments.engineering}`, {
      as: company.owner,
      body: { parentId: company.departments.platform },
    });
    expect(loop.status).toBe(422);
    expect(loop.body.error.code).toBe("department.loop");
    const empty = await server.request("POST", "/departments", {
      as: company.owner,
      body: { name: "Legal", parentId: company.rootDepartmentId },
    });
    expect(
      (await server.request("DELETE", `/departments/${empty.body.id}`, { as: company.owner })).status,
    ).toBe(204);
    const list = await server.request("GET", "/departments", { as: company.owner });
    expect(list.body.map((d: { name: string }) => d.name)).not.toContain("Legal");
    const root = await server.request("DELETE", `/departments/${company.rootDepartmentId}`, {
      as: company.owner,
    });
    expect(root.body.error.code).toBe("department.root");
  });

  it("keeps reporting lines free of loops and keeps one active owner", async () => {
    const loop = await server.request("PATCH", `/members/${company.users.sam}`, {
      as: company.owner,
      body: { managerId: company.users.sue },
    });
    expect(loop.status).toBe(422);
    expect(loop.body.error.code).toBe("member.manager_loop");
    const demote = await server.request("PATCH", `/members/${company.ownerId}`, {
      as: company.owner,
      body: { role: "member" },
    });
    expect(demote.status).toBe(422);
    expect(demote.body.error.code).toBe("member.last_owner");
    const byAdmin = await server.request("PATCH", `/members/${company.ownerId}`, {
      as: company.as.ada,
      body: { title: "CEO" },
    });
    expect(byAdmin.status).toBe(403);
    const duplicate = await server.request("POST", "/members", {
      as: company.owner,
      body: {
        email: "SUE@acme.test",
        name: "Sue again",
        role: "member",
        departmentId: company.departments.sales,
      },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details[0].path).toBe("email");
  });

  it("locks a deactivated member out and logs every change in the audit log", async () => {
    const reply = await server.request("PATCH", `/members/${company.users.pat}`, {
      as: company.owner,
      body: { status: "deactivated" },
    });
    expect(reply.status).toBe(200);
    expect((await server.request("GET", "/me", { as: company.as.pat })).status).toBe(403);
    const login = await server.request("POST", "/auth/login", {
      body: { email: "pat@acme.test", password: PASSWORD },
    });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe("auth.deactivated");
    const audit = await server.db.db
      .selectFrom("auditLog")
      .select(["action", "entityId", "before", "after"])
      .where("entityId", "=", company.users.pat)
      // Pat's sign-ins are entries too, about the user (audit/audit.test.ts).
      .where("entityType", "=", "member")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["member.create", "member.update"]);
    expect(JSON.parse(audit[1]?.after ?? "{}")).toEqual({ status: "deactivated" });
  });

  it("checks cycle dates against their parent and walks phases only forward", async () => {
    const outside = await server.request("POST", "/cycles", {
      as: company.owner,
      body: {
        name: "Bad",
        kind: "quarter",
        startDate: "2026-12-01",
        endDate: "2027-02-28",
        parentId: company.cycles.year,
      },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe("cycle.outside_parent");
    const reversed = await server.request("POST", "/cycles", {
      as: company.owner,
      body: { name: "Bad", kind: "custom", startDate: "2027-03-01", endDate: "2027-02-01" },
    });
    expect(reversed.body.error.code).toBe("cycle.dates");
    const badDate = await server.request("POST", "/cycles", {
      as: company.owner,
      body: { name: "Bad", kind: "custom", startDate: "2027-02-30", endDate: "2027-03-01" },
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details[0].path).toBe("startDate");
    const byMember = await server.request("POST", `/cycles/${company.cycles.quarter}/phase`, {
      as: company.as.sam,
      body: { phase: "aligning" },
    });
    expect(byMember.status).toBe(403);
    const back = await server.request("POST", `/cycles/${company.cycles.quarter}/phase`, {
      as: company.owner,
      body: { phase: "planning" },
    });
    expect(back.status).toBe(422);
    const cycles = await server.request("GET", "/cycles", { as: company.as.sue });
    expect(cycles.body.map((c: { name: string }) => c.name)).toEqual(["2027 Q2", "2027"]);
  });
});
