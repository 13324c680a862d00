import { type CoachFinding, type CoachLocale, reviewOkr } from "@luodi/core";
import type { DraftOkr } from "./draft.ts";

/** A coach finding placed in a file, as `luodi lint` reports it. */
export type LintFinding = {
  file: string;
  /** Line (Markdown, CSV) or row (xlsx) of the objective or key result the finding is about. */
  line: number;
  /** Title of the objective the finding belongs to. */
  objective: string;
} & Pick<CoachFinding, "code" | "severity" | "target" | "message" | "suggestion">;

/** Options for `lintDrafts`. */
export type LintOptions = {
  /** Language of messages; default: the language each OKR is written in. */
  locale?: CoachLocale | undefined;
  /** How many objectives the owner has in the cycle, for `set.too_many_objectives`. */
  ownerObjectiveCount?: number | undefined;
};

function lineOf(draft: DraftOkr, target: CoachFinding["target"]): number {
  const index = /^keyResults\[(\d+)\]$/.exec(target)?.[1];
  if (index === undefined) return draft.objective.line;
  return draft.keyResults[Number(index)]?.line ?? draft.objective.line;
}

/** Runs the coach on each objective of a file and places its findings on lines, in line order. */
export function lintDrafts(
  file: string,
  drafts: readonly DraftOkr[],
  options: LintOptions = {},
): LintFinding[] {
  const findings = drafts.flatMap((draft) => {
    const review = reviewOkr(
      {
        objective: { title: draft.objective.title },
        keyResults: draft.keyResults.map(({ title, type, startValue, targetValue }) => ({
          title,
          type: type ?? null,
          startValue: startValue ?? null,
          targetValue: targetValue ?? null,
        })),
        ownerObjectiveCount: options.ownerObjectiveCount ?? null,
      },
      options.locale ? { locale: options.locale } : {},
    );
    return review.findings.map(
      (finding): LintFinding => ({
        file,
        line: lineOf(draft, finding.target),
        objective: draft.objective.title,
        code: finding.code,
        severity: finding.severity,
        target: finding.target,
        message: finding.message,
        suggestion: finding.suggestion,
      }),
    );
  });
  // Array.prototype.sort is stable, so findings on one line keep the coach's order.
  return findings.sort((a, b) => a.line - b.line);
}
