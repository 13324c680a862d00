import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sumDecimals } from "./decimal.ts";
import {
  booleanProgress,
  milestoneProgress,
  numericProgress,
  objectiveProgress,
  weightedMean,
} from "./progress.ts";
import type { RollupKr, RollupObjective, RollupSnapshot, RollupState } from "./rollup.ts";
import {
  buildRollupIndex,
  keyResultProgress,
  propagateChange,
  propagateFrom,
  recomputeAll,
} from "./rollup.ts";
import type { Direction } from "./types.ts";

const kr = (fields: Partial<RollupKr> & Pick<RollupKr, "id" | "objectiveId" | "type">): RollupKr => ({
  aggregation: null,
  startValue: null,
  targetValue: null,
  currentValue: null,
  direction: null,
  weight: 1,
  milestones: [],
  parentKeyResultId: null,
  ...fields,
});

const objective = (id: string, weight = 1, parentKeyResultId: string | null = null): RollupObjective => ({
  id,
  weight,
  parentKeyResultId,
});

const snapshotOf = (objectives: RollupObjective[], keyResults: RollupKr[]): RollupSnapshot => ({
  objectives: new Map(objectives.map((o) => [o.id, o])),
  keyResults: new Map(keyResults.map((k) => [k.id, k])),
});

function checkIn(snapshot: RollupSnapshot, id: string, change: Partial<RollupKr>): void {
  const current = snapshot.keyResults.get(id);
  if (!current) throw new Error(`no KR ${id}`);
  snapshot.keyResults.set(id, { ...current, ...change });
}

// Company objective "c" with a progress rollup "p" over two department objectives and a sum rollup "s"
// over two department KRs; an unrelated objective "x" on the side.
function companyExample(): RollupSnapshot {
  return snapshotOf(
    [objective("c"), objective("d1", 1, "p"), objective("d2", 3, "p"), objective("x")],
    [
      kr({ id: "p", objectiveId: "c", type: "rollup", aggregation: "progress" }),
      kr({
        id: "s",
        objectiveId: "c",
        type: "rollup",
        aggregation: "sum",
        startValue: "0",
        targetValue: "1000",
      }),
      kr({
        id: "n1",
        objectiveId: "d1",
        type: "number",
        startValue: "0",
        targetValue: "100",
        currentValue: "50",
        parentKeyResultId: "s",
      }),
      kr({
        id: "m1",
        objectiveId: "d2",
        type: "milestone",
        milestones: [
          { weight: 1, done: true },
          { weight: 1, done: false },
        ],
      }),
      kr({
        id: "n2",
        objectiveId: "d2",
        type: "currency",
        startValue: "0",
        targetValue: "500",
        currentValue: "250.5",
        parentKeyResultId: "s",
      }),
      kr({ id: "b", objectiveId: "x", type: "boolean", currentValue: "0" }),
    ],
  );
}

