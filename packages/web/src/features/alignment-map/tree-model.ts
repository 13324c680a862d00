import type { TreeNodePage, TreeNodeSummary } from "@luodi/client";

/** The key of the roots' level in {@link MapState.levels}: no objective has an empty id. */
export const ROOTS = "";

/** The loaded part of one level: its nodes in the map's order, and the cursor of the rest (null: all here). */
type Level = { ids: readonly string[]; nextCursor: string | null };

/**
 * What the map read level by level holds: every node loaded so far, the loaded levels (by parent id, or
 * {@link ROOTS}), which nodes are open and which levels are being fetched.
 */
export type MapState = {
  nodes: ReadonlyMap<string, TreeNodeSummary>;
  levels: ReadonlyMap<string, Level>;
  expanded: ReadonlySet<string>;
  loading: ReadonlySet<string>;
};

export const emptyMap: MapState = {
  nodes: new Map(),
  levels: new Map(),
  expanded: new Set(),
  loading: new Set(),
};

/** One line of the map: a node at its depth, or the "show more" of a level whose next page is not loaded. */
export type TreeRow =
  | { kind: "node"; node: TreeNodeSummary; depth: number; hasChildren: boolean; isExpanded: boolean }
  | { kind: "more"; parentId: string; depth: number; isLoading: boolean };

/** The state with a page of a level added: the first page replaces the level, the next ones extend it. */
export function withPage(state: MapState, parentId: string, page: TreeNodePage, append: boolean): MapState {
  const nodes = new Map(state.nodes);
  for (const item of page.items) nodes.set(item.objective.id, item);
  const before = append ? (state.levels.get(parentId)?.ids ?? []) : [];
  const seen = new Set(before);
  const ids = [...before, ...page.items.map((i) => i.objective.id).filter((id) => !seen.has(id))];
  const levels = new Map(state.levels);
  levels.set(parentId, { ids, nextCursor: page.nextCursor });
  return { ...state, nodes, levels, loading: without(state.loading, parentId) };
}

/** Nodes known from elsewhere (the ancestors a path answered), without touching any level. */
export function withNodes(state: MapState, items: readonly TreeNodeSummary[]): MapState {
  const nodes = new Map(state.nodes);
  for (const item of items) nodes.set(item.objective.id, item);
  return { ...state, nodes };
}

export function withLoading(state: MapState, parentId: string, isLoading: boolean): MapState {
  const loading = isLoading ? new Set([...state.loading, parentId]) : without(state.loading, parentId);
  return { ...state, loading };
}

export function withExpanded(state: MapState, ids: Iterable<string>, open: boolean): MapState {
  const expanded = new Set(state.expanded);
  for (const id of ids) {
    if (open) expanded.add(id);
    else expanded.delete(id);
  }
  return { ...state, expanded };
}

function without(set: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(set);
  next.delete(key);
  return next;
}

/**
 * The lines to draw: the loaded roots and, under each open node, its loaded children, depth first, with a
 * "show more" line after a level that has more. Closed branches cost nothing.
 */
export function visibleRows(state: MapState): TreeRow[] {
  const rows: TreeRow[] = [];
  type Item = { id: string; depth: number } | { more: string; depth: number };
  const stack: Item[] = [];
  const pushLevel = (parentId: string, depth: number) => {
    const level = state.levels.get(parentId);
    if (!level) return;
    if (level.nextCursor) stack.push({ more: parentId, depth });
    for (let i = level.ids.length - 1; i >= 0; i--) stack.push({ id: level.ids[i] as string, depth });
  };
  pushLevel(ROOTS, 0);
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    if ("more" in item) {
      rows.push({
        kind: "more",
        parentId: item.more,
        depth: item.depth,
        isLoading: state.loading.has(item.more),
      });
      continue;
    }
    const node = state.nodes.get(item.id);
    if (!node) continue;
    const hasChildren = node.childCount > 0;
    const isExpanded = hasChildren && state.expanded.has(item.id);
    rows.push({ kind: "node", node, depth: item.depth, hasChildren, isExpanded });
    if (isExpanded) pushLevel(item.id, item.depth + 1);
  }
  return rows;
}

/** How many objectives the drawn lines show. */
export function countShown(rows: readonly TreeRow[]): number {
  return rows.filter((r) => r.kind === "node").length;
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

/** Where the map should scroll so a line sits a third of the way down the view (not hidden under the top). */
export function scrollTopFor(index: number, viewportHeight: number, rowHeight: number): number {
  return Math.max(0, index * rowHeight - Math.floor(viewportHeight / 3));
}

/** The reading of a level page by page until `id` is in it (or the level ends): how a jump finds a node. */
export async function loadUntilFound(
  state: () => MapState,
  parentId: string,
  id: string,
  fetchPage: (cursor: string | undefined) => Promise<TreeNodePage>,
  apply: (page: TreeNodePage, append: boolean) => void,
): Promise<boolean> {
  let level = state().levels.get(parentId);
  if (!level) {
    apply(await fetchPage(undefined), false);
    level = state().levels.get(parentId);
  }
  while (level && !level.ids.includes(id) && level.nextCursor) {
    apply(await fetchPage(level.nextCursor), true);
    level = state().levels.get(parentId);
  }
  return level?.ids.includes(id) ?? false;
}
