import { LEVEL_RANK } from "./alignment.ts";
import type { ObjectiveLevel } from "./types.ts";

/** What placing an objective on the alignment map needs to know of it. */
export type AlignmentTreeObjective = {
  id: string;
  level: ObjectiveLevel;
  createdAt: string;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
};

/**
 * The alignment map's shape over a set of objectives (those one caller sees in one cycle): which are roots,
 * each one's children in the map's order, and the parent it is drawn under. The full tree and the map read
 * level by level are both drawn from this, so they cannot disagree.
 */
export type AlignmentForest = {
  /** Roots in order: objectives whose parent is not in the set, then any caught in a loop of links. */
  roots: readonly string[];
  /** Children in order, by parent; a leaf has no entry. */
  children: ReadonlyMap<string, readonly string[]>;
  /** The parent an objective is drawn under (null for a root). */
  parentOf: ReadonlyMap<string, string | null>;
  /** Every objective once, depth first in the map's order (how a search lists its hits). */
  order: readonly string[];
};

/**
 * The map's order among siblings: company before department before personal, then oldest first, then by id
 * (the order the objectives are listed in), so a page of siblings can resume after the last one it showed.
 */
export function compareAlignmentSiblings(
  a: Pick<AlignmentTreeObjective, "level" | "createdAt" | "id">,
  b: Pick<AlignmentTreeObjective, "level" | "createdAt" | "id">,
): number {
  return (
    LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
    a.createdAt.localeCompare(b.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Places each objective under the objective it aligns to, directly or through one of its key results
 * (`objectiveOfKeyResult`), when that parent is in the set; otherwise it is a root. Objectives caught in a
 * loop of links (which alignment forbids, but old data may hold) still show: the first of the loop in the
 * map's order becomes a root and the link that closes the loop is dropped, rather than the loop vanishing.
 */
export function alignmentForest(
  objectives: readonly AlignmentTreeObjective[],
  objectiveOfKeyResult: ReadonlyMap<string, string>,
): AlignmentForest {
  const ids = new Set(objectives.map((o) => o.id));
  const linkOf = (o: AlignmentTreeObjective): string | null => {
    const parent =
      o.parentObjectiveId ??
      (o.parentKeyResultId ? (objectiveOfKeyResult.get(o.parentKeyResultId) ?? null) : null);
    return parent && ids.has(parent) && parent !== o.id ? parent : null;
  };
  const ordered = [...objectives].sort(compareAlignmentSiblings);
  const linked = new Map<string, string[]>();
  const rootIds: string[] = [];
  for (const o of ordered) {
    const parent = linkOf(o);
    if (!parent) rootIds.push(o.id);
    else {
      const siblings = linked.get(parent);
      if (siblings) siblings.push(o.id);
      else linked.set(parent, [o.id]);
    }
  }
  const children = new Map<string, string[]>();
  const parentOf = new Map<string, string | null>();
  const order: string[] = [];
  const roots: string[] = [];
  // Depth first without recursion: a chain of thousands of objectives must not overflow the stack.
  const place = (rootId: string) => {
    roots.push(rootId);
    parentOf.set(rootId, null);
    const stack = [rootId];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      order.push(id);
      const kids = (linked.get(id) ?? []).filter((c) => !parentOf.has(c));
      if (kids.length === 0) continue;
      children.set(id, kids);
      for (const c of kids) parentOf.set(c, id);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as string);
    }
  };
  for (const id of rootIds) place(id);
  for (const o of ordered) if (!parentOf.has(o.id)) place(o.id);
  return { roots, children, parentOf, order };
}

/** The objectives above one on the map, from its root down to its parent; null when it is not on the map. */
export function alignmentPath(forest: AlignmentForest, objectiveId: string): string[] | null {
  if (!forest.parentOf.has(objectiveId)) return null;
  const path: string[] = [];
  for (let p = forest.parentOf.get(objectiveId); p; p = forest.parentOf.get(p)) path.push(p);
  return path.reverse();
}
