import type { Department } from "@luodi/client";
import { Tree } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { buildDepartmentTree, type DepartmentNode } from "../admin/department-tree.ts";

type Item = { key: string; title: string; children: Item[] };

function toItems(nodes: readonly DepartmentNode[]): Item[] {
  return nodes.map((n) => ({
    key: n.department.id,
    title: n.department.name,
    children: toItems(n.children),
  }));
}

/** The department tree to browse: a click opens the department's page. */
export function DepartmentTreeNav({
  departments,
  selectedId,
}: {
  departments: readonly Department[];
  selectedId?: string;
}) {
  const navigate = useNavigate();
  const items = useMemo(() => toItems(buildDepartmentTree(departments)), [departments]);
  return (
    <Tree
      key={departments.length}
      treeData={items}
      defaultExpandAll
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) navigate(`/departments/${String(key)}`);
      }}
      data-testid="department-nav"
    />
  );
}