describe("keyResultProgress", () => {
  it("dispatches by type", () => {
    expect(
      keyResultProgress(
        kr({
          id: "a",
          objectiveId: "o",
          type: "number",
          startValue: "0",
          targetValue: "10",
          currentValue: "12",
        }),
      ),
    ).toEqual({ raw: 1.2, clamped: 1 });
    expect(
      keyResultProgress(
        kr({
          id: "a",
          objectiveId: "o",
          type: "percentage",
          startValue: "80",
          targetValue: "20",
          currentValue: "50",
        }),
      ),
    ).toEqual({ raw: 0.5, clamped: 0.5 });
    expect(keyResultProgress(kr({ id: "a", objectiveId: "o", type: "boolean", currentValue: "1" }))).toEqual({
      raw: 1,
      clamped: 1,
    });
    expect(
      keyResultProgress(
        kr({
          id: "a",
          objectiveId: "o",
          type: "milestone",
          milestones: [
            { weight: 1, done: true },
            { weight: 3, done: false },
          ],
        }),
      ),
    ).toEqual({ raw: 0.25, clamped: 0.25 });
    expect(
      keyResultProgress(kr({ id: "a", objectiveId: "o", type: "rollup", aggregation: "progress" }), {
        objectives: [
          { weight: 1, progress: 0.25 },
          { weight: 3, progress: 0.75 },
        ],
      }),
    ).toEqual({ raw: 0.625, clamped: 0.625 });
    expect(
      keyResultProgress(
        kr({ id: "a", objectiveId: "o", type: "rollup", aggregation: "sum", targetValue: "200" }),
        { sum: "50" },
      ),
    ).toEqual({ raw: 0.25, clamped: 0.25 });
  });

  it("counts a numeric KR with no value yet as no progress", () => {
    expect(
      keyResultProgress(
        kr({ id: "a", objectiveId: "o", type: "number", startValue: "0", targetValue: "10" }),
      ),
    ).toEqual({ raw: 0, clamped: 0 });
  });

  it("gives 0 when nothing is below a rollup, even for a decreasing sum", () => {
    expect(
      keyResultProgress(kr({ id: "a", objectiveId: "o", type: "rollup", aggregation: "progress" })),
    ).toEqual({ raw: 0, clamped: 0 });
    expect(
      keyResultProgress(
        kr({
          id: "a",
          objectiveId: "o",
          type: "rollup",
          aggregation: "sum",
          startValue: "100",
          targetValue: "50",
        }),
        { sum: null },
      ),
    ).toEqual({ raw: 0, clamped: 0 });
  });
});

describe("recomputeAll", () => {
  it("rolls progress and sums up through alignments", () => {
    const state = recomputeAll(companyExample());
    expect(state.krProgress.get("n1")).toEqual({ raw: 0.5, clamped: 0.5 });
    expect(state.krProgress.get("n2")).toEqual({ raw: 0.501, clamped: 0.501 });
    expect(state.objectiveProgress.get("d1")).toBe(0.5);
    expect(state.objectiveProgress.get("d2")).toBe(0.5005);
    // (1 × 0.5 + 3 × 0.5005) / 4
    expect(state.krProgress.get("p")?.clamped).toBeCloseTo(0.500375, 12);
    expect(state.krCurrent.get("s")).toBe("300.5");
    expect(state.krProgress.get("s")).toEqual({ raw: 0.3005, clamped: 0.3005 });
    expect(state.objectiveProgress.get("c")).toBeCloseTo((0.500375 + 0.3005) / 2, 12);
    expect(state.krCurrent.get("p")).toBeNull();
    expect(state.objectiveProgress.get("x")).toBe(0);
  });

  it("gives 0 and a sum of 0 when nothing is below a rollup", () => {
    const state = recomputeAll(
      snapshotOf(
        [objective("o")],
        [
          kr({ id: "p", objectiveId: "o", type: "rollup", aggregation: "progress" }),
          kr({
            id: "s",
            objectiveId: "o",
            type: "rollup",
            aggregation: "sum",
            startValue: "100",
            targetValue: "50",
          }),
        ],
      ),
    );
    expect(state.krProgress.get("p")).toEqual({ raw: 0, clamped: 0 });
    expect(state.krProgress.get("s")).toEqual({ raw: 0, clamped: 0 });
    expect(state.krCurrent.get("s")).toBe("0");
    expect(state.objectiveProgress.get("o")).toBe(0);
  });

  it("adds sums of sums exactly", () => {
    const state = recomputeAll(
      snapshotOf(
        [objective("top"), objective("mid"), objective("low")],
        [
          kr({ id: "total", objectiveId: "top", type: "rollup", aggregation: "sum", targetValue: "1" }),
          kr({
            id: "region",
            objectiveId: "mid",
            type: "rollup",
            aggregation: "sum",
            targetValue: "1",
            parentKeyResultId: "total",
          }),
          kr({
            id: "a",
            objectiveId: "low",
            type: "number",
            targetValue: "1",
            currentValue: "0.1",
            parentKeyResultId: "region",
          }),
          kr({
            id: "b",
            objectiveId: "low",
            type: "number",
            targetValue: "1",
            currentValue: "0.2",
            parentKeyResultId: "region",
          }),
          kr({
            id: "c",
            objectiveId: "mid",
            type: "number",
            targetValue: "1",
            currentValue: "0.0000000001",
            parentKeyResultId: "total",
          }),
        ],
      ),
    );
    expect(state.krCurrent.get("region")).toBe("0.3");
    expect(state.krCurrent.get("total")).toBe("0.3000000001");
  });

  it("moves no numbers through links to KRs that do not roll up that way", () => {
    const state = recomputeAll(
      snapshotOf(
        [objective("top"), objective("low", 1, "plain")],
        [
          kr({ id: "plain", objectiveId: "top", type: "number", targetValue: "10", currentValue: "0" }),
          kr({ id: "prog", objectiveId: "top", type: "rollup", aggregation: "progress" }),
          kr({
            id: "a",
            objectiveId: "low",
            type: "number",
            targetValue: "10",
            currentValue: "10",
            parentKeyResultId: "prog",
          }),
        ],
      ),
    );
    expect(state.krProgress.get("plain")).toEqual({ raw: 0, clamped: 0 });
    expect(state.krProgress.get("prog")).toEqual({ raw: 0, clamped: 0 });
    expect(state.objectiveProgress.get("top")).toBe(0);
  });
});

