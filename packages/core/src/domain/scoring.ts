import Decimal from "decimal.js";
import { AppError } from "../errors/index.ts";
import { parseDecimal } from "./decimal.ts";
import { clampProgress } from "./progress.ts";

/** Colour band of a score on the 0–1 scale. */
export type ScoreBand = "red" | "yellow" | "green";

/** How the organization shows scores: Google style 0.0–1.0, or 0–100. */
export type ScoreScale = "0-1" | "0-100";

// Scores travel as JS numbers (0.1 + 0.2 …), so "a multiple of 0.1" is checked with a tolerance.
const SCORE_TOLERANCE = 1e-9;

// Half-up on the shortest decimal text of the number: 0.25 becomes 0.3, as a person rounding would do.
function roundTo(value: number, places: number): number {
  return parseDecimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

/** The self score suggested to a KR owner: progress clamped to [0, 1] and rounded to 0.1. */
export function suggestSelfScore(progress: number): number {
  return roundTo(clampProgress(progress), 1);
}

/** True for a score from 0 to 1 in steps of 0.1 (within float tolerance). */
export function isValidScore(x: number): boolean {
  if (!Number.isFinite(x)) return false;
  if (x < -SCORE_TOLERANCE || x > 1 + SCORE_TOLERANCE) return false;
  const tenths = x * 10;
  return Math.abs(tenths - Math.round(tenths)) < SCORE_TOLERANCE * 10;
}

/** Throws AppError `score.invalid` unless the score is valid; returns it snapped to its 0.1 step. */
export function assertScore(x: number): number {
  if (!isValidScore(x)) throw new AppError("score.invalid", { score: x });
  // Snapping turns 0.30000000000000004 into 0.3 so stored scores compare equal.
  return Math.round(x * 10) / 10;
}

/** The scores a KR may carry; either may be absent. */
export type KeyResultScores = { selfScore?: number | null; managerScore?: number | null };

/** A KR's score: the manager's when given, else the owner's self score, else null. */
export function keyResultScore({ selfScore, managerScore }: KeyResultScores): number | null {
  return managerScore ?? selfScore ?? null;
}

/** A KR as the objective score sees it. */
export type WeightedScore = { weight: number; score: number | null };

/**
 * An objective's score: the weighted mean of its scored KRs, rounded to 2 decimals; null while no KR
 * with a positive weight is scored (unscored KRs are left out rather than counted as 0).
 */
export function objectiveScore(krs: readonly WeightedScore[]): number | null {
  let total = 0;
  let sum = 0;
  for (const kr of krs) {
    if (kr.score === null || !Number.isFinite(kr.weight) || kr.weight <= 0) continue;
    total += kr.weight;
    sum += kr.weight * kr.score;
  }
  if (total === 0) return null;
  return roundTo(sum / total, 2);
}

/**
 * Colour band of a score, as domain.md gives it: below 0.4 red, 0.4 to below 0.7 yellow, 0.7 and above
 * green (so the 0.6–0.7 sweet spot of ambitious OKRs is still yellow).
 */
export function scoreBand(score: number): ScoreBand {
  if (score < 0.4) return "red";
  if (score < 0.7) return "yellow";
  return "green";
}

/** A score as text on the organization's scale: "0.7" / "0.65" on 0–1, "70" / "65" on 0–100. */
export function displayScore(score: number, scale: ScoreScale): string {
  // Scaled in decimals: 0.575 * 100 is 57.49999… in floats and would show 57.
  if (scale === "0-100")
    return parseDecimal(score).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed();
  // KR scores are tenths and objective scores hundredths; show one decimal at least, two when needed.
  const rounded = roundTo(score, 2);
  return roundTo(rounded, 1) === rounded ? rounded.toFixed(1) : rounded.toFixed(2);
}
