import { describe, expect, it } from "vitest";
import {
  assertScore,
  displayScore,
  isValidScore,
  keyResultScore,
  objectiveScore,
  scoreBand,
  suggestSelfScore,
} from "./scoring.ts";

describe("suggestSelfScore", () => {
  it.each([
    [0.24, 0.2],
    [0.25, 0.3],
    [0.649, 0.6],
    [0.05, 0.1],
    [0.96, 1],
    [1.2, 1],
    [-0.3, 0],
    [0.7, 0.7],
  ])("%s → %s", (progress, expected) => {
    expect(suggestSelfScore(progress)).toBe(expected);
  });
});

describe("isValidScore and assertScore", () => {
  it.each([0, 0.1, 0.3, 0.1 + 0.2, 0.7, 1])("accepts %s", (score) => {
    expect(isValidScore(score)).toBe(true);
  });

  it.each([-0.1, 1.1, 0.35, 0.05, Number.NaN, Number.POSITIVE_INFINITY])("rejects %s", (score) => {
    expect(isValidScore(score)).toBe(false);
    expect(() => assertScore(score)).toThrow(expect.objectContaining({ code: "score.invalid" }));
  });

  it("snaps a float-drifted score to its step", () => {
    expect(assertScore(0.1 + 0.2)).toBe(0.3);
  });
});

describe("keyResultScore", () => {
  it("prefers the manager's score, then the self score", () => {
    expect(keyResultScore({ selfScore: 0.5, managerScore: 0.7 })).toBe(0.7);
    expect(keyResultScore({ selfScore: 0.5, managerScore: 0 })).toBe(0);
    expect(keyResultScore({ selfScore: 0.5, managerScore: null })).toBe(0.5);
    expect(keyResultScore({ selfScore: null, managerScore: null })).toBeNull();
    expect(keyResultScore({})).toBeNull();
  });
});

describe("objectiveScore", () => {
  it("is the weighted mean of scored KRs, rounded to 2 decimals", () => {
    expect(
      objectiveScore([
        { weight: 1, score: 0.7 },
        { weight: 2, score: 0.4 },
      ]),
    ).toBe(0.5);
    expect(
      objectiveScore([
        { weight: 1, score: 0.6 },
        { weight: 2, score: 0.7 },
      ]),
    ).toBe(0.67);
  });

  it("leaves unscored KRs out", () => {
    expect(
      objectiveScore([
        { weight: 1, score: 0.7 },
        { weight: 5, score: null },
      ]),
    ).toBe(0.7);
  });

  it("is null while nothing is scored", () => {
    expect(objectiveScore([])).toBeNull();
    expect(objectiveScore([{ weight: 1, score: null }])).toBeNull();
  });
});

describe("scoreBand", () => {
  it.each([
    [0, "red"],
    [0.39, "red"],
    [0.4, "yellow"],
    [0.6, "yellow"],
    [0.65, "yellow"],
    [0.69, "yellow"],
    [0.7, "green"],
    [1, "green"],
  ] as const)("%s is %s", (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });
});

describe("displayScore", () => {
  it.each([
    [0.7, "0-1", "0.7"],
    [0.65, "0-1", "0.65"],
    [1, "0-1", "1.0"],
    [0, "0-1", "0.0"],
    [0.1 + 0.2, "0-1", "0.3"],
    [0.7, "0-100", "70"],
    [0.65, "0-100", "65"],
    [0.575, "0-100", "58"],
    [1, "0-100", "100"],
  ] as const)("%s on %s shows %s", (score, scale, text) => {
    expect(displayScore(score, scale)).toBe(text);
  });
});
