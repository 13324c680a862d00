import type { KeyResultContext, RawFinding } from "./context.ts";
import { measuredParts } from "./kr-compound.rules.ts";
import { isSameMeasureName, measureSignature } from "./measure-name.ts";
import { analyzeText, isBaseline, type TextAnalysis } from "./text-analysis.ts";
import type { CoachPreviousKeyResult } from "./types.ts";

/** `kr.not_measurable`: nothing says how to tell the key result was achieved. */
export function checkMeasurable(keyResult: KeyResultContext): RawFinding[] {
  if (keyResult.reading.isMeasurable) return [];
  const { predicate, original: text } = keyResult.analysis;
  return [
    {
      code: "kr.not_measurable",
      target: keyResult.target,
      params: {
        text,
        verb: predicate.verb,
        object: predicate.object,
        core: predicate.core,
        isOpenEnded: keyResult.reading.isOpenEnded,
      },
    },
  ];
}

/**
 * In a compound key result each result needs its own starting point: "留存率由 50% 提升至 80%，并且流失率低于
 * 5%" states one and not the other.
 */
function hasPartWithoutBaseline(analysis: TextAnalysis): boolean {
  const parts = measuredParts(analysis);
  if (parts.length < 2) return false;
  return parts.some((part) => {
    const end = part.start + part.text.length;
    const inPart = analysis.values.filter((value) => value.start >= part.start && value.end <= end);
    return !inPart.some((value) => isBaseline(analysis.text, value, analysis.values, analysis.language));
  });
}

/** The value the same measure ended at last cycle, with the key result it came from, if the caller gave one. */
function lastCycleValue(
  keyResult: KeyResultContext,
  previous: readonly CoachPreviousKeyResult[],
): { previousValue: string; previousTitle: string } | null {
  const withValue = previous.filter((item) => isGiven(item.currentValue));
  if (withValue.length === 0) return null;
  const signature = measureSignature(keyResult.analysis);
  for (const item of withValue) {
    if (!isSameMeasureName(signature, measureSignature(analyzeText(item.title)))) continue;
    const unit = item.unit?.trim() ?? "";
    const value = String(item.currentValue).trim();
    const spaced = unit === "" || unit === "%" ? unit : ` ${unit}`;
    return { previousValue: `${value}${spaced}`, previousTitle: item.title };
  }
  return null;
}

function isGiven(value: number | string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  return typeof value === "number" ? Number.isFinite(value) : value.trim() !== "";
}

/**
 * `kr.no_baseline`: a numeric target with no starting point in the words or in `startValue`. Done-or-not key
 * results have no baseline to state. When the owner had the same measure last cycle, its final value is offered
 * as the starting point.
 */
export function checkBaseline(
  keyResult: KeyResultContext,
  previous: readonly CoachPreviousKeyResult[] = [],
): RawFinding[] {
  const { analysis, structured } = keyResult;
  if (structured.isDoneOrNot || structured.hasStart) return [];
  if (analysis.hasBaseline && !hasPartWithoutBaseline(analysis)) return [];
  const target = analysis.values[analysis.values.length - 1];
  if (!target && !structured.hasTarget) return [];
  const metric = target?.raw ?? String(keyResult.input.targetValue ?? "");
  const offer = lastCycleValue(keyResult, previous);
  return [
    {
      code: "kr.no_baseline",
      target: keyResult.target,
      params: { text: analysis.original, metric, ...(offer ?? {}) },
    },
  ];
}
