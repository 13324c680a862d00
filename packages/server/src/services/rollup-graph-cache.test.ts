import type { AddressInfo } from "node:net";
import { type RollupKr, type RollupObjective, recomputeAll } from "@luodi/core";
import { type DatabaseHandle, testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";
import { buildApp, contextOf } from "../app.ts";
import { loadRollupGraph, type RollupGraph, RollupGraphCache, rollupScope } from "./rollup-graph-cache.ts";

/*
 * Issue 12: a check-in reads the chain above its KR from the organization's roll-up graph kept in memory.
 * Every write that changes the graph — through any service — must make the kept graph stale, and the
 * numbers must stay those a full recomputation gives, whatever the cache holds.
 */

/** A graph as plain data, its lists sorted, for comparing a kept graph with a fresh load. */
function plain(graph: RollupGraph | null) {
  if (!graph) return null;
  const sorted = (map: ReadonlyMap<string, readonly string[]>) =>
    [...map].map(([key, ids]) => [key, [...ids].sort()] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    keyResults: [...graph.keyResults.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    objectives: [...graph.objectives.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    keyResultsOf: sorted(graph.keyResultsOf),
    contributorsOf: sorted(graph.contributorsOf),
    alignedTo: sorted(graph.alignedTo),
  };
}

/** Every live objective's and KR's stored progress is what core's recomputeAll derives from the rows. */
async function expectStoredProgressToMatchRecompute(handle: DatabaseHandle, orgId: string) {
  const [objectives, keyResults, milestones] = await Promise.all([
    handle.db
      .selectFrom("objective")
      .selectAll()
      .where("orgId", "=", orgId)
      .where("deletedAt", "is", null)
      .execute(),
    handle.db
      .selectFrom("keyResult")
      .selectAll()
      .where("orgId", "=", orgId)
      .where("deletedAt", "is", null)
      .execute(),
    handle.db.selectFrom("milestone").selectAll().where("orgId", "=", orgId).execute(),
  ]);
  const milestonesOf = (id: string) =>
    milestones.filter((m) => m.keyResultId === id).map((m) => ({ weight: m.weight, done: m.done === 1 }));
  const state = recomputeAll({
    objectives: new Map<string, RollupObjective>(
      objectives.map((o) => [o.id, { id: o.id, weight: o.weight, parentKeyResultId: o.parentKeyResultId }]),
    ),
    keyResults: new Map<string, RollupKr>(
      keyResults.map((k) => [
        k.id,
        {
          id: k.id,
          objectiveId: k.objectiveId,
          type: k.type,
          aggregation: k.aggregation,
          startValue: k.startValue,
          targetValue: k.targetValue,
          currentValue: k.type === "rollup" ? null : k.currentValue,
          direction: k.direction,
          weight: k.weight,
          milestones: milestonesOf(k.id),
          parentKeyResultId: k.parentKeyResultId,
        },
      ]),
    ),
  });
  for (const kr of keyResults) {
    expect(kr.progress, kr.title).toBeCloseTo(state.krProgress.get(kr.id)?.clamped ?? Number.NaN, 12);
    if (kr.type === "rollup" && kr.aggregation === "sum")
      expect(kr.currentValue, kr.title).toBe(state.krCurrent.get(kr.id));
  }
  for (const objective of objectives) {
    expect(objective.progress, objective.title).toBeCloseTo(
      state.objectiveProgress.get(objective.id) ?? Number.NaN,
      12,
    );
  }
}

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Okr = { id: string; keyResults: Array<{ id: string; type: string; aggregation?: string | null }> };

/** The company objective the random writes hang below: a progress roll-up, a sum and a plain KR. */
async function companyObjective(server: TestServer, owner: Credentials, cycleId: string): Promise<Okr> {
  const reply = await server.request("POST", "/objectives", {
    as: owner,
    body: {
      cycleId,
      level: "company",
      title: "Grow",
      keyResults: [
        { title: "Teams on track", type: "rollup", aggregation: "progress" },
        {
          title: "Revenue from 0 to 1000",
          type: "rollup",
          aggregation: "sum",
          startValue: 0,
          targetValue: 1000,
        },
        { title: "NPS from 0 to 50", type: "number", startValue: 0, targetValue: 50 },
      ],
    },
  });
  expect(reply.status).toBe(201);
  // Only published objectives take check-ins.
  await publish(server, owner, reply.body.id);
  return reply.body;
}

describe.each(testDialects())("the roll-up graph kept per organization on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
  });
  afterAll(async () => server.close());

  it("equals a fresh load after every one of many random writes through the API", async () => {
    const ctx = contextOf(server.app);
    const { owner, orgId } = company;
    const cycleId = company.cycles.quarter;
    const next = random(12);
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
    const top = await companyObjective(server, owner, cycleId);
    const okrs: Okr[] = [top];
    const deleted: string[] = [];
    const rollups = () =>
      okrs.flatMap((o) => o.keyResults.filter((kr) => kr.type === "rollup").map((kr) => ({ o, kr })));
    const plainKrs = () => okrs.flatMap((o) => o.keyResults.filter((kr) => kr.type === "number"));
    const writes: Record<string, () => Promise<{ status: number }>> = {
      async createObjective() {
        const sum = pick(rollups().filter(({ kr }) => kr.aggregation === "sum"));
        const reply = await server.request("POST", "/objectives", {
          as: owner,
          body: {
            cycleId,
            level: "department",
            ownerDepartmentId: pick(Object.values(company.departments)),
            title: `Team objective ${okrs.length}`,
            weight: 1 + Math.floor(next() * 3),
            keyResults: [
              { title: "Deals from 0 to 10", type: "number", startValue: 0, targetValue: 10 },
              ...(next() < 0.5 ? [{ title: "Team roll-up", type: "rollup", aggregation: "progress" }] : []),
              ...(sum && next() < 0.7
                ? [
                    {
                      title: "Revenue from 0 to 100",
                      type: "currency",
                      startValue: 0,
                      targetValue: 100,
                      parentKeyResultId: sum.kr.id,
                    },
                  ]
                : []),
            ],
          },
        });
        if (reply.status === 201) {
          okrs.push(reply.body);
          await publish(server, owner, reply.body.id);
        }
        return reply;
      },
      async align() {
        const target = pick(okrs.slice(1));
        const to = pick(rollups().filter(({ kr }) => kr.aggregation === "progress"));
        if (!target || !to) return { status: 0 };
        return server.request("PUT", `/objectives/${target.id}/alignment`, {
          as: owner,
          body: { parentKeyResultId: next() < 0.8 ? to.kr.id : null },
        });
      },
      async reweighKeyResult() {
        const kr = pick(okrs.flatMap((o) => o.keyResults));
        if (!kr) return { status: 0 };
        return server.request("PATCH", `/key-results/${kr.id}`, {
          as: owner,
          body: { weight: 1 + Math.floor(next() * 4) },
        });
      },
      async reweighObjective() {
        const objective = pick(okrs);
        if (!objective) return { status: 0 };
        return server.request("PATCH", `/objectives/${objective.id}`, {
          as: owner,
          body: { weight: 1 + Math.floor(next() * 4) },
        });
      },
      async addKeyResult() {
        const objective = pick(okrs);
        if (!objective) return { status: 0 };
        const reply = await server.request("POST", `/objectives/${objective.id}/key-results`, {
          as: owner,
          body: { title: "Calls from 0 to 20", type: "number", startValue: 0, targetValue: 20 },
        });
        if (reply.status === 201) objective.keyResults.push(reply.body);
        return reply;
      },
      async deleteKeyResult() {
        const objective = pick(okrs.filter((o) => o.keyResults.length > 1));
        const kr = objective && pick(objective.keyResults);
        if (!objective || !kr) return { status: 0 };
        const reply = await server.request("DELETE", `/key-results/${kr.id}`, { as: owner });
        if (reply.status === 204) objective.keyResults = objective.keyResults.filter((k) => k.id !== kr.id);
        return reply;
      },
      async deleteObjective() {
        const objective = pick(okrs.slice(1));
        if (!objective) return { status: 0 };
        const reply = await server.request("DELETE", `/objectives/${objective.id}`, { as: owner });
        if (reply.status === 204) {
          okrs.splice(okrs.indexOf(objective), 1);
          deleted.push(objective.id);
        }
        return reply;
      },
      async restoreObjective() {
        const id = pick(deleted);
        if (!id) return { status: 0 };
        const reply = await server.request("POST", `/objectives/${id}/restore`, { as: owner });
        if (reply.status === 200) {
          deleted.splice(deleted.indexOf(id), 1);
          const detail = await server.request("GET", `/objectives/${id}`, { as: owner });
          okrs.push(detail.body);
        }
        return reply;
      },
      async checkIn() {
        const kr = pick(plainKrs());
        if (!kr) return { status: 0 };
        return server.request("POST", `/key-results/${kr.id}/check-ins`, {
          as: owner,
          body: { value: String(Math.floor(next() * 30)), confidence: 1 + Math.floor(next() * 10) },
        });
      },
    };
    const kinds = Object.keys(writes);
    const done = new Map<string, number>();
    for (let step = 0; step < 120; step++) {
      // Kept before the write, so that a write which forgot to invalidate leaves it stale.
      await ctx.rollups.get(ctx.db, orgId);
      const kind = pick(kinds) as string;
      const reply = await (writes[kind] as () => Promise<{ status: number }>)();
      expect(reply.status, kind).toBeLessThan(500);
      if (reply.status >= 200 && reply.status < 300) done.set(kind, (done.get(kind) ?? 0) + 1);
      expect(plain(await ctx.rollups.get(ctx.db, orgId)), `after ${kind} (step ${step})`).toEqual(
        plain(await loadRollupGraph(ctx.db, orgId)),
      );
    }
    // Every kind of write took effect at least once, so each was proven.
    for (const kind of kinds) expect(done.get(kind) ?? 0, kind).toBeGreaterThan(0);
    await expectStoredProgressToMatchRecompute(server.db, orgId);
  });

  it("keeps the numbers exact when the kept graph is out of date", async () => {
    const ctx = contextOf(server.app);
    const { owner, orgId } = company;
    const top = await companyObjective(server, owner, company.cycles.quarter);
    const [progressKr] = top.keyResults;
    const team = await server.request("POST", "/objectives", {
      as: owner,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.sales,
        title: "Sell",
        keyResults: [{ title: "Deals from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
      },
    });
    expect(team.status).toBe(201);
    await publish(server, owner, team.body.id);
    await ctx.rollups.get(ctx.db, orgId);
    // Aligned behind the cache's back: the raw handle has no change tracker, so nothing is invalidated.
    await server.db.db
      .updateTable("objective")
      .set({ parentKeyResultId: progressKr?.id ?? "" })
      .where("orgId", "=", orgId)
      .where("id", "=", team.body.id)
      .execute();
    const reply = await server.request("POST", `/key-results/${team.body.keyResults[0].id}/check-ins`, {
      as: owner,
      body: { value: "5", confidence: 7 },
    });
    expect(reply.status).toBe(201);
    const rolled = await server.request("GET", `/objectives/${top.id}`, { as: owner });
    // The team objective is half done, and it is the only input of the roll-up KR.
    expect(rolled.body.keyResults[0].progress).toBeCloseTo(0.5, 12);
    await expectStoredProgressToMatchRecompute(server.db, orgId);
  });
});

describe("the roll-up graph cache's bounds", () => {
  it("keeps no organization larger than its limit and evicts the least recently used", async () => {
    const generations = { get: () => 0 } as unknown as ConstructorParameters<typeof RollupGraphCache>[0];
    const server = await startTestServer("sqlite");
    try {
      const a = await buildCompany(server);
      await companyObjective(server, a.owner, a.cycles.quarter);
      const ctx = contextOf(server.app);
      const small = new RollupGraphCache(generations, { limits: { perOrg: 2, total: 10, maxAgeMs: 60_000 } });
      expect(await small.get(ctx.db, a.orgId)).toBeNull();
      expect(small.size).toBe(0);
      const roomy = new RollupGraphCache(generations, {
        limits: { perOrg: 100, total: 100, maxAgeMs: 60_000 },
      });
      expect((await roomy.get(ctx.db, a.orgId))?.keyResults.size).toBe(3);
      expect(roomy.size).toBe(4);
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!testDialects().includes("postgres"))("the roll-up graph across two instances", () => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    server = await startTestServer("postgres", undefined, {
      config: { databaseUrl: process.env.LUODI_TEST_DATABASE_URL },
    });
    company = await buildCompany(server);
    await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
  });
  afterAll(async () => server.close());

  it("drops on B what a write on A changed, and B's next check-in rolls up through it", async () => {
    const other = await buildApp(contextOf(server.app).config, { database: server.db });
    try {
      await other.listen({ port: 0, host: "127.0.0.1" });
      const port = (other.server.address() as AddressInfo).port;
      const onB = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
          method,
          headers: {
            cookie: company.owner.cookie ?? "",
            origin: `http://127.0.0.1:${port}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: response.status, body: await response.json() };
      };
      const { owner, orgId } = company;
      const top = await companyObjective(server, owner, company.cycles.quarter);
      const team = await server.request("POST", "/objectives", {
        as: owner,
        body: {
          cycleId: company.cycles.quarter,
          level: "department",
          ownerDepartmentId: company.departments.sales,
          title: "Sell",
          keyResults: [{ title: "Deals from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
        },
      });
      await publish(server, owner, team.body.id);
      const krId = team.body.keyResults[0].id as string;
      // B keeps the graph, with the team objective aligned to nothing.
      expect(
        (await onB("POST", `/key-results/${krId}/check-ins`, { value: "2", confidence: 7 })).status,
      ).toBe(201);
      const b = contextOf(other);
      expect((await b.rollups.get(b.db, orgId))?.objectives.get(team.body.id)?.parentKeyResultId).toBeNull();
      const before = b.generations.get(rollupScope(orgId));
      // A aligns it to the company's progress roll-up.
      const aligned = await server.request("PUT", `/objectives/${team.body.id}/alignment`, {
        as: owner,
        body: { parentKeyResultId: top.keyResults[0]?.id },
      });
      expect(aligned.status).toBe(200);
      // B hears of it through LISTEN/NOTIFY and drops its graph.
      for (let i = 0; i < 100 && b.generations.get(rollupScope(orgId)) === before; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(b.generations.get(rollupScope(orgId))).not.toBe(before);
      expect((await b.rollups.get(b.db, orgId))?.objectives.get(team.body.id)?.parentKeyResultId).toBe(
        top.keyResults[0]?.id,
      );
      const checkedIn = await onB("POST", `/key-results/${krId}/check-ins`, { value: "8", confidence: 7 });
      expect(checkedIn.status).toBe(201);
      const rolled = await server.request("GET", `/objectives/${top.id}`, { as: owner });
      expect(rolled.body.keyResults[0].progress).toBeCloseTo(0.8, 12);
      await expectStoredProgressToMatchRecompute(server.db, orgId);
    } finally {
      await other.close();
    }
  });
});
