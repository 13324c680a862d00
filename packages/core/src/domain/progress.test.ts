import { describe, expect, it } from "vitest";
import {
  booleanProgress,
  currentValueOf,
  MAX_MILESTONES_PER_KEY_RESULT,
  milestoneProgress,
  numericProgress,
  objectiveProgress,
  validateKeyResultDefinition,
  weightedMean,
} from "./progress.ts";

const appError = (code: string, params?: Record<string, unknown>) =>
  expect.objectContaining(params ? { code, params } : { code });

describe("numericProgress", () => {
  it.each([
    { start: "0", target: "100", current: "50", direction: "increase", raw: 0.5, clamped: 0.5 },
    { start: "0", target: "100", current: "120", direction: "increase", raw: 1.2, clamped: 1 },
    { start: "10", target: "20", current: "5", direction: "increase", raw: -0.5, clamped: 0 },
    { start: "100", target: "50", current: "80", direction: "decrease", raw: 0.4, clamped: 0.4 },
    { start: "100", target: "50", current: "40", direction: "decrease", raw: 1.2, clamped: 1 },
    { start: "100", target: "50", current: "110", direction: "decrease", raw: -0.2, clamped: 0 },
    // Floats would give 0.5000000000000001 here; the ratio is computed in decimals.
    { start: "0.1", target: "0.3", current: "0.2", direction: "increase", raw: 0.5, clamped: 0.5 },
    { start: 0, target: 3, current: 1, direction: "increase", raw: 1 / 3, clamped: 1 / 3 },
  ] as const)("$direction $start → $target at $current is $raw", ({ raw, clamped, ...input }) => {
    expect(numericProgress(input)).toEqual({ raw, clamped });
  });

  it("never divides by zero when stored data has target == start", () => {
    expect(numericProgress({ start: "5", target: "5", current: "5", direction: "increase" })).toEqual({
      raw: 1,
      clamped: 1,
    });
    expect(numericProgress({ start: "5", target: "5", current: "4", direction: "increase" })).toEqual({
      raw: 0,
      clamped: 0,
    });
    expect(numericProgress({ start: "5", target: "5", current: "4", direction: "decrease" })).toEqual({
      raw: 1,
      clamped: 1,
    });
  });
});

describe("milestoneProgress", () => {
  it("is done weight over total weight", () => {
    expect(
      milestoneProgress([
        { weight: 1, done: true },
        { weight: 3, done: false },
      ]),
    ).toBe(0.25);
    expect(
      milestoneProgress([
        { weight: 2, done: true },
        { weight: 2, done: true },
      ]),
    ).toBe(1);
  });

  it("is 0 with no milestones or no weight", () => {
    expect(milestoneProgress([])).toBe(0);
    expect(milestoneProgress([{ weight: 0, done: true }])).toBe(0);
  });
});

describe("booleanProgress", () => {
  it.each([
    ["1", 1],
    [1, 1],
    ["1.0000", 1],
    ["0", 0],
    [0, 0],
    ["2", 0],
    [null, 0],
    ["yes", 0],
  ] as const)("%s → %s", (current, expected) => {
    expect(booleanProgress(current)).toBe(expected);
  });
});

describe("weightedMean and objectiveProgress", () => {
  it("weights each item", () => {
    expect(
      weightedMean([
        { weight: 1, progress: 0.5 },
        { weight: 3, progress: 1 },
      ]),
    ).toBe(0.875);
  });

  it("is 0 when empty or weightless", () => {
    expect(weightedMean([])).toBe(0);
    expect(weightedMean([{ weight: 0, progress: 1 }])).toBe(0);
    expect(objectiveProgress([])).toBe(0);
  });

  it("clamps an objective to [0, 1]", () => {
    expect(
      objectiveProgress([
        { weight: 1, progress: 1.5 },
        { weight: 1, progress: 1 },
      ]),
    ).toBe(1);
    expect(
      objectiveProgress([
        { weight: 1, progress: 0.2 },
        { weight: 1, progress: 0.6 },
      ]),
    ).toBeCloseTo(0.4, 12);
  });
});

