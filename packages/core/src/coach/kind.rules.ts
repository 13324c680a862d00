import type { OkrContext, RawFinding } from "./context.ts";
import type { CoachInput } from "./types.ts";

/*
 * Committed or aspirational (承诺型 / 挑战型): the coach says so where the key results' words contradict the
 * kind chosen — a promise that reads like a moonshot, or a bet that only keeps things as they are. Only the
 * words and the structured start and target decide; nothing is guessed about what is hard for a team.
 */

// Words that announce a stretch: multiples, breakthroughs, leadership of a field.
const STRETCH_ZH =
  /翻(一)?番|翻倍|倍增|[两二三四五六七八九十百\d]+倍|突破性|颠覆|行业(第一|领先|标杆)|全国第一|世界一流|遥遥领先|登顶/;
const STRETCH_EN =
  /\b(double|doubles|doubled|doubling|triple|tripled|quadruple|\d+x|ten-?fold|moonshot|breakthrough|industry[- ]leading|world[- ]class|category leader|number one|#1)\b/i;

// Words that hold the current level instead of moving it.
const ROUTINE_ZH = /保持|维持|稳定在|不低于|不少于|不高于|不超过|守住|持平/;
const ROUTINE_EN =
  /\b(maintain|maintains|maintained|keep|keeps|kept|sustain|sustained|remain|remains|stay|stays|hold|holds|at least|no less than|no more than|not (drop|fall) below|steady)\b/i;

function numberOf(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A stretch by the numbers: at least doubling a positive start, or cutting it to half or less. */
function isNumericStretch(start: number | null, target: number | null): boolean {
  if (start === null || target === null || start <= 0) return false;
  return target >= start * 2 || target <= start / 2;
}

function stretchOf(text: string, start: number | null, target: number | null): string | null {
  const word = STRETCH_ZH.exec(text)?.[0] ?? STRETCH_EN.exec(text)?.[0];
  if (word) return word;
  return isNumericStretch(start, target) ? `${start} → ${target}` : null;
}

function isRoutine(text: string, start: number | null, target: number | null): boolean {
  if (start !== null && target !== null && start === target) return true;
  return ROUTINE_ZH.test(text) || ROUTINE_EN.test(text);
}

/** `objective.committed_stretch` and `objective.aspirational_routine`, when the input says the kind. */
export function checkKind(context: OkrContext, kind: CoachInput["kind"]): RawFinding[] {
  if (!kind || context.keyResults.length === 0) return [];
  const read = context.keyResults.map((kr) => ({
    text: kr.analysis.original,
    start: numberOf(kr.input.startValue),
    target: numberOf(kr.input.targetValue),
  }));
  if (kind === "committed") {
    for (const kr of read) {
      const metric = stretchOf(kr.text, kr.start, kr.target);
      if (metric)
        return [
          { code: "objective.committed_stretch", target: "objective", params: { text: kr.text, metric } },
        ];
    }
    return [];
  }
  if (read.every((kr) => isRoutine(kr.text, kr.start, kr.target)))
    return [
      { code: "objective.aspirational_routine", target: "objective", params: { text: read[0]?.text ?? "" } },
    ];
  return [];
}
