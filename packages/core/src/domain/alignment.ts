import { departmentAncestors, managerChain } from "./org-graph.ts";
import type { ObjectiveLevel, OrgGraph } from "./types.ts";

/** How high each level sits: an objective aligns upward to a higher rank (or the same rank, see below). */
export const LEVEL_RANK: Readonly<Record<ObjectiveLevel, number>> = {
  company: 3,
  department: 2,
  personal: 1,
};

/** A cycle as alignment reads it: dates are YYYY-MM-DD, so text order is date order. */
export type AlignmentCycle = { id: string; startDate: string; endDate: string };

/** One end of an alignment: the child objective, or the parent (objective, or the objective of a parent KR). */
export type AlignmentEnd = {
  id: string;
  level: ObjectiveLevel;
  cycle: AlignmentCycle;
  ownerDepartmentId: string | null;
  ownerUserId: string | null;
};

/** The error codes an alignment can be refused with. */
export type AlignmentError = "alignment.loop" | "alignment.level" | "alignment.period";

/** True when `outer` is another cycle whose dates contain `inner`'s (a year around its quarter). */
export function cycleEncloses(outer: AlignmentCycle, inner: AlignmentCycle): boolean {
  return outer.id !== inner.id && outer.startDate <= inner.startDate && outer.endDate >= inner.endDate;
}

/** What {@link checkAlignment} reads. */
export type CheckAlignmentInput = {
  /** The objective that aligns upward. */
  child: AlignmentEnd;
  /** The parent objective, or the objective of the parent KR. */
  parent: AlignmentEnd;
  /** The organization, for department ancestry and manager chains. */
  graph: OrgGraph;
  /**
   * The objectives an objective currently leads up to: the one it aligns to (directly or through a KR),
   * and those holding the `sum` KRs its KRs contribute to (a contribution is an alignment too).
   */
  parentsOfObjective: (id: string) => readonly string[];
};

// Walks the existing upward links from the parent; reaching the child means the new link closes a loop.
// Each objective is visited once, so links that are already cyclic cannot hang it.
function reachesUpward(
  from: string,
  target: string,
  parentsOfObjective: (id: string) => readonly string[],
): boolean {
  const seen = new Set<string>([from]);
  const frontier = [from];
  for (let current = frontier.pop(); current !== undefined; current = frontier.pop()) {
    if (current === target) return true;
    for (const parent of parentsOfObjective(current)) {
      if (!seen.has(parent)) {
        seen.add(parent);
        frontier.push(parent);
      }
    }
  }
  return false;
}

// Same-level alignment is upward only when something structural puts the parent above the child.
function isAboveAtSameLevel(child: AlignmentEnd, parent: AlignmentEnd, graph: OrgGraph): boolean {
  if (cycleEncloses(parent.cycle, child.cycle)) return true;
  switch (child.level) {
    case "company":
      return false;
    case "department":
      return (
        child.ownerDepartmentId !== null &&
        parent.ownerDepartmentId !== null &&
        departmentAncestors(graph, child.ownerDepartmentId).includes(parent.ownerDepartmentId)
      );
    case "personal":
      return (
        child.ownerUserId !== null &&
        parent.ownerUserId !== null &&
        managerChain(graph, child.ownerUserId).includes(parent.ownerUserId)
      );
  }
}

/**
 * Checks an upward alignment and returns the error code to refuse it with, or null when it is allowed.
 * Checked in order: period (the parent's cycle must be the child's or enclose it), loop, then level.
 */
export function checkAlignment({
  child,
  parent,
  graph,
  parentsOfObjective,
}: CheckAlignmentInput): AlignmentError | null {
  if (parent.cycle.id !== child.cycle.id && !cycleEncloses(parent.cycle, child.cycle))
    return "alignment.period";
  if (reachesUpward(parent.id, child.id, parentsOfObjective)) return "alignment.loop";
  const parentRank = LEVEL_RANK[parent.level];
  const childRank = LEVEL_RANK[child.level];
  if (parentRank > childRank) return null;
  if (parentRank === childRank && isAboveAtSameLevel(child, parent, graph)) return null;
  return "alignment.level";
}

/** Alignment coverage (对齐率): the share of non-company objectives that align upward (0 when there are none). */
export function alignmentCoverage(
  objectives: readonly { level: ObjectiveLevel; hasParent: boolean }[],
): number {
  let counted = 0;
  let aligned = 0;
  for (const objective of objectives) {
    // Company objectives are the top: nothing above them to align to, so they do not count.
    if (objective.level === "company") continue;
    counted += 1;
    if (objective.hasParent) aligned += 1;
  }
  return counted === 0 ? 0 : aligned / counted;
}
