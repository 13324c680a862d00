import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * People's OKR records and team insights through the real HTTP app. Sue (Sales, under Sam) ran two quarters:
 * in Q1 a committed objective aligned to the company's KR and an aspirational one, both scored ≥ 0.95, one
 * check-in, praise from Sam; in Q2 a committed objective scored 1.0 and a proposal. Two quarters of
 * everything ≥ 0.95: the insights flag her as sandbagging.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;
type RecordCycle = {
  cycle: { id: string };
  objectives: Array<{ id: string; kind: string; score: number | null; reading: string | null }>;
  averageScore: number | null;
  checkInRegularity: number | null;
  alignedShare: number | null;
  proposals: Record<string, number>;
  praiseReceived: number;
  reviewsWritten: number;
};

describe.each(testDialects())("people's records and team insights, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  let q1 = "";
  let companyOkrId = "";
  const sue: { q1: string[]; q2: string[] } = { q1: [], q2: [] };

  const objective = async (as: Credentials, body: Record<string, unknown>) => {
    const reply = await server.request("POST", "/objectives", { as, body });
    expect(reply.status).toBe(201);
    return { id: reply.body.id as string, kr: reply.body.keyResults[0].id as string };
  };
  const selfScore = async (id: string, kr: string, score: number) => {
    const reply = await server.request("POST", `/objectives/${id}/score`, {
      as: company.as.sue,
      body: { keyResults: [{ id: kr, selfScore: score }] },
    });
    expect([reply.status, reply.body.error?.code]).toEqual([200, undefined]);
  };
  const record = (as: Credentials) => server.request("GET", `/people/${company.users.sue}/record`, { as });
  const insights = (as: Credentials, cycleId: string) =>
    server.request("GET", `/departments/${company.departments.sales}/insights?cycleId=${cycleId}`, { as });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const { as, owner, cycles } = company;
    server.clock.set("2027-01-04T02:00:00.000Z");
    const created = await server.request("POST", "/cycles", {
      as: owner,
      body: {
        name: "2027 Q1",
        kind: "quarter",
        startDate: "2027-01-01",
        endDate: "2027-03-31",
        parentId: cycles.year,
      },
    });
    q1 = created.body.id;
    const companyOkr = await objective(owner, {
      cycleId: q1,
      level: "company",
      title: "Win the mid-market",
      keyResults: [{ title: "New customers from 0 to 100", type: "number", startValue: 0, targetValue: 100 }],
    });
    await publish(server, owner, companyOkr.id);
    companyOkrId = companyOkr.id;
    const committed = await objective(as.sue, {
      cycleId: q1,
      level: "personal",
      kind: "committed",
      title: "Renewals land on time",
      keyResults: [{ title: "Renewals from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
    });
    const bet = await objective(as.sue, {
      cycleId: q1,
      level: "personal",
      title: "Open the partner channel",
      keyResults: [{ title: "Partners from 0 to 4", type: "number", startValue: 0, targetValue: 4 }],
    });
    expect(
      (
        await server.request("PUT", `/objectives/${committed.id}/alignment`, {
          as: as.sue,
          body: { parentKeyResultId: companyOkr.kr },
        })
      ).status,
    ).toBeLessThan(300);
    await publish(server, as.sue, committed.id, bet.id);
    await advanceCycle(server, owner, q1, "in_progress");
    server.clock.set("2027-01-12T02:00:00.000Z");
    expect(
      (
        await server.request("POST", `/key-results/${committed.kr}/check-ins`, {
          as: as.sue,
          body: { value: 10, confidence: 8 },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await server.request("POST", "/recognitions", {
          as: as.sam,
          body: { toUserIds: [company.users.sue], message: "Great renewals" },
        })
      ).status,
    ).toBe(201);
    await advanceCycle(server, owner, q1, "scoring");
    await selfScore(committed.id, committed.kr, 1);
    await selfScore(bet.id, bet.kr, 1);
    sue.q1 = [committed.id, bet.id];

    server.clock.set("2027-04-05T02:00:00.000Z");
    const q2 = await objective(as.sue, {
      cycleId: cycles.quarter,
      level: "personal",
      kind: "committed",
      title: "Keep every renewal",
      keyResults: [{ title: "Renewals lost from 5 to 0", type: "number", startValue: 5, targetValue: 0 }],
    });
    await publish(server, as.sue, q2.id);
    await advanceCycle(server, owner, cycles.quarter, "scoring");
    await selfScore(q2.id, q2.kr, 1);
    sue.q2 = [q2.id];
  });
  afterAll(async () => server.close());

  it("shows the record to the person, their manager chain and admins, and to no one else", async () => {
    const { as, owner } = company;
    const readers: Array<[string, Credentials, number]> = [
      ["the person", as.sue, 200],
      ["their manager", as.sam, 200],
      ["the owner above", owner, 200],
      ["an admin", as.ada, 200],
      ["a leader of another department", as.eve, 404],
      ["a colleague elsewhere", as.pat, 404],
    ];
    for (const [who, credentials, status] of readers) {
      const reply = await record(credentials);
      expect([who, reply.status]).toEqual([who, status]);
      if (status === 404) expect(reply.body.error.code).toBe("member.not_found");
    }
  });

  it("gives figures that equal a recomputation from the raw objectives, check-ins and praise", async () => {
    const reply = await record(company.as.sam);
    const cycles = reply.body.cycles as RecordCycle[];
    expect(cycles.map((c) => c.cycle.id)).toEqual([q1, company.cycles.quarter]);
    const [first, second] = cycles;
    const stored = await Promise.all(
      sue.q1.map(
        async (id) => (await server.request("GET", `/objectives/${id}`, { as: company.as.sue })).body,
      ),
    );
    expect(first?.objectives.map((o) => [o.id, o.kind, o.score])).toEqual(
      stored.map((o) => [o.id, o.kind, o.score]),
    );
    expect(stored.map((o) => o.kind)).toEqual(["committed", "aspirational"]);
    const mean =
      (stored[0].score * stored[0].weight + stored[1].score * stored[1].weight) /
      (stored[0].weight + stored[1].weight);
    expect(first?.averageScore).toBeCloseTo(mean);
    expect(first?.objectives.map((o) => o.reading)).toEqual(["success", "above"]);
    // Q1 ran 2027-01-01 → 03-31: its check-in weeks so far are the ones up to the end of the quarter; one had a check-in.
    expect(first?.checkInRegularity).toBeGreaterThan(0);
    expect(first?.checkInRegularity).toBeLessThan(0.2);
    expect(first?.alignedShare).toBe(0.5);
    expect(first?.praiseReceived).toBe(1);
    expect(second?.objectives.map((o) => o.id)).toEqual(sue.q2);
    expect(second?.checkInRegularity).toBe(0);
    expect(second?.praiseReceived).toBe(0);
  });

  it("counts the company's own OKRs as aligned in the record of who leads the company", async () => {
    const { owner, ownerId, rootDepartmentId } = company;
    const root = await server.request("GET", "/departments", { as: owner });
    expect(root.body.find((d: { id: string }) => d.id === rootDepartmentId)?.leaderId).toBe(ownerId);
    const reply = await server.request("GET", `/people/${ownerId}/record`, { as: owner });
    const first = (reply.body.cycles as RecordCycle[]).find((c) => c.cycle.id === q1);
    // Q1's company objective aligns to nothing: it is where the others' alignment leads.
    expect(first?.objectives.map((o) => o.id)).toEqual([companyOkrId]);
    expect(first?.alignedShare).toBe(1);
  });

  it("flags two quarters of everything ≥ 0.95 as sandbagging, for the department's leaders above only", async () => {
    const { as, owner, users, cycles } = company;
    const reply = await insights(as.sam, cycles.quarter);
    expect(reply.status).toBe(200);
    const person = reply.body.people.find((p: { person: { id: string } }) => p.person.id === users.sue);
    expect(person.flags.map((f: { flag: string; cycleIds: string[] }) => [f.flag, f.cycleIds])).toEqual([
      ["sandbagging", [q1, cycles.quarter]],
    ]);
    expect(person.committed).toEqual({ count: 1, averageScore: 1 });
    expect(reply.body.distribution.committed["0_95_and_above"]).toBe(1);
    // Sam has no scored quarter: no flag.
    expect(
      reply.body.people.find((p: { person: { id: string } }) => p.person.id === users.sam).flags,
    ).toEqual([]);
    expect((await insights(owner, cycles.quarter)).status).toBe(200);
    for (const outsider of [as.sue, as.eve, as.pat]) {
      const refused = await insights(outsider, cycles.quarter);
      expect(refused.status).toBe(404);
    }
    expect((await insights(as.sam, "nope")).status).toBe(404);
  });
  it("keeps an objective's kind, and the coach says when its key results contradict it", async () => {
    const created = await server.request("POST", "/objectives", {
      as: company.as.pat,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        kind: "committed",
        title: "Deployments stop hurting",
        keyResults: [
          { title: "Double deploys per week from 10 to 20", type: "number", startValue: 10, targetValue: 20 },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.kind).toBe("committed");
    expect(created.body.coach.map((f: { code: string }) => f.code)).toContain("objective.committed_stretch");
    const changed = await server.request("PATCH", `/objectives/${created.body.id}`, {
      as: company.as.pat,
      body: { kind: "aspirational" },
    });
    expect(changed.body.kind).toBe("aspirational");
    expect(
      (
        await server.request("PATCH", `/objectives/${created.body.id}`, {
          as: company.as.pat,
          body: { kind: "maybe" },
        })
      ).status,
    ).toBe(400);
  });
});