describe("propagateChange", () => {
  it("recomputes the chain above a check-in and reports what changed", () => {
    const snapshot = companyExample();
    const before = recomputeAll(snapshot);
    checkIn(snapshot, "n1", { currentValue: "100" });
    const { state, changed } = propagateChange(snapshot, before, "n1");
    expect(changed.keyResults.sort()).toEqual(["n1", "p", "s"]);
    expect(changed.objectives.sort()).toEqual(["c", "d1"]);
    expect(state.krCurrent.get("s")).toBe("350.5");
    expect(state.krProgress.get("p")?.clamped).toBeCloseTo((1 + 3 * 0.5005) / 4, 12);
    expect(state.objectiveProgress.get("c")).toBeCloseTo(((1 + 3 * 0.5005) / 4 + 0.3505) / 2, 12);
    // The old state is left as it was.
    expect(before.krCurrent.get("s")).toBe("300.5");
  });

  it("touches nothing outside the chain", () => {
    const snapshot = companyExample();
    const before = recomputeAll(snapshot);
    checkIn(snapshot, "b", { currentValue: "1" });
    const { state, changed } = propagateChange(snapshot, before, "b");
    expect(changed).toEqual({ keyResults: ["b"], objectives: ["x"] });
    expect(state.objectiveProgress.get("x")).toBe(1);
    expect(state.objectiveProgress.get("c")).toBe(before.objectiveProgress.get("c"));
  });

  it("reports nothing when the value did not move progress", () => {
    const snapshot = companyExample();
    const before = recomputeAll(snapshot);
    const { changed } = propagateChange(snapshot, before, "m1");
    expect(changed).toEqual({ keyResults: [], objectives: [] });
  });

  it("drops a deleted KR and recomputes from its objective", () => {
    const snapshot = companyExample();
    const before = recomputeAll(snapshot);
    snapshot.keyResults.delete("n2");
    const { state, changed } = propagateFrom(snapshot, before, {
      keyResultIds: ["n2", "s"],
      objectiveIds: ["d2"],
    });
    expect(state.krProgress.has("n2")).toBe(false);
    expect(state.krCurrent.get("s")).toBe("50");
    expect(changed.keyResults).toContain("n2");
    expectSameState(state, recomputeAll(snapshot));
  });

  it("ends on a snapshot whose alignments loop", () => {
    // a aligns to rollup ra on b, b aligns to rollup rb on a; sums s1 and s2 contribute to each other.
    const snapshot = snapshotOf(
      [objective("a", 1, "rb"), objective("b", 1, "ra")],
      [
        kr({ id: "ra", objectiveId: "b", type: "rollup", aggregation: "progress" }),
        kr({ id: "rb", objectiveId: "a", type: "rollup", aggregation: "progress" }),
        kr({
          id: "s1",
          objectiveId: "a",
          type: "rollup",
          aggregation: "sum",
          targetValue: "10",
          parentKeyResultId: "s2",
        }),
        kr({
          id: "s2",
          objectiveId: "b",
          type: "rollup",
          aggregation: "sum",
          targetValue: "10",
          parentKeyResultId: "s1",
        }),
        kr({
          id: "n",
          objectiveId: "a",
          type: "number",
          targetValue: "10",
          currentValue: "5",
          parentKeyResultId: "s1",
        }),
      ],
    );
    const state = recomputeAll(snapshot);
    checkIn(snapshot, "n", { currentValue: "7" });
    const result = propagateChange(snapshot, state, "n");
    for (const progress of result.state.krProgress.values()) {
      expect(progress.clamped).toBeGreaterThanOrEqual(0);
      expect(progress.clamped).toBeLessThanOrEqual(1);
    }
    expect(result.changed.keyResults).toContain("n");
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const decimalText = fc
  .tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 999 }), fc.boolean())
  .map(
    ([whole, fraction, negative]) =>
      `${negative && whole === 0 ? "-" : ""}${whole}.${String(fraction).padStart(3, "0")}`,
  );
const direction = fc.constantFrom<Direction>("increase", "decrease");
const weight = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 10, noNaN: true }));
const milestones = fc.array(fc.record({ weight: fc.integer({ min: 0, max: 5 }), done: fc.boolean() }), {
  maxLength: 4,
});

