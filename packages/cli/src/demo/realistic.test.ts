import { tmpdir } from "node:os";
import { KEY_RESULT_TYPES, type Locale } from "@luodi/core";
import { createTestDatabase, type DatabaseHandle, testDialects } from "@luodi/db";
import { buildApp, type ServerConfig } from "@luodi/server";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDataset } from "./data.ts";
import type { DemoDataset } from "./dataset.ts";
import { InjectClient } from "./inject-client.ts";
import { measuredLeavesBelow, type RealisticDemoResult, runRealisticDemo } from "./realistic.ts";

const NOW = new Date("2026-11-20T08:00:00Z");

function testConfig(): ServerConfig {
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir: tmpdir(),
    databaseUrl: undefined,
    publicUrl: undefined,
    logLevel: "silent",
    passwordHashing: { memoryCost: 1024, timeCost: 1 },
    now: () => NOW,
  };
}

type Kr = {
  id: string;
  title: string;
  type: string;
  direction: string | null;
  aggregation: string | null;
  parentKeyResultId: string | null;
  startValue: number | null;
  currentValue: number | null;
  progress: number;
  health: string;
  weight: number;
};
type Objective = {
  id: string;
  cycleId: string;
  level: string;
  title: string;
  status: string;
  progress: number;
  weight: number;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  keyResults: Kr[];
  alignment: { supports: string[] };
};

describe("the demo datasets", () => {
  const shape = (data: DemoDataset) => ({
    departments: data.departments.map((d) => [d.key, d.parent, d.leader]),
    people: data.people.map((p) => [p.key, p.department, p.manager, p.role]),
    objectives: data.objectives.map((o) => [
      o.key,
      o.cycle,
      o.level,
      o.owner,
      o.alignTo,
      o.supports,
      o.visibility,
      o.keyResults.map((kr) => [
        kr.key,
        kr.type,
        kr.direction,
        kr.aggregation,
        kr.contributesTo,
        kr.owner,
        kr.trajectory,
      ]),
    ]),
  });

  it("have the same shape in both languages", () => {
    expect(shape(demoDataset("en"))).toEqual(shape(demoDataset("zh-CN")));
  });

  it("list managers and parents before the people and objectives that refer to them", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const data = demoDataset(locale);
      const people = new Set([data.ceo.key]);
      for (const person of data.people) {
        if (person.manager) expect(people.has(person.manager), person.key).toBe(true);
        people.add(person.key);
      }
      const objectives = new Set<string>();
      const keyResults = new Set<string>();
      for (const objective of data.objectives) {
        const parent = objective.alignTo;
        if (parent && "objective" in parent)
          expect(objectives.has(parent.objective), objective.key).toBe(true);
        if (parent && "keyResult" in parent)
          expect(keyResults.has(parent.keyResult), objective.key).toBe(true);
        for (const kr of objective.keyResults) {
          if (kr.contributesTo) expect(keyResults.has(kr.contributesTo), kr.key).toBe(true);
        }
        objectives.add(objective.key);
        for (const kr of objective.keyResults) keyResults.add(kr.key);
      }
    }
  });

  it("finds the measured KRs under each roll-up, through roll-ups below it", () => {
    const below = measuredLeavesBelow(demoDataset("zh-CN"));
    expect(below.get("east-kr1")).toEqual(new Set(["east-1-kr1", "east-2-kr1", "east-3-kr1", "east-4-kr1"]));
    expect(below.get("co-q1-kr1")?.has("east-1-kr1")).toBe(true);
    expect(below.get("co-q1-kr1")?.has("cs-kr1")).toBe(true);
    expect(below.get("co-q2-kr1")?.has("pm-kr1")).toBe(true);
  });
});

const runs = testDialects().flatMap((dialect) =>
  (["zh-CN", "en"] as Locale[]).map((locale) => [locale, dialect] as const),
);

