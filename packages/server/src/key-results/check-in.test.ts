import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

describe.each(testDialects())("check-ins on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let sumKr: string;
  let companyObjective: string;
  let contributors: string[];
  let milestoneKr: string;
  let milestones: string[];
  let booleanKr: string;
  let rollupObjective: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const top = await server.request("POST", "/objectives", {
      as: company.owner,
      body: {
        cycleId: company.cycles.quarter,
        level: "company",
        title: "Customers choose us in the East",
        keyResults: [
          {
            title: "Revenue from 0 to 1000",
            type: "rollup",
            aggregation: "sum",
            startValue: 0,
            targetValue: 1000,
          },
          {
            title: "Launch",
            type: "milestone",
            milestones: [
              { title: "a", weight: 1 },
              { title: "b", weight: 3 },
            ],
          },
          { title: "Contract signed", type: "boolean" },
          { title: "Teams deliver", type: "rollup", aggregation: "progress" },
        ],
      },
    });
    expect(top.status).toBe(201);
    companyObjective = top.body.id;
    // Committed, so its KRs have a health to check (a draft has none).
    const published = await server.request("POST", `/objectives/${companyObjective}/publish`, {
      as: company.owner,
    });
    expect(published.status).toBe(200);
    sumKr = top.body.keyResults[0].id;
    milestoneKr = top.body.keyResults[1].id;
    milestones = top.body.keyResults[1].milestones.map((m: { id: string }) => m.id);
    booleanKr = top.body.keyResults[2].id;
    rollupObjective = top.body.keyResults[3].id;
    const sales = await server.request("POST", "/objectives", {
      as: company.as.sam,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.sales,
        title: "Key accounts grow with us",
        keyResults: [
          {
            title: "North revenue from 0 to 500",
            type: "currency",
            startValue: 0,
            targetValue: 500,
            parentKeyResultId: sumKr,
          },
          {
            title: "South revenue from 0 to 500",
            type: "currency",
            startValue: 0,
            targetValue: 500,
            parentKeyResultId: sumKr,
          },
        ],
      },
    });
    expect(sales.status).toBe(201);
    contributors = sales.body.keyResults.map((kr: { id: string }) => kr.id);
    const aligned = await server.request("PUT", `/objectives/${sales.body.id}/alignment`, {
      as: company.as.sam,
      body: { parentKeyResultId: rollupObjective },
    });
    expect(aligned.status).toBe(200);
    // Check-ins are taken on published objectives while the cycle is aligning or in progress.
    await publish(server, company.as.sam, sales.body.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
  });
  afterAll(async () => server.close());

  it("keeps all of 50 concurrent check-ins and a sum that matches its inputs", async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        server.request("POST", `/key-results/${contributors[i % 2]}/check-ins`, {
          as: company.as.sam,
          body: { value: 10 + i, confidence: 7, note: `update ${i}` },
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(201));
    const rows = await server.db.db.selectFrom("checkIn").select(["keyResultId", "note"]).execute();
    expect(rows.filter((r) => contributors.includes(r.keyResultId))).toHaveLength(50);
    const krs = await server.db.db
      .selectFrom("keyResult")
      .select(["id", "currentValue", "progress"])
      .where("id", "in", [...contributors, sumKr])
      .execute();
    const value = (id: string) => Number(krs.find((k) => k.id === id)?.currentValue);
    expect(value(sumKr)).toBe(value(contributors[0] as string) + value(contributors[1] as string));
    const sumRow = krs.find((k) => k.id === sumKr);
    expect(sumRow?.progress).toBeCloseTo(value(sumKr) / 1000, 12);
    // The department objective rolls into the company's progress rollup KR.
    const top = await server.request("GET", `/objectives/${companyObjective}`, { as: company.owner });
    const sales = await server.request(
      "GET",
      `/objectives?cycleId=${company.cycles.quarter}&level=department`,
      { as: company.owner },
    );
    expect(top.body.keyResults[3].progress).toBeCloseTo(sales.body[0].progress, 12);
  });

  it("keeps all of 50 concurrent check-ins on one KR, its value being one of them", async () => {
    const kr = contributors[1] as string;
    const before = await server.db.db
      .selectFrom("checkIn")
      .select("id")
      .where("keyResultId", "=", kr)
      .execute();
    const values = Array.from({ length: 50 }, (_, i) => 100 + i);
    const replies = await Promise.all(
      values.map((value) =>
        server.request("POST", `/key-results/${kr}/check-ins`, {
          as: company.as.sam,
          body: { value, confidence: 6 },
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(201));
    const after = await server.db.db
      .selectFrom("checkIn")
      .select(["value", "previousValue"])
      .where("keyResultId", "=", kr)
      .execute();
    expect(after.length - before.length).toBe(50);
    expect(
      after
        .map((c) => Number(c.value))
        .filter((v) => v >= 100)
        .sort((a, b) => a - b),
    ).toEqual(values);
    const stored = await server.db.db
      .selectFrom("keyResult")
      .select("currentValue")
      .where("id", "=", kr)
      .executeTakeFirstOrThrow();
    expect(values).toContain(Number(stored.currentValue));
    const sum = await server.db.db
      .selectFrom("keyResult")
      .select("currentValue")
      .where("id", "=", sumKr)
      .executeTakeFirstOrThrow();
    const first = await server.db.db
      .selectFrom("keyResult")
      .select("currentValue")
      .where("id", "=", contributors[0] as string)
      .executeTakeFirstOrThrow();
    expect(Number(sum.currentValue)).toBe(Number(first.currentValue) + Number(stored.currentValue));
  });

  it("checks milestone KRs by milestones and boolean KRs by 0 or 1, refusing the rest", async () => {
    const done = await server.request("POST", `/key-results/${milestoneKr}/check-ins`, {
      as: company.owner,
      body: { milestonesDone: [milestones[1]], confidence: 8 },
    });
    expect(done.status).toBe(201);
    expect(done.body.keyResult.progress).toBe(0.75);
    expect(done.body.keyResult.milestones.map((m: { done: boolean }) => m.done)).toEqual([false, true]);
    const byValue = await server.request("POST", `/key-results/${milestoneKr}/check-ins`, {
      as: company.owner,
      body: { value: 1, confidence: 8 },
    });
    expect(byValue.status).toBe(422);
    expect(byValue.body.error.details[0].path).toBe("value");
    const stranger = await server.request("POST", `/key-results/${milestoneKr}/check-ins`, {
      as: company.owner,
      body: { milestonesDone: ["nope"], confidence: 8 },
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.details[0].path).toBe("milestonesDone.0");
    const two = await server.request("POST", `/key-results/${booleanKr}/check-ins`, {
      as: company.owner,
      body: { value: 2, confidence: 8 },
    });
    expect(two.status).toBe(422);
    const yes = await server.request("POST", `/key-results/${booleanKr}/check-ins`, {
      as: company.owner,
      body: { value: 1, confidence: 8 },
    });
    expect(yes.body.keyResult.progress).toBe(1);
    expect(yes.body.keyResult.health).toBe("done");
    const rollup = await server.request("POST", `/key-results/${sumKr}/check-ins`, {
      as: company.owner,
      body: { value: 5, confidence: 8 },
    });
    expect(rollup.status).toBe(422);
    expect(rollup.body.error.code).toBe("check_in.rollup");
    const sumBefore = (await server.request("GET", `/key-results/${sumKr}`, { as: company.owner })).body;
    expect(sumBefore.currentValue).toBeGreaterThan(0);
    const confidenceOnly = await server.request("POST", `/key-results/${sumKr}/check-ins`, {
      as: company.owner,
      body: { confidence: 3, note: "Pipeline thin" },
    });
    expect(confidenceOnly.status).toBe(201);
    expect(confidenceOnly.body.keyResult.health).toBe("off_track");
    // A check-in on a roll-up changes its confidence, never the value that comes from below.
    expect(confidenceOnly.body.keyResult.currentValue).toBe(sumBefore.currentValue);
    expect(confidenceOnly.body.keyResult.progress).toBe(sumBefore.progress);
    expect(confidenceOnly.body.checkIn.progress).toBe(sumBefore.progress);
    const stored = await server.db.db
      .selectFrom("keyResult")
      .select(["health", "currentValue"])
      .where("id", "=", sumKr)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ health: "off_track", currentValue: String(sumBefore.currentValue) });
  });

  it("keeps over-achievement as the raw ratio while progress stays at 1", async () => {
    const over = await server.request("POST", `/key-results/${contributors[0]}/check-ins`, {
      as: company.as.sam,
      body: { value: 600, confidence: 9 },
    });
    expect(over.body.keyResult.progress).toBe(1);
    expect(over.body.keyResult.progressRaw).toBeCloseTo(1.2, 12);
  });

  it("appends history and never overwrites it", async () => {
    const history = await server.request("GET", `/key-results/${contributors[0]}/check-ins`, {
      as: company.as.sam,
    });
    expect(history.body.length).toBe(26);
    expect(history.body[0].value).toBe(600);
    expect(history.body[0].createdAt >= history.body[1].createdAt).toBe(true);
  });
});
