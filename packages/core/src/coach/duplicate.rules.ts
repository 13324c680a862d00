import type { KeyResultContext, OkrContext, RawFinding } from "./context.ts";
import { isDuplicateMeasure, measureSignature } from "./measure-name.ts";

/** Pairs of key results (0-based) that state the same measure in near-identical words (measure-name.ts). */
export function findDuplicatePairs(keyResults: readonly KeyResultContext[]): Array<[number, number]> {
  const signatures = keyResults.map((keyResult) => measureSignature(keyResult.analysis, keyResult.input));
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < signatures.length; i++) {
    for (let j = i + 1; j < signatures.length; j++) {
      const a = signatures[i];
      const b = signatures[j];
      if (a && b && isDuplicateMeasure(a, b)) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** `set.duplicate_krs`: two key results say the same thing. */
export function checkDuplicates(context: OkrContext): RawFinding[] {
  const pair = findDuplicatePairs(context.keyResults)[0];
  if (!pair) return [];
  return [{ code: "set.duplicate_krs", target: "set", params: { first: pair[0] + 1, second: pair[1] + 1 } }];
}
