import { expect } from "vitest";
import { type Credentials, sessionCookieOf, type TestServer } from "./harness.ts";

export const PASSWORD = "correct horse battery";

/** Sets Luodi up and returns the owner's credentials and the organization's ids. */
export async function setupOrganization(server: TestServer, locale: "en" | "zh-CN" = "en") {
  const reply = await server.request("POST", "/setup", {
    body: {
      organization: { name: locale === "en" ? "Acme" : "星河科技", locale, timezone: "Asia/Shanghai" },
      admin: {
        email: "owner@acme.test",
        name: locale === "en" ? "Olivia Owner" : "王总",
        password: PASSWORD,
      },
    },
  });
  expect(reply.status).toBe(201);
  const owner: Credentials = { cookie: sessionCookieOf(reply) };
  const departments = await server.request("GET", "/departments", { as: owner });
  return {
    owner,
    ownerId: reply.body.user.id as string,
    orgId: reply.body.organization.id as string,
    rootDepartmentId: departments.body[0].id as string,
  };
}

/** Signs a person in and returns their session. */
export async function signIn(server: TestServer, email: string, password = PASSWORD): Promise<Credentials> {
  const reply = await server.request("POST", "/auth/login", { body: { email, password } });
  expect(reply.status).toBe(200);
  return { cookie: sessionCookieOf(reply) };
}

/**
 * A small company: Sales (led by Sam, with Sue reporting to Sam) and Engineering (led by Eve, with a
 * Platform sub-department where Pat reports to Eve), plus an annual cycle and its second quarter.
 */
export async function buildCompany(server: TestServer) {
  const base = await setupOrganization(server);
  const { owner, rootDepartmentId } = base;
  const dept = async (name: string, parentId: string) => {
    const r = await server.request("POST", "/departments", { as: owner, body: { name, parentId } });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const sales = await dept("Sales", rootDepartmentId);
  const engineering = await dept("Engineering", rootDepartmentId);
  const platform = await dept("Platform", engineering);
  const member = async (
    email: string,
    name: string,
    departmentId: string,
    managerId?: string,
    role = "member",
  ) => {
    const r = await server.request("POST", "/members", {
      as: owner,
      body: { email, name, password: PASSWORD, role, departmentId, ...(managerId ? { managerId } : {}) },
    });
    expect(r.status).toBe(201);
    return r.body.userId as string;
  };
  const sam = await member("sam@acme.test", "Sam Sales", sales, base.ownerId);
  const sue = await member("sue@acme.test", "Sue Seller", sales, sam);
  const eve = await member("eve@acme.test", "Eve Engineer", engineering, base.ownerId);
  const pat = await member("pat@acme.test", "Pat Platform", platform, eve);
  const ada = await member("ada@acme.test", "Ada Admin", rootDepartmentId, base.ownerId, "admin");
  for (const [id, leaderId] of [
    [sales, sam],
    [engineering, eve],
  ] as const) {
    expect(
      (await server.request("PATCH", `/departments/${id}`, { as: owner, body: { leaderId } })).status,
    ).toBe(200);
  }
  const year = await server.request("POST", "/cycles", {
    as: owner,
    body: { name: "2027", kind: "annual", startDate: "2027-01-01", endDate: "2027-12-31" },
  });
  const quarter = await server.request("POST", "/cycles", {
    as: owner,
    body: {
      name: "2027 Q2",
      kind: "quarter",
      startDate: "2027-04-01",
      endDate: "2027-06-30",
      parentId: year.body.id,
    },
  });
  expect(quarter.status).toBe(201);
  return {
    ...base,
    departments: { sales, engineering, platform },
    users: { sam, sue, eve, pat, ada },
    cycles: { year: year.body.id as string, quarter: quarter.body.id as string },
    as: {
      sam: await signIn(server, "sam@acme.test"),
      sue: await signIn(server, "sue@acme.test"),
      eve: await signIn(server, "eve@acme.test"),
      pat: await signIn(server, "pat@acme.test"),
      ada: await signIn(server, "ada@acme.test"),
    },
  };
}

/**
 * Moves a cycle forward phase by phase (admins only, one step at a time) until it is in `phase`:
 * check-ins are taken while a cycle is aligning or in progress.
 */
export async function advanceCycle(
  server: TestServer,
  admin: Credentials,
  cycleId: string,
  phase: "aligning" | "in_progress" | "scoring" | "reviewing" | "closed",
): Promise<void> {
  const order = ["planning", "aligning", "in_progress", "scoring", "reviewing", "closed"];
  const current = (await server.request("GET", `/cycles/${cycleId}`, { as: admin })).body.phase as string;
  for (const next of order.slice(order.indexOf(current) + 1, order.indexOf(phase) + 1)) {
    const reply = await server.request("POST", `/cycles/${cycleId}/phase`, {
      as: admin,
      body: { phase: next },
    });
    expect(reply.status).toBe(200);
  }
}

/** Publishes objectives (only published ones take check-ins). */
export async function publish(server: TestServer, as: Credentials, ...objectiveIds: string[]): Promise<void> {
  for (const id of objectiveIds) {
    const reply = await server.request("POST", `/objectives/${id}/publish`, { as });
    expect(reply.status).toBe(200);
  }
}

/**
 * A Sales department objective of the company's quarter, written by Sam (its leader), with one currency KR
 * from 0 to 500 unless other KRs are given; answers its id and its KRs' ids.
 */
export async function salesObjective(
  server: TestServer,
  company: Awaited<ReturnType<typeof buildCompany>>,
  title = "Key accounts grow with us",
  keyResults: unknown[] = [
    { title: "Revenue from 0 to 500", type: "currency", startValue: 0, targetValue: 500 },
  ],
): Promise<{ id: string; krs: string[] }> {
  const created = await server.request("POST", "/objectives", {
    as: company.as.sam,
    body: {
      cycleId: company.cycles.quarter,
      level: "department",
      ownerDepartmentId: company.departments.sales,
      title,
      keyResults,
    },
  });
  expect(created.status).toBe(201);
  return { id: created.body.id, krs: created.body.keyResults.map((kr: { id: string }) => kr.id) };
}
