import { KEY_RESULT_TYPES, type RollupKr, type RollupObjective, recomputeAll } from "@luodi/core";
import { createTestDatabase, type DatabaseHandle, testDialects } from "@luodi/db";
import { buildApp, hashPassword, type ServerConfig } from "@luodi/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateSyntheticOrganization,
  planSyntheticOrganization,
  type SyntheticSummary,
} from "./synthetic.ts";

const NOW = new Date("2026-11-20T08:00:00Z");
const SIZE = 120;
const PASSWORD = "luodi-demo";
const config: ServerConfig = {
  port: 0,
  host: "127.0.0.1",
  dataDir: "unused",
  databaseUrl: undefined,
  publicUrl: undefined,
  logLevel: "silent",
  passwordHashing: { memoryCost: 1024, timeCost: 1 },
  now: () => NOW,
};

/** Reads every objective, KR and milestone back and checks the stored progress against core's recomputeAll. */
async function expectStoredProgressToMatchRecompute(handle: DatabaseHandle) {
  const [objectives, keyResults, milestones] = await Promise.all([
    handle.db.selectFrom("objective").selectAll().orderBy("id").execute(),
    handle.db.selectFrom("keyResult").selectAll().orderBy("id").execute(),
    handle.db.selectFrom("milestone").selectAll().execute(),
  ]);
  const milestonesByKr = new Map<string, { weight: number; done: boolean }[]>();
  for (const m of milestones) {
    milestonesByKr.set(m.keyResultId, [
      ...(milestonesByKr.get(m.keyResultId) ?? []),
      { weight: m.weight, done: m.done === 1 },
    ]);
  }
  const snapshot = {
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
          // A sum rollup's stored value is derived; recompute it from its contributors instead.
          currentValue: k.type === "rollup" ? null : k.currentValue,
          direction: k.direction,
          weight: k.weight,
          milestones: milestonesByKr.get(k.id) ?? [],
          parentKeyResultId: k.parentKeyResultId,
        },
      ]),
    ),
  };
  const state = recomputeAll(snapshot);
  for (const kr of keyResults) {
    const expected = state.krProgress.get(kr.id);
    expect(kr.progress, kr.title).toBeCloseTo(expected?.clamped ?? Number.NaN, 12);
    expect(kr.progressRaw, kr.title).toBeCloseTo(expected?.raw ?? Number.NaN, 12);
    if (kr.type === "rollup" && kr.aggregation === "sum")
      expect(kr.currentValue).toBe(state.krCurrent.get(kr.id));
  }
  for (const objective of objectives) {
    expect(objective.progress, objective.title).toBeCloseTo(
      state.objectiveProgress.get(objective.id) ?? Number.NaN,
      12,
    );
  }
  return { objectives, keyResults };
}

