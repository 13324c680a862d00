import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import type { Credentials, TestServer } from "../../test/harness.ts";
import { startTestServer } from "../../test/harness.ts";

type Company = Awaited<ReturnType<typeof buildCompany>>;
type Finding = { code: string; target: string; suggestion: string };

/** The coach's no-baseline suggestion for each key result of an objective answer. */
function baselineSuggestions(body: { coach?: Finding[] }): Record<string, string> {
  return Object.fromEntries(
    (body.coach ?? []).filter((f) => f.code === "kr.no_baseline").map((f) => [f.target, f.suggestion]),
  );
}

describe.each(testDialects())("the coach offers last cycle's value as a baseline, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;

  /** A personal objective of `as` in `cycleId` with the given numeric key results. */
  async function personalObjective(as: Credentials, cycleId: string, keyResults: unknown[]) {
    const reply = await server.request("POST", "/objectives", {
      as,
      body: { cycleId, level: "personal", title: "Grow paying customers", keyResults },
    });
    expect(reply.status).toBe(201);
    return reply.body;
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    // The quarter before the company's 2027 Q2, and an older one: only the one just before counts.
    const quarter = async (name: string, startDate: string, endDate: string) => {
      const reply = await server.request("POST", "/cycles", {
        as: company.owner,
        body: { name, kind: "quarter", startDate, endDate, parentId: company.cycles.year },
      });
      expect(reply.status).toBe(201);
      return reply.body.id as string;
    };
    const q1 = await quarter("2027 Q1", "2027-01-01", "2027-03-31");
    const old = await server.request("POST", "/cycles", {
      as: company.owner,
      body: { name: "2026 Q4", kind: "quarter", startDate: "2026-10-01", endDate: "2026-12-31" },
    });
    expect(old.status).toBe(201);
    const measures = [
      {
        title: "Number of paying customers from 80 to 150",
        type: "number",
        startValue: 80,
        targetValue: 150,
      },
      { title: "Churned accounts from 12 to 4", type: "number", startValue: 12, targetValue: 4 },
    ];
    const last = await personalObjective(company.as.sue, q1, measures);
    const older = await personalObjective(company.as.sue, old.body.id, [
      { title: "Weekly active teams from 40 to 90", type: "number", startValue: 40, targetValue: 90 },
    ]);
    for (const [cycleId, objective] of [
      [q1, last],
      [old.body.id as string, older],
    ] as const) {
      await publish(server, company.as.sue, objective.id);
      await advanceCycle(server, company.owner, cycleId, "in_progress");
    }
    for (const [kr, value] of [
      [last.keyResults[0].id, 162],
      [older.keyResults[0].id, 95],
    ] as const) {
      const checkIn = await server.request("POST", `/key-results/${kr}/check-ins`, {
        as: company.as.sue,
        body: { value, confidence: 7 },
      });
      expect(checkIn.status).toBe(201);
    }
  });
  afterAll(async () => server.close());

  it("names the value the owner's same measure ended at last cycle, and nothing for a new measure", async () => {
    const created = await personalObjective(company.as.sue, company.cycles.quarter, [
      { title: "Paying customers reach 200", type: "number", targetValue: 200 },
      { title: "Weekly active teams reach 300", type: "number", targetValue: 300 },
    ]);
    const suggestions = baselineSuggestions(created);
    expect(suggestions["keyResults[0]"]).toContain("ended at 162");
    expect(suggestions["keyResults[0]"]).toContain('"from 162 to 200"');
    // Weekly active teams were measured two quarters ago, not in the quarter just before.
    expect(suggestions["keyResults[1]"]).toMatch(/^State where you start/);

    // A whole save is coached the same way, in the caller's language; a start the owner states is a baseline.
    const saved = await server.request("PUT", `/objectives/${created.id}`, {
      as: { ...company.as.sue, locale: "zh-CN" },
      body: {
        title: created.title,
        keyResults: [
          {
            id: created.keyResults[0].id,
            title: "Paying customers reach 200",
            type: "number",
            targetValue: 200,
          },
          {
            id: created.keyResults[1].id,
            title: "Weekly active teams reach 300",
            type: "number",
            startValue: 95,
            targetValue: 300,
          },
        ],
      },
      headers: { "if-match": String(created.version) },
    });
    expect(saved.status).toBe(200);
    const savedSuggestions = baselineSuggestions(saved.body);
    expect(savedSuggestions["keyResults[0]"]).toContain("最后是 162");
    expect(savedSuggestions["keyResults[1]"]).toBeUndefined();
  });

  it("offers nothing from another owner's key results", async () => {
    const created = await personalObjective(company.as.sam, company.cycles.quarter, [
      { title: "Paying customers reach 200", type: "number", targetValue: 200 },
    ]);
    expect(baselineSuggestions(created)["keyResults[0]"]).toMatch(/^State where you start/);
  });
});
