import { describe, expect, it } from "vitest";
import en from "../../i18n/en.json";
import zhCN from "../../i18n/zh-CN.json";
import { describeChanges, ownersNamedIn, type Translate } from "./change-fields.ts";

// The catalogues' own words, looked up as i18next would.
const translator =
  (catalogue: Record<string, unknown>): Translate =>
  (key) =>
    String(
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue),
    );

describe("describeChanges", () => {
  it("names the fields and the values of a change in the user's language, never the API's codes", () => {
    const before = { targetValue: 10, visibility: "public", updatedAt: "2027-04-01T00:00:00Z" };
    const after = { targetValue: 12, visibility: "department", updatedAt: "2027-04-02T00:00:00Z" };
    expect(describeChanges(translator(zhCN), before, after)).toEqual([
      { field: "targetValue", label: "目标值", before: "10", after: "12" },
      { field: "visibility", label: "可见范围", before: "全员可见", after: "本部门及上级领导可见" },
    ]);
    expect(
      describeChanges(translator(en), before, after).map((c) => `${c.label}: ${c.before} → ${c.after}`),
    ).toEqual([
      "Target: 10 → 12",
      "Visibility: Everyone in the organization → The department and leaders above it",
    ]);
  });

  it("shows directions and statuses by their labels, owners by name, milestones by title, nothing as —", () => {
    const names = new Map([["u1", "李雷"]]);
    const changes = describeChanges(
      translator(zhCN),
      { direction: "increase", ownerUserId: null, milestones: [{ title: "草案" }], status: "draft" },
      {
        direction: "decrease",
        ownerUserId: "u1",
        milestones: [{ title: "草案" }, { title: "发布" }],
        status: "published",
      },
      names,
    );
    expect(changes.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      "方向: 增长 → 降低",
      "负责人: — → 李雷",
      "里程碑: 草案 → 草案, 发布",
      "状态: 草稿 → 已发布",
    ]);
  });

  it("names the owners a change mentions, before and after, once each", () => {
    expect(
      ownersNamedIn(
        { ownerUserId: "u1", title: "x" },
        { ownerUserId: "u2" },
        { ownerUserId: "u1" },
        null,
        {},
      ),
    ).toEqual(["u1", "u2"]);
    expect(ownersNamedIn({ ownerUserId: null }, undefined)).toEqual([]);
  });
});
