import type { ObjectiveDetail } from "@luodi/client";
import { describe, expect, it } from "vitest";
import {
  alignmentChange,
  keyResultInputOf,
  objectiveInputOf,
  objectivePatchOf,
  valuesOf,
} from "./editor-model.ts";

describe("the editor's model", () => {
  it("sends only the fields each KR type takes", () => {
    expect(
      keyResultInputOf({
        title: " 付费客户 ",
        type: "number",
        startValue: 120,
        targetValue: 200,
        unit: "家",
        direction: "increase",
        weight: 2,
      }),
    ).toEqual({
      title: "付费客户",
      type: "number",
      startValue: 120,
      targetValue: 200,
      unit: "家",
      direction: "increase",
      weight: 2,
    });
    expect(
      keyResultInputOf({
        title: "上线",
        type: "milestone",
        startValue: 0,
        milestones: [{ title: "设计" }, { title: "开发", weight: 2 }],
      }),
    ).toEqual({
      title: "上线",
      type: "milestone",
      milestones: [{ title: "设计" }, { title: "开发", weight: 2 }],
    });
    expect(keyResultInputOf({ title: "通过审计", type: "boolean", startValue: 0, targetValue: 1 })).toEqual({
      title: "通过审计",
      type: "boolean",
    });
    expect(
      keyResultInputOf({ title: "部门合计", type: "rollup", aggregation: "progress", targetValue: 9 }),
    ).toEqual({
      title: "部门合计",
      type: "rollup",
      aggregation: "progress",
    });
    expect(
      keyResultInputOf({
        title: "销售额",
        type: "rollup",
        aggregation: "sum",
        startValue: 0,
        targetValue: 9,
      }),
    ).toEqual({
      title: "销售额",
      type: "rollup",
      aggregation: "sum",
      startValue: 0,
      targetValue: 9,
    });
  });

  it("gives company objectives to the root department and personal ones to a person", () => {
    const base = { cycleId: "c", title: "t", visibility: "public" as const, keyResults: [] };
    expect(objectiveInputOf({ ...base, level: "company", ownerUserId: "me" }, "root")).toMatchObject({
      level: "company",
      ownerDepartmentId: "root",
    });
    expect(objectiveInputOf({ ...base, level: "personal", ownerUserId: "me" }, "root")).toMatchObject({
      level: "personal",
      ownerUserId: "me",
    });
  });

  const existing = {
    id: "o",
    cycleId: "c",
    level: "personal",
    ownerUserId: "me",
    ownerDepartmentId: null,
    title: "让客户爱上我们",
    description: "",
    weight: 1,
    visibility: "public",
    keyResults: [],
    alignment: { parentObjectiveId: "p", parentKeyResultId: null, supports: ["a", "b"] },
  } as unknown as ObjectiveDetail;

  it("patches only what changed", () => {
    const values = valuesOf(existing);
    expect(objectivePatchOf(values, existing)).toBeNull();
    expect(objectivePatchOf({ ...values, title: "让客户离不开我们" }, existing)).toEqual({
      title: "让客户离不开我们",
    });
  });

  it("sends the alignment only when it changed, decoding objective and KR parents", () => {
    const values = valuesOf(existing);
    expect(alignmentChange({ ...values, supports: ["b", "a"] }, existing)).toBeNull();
    expect(alignmentChange({ ...values, parent: "k:kr1" }, existing)).toEqual({
      parentObjectiveId: null,
      parentKeyResultId: "kr1",
      supports: ["a", "b"],
    });
  });
});
