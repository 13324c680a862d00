import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, setupOrganization, signIn } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Talent density's confidentiality (domain.md *Talent density*, api.md *People and talent density*), as one
 * matrix: who reads Sue's OKR record, the team insights of her department and its talent review. Sue works
 * in Sales beside Pete (her peer); Sam leads Sales and is their manager; Lena leads Commercial, above Sales,
 * and is Sam's manager, with no admin role; Eve leads Engineering; Ada is an admin who leads nothing.
 */

type Cell = 200 | 404;
type Reader = "person" | "peer" | "manager" | "leaderAbove" | "otherLeader" | "admin";

const MATRIX: Record<Reader, { record: Cell; insights: Cell; review: Cell }> = {
  person: { record: 200, insights: 404, review: 404 },
  peer: { record: 404, insights: 404, review: 404 },
  manager: { record: 200, insights: 200, review: 200 },
  leaderAbove: { record: 200, insights: 200, review: 200 },
  otherLeader: { record: 404, insights: 404, review: 404 },
  admin: { record: 200, insights: 200, review: 200 },
};

describe.each(testDialects())("who reads a record, team insights and a talent review, on %s", (dialect) => {
  let server: TestServer;
  const ids = { sue: "", pete: "", sales: "", cycle: "", review: "" };
  const as = {} as Record<Reader, Credentials>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { owner, ownerId, rootDepartmentId } = await setupOrganization(server);
    const department = async (name: string, parentId: string) => {
      const reply = await server.request("POST", "/departments", { as: owner, body: { name, parentId } });
      expect(reply.status).toBe(201);
      return reply.body.id as string;
    };
    const member = async (email: string, departmentId: string, managerId: string, role = "member") => {
      const reply = await server.request("POST", "/members", {
        as: owner,
        body: { email, name: email.split("@")[0], password: PASSWORD, role, departmentId, managerId },
      });
      expect(reply.status).toBe(201);
      return reply.body.userId as string;
    };
    const lead = async (departmentId: string, leaderId: string) =>
      expect(
        (await server.request("PATCH", `/departments/${departmentId}`, { as: owner, body: { leaderId } }))
          .status,
      ).toBe(200);
    const commercial = await department("Commercial", rootDepartmentId);
    ids.sales = await department("Sales", commercial);
    const engineering = await department("Engineering", rootDepartmentId);
    const lena = await member("lena@acme.test", commercial, ownerId);
    const sam = await member("sam@acme.test", ids.sales, lena);
    ids.sue = await member("sue@acme.test", ids.sales, sam);
    ids.pete = await member("pete@acme.test", ids.sales, sam);
    const eve = await member("eve@acme.test", engineering, ownerId);
    await member("ada@acme.test", rootDepartmentId, ownerId, "admin");
    await lead(commercial, lena);
    await lead(ids.sales, sam);
    await lead(engineering, eve);
    for (const [reader, email] of [
      ["person", "sue"],
      ["peer", "pete"],
      ["manager", "sam"],
      ["leaderAbove", "lena"],
      ["otherLeader", "eve"],
      ["admin", "ada"],
    ] as const) {
      as[reader] = await signIn(server, `${email}@acme.test`);
    }
    const cycle = await server.request("POST", "/cycles", {
      as: owner,
      body: { name: "2027 Q2", kind: "quarter", startDate: "2027-04-01", endDate: "2027-06-30" },
    });
    ids.cycle = cycle.body.id;
    const review = await server.request("POST", "/talent-reviews", {
      as: as.manager,
      body: { cycleId: ids.cycle, departmentId: ids.sales, title: "Sales Q2" },
    });
    expect(review.status).toBe(201);
    ids.review = review.body.id;
    const placed = await server.request("PATCH", `/talent-reviews/${ids.review}`, {
      as: as.manager,
      body: {
        placements: [
          { userId: ids.sue, performance: 3, potential: 2, reason: "Closed every renewal", evidence: [] },
          { userId: ids.pete, performance: 2, potential: 2, reason: "Steady", evidence: [] },
        ],
      },
    });
    expect(placed.status).toBe(200);
  });
  afterAll(async () => server?.close());

  it.each(Object.entries(MATRIX) as Array<[Reader, (typeof MATRIX)[Reader]]>)(
    "answers the %s exactly as the matrix says",
    async (reader, cells) => {
      const credentials = as[reader];
      const record = await server.request("GET", `/people/${ids.sue}/record`, { as: credentials });
      expect(record.status).toBe(cells.record);
      if (cells.record === 404) expect(record.body.error.code).toBe("member.not_found");

      const insights = await server.request(
        "GET",
        `/departments/${ids.sales}/insights?cycleId=${ids.cycle}`,
        {
          as: credentials,
        },
      );
      expect(insights.status).toBe(cells.insights);
      if (cells.insights === 200)
        expect(insights.body.people.map((p: { person: { id: string } }) => p.person.id)).toEqual(
          expect.arrayContaining([ids.sue, ids.pete]),
        );

      const review = await server.request("GET", `/talent-reviews/${ids.review}`, { as: credentials });
      expect(review.status).toBe(cells.review);
      const list = await server.request("GET", `/talent-reviews?cycleId=${ids.cycle}`, { as: credentials });
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { id: string }) => r.id)).toEqual(
        cells.review === 200 ? [ids.review] : [],
      );
      if (cells.review === 404) {
        expect(review.body.error.code).toBe("talent_review.not_found");
        // Nothing of it leaks in the refusal, and nothing can be changed through it.
        expect(JSON.stringify(review.body)).not.toContain("Closed every renewal");
        const changed = await server.request("PATCH", `/talent-reviews/${ids.review}`, {
          as: credentials,
          body: { title: "Seen" },
        });
        expect(changed.status).toBe(404);
      } else {
        expect(review.body.placements.map((p: { person: { id: string } }) => p.person.id).sort()).toEqual(
          [ids.sue, ids.pete].sort(),
        );
      }
    },
  );
});