const inUnit = (x: number) => x >= 0 && x <= 1;

describe("property: progress stays in [0, 1]", () => {
  it("numeric progress, for any start, target, current and direction", () => {
    fc.assert(
      fc.property(decimalText, decimalText, decimalText, direction, (start, target, current, dir) => {
        const progress = numericProgress({ start, target, current, direction: dir });
        expect(inUnit(progress.clamped)).toBe(true);
        expect(Number.isFinite(progress.raw)).toBe(true);
        if (inUnit(progress.raw)) expect(progress.clamped).toBe(progress.raw);
      }),
    );
  });

  it("milestones, booleans and weighted means", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.double({ noNaN: false }), done: fc.boolean() })),
        fc.oneof(fc.string(), decimalText),
        fc.array(fc.record({ weight, progress: fc.double({ min: 0, max: 1, noNaN: true }) })),
        (checklist, value, items) => {
          expect(inUnit(milestoneProgress(checklist))).toBe(true);
          expect([0, 1]).toContain(booleanProgress(value));
          expect(inUnit(weightedMean(items))).toBe(true);
          expect(inUnit(objectiveProgress(items))).toBe(true);
        },
      ),
    );
  });
});

// A random acyclic snapshot: objectives on levels 0 (top) to 3; an objective aligns only to a KR on a
// higher level, and a KR contributes only to a KR on a higher level, so no link can loop. Links may point
// at KRs that do not roll up that way; those must move nothing.
const KR_KINDS = ["number", "percentage", "currency", "milestone", "boolean", "progress", "sum"] as const;

const krSpec = fc.record({
  kind: fc.constantFrom(...KR_KINDS),
  start: fc.option(decimalText, { freq: 4 }),
  target: fc.option(decimalText, { freq: 8 }),
  current: fc.option(decimalText, { freq: 4 }),
  direction: fc.option(direction),
  weight,
  milestones,
  parentPick: fc.option(fc.nat(), { freq: 2 }),
});
const objectiveSpec = fc.record({
  level: fc.integer({ min: 0, max: 3 }),
  weight,
  parentPick: fc.option(fc.nat(), { freq: 2 }),
  krs: fc.array(krSpec, { maxLength: 4 }),
});
const checkInSpec = fc.record({
  pick: fc.nat(),
  value: decimalText,
  flag: fc.boolean(),
  done: fc.array(fc.boolean(), { maxLength: 4 }),
});

