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

/*
 * The OKR record recomputed from what the API lists — cycles, objectives with their KRs, check-ins, proposals,
 * praise — by the rules of domain.md and api.md, written out here and not borrowed from the server or core,
 * so that a figure the record computes wrongly fails the comparison.
 */
const WEEK_MS = 7 * 86_400_000;

type PageOf<T> = { items: T[]; nextCursor: string | null };
type ListedCycle = {
  id: string;
  name: string;
  kind: string;
  startDate: string;
  endDate: string;
  phase: string;
};
type ListedObjective = {
  id: string;
  cycleId: string;
  level: string;
  kind: "committed" | "aspirational";
  title: string;
  status: string;
  progress: number;
  score: number | null;
  weight: number;
  ownerUserId: string | null;
  ownerDepartmentId: string | null;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  review: unknown;
  deletedAt: string | null;
  keyResults: Array<{ id: string; ownerUserId: string | null }>;
};
type ListedProposal = {
  id: string;
  cycleId: string;
  status: string;
  proposer: { id: string };
  team: Array<{ id: string }>;
  backerCount: number;
  backedByMe: boolean;
  spinOff: unknown;
};
type RecordCycle = {
  cycle: ListedCycle;
  objectives: Array<{
    id: string;
    title: string;
    kind: string;
    level: string;
    progress: number;
    score: number | null;
    reading: string | null;
  }>;
  averageScore: number | null;
  checkInRegularity: number | null;
  alignedShare: number | null;
  proposals: { made: number; backed: number; joined: number; accepted: number; spunOff: number };
  praiseReceived: number;
  reviewsWritten: number;
};
type PersonRecord = { person: { id: string; name: string }; cycles: RecordCycle[] };

