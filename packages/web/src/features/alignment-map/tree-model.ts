import type { TreeNode } from "@luodi/client";

/** One visible line of the alignment map: a node at its depth, open or closed. */
export type TreeRow = { node: TreeNode; depth: number; hasChildren: boolean; isExpanded: boolean };

/**
 * The lines to draw: every root, and the children of the nodes that are open, depth first. Only these are
 * built, so a closed branch of a thousand objectives costs nothing.
 */
export function visibleRows(roots: readonly TreeNode[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const stack: Array<{ node: TreeNode; depth: number }> = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    const node = roots[i];
    if (node) stack.push({ node, depth: 0 });
  }
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { node, depth } = item;
    const hasChildren = node.children.length > 0;
    const isExpanded = hasChildren && expanded.has(node.objective.id);
    rows.push({ node, depth, hasChildren, isExpanded });
    if (isExpanded) {
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i];
        if (child) stack.push({ node: child, depth: depth + 1 });
      }
    }
  }
  return rows;
}

/** What opens by default: the roots, so company objectives show the level under them and no deeper. */
export function defaultExpanded(roots: readonly TreeNode[]): Set<string> {
  return new Set(roots.filter((r) => r.children.length > 0).map((r) => r.objective.id));
}

/** Every node that has children: "expand all". */
export function allParents(roots: readonly TreeNode[]): Set<string> {
  const ids = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.children.length > 0) {
      ids.add(node.objective.id);
      stack.push(...node.children);
    }
  }
  return ids;
}

/** How many objectives the tree holds. */
export function countNodes(roots: readonly TreeNode[]): number {
  let count = 0;
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    count += 1;
    stack.push(...node.children);
  }
  return count;
}

/** The slice of rows a scrolled window shows, with a few extra above and below for smooth scrolling. */
export function windowOf(
  total: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  overscan = 8,
): { start: number; end: number } {
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { start, end };
}