type ObjectiveSpec = typeof objectiveSpec extends fc.Arbitrary<infer T> ? T : never;

function buildSnapshot(specs: ObjectiveSpec[]): RollupSnapshot {
  const sorted = [...specs].sort((a, b) => a.level - b.level);
  const objectives: RollupObjective[] = [];
  const keyResults: RollupKr[] = [];
  const levelOfKr = new Map<string, number>();
  sorted.forEach((spec, o) => {
    const above = keyResults.filter((k) => (levelOfKr.get(k.id) ?? 0) < spec.level);
    const pickAbove = (pick: number | null) =>
      pick === null || above.length === 0 ? null : (above[pick % above.length]?.id ?? null);
    const objectiveId = `o${o}`;
    objectives.push({ id: objectiveId, weight: spec.weight, parentKeyResultId: pickAbove(spec.parentPick) });
    spec.krs.forEach((k, i) => {
      const id = `${objectiveId}k${i}`;
      const { kind } = k;
      const rollup =
        kind === "progress" || kind === "sum" ? { type: "rollup" as const, aggregation: kind } : null;
      keyResults.push({
        id,
        objectiveId,
        type: rollup?.type ?? (kind as Exclude<typeof kind, "progress" | "sum">),
        aggregation: rollup?.aggregation ?? null,
        startValue: k.start,
        targetValue: k.target,
        currentValue: k.kind === "boolean" ? (k.current === null ? null : "1") : k.current,
        direction: k.direction,
        weight: k.weight,
        milestones: k.kind === "milestone" ? k.milestones : [],
        parentKeyResultId: pickAbove(k.parentPick),
      });
      levelOfKr.set(id, spec.level);
    });
  });
  return snapshotOf(objectives, keyResults);
}

const TOLERANCE = 1e-9;

function expectSameState(actual: RollupState, expected: RollupState): void {
  expect([...actual.krProgress.keys()].sort()).toEqual([...expected.krProgress.keys()].sort());
  for (const [id, progress] of expected.krProgress) {
    const got = actual.krProgress.get(id);
    expect(Math.abs((got?.raw ?? Number.NaN) - progress.raw), `raw ${id}`).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs((got?.clamped ?? Number.NaN) - progress.clamped), `clamped ${id}`).toBeLessThanOrEqual(
      TOLERANCE,
    );
  }
  // Sums are decimal text and must match exactly.
  expect(Object.fromEntries(actual.krCurrent)).toEqual(Object.fromEntries(expected.krCurrent));
  expect([...actual.objectiveProgress.keys()].sort()).toEqual([...expected.objectiveProgress.keys()].sort());
  for (const [id, progress] of expected.objectiveProgress) {
    expect(
      Math.abs((actual.objectiveProgress.get(id) ?? Number.NaN) - progress),
      `objective ${id}`,
    ).toBeLessThanOrEqual(TOLERANCE);
  }
}

// The ids whose values differ between two states: what `changed` must report.
function diff(before: RollupState, after: RollupState): { keyResults: string[]; objectives: string[] } {
  const keyResults = [...after.krProgress.keys()].filter((id) => {
    const a = before.krProgress.get(id);
    const b = after.krProgress.get(id);
    return (
      a?.raw !== b?.raw || a?.clamped !== b?.clamped || before.krCurrent.get(id) !== after.krCurrent.get(id)
    );
  });
  const objectives = [...after.objectiveProgress.keys()].filter(
    (id) => before.objectiveProgress.get(id) !== after.objectiveProgress.get(id),
  );
  return { keyResults: keyResults.sort(), objectives: objectives.sort() };
}

