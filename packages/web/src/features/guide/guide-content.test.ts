import { scoreBand } from "@luodi/core";
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

  it("teach the score bands core colours by: red below 0.4, yellow from 0.4 to below 0.7, green from 0.7", () => {
    const bands = (language: "zh" | "en") =>
      GUIDE_CHAPTERS[language].find((c) => c.id === "scoring")?.points ?? [];
    // The boundaries the guide names are the ones where core's band changes.
    expect([0.39, 0.4, 0.69, 0.7].map(scoreBand)).toEqual(["red", "yellow", "yellow", "green"]);
    expect(bands("zh")).toEqual(["低于 0.4：红色", "0.4 到 0.7（不含 0.7）：黄色", "0.7 及以上：绿色"]);
    expect(bands("en")).toEqual(["Below 0.4: red", "0.4 to below 0.7: yellow", "0.7 and above: green"]);
  });
});
