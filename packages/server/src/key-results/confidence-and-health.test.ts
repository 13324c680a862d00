import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer, testClock } from "../../test/harness.ts";

type Node = { objective: { id: string; health: string | null }; children: Node[] };

function findNode(nodes: readonly Node[], id: string): Node | undefined {
  for (const node of nodes) {
    if (node.objective.id === id) return node;
    const below = findNode(node.children, id);
    if (below) return below;
  }
  return undefined;
}

describe.each(testDialects())(
  "confidence before the first check-in, and health of drafts, on %s",
  (dialect) => {
    let server: TestServer;
    let company: Awaited<ReturnType<typeof buildCompany>>;
    let published: { id: string; krId: string };

    beforeAll(async () => {
      // The first morning of the quarter: nothing is behind the clock yet.
      server = await startTestServer(dialect, testClock("2027-04-01T02:00:00.000Z"));
      company = await buildCompany(server);
      const created = await server.request("POST", "/objectives", {
        as: company.owner,
        body: {
          cycleId: company.cycles.quarter,
          level: "company",
          title: "Customers stay with us",
          keyResults: [
            { title: "Renewal rate from 70% to 90%", type: "percentage", startValue: 70, targetValue: 90 },
          ],
        },
      });
      expect(created.status).toBe(201);
      const publish = await server.request("POST", `/objectives/${created.body.id}/publish`, {
        as: company.owner,
      });
      expect(publish.status).toBe(200);
      published = { id: created.body.id, krId: created.body.keyResults[0].id };
      // Check-ins are taken while the cycle is aligning or in progress.
      await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
    });
    afterAll(async () => server.close());

    it("gives a new KR no confidence, so it is on track rather than at risk", async () => {
      const objective = await server.request("GET", `/objectives/${published.id}`, { as: company.owner });
      expect(objective.status).toBe(200);
      expect(objective.body.keyResults[0]).toMatchObject({ confidence: null, health: "on_track" });
      expect(objective.body.health).toBe("on_track");
      const dashboard = await server.request("GET", `/cycles/${company.cycles.quarter}/dashboard`, {
        as: company.owner,
      });
      expect(dashboard.body.keyResultHealthCounts).toMatchObject({ on_track: 1, at_risk: 0, off_track: 0 });
      expect(dashboard.body.riskyKeyResults).toEqual([]);
    });

    it("takes the confidence from the first check-in, and health follows it from then on", async () => {
      const checkIn = await server.request("POST", `/key-results/${published.krId}/check-ins`, {
        as: company.owner,
        body: { value: 71, confidence: 3, note: "Two big accounts undecided" },
      });
      expect(checkIn.status).toBe(201);
      expect(checkIn.body.checkIn.confidence).toBe(3);
      expect(checkIn.body.keyResult).toMatchObject({ confidence: 3, health: "off_track" });
      const dashboard = await server.request("GET", `/cycles/${company.cycles.quarter}/dashboard`, {
        as: company.owner,
      });
      expect(dashboard.body.riskyKeyResults).toEqual([
        expect.objectContaining({ id: published.krId, confidence: 3, health: "off_track" }),
      ]);
    });

    it("gives a draft and a submitted objective and their KRs no health, in every answer, until published", async () => {
      const create = (title: string) =>
        server.request("POST", "/objectives", {
          as: company.as.sue,
          body: {
            cycleId: company.cycles.quarter,
            level: "personal",
            title,
            keyResults: [
              { title: "Early renewals from 2 to 8", type: "number", startValue: 2, targetValue: 8 },
            ],
          },
        });
      const draft = await create("My accounts renew early");
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({ status: "draft", health: null });
      expect(draft.body.keyResults[0]).toMatchObject({ confidence: null, health: null });

      const read = await server.request("GET", `/objectives/${draft.body.id}`, { as: company.as.sue });
      expect(read.status).toBe(200);
      expect(read.body.health).toBeNull();
      expect(read.body.keyResults[0].health).toBeNull();
      const list = await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}&status=draft`, {
        as: company.as.sue,
      });
      expect(list.body.map((o: { health: string | null }) => o.health)).toEqual([null]);
      const tree = await server.request("GET", `/cycles/${company.cycles.quarter}/tree`, {
        as: company.as.sue,
      });
      expect(findNode(tree.body.roots, draft.body.id)?.objective.health).toBeNull();
      const dashboard = await server.request("GET", `/cycles/${company.cycles.quarter}/dashboard`, {
        as: company.owner,
      });
      const counted = Object.values(dashboard.body.healthCounts as Record<string, number>).reduce(
        (a, b) => a + b,
      );
      expect(counted).toBe(1);

      await server.request("PATCH", "/org", {
        as: company.owner,
        body: { settings: { approvalRequired: true } },
      });
      const submitted = await server.request("POST", `/objectives/${draft.body.id}/submit`, {
        as: company.as.sue,
      });
      expect(submitted.body).toMatchObject({ status: "submitted", health: null });
      expect(submitted.body.keyResults[0].health).toBeNull();

      const approved = await server.request("POST", `/objectives/${draft.body.id}/approve`, {
        as: company.as.sam,
      });
      expect(approved.body).toMatchObject({ status: "published", health: "on_track" });
      expect(approved.body.keyResults[0]).toMatchObject({ confidence: null, health: "on_track" });
    });
  },
);
