import { COACH_CODE_SPECS, COACH_CODES, reviewOkr } from "@luodi/core";
import { describe, expect, it } from "vitest";
import { type ExampleOkr, RULE_EXAMPLES, RULE_SEVERITY } from "./coach-examples.ts";

function codesFor(example: ExampleOkr, locale: "zh-CN" | "en"): string[] {
  const review = reviewOkr(
    {
      objective: { title: example.objective },
      keyResults: example.keyResults,
      ownerObjectiveCount: example.ownerObjectiveCount ?? null,
      kind: example.kind ?? null,
    },
    { locale },
  );
  return review.findings.map((finding) => finding.code);
}

const LANGUAGES = [
  ["zh", "zh-CN"],
  ["en", "en"],
] as const;

describe("the guide's coach rule examples", () => {
  it("teach every code of the coach's catalogue, once each", () => {
    expect(RULE_EXAMPLES.map((rule) => rule.code)).toEqual([...COACH_CODES]);
  });

  it("label each rule with the catalogue's severity", () => {
    for (const code of COACH_CODES) expect(RULE_SEVERITY[code], code).toBe(COACH_CODE_SPECS[code].severity);
  });

  describe.each(LANGUAGES)("in %s", (language, locale) => {
    it.each(RULE_EXAMPLES.map((rule) => [rule.code, rule] as const))(
      "%s: the bad example triggers the code and the good one does not",
      (code, rule) => {
        const lesson = rule[language];
        expect(codesFor(lesson.bad, locale), "bad example").toContain(code);
        expect(codesFor(lesson.good, locale), "good example").not.toContain(code);
      },
    );

    it("shows good examples the coach has nothing to say about", () => {
      for (const rule of RULE_EXAMPLES) {
        expect(codesFor(rule[language].good, locale), rule.code).toEqual([]);
      }
    });
  });
});
