import { COACH_CODE_SPECS, SEVERITY_PENALTY } from "./codes.ts";
import { buildContext, type OkrContext, type RawFinding } from "./context.ts";
import { checkDuplicates } from "./duplicate.rules.ts";
import { checkKind } from "./kind.rules.ts";
import { checkCompound } from "./kr-compound.rules.ts";
import { checkBaseline, checkMeasurable } from "./kr-measure.rules.ts";
import { checkTask } from "./kr-task.rules.ts";
import { checkWeaselWords } from "./kr-weasel.rules.ts";
import { renderFinding } from "./messages.ts";
import { checkObjective } from "./objective.rules.ts";
import { checkSet } from "./set.rules.ts";
import type {
  CoachFinding,
  CoachInput,
  CoachLocale,
  CoachOptions,
  CoachReview,
  CoachSeverity,
} from "./types.ts";

/** Runs every rule over an OKR that has been read. */
function collectFindings(context: OkrContext, kind: CoachInput["kind"]): RawFinding[] {
  const findings: RawFinding[] = [...checkObjective(context), ...checkKind(context, kind)];
  for (const keyResult of context.keyResults) {
    findings.push(
      ...checkMeasurable(keyResult),
      ...checkTask(keyResult),
      ...checkWeaselWords(keyResult),
      ...checkCompound(keyResult),
      ...checkBaseline(keyResult, context.previousKeyResults),
    );
  }
  findings.push(...checkSet(context), ...checkDuplicates(context));
  return findings;
}

/** 100 minus 25 per error, 10 per warning and 3 per info, never below 0. */
export function scoreFindings(findings: ReadonlyArray<{ severity: CoachSeverity }>): number {
  const penalty = findings.reduce((sum, finding) => sum + SEVERITY_PENALTY[finding.severity], 0);
  return Math.max(0, 100 - penalty);
}

/** The language the OKR is written in: the one most of its texts are in, the objective deciding a tie. */
function messageLocale(context: OkrContext): CoachLocale {
  const analyses = [context.objective, ...context.keyResults.map((keyResult) => keyResult.analysis)];
  const chinese = analyses.filter((analysis) => analysis.language === "zh").length;
  const english = analyses.length - chinese;
  if (chinese === english) return context.objective.language === "zh" ? "zh-CN" : "en";
  return chinese > english ? "zh-CN" : "en";
}

/**
 * Reviews an OKR and returns its score and findings. Each text is analysed in its own language; `locale`
 * only picks the language of messages and defaults to the language the OKR is written in.
 */
export function reviewOkr(input: CoachInput, options: CoachOptions = {}): CoachReview {
  const context = buildContext(input);
  const locale = options.locale ?? messageLocale(context);
  const findings: CoachFinding[] = collectFindings(context, input.kind).map((raw) => ({
    code: raw.code,
    severity: COACH_CODE_SPECS[raw.code].severity,
    target: raw.target,
    ...renderFinding(raw.code, locale, raw.params),
  }));
  return { score: scoreFindings(findings), findings };
}
