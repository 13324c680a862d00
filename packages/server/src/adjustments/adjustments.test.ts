import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/** Where the organization requires approval, an adjustment past aligning waits for the manager. */
describe.each(testDialects())("adjustments under approval on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let objectiveId: string;
  let krId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: true } },
    });
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Make my accounts renew early",
        keyResults: [{ title: "Early renewals from 2 to 8", type: "number", startValue: 2, targetValue: 8 }],
      },
    });
    objectiveId = created.body.id;
    krId = created.body.keyResults[0].id;
    await server.request("POST", `/objectives/${objectiveId}/submit`, { as: company.as.sue });
    await server.request("POST", `/objectives/${objectiveId}/approve`, { as: company.as.sam });
    for (const phase of ["aligning", "in_progress"]) {
      await server.request("POST", `/cycles/${company.cycles.quarter}/phase`, {
        as: company.owner,
        body: { phase },
      });
    }
    await server.request("POST", `/key-results/${krId}/check-ins`, {
      as: company.as.sue,
      body: { value: 5, confidence: 7 },
    });
  });
  afterAll(async () => server.close());

  it("holds the owner's adjustment until the manager approves it, then applies it as asked", async () => {
    const asked = await server.request("PATCH", `/key-results/${krId}`, {
      as: company.as.sue,
      body: { targetValue: 6, reason: "Two accounts were acquired and left" },
    });
    expect(asked.status).toBe(202);
    expect(asked.body.targetValue).toBe(8);
    expect(asked.body.progress).toBe(0.5);
    expect(asked.body.pendingAdjustment).toMatchObject({
      status: "pending",
      reason: "Two accounts were acquired and left",
      before: { targetValue: "8" },
      after: { targetValue: "6" },
      requestedBy: { id: company.users.sue },
    });
    const byHerself = await server.request(
      "POST",
      `/adjustments/${asked.body.pendingAdjustment.id}/approve`,
      { as: company.as.sue },
    );
    expect(byHerself.status).toBe(403);
    const approved = await server.request("POST", `/adjustments/${asked.body.pendingAdjustment.id}/approve`, {
      as: company.as.sam,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.keyResults[0]).toMatchObject({ targetValue: 6, progress: 0.75 });
    expect(approved.body.pendingAdjustments).toEqual([]);
    const twice = await server.request("POST", `/adjustments/${asked.body.pendingAdjustment.id}/approve`, {
      as: company.as.sam,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe("adjustment.decided");
    const history = await server.request("GET", `/objectives/${objectiveId}/history`, { as: company.as.sue });
    const actions = history.body.entries.map((e: { action: string }) => e.action);
    expect(actions.slice(-3)).toEqual(["adjustment.request", "key_result.adjust", "adjustment.approve"]);
    const applied = history.body.entries.find((e: { action: string }) => e.action === "key_result.adjust");
    expect(applied).toMatchObject({
      reason: "Two accounts were acquired and left",
      actor: { id: company.users.sam },
    });
  });

  it("keeps the objective as it is when the manager rejects, and lists every adjustment", async () => {
    const asked = await server.request("PATCH", `/objectives/${objectiveId}`, {
      as: company.as.sue,
      body: { title: "Keep my accounts", reason: "Narrower scope" },
    });
    expect(asked.status).toBe(202);
    expect(asked.body.title).toBe("Make my accounts renew early");
    expect(asked.body.pendingAdjustments).toHaveLength(1);
    const rejected = await server.request(
      "POST",
      `/adjustments/${asked.body.pendingAdjustments[0].id}/reject`,
      {
        as: company.as.sam,
        body: { reason: "Keep the ambition" },
      },
    );
    expect(rejected.body.title).toBe("Make my accounts renew early");
    const list = await server.request("GET", `/objectives/${objectiveId}/adjustments`, {
      as: company.as.sue,
    });
    expect(list.body.map((a: { status: string }) => a.status)).toEqual(["rejected", "approved"]);
    expect(list.body[0].decisionReason).toBe("Keep the ambition");
  });

  it("applies the manager's own adjustment at once", async () => {
    const direct = await server.request("PATCH", `/objectives/${objectiveId}`, {
      as: company.as.sam,
      body: { weight: 2, reason: "Renewals matter most this quarter" },
    });
    expect(direct.status).toBe(200);
    expect(direct.body.weight).toBe(2);
  });
});