describe("planSyntheticOrganization", () => {
  it("gives the same organization for the same seed and clock, another for another seed", () => {
    const options = { size: 60, locale: "en" as const, now: NOW, passwordHash: null };
    const a = planSyntheticOrganization({ ...options, seed: 7 });
    const b = planSyntheticOrganization({ ...options, seed: 7 });
    const c = planSyntheticOrganization({ ...options, seed: 8 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.organization.id).not.toBe(a.organization.id);
  });

  it("builds a three-level department tree of about one department per twelve people", () => {
    const plan = planSyntheticOrganization({ size: 600, locale: "zh-CN", now: NOW, passwordHash: null });
    expect(plan.departments).toHaveLength(50);
    const parentOf = new Map(plan.departments.map((d) => [d.id, d.parentId ?? null]));
    const depth = (id: string): number => {
      const parent = parentOf.get(id) ?? null;
      return parent === null ? 1 : 1 + depth(parent);
    };
    expect(Math.max(...plan.departments.map((d) => depth(d.id)))).toBe(3);
    expect(plan.departments.every((d) => d.leaderId)).toBe(true);
  });

  it("makes unique, time-ordered UUIDv7 ids like the server's", () => {
    const plan = planSyntheticOrganization({ size: 200, locale: "en", now: NOW, passwordHash: null });
    const ids = [
      ...plan.users.map((r) => r.id),
      ...plan.departments.map((r) => r.id),
      ...plan.objectives.map((r) => r.id),
      ...plan.keyResults.map((r) => r.id),
      ...plan.milestones.map((r) => r.id),
      ...plan.checkIns.map((r) => r.id),
      ...plan.audit.map((r) => r.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    for (const checkIn of plan.checkIns.slice(0, 50)) {
      const ms = Number.parseInt(checkIn.id.replace("-", "").slice(0, 12), 16);
      expect(Math.abs(ms - Date.parse(checkIn.createdAt))).toBeLessThan(10);
    }
  });

  it("puts the cycles around the clock: this year and the quarter containing today", () => {
    const plan = planSyntheticOrganization({ size: 30, locale: "en", now: NOW, passwordHash: null });
    expect(plan.cycles.map((c) => [c.kind, c.startDate, c.endDate, c.phase])).toEqual([
      ["annual", "2026-01-01", "2026-12-31", "in_progress"],
      ["quarter", "2026-10-01", "2026-12-31", "in_progress"],
    ]);
    expect(plan.checkIns.every((c) => c.createdAt <= NOW.toISOString())).toBe(true);
  });
});

describe.each(testDialects())("generateSyntheticOrganization on %s", (dialect) => {
  let handle: DatabaseHandle;
  let summary: SyntheticSummary;

  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    summary = await generateSyntheticOrganization(handle.db, {
      size: SIZE,
      locale: "zh-CN",
      now: NOW,
      passwordHash: await hashPassword(PASSWORD, config),
    });
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  const count = async (
    table:
      | "user"
      | "membership"
      | "department"
      | "cycle"
      | "objective"
      | "keyResult"
      | "milestone"
      | "checkIn"
      | "auditLog",
  ) => {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it("writes every planned row", async () => {
    expect(await count("user")).toBe(SIZE);
    expect(await count("membership")).toBe(SIZE);
    expect(await count("department")).toBe(10);
    expect(await count("cycle")).toBe(2);
    expect(await count("objective")).toBe(summary.counts.objectives);
    expect(await count("keyResult")).toBe(summary.counts.keyResults);
    expect(await count("milestone")).toBe(summary.counts.milestones);
    expect(await count("checkIn")).toBe(summary.counts.checkIns);
    expect(await count("auditLog")).toBe(summary.counts.auditEntries);
    // Company annual and quarterly, one per department below the root, one or two per person but the CEO.
    expect(summary.counts.objectives).toBeGreaterThanOrEqual(6 + 9 + (SIZE - 1));
    expect(summary.counts.keyResults).toBe(summary.counts.objectives * 3);
    expect(summary.counts.checkIns).toBeGreaterThan(summary.counts.keyResults);
  });

  it("stores the progress that core's recomputeAll derives from the stored rows", async () => {
    const { objectives, keyResults } = await expectStoredProgressToMatchRecompute(handle);
    // Not everything sits at zero: check-ins moved values and roll-ups carried them up.
    expect(objectives.filter((o) => o.progress > 0).length).toBeGreaterThan(objectives.length / 2);
    const sums = keyResults.filter((k) => k.aggregation === "sum");
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.some((k) => Number(k.currentValue) > 0)).toBe(true);
  });

  it("uses every KR type, both directions and both aggregations, with published objectives", async () => {
    const keyResults = await handle.db
      .selectFrom("keyResult")
      .select(["type", "direction", "aggregation"])
      .execute();
    expect(new Set(keyResults.map((k) => k.type))).toEqual(new Set(KEY_RESULT_TYPES));
    expect(new Set(keyResults.map((k) => k.direction).filter(Boolean))).toEqual(
      new Set(["increase", "decrease"]),
    );
    expect(new Set(keyResults.map((k) => k.aggregation).filter(Boolean))).toEqual(
      new Set(["progress", "sum"]),
    );
    const statuses = await handle.db.selectFrom("objective").select("status").distinct().execute();
    expect(statuses.map((s) => s.status)).toEqual(["published"]);
  });

  it("aligns every objective below the company's, and has at-risk and off-track KRs", async () => {
    const objectives = await handle.db
      .selectFrom("objective")
      .select(["level", "cycleId", "parentObjectiveId", "parentKeyResultId"])
      .execute();
    const unaligned = objectives.filter(
      (o) => o.level !== "company" && !o.parentObjectiveId && !o.parentKeyResultId,
    );
    expect(unaligned).toEqual([]);
    expect(new Set(objectives.map((o) => o.level))).toEqual(new Set(["company", "department", "personal"]));
    const healths = await handle.db.selectFrom("keyResult").select("health").execute();
    const seen = new Set(healths.map((h) => h.health));
    expect(seen.has("at_risk")).toBe(true);
    expect(seen.has("off_track")).toBe(true);
  });

  it("gives everyone but the CEO a manager, and the CEO is the owner", async () => {
    const members = await handle.db.selectFrom("membership").select(["role", "managerId"]).execute();
    expect(members.filter((m) => m.managerId === null)).toEqual([{ role: "owner", managerId: null }]);
  });
  // Last, as it writes: the server reads what the generator wrote, and its incremental roll-up after a
  // check-in lands where recomputing everything from scratch does.
  it("is served by the real server, whose roll-up after a check-in agrees with recomputeAll", async () => {
    const app = await buildApp(config, { database: handle });
    try {
      const login = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: summary.adminEmail, password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const cookies = { luodi_session: login.cookies.find((c) => c.name === "luodi_session")?.value ?? "" };
      const get = async <T>(url: string) =>
        JSON.parse((await app.inject({ url: `/api/v1${url}`, cookies })).body) as T;
      const quarter = (await get<{ id: string; kind: string }[]>("/cycles")).find(
        (c) => c.kind === "quarter",
      );
      type Node = {
        objective: { level: string };
        keyResults: { id: string; type: string; targetValue: number; parentKeyResultId: string | null }[];
        children: Node[];
      };
      const tree = await get<{ roots: Node[] }>(`/cycles/${quarter?.id}/tree`);
      expect(tree.roots.map((n) => n.objective.level)).toEqual(["company", "company", "company"]);
      const nodes: Node[] = [];
      const walk = (list: Node[]) => {
        for (const n of list) {
          nodes.push(n);
          walk(n.children);
        }
      };
      walk(tree.roots);
      const quarterObjectives = await handle.db
        .selectFrom("objective")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("cycleId", "=", quarter?.id ?? "")
        .executeTakeFirstOrThrow();
      expect(nodes.length).toBe(Number(quarterObjectives.n));
      // A person's KR (moves progress roll-ups up to the company) and a team's bookings (move sums).
      const personalKr = nodes
        .find((n) => n.objective.level === "personal" && n.keyResults.some((k) => k.type === "currency"))
        ?.keyResults.find((k) => k.type === "currency");
      const teamKr = nodes
        .flatMap((n) => (n.objective.level === "department" ? n.keyResults : []))
        .find((k) => k.type === "currency" && k.parentKeyResultId !== null);
      for (const kr of [personalKr, teamKr]) {
        const checkIn = await app.inject({
          method: "POST",
          url: `/api/v1/key-results/${kr?.id}/check-ins`,
          cookies,
          payload: { value: String(kr?.targetValue ?? 1), confidence: 9, note: "done" },
        });
        expect(checkIn.statusCode, checkIn.body).toBe(201);
      }
      await expectStoredProgressToMatchRecompute(handle);
    } finally {
      await app.close();
    }
  });
});
