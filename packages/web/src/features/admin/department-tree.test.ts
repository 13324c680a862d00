import type { Department } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { buildDepartmentTree, departmentPath, subtreeIds } from "./department-tree.ts";

const dept = (id: string, name: string, parentId: string | null): Department => ({
  id,
  name,
  parentId,
  leaderId: null,
  version: 1,
});
const list = [
  dept("r", "Acme", null),
  dept("s", "Sales", "r"),
  dept("e", "East", "s"),
  dept("a", "Ads", "r"),
];

describe("department tree", () => {
  it("nests departments under their parents, siblings by name", () => {
    const tree = buildDepartmentTree(list);
    expect(tree.map((n) => n.department.id)).toEqual(["r"]);
    expect(tree[0]?.children.map((n) => n.department.name)).toEqual(["Ads", "Sales"]);
    expect(tree[0]?.children[1]?.children.map((n) => n.department.id)).toEqual(["e"]);
  });

  it("knows a department's subtree, where it cannot move", () => {
    expect([...subtreeIds(list, "s")].sort()).toEqual(["e", "s"]);
  });

  it("names a department by its path", () => {
    expect(departmentPath(list, "e")).toBe("Acme / Sales / East");
  });
});
