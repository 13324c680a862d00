import type { KeyResultContext, RawFinding } from "./context.ts";
import { suggestOutcome } from "./task-advice.ts";

/** `kr.is_task`: the key result is an activity or deliverable with no outcome measure attached (kr-reading.ts). */
export function checkTask(keyResult: KeyResultContext): RawFinding[] {
  const { analysis, reading } = keyResult;
  if (!reading.isTask) return [];
  const { predicate } = analysis;
  return [
    {
      code: "kr.is_task",
      target: keyResult.target,
      params: {
        text: analysis.original,
        verb: predicate.verb,
        core: predicate.core,
        object: predicate.object,
        outcome: suggestOutcome(analysis),
      },
    },
  ];
}