describe("validateKeyResultDefinition", () => {
  it("normalizes a numeric KR: start defaults to 0, direction inferred, canonical text", () => {
    expect(validateKeyResultDefinition({ type: "number", targetValue: "100.50" })).toEqual({
      type: "number",
      startValue: "0",
      targetValue: "100.5",
      direction: "increase",
      milestones: null,
      aggregation: null,
    });
    expect(
      validateKeyResultDefinition({ type: "percentage", startValue: 30, targetValue: 10 }),
    ).toMatchObject({
      startValue: "30",
      targetValue: "10",
      direction: "decrease",
    });
  });

  it("keeps an explicit direction that fits the numbers", () => {
    expect(
      validateKeyResultDefinition({
        type: "currency",
        startValue: "10",
        targetValue: "5",
        direction: "decrease",
      }),
    ).toMatchObject({ direction: "decrease" });
  });

  it("drops fields that do not belong to the type", () => {
    expect(
      validateKeyResultDefinition({ type: "number", targetValue: "1", aggregation: "sum", milestones: [] }),
    ).toMatchObject({ aggregation: null, milestones: null });
    expect(validateKeyResultDefinition({ type: "boolean", targetValue: "1" })).toEqual({
      type: "boolean",
      startValue: null,
      targetValue: null,
      direction: null,
      milestones: null,
      aggregation: null,
    });
  });

  it.each([
    [{ type: "number" }, "kr.fields", { type: "number", fields: "targetValue" }],
    [{ type: "currency", targetValue: null }, "kr.fields", { type: "currency", fields: "targetValue" }],
    [{ type: "number", targetValue: "0" }, "kr.target_equals_start", {}],
    [{ type: "number", startValue: "5.0", targetValue: "5" }, "kr.target_equals_start", {}],
    [
      { type: "number", startValue: "10", targetValue: "5", direction: "increase" },
      "kr.direction",
      undefined,
    ],
    [
      { type: "number", startValue: "5", targetValue: "10", direction: "decrease" },
      "kr.direction",
      undefined,
    ],
    [{ type: "milestone" }, "kr.fields", { type: "milestone", fields: "milestones" }],
    [{ type: "milestone", milestones: [] }, "kr.fields", { type: "milestone", fields: "milestones" }],
    [{ type: "rollup" }, "kr.fields", { type: "rollup", fields: "aggregation" }],
    [{ type: "rollup", aggregation: "sum" }, "kr.fields", { type: "rollup", fields: "targetValue" }],
    [{ type: "rollup", aggregation: "sum", targetValue: "0" }, "kr.target_equals_start", {}],
  ] as const)("rejects %j with %s", (kr, code, params) => {
    expect(() => validateKeyResultDefinition(kr)).toThrow(appError(code, params));
  });

  it("takes at most MAX_MILESTONES_PER_KEY_RESULT milestones", () => {
    const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ weight: 1, title: `Step ${i}` }));
    const max = MAX_MILESTONES_PER_KEY_RESULT;
    expect(
      validateKeyResultDefinition({ type: "milestone", milestones: steps(max) }).milestones,
    ).toHaveLength(max);
    expect(() => validateKeyResultDefinition({ type: "milestone", milestones: steps(max + 1) })).toThrow(
      appError("kr.milestone_limit", { max }),
    );
  });

  it("accepts a milestone KR with its checklist", () => {
    const milestones = [{ weight: 1, done: false, title: "Ship" }];
    expect(validateKeyResultDefinition({ type: "milestone", milestones })).toMatchObject({ milestones });
  });

  it("accepts rollups: progress needs only the aggregation, sum needs a range", () => {
    expect(
      validateKeyResultDefinition({ type: "rollup", aggregation: "progress", targetValue: "9" }),
    ).toMatchObject({
      aggregation: "progress",
      targetValue: null,
    });
    expect(
      validateKeyResultDefinition({ type: "rollup", aggregation: "sum", targetValue: "1000" }),
    ).toMatchObject({
      aggregation: "sum",
      startValue: "0",
      targetValue: "1000",
      direction: "increase",
    });
  });
});

describe("currentValueOf", () => {
  const numeric = { type: "number" as const, startValue: "60", checkedInValue: null, checkedInStart: null };

  it("derives a KR's current value from its start until its first check-in, whatever the start is edited to", () => {
    expect(currentValueOf(numeric)).toBe("60");
    // 60 → 45 edited to start at 70 without any check-in: it stands at 70, so no phantom 40 %.
    expect(currentValueOf({ ...numeric, startValue: "70" })).toBe("70");
    expect(
      numericProgress({
        start: "70",
        target: "45",
        current: currentValueOf({ ...numeric, startValue: "70" }) ?? "",
        direction: "decrease",
      }).raw,
    ).toBe(0);
  });

  it("keeps a checked-in value when only the target moves, and re-bases it when the start moves", () => {
    const checkedIn = { ...numeric, startValue: "120", checkedInValue: "150", checkedInStart: "120" };
    expect(currentValueOf(checkedIn)).toBe("150");
    expect(currentValueOf({ ...checkedIn, startValue: "120.0" })).toBe("150");
    // 120 → 200 redefined as 35 → 60: 150 was measured from 120, so the KR stands at 35 (0 %, not 460 %).
    expect(currentValueOf({ ...checkedIn, startValue: "35" })).toBe("35");
    // Back to the start it was measured from, the value measures it again.
    expect(currentValueOf({ ...checkedIn, startValue: "120" })).toBe("150");
  });

  it("gives a done/not-done KR 0 until checked in, and milestone and rollup KRs none", () => {
    expect(
      currentValueOf({ type: "boolean", startValue: null, checkedInValue: null, checkedInStart: null }),
    ).toBe("0");
    expect(
      currentValueOf({ type: "boolean", startValue: null, checkedInValue: "1", checkedInStart: null }),
    ).toBe("1");
    expect(
      currentValueOf({ type: "milestone", startValue: null, checkedInValue: null, checkedInStart: null }),
    ).toBeNull();
    expect(
      currentValueOf({ type: "rollup", startValue: "0", checkedInValue: null, checkedInStart: null }),
    ).toBeNull();
  });
});
