import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

describe.each(testDialects())("objective workflow on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let personal: string;
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
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("draft");
    personal = created.body.id;
  });
  afterAll(async () => server.close());

  it("needs the manager's approval when the organization asks for it, and records a send-back reason", async () => {
    const publish = await server.request("POST", `/objectives/${personal}/publish`, { as: company.as.sue });
    expect(publish.status).toBe(422);
    expect(publish.body.error.code).toBe("workflow.invalid_transition");
    expect(
      (await server.request("POST", `/objectives/${personal}/submit`, { as: company.as.sue })).body.status,
    ).toBe("submitted");
    // One approver, named to the submitter: her manager.
    const waiting = await server.request("GET", `/objectives/${personal}`, { as: company.as.sue });
    expect(waiting.body.approver).toEqual({ userId: company.users.sam, name: "Sam Sales" });
    expect(
      (await server.request("POST", `/objectives/${personal}/approve`, { as: company.as.sue })).status,
    ).toBe(403);
    expect(
      (await server.request("POST", `/objectives/${personal}/approve`, { as: company.as.eve })).status,
    ).toBe(403);
    const rejected = await server.request("POST", `/objectives/${personal}/reject`, {
      as: company.as.sam,
      body: { reason: "Aim higher: 10 renewals" },
    });
    expect(rejected.body).toMatchObject({ status: "draft", rejectReason: "Aim higher: 10 renewals" });
    await server.request("POST", `/objectives/${personal}/submit`, { as: company.as.sue });
    const approved = await server.request("POST", `/objectives/${personal}/approve`, { as: company.as.sam });
    expect(approved.body.status).toBe("published");
    const history = await server.request("GET", `/objectives/${personal}/history`, { as: company.as.sue });
    expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual([
      "objective.create",
      "objective.submit",
      "objective.reject",
      "objective.submit",
      "objective.approve",
    ]);
    expect(history.body.entries[2]).toMatchObject({
      reason: "Aim higher: 10 renewals",
      actor: { id: company.users.sam, name: "Sam Sales" },
    });
  });

  it("soft-deletes and restores an objective with its KRs and their roll-up", async () => {
    const top = await server.request("POST", "/objectives", {
      as: company.owner,
      body: {
        cycleId: company.cycles.quarter,
        level: "company",
        title: "Teams land their goals",
        keyResults: [{ title: "Team objectives delivered", type: "rollup", aggregation: "progress" }],
      },
    });
    const dept = await server.request("POST", "/objectives", {
      as: company.as.eve,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.engineering,
        title: "Releases stop hurting customers",
        keyResults: [{ title: "Incidents from 10 to 2", type: "number", startValue: 10, targetValue: 2 }],
      },
    });
    await server.request("PUT", `/objectives/${dept.body.id}/alignment`, {
      as: company.as.eve,
      body: { parentKeyResultId: top.body.keyResults[0].id },
    });
    // Only published objectives take check-ins, while the cycle is aligning or in progress. Engineering's
    // parent is the root: its leader decides, and the answer names them.
    const submitted = await server.request("POST", `/objectives/${dept.body.id}/submit`, {
      as: company.as.eve,
    });
    expect(submitted.body.approver).toEqual({ userId: company.ownerId, name: "Olivia Owner" });
    await server.request("POST", `/objectives/${dept.body.id}/approve`, { as: company.owner });
    await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
    await server.request("POST", `/key-results/${dept.body.keyResults[0].id}/check-ins`, {
      as: company.as.eve,
      body: { value: 6, confidence: 7 },
    });
    const progressOfTop = async () =>
      (await server.request("GET", `/objectives/${top.body.id}`, { as: company.owner })).body.progress;
    expect(await progressOfTop()).toBe(0.5);
    expect(
      (await server.request("DELETE", `/objectives/${dept.body.id}`, { as: company.as.eve })).status,
    ).toBe(204);
    expect((await server.request("GET", `/objectives/${dept.body.id}`, { as: company.as.eve })).status).toBe(
      404,
    );
    expect(await progressOfTop()).toBe(0);
    const restored = await server.request("POST", `/objectives/${dept.body.id}/restore`, {
      as: company.as.eve,
    });
    expect(restored.status).toBe(200);
    expect(restored.body.keyResults).toHaveLength(1);
    expect(restored.body.progress).toBe(0.5);
    expect(await progressOfTop()).toBe(0.5);
    const again = await server.request("POST", `/objectives/${dept.body.id}/restore`, { as: company.as.eve });
    expect(again.body.error.code).toBe("objective.not_deleted");
  });

  it("refuses objectives outside one's remit and mismatched owners", async () => {
    const companyBySue = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: { cycleId: company.cycles.quarter, level: "company", title: "Rule the world" },
    });
    expect(companyBySue.status).toBe(403);
    const forPat = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        ownerUserId: company.users.pat,
        title: "Pat's goal",
      },
    });
    expect(forPat.status).toBe(403);
    const noDept = await server.request("POST", "/objectives", {
      as: company.as.sam,
      body: { cycleId: company.cycles.quarter, level: "department", title: "Whose?" },
    });
    expect(noDept.status).toBe(422);
    expect(noDept.body.error.code).toBe("objective.owner_mismatch");
    const sameStart = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Flat",
        keyResults: [{ title: "x", type: "number", startValue: 5, targetValue: 5 }],
      },
    });
    expect(sameStart.status).toBe(422);
    expect(sameStart.body.error.code).toBe("kr.target_equals_start");
    expect(sameStart.body.error.details[0].path).toBe("keyResults.0.targetValue");
    const inChinese = await server.request("POST", "/objectives", {
      as: company.as.sue,
      headers: { "accept-language": "zh-CN" },
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Flat",
        keyResults: [{ title: "x", type: "number", startValue: 5, targetValue: 5 }],
      },
    });
    expect(inChinese.body.error.details[0]).toEqual({
      path: "keyResults.0.targetValue",
      message: "目标值不能等于起始值。",
    });
  });

  it("answers with the coach's findings on create", async () => {
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: { cycleId: company.cycles.quarter, level: "personal", title: "Grow revenue 30%", keyResults: [] },
      headers: { "accept-language": "en" },
    });
    expect(created.status).toBe(201);
    const codes = created.body.coach.map((f: { code: string }) => f.code);
    expect(codes).toContain("objective.has_metric");
    expect(codes).toContain("set.no_krs");
  });
});
