import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany } from "../../test/factories.ts";
import type { Credentials, TestServer } from "../../test/harness.ts";
import { startTestServer } from "../../test/harness.ts";
import { contextOf } from "../app.ts";

type Company = Awaited<ReturnType<typeof buildCompany>>;
type FullNode = { objective: { id: string }; keyResults: unknown[]; children: FullNode[] };
type LazyNode = { objective: { id: string }; keyResults: unknown[]; childCount: number };

/** A small deterministic generator, so the "random" company is the same on every run and dialect. */
function seeded(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

/**
 * The map read level by level must be exactly the full tree: every level's pages, concatenated and nested
 * again, equal `GET /cycles/:id/tree` — for an admin, for a member from whom private objectives are
 * hidden, and under a department filter — on a company whose alignments are drawn at random (through
 * objectives and through KRs), with a loop of links slipped in underneath the API.
 */
describe.each(testDialects())("the alignment map, lazily, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  let cycleId: string;
  const privateIds: string[] = [];
  const all: Array<{ id: string; krs: string[] }> = [];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    cycleId = company.cycles.quarter;
    const random = seeded(dialect === "sqlite" ? 7 : 7);
    const create = async (as: Credentials, body: Record<string, unknown>) => {
      const r = await server.request("POST", "/objectives", {
        as,
        body: {
          cycleId,
          keyResults: [
            { title: "Reach 10 from 0", type: "number", startValue: 0, targetValue: 10 },
            { title: "Reach 20 from 0", type: "number", startValue: 0, targetValue: 20 },
          ],
          ...body,
        },
      });
      expect(r.status).toBe(201);
      const made = { id: r.body.id as string, krs: r.body.keyResults.map((k: { id: string }) => k.id) };
      all.push(made);
      return made;
    };
    const align = async (as: Credentials, id: string, parent: { id: string; krs: string[] }) => {
      const viaKr = random(2) === 0;
      const body = viaKr
        ? { parentKeyResultId: parent.krs[random(parent.krs.length)] }
        : { parentObjectiveId: parent.id };
      const r = await server.request("PUT", `/objectives/${id}/alignment`, { as, body });
      expect(r.status).toBe(200);
    };
    const companyOkrs = [];
    for (let i = 0; i < 3; i++)
      companyOkrs.push(await create(company.owner, { level: "company", title: `Company ${i}` }));
    const departments: Array<{ id: string; krs: string[] }> = [];
    const leads = [
      { as: company.as.sam, dept: company.departments.sales },
      { as: company.as.eve, dept: company.departments.engineering },
      { as: company.owner, dept: company.departments.platform },
    ];
    for (let i = 0; i < 7; i++) {
      const lead = leads[i % leads.length] as (typeof leads)[number];
      const made = await create(lead.as, {
        level: "department",
        ownerDepartmentId: lead.dept,
        title: `Dept ${i}`,
      });
      if (random(5) > 0)
        await align(
          lead.as,
          made.id,
          companyOkrs[random(companyOkrs.length)] as { id: string; krs: string[] },
        );
      departments.push(made);
    }
    const people = [company.as.sue, company.as.pat, company.as.sam, company.as.eve];
    for (let i = 0; i < 18; i++) {
      const as = people[i % people.length] as Credentials;
      const isPrivate = random(4) === 0;
      const made = await create(as, {
        level: "personal",
        title: `Personal ${i}`,
        ...(isPrivate ? { visibility: "private" } : {}),
      });
      if (isPrivate) privateIds.push(made.id);
      if (random(6) > 0)
        await align(as, made.id, departments[random(departments.length)] as { id: string; krs: string[] });
    }
    // A loop of links, which the API refuses but old data may hold: both still show, exactly as in the tree.
    const [a, b] = [departments[5], departments[6]] as [{ id: string }, { id: string }];
    await server.db.db
      .updateTable("objective")
      .set({ parentObjectiveId: b.id, parentKeyResultId: null })
      .where("id", "=", a.id)
      .execute();
    await server.db.db
      .updateTable("objective")
      .set({ parentObjectiveId: a.id, parentKeyResultId: null })
      .where("id", "=", b.id)
      .execute();
    await advanceCycle(server, company.owner, cycleId, "aligning");
  });
  afterAll(async () => server.close());

  /** The whole map read through tree/nodes, small pages at a time, nested again like the full tree. */
  async function readLazily(as: Credentials, departmentId?: string): Promise<FullNode[]> {
    const dept = departmentId ? `&departmentId=${departmentId}` : "";
    const level = async (parentId?: string): Promise<FullNode[]> => {
      const items: LazyNode[] = [];
      let cursor: string | null = null;
      do {
        const parent = parentId ? `&parentId=${parentId}` : "";
        const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
        const r = await server.request(
          "GET",
          `/cycles/${cycleId}/tree/nodes?limit=2${parent}${dept}${after}`,
          { as },
        );
        expect(r.status).toBe(200);
        expect(r.body.items.length).toBeLessThanOrEqual(2);
        items.push(...r.body.items);
        cursor = r.body.nextCursor;
      } while (cursor);
      const nodes: FullNode[] = [];
      for (const item of items) {
        const children = item.childCount > 0 ? await level(item.objective.id) : [];
        expect(children).toHaveLength(item.childCount);
        nodes.push({ objective: item.objective, keyResults: item.keyResults, children });
      }
      return nodes;
    };
    return level();
  }

  const ids = (nodes: FullNode[]): string[] => nodes.flatMap((n) => [n.objective.id, ...ids(n.children)]);

  it.each([
    ["an admin", "owner", undefined],
    ["a member who cannot see others' private objectives", "pat", undefined],
    ["a manager under a department filter", "sam", "sales"],
    ["an admin under a department filter", "owner", "engineering"],
  ] as const)("equals the full tree for %s", async (_, who, dept) => {
    const as = who === "owner" ? company.owner : company.as[who];
    const departmentId = dept ? company.departments[dept] : undefined;
    const full = await server.request(
      "GET",
      `/cycles/${cycleId}/tree${departmentId ? `?departmentId=${departmentId}` : ""}`,
      { as },
    );
    expect(full.status).toBe(200);
    const lazy = await readLazily(as, departmentId);
    expect(lazy).toEqual(full.body.roots);
    expect(ids(lazy).length).toBeGreaterThan(3);
    if (who === "pat") {
      const hidden = privateIds.filter((id) => !ids(lazy).includes(id));
      expect(hidden.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ["an admin", "owner", undefined],
    ["a member who cannot see others' private objectives", "pat", undefined],
    ["a manager under a department filter", "sam", "sales"],
  ] as const)(
    "streams the full tree, as exports read it, exactly as it builds it whole, for %s",
    async (_, who, dept) => {
      const as = who === "owner" ? company.owner : company.as[who];
      const query = dept ? `?departmentId=${company.departments[dept]}` : "";
      const whole = await server.request("GET", `/cycles/${cycleId}/tree${query}`, { as });
      expect(whole.status).toBe(200);
      // Tests check every answer against its schema, which needs it whole; a server that does not takes the
      // streamed path, the one switched to here for one request.
      const config = contextOf(server.app).config;
      config.validateResponses = false;
      try {
        const streamed = await server.request("GET", `/cycles/${cycleId}/tree${query}`, { as });
        expect(streamed.status).toBe(200);
        expect(String(streamed.headers["content-type"])).toMatch(/^application\/json/);
        expect(streamed.body).toEqual(whole.body);
        expect(ids(streamed.body.roots).length).toBeGreaterThan(3);
        const missing = await server.request("GET", `/cycles/${company.cycles.quarter}x/tree`, { as });
        expect(missing.status).toBe(404);
        expect(missing.body.error.code).toBe("cycle.not_found");
      } finally {
        config.validateResponses = true;
      }
    },
  );

  it("answers the path of every node from its root down to its parent", async () => {
    const full = await server.request("GET", `/cycles/${cycleId}/tree`, { as: company.owner });
    const walk = async (nodes: FullNode[], above: string[]) => {
      for (const node of nodes) {
        const r = await server.request(
          "GET",
          `/cycles/${cycleId}/tree/path?objectiveId=${node.objective.id}`,
          {
            as: company.owner,
          },
        );
        expect(r.status).toBe(200);
        expect(r.body.items.map((i: LazyNode) => i.objective.id)).toEqual(above);
        await walk(node.children, [...above, node.objective.id]);
      }
    };
    await walk(full.body.roots, []);
  });

  it("answers a hidden objective exactly like a missing one, and finds titles with q", async () => {
    const privateId = privateIds[0] as string;
    const owner = privateIds.length ? all.find((o) => o.id === privateId) : undefined;
    expect(owner).toBeDefined();
    const hidden = await server.request("GET", `/cycles/${cycleId}/tree/path?objectiveId=${privateId}`, {
      as: company.as.pat,
    });
    const missing = await server.request(
      "GET",
      `/cycles/${cycleId}/tree/path?objectiveId=nope-${privateId}`,
      {
        as: company.as.pat,
      },
    );
    const hiddenParent = await server.request("GET", `/cycles/${cycleId}/tree/nodes?parentId=${privateId}`, {
      as: company.as.pat,
    });
    const mine = await server.request("GET", `/cycles/${cycleId}/tree/path?objectiveId=${privateId}`, {
      as: company.owner,
    });
    expect(mine.status).toBe(200);
    for (const r of [hidden, missing, hiddenParent]) {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe("objective.not_found");
    }
    const found = await server.request("GET", `/cycles/${cycleId}/tree/nodes?q=dept&limit=200`, {
      as: company.owner,
    });
    expect(found.status).toBe(200);
    expect(
      found.body.items.map((i: LazyNode & { objective: { title: string } }) => i.objective.title).sort(),
    ).toEqual(["Dept 0", "Dept 1", "Dept 2", "Dept 3", "Dept 4", "Dept 5", "Dept 6"]);
  });

  it("refuses bad input with 4xx in the contract's shape, in the caller's language", async () => {
    const as = { ...company.owner, locale: "zh-CN" };
    const roots = await server.request("GET", `/cycles/${cycleId}/tree/nodes?limit=1`, { as });
    const foreign = roots.body.nextCursor as string;
    expect(foreign).toEqual(expect.any(String));
    const cases: Array<[string, number, string]> = [
      ["limit=0", 400, "request.invalid"],
      ["limit=201", 400, "request.invalid"],
      ["cursor=garbage", 400, "request.invalid"],
      [`cursor=${Buffer.from('{"list":1}').toString("base64url")}`, 400, "request.invalid"],
      [`parentId=${all[0]?.id}&cursor=${encodeURIComponent(foreign)}`, 400, "request.invalid"],
      [
        `departmentId=${company.departments.sales}&cursor=${encodeURIComponent(foreign)}`,
        400,
        "request.invalid",
      ],
      [`parentId=${all[0]?.id}&q=x`, 400, "request.invalid"],
      ["parentId=unknown", 404, "objective.not_found"],
      ["departmentId=unknown", 404, "department.not_found"],
    ];
    for (const [query, status, code] of cases) {
      const r = await server.request("GET", `/cycles/${cycleId}/tree/nodes?${query}`, { as });
      expect([query, r.status, r.body.error?.code]).toEqual([query, status, code]);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const noCycle = await server.request("GET", "/cycles/unknown/tree/nodes", { as });
    expect(noCycle.status).toBe(404);
    const noObjective = await server.request("GET", `/cycles/${cycleId}/tree/path`, { as });
    expect(noObjective.status).toBe(400);
  });

  it("keeps each caller's index until the organization's next write: opening a node does not read the cycle again", async () => {
    const as = company.as.eve;
    const roots = await server.request("GET", `/cycles/${cycleId}/tree/nodes?limit=200`, { as });
    const root = roots.body.items[0].objective as { id: string; title: string };
    // Changed underneath the server, where no write of its own tells the caches: the index answers as before.
    await server.db.db
      .updateTable("objective")
      .set({ title: "Renamed below" })
      .where("id", "=", root.id)
      .execute();
    const again = await server.request("GET", `/cycles/${cycleId}/tree/path?objectiveId=${root.id}`, { as });
    expect(again.status).toBe(200);
    const cached = await server.request("GET", `/cycles/${cycleId}/tree/nodes?limit=200`, { as });
    expect(cached.body.items[0].objective.title).toBe(root.title);
    // A write through the server moves the organization's generation: the next read builds afresh.
    const write = await server.request("PATCH", "/org", {
      as: company.owner,
      body: { mission: "Grow together" },
    });
    expect(write.status).toBe(200);
    const fresh = await server.request("GET", `/cycles/${cycleId}/tree/nodes?limit=200`, { as });
    expect(fresh.body.items[0].objective.title).toBe("Renamed below");
  });
});
