import type { KeyResult } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { baselineOf, checkInOf, hasConfidence, isChanged, isDraftSet } from "./drafts.ts";

const kr = (extra: Partial<KeyResult>): KeyResult =>
  ({
    id: "k",
    type: "number",
    currentValue: 10,
    startValue: 0,
    targetValue: 20,
    confidence: 5,
    milestones: undefined,
    ...extra,
  }) as KeyResult;

describe("check-in drafts", () => {
  it("is unchanged until a value, confidence or note differs", () => {
    const numeric = kr({});
    expect(isChanged(numeric, baselineOf(numeric))).toBe(false);
    expect(isChanged(numeric, { ...baselineOf(numeric), value: 12 })).toBe(true);
    expect(isChanged(numeric, { ...baselineOf(numeric), confidence: 7 })).toBe(true);
    expect(isChanged(numeric, { ...baselineOf(numeric), note: "  " })).toBe(false);
    expect(isChanged(numeric, { ...baselineOf(numeric), note: "客户签约" })).toBe(true);
  });

  it("starts a KR that was never checked in without a confidence, and waits for the person to pick one", () => {
    const fresh = kr({ confidence: null });
    const baseline = baselineOf(fresh);
    expect(baseline.confidence).toBeNull();
    expect(hasConfidence(baseline)).toBe(false);
    expect(isChanged(fresh, baseline)).toBe(false);
    // A new value alone is a change, but not one that can be sent: the first check-in needs a confidence.
    const valueOnly = { ...baseline, value: 12 };
    expect(isChanged(fresh, valueOnly)).toBe(true);
    expect(hasConfidence(valueOnly)).toBe(false);
    // Picking any confidence, 5 included, is a change of its own.
    const picked = { ...baseline, confidence: 5 };
    expect(isChanged(fresh, picked)).toBe(true);
    expect(hasConfidence(picked) && checkInOf(fresh, picked)).toEqual({ confidence: 5, value: 10 });
  });

  it("sends the value a numeric KR needs even when only confidence moved", () => {
    const numeric = kr({});
    expect(checkInOf(numeric, { ...baselineOf(numeric), confidence: 8 })).toEqual({
      confidence: 8,
      value: 10,
    });
  });

  it("sends ticked milestones and done as 1/0", () => {
    const milestone = kr({
      type: "milestone",
      currentValue: null,
      milestones: [
        { id: "m1", title: "a", weight: 1, done: true },
        { id: "m2", title: "b", weight: 1, done: false },
      ],
    });
    const ticked = { ...baselineOf(milestone), milestonesDone: ["m1", "m2"], confidence: 5 };
    expect(isChanged(milestone, ticked)).toBe(true);
    expect(checkInOf(milestone, ticked)).toEqual({ confidence: 5, milestonesDone: ["m1", "m2"] });
    const flag = kr({ type: "boolean", currentValue: 0 });
    expect(checkInOf(flag, { ...baselineOf(flag), done: true, note: " done ", confidence: 5 })).toEqual({
      confidence: 5,
      value: 1,
      note: "done",
    });
  });
});

describe("kept check-in drafts", () => {
  it("are taken back only when every draft has the shape the screen writes", () => {
    const draft = { ...baselineOf(kr({})), note: "客户签约" };
    expect(isDraftSet({ k: draft, other: { ...draft, confidence: null } })).toBe(true);
    expect(isDraftSet({})).toBe(true);
    expect(isDraftSet({ k: { ...draft, note: 3 } })).toBe(false);
    expect(isDraftSet({ k: { ...draft, confidence: 11 } })).toBe(false);
    expect(isDraftSet(null)).toBe(false);
    expect(isDraftSet("k")).toBe(false);
  });
});
