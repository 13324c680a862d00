import type { TreeNode } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { allParents, countNodes, defaultExpanded, visibleRows, windowOf } from "./tree-model.ts";

function node(id: string, children: TreeNode[] = []): TreeNode {
  return { objective: { id } as TreeNode["objective"], keyResults: [], children };
}

const tree = [node("c1", [node("d1", [node("p1"), node("p2")]), node("d2")]), node("c2")];

describe("the alignment map's rows", () => {
  it("opens the roots only by default: company objectives and the level under them", () => {
    const rows = visibleRows(tree, defaultExpanded(tree));
    expect(rows.map((r) => `${r.depth}:${r.node.objective.id}`)).toEqual(["0:c1", "1:d1", "1:d2", "0:c2"]);
    expect(rows[1]).toMatchObject({ hasChildren: true, isExpanded: false });
  });

  it("shows a node's children, in order, once it is opened", () => {
    const rows = visibleRows(tree, new Set(["c1", "d1"]));
    expect(rows.map((r) => r.node.objective.id)).toEqual(["c1", "d1", "p1", "p2", "d2", "c2"]);
  });

  it("opens everything, and counts every node", () => {
    expect([...allParents(tree)].sort()).toEqual(["c1", "d1"]);
    expect(countNodes(tree)).toBe(6);
  });

  it("draws only the rows in view, plus a margin", () => {
    expect(windowOf(2000, 0, 480, 48, 2)).toEqual({ start: 0, end: 12 });
    expect(windowOf(2000, 4800, 480, 48, 2)).toEqual({ start: 98, end: 112 });
    expect(windowOf(5, 0, 480, 48)).toEqual({ start: 0, end: 5 });
  });
});
