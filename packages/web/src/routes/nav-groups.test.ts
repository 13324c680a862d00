import { describe, expect, it } from "vitest";
import { groupNavItems } from "./nav-groups.ts";

const item = (key: string) => ({ key, icon: "icon", label: key });
const GROUPS = [
  { key: "insights", label: "Insights", members: ["/dashboard", "/alignment-map", "/rollout"] },
  { key: "learning", label: "Guide", members: ["/guide", "/templates"] },
];

describe("groupNavItems", () => {
  it("folds related entries into one where the first stood, without icons", () => {
    const items = ["/", "/dashboard", "/alignment-map", "/rollout", "/admin", "/guide", "/templates"].map(
      item,
    );
    expect(groupNavItems(items, GROUPS)).toEqual([
      { key: "/", label: "/" },
      {
        key: "insights",
        label: "Insights",
        children: [
          { key: "/dashboard", label: "/dashboard" },
          { key: "/alignment-map", label: "/alignment-map" },
          { key: "/rollout", label: "/rollout" },
        ],
      },
      { key: "/admin", label: "/admin" },
      {
        key: "learning",
        label: "Guide",
        children: [
          { key: "/guide", label: "/guide" },
          { key: "/templates", label: "/templates" },
        ],
      },
    ]);
  });

  it("shows a group of one as that entry, and no group without entries", () => {
    expect(groupNavItems(["/", "/dashboard"].map(item), GROUPS)).toEqual([
      { key: "/", label: "/" },
      { key: "/dashboard", label: "/dashboard" },
    ]);
  });
});
