import { describe, expect, it } from "vitest";
import { type RolloutPerson, rolloutMissing, rolloutStage } from "./rollout.ts";
import { CYCLE_PHASES } from "./types.ts";

describe("rolloutStage", () => {
  it("follows the phase: published → checked in → scored → reviewed", () => {
    expect(CYCLE_PHASES.map(rolloutStage)).toEqual([
      "published",
      "published",
      "checked_in",
      "scored",
      "reviewed",
      "reviewed",
    ]);
  });
});

describe("rolloutMissing", () => {
  const done: RolloutPerson = {
    hasOkrs: true,
    checkInsMissing: 0,
    unscoredKeyResults: 0,
    unreviewedObjectives: 0,
  };
  const none: RolloutPerson = { ...done, hasOkrs: false };
  const late: RolloutPerson = { ...done, checkInsMissing: 2, unscoredKeyResults: 1, unreviewedObjectives: 1 };

  it.each([
    ["published", done, null],
    ["published", none, "no_okrs"],
    ["published", late, null],
    ["checked_in", done, null],
    ["checked_in", none, "no_okrs"],
    ["checked_in", late, "not_checked_in"],
    ["scored", done, null],
    // Nothing to score: not asked.
    ["scored", none, null],
    ["scored", late, "not_scored"],
    ["reviewed", done, null],
    ["reviewed", none, null],
    ["reviewed", late, "not_reviewed"],
  ] as const)("at %s, %o is missing for %s", (stage, person, reason) => {
    expect(rolloutMissing(stage, person)).toBe(reason);
  });
});
