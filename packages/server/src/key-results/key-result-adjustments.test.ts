import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 15: with approval required, adding an easy KR weighted 1000 and deleting the hard one took effect
 * at once (objective 0.05 → 1.0). Past aligning, any change to a published objective's KRs — add,
 * delete, weight — is an adjustment: it needs a reason and, where approval is required, waits for the
 * manager, whichever endpoint makes it.
 */
describe.each(testDialects())("changes to a published objective's KRs past aligning, on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let objectiveId: string;
  let hardKr: string;
  /** A public company objective's `sum` KR, which Sue's KR may feed. */
  let companySum: string;

  const objective = async () =>
    (await server.request("GET", `/objectives/${objectiveId}`, { as: company.as.sue })).body;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const settings = await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: true } },
    });
    expect(settings.status).toBe(200);
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Make my accounts renew early",
        keyResults: [
          { title: "Early renewals from 0 to 20", type: "number", startValue: 0, targetValue: 20 },
        ],
      },
    });
    objectiveId = created.body.id;
    hardKr = created.body.keyResults[0].id;
    const board = await server.request("POST", "/objectives", {
      as: company.owner,
      body: {
        cycleId: company.cycles.quarter,
        level: "company",
        title: "Renewals carry the company",
        keyResults: [
          { title: "Renewals (sum)", type: "rollup", aggregation: "sum", startValue: 0, targetValue: 100 },
        ],
      },
    });
    expect(board.status).toBe(201);
    companySum = board.body.keyResults[0].id;
    expect(
      (await server.request("POST", `/objectives/${objectiveId}/submit`, { as: company.as.sue })).status,
    ).toBe(200);
    expect(
      (await server.request("POST", `/objectives/${objectiveId}/approve`, { as: company.as.sam })).status,
    ).toBe(200);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    const checkIn = await server.request("POST", `/key-results/${hardKr}/check-ins`, {
      as: company.as.sue,
      body: { value: 1, confidence: 5 },
    });
    expect(checkIn.status).toBe(201);
    expect((await objective()).progress).toBeCloseTo(0.05, 10);
  });
  afterAll(async () => server.close());

  const easyKr = { title: "Send the renewal email", type: "boolean", weight: 1000 };

  it("refuses the probe's sidestep: an easy KR added and the hard one deleted wait for the manager", async () => {
    // Without a reason, neither is taken.
    const silentAdd = await server.request("POST", `/objectives/${objectiveId}/key-results`, {
      as: company.as.sue,
      body: easyKr,
    });
    expect(silentAdd.status).toBe(422);
    expect(silentAdd.body.error.code).toBe("objective.reason_required");
    expect(silentAdd.body.error.details[0].path).toBe("reason");
    const silentDelete = await server.request("DELETE", `/key-results/${hardKr}`, { as: company.as.sue });
    expect(silentDelete.status).toBe(422);
    expect(silentDelete.body.error.code).toBe("objective.reason_required");

    // With a reason, each waits: 202 with the objective as it stands and the adjustment pending.
    const add = await server.request("POST", `/objectives/${objectiveId}/key-results`, {
      as: company.as.sue,
      body: { ...easyKr, reason: "Renewal emails matter more" },
    });
    expect(add.status).toBe(202);
    expect(add.body.keyResults).toHaveLength(1);
    expect(add.body.progress).toBeCloseTo(0.05, 10);
    const addAdjustment = add.body.pendingAdjustments.find(
      (a: { reason: string }) => a.reason === "Renewal emails matter more",
    );
    expect(addAdjustment).toMatchObject({
      status: "pending",
      before: { keyResults: [] },
      after: { keyResults: [{ title: "Send the renewal email", type: "boolean", weight: 1000 }] },
    });
    const remove = await server.request(
      "DELETE",
      `/key-results/${hardKr}?reason=${encodeURIComponent("Too hard")}`,
      {
        as: company.as.sue,
      },
    );
    expect(remove.status).toBe(202);
    const removeAdjustment = remove.body.pendingAdjustments.find(
      (a: { reason: string }) => a.reason === "Too hard",
    );
    expect(removeAdjustment).toMatchObject({
      keyResultId: hardKr,
      before: { keyResults: [{ id: hardKr, title: "Early renewals from 0 to 20" }] },
      after: { keyResults: [] },
    });
    // A weight change waits too (as it did).
    const weight = await server.request("PATCH", `/key-results/${hardKr}`, {
      as: company.as.sue,
      body: { weight: 0.001, reason: "Matters less" },
    });
    expect(weight.status).toBe(202);

    // Nothing took effect.
    const now = await objective();
    expect(now.keyResults.map((kr: { id: string }) => kr.id)).toEqual([hardKr]);
    expect(now.keyResults[0].weight).toBe(1);
    expect(now.progress).toBeCloseTo(0.05, 10);

    // The manager decides: the addition applies, the deletion is sent back.
    const approved = await server.request("POST", `/adjustments/${addAdjustment.id}/approve`, {
      as: company.as.sam,
    });
    expect(approved.status).toBe(200);
    const rejected = await server.request("POST", `/adjustments/${removeAdjustment.id}/reject`, {
      as: company.as.sam,
      body: { reason: "Keep the hard one" },
    });
    expect(rejected.status).toBe(200);
    const after = await objective();
    expect(after.keyResults.map((kr: { title: string }) => kr.title)).toEqual([
      "Early renewals from 0 to 20",
      "Send the renewal email",
    ]);
    const history = await server.request("GET", `/objectives/${objectiveId}/history`, { as: company.as.sue });
    expect(JSON.stringify(history.body)).toContain("Renewal emails matter more");
  });

  it("applies at once, with the reason in the history, for whom approval is not asked", async () => {
    // Sam manages Sue: he approves her adjustments, so his own wait for nobody — but still need a reason.
    const silent = await server.request("POST", `/objectives/${objectiveId}/key-results`, {
      as: company.as.sam,
      body: { title: "Referrals from 0 to 4", type: "number", startValue: 0, targetValue: 4 },
    });
    expect(silent.status).toBe(422);
    const added = await server.request("POST", `/objectives/${objectiveId}/key-results`, {
      as: company.as.sam,
      body: {
        title: "Referrals from 0 to 4",
        type: "number",
        startValue: 0,
        targetValue: 4,
        reason: "Referrals count",
      },
    });
    expect(added.status).toBe(201);
    const removed = await server.request("DELETE", `/key-results/${added.body.id}?reason=Duplicate`, {
      as: company.as.sam,
    });
    expect(removed.status).toBe(204);
    const history = await server.request("GET", `/objectives/${objectiveId}/history`, { as: company.as.sam });
    const text = JSON.stringify(history.body);
    expect(text).toContain("Referrals count");
    expect(text).toContain("Duplicate");
  });

  it("makes moving a KR's contribution to a sum KR an adjustment: the sum moves only once approved", async () => {
    const sumValue = async () =>
      Number(
        (await server.request("GET", `/key-results/${companySum}`, { as: company.owner })).body
          .currentValue ?? 0,
      );
    const hard = (await server.request("GET", `/key-results/${hardKr}`, { as: company.as.sue })).body;
    expect(Number(hard.currentValue)).toBe(1);
    expect(hard.parentKeyResultId).toBeNull();

    const silent = await server.request("PATCH", `/key-results/${hardKr}`, {
      as: company.as.sue,
      body: { parentKeyResultId: companySum },
    });
    expect(silent.status).toBe(422);
    expect(silent.body.error.code).toBe("objective.reason_required");

    const linked = await server.request("PATCH", `/key-results/${hardKr}`, {
      as: company.as.sue,
      body: { parentKeyResultId: companySum, reason: "Renewals are the company's number" },
    });
    expect(linked.status).toBe(202);
    expect(linked.body.parentKeyResultId).toBeNull();
    expect(linked.body.pendingAdjustment).toMatchObject({
      status: "pending",
      keyResultId: hardKr,
      before: { parentKeyResultId: null },
      after: { parentKeyResultId: companySum },
    });
    expect(await sumValue()).toBe(0);

    const approved = await server.request(
      "POST",
      `/adjustments/${linked.body.pendingAdjustment.id}/approve`,
      {
        as: company.as.sam,
      },
    );
    expect(approved.status).toBe(200);
    expect(await sumValue()).toBe(1);

    // Taking the contribution away again waits as well; rejected, the sum keeps it.
    const unlinked = await server.request("PATCH", `/key-results/${hardKr}`, {
      as: company.as.sue,
      body: { parentKeyResultId: null, reason: "Not mine to count" },
    });
    expect(unlinked.status).toBe(202);
    const rejected = await server.request(
      "POST",
      `/adjustments/${unlinked.body.pendingAdjustment.id}/reject`,
      {
        as: company.as.sam,
        body: { reason: "It is yours" },
      },
    );
    expect(rejected.status).toBe(200);
    expect(await sumValue()).toBe(1);
  });

  it("leaves drafts alone: no reason asked, nothing waits", async () => {
    const draft = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: { cycleId: company.cycles.quarter, level: "personal", title: "Learn the product deeply" },
    });
    const added = await server.request("POST", `/objectives/${draft.body.id}/key-results`, {
      as: company.as.sue,
      body: { title: "Demos given from 0 to 5", type: "number", startValue: 0, targetValue: 5 },
    });
    expect(added.status).toBe(201);
    const removed = await server.request("DELETE", `/key-results/${added.body.id}`, { as: company.as.sue });
    expect(removed.status).toBe(204);
  });
});
