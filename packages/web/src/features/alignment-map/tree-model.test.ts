import type { TreeNodePage, TreeNodeSummary } from "@luodi/client";
import { describe, expect, it } from "vitest";
import {
  emptyMap,
  loadUntilFound,
  type MapState,
  ROOTS,
  scrollTopFor,
  type TreeRow,
  visibleRows,
  windowOf,
  withExpanded,
  withLoading,
  withPage,
} from "./tree-model.ts";

function node(id: string, childCount = 0): TreeNodeSummary {
  return { objective: { id } as TreeNodeSummary["objective"], keyResults: [], childCount };
}
const page = (items: TreeNodeSummary[], nextCursor: string | null = null): TreeNodePage => ({
  items,
  nextCursor,
});
const lines = (rows: TreeRow[]) =>
  rows.map((r) =>
    r.kind === "node" ? `${r.depth}:${r.node.objective.id}` : `${r.depth}:more(${r.parentId})`,
  );

describe("the alignment map read level by level", () => {
  const base = withPage(emptyMap, ROOTS, page([node("c1", 2), node("c2", 1)]), false);

  it("draws the roots, then a node's children under it once it is open and they are loaded", () => {
    expect(lines(visibleRows(base))).toEqual(["0:c1", "0:c2"]);
    const open = withExpanded(base, ["c1"], true);
    // Open, but its level not here yet: nothing under it (the toggle shows it loading).
    expect(lines(visibleRows(open))).toEqual(["0:c1", "0:c2"]);
    const loaded = withPage(open, "c1", page([node("d1", 1), node("d2")]), false);
    expect(lines(visibleRows(loaded))).toEqual(["0:c1", "1:d1", "1:d2", "0:c2"]);
    expect(visibleRows(loaded)[1]).toMatchObject({ hasChildren: true, isExpanded: false });
    expect(lines(visibleRows(withExpanded(loaded, ["c1"], false)))).toEqual(["0:c1", "0:c2"]);
  });

  it("shows more of a level after its last loaded node, and appends the next page without duplicates", () => {
    const first = withPage(withExpanded(base, ["c1"], true), "c1", page([node("d1")], "next"), false);
    expect(lines(visibleRows(first))).toEqual(["0:c1", "1:d1", "1:more(c1)", "0:c2"]);
    const loading = withLoading(first, "c1", true);
    expect(visibleRows(loading)[2]).toMatchObject({ kind: "more", isLoading: true });
    const second = withPage(loading, "c1", page([node("d1"), node("d2")]), true);
    expect(lines(visibleRows(second))).toEqual(["0:c1", "1:d1", "1:d2", "0:c2"]);
    expect(second.loading.has("c1")).toBe(false);
  });

  it("reads a level page by page until the node a jump looks for is in it, and stops at the level's end", async () => {
    let state: MapState = base;
    const pages: Record<string, TreeNodePage> = {
      start: page([node("d1")], "p2"),
      p2: page([node("d2")], "p3"),
      p3: page([node("d3")]),
    };
    const asked: string[] = [];
    const fetchPage = async (cursor: string | undefined) => {
      asked.push(cursor ?? "start");
      return pages[cursor ?? "start"] as TreeNodePage;
    };
    const apply = (p: TreeNodePage, append: boolean) => {
      state = withPage(state, "c1", p, append);
    };
    expect(await loadUntilFound(() => state, "c1", "d2", fetchPage, apply)).toBe(true);
    expect(asked).toEqual(["start", "p2"]);
    expect(await loadUntilFound(() => state, "c1", "gone", fetchPage, apply)).toBe(false);
    expect(asked).toEqual(["start", "p2", "p3"]);
  });

  it("draws only the rows in view, plus a margin, and scrolls a jumped-to row a third down the view", () => {
    expect(windowOf(2000, 0, 480, 48, 2)).toEqual({ start: 0, end: 12 });
    expect(windowOf(2000, 4800, 480, 48, 2)).toEqual({ start: 98, end: 112 });
    expect(windowOf(5, 0, 480, 48)).toEqual({ start: 0, end: 5 });
    expect(scrollTopFor(100, 600, 52)).toBe(5000);
    expect(scrollTopFor(1, 600, 52)).toBe(0);
  });
});
