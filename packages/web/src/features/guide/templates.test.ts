import { reviewOkr } from "@luodi/core";
import { describe, expect, it } from "vitest";
import { findTemplate, TEMPLATE_FUNCTIONS, TEMPLATES, type TemplateText } from "./templates.ts";

function findingsOf(text: TemplateText, locale: "zh-CN" | "en") {
  return reviewOkr(
    {
      objective: { title: text.title, description: text.description },
      keyResults: text.keyResults.map((kr) => ({
        title: kr.title,
        type: kr.type,
        startValue: kr.startValue,
        targetValue: kr.targetValue,
      })),
    },
    { locale },
  ).findings;
}

describe("the template library", () => {
  it("holds at least 40 templates with unique ids, at least 4 for every function", () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    for (const fn of TEMPLATE_FUNCTIONS) {
      expect(TEMPLATES.filter((t) => t.function === fn).length, fn).toBeGreaterThanOrEqual(4);
    }
  });

  it("gives every objective 3 to 4 key results with a real measure, the same numbers in both languages", () => {
    for (const template of TEMPLATES) {
      for (const text of [template.zh, template.en]) {
        expect(text.keyResults.length, template.id).toBeGreaterThanOrEqual(3);
        expect(text.keyResults.length, template.id).toBeLessThanOrEqual(4);
        for (const kr of text.keyResults) {
          expect(kr.targetValue, `${template.id}: ${kr.title}`).not.toBe(kr.startValue);
          expect(kr.direction).toBe(kr.targetValue > kr.startValue ? "increase" : "decrease");
          expect(kr.unit.trim()).not.toBe("");
        }
      }
      const numbers = (text: TemplateText) =>
        text.keyResults.map((kr) => [kr.type, kr.startValue, kr.targetValue]);
      expect(numbers(template.en), template.id).toEqual(numbers(template.zh));
    }
  });

  // The library teaches by example: the coach itself finds nothing to improve in any template, not even
  // an info-level hint, in either language.
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s is an OKR the coach approves in zh-CN and en",
    (_id, t) => {
      expect(findingsOf(t.zh, "zh-CN").map((f) => `${f.target}:${f.code}`)).toEqual([]);
      expect(findingsOf(t.en, "en").map((f) => `${f.target}:${f.code}`)).toEqual([]);
    },
  );

  it("finds a template by id and nothing for an unknown one", () => {
    expect(findTemplate("sales-new-logos")?.function).toBe("sales");
    expect(findTemplate("no-such-template")).toBeUndefined();
    expect(findTemplate(null)).toBeUndefined();
  });
});
