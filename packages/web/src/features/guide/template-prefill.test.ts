import { describe, expect, it } from "vitest";
import { coachInputOf, keyResultInputOf } from "../editor/editor-model.ts";
import { templateValues } from "./template-prefill.ts";
import { findTemplate } from "./templates.ts";

describe("templateValues", () => {
  const template = findTemplate("operations-delivery");
  if (!template) throw new Error("template missing");

  it("fills the objective and every KR with type, start, target, unit and direction in the UI's language", () => {
    const zh = templateValues(template, "zh-CN");
    expect(zh.title).toBe(template.zh.title);
    expect(zh.description).toBe(template.zh.description);
    expect(zh.keyResults?.[2]).toEqual({
      title: "错发漏发订单占比从 1.5% 降到 0.3%",
      type: "percentage",
      unit: "%",
      startValue: 1.5,
      targetValue: 0.3,
      direction: "decrease",
      weight: 1,
    });
    expect(templateValues(template, "en").keyResults?.[1]?.unit).toBe("hours");
  });

  it("gives KRs the API accepts and the coach reads with their numbers", () => {
    const values = templateValues(template, "en");
    const kr = values.keyResults?.[0];
    if (!kr) throw new Error("no KR");
    expect(keyResultInputOf(kr)).toMatchObject({
      type: "percentage",
      startValue: 88,
      targetValue: 98,
      unit: "%",
    });
    const input = coachInputOf({ level: "personal", visibility: "public", ...values }, "en", 1);
    expect(input.keyResults[0]).toMatchObject({ startValue: 88, targetValue: 98 });
  });
});
