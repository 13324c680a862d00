import { MAX_MEMBER_IDS } from "@luodi/core";
import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 12, item 2: pages ask only for what they show. `GET /objectives?mine=true` (what the caller answers
 * for: home, check-in), `approver=me` (the approvals waiting for them), `memberDepartmentId` (a department's
 * members' objectives) and `GET /members?ids=` (names for the people a screen shows) — each within what
 * the caller may see. Sam leads Sales (Sue reports to him), Eve leads Engineering (Pat, in Platform below
 * it, reports to her), Ada is an admin.
 */
describe.each(testDialects())("scoped lists of objectives and members on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  const ids: Record<string, string> = {};

  const create = async (as: Credentials, body: Record<string, unknown>) => {
    const reply = await server.request("POST", "/objectives", {
      as,
      body: { cycleId: company.cycles.quarter, level: "personal", visibility: "public", ...body },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body.id as string;
  };
  const submit = async (as: Credentials, id: string) => {
    const reply = await server.request("POST", `/objectives/${id}/submit`, { as });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  };
  const listed = async (as: Credentials, query: string) => {
    const reply = await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}&${query}`, {
      as,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return (reply.body as { id: string }[]).map((o) => o.id).sort();
  };
  const sorted = (...names: string[]) => names.map((name) => ids[name] as string).sort();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const { users, as, departments } = company;
    const kr = (title: string, ownerUserId: string) => ({
      title,
      type: "number",
      startValue: 0,
      targetValue: 10,
      ownerUserId,
    });
    expect(
      (
        await server.request("PATCH", "/org", {
          as: company.owner,
          body: { settings: { approvalRequired: true } },
        })
      ).status,
    ).toBe(200);
    ids.sue = await create(as.sue, { title: "Sue's own", keyResults: [kr("Sue's KR", users.sue)] });
    // Sam's objective with one KR of Sue's: hers to check in on.
    ids.samWithSueKr = await create(as.sam, {
      title: "Sam's, with a KR of Sue's",
      keyResults: [kr("Sam's KR", users.sam), kr("Sue's part", users.sue)],
    });
    ids.sam = await create(as.sam, { title: "Sam's own", keyResults: [kr("Sam's KR", users.sam)] });
    ids.sales = await create(as.sam, {
      title: "Sales grows",
      level: "department",
      ownerDepartmentId: departments.sales,
    });
    ids.patPublic = await create(as.pat, { title: "Pat's public" });
    ids.patPrivate = await create(as.pat, { title: "Pat's private", visibility: "private" });
    ids.eve = await create(as.eve, { title: "Eve's own" });
    // Submitted: Sue's waits for Sam, Pat's private one for Eve, Platform's for Eve (Engineering's leader).
    await submit(as.sue, ids.sue);
    await submit(as.pat, ids.patPrivate);
    ids.platform = await create(as.eve, {
      title: "Platform ships",
      level: "department",
      ownerDepartmentId: departments.platform,
    });
    await submit(as.eve, ids.platform);
  });
  afterAll(async () => server.close());

  it("mine: what the caller owns, the departments they lead, and where they own a KR", async () => {
    const { as } = company;
    expect(await listed(as.sue, "mine=true")).toEqual(sorted("sue", "samWithSueKr"));
    expect(await listed(as.sam, "mine=true")).toEqual(sorted("samWithSueKr", "sam", "sales"));
    // Eve leads Engineering, not Platform below it (which she wrote for): Platform's is not hers to answer for.
    expect(await listed(as.eve, "mine=true")).toEqual(sorted("eve"));
    expect(await listed(as.pat, "mine=true")).toEqual(sorted("patPublic", "patPrivate"));
    // `false` is no filter; it combines with the others.
    expect(await listed(as.sue, "mine=false")).toHaveLength(7); // all but Pat's private one
    expect(await listed(as.sam, "mine=true&level=department")).toEqual(sorted("sales"));
    const page = await server.request(
      "GET",
      `/objectives?cycleId=${company.cycles.quarter}&mine=true&limit=1`,
      { as: as.sam },
    );
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).not.toBeNull();
  });

  it("mine never shows what the caller may not see, even where they own a KR", async () => {
    const { as, users } = company;
    // Pat's private objective gets a KR of Sue's: she may not see the objective, so it is not on her list.
    const added = await server.request("POST", `/objectives/${ids.patPrivate}/key-results`, {
      as: as.pat,
      body: { title: "Sue helps", type: "number", startValue: 0, targetValue: 1, ownerUserId: users.sue },
    });
    expect(added.status).toBe(201);
    expect(await listed(as.sue, "mine=true")).toEqual(sorted("sue", "samWithSueKr"));
    expect(await listed(as.sue, "mine=true")).not.toContain(ids.patPrivate);
  });

  it("approver=me: the submitted objectives whose decision waits for the caller", async () => {
    const { as } = company;
    expect(await listed(as.sam, "approver=me")).toEqual(sorted("sue"));
    expect(await listed(as.eve, "approver=me")).toEqual(sorted("patPrivate", "platform"));
    // Nothing waits for Sue or Pat; the admins step in where no one is named, not on every objective.
    expect(await listed(as.sue, "approver=me")).toEqual([]);
    expect(await listed(as.pat, "approver=me")).toEqual([]);
    expect(await listed(as.ada, "approver=me")).toEqual([]);
    // Another status waits for no one.
    expect(await listed(as.sam, "approver=me&status=published")).toEqual([]);
    expect(await listed(as.sam, "approver=me&status=submitted")).toEqual(sorted("sue"));
  });

  it("approver=me: a company objective, which names no one, waits for the admins", async () => {
    const { as } = company;
    const id = await create(company.owner, { title: "The company", level: "company" });
    const submitted = await server.request("POST", `/objectives/${id}/submit`, { as: company.owner });
    if (submitted.status !== 200) return; // Company objectives publish without approval here.
    expect(await listed(as.ada, "approver=me")).toEqual([id]);
    expect(await listed(as.eve, "approver=me")).not.toContain(id);
  });

  it("memberDepartmentId: the department's members' personal objectives, as visibility allows", async () => {
    const { as, departments } = company;
    expect(await listed(as.sue, `memberDepartmentId=${departments.sales}`)).toEqual(
      sorted("sue", "samWithSueKr", "sam"),
    );
    // Pat's private objective shows to Eve (his manager), never to Sue.
    expect(await listed(as.sue, `memberDepartmentId=${departments.platform}`)).toEqual(sorted("patPublic"));
    expect(await listed(as.eve, `memberDepartmentId=${departments.platform}`)).toEqual(
      sorted("patPublic", "patPrivate"),
    );
    // Members of the departments below are not the department's own.
    expect(await listed(as.eve, `memberDepartmentId=${departments.engineering}`)).toEqual(sorted("eve"));
  });

  it("q: a part of the objective's or a KR's title, any case, within what the caller sees", async () => {
    const { as } = company;
    expect(await listed(as.sue, "q=SUE'S PART")).toEqual(sorted("samWithSueKr"));
    expect(await listed(as.sue, `q=${encodeURIComponent("'s own")}`)).toEqual(sorted("sue", "sam", "eve"));
    // Pat's private objective is found by those who see it only.
    expect(await listed(as.sue, "q=private")).toEqual([]);
    expect(await listed(as.eve, "q=private")).toEqual(sorted("patPrivate"));
    // `_` and `%` match themselves, not any character.
    expect(await listed(as.sue, "q=_")).toEqual([]);
    expect(await listed(as.sue, "q=%25")).toEqual([]);
    expect(await listed(as.sue, "q=own&mine=true")).toEqual(sorted("sue"));
  });

  it("refuses bad values with 400", async () => {
    const long = "x".repeat(101);
    for (const query of [
      "mine=yes",
      "approver=you",
      "approver=",
      "memberDepartmentId=",
      `q=${long}`,
      "q=%07",
    ]) {
      const reply = await server.request("GET", `/objectives?${query}`, { as: company.as.sue });
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code, query).toBe("request.invalid");
    }
  });

  it("members?ids=: only those people, unknown ids left out, at most 200", async () => {
    const { as, users } = company;
    const reply = await server.request("GET", `/members?ids=${users.sue},${users.pat},nobody,${users.sue}`, {
      as: as.sue,
    });
    expect(reply.status).toBe(200);
    expect((reply.body as { userId: string; name: string }[]).map((m) => [m.userId, m.name])).toEqual([
      [users.pat, "Pat Platform"],
      [users.sue, "Sue Seller"],
    ]);
    const paged = await server.request("GET", `/members?ids=${users.sue},${users.pat}&limit=1`, {
      as: as.sue,
    });
    expect(paged.body.items.map((m: { userId: string }) => m.userId)).toEqual([users.pat]);
    expect(paged.body.nextCursor).not.toBeNull();

    const tooMany = Array.from({ length: MAX_MEMBER_IDS + 1 }, (_, i) => `u${i}`).join(",");
    for (const query of [`ids=${tooMany}`, "ids=", `ids=${users.sue},,${users.pat}`]) {
      const bad = await server.request("GET", `/members?${query}`, { as: as.sue });
      expect(bad.status, query.slice(0, 30)).toBe(400);
      expect(bad.body.error.code).toBe("request.invalid");
    }
    const most = Array.from({ length: MAX_MEMBER_IDS }, (_, i) => `u${i}`).join(",");
    expect((await server.request("GET", `/members?ids=${most}`, { as: as.sue })).body).toEqual([]);
  });
});
