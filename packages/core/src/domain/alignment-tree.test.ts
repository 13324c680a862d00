import { describe, expect, it } from "vitest";
import { type AlignmentTreeObjective, alignmentForest, alignmentPath } from "./alignment-tree.ts";

let clock = 0;
function o(
  id: string,
  level: AlignmentTreeObjective["level"],
  parent: { objective?: string; keyResult?: string } = {},
): AlignmentTreeObjective {
  clock += 1;
  return {
    id,
    level,
    createdAt: new Date(Date.UTC(2027, 0, 1, 0, 0, clock)).toISOString(),
    parentObjectiveId: parent.objective ?? null,
    parentKeyResultId: parent.keyResult ?? null,
  };
}

describe("the alignment forest", () => {
  it("puts each objective under the one it aligns to, directly or through a key result, company first", () => {
    const objectives = [
      o("p1", "personal", { keyResult: "kr-d1" }),
      o("d1", "department", { objective: "c1" }),
      o("c1", "company"),
      o("d2", "department", { objective: "c1" }),
      o("c2", "company"),
    ];
    const forest = alignmentForest(objectives, new Map([["kr-d1", "d1"]]));
    expect(forest.roots).toEqual(["c1", "c2"]);
    expect(forest.children.get("c1")).toEqual(["d1", "d2"]);
    expect(forest.children.get("d1")).toEqual(["p1"]);
    expect(forest.children.has("p1")).toBe(false);
    expect(forest.order).toEqual(["c1", "d1", "p1", "d2", "c2"]);
    expect(alignmentPath(forest, "p1")).toEqual(["c1", "d1"]);
    expect(alignmentPath(forest, "c2")).toEqual([]);
    expect(alignmentPath(forest, "unknown")).toBeNull();
  });

  it("makes roots of objectives whose parent is not among them, and ignores a link to itself", () => {
    const forest = alignmentForest(
      [o("d1", "department", { objective: "hidden" }), o("d2", "department", { objective: "d2" })],
      new Map(),
    );
    expect(forest.roots).toEqual(["d1", "d2"]);
    expect(forest.children.size).toBe(0);
  });

  it("still shows objectives caught in a loop, the first of the loop as a root, and what hangs below them", () => {
    const forest = alignmentForest(
      [
        o("a", "department", { objective: "b" }),
        o("b", "department", { objective: "a" }),
        o("x", "personal", { objective: "b" }),
        o("c", "company"),
      ],
      new Map(),
    );
    expect(forest.roots).toEqual(["c", "a"]);
    expect(forest.children.get("a")).toEqual(["b"]);
    expect(forest.children.get("b")).toEqual(["x"]);
    expect(alignmentPath(forest, "x")).toEqual(["a", "b"]);
    expect(new Set(forest.order).size).toBe(4);
  });

  it("walks a chain of 20,000 links without overflowing the stack", () => {
    const chain = [o("n0", "company")];
    for (let i = 1; i < 20_000; i++) chain.push(o(`n${i}`, "personal", { objective: `n${i - 1}` }));
    const forest = alignmentForest(chain, new Map());
    expect(forest.roots).toEqual(["n0"]);
    expect(alignmentPath(forest, "n19999")).toHaveLength(19_999);
  });
});