// The roll-up rules read straight from domain.md, recursively and without any index or ordering: an
// independent oracle for recomputeAll on acyclic snapshots.
function oracle(snapshot: RollupSnapshot): RollupState {
  const krs = [...snapshot.keyResults.values()];
  const objectives = [...snapshot.objectives.values()];
  const currentOf = (k: RollupKr): string | null => {
    if (k.type !== "rollup") return k.currentValue;
    if (k.aggregation !== "sum") return null;
    const values = krs
      .filter((c) => c.parentKeyResultId === k.id)
      .map(currentOf)
      .filter((v): v is string => v !== null);
    return values.length === 0 ? "0" : sumDecimals(values);
  };
  const objectiveOf = (id: string): number =>
    objectiveProgress(
      krs
        .filter((k) => k.objectiveId === id)
        .map((k) => ({ weight: k.weight, progress: progressOf(k).clamped })),
    );
  const progressOf = (k: RollupKr): { raw: number; clamped: number } => {
    if (k.type === "rollup" && k.aggregation === "progress") {
      const p = objectiveProgress(
        objectives
          .filter((o) => o.parentKeyResultId === k.id)
          .map((o) => ({ weight: o.weight, progress: objectiveOf(o.id) })),
      );
      return { raw: p, clamped: p };
    }
    if (k.type === "rollup" && k.aggregation === "sum") {
      const hasValues = krs.some((c) => c.parentKeyResultId === k.id && currentOf(c) !== null);
      return keyResultProgress(k, { sum: hasValues ? currentOf(k) : null });
    }
    return keyResultProgress(k);
  };
  return {
    krProgress: new Map(krs.map((k) => [k.id, progressOf(k)])),
    krCurrent: new Map(krs.map((k) => [k.id, currentOf(k)])),
    objectiveProgress: new Map(objectives.map((o) => [o.id, objectiveOf(o.id)])),
  };
}

describe("property: incremental roll-up equals a full recompute", () => {
  it("recomputeAll follows the rules and keeps every progress in [0, 1] on random snapshots", () => {
    fc.assert(
      fc.property(fc.array(objectiveSpec, { maxLength: 12 }), (specs) => {
        const snapshot = buildSnapshot(specs);
        const state = recomputeAll(snapshot);
        expectSameState(state, oracle(snapshot));
        for (const progress of state.krProgress.values()) expect(inUnit(progress.clamped)).toBe(true);
        for (const progress of state.objectiveProgress.values()) expect(inUnit(progress)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("after every check-in, propagateChange matches recomputeAll and reports exactly what changed", () => {
    fc.assert(
      fc.property(
        fc.array(objectiveSpec, { minLength: 1, maxLength: 12 }),
        fc.array(checkInSpec, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (specs, checkIns, reuseIndex) => {
          const snapshot = buildSnapshot(specs);
          const index = buildRollupIndex(snapshot);
          let state = recomputeAll(snapshot);
          const leaves = [...snapshot.keyResults.values()]
            .filter((k) => k.type !== "rollup")
            .map((k) => k.id);
          if (leaves.length === 0) return;
          for (const step of checkIns) {
            const id = leaves[step.pick % leaves.length] as string;
            const target = snapshot.keyResults.get(id) as RollupKr;
            if (target.type === "milestone") {
              checkIn(snapshot, id, {
                milestones: target.milestones.map((m, i) => ({ ...m, done: step.done[i] ?? m.done })),
              });
            } else if (target.type === "boolean") {
              checkIn(snapshot, id, { currentValue: step.flag ? "1" : "0" });
            } else {
              checkIn(snapshot, id, { currentValue: step.value });
            }
            const result = reuseIndex
              ? propagateChange(snapshot, state, id, index)
              : propagateChange(snapshot, state, id);
            const expected = recomputeAll(snapshot);
            expectSameState(result.state, expected);
            const changed = {
              keyResults: [...result.changed.keyResults].sort(),
              objectives: [...result.changed.objectives].sort(),
            };
            expect(changed).toEqual(diff(state, result.state));
            state = result.state;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
