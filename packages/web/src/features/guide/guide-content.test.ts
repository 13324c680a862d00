import { describe, expect, it } from "vitest";
import { GUIDE_CHAPTERS } from "./guide-content.ts";

describe("the guide's chapters", () => {
  it("are the same chapters, in the same order, in both languages", () => {
    expect(GUIDE_CHAPTERS.zh.map((c) => c.id)).toEqual(GUIDE_CHAPTERS.en.map((c) => c.id));
  });

  it("cover what training must: objectives, key results, committed vs aspirational, scoring, alignment, check-ins, 复盘, rollout", () => {
    expect(GUIDE_CHAPTERS.en.map((c) => c.id)).toEqual([
      "objective",
      "key-results",
      "committed-aspirational",
      "scoring",
      "alignment",
      "check-ins",
      "retrospective",
      "rollout",
    ]);
    const scoring = (language: "zh" | "en") =>
      GUIDE_CHAPTERS[language].find((c) => c.id === "scoring")?.paragraphs.join(" ") ?? "";
    expect(scoring("zh")).toContain("0.6–0.7");
    expect(scoring("en")).toContain("0.6–0.7");
  });
});
