import type { KeyResultContext, RawFinding } from "./context.ts";
import { findPredicate } from "./predicate.ts";
import { splitClauses } from "./segment.ts";
import type { TextAnalysis } from "./text-analysis.ts";

/**
 * Whether the key result carries a measure of change besides the count of its own output: a baseline, a
 * percentage, an amount of money, a multiple, or a later clause that states a change ("举办 6 场沙龙，带来
 * 300 条线索").
 */
function hasOutcomeMeasure(analysis: TextAnalysis): boolean {
  if (analysis.hasBaseline) return true;
  if (
    analysis.values.some(
      (value) => value.kind === "percent" || value.kind === "currency" || value.kind === "multiplier",
    )
  ) {
    return true;
  }
  const clauses = splitClauses(analysis.text).slice(1);
  return clauses.some((clause) => {
    const predicate = findPredicate(clause.text, analysis.language);
    const hasFigure = analysis.values.some((value) => value.start >= clause.start);
    return (
      hasFigure && (predicate.kind === "change" || predicate.kind === "outcome" || predicate.kind === "none")
    );
  });
}

/** `kr.is_task`: the key result is an activity or deliverable with no outcome measure attached. */
export function checkTask(keyResult: KeyResultContext): RawFinding[] {
  const { analysis } = keyResult;
  const { predicate } = analysis;
  if (predicate.kind !== "output" && predicate.kind !== "activity") return [];
  if (hasOutcomeMeasure(analysis)) return [];
  return [
    {
      code: "kr.is_task",
      target: keyResult.target,
      params: {
        text: analysis.original,
        verb: predicate.verb,
        core: predicate.core,
        object: predicate.object,
      },
    },
  ];
}
