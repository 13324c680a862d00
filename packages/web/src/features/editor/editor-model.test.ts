import type { ObjectiveDetail } from "@luodi/client";
import { describe, expect, it } from "vitest";
import {
  alignmentChange,
  coachInputOf,
  editorDraftKey,
  emptyKeyResult,
  inferredDirection,
  isEditorDraft,
  keyResultInputOf,
  objectiveInputOf,
  objectiveSaveInputOf,
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

  it("sends the kind chosen (承诺型 / 挑战型), and none for a form that never had the field", () => {
    const base = { cycleId: "c", title: "t", level: "personal" as const, visibility: "public" as const };
    expect(objectiveInputOf({ ...base, kind: "committed" }, "root")).toMatchObject({ kind: "committed" });
    expect(objectiveInputOf(base, "root")).not.toHaveProperty("kind");
    const saved = { ...existing, kind: "committed" } as ObjectiveDetail;
    const values = valuesOf(saved);
    expect(values.kind).toBe("committed");
    expect(objectiveSaveInputOf({ ...values, kind: "aspirational" })).toMatchObject({ kind: "aspirational" });
  });

  it("saves the whole objective in one body: KRs kept with their ids and milestone ids, new ones without", () => {
    const withKrs = {
      ...existing,
      keyResults: [
        {
          id: "k1",
          title: "付费客户从 120 到 200",
          type: "number",
          unit: "家",
          startValue: 120,
          targetValue: 200,
          direction: "increase",
          weight: 1,
          ownerUserId: "me",
          aggregation: null,
        },
        {
          id: "k2",
          title: "新手引导上线",
          type: "milestone",
          unit: null,
          startValue: null,
          targetValue: null,
          direction: null,
          weight: 2,
          ownerUserId: "me",
          aggregation: null,
          milestones: [{ id: "m1", title: "设计", weight: 1, done: true }],
        },
      ],
    } as unknown as ObjectiveDetail;
    const values = valuesOf(withKrs);
    const [first, second] = values.keyResults ?? [];
    if (!first || !second) throw new Error("valuesOf dropped a KR");
    const body = objectiveSaveInputOf({
      ...values,
      title: " 让客户离不开我们 ",
      reason: " 范围扩大 ",
      keyResults: [
        { ...first, unit: "" },
        { ...second, milestones: [...(second.milestones ?? []), { title: "全量上线" }] },
        { title: "续约率从 80% 到 92%", type: "percentage", startValue: 80, targetValue: 92 },
      ],
    });
    expect(body).toEqual({
      title: "让客户离不开我们",
      description: "",
      weight: 1,
      visibility: "public",
      reason: "范围扩大",
      keyResults: [
        {
          id: "k1",
          title: "付费客户从 120 到 200",
          type: "number",
          // Cleared: sent as null, since a field left out keeps its value.
          unit: null,
          startValue: 120,
          targetValue: 200,
          // Not chosen in the form: the numbers say it on the server.
          weight: 1,
          ownerUserId: "me",
        },
        {
          id: "k2",
          title: "新手引导上线",
          type: "milestone",
          weight: 2,
          ownerUserId: "me",
          milestones: [{ id: "m1", title: "设计", weight: 1 }, { title: "全量上线" }],
        },
        { title: "续约率从 80% 到 92%", type: "percentage", startValue: 80, targetValue: 92 },
      ],
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

describe("the direction of a KR (issue 13, fix 5)", () => {
  it("is not chosen for a new KR, so 60 → 45 goes without one and the server reads 降低 from the numbers", () => {
    expect(emptyKeyResult().direction).toBeUndefined();
    const input = keyResultInputOf({
      ...emptyKeyResult(),
      title: "交付周期",
      startValue: 60,
      targetValue: 45,
    });
    expect(input).toEqual({ title: "交付周期", type: "number", weight: 1, startValue: 60, targetValue: 45 });
    expect(inferredDirection({ startValue: 60, targetValue: 45 })).toBe("decrease");
    expect(inferredDirection({ startValue: 0, targetValue: 10 })).toBe("increase");
    expect(inferredDirection({ startValue: null, targetValue: -5 })).toBe("decrease");
  });

  it("is sent when the user picks one", () => {
    expect(
      keyResultInputOf({
        title: "x",
        type: "number",
        startValue: 60,
        targetValue: 45,
        direction: "increase",
      }),
    ).toMatchObject({ direction: "increase" });
  });
});

describe("the editor's kept draft (issue 13, item 8)", () => {
  const values = { level: "personal", visibility: "public", title: "Grow", keyResults: [{ type: "number" }] };

  it("is kept per person and per objective, a new one per template", () => {
    expect(editorDraftKey("u", "o1", null)).toBe("luodi.draft.editor.u.o1");
    expect(editorDraftKey("u", undefined, null)).toBe("luodi.draft.editor.u.new.");
    expect(editorDraftKey("u", undefined, "sales-1")).toBe("luodi.draft.editor.u.new.sales-1");
  });

  it("is taken back only with the shape the editor writes", () => {
    expect(isEditorDraft({ version: 3, values })).toBe(true);
    expect(isEditorDraft({ version: null, values: { ...values, keyResults: undefined } })).toBe(true);
    expect(isEditorDraft({ version: "3", values })).toBe(false);
    expect(isEditorDraft({ version: 1, values: { ...values, level: 2 } })).toBe(false);
    expect(isEditorDraft({ version: 1, values: { ...values, keyResults: [null] } })).toBe(false);
    expect(isEditorDraft(null)).toBe(false);
  });
});

describe("coachInputOf", () => {
  it("asks the coach about the kind chosen, and about no kind when none is", () => {
    const values = {
      level: "personal" as const,
      visibility: "public" as const,
      title: "让老客户持续回购",
      keyResults: [{ title: "复购收入翻一番", type: "number" as const }],
    };
    expect(coachInputOf({ ...values, kind: "committed" }, "zh-CN", 1).kind).toBe("committed");
    expect("kind" in coachInputOf(values, "zh-CN", 1)).toBe(false);
  });
});