describe.each(runs)("the realistic demo (%s) through the API on %s", (locale, dialect) => {
  const data = demoDataset(locale);
  let handle: DatabaseHandle;
  let result: RealisticDemoResult;
  let app: FastifyInstance;
  let api: InjectClient;
  let annual: Objective[];
  let quarter: Objective[];
  const ceo = data.ceo.email;

  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    result = await runRealisticDemo({ config: testConfig(), database: handle, locale, now: NOW });
    app = await buildApp(testConfig(), { database: handle });
    api = new InjectClient(app, data.password);
    annual = await api.call<Objective[]>(ceo, "GET", `/objectives?cycleId=${result.annualCycleId}`);
    quarter = await api.call<Objective[]>(ceo, "GET", `/objectives?cycleId=${result.quarterCycleId}`);
    // Three quarters of a 60-person company through the real API: about 2,000 requests.
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await handle?.destroy();
  });

  it("creates about 60 people in 8 departments (plus two teams) with manager chains", async () => {
    const members = await api.call<{ userId: string; managerId: string | null; role: string }[]>(
      ceo,
      "GET",
      "/members",
    );
    expect(members.length).toBeGreaterThanOrEqual(55);
    expect(members.length).toBeLessThanOrEqual(65);
    expect(members.filter((m) => m.managerId === null).map((m) => m.role)).toEqual(["owner"]);
    const departments = await api.call<{ id: string; parentId: string | null; leaderId: string | null }[]>(
      ceo,
      "GET",
      "/departments",
    );
    const root = departments.find((d) => d.parentId === null);
    expect(departments.filter((d) => d.parentId === root?.id)).toHaveLength(8);
    expect(departments.length).toBeGreaterThanOrEqual(11);
    expect(departments.every((d) => d.leaderId)).toBe(true);
    expect(result.counts.members).toBe(members.length);
  });

  it("runs this year's annual cycle and the current quarter, both in progress, after two closed quarters", async () => {
    const cycles = await api.call<
      { id: string; kind: string; startDate: string; endDate: string; phase: string }[]
    >(ceo, "GET", "/cycles");
    expect(cycles.map((c) => [c.kind, c.startDate, c.endDate, c.phase]).sort()).toEqual([
      ["annual", "2026-01-01", "2026-12-31", "in_progress"],
      ["quarter", "2026-04-01", "2026-06-30", "closed"],
      ["quarter", "2026-07-01", "2026-09-30", "closed"],
      ["quarter", "2026-10-01", "2026-12-31", "in_progress"],
    ]);
  });

  it("has OKRs at all four levels, published and aligned upward", () => {
    expect(annual.map((o) => o.level)).toEqual(["company", "company", "company"]);
    const levels = (level: string) => quarter.filter((o) => o.level === level);
    expect(levels("company")).toHaveLength(3);
    expect(levels("department").length).toBeGreaterThanOrEqual(8);
    expect(levels("personal").length).toBeGreaterThanOrEqual(20);
    expect([...annual, ...quarter].every((o) => o.status === "published")).toBe(true);
    const annualIds = new Set(annual.map((o) => o.id));
    expect(levels("company").every((o) => o.parentObjectiveId && annualIds.has(o.parentObjectiveId))).toBe(
      true,
    );
    expect(
      quarter.filter((o) => o.level !== "company" && !o.parentObjectiveId && !o.parentKeyResultId),
    ).toEqual([]);
    expect(quarter.filter((o) => o.alignment.supports.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it("uses every KR type, both directions and both roll-up aggregations", () => {
    const krs = [...annual, ...quarter].flatMap((o) => o.keyResults);
    expect(new Set(krs.map((kr) => kr.type))).toEqual(new Set(KEY_RESULT_TYPES));
    expect(new Set(krs.map((kr) => kr.direction).filter(Boolean))).toEqual(new Set(["increase", "decrease"]));
    expect(new Set(krs.map((kr) => kr.aggregation).filter(Boolean))).toEqual(new Set(["progress", "sum"]));
  });

  it("adds department sales up into the company revenue, and rolls aligned progress up", () => {
    const krs = quarter.flatMap((o) => o.keyResults);
    const sums = krs.filter((kr) => kr.aggregation === "sum");
    expect(sums.length).toBeGreaterThanOrEqual(4);
    for (const sum of sums) {
      const contributors = krs.filter((kr) => kr.parentKeyResultId === sum.id);
      expect(contributors.length, sum.title).toBeGreaterThan(0);
      const total = contributors.reduce((acc, kr) => acc + (kr.currentValue ?? 0), 0);
      expect(sum.currentValue, sum.title).toBeCloseTo(total, 6);
      expect(total, sum.title).toBeGreaterThan(0);
    }
    const revenue = quarter.find((o) => o.level === "company")?.keyResults[0];
    expect(revenue?.aggregation).toBe("sum");
    for (const rollup of krs.filter((kr) => kr.aggregation === "progress")) {
      const aligned = quarter.filter((o) => o.parentKeyResultId === rollup.id);
      expect(aligned.length).toBeGreaterThan(0);
      const weight = aligned.reduce((acc, o) => acc + o.weight, 0);
      const mean = aligned.reduce((acc, o) => acc + o.weight * o.progress, 0) / weight;
      expect(rollup.progress, rollup.title).toBeCloseTo(mean, 9);
    }
  });

  it("has KRs on track, at risk and off track", async () => {
    const dashboard = await api.call<{
      progress: number;
      keyResultHealthCounts?: Record<string, number>;
      healthCounts: Record<string, number>;
      checkInRate: number;
      alignmentCoverage: number;
    }>(ceo, "GET", `/cycles/${result.quarterCycleId}/dashboard`);
    const krHealth = quarter.flatMap((o) => o.keyResults).map((kr) => kr.health);
    expect(krHealth.filter((h) => h === "on_track").length).toBeGreaterThan(10);
    expect(krHealth.filter((h) => h === "at_risk").length).toBeGreaterThan(5);
    expect(krHealth.filter((h) => h === "off_track").length).toBeGreaterThan(2);
    expect(dashboard.healthCounts.at_risk).toBeGreaterThan(0);
    expect(dashboard.healthCounts.off_track).toBeGreaterThan(0);
    expect(dashboard.alignmentCoverage).toBe(1);
    expect(dashboard.progress).toBeGreaterThan(0.2);
    expect(dashboard.progress).toBeLessThan(0.9);
  });

  it("keeps eight weeks of check-ins with notes in the organization's language", async () => {
    const kr = quarter.find((o) => o.level === "department")?.keyResults[0];
    const history = await api.call<{ createdAt: string; note: string; confidence: number }[]>(
      ceo,
      "GET",
      `/key-results/${kr?.id}/check-ins`,
    );
    expect(history.length).toBeGreaterThanOrEqual(5);
    const days = history.map((c) => Date.parse(c.createdAt)).sort((a, b) => a - b);
    const first = days[0] ?? 0;
    const last = days[days.length - 1] ?? 0;
    expect(last).toBeLessThanOrEqual(NOW.getTime());
    expect((last - first) / 86_400_000).toBeGreaterThan(40);
    expect(history.every((c) => c.note.length > 0)).toBe(true);
    const isChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
    expect(history.every((c) => isChinese(c.note) === (locale === "zh-CN"))).toBe(true);
    expect(result.counts.checkIns).toBeGreaterThan(400);
  });

  it("keeps two closed, scored past quarters whose records and insights raise sandbagging and overreach", async () => {
    const cycles = await api.call<{ id: string; kind: string; phase: string; startDate: string }[]>(
      ceo,
      "GET",
      "/cycles",
    );
    const past = cycles
      .filter((c) => c.kind === "quarter" && c.phase === "closed")
      .sort((a, b) => a.startDate.localeCompare(b.startDate));
    expect(past).toHaveLength(2);
    expect(result.counts.pastObjectives).toBeGreaterThan(20);
    const scored = await api.call<{ score: number | null; status: string }[]>(
      ceo,
      "GET",
      `/objectives?cycleId=${past[0]?.id}`,
    );
    expect(scored.length).toBe(result.counts.pastObjectives / 2);
    expect(scored.every((o) => o.score !== null && o.status === "closed")).toBe(true);

    const root = (await api.call<{ id: string; parentId: string | null }[]>(ceo, "GET", "/departments")).find(
      (d) => d.parentId === null,
    );
    const insights = await api.call<{
      people: Array<{ person: { id: string }; flags: Array<{ flag: string }> }>;
    }>(ceo, "GET", `/departments/${root?.id}/insights?cycleId=${past[1]?.id}`);
    const flagged = (flag: string) => insights.people.filter((p) => p.flags.some((f) => f.flag === flag));
    expect(flagged("sandbagging")).toHaveLength(1);
    expect(flagged("overreach")).toHaveLength(1);
    const sandbagger = flagged("sandbagging")[0]?.person.id;
    const record = await api.call<{ cycles: Array<{ cycle: { id: string }; averageScore: number | null }> }>(
      ceo,
      "GET",
      `/people/${sandbagger}/record`,
    );
    expect(
      record.cycles.filter((c) => past.some((p) => p.id === c.cycle.id)).map((c) => c.averageScore),
    ).toEqual([1, 1]);
  });

  it("prints logins that work with the shared password", async () => {
    expect(result.logins[0]?.email).toBe(ceo);
    expect(result.logins.length).toBeGreaterThanOrEqual(4);
    for (const login of result.logins) {
      const answer = await api.raw("POST", "/auth/login", { email: login.email, password: result.password });
      expect(answer.statusCode, login.email).toBe(200);
    }
  });
});