/** Reads every page of a list that pages by cursor. */
async function everyPage<T>(api: InjectClient, as: string, path: string): Promise<T[]> {
  const items: T[] = [];
  const joiner = path.includes("?") ? "&" : "?";
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page: PageOf<T> = await api.call<PageOf<T>>(
      as,
      "GET",
      `${path}${joiner}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return items;
}

/** The wall-clock time in `timeZone` at instant `ms`, written as if it were UTC. */
function wallClockMs(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const millis = ((ms % 1000) + 1000) % 1000;
  return (
    Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) +
    millis
  );
}

/** The instant a calendar day (YYYY-MM-DD) begins in `timeZone`. */
function dayStartMs(day: string, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - (wallClockMs(guess, timeZone) - guess);
  return guess;
}

/**
 * Which check-in week an instant falls in, counted from a week that began on the check-in weekday and hour
 * of 2024-01-01's week (a Monday), on the organization's clocks.
 */
function weekNumber(ms: number, timeZone: string, weekday: number, hour: number): number {
  const anchor = Date.UTC(2024, 0, weekday, hour);
  return Math.floor((wallClockMs(ms, timeZone) - anchor) / WEEK_MS);
}

function expectClose(actual: number | null, expected: number | null, label: string): void {
  if (expected === null || actual === null) {
    expect(actual, label).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

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

  it("answers every person's OKR record with the figures recomputed from the raw data", async () => {
    const org = await api.call<{
      timezone: string;
      settings: { checkInWeekday: number; checkInHour: number };
    }>(ceo, "GET", "/org");
    const tz = org.timezone;
    const { checkInWeekday, checkInHour } = org.settings;
    const members = await api.call<Array<{ userId: string; email: string; name: string }>>(
      ceo,
      "GET",
      "/members",
    );
    const departments = await api.call<Array<{ id: string; leaderId: string | null }>>(
      ceo,
      "GET",
      "/departments",
    );
    const cycles = (await api.call<ListedCycle[]>(ceo, "GET", "/cycles")).sort(
      (a, b) => a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate),
    );
    const objectivesOf = new Map<string, ListedObjective[]>();
    for (const cycle of cycles) {
      objectivesOf.set(
        cycle.id,
        await api.call<ListedObjective[]>(ceo, "GET", `/objectives?cycleId=${cycle.id}`),
      );
    }
    const everyObjective = [...objectivesOf.values()].flat();
    const objectiveById = new Map(everyObjective.map((o) => [o.id, o]));
    const objectiveOfKr = new Map(
      everyObjective.flatMap((o) => o.keyResults.map((kr) => [kr.id, o] as const)),
    );
    // Who checked in when, in which cycle: every KR's whole history.
    const checkIns: Array<{ authorId: string; cycleId: string; at: number }> = [];
    for (const objective of everyObjective) {
      for (const kr of objective.keyResults) {
        const history = await everyPage<{ authorId: string; createdAt: string }>(
          api,
          ceo,
          `/key-results/${kr.id}/check-ins`,
        );
        for (const c of history)
          checkIns.push({ authorId: c.authorId, cycleId: objective.cycleId, at: Date.parse(c.createdAt) });
      }
    }
    const praise = await everyPage<{ recipients: Array<{ id: string }>; createdAt: string }>(
      api,
      ceo,
      "/recognitions",
    );
    const proposalsOf = new Map<string, ListedProposal[]>();
    for (const cycle of cycles)
      proposalsOf.set(cycle.id, await everyPage<ListedProposal>(api, ceo, `/proposals?cycleId=${cycle.id}`));
    // Who backed what: each person's own view of the board says whether they back each proposal.
    const backedBy = new Map<string, Set<string>>();
    for (const member of members) {
      const backed = new Set<string>();
      for (const cycle of cycles) {
        if ((proposalsOf.get(cycle.id) ?? []).length === 0) continue;
        const board = await everyPage<ListedProposal>(api, member.email, `/proposals?cycleId=${cycle.id}`);
        for (const p of board) if (p.backedByMe) backed.add(p.id);
      }
      backedBy.set(member.userId, backed);
    }
    const allProposals = [...proposalsOf.values()].flat();
    expect(
      [...backedBy.values()].reduce((n, s) => n + s.size, 0),
      "every backer seen",
    ).toBe(allProposals.reduce((n, p) => n + p.backerCount, 0));

    // A company OKR is where alignment leads; anything else is aligned when its chain of parents reaches one.
    const leadsToCompany = (objective: ListedObjective): boolean => {
      const seen = new Set<string>();
      for (let current: ListedObjective | undefined = objective; current; ) {
        if (current.level === "company") return true;
        if (seen.has(current.id)) return false;
        seen.add(current.id);
        current = current.parentKeyResultId
          ? objectiveOfKr.get(current.parentKeyResultId)
          : current.parentObjectiveId
            ? objectiveById.get(current.parentObjectiveId)
            : undefined;
      }
      return false;
    };
    const reading = (kind: string, score: number) =>
      kind === "committed"
        ? score >= 1
          ? "success"
          : "short"
        : score < 0.6
          ? "short"
          : score <= 0.7
            ? "success"
            : "above";

    const expectedRecord = (userId: string): RecordCycle[] => {
      const led = new Set(departments.filter((d) => d.leaderId === userId).map((d) => d.id));
      const expected: RecordCycle[] = [];
      for (const cycle of cycles) {
        const own = (objectivesOf.get(cycle.id) ?? []).filter(
          (o) =>
            (o.status === "published" || o.status === "closed") &&
            o.deletedAt === null &&
            ((o.level === "personal" && o.ownerUserId === userId) ||
              (o.level !== "personal" && o.ownerDepartmentId !== null && led.has(o.ownerDepartmentId)) ||
              o.keyResults.some((kr) => kr.ownerUserId === userId)),
        );
        const board = proposalsOf.get(cycle.id) ?? [];
        const made = board.filter((p) => p.proposer.id === userId);
        const proposals = {
          made: made.length,
          backed: board.filter((p) => backedBy.get(userId)?.has(p.id)).length,
          joined: board.filter((p) => p.team.some((t) => t.id === userId)).length,
          accepted: made.filter((p) => p.status === "accepted").length,
          spunOff: made.filter((p) => p.spinOff !== null).length,
        };
        if (own.length === 0 && proposals.made + proposals.backed + proposals.joined === 0) continue;
        const from = dayStartMs(cycle.startDate, tz);
        const nextDay = new Date(Date.parse(`${cycle.endDate}T00:00:00Z`) + 86_400_000)
          .toISOString()
          .slice(0, 10);
        const to = dayStartMs(nextDay, tz) - 1;
        const until = Math.min(NOW.getTime(), to);
        const week = (ms: number) => weekNumber(ms, tz, checkInWeekday, checkInHour);
        const firstWeek = week(from);
        const lastWeek = week(until);
        const weeksWithCheckIn = new Set(
          checkIns
            .filter((c) => c.authorId === userId && c.cycleId === cycle.id)
            .map((c) => week(c.at))
            .filter((w) => w >= firstWeek && w <= lastWeek),
        );
        const scored = own.filter((o) => o.score !== null);
        const weight = scored.reduce((n, o) => n + o.weight, 0);
        expected.push({
          cycle,
          objectives: own.map((o) => ({
            id: o.id,
            title: o.title,
            kind: o.kind,
            level: o.level,
            progress: o.progress,
            score: o.score,
            reading: o.score === null ? null : reading(o.kind, o.score),
          })),
          averageScore:
            scored.length === 0 ? null : scored.reduce((n, o) => n + o.weight * (o.score ?? 0), 0) / weight,
          checkInRegularity: own.length === 0 ? null : weeksWithCheckIn.size / (lastWeek - firstWeek + 1),
          alignedShare: own.length === 0 ? null : own.filter(leadsToCompany).length / own.length,
          proposals,
          praiseReceived: praise.filter(
            (p) =>
              p.recipients.some((r) => r.id === userId) &&
              Date.parse(p.createdAt) >= from &&
              Date.parse(p.createdAt) <= to,
          ).length,
          reviewsWritten: own.filter((o) => o.review !== null).length,
        });
      }
      return expected;
    };

    const pastIds = new Set(cycles.filter((c) => c.phase === "closed").map((c) => c.id));
    let withPast = 0;
    const seen: RecordCycle[] = [];
    for (const member of members) {
      const record = await api.call<PersonRecord>(ceo, "GET", `/people/${member.userId}/record`);
      const expected = expectedRecord(member.userId);
      const who = member.name;
      expect(record.person, who).toEqual({ id: member.userId, name: member.name });
      expect(
        record.cycles.map((c) => c.cycle.id),
        who,
      ).toEqual(expected.map((c) => c.cycle.id));
      if (record.cycles.filter((c) => pastIds.has(c.cycle.id)).length === 2) withPast += 1;
      for (const [i, got] of record.cycles.entries()) {
        const want = expected[i];
        if (!want) continue;
        const at = `${who} in ${want.cycle.name}`;
        expect(got.cycle, at).toEqual({
          id: want.cycle.id,
          name: want.cycle.name,
          kind: want.cycle.kind,
          startDate: want.cycle.startDate,
          endDate: want.cycle.endDate,
          phase: want.cycle.phase,
        });
        const byId = (list: RecordCycle["objectives"]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
        const gotObjectives = byId(got.objectives);
        const wantObjectives = byId(want.objectives);
        expect(
          gotObjectives.map((o) => [o.id, o.title, o.kind, o.level, o.reading]),
          at,
        ).toEqual(wantObjectives.map((o) => [o.id, o.title, o.kind, o.level, o.reading]));
        for (const [j, o] of gotObjectives.entries()) {
          expectClose(o.progress, wantObjectives[j]?.progress ?? null, `${at}: progress of ${o.title}`);
          expectClose(o.score, wantObjectives[j]?.score ?? null, `${at}: score of ${o.title}`);
        }
        expectClose(got.averageScore, want.averageScore, `${at}: average score`);
        expectClose(got.checkInRegularity, want.checkInRegularity, `${at}: check-in regularity`);
        expectClose(got.alignedShare, want.alignedShare, `${at}: aligned share`);
        expect(got.proposals, `${at}: proposals`).toEqual(want.proposals);
        expect(got.praiseReceived, `${at}: praise`).toBe(want.praiseReceived);
        expect(got.reviewsWritten, `${at}: 复盘`).toBe(want.reviewsWritten);
        seen.push(got);
      }
    }
    // The demo exercises every figure, so none is compared only as a zero or a null.
    expect(members.length).toBeGreaterThanOrEqual(55);
    expect(withPast).toBeGreaterThanOrEqual(10);
    const some = (test: (c: RecordCycle) => boolean) => seen.some(test);
    expect(some((c) => c.objectives.some((o) => o.kind === "committed"))).toBe(true);
    expect(some((c) => c.objectives.some((o) => o.kind === "aspirational"))).toBe(true);
    expect(some((c) => c.averageScore !== null && c.averageScore > 0 && c.averageScore < 1)).toBe(true);
    expect(some((c) => (c.checkInRegularity ?? 0) > 0 && (c.checkInRegularity ?? 1) < 1)).toBe(true);
    // Past quarters hold nothing aligned (no company OKRs then), the current quarter everything.
    expect(some((c) => c.alignedShare === 0)).toBe(true);
    expect(some((c) => c.alignedShare === 1)).toBe(true);
    for (const key of ["made", "backed", "joined", "accepted"] as const)
      expect(
        some((c) => c.proposals[key] > 0),
        key,
      ).toBe(true);
    expect(some((c) => c.proposals.made > c.proposals.accepted)).toBe(true);
    expect(some((c) => c.praiseReceived > 0)).toBe(true);
    expect(some((c) => c.reviewsWritten > 0)).toBe(true);
    expect(some((c) => pastIds.has(c.cycle.id) && c.objectives.length > c.reviewsWritten)).toBe(true);
  }, 240_000);

  it("prints logins that work with the shared password", async () => {
    expect(result.logins[0]?.email).toBe(ceo);
    expect(result.logins.length).toBeGreaterThanOrEqual(4);
    for (const login of result.logins) {
      const answer = await api.raw("POST", "/auth/login", { email: login.email, password: result.password });
      expect(answer.statusCode, login.email).toBe(200);
    }
  });
});
