import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 13, fix 1: a KR's current value is derived — its start value until the first check-in, then the
 * latest check-in's value while it was measured from the KR's present start — so editing a KR never shows
 * progress nobody made.
 */
describe.each(testDialects())("a KR's derived current value on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  const create = async (title: string, kr: Record<string, unknown>) => {
    const reply = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title,
        keyResults: [{ title: `${title}: KR`, ...kr }],
      },
    });
    expect(reply.status).toBe(201);
    return { id: reply.body.id as string, kr: reply.body.keyResults[0] };
  };
  const read = async (id: string) =>
    (await server.request("GET", `/objectives/${id}`, { as: company.as.sue })).body;

  it("stands at its start until a check-in: editing the start of a KR never checked in moves nothing", async () => {
    const { id, kr } = await create("Shorter cycles", {
      type: "number",
      startValue: 60,
      targetValue: 45,
      direction: "decrease",
    });
    const patched = await server.request("PATCH", `/key-results/${kr.id}`, {
      as: company.as.sue,
      body: { startValue: 70 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ startValue: 70, currentValue: 70, progress: 0, progressRaw: 0 });
    const objective = await read(id);
    expect(objective.progress).toBe(0);
    // The whole-objective save (the editor's) derives it the same way.
    const saved = await server.request("PUT", `/objectives/${id}`, {
      as: company.as.sue,
      headers: { "if-match": String(objective.version) },
      body: {
        title: objective.title,
        keyResults: [{ id: kr.id, title: kr.title, type: "number", startValue: 80, targetValue: 45 }],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.keyResults[0]).toMatchObject({ startValue: 80, currentValue: 80, progress: 0 });
    expect(saved.body.progress).toBe(0);
  });

  it("keeps a checked-in value when the target moves, and re-bases the measure when the start moves", async () => {
    const { id, kr } = await create("More customers", { type: "number", startValue: 120, targetValue: 200 });
    await publish(server, company.as.sue, id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
    const checkedIn = await server.request("POST", `/key-results/${kr.id}/check-ins`, {
      as: company.as.sue,
      body: { value: 150, confidence: 7 },
    });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body.keyResult.progress).toBeCloseTo(30 / 80, 12);

    // The goal moves, the measurement stays: 150 of 120 → 300.
    const raised = await server.request("PATCH", `/key-results/${kr.id}`, {
      as: company.as.sue,
      body: { targetValue: 300 },
    });
    expect(raised.body).toMatchObject({ currentValue: 150 });
    expect(raised.body.progress).toBeCloseTo(30 / 180, 12);

    // A new start redefines the measure: 150 was measured from 120, so 35 → 60 stands at 35, not at 460 %.
    const redefined = await server.request("PATCH", `/key-results/${kr.id}`, {
      as: company.as.sue,
      body: { startValue: 35, targetValue: 60 },
    });
    expect(redefined.status).toBe(200);
    expect(redefined.body).toMatchObject({ currentValue: 35, progress: 0, progressRaw: 0 });
    expect((await read(id)).progress).toBe(0);
    // The history keeps what was measured; the next check-in measures the new definition.
    const history = await server.request("GET", `/key-results/${kr.id}/check-ins`, { as: company.as.sue });
    expect(history.body.map((c: { value: number }) => c.value)).toEqual([150]);
    const next = await server.request("POST", `/key-results/${kr.id}/check-ins`, {
      as: company.as.sue,
      body: { value: 40, confidence: 7 },
    });
    expect(next.body.checkIn.previousValue).toBe(35);
    expect(next.body.keyResult.progress).toBeCloseTo(5 / 25, 12);
  });
});
