import type { Cycle } from "@luodi/client";

export type Phase = Cycle["phase"];

/** The phases of a cycle in their only order: 制定 → 对齐 → 执行 → 评分 → 复盘 → 已结束. */
const PHASES: readonly Phase[] = ["planning", "aligning", "in_progress", "scoring", "reviewing", "closed"];

/** The one phase a cycle may move to next (the API refuses skipping and going back), or null once closed. */
export function nextPhaseOf(phase: Phase): Phase | null {
  const index = PHASES.indexOf(phase);
  return PHASES[index + 1] ?? null;
}
