import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Talent reviews (人才盘点) through the real HTTP app. Sam leads Sales and reviews it: Sue is the one person
 * it places (Sam runs it). Eve leads Engineering, Pat works there, Ada is an admin.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;

describe.each(testDialects())("talent reviews, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  let review = "";
  let suesObjective = "";
  let patsObjective = "";

  const patch = (as: Credentials, body: Record<string, unknown>) =>
    server.request("PATCH", `/talent-reviews/${review}`, { as, body });
  const historyLength = async () =>
    Number(
      (
        await server.db.db
          .selectFrom("talentPlacementHistory")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const reads = async () =>
    Number(
      (
        await server.db.db
          .selectFrom("auditLog")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("action", "=", "talent_review.read")
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    server.clock.set("2027-04-02T02:00:00.000Z");
    const create = async (as: Credentials, title: string) => {
      const reply = await server.request("POST", "/objectives", {
        as,
        body: {
          cycleId: company.cycles.quarter,
          level: "personal",
          title,
          keyResults: [{ title: `${title}: from 0 to 10`, type: "number", startValue: 0, targetValue: 10 }],
        },
      });
      expect(reply.status).toBe(201);
      await publish(server, as, reply.body.id);
      return reply.body.id as string;
    };
    suesObjective = await create(company.as.sue, "Renewals land");
    patsObjective = await create(company.as.pat, "Platform stays up");
  });
  afterAll(async () => server.close());

  it("is opened by the department's leaders and admins only", async () => {
    const { as, departments, cycles } = company;
    const body = { cycleId: cycles.quarter, departmentId: departments.sales, title: "Sales Q2 review" };
    expect((await server.request("POST", "/talent-reviews", { as: as.sue, body })).status).toBe(403);
    expect((await server.request("POST", "/talent-reviews", { as: as.eve, body })).status).toBe(403);
    const created = await server.request("POST", "/talent-reviews", { as: as.sam, body });
    expect(created.status).toBe(201);
    review = created.body.id;
    expect(created.body).toMatchObject({
      status: "draft",
      department: { id: departments.sales, name: "Sales" },
      placeable: [{ id: company.users.sue, name: "Sue Seller" }],
      placements: [],
      abilities: { update: true },
    });
  });

  it("places people of the subtree with a reason and their own objectives as evidence, keeping every placement", async () => {
    const { as, users } = company;
    const placed = await patch(as.sam, {
      placements: [
        {
          userId: users.sue,
          performance: 3,
          potential: 2,
          reason: "Closed every renewal",
          evidence: [suesObjective],
        },
      ],
    });
    expect(placed.status).toBe(200);
    expect(placed.body.placements).toEqual([
      expect.objectContaining({
        person: { id: users.sue, name: "Sue Seller" },
        performance: 3,
        potential: 2,
        evidence: [{ id: suesObjective, title: "Renewals land" }],
        placedBy: { id: users.sam, name: "Sam Sales" },
      }),
    ]);
    const before = await historyLength();
    const refusals: Array<[Record<string, unknown>, number, string]> = [
      [
        { userId: users.pat, performance: 2, potential: 2, reason: "Not ours", evidence: [] },
        422,
        "talent_review.not_placeable",
      ],
      [
        { userId: users.sam, performance: 2, potential: 2, reason: "Runs it", evidence: [] },
        422,
        "talent_review.not_placeable",
      ],
      [
        { userId: users.sue, performance: 2, potential: 2, reason: "Wrong proof", evidence: [patsObjective] },
        422,
        "talent_review.unknown_evidence",
      ],
      [
        { userId: users.sue, performance: 4, potential: 2, reason: "Off the grid", evidence: [] },
        400,
        "request.invalid",
      ],
    ];
    for (const [placement, status, code] of refusals) {
      const reply = await patch(as.sam, { placements: [placement] });
      expect([reply.status, reply.body.error.code]).toEqual([status, code]);
    }
    expect(await historyLength()).toBe(before);

    const moved = await patch(as.ada, {
      placements: [
        {
          userId: users.sue,
          performance: 2,
          potential: 3,
          reason: "Calibrated with Engineering",
          evidence: [],
        },
      ],
    });
    expect(moved.body.placements[0]).toMatchObject({
      performance: 2,
      potential: 3,
      placedBy: { id: users.ada },
    });
    expect(
      moved.body.history.map((h: { performance: number; potential: number }) => [h.performance, h.potential]),
    ).toEqual([
      [3, 2],
      [2, 3],
    ]);
  });

  it("stays hidden from the person placed, their peers and other leaders, and every read is audited", async () => {
    const { as, owner } = company;
    const before = await reads();
    for (const [who, credentials, status] of [
      ["the person placed", as.sue, 404],
      ["a leader elsewhere", as.eve, 404],
      ["a colleague elsewhere", as.pat, 404],
      ["the leader", as.sam, 200],
      ["the owner", owner, 200],
      ["an admin", as.ada, 200],
    ] as const) {
      const reply = await server.request("GET", `/talent-reviews/${review}`, { as: credentials });
      expect([who, reply.status]).toEqual([who, status]);
      if (status === 404) expect(reply.body.error.code).toBe("talent_review.not_found");
      const list = await server.request("GET", "/talent-reviews", { as: credentials });
      expect([who, list.body.items.length]).toEqual([who, status === 200 ? 1 : 0]);
    }
    expect(await reads()).toBe(before + 3);
    expect((await patch(as.sue, { title: "Mine now" })).status).toBe(404);
  });

  it("goes draft → calibrating → final one step at a time, and is frozen once final", async () => {
    const { as } = company;
    expect((await patch(as.sam, { status: "final" })).body.error.code).toBe(
      "talent_review.invalid_transition",
    );
    expect((await patch(as.sam, { status: "calibrating" })).body.status).toBe("calibrating");
    const final = await patch(as.sam, { status: "final" });
    expect(final.body).toMatchObject({
      status: "final",
      finalizedBy: { id: company.users.sam },
      abilities: { update: false },
    });
    expect((await patch(as.sam, { title: "Again" })).body.error.code).toBe("talent_review.final");
  });
  it("is exported by admins alone, and the export is audited as a read", async () => {
    const { as } = company;
    const get = (credentials: Credentials) =>
      server.app.inject({
        method: "GET",
        url: `/api/v1/talent-reviews/${review}/export?format=csv`,
        headers: { cookie: credentials.cookie ?? "" },
      });
    expect((await get(as.sam)).statusCode).toBe(403);
    expect((await get(as.sue)).statusCode).toBe(404);
    const before = await reads();
    const file = await get(as.ada);
    expect(file.statusCode).toBe(200);
    const text = file.rawPayload.subarray(3).toString("utf8");
    expect(text.split("\n")[0]).toBe("person,performance,potential,reason,evidence,placed_by,placed_at");
    expect(text).toContain("Sue Seller,2,3,Calibrated with Engineering");
    expect(await reads()).toBe(before + 1);
  });
});
