import type { OkrContext, RawFinding } from "./context.ts";

/** Most key results an objective should have. */
const MAX_KEY_RESULTS = 5;
/** Most objectives one owner should carry in a cycle. */
const MAX_OBJECTIVES_PER_OWNER = 5;

/** Checks the shape of the OKR: how many key results, and how many objectives the owner carries. */
export function checkSet(context: OkrContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const count = context.keyResults.length;
  if (count === 0) findings.push({ code: "set.no_krs", target: "set", params: { count } });
  if (count === 1) findings.push({ code: "set.one_kr", target: "set", params: { count } });
  if (count > MAX_KEY_RESULTS) {
    findings.push({ code: "set.too_many_krs", target: "set", params: { count, limit: MAX_KEY_RESULTS } });
  }
  const owned = context.ownerObjectiveCount;
  if (owned !== null && owned > MAX_OBJECTIVES_PER_OWNER) {
    findings.push({
      code: "set.too_many_objectives",
      target: "set",
      params: { count: owned, limit: MAX_OBJECTIVES_PER_OWNER },
    });
  }
  return findings;
}
