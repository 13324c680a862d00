import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/** Cached reads must never show a number older than the last write, nor health older than a minute. */
describe.each(testDialects())("cached reads on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let objectiveId: string;
  let krId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const created = await server.request("POST", "/objectives", {
      as: company.owner,
      body: {
        cycleId: company.cycles.quarter,
        level: "company",
        title: "Customers renew",
        keyResults: [
          {
            title: "NRR from 90 to 110",
            type: "percentage",
            startValue: 90,
            targetValue: 110,
            confidence: 8,
          },
        ],
      },
    });
    objectiveId = created.body.id;
    krId = created.body.keyResults[0].id;
    await server.request("POST", `/objectives/${objectiveId}/publish`, { as: company.owner });
    await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
  });
  afterAll(async () => server.close());

  const dashboard = async () =>
    (await server.request("GET", `/cycles/${company.cycles.quarter}/dashboard`, { as: company.as.ada })).body;
  const tree = async () =>
    (await server.request("GET", `/cycles/${company.cycles.quarter}/tree`, { as: company.owner })).body;

  it("shows a check-in in the next read, for every viewer", async () => {
    expect((await dashboard()).progress).toBe(0);
    expect((await tree()).roots[0].objective.progress).toBe(0);
    await server.request("POST", `/key-results/${krId}/check-ins`, {
      as: company.owner,
      body: { value: 100, confidence: 8 },
    });
    expect((await dashboard()).progress).toBe(0.5);
    expect((await tree()).roots[0].objective.progress).toBe(0.5);
    const home = await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}&level=company`, {
      as: company.as.sue,
    });
    expect(home.body[0].progress).toBe(0.5);
  });

  it("moves health with the clock alone", async () => {
    // An API token does not expire, unlike the session, so the clock may run to the quarter's end.
    const token = (await server.request("POST", "/tokens", { as: company.owner, body: { name: "clock" } }))
      .body.token;
    const health = async () =>
      (await server.request("GET", `/cycles/${company.cycles.quarter}/tree`, { as: { token } })).body.roots[0]
        .keyResults[0].health;
    const start = server.clock.now().toISOString();
    server.clock.set("2027-04-02T00:00:00.000Z");
    expect(await health()).toBe("on_track");
    server.clock.set("2027-06-29T00:00:00.000Z");
    expect(await health()).toBe("off_track");
    server.clock.set(start);
  });

  it("keeps a hidden objective hidden from a member after an admin's read was cached", async () => {
    const hidden = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Private plan",
        visibility: "private",
      },
    });
    await server.request("POST", `/objectives/${hidden.body.id}/publish`, { as: company.as.sue });
    const byAdmin = await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}`, {
      as: company.as.ada,
    });
    expect(byAdmin.body.map((o: { id: string }) => o.id)).toContain(hidden.body.id);
    const byPat = await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}`, {
      as: company.as.pat,
    });
    expect(byPat.body.map((o: { id: string }) => o.id)).not.toContain(hidden.body.id);
  });
});
